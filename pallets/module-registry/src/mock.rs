//! A test runtime with balances and the registry.

use crate as pallet_module_registry;
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::HoldConsideration, ConstU32, ConstU64, Footprint, LinearStoragePrice},
};
use frame_system::EnsureRoot;
use sp_runtime::{
	testing::{TestSignature, UintAuthorityId},
	BuildStorage,
};

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type ModuleRegistry = pallet_module_registry;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<u64>;
	/// Real read and write costs, so that tests see what a weight charges for storage.
	type DbWeight = frame_support::weights::constants::RocksDbWeight;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type ExistentialDeposit = ConstU64<1>;
	type AccountStore = System;
}

/// Deposit base for one entry.
pub const DEPOSIT_BASE: u64 = 100;
/// Deposit per byte of key and value.
pub const DEPOSIT_PER_BYTE: u64 = 1;
/// Key limit of the test runtime (the production runtime's).
pub const MAX_KEY: u32 = 64;
/// Value limit of the test runtime (the production runtime's).
pub const MAX_VALUE: u32 = 65_536;
/// Blocks a CID is waited for before a `Timeout` report is accepted.
pub const PIN_HORIZON: u32 = 100;
/// Blocks a pin report stays valid.
pub const REPORT_WINDOW: u32 = 5;

parameter_types! {
	pub const DepositBase: u64 = DEPOSIT_BASE;
	pub const DepositPerByte: u64 = DEPOSIT_PER_BYTE;
	pub const RegistryHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::ModuleRegistry(pallet_module_registry::HoldReason::ModuleDeposit);
}

/// Base plus a price per byte.
pub type DepositPrice = LinearStoragePrice<DepositBase, DepositPerByte, u64>;

/// Only what differs from the pallet's defaults: small limits that tests can reach.
#[derive_impl(pallet_module_registry::config_preludes::TestDefaultConfig)]
impl pallet_module_registry::Config for Test {
	type Currency = Balances;
	type Consideration = HoldConsideration<u64, Balances, RegistryHoldReason, DepositPrice>;
	type DepositPrice = DepositPrice;
	type ForceOrigin = EnsureRoot<u64>;
	type RegistryAdmin = EnsureRoot<u64>;
	type MaxVersions = ConstU32<MAX_VERSIONS>;
	type MaxMaintainers = ConstU32<MAX_MAINTAINERS>;
	type MaxMetadataLength = ConstU32<MAX_METADATA>;
	type MaxDependencies = ConstU32<MAX_DEPENDENCIES>;
	type MaxKeyLength = ConstU32<MAX_KEY>;
	type MaxValueLength = ConstU32<MAX_VALUE>;
	type MaxListLimit = ConstU32<100>;
	type AuthorityId = TestAuthId;
	type MaxPinners = ConstU32<4>;
	type MaxPinsPerBlock = ConstU32<2>;
	type PinHorizon = ConstU32<PIN_HORIZON>;
	type ReportWindow = ConstU32<REPORT_WINDOW>;
	type IpfsTimeoutMs = ConstU64<2_000>;
}

/// Versions per package in tests.
pub const MAX_VERSIONS: u32 = 32;
/// Maintainers per namespace in tests.
pub const MAX_MAINTAINERS: u32 = 2;
/// Longest version metadata in tests.
pub const MAX_METADATA: u32 = 512;
/// Module dependencies per version in tests.
pub const MAX_DEPENDENCIES: u32 = 8;

/// Test pinner keys are `UintAuthorityId`s, whose account is the same `u64`.
pub struct TestAuthId;
impl frame_system::offchain::AppCrypto<UintAuthorityId, TestSignature> for TestAuthId {
	type RuntimeAppPublic = UintAuthorityId;
	type GenericPublic = UintAuthorityId;
	type GenericSignature = TestSignature;
}

impl frame_system::offchain::SigningTypes for Test {
	type Public = UintAuthorityId;
	type Signature = TestSignature;
}

/// Transactions the off-chain worker submits in tests.
pub type Extrinsic = sp_runtime::testing::TestXt<RuntimeCall, ()>;

impl<LocalCall> frame_system::offchain::CreateTransactionBase<LocalCall> for Test
where
	RuntimeCall: From<LocalCall>,
{
	type RuntimeCall = RuntimeCall;
	type Extrinsic = Extrinsic;
}

impl<LocalCall> frame_system::offchain::CreateBare<LocalCall> for Test
where
	RuntimeCall: From<LocalCall>,
{
	fn create_bare(call: Self::RuntimeCall) -> Self::Extrinsic {
		Extrinsic::new_bare(call)
	}
}

/// Alice, rich.
pub const ALICE: u64 = 1;
/// Bob, rich.
pub const BOB: u64 = 2;
/// Charlie, who can pay a small deposit only.
pub const CHARLIE: u64 = 3;
/// The pinner in the genesis pinner set.
pub const PINNER: u64 = 10;
/// Funds of Alice and Bob.
pub const RICH: u64 = 1_000_000_000;
/// Funds of Charlie.
pub const POOR: u64 = 600;

/// The deposit for a key and value of these lengths.
pub fn deposit(key_len: usize, value_len: usize) -> u64 {
	entry_price(key_len, value_len, false)
}

/// The deposit of an entry whose value names a CID: also its queue row (the key) and its
/// reference row (the CID and a count).
pub fn deposit_cid(key_len: usize, value_len: usize) -> u64 {
	entry_price(key_len, value_len, true)
}

/// What a published version's entry holds: the entry and the version's rows.
pub fn version_deposit(key_len: usize, value_len: usize) -> u64 {
	use sp_runtime::traits::Convert;
	DepositPrice::convert(ModuleRegistry::version_entry_footprint(key_len, value_len))
}

/// The price of one storage item of `bytes` bytes (a namespace's deposit).
pub fn item_deposit(bytes: usize) -> u64 {
	use sp_runtime::traits::Convert;
	DepositPrice::convert(Footprint::from_parts(1, bytes))
}

/// Storage v2's price rule, written out: the value item (key and value), the record (key and
/// record), and for a CID the queue and reference rows.
pub fn entry_price(key_len: usize, value_len: usize, has_cid: bool) -> u64 {
	use codec::MaxEncodedLen;
	use sp_runtime::traits::Convert;
	let record = crate::EntryRecordOf::<Test>::max_encoded_len();
	let (items, bytes) = if has_cid {
		(4, 3 * key_len + value_len + record + crate::CidBytes::max_encoded_len() + 4)
	} else {
		(2, 2 * key_len + value_len + record)
	};
	DepositPrice::convert(Footprint::from_parts(items, bytes))
}

/// Test externalities that check the pallet's invariants after every `execute_with`, and that
/// the balance held for deposits equals the deposits the entries record.
pub struct TestExt(pub sp_io::TestExternalities);

impl TestExt {
	/// Run `f`, then check the invariants.
	pub fn execute_with<R>(&mut self, f: impl FnOnce() -> R) -> R {
		self.0.execute_with(|| {
			let out = f();
			check_invariants();
			out
		})
	}
}

impl core::ops::Deref for TestExt {
	type Target = sp_io::TestExternalities;
	fn deref(&self) -> &Self::Target {
		&self.0
	}
}

impl core::ops::DerefMut for TestExt {
	fn deref_mut(&mut self) -> &mut Self::Target {
		&mut self.0
	}
}

/// `try_state`, plus the per-account hold check that needs the concrete currency.
pub fn check_invariants() {
	use frame_support::traits::fungible::InspectHold;
	ModuleRegistry::do_try_state().expect("try_state");
	let mut recorded = std::collections::BTreeMap::<u64, u64>::new();
	for (_, record) in crate::Modules::<Test>::iter() {
		*recorded.entry(record.info.owner).or_default() += record.info.deposit;
	}
	for (_, info) in crate::Namespaces::<Test>::iter() {
		*recorded.entry(info.owner).or_default() += info.deposit;
	}
	for who in [ALICE, BOB, CHARLIE, PINNER] {
		let held = Balances::balance_on_hold(&RegistryHoldReason::get(), &who);
		assert_eq!(held, recorded.get(&who).copied().unwrap_or(0), "held deposits of {who}");
	}
}

/// Storage with funded accounts, at block 1 so events are recorded; checks invariants after
/// every `execute_with`.
pub fn new_test_ext() -> TestExt {
	TestExt(raw_test_ext())
}

/// Storage with funded accounts, at block 1, without the invariant checks (for benchmarks and
/// for tests that build a broken or old layout on purpose).
pub fn raw_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(ALICE, RICH), (BOB, RICH), (CHARLIE, POOR)],
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	pallet_module_registry::GenesisConfig::<Test> { pinners: vec![PINNER] }
		.assimilate_storage(&mut t)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
