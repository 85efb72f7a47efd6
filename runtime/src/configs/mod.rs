//! One `impl Config` per pallet. Values that differ from the SDK defaults are documented.

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{
		fungible::HoldConsideration, ConstBool, ConstU128, ConstU32, ConstU64, ConstU8, Get,
		LinearStoragePrice, VariantCountOf,
	},
	weights::{
		constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		ConstantMultiplier, IdentityFee, Weight,
	},
};
use frame_system::{
	limits::{BlockLength, BlockWeights},
	EnsureRoot,
};
use pallet_transaction_payment::{FungibleAdapter, Multiplier, TargetedFeeAdjustment};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{traits::Bounded, FixedPointNumber, Perbill, Perquintill};
use sp_version::RuntimeVersion;

use super::{
	AccountId, Aura, Balance, Balances, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, RuntimeOrigin, RuntimeTask,
	System, EXISTENTIAL_DEPOSIT, MICRO_UNIT, MILLI_UNIT, SLOT_DURATION, VERSION,
};

const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
	/// Two seconds of compute in a six second block.
	pub RuntimeBlockWeights: BlockWeights = BlockWeights::with_sensible_defaults(
		Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX),
		NORMAL_DISPATCH_RATIO,
	);
	/// 5 MiB blocks, 75% of it for normal transactions.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| *max = NORMAL_DISPATCH_RATIO * *max)
		.build();
	pub const SS58Prefix: u8 = 42;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores state in ParityDB (RocksDB is not compiled in), so its access costs apply.
	type DbWeight = ParityDbWeight;
	/// Transaction-extension weights priced with `DbWeight` (the `()` default hard-codes RocksDB
	/// costs: 488 µs per transaction instead of 253 µs; docs/PERFORMANCE.md).
	type ExtensionsWeightInfo = frame_system::SubstrateExtensionsWeight<Runtime>;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<32>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

parameter_types! {
	/// Milliseconds between blocks (Aura's slot duration), fixed at genesis by the top-level
	/// `blockTimeMs` field of the genesis config (see `crate::genesis_config_presets`): 6 s
	/// unless a chain spec says otherwise; the `test` preset uses 2 s. It must never change on
	/// a running chain, so nothing but genesis writes it.
	pub storage BlockTimeMs: u64 = SLOT_DURATION;
}

/// Half the block time: the timestamp pallet's minimum period, from which Aura derives its slot
/// duration (`MinimumPeriodTimesTwo`).
pub struct HalfBlockTime;
impl Get<u64> for HalfBlockTime {
	fn get() -> u64 {
		BlockTimeMs::get() / 2
	}
}

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Aura;
	type MinimumPeriod = HalfBlockTime;
	type WeightInfo = ();
}

impl pallet_balances::Config for Runtime {
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ();
	type ReserveIdentifier = [u8; 8];
	type Balance = Balance;
	type RuntimeEvent = RuntimeEvent;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type DoneSlashHandler = ();
}

parameter_types! {
	/// The price of block space: 10 micro-units a byte (the deposit's per-byte price), so a
	/// full 3.75 MiB block pays about 39 units in length fees alone (docs/OPERATIONS.md).
	pub const TransactionByteFee: Balance = 10 * MICRO_UNIT;
	/// Fees rise while blocks are fuller than this (the standard targeted fee adjustment).
	pub const TargetBlockFullness: Perquintill = Perquintill::from_percent(25);
	/// How fast the fee multiplier moves per block: about ×2.4 a day of full blocks.
	pub AdjustmentVariable: Multiplier = Multiplier::saturating_from_rational(75, 1_000_000);
	/// Fees never fall below a tenth of their base.
	pub MinimumMultiplier: Multiplier = Multiplier::saturating_from_rational(1, 10u128);
	/// And may rise without bound under sustained load.
	pub MaximumMultiplier: Multiplier = Bounded::max_value();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = TargetedFeeAdjustment<
		Self,
		TargetBlockFullness,
		AdjustmentVariable,
		MinimumMultiplier,
		MaximumMultiplier,
	>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	pub const PreimageBaseDeposit: Balance = 10 * MILLI_UNIT;
	pub const PreimageByteDeposit: Balance = 10 * MICRO_UNIT;
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
}

/// Preimages: a standard pallet, kept as the weight baseline for storing blobs on chain.
impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = pallet_preimage::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<AccountId>;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
	>;
}

/// Longest registry key, in bytes.
pub const MODULE_KEY_LIMIT: u32 = 64;
/// Longest registry value, in bytes.
pub const MODULE_VALUE_LIMIT: u32 = 65_536;

parameter_types! {
	/// Held per entry: 10 milli-units…
	pub const ModuleDepositBase: Balance = 10 * MILLI_UNIT;
	/// …plus 10 micro-units per byte of key and value (about 0.66 units for 64 KiB).
	pub const ModuleDepositPerByte: Balance = 10 * MICRO_UNIT;
	pub const ModuleHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::ModuleRegistry(pallet_module_registry::HoldReason::ModuleDeposit);
}

/// The price of an entry's footprint.
pub type ModuleDepositPrice = LinearStoragePrice<ModuleDepositBase, ModuleDepositPerByte, Balance>;

impl pallet_module_registry::Config for Runtime {
	type Currency = Balances;
	type Consideration =
		HoldConsideration<AccountId, Balances, ModuleHoldReason, ModuleDepositPrice>;
	type DepositPrice = ModuleDepositPrice;
	type ForceOrigin = EnsureRoot<AccountId>;
	type RegistryAdmin = EnsureRoot<AccountId>;
	type MaxVersions = ConstU32<16_384>;
	type MaxMaintainers = ConstU32<16>;
	type MaxMetadataLength = ConstU32<16_384>;
	/// Module dependencies one version may declare.
	type MaxDependencies = ConstU32<64>;
	type ReservedNamespaces = pallet_module_registry::config_preludes::DefaultReservedNamespaces;
	type ReservedPrefixes = pallet_module_registry::config_preludes::DefaultReservedPrefixes;
	type OpenNamespace = pallet_module_registry::config_preludes::DefaultOpenNamespace;
	type MaxKeyLength = ConstU32<MODULE_KEY_LIMIT>;
	type MaxValueLength = ConstU32<MODULE_VALUE_LIMIT>;
	type MaxListLimit = ConstU32<256>;
	type AuthorityId = pallet_module_registry::crypto::PinnerAuthId;
	type MaxPinners = ConstU32<32>;
	type MaxPinsPerBlock = ConstU32<8>;
	/// Content nobody provides is waited for a week (of 6-second blocks) before it is rejected.
	type PinHorizon = ConstU32<{ 7 * 24 * 600 }>;
	/// A pin report is valid for ten blocks after the block its worker read.
	type ReportWindow = ConstU32<10>;
	/// Four seconds per IPFS request keeps a run inside one block time; a pin still fetching
	/// then is tried again, not counted as a failure.
	type IpfsTimeoutMs = ConstU64<4_000>;
	type UnsignedPriority = ConstU64<{ 1 << 20 }>;
	type WeightInfo = pallet_module_registry::weights::SubstrateWeight<Runtime>;
}

impl frame_system::offchain::SigningTypes for Runtime {
	type Public = <super::Signature as sp_runtime::traits::Verify>::Signer;
	type Signature = super::Signature;
}

impl<C> frame_system::offchain::CreateTransactionBase<C> for Runtime
where
	RuntimeCall: From<C>,
{
	type Extrinsic = super::UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

/// Pin reports travel as bare (unsigned, v4) extrinsics, which every client decodes.
impl<C> frame_system::offchain::CreateBare<C> for Runtime
where
	RuntimeCall: From<C>,
{
	fn create_bare(call: RuntimeCall) -> super::UncheckedExtrinsic {
		// `new_bare` would make a v5 bare extrinsic; v4 is the format every client decodes.
		super::UncheckedExtrinsic::new_bare_legacy(call)
	}
}
