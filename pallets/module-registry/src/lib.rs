//! # Module Registry Pallet
//!
//! A bounded key/value registry of module metadata and IPFS CIDs, with owners and held deposits.
//!
//! ## Overview
//!
//! Each key (at most [`Config::MaxKeyLength`] bytes) maps to a value (at most
//! [`Config::MaxValueLength`] bytes) that is either
//! - UTF-8 JSON module metadata whose top level is an object. The schema is open: `name`,
//!   `version`, `author`, `cid`, `entrypoint`, `args` and `custom` are recommended, not required;
//!   or
//! - a raw IPFS CID string: CIDv0 (`Qm…`) or a multibase CIDv1 (`bafy…`, `zb2…`, …).
//!
//! The value bytes are stored exactly as submitted in the [`ModuleRegistry`] map, so a plain
//! storage query returns them. Beside it, [`Modules`] keeps one [`EntryRecord`] per key: the
//! public [`ModuleInfo`] (owner, deposit, blocks, update counter, value kind, the CID to pin and
//! its pin status), the value's hash, and the ticket holding the owner's deposit. Registering a
//! plain JSON value therefore writes two items, the value and its record, and nothing else of the
//! pallet's.
//!
//! Registering holds a deposit from the caller through [`Config::Consideration`], priced by
//! [`Pallet::entry_footprint`] on every byte the entry makes the chain store: the key and value,
//! the record, and for a value that names a CID its pinning-queue row and reference row.
//! Updating re-prices it, removing releases it, and an accepted transfer moves it to the new
//! owner.
//!
//! The validation rules for values are in the [`validation`] module. Every refusal is a distinct
//! [`Error`], and leaves storage and balances unchanged.
//!
//! ### Example
//!
//! Register metadata, read it back through the runtime-API functions, update it, and remove it:
#![doc = docify::embed!("src/tests.rs", user_journey)]
//!
//! ## Low level details
//!
//! - The entry calls take `Vec<u8>` and check its length before anything else, so an oversize
//!   key or value fails with [`Error::KeyTooLong`] or [`Error::ValueTooLarge`] (the card's named
//!   errors) before a byte of it is parsed. The registry calls take bounded arguments
//!   ([`PackageText`], [`Name`], [`VersionText`], [`CidText`], [`ChecksumBytes`], [`Note`], and
//!   metadata bounded by [`Config::MaxMetadataLength`]), so an oversize one is refused when the
//!   transaction is decoded, before any work; they encode exactly like `Vec<u8>`.
//! - A CID text is checked against the longest legal text of its base before it is decoded
//!   ([`validation::max_cid_text_len`]): the big-integer decoders of base10, base36 and base58
//!   are quadratic in the text's length.
//! - Weights come from [`Config::WeightInfo`], with the key and value lengths passed in.
//! - Events carry the key, the owner, the blake2-256 hash of the value and its length, never the
//!   value itself.
//! - The read functions behind the runtime API are [`Pallet::get_module`],
//!   [`Pallet::module_info`] and [`Pallet::list_modules`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
pub mod migrations;
#[cfg(test)]
mod mock;
pub mod offchain;
#[cfg(test)]
mod offchain_tests;
mod pin_report;
pub mod registry;
#[cfg(test)]
mod registry_tests;
#[cfg(test)]
mod tests;
pub mod weights;

/// The stored records and the value rules live in `module-registry-primitives`, shared with the
/// runtime API, the RPC and the clients; they are re-exported here under their old paths.
pub use module_registry_primitives::{order::OrderKey, types, types::*, validation};
pub use offchain::{crypto, DEFAULT_IPFS_API, IPFS_API_STORAGE_KEY, KEY_TYPE};
pub use pallet::*;
pub use pin_report::PinReport;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use frame_support::traits::{fungible::Inspect, Footprint};

/// The balance type of the pallet's currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// The deposit ticket type.
pub type TicketOf<T> = <T as Config>::Consideration;

/// A registry key, bounded by the runtime's `MaxKeyLength`.
pub type KeyOf<T> = frame_support::BoundedVec<u8, <T as Config>::MaxKeyLength>;

/// A registry value, bounded by the runtime's `MaxValueLength`.
pub type ValueOf<T> = frame_support::BoundedVec<u8, <T as Config>::MaxValueLength>;

/// The stored information about an entry.
pub type ModuleInfoOf<T> = ModuleInfo<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;

/// An entry's pin status.
pub type PinStatusOf<T> = PinStatus<
	<T as frame_system::Config>::AccountId,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;

/// What the pallet stores per key besides the value bytes (see [`EntryRecord`]).
pub type EntryRecordOf<T> =
	EntryRecord<ModuleInfoOf<T>, <T as frame_system::Config>::Hash, TicketOf<T>>;

/// A pin report that passed the checks: the entry's record and the pinner's account.
pub type CheckedReport<T> = (EntryRecordOf<T>, <T as frame_system::Config>::AccountId);

/// A pin report as the pallet's `report_pin_status` takes it.
pub type PinReportOf<T> = PinReport<
	KeyOf<T>,
	<T as frame_system::offchain::SigningTypes>::Public,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;

/// A page of `list_modules`: keys with their information, in storage order.
pub type ModulePage<T> = Vec<(Vec<u8>, ModuleInfoOf<T>)>;

/// An ownership offer as stored.
pub type TransferOfferOf<T> = TransferOffer<<T as frame_system::Config>::AccountId>;

/// A namespace record as stored.
pub type NamespaceInfoOf<T> = NamespaceInfo<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;

/// A package record as stored.
pub type PackageInfoOf<T> = PackageInfo<
	<T as frame_system::Config>::AccountId,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;

/// A version record as stored.
pub type VersionRecordOf<T> = VersionRecord<
	<T as frame_system::Config>::AccountId,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;

/// A version as the runtime API answers it.
pub type VersionViewOf<T> = VersionView<
	<T as frame_system::Config>::AccountId,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;

/// A package as the runtime API answers it.
pub type PackageViewOf<T> = PackageView<
	<T as frame_system::Config>::AccountId,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;

/// A namespace as the runtime API answers it.
pub type NamespaceViewOf<T> = NamespaceView<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;

/// A footprint of `items` storage items holding `bytes` bytes in all: what registry deposits
/// (entries and namespaces) are priced on.
pub fn footprint(items: usize, bytes: usize) -> Footprint {
	Footprint::from_parts(items, bytes)
}

/// Two footprints priced as one.
pub fn combine(a: Footprint, b: Footprint) -> Footprint {
	Footprint { count: a.count.saturating_add(b.count), size: a.size.saturating_add(b.size) }
}

/// The storage path a registration took; each has its own benchmarked weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegisterPath {
	/// A new key, whose value names a CID (`cid`) or not.
	New { cid: bool },
	/// A new value for an existing key, from a value that named a CID (`old_cid`) or not, to
	/// one that does (`new_cid`) or not.
	Update { old_cid: bool, new_cid: bool },
}

impl RegisterPath {
	/// Every path.
	pub const ALL: [RegisterPath; 6] = [
		RegisterPath::New { cid: false },
		RegisterPath::New { cid: true },
		RegisterPath::Update { old_cid: false, new_cid: false },
		RegisterPath::Update { old_cid: false, new_cid: true },
		RegisterPath::Update { old_cid: true, new_cid: false },
		RegisterPath::Update { old_cid: true, new_cid: true },
	];
}

/// Everything the pallet stores about a key besides its value bytes, in one storage item, so
/// that registering, updating or removing a plain value touches two items (the value and this
/// record) and reading the record never loads the value.
#[derive(
	Clone,
	PartialEq,
	Eq,
	Debug,
	codec::Encode,
	codec::Decode,
	scale_info::TypeInfo,
	codec::MaxEncodedLen,
)]
pub struct EntryRecord<Info, Hash, Ticket> {
	/// The public information, as the runtime API answers it.
	pub info: Info,
	/// The blake2-256 hash of the value bytes, as events announce it: removal and transfer
	/// events name the value without reading it.
	pub value_hash: Hash,
	/// The ticket holding the owner's deposit for this entry.
	pub ticket: Ticket,
}

// Pin reports are validated with `ValidateUnsigned`, deprecated in favour of
// `#[pallet::authorize]`. Authorized calls travel as v5 "general" transactions, which
// substrate-interface (v4 only) cannot decode inside blocks; bare v4 extrinsics keep every client
// working. Move to `#[pallet::authorize]` once the clients decode v5 (before April 2027).
#[allow(deprecated)]
// The `validate_unsigned` expansion binds a unit value.
#[allow(clippy::let_unit_value)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{Consideration, Footprint},
	};
	use frame_system::{
		offchain::{AppCrypto, CreateBare, SignedPayload, SigningTypes},
		pallet_prelude::*,
	};
	use sp_runtime::traits::{Convert, Hash, IdentifyAccount, Saturating, UniqueSaturatedInto};

	/// The in-code storage version. 1: `PinStatus::Rejected` is the final pin state and every
	/// `Failed` entry is queued (see [`crate::migrations::v1`]). 2: the deposit ticket and the
	/// value hash live in the entry's record, and deposits cover the bookkeeping rows (see
	/// [`crate::migrations::v2`]). 3: each package's versions are indexed in precedence order
	/// ([`VersionOrder`], [`LiveVersions`]; see [`crate::migrations::v3`]).
	pub const STORAGE_VERSION: StorageVersion = StorageVersion::new(3);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Defaults for [`Config`], so a runtime sets only what matters to it (the currency, the
	/// deposit ticket and its price, the force origin and the pinner key type) and takes the
	/// limits below unless it has reason to differ:
	///
	/// ```ignore
	/// #[derive_impl(pallet_module_registry::config_preludes::TestDefaultConfig)]
	/// impl pallet_module_registry::Config for Runtime {
	/// 	type Currency = Balances;
	/// 	type Consideration = HoldConsideration<AccountId, Balances, HoldReason, Price>;
	/// 	type DepositPrice = Price;
	/// 	type ForceOrigin = EnsureRoot<AccountId>;
	/// 	type AuthorityId = pallet_module_registry::crypto::PinnerAuthId;
	/// }
	/// ```
	pub mod config_preludes {
		use super::*;
		use frame_support::{derive_impl, traits::ConstU64};

		/// The limits of this project's runtime: 64-byte keys, 64 KiB values, pages of 256,
		/// 32 pinners, 8 pins per block, a 7-day pin horizon of 6-second blocks, a 10-block
		/// report window and 4-second IPFS requests.
		pub struct TestDefaultConfig;

		#[derive_impl(frame_system::config_preludes::TestDefaultConfig, no_aggregated_types)]
		impl frame_system::DefaultConfig for TestDefaultConfig {}

		#[frame_support::register_default_impl(TestDefaultConfig)]
		impl DefaultConfig for TestDefaultConfig {
			type MaxKeyLength = ConstU32<64>;
			type MaxValueLength = ConstU32<65_536>;
			type MaxListLimit = ConstU32<256>;
			type MaxPinners = ConstU32<32>;
			type MaxPinsPerBlock = ConstU32<8>;
			type PinHorizon = ConstU32<{ 7 * 24 * 600 }>;
			type ReportWindow = ConstU32<10>;
			type IpfsTimeoutMs = ConstU64<4_000>;
			type UnsignedPriority = ConstU64<{ 1 << 20 }>;
			type MaxVersions = ConstU32<16_384>;
			type MaxMaintainers = ConstU32<16>;
			type MaxMetadataLength = ConstU32<16_384>;
			type MaxDependencies = ConstU32<64>;
			type ReservedNamespaces = DefaultReservedNamespaces;
			type ReservedPrefixes = DefaultReservedPrefixes;
			type OpenNamespace = DefaultOpenNamespace;
			type WeightInfo = ();
		}

		/// `official` and `verified`: namespaces only the registry admin assigns.
		pub struct DefaultReservedNamespaces;
		impl Get<&'static [&'static str]> for DefaultReservedNamespaces {
			fn get() -> &'static [&'static str] {
				&["official", "verified"]
			}
		}

		/// `cognitive-`, `cm-` and `core-`: package-name prefixes only the admin creates.
		pub struct DefaultReservedPrefixes;
		impl Get<&'static [&'static str]> for DefaultReservedPrefixes {
			fn get() -> &'static [&'static str] {
				&["cognitive-", "cm-", "core-"]
			}
		}

		/// `community`: the namespace where anyone may create a package.
		pub struct DefaultOpenNamespace;
		impl Get<&'static str> for DefaultOpenNamespace {
			fn get() -> &'static str {
				"community"
			}
		}
	}

	/// The pallet's configuration. Events reach the runtime through `frame_system`'s
	/// `RuntimeEvent` (the bound is added by the pallet macro).
	#[pallet::config(with_default)]
	pub trait Config:
		CreateBare<Call<Self>>
		+ SigningTypes
		+ frame_system::Config<RuntimeEvent: TryInto<Event<Self>>>
	{
		/// The currency deposits are held in; used to name the balance type.
		#[pallet::no_default]
		type Currency: Inspect<Self::AccountId>;

		/// The deposit ticket: holds funds for the footprint of an entry. In a runtime this is
		/// `HoldConsideration<_, Balances, HoldReason, DepositPrice>` with the same price as
		/// [`Config::DepositPrice`].
		#[pallet::no_default]
		type Consideration: Consideration<Self::AccountId, Footprint>;

		/// The price of a footprint. Must match the price inside [`Config::Consideration`]; it
		/// is what entries report as their deposit.
		#[pallet::no_default]
		type DepositPrice: Convert<Footprint, BalanceOf<Self>>;

		/// Origin allowed to remove any entry and to add and remove pinners (root in the
		/// runtime).
		#[pallet::no_default]
		type ForceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Longest key, in bytes.
		#[pallet::constant]
		type MaxKeyLength: Get<u32>;

		/// Longest value, in bytes.
		#[pallet::constant]
		type MaxValueLength: Get<u32>;

		/// Most entries one `list_modules` call returns.
		#[pallet::constant]
		type MaxListLimit: Get<u32>;

		/// The key pinners sign their reports with ([`crypto::PinnerAuthId`] in a runtime).
		#[pallet::no_default]
		type AuthorityId: AppCrypto<Self::Public, Self::Signature>;

		/// Most accounts in the pinner set.
		#[pallet::constant]
		type MaxPinners: Get<u32>;

		/// Most entries one off-chain worker run pins and checks.
		#[pallet::constant]
		type MaxPinsPerBlock: Get<u32>;

		/// Blocks after a value is set during which content that nobody provides yet is still
		/// waited for. Past it, a pinner may report `Timeout`, which is final
		/// ([`PinStatus::Rejected`]). Content that arrives late within it still verifies.
		#[pallet::constant]
		type PinHorizon: Get<u32>;

		/// Blocks a pin report stays valid after the block whose state its worker read. Older
		/// reports are refused as expired, so a report cannot be kept and replayed later.
		#[pallet::constant]
		type ReportWindow: Get<u32>;

		/// Deadline of each IPFS HTTP request, in milliseconds. A pin that is still fetching
		/// when it passes is progress, not a failure: the worker comes back to it.
		#[pallet::constant]
		type IpfsTimeoutMs: Get<u64>;

		/// Priority of pin reports in the transaction pool.
		#[pallet::constant]
		type UnsignedPriority: Get<TransactionPriority>;

		/// Origin that assigns reserved namespaces, sets a namespace's `verified` flag and
		/// creates packages with reserved name prefixes (root in the runtime).
		#[pallet::no_default]
		type RegistryAdmin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Most versions one package holds.
		#[pallet::constant]
		type MaxVersions: Get<u32>;

		/// Most maintainers of one namespace, its owner not counted.
		#[pallet::constant]
		type MaxMaintainers: Get<u32>;

		/// Longest metadata JSON of a version, in bytes.
		#[pallet::constant]
		type MaxMetadataLength: Get<u32>;

		/// Most module dependencies one version declares (`dependencies.modules` of its
		/// metadata). Values above the primitives' `MAX_DEPENDENCIES` (128) act as 128.
		#[pallet::constant]
		type MaxDependencies: Get<u32>;

		/// Namespaces nobody may claim; only [`Config::RegistryAdmin`] assigns them.
		type ReservedNamespaces: Get<&'static [&'static str]>;

		/// Package-name prefixes only [`Config::RegistryAdmin`] may create packages with.
		type ReservedPrefixes: Get<&'static [&'static str]>;

		/// The namespace nobody owns, where the first publisher of a package owns it.
		type OpenNamespace: Get<&'static str>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A new key was registered.
		ModuleRegistered {
			key: KeyOf<T>,
			owner: T::AccountId,
			value_hash: T::Hash,
			value_len: u32,
			kind: ValueKind,
			deposit: BalanceOf<T>,
		},
		/// The owner replaced the value of a key.
		ModuleUpdated {
			key: KeyOf<T>,
			owner: T::AccountId,
			value_hash: T::Hash,
			value_len: u32,
			kind: ValueKind,
			deposit: BalanceOf<T>,
			update_count: u32,
		},
		/// The owner removed a key; its deposit was released. `value_hash` and `value_len` name
		/// the value that was removed.
		ModuleRemoved {
			key: KeyOf<T>,
			owner: T::AccountId,
			value_hash: T::Hash,
			value_len: u32,
			refunded: BalanceOf<T>,
		},
		/// The owner offered a key to `to`, who may accept it with `accept_ownership`. The offer
		/// is for the value named by `value_hash` and `value_len`.
		OwnershipOffered {
			key: KeyOf<T>,
			from: T::AccountId,
			to: T::AccountId,
			value_hash: T::Hash,
			value_len: u32,
		},
		/// The owner withdrew an ownership offer before it was accepted.
		OwnershipOfferCancelled { key: KeyOf<T>, owner: T::AccountId, to: T::AccountId },
		/// `to` accepted a key; the deposit is now held from `to` and was released to `from`.
		OwnershipTransferred {
			key: KeyOf<T>,
			from: T::AccountId,
			to: T::AccountId,
			value_hash: T::Hash,
			value_len: u32,
		},
		/// The privileged origin removed a key; its deposit was released to the owner.
		ModuleForceRemoved {
			key: KeyOf<T>,
			owner: T::AccountId,
			value_hash: T::Hash,
			value_len: u32,
			refunded: BalanceOf<T>,
		},
		/// A pinner pinned the entry's CID and checked its root block.
		PinVerified { key: KeyOf<T>, cid: CidBytes, by: T::AccountId },
		/// A pinner could not pin or check the entry's CID. `will_retry` is false when the
		/// failure is final ([`PinStatus::Rejected`]).
		PinFailed {
			key: KeyOf<T>,
			cid: CidBytes,
			reason: PinFailure,
			attempts: u32,
			will_retry: bool,
		},
		/// No entry refers to this CID any more; pinners unpin it.
		CidUnreferenced { cid: CidBytes },
		/// An account joined the pinner set.
		PinnerAdded { who: T::AccountId },
		/// An account left the pinner set.
		PinnerRemoved { who: T::AccountId },
		/// An account claimed a namespace, holding `deposit`.
		NamespaceClaimed { namespace: Name, owner: T::AccountId, deposit: BalanceOf<T> },
		/// The registry admin gave a namespace to `owner` (no deposit).
		NamespaceAssigned { namespace: Name, owner: T::AccountId },
		/// The registry admin set or cleared a namespace's `verified` flag.
		NamespaceVerified { namespace: Name, verified: bool },
		/// The namespace owner added a maintainer.
		MaintainerAdded { namespace: Name, who: T::AccountId },
		/// The namespace owner removed a maintainer.
		MaintainerRemoved { namespace: Name, who: T::AccountId },
		/// The owner offered a namespace to `to`, who may accept it with `accept_namespace`.
		NamespaceOffered { namespace: Name, from: T::AccountId, to: T::AccountId },
		/// The owner withdrew a namespace offer.
		NamespaceOfferCancelled { namespace: Name, owner: T::AccountId, to: T::AccountId },
		/// `to` accepted a namespace; its maintainer list was cleared.
		NamespaceTransferred { namespace: Name, from: T::AccountId, to: T::AccountId },
		/// A package was created, by its first publication or by the admin.
		PackageCreated { namespace: Name, name: Name, owner: T::AccountId, module_type: ModuleType },
		/// A version was published. Its document is the entry under `entry_key`.
		VersionPublished {
			namespace: Name,
			name: Name,
			version: VersionText,
			cid: CidBytes,
			entry_key: KeyOf<T>,
			publisher: T::AccountId,
		},
		/// A version was yanked: ranges skip it, an exact request still resolves it.
		VersionYanked { namespace: Name, name: Name, version: VersionText },
		/// A yanked version was restored.
		VersionUnyanked { namespace: Name, name: Name, version: VersionText },
		/// A package (`version: None`) or one version was deprecated.
		Deprecated {
			namespace: Name,
			name: Name,
			version: Option<VersionText>,
			successor: Option<Note>,
		},
		/// A deprecation was lifted.
		Undeprecated { namespace: Name, name: Name, version: Option<VersionText> },
		/// A maintainer set a package's status.
		PackageStatusSet { namespace: Name, name: Name, status: PackageStatus },
		/// The admin moved a namespace to `to`; its maintainers, offer, `verified` flag and
		/// claim deposit (returned to `from`) were cleared.
		NamespaceForceTransferred { namespace: Name, from: T::AccountId, to: T::AccountId },
		/// The admin sent an entry (a plain one or a version's) back to the pinning worker;
		/// `previous` is the status it had.
		ReverificationRequested { key: KeyOf<T>, previous: PinStatusOf<T> },
		/// The owner gave up a namespace that held no packages; its claim deposit was returned.
		NamespaceReleased { namespace: Name, owner: T::AccountId, deposit: BalanceOf<T> },
		/// The admin moved a package of the open namespace to `to`.
		PackageForceTransferred {
			namespace: Name,
			name: Name,
			from: T::AccountId,
			to: T::AccountId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The key is empty. Use a non-empty key.
		EmptyKey,
		/// The key is longer than `MaxKeyLength`. Use a shorter key.
		KeyTooLong,
		/// The value is empty. Submit JSON metadata or a CID.
		EmptyValue,
		/// The value is longer than `MaxValueLength`. Store large content on IPFS and register
		/// its CID instead.
		ValueTooLarge,
		/// The value is not valid UTF-8. Values are JSON text or CID strings.
		InvalidUtf8,
		/// The value starts with `{` but is not valid JSON. Check it with a JSON parser.
		InvalidJson,
		/// The value is JSON but its top level is not an object. Wrap it in an object.
		JsonNotObject,
		/// The value is neither JSON nor a CID that parses. Submit a CIDv0 (`Qm…`) or a
		/// multibase CIDv1, with no surrounding whitespace.
		InvalidCid,
		/// The CID uses the identity hash, which inlines content instead of naming it. Add the
		/// content to IPFS and register the CID of a real hash.
		IdentityCid,
		/// The caller does not own this key. Only the owner may update, remove or transfer it.
		NotOwner,
		/// No entry exists under this key.
		NotFound,
		/// The new owner is already the owner.
		AlreadyOwner,
		/// The account is not in the pinner set. Root adds pinners with `add_pinner`.
		NotPinner,
		/// The account is already in the pinner set.
		AlreadyPinner,
		/// The pinner set is full (`MaxPinners`). Remove a pinner first.
		TooManyPinners,
		/// The report is about an older value, another CID, or an attempt the chain already
		/// counted. Copies of an applied report fail with this.
		StaleReport,
		/// The entry is not waiting for a report: it is verified or rejected.
		ReportNotNeeded,
		/// The report names a block in the future or more than `ReportWindow` blocks ago.
		/// Workers report on the block they read; a kept report cannot be replayed later.
		ReportExpired,
		/// A `Timeout` report arrived before `PinHorizon` blocks passed since the value was
		/// set: content may still arrive, so the entry keeps waiting.
		ReportTooEarly,
		/// No ownership offer is pending for this key. The owner makes one with
		/// `transfer_ownership`.
		NoOffer,
		/// The pending ownership offer is for another account.
		NotOfferee,
		/// The value changed after the offer was made; ask the owner to offer it again.
		OfferOutdated,
		/// New keys starting with the byte `0xFF` are reserved for published versions.
		ReservedKey,
		/// The entry holds a published version, which never changes: yank or deprecate it.
		SealedEntry,
		/// Not a valid name: namespaces and package names are `[a-z][a-z0-9-]*`, 1–64
		/// characters, and a package is `ns/name` (or `@ns/name`).
		InvalidName,
		/// The namespace or package-name prefix is reserved for the registry admin.
		ReservedName,
		/// The namespace is already claimed.
		NamespaceTaken,
		/// No such namespace. Claim it first with `claim_namespace`.
		UnknownNamespace,
		/// Only the namespace owner may do this.
		NotNamespaceOwner,
		/// The caller may not publish or manage this package: they are neither the namespace
		/// owner nor one of its maintainers (in the open namespace: not the package owner).
		NotMaintainer,
		/// The account is already a maintainer (or the owner).
		AlreadyMaintainer,
		/// The namespace has `MaxMaintainers` maintainers. Remove one first.
		TooManyMaintainers,
		/// Not a SemVer 2.0 version (at most 128 characters), e.g. `1.2.3` or `2.0.0-rc.1`.
		InvalidVersion,
		/// This version is published already (build metadata does not make a new version).
		/// Versions never change: publish a new one.
		VersionExists,
		/// No such package.
		UnknownPackage,
		/// The package has no such version.
		UnknownVersion,
		/// The package already exists.
		PackageExists,
		/// The checksum is not 32 bytes: give the SHA-256 digest of the content.
		BadChecksumLength,
		/// The metadata is longer than `MaxMetadataLength`.
		MetadataTooLarge,
		/// The metadata's `type` is not one of docker, native, python, wasm, other.
		InvalidModuleType,
		/// The package has `MaxVersions` versions.
		TooManyVersions,
		/// The version is already yanked.
		AlreadyYanked,
		/// The version is not yanked.
		NotYanked,
		/// The successor is not a `ns/name@range` reference (at most 256 bytes).
		InvalidSuccessor,
		/// The reason is not UTF-8 text of at most 256 bytes.
		InvalidReason,
		/// There is no deprecation to lift.
		NotDeprecated,
		/// The admin assigned this namespace (it carries no claim deposit): only the admin can
		/// move it, with `force_transfer_namespace`.
		AssignedNamespace,
		/// The pinner already has `2 × MaxPinsPerBlock` reports in this block; the report waits
		/// for the next one.
		TooManyReports,
		/// The entry names no CID: there is nothing to pin or verify.
		NothingToVerify,
		/// The entry already waits for the pinning worker.
		VerificationPending,
		/// The package lives in a claimed namespace, whose owner and maintainers publish to it:
		/// it moves with its namespace (`force_transfer_namespace`).
		NamespacedPackage,
		/// The namespace holds packages, which are never deleted: it cannot be released.
		NamespaceNotEmpty,
		/// The metadata's `dependencies` are not `{"runtime_min": version, "modules":
		/// ["ns/name@range", …]}` with each package once and valid names and ranges.
		BadDependencies,
		/// The metadata declares more than `MaxDependencies` module dependencies.
		TooManyDependencies,
		/// A dependency names a package the registry does not have. Publish it first.
		UnknownDependency,
	}

	/// A reason for the pallet placing a hold on funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit for a registry entry.
		#[codec(index = 0)]
		ModuleDeposit,
	}

	/// The registry: key to the value bytes exactly as submitted.
	#[pallet::storage]
	pub type ModuleRegistry<T: Config> =
		StorageMap<_, Blake2_128Concat, KeyOf<T>, ValueOf<T>, OptionQuery>;

	/// Per key: the entry's record, [`ModuleInfo`] (owner, deposit, blocks, counters, kind, CID
	/// and pin status), the value's hash and the deposit ticket.
	#[pallet::storage]
	pub type Modules<T: Config> = StorageMap<_, Blake2_128Concat, KeyOf<T>, EntryRecordOf<T>>;

	/// Keys whose CID waits for the off-chain worker (`Pending`, or `Failed` with retries left).
	/// It is an index of the records whose CID is open, kept so the worker does not scan every
	/// entry; entries without a CID never touch it.
	#[pallet::storage]
	pub type PendingPins<T: Config> = StorageMap<_, Blake2_128Concat, KeyOf<T>, (), OptionQuery>;

	/// How many entries refer to each CID. A CID is unpinned when its count drops to zero.
	#[pallet::storage]
	pub type CidRefs<T: Config> = StorageMap<_, Blake2_128Concat, CidBytes, u32, ValueQuery>;

	/// Per key: the ownership offer waiting for its recipient (`transfer_ownership`).
	#[pallet::storage]
	pub type TransferOffers<T: Config> =
		StorageMap<_, Blake2_128Concat, KeyOf<T>, TransferOfferOf<T>>;

	/// Claimed and assigned namespaces.
	#[pallet::storage]
	pub type Namespaces<T: Config> = StorageMap<_, Blake2_128Concat, Name, NamespaceInfoOf<T>>;

	/// Per namespace: the deposit ticket of its claim (none for assigned namespaces).
	#[pallet::storage]
	pub type NamespaceDeposits<T: Config> = StorageMap<_, Blake2_128Concat, Name, TicketOf<T>>;

	/// Per namespace: its maintainers besides the owner.
	#[pallet::storage]
	pub type Maintainers<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, Name, Blake2_128Concat, T::AccountId, ()>;

	/// Per namespace: the account it is offered to (`transfer_namespace`).
	#[pallet::storage]
	pub type NamespaceOffers<T: Config> = StorageMap<_, Blake2_128Concat, Name, T::AccountId>;

	/// Packages, by namespace and name.
	#[pallet::storage]
	pub type Packages<T: Config> = StorageMap<_, Blake2_128Concat, PackageKey, PackageInfoOf<T>>;

	/// Published versions, by package and version text without build metadata.
	#[pallet::storage]
	pub type Versions<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		PackageKey,
		Blake2_128Concat,
		VersionText,
		VersionRecordOf<T>,
	>;

	/// Every version of each package in ascending precedence: package, then the version's
	/// [`OrderKey`] (under the `Identity` hasher, so the trie's order is precedence order), to
	/// the version's identity (its key in [`Versions`]). `versions` pages through it, reading
	/// only the page it returns.
	#[pallet::storage]
	pub type VersionOrder<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, PackageKey, Identity, OrderKey, VersionText>;

	/// The versions resolution may pick (those not yanked), highest first: package, then
	/// `(is a pre-release, the negated OrderKey)`, to the version's identity. `resolve` and
	/// `latest` seek to the range's upper bound here and read one entry per search
	/// ([`module_registry_primitives::order::resolve_indexed`]); yanking removes the row and
	/// unyanking restores it.
	#[pallet::storage]
	pub type LiveVersions<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, PackageKey, Identity, (bool, OrderKey), VersionText>;

	/// The entries that hold published versions (sealed): entry key to package and version.
	#[pallet::storage]
	pub type VersionEntries<T: Config> =
		StorageMap<_, Blake2_128Concat, KeyOf<T>, (PackageKey, VersionText)>;

	/// The accounts whose signed pin reports are accepted. Managed by `ForceOrigin`.
	#[pallet::storage]
	pub type Pinners<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxPinners>, ValueQuery>;

	/// How many pin reports of each pinner the current block has applied: `(block, count)`.
	/// Reports are free and of top priority, so a pinner may have at most
	/// [`Pallet::max_reports_per_block`] applied per block; the rest wait in the pool for a later
	/// block. At most one row per pinner (`MaxPinners`); `remove_pinner` removes it.
	#[pallet::storage]
	pub type ReportsInBlock<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, (BlockNumberFor<T>, u32)>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The initial pinner set.
		pub pinners: Vec<T::AccountId>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let pinners = BoundedVec::<T::AccountId, T::MaxPinners>::try_from(self.pinners.clone())
				.expect("genesis pinners exceed MaxPinners");
			Pinners::<T>::put(pinners);
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Pins and checks a batch of pending CIDs, and unpins unreferenced ones; see
		/// [`crate::offchain`].
		fn offchain_worker(now: BlockNumberFor<T>) {
			Self::run_pinning_worker(now);
		}

		fn integrity_test() {
			assert!(
				T::MaxKeyLength::get() >= 33,
				"MaxKeyLength must hold a version entry's 33-byte key"
			);
			assert!(T::MaxVersions::get() > 0, "MaxVersions must be positive");
			assert!(T::MaxValueLength::get() > 0, "MaxValueLength must be positive");
			assert!(T::MaxListLimit::get() > 0, "MaxListLimit must be positive");
			assert!(T::MaxPinsPerBlock::get() > 0, "MaxPinsPerBlock must be positive");
			assert!(T::ReportWindow::get() > 0, "ReportWindow must be positive");
			assert!(T::PinHorizon::get() > 0, "PinHorizon must be positive");
			assert!(
				T::IpfsTimeoutMs::get().saturating_mul(3) < crate::offchain::LOCK_MILLIS,
				"a worker's lock must outlast the requests it makes for one key"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::validate_unsigned]
	impl<T: Config> ValidateUnsigned for Pallet<T> {
		type Call = Call<T>;

		/// Accepts a pin report only when its signer is an authorised pinner, it is about the
		/// entry's current value and the attempt the chain expects next, it is inside its
		/// block window, and the signature is valid. Its tag `(key, update_count, attempt)`
		/// keeps one report per attempt in the pool; once one is applied, every copy of it,
		/// however encoded, is `Stale`.
		fn validate_unsigned(_source: TransactionSource, call: &Self::Call) -> TransactionValidity {
			let Call::report_pin_status { report, signature } = call else {
				return InvalidTransaction::Call.into();
			};
			let now = frame_system::Pallet::<T>::block_number();
			if report.block_number > now {
				return InvalidTransaction::Future.into();
			}
			Self::check_report(report).map_err(|e| match e {
				Error::<T>::NotPinner => InvalidTransaction::BadSigner,
				Error::<T>::ReportTooEarly => InvalidTransaction::Custom(REPORT_TOO_EARLY),
				// The block is full of this pinner's reports: the block builder skips this one
				// and the pool keeps it for the next block.
				Error::<T>::TooManyReports => InvalidTransaction::ExhaustsResources,
				_ => InvalidTransaction::Stale,
			})?;
			if !SignedPayload::<T>::verify::<T::AuthorityId>(report, signature.clone()) {
				return InvalidTransaction::BadProof.into();
			}
			let expires = report.block_number.saturating_add(T::ReportWindow::get().into());
			let longevity: u64 = expires.saturating_sub(now).unique_saturated_into();
			ValidTransaction::with_tag_prefix("ModuleRegistryPinReport")
				.priority(T::UnsignedPriority::get())
				.and_provides((&report.key, report.update_count, report.attempt))
				.longevity(longevity.max(1))
				.propagate(true)
				.build()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register `data` under `key`, or replace the value of a key the caller owns.
		///
		/// - Origin: signed.
		/// - A new key holds a deposit for `key.len() + data.len()` bytes; an update re-prices
		///   it, holding more or releasing the difference, and resets the pin status.
		/// - Errors: `EmptyKey`, `KeyTooLong`, `EmptyValue`, `ValueTooLarge`, `InvalidUtf8`,
		///   `InvalidJson`, `JsonNotObject`, `InvalidCid`, `IdentityCid`, `NotOwner`, or a
		///   balance error when the deposit cannot be held.
		/// - Events: `ModuleRegistered` or `ModuleUpdated`.
		/// - Weight: the dearest of the six paths (new or updated, with or without a CID before
		///   and after) is reserved; the path taken is charged.
		#[pallet::call_index(0)]
		#[pallet::weight(Pallet::<T>::register_weight(key.len() as u32, data.len() as u32, None))]
		pub fn register_module(
			origin: OriginFor<T>,
			key: Vec<u8>,
			data: Vec<u8>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let (k, v) = (key.len() as u32, data.len() as u32);
			let key = Self::bound_key(key)?;
			let value = Self::bound_value(data)?;
			Self::ensure_plain_key(&key, true)?;
			let path = Self::do_register(who, key, value)?;
			Ok(Some(Self::register_weight(k, v, Some(path))).into())
		}

		/// Remove a key the caller owns and release its deposit. A pending ownership offer is
		/// withdrawn with it.
		///
		/// - Origin: signed, the owner.
		/// - Errors: `EmptyKey`, `KeyTooLong`, `NotFound`, `NotOwner`.
		/// - Events: `ModuleRemoved`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_module(key.len() as u32))]
		pub fn remove_module(origin: OriginFor<T>, key: Vec<u8>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let key = Self::bound_key(key)?;
			Self::ensure_plain_key(&key, false)?;
			let record = Modules::<T>::get(&key).ok_or(Error::<T>::NotFound)?;
			ensure!(record.info.owner == who, Error::<T>::NotOwner);
			let (value_hash, value_len) = (record.value_hash, record.info.value_len);
			let refunded = Self::do_remove(&key, record)?;
			Self::deposit_event(Event::ModuleRemoved {
				key,
				owner: who,
				value_hash,
				value_len,
				refunded,
			});
			Ok(())
		}

		/// Offer a key the caller owns to `new_owner`. Nothing moves until `new_owner` accepts
		/// with `accept_ownership`; the owner can withdraw the offer with
		/// `cancel_ownership_offer`. A new offer replaces a pending one.
		///
		/// - Origin: signed, the owner.
		/// - The offer is for the current value: if the owner updates it, the offer can no
		///   longer be accepted (`OfferOutdated`).
		/// - Errors: `EmptyKey`, `KeyTooLong`, `NotFound`, `NotOwner`, `AlreadyOwner`.
		/// - Events: `OwnershipOffered`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::transfer_ownership(key.len() as u32))]
		pub fn transfer_ownership(
			origin: OriginFor<T>,
			key: Vec<u8>,
			new_owner: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let key = Self::bound_key(key)?;
			Self::ensure_plain_key(&key, false)?;
			let record = Modules::<T>::get(&key).ok_or(Error::<T>::NotFound)?;
			ensure!(record.info.owner == who, Error::<T>::NotOwner);
			ensure!(new_owner != who, Error::<T>::AlreadyOwner);
			let update_count = record.info.update_count;
			TransferOffers::<T>::insert(
				&key,
				TransferOffer { to: new_owner.clone(), update_count },
			);
			Self::deposit_event(Event::OwnershipOffered {
				key,
				from: who,
				to: new_owner,
				value_hash: record.value_hash,
				value_len: record.info.value_len,
			});
			Ok(())
		}

		/// Remove any key, releasing its deposit to its owner.
		///
		/// - Origin: [`Config::ForceOrigin`].
		/// - Errors: `EmptyKey`, `KeyTooLong`, `NotFound`.
		/// - Events: `ModuleForceRemoved`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::force_remove_module(key.len() as u32))]
		pub fn force_remove_module(origin: OriginFor<T>, key: Vec<u8>) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			let key = Self::bound_key(key)?;
			Self::ensure_plain_key(&key, false)?;
			let record = Modules::<T>::get(&key).ok_or(Error::<T>::NotFound)?;
			let (value_hash, value_len) = (record.value_hash, record.info.value_len);
			let owner = record.info.owner.clone();
			let refunded = Self::do_remove(&key, record)?;
			Self::deposit_event(Event::ModuleForceRemoved {
				key,
				owner,
				value_hash,
				value_len,
				refunded,
			});
			Ok(())
		}

		/// Record what a pinner found about an entry's CID.
		///
		/// - Origin: none. Submitted by the off-chain worker as an unsigned transaction carrying
		///   a payload signed by a pinner key; `validate_unsigned` checks the signer is in
		///   [`Pinners`], the report is current, and the signature.
		/// - `Verified` sets the status to `Verified { at, by }`. A conclusive failure
		///   (`HashMismatch`, `Unsupported`) or a `Timeout` past `PinHorizon` sets the final
		///   `Rejected`; any other failure is counted in `Failed` and retried.
		/// - The report must name the attempt the chain expects next (its recorded failures) and
		///   a block inside `ReportWindow`; so every copy of an applied report is stale.
		/// - Errors: `NotFound`, `NotPinner`, `StaleReport`, `ReportNotNeeded`,
		///   `ReportExpired`, `ReportTooEarly`.
		/// - Events: `PinVerified` or `PinFailed`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::report_pin_status())]
		pub fn report_pin_status(
			origin: OriginFor<T>,
			report: PinReportOf<T>,
			_signature: T::Signature,
		) -> DispatchResult {
			ensure_none(origin)?;
			let (record, pinner) = Self::check_report(&report)?;
			let now = frame_system::Pallet::<T>::block_number();
			ReportsInBlock::<T>::mutate(&pinner, |row| {
				let count = row.filter(|(at, _)| *at == now).map_or(0, |(_, n)| n);
				*row = Some((now, count.saturating_add(1)));
			});
			Self::do_record_pin(report.key, record, pinner, report.outcome);
			Ok(())
		}

		/// Accept the ownership offer of `key` made to the caller.
		///
		/// - Origin: signed, the account the offer names.
		/// - The deposit for the entry is held from the caller first, then released to the old
		///   owner; if the caller cannot afford it nothing changes.
		/// - Errors: `EmptyKey`, `KeyTooLong`, `NotFound`, `NoOffer`, `NotOfferee`,
		///   `OfferOutdated`, or a balance error.
		/// - Events: `OwnershipTransferred`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::accept_ownership(key.len() as u32))]
		pub fn accept_ownership(origin: OriginFor<T>, key: Vec<u8>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let key = Self::bound_key(key)?;
			Self::ensure_plain_key(&key, false)?;
			let mut record = Modules::<T>::get(&key).ok_or(Error::<T>::NotFound)?;
			let offer = TransferOffers::<T>::get(&key).ok_or(Error::<T>::NoOffer)?;
			ensure!(offer.to == who, Error::<T>::NotOfferee);
			ensure!(offer.update_count == record.info.update_count, Error::<T>::OfferOutdated);
			let info = &record.info;
			let fp = Self::entry_footprint(key.len(), info.value_len as usize, info.cid.is_some());
			let new_ticket = T::Consideration::new(&who, fp)?;
			let from = core::mem::replace(&mut record.info.owner, who.clone());
			core::mem::replace(&mut record.ticket, new_ticket).drop(&from)?;
			TransferOffers::<T>::remove(&key);
			let (value_hash, value_len) = (record.value_hash, record.info.value_len);
			Modules::<T>::insert(&key, record);
			Self::deposit_event(Event::OwnershipTransferred {
				key,
				from,
				to: who,
				value_hash,
				value_len,
			});
			Ok(())
		}

		/// Withdraw the pending ownership offer of a key the caller owns.
		///
		/// - Origin: signed, the owner.
		/// - Errors: `EmptyKey`, `KeyTooLong`, `NotFound`, `NotOwner`, `NoOffer`.
		/// - Events: `OwnershipOfferCancelled`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::cancel_ownership_offer(key.len() as u32))]
		pub fn cancel_ownership_offer(origin: OriginFor<T>, key: Vec<u8>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let key = Self::bound_key(key)?;
			let record = Modules::<T>::get(&key).ok_or(Error::<T>::NotFound)?;
			ensure!(record.info.owner == who, Error::<T>::NotOwner);
			let offer = TransferOffers::<T>::take(&key).ok_or(Error::<T>::NoOffer)?;
			Self::deposit_event(Event::OwnershipOfferCancelled { key, owner: who, to: offer.to });
			Ok(())
		}

		/// Add `who` to the pinner set.
		///
		/// - Origin: [`Config::ForceOrigin`].
		/// - Errors: `AlreadyPinner`, `TooManyPinners`.
		/// - Events: `PinnerAdded`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::add_pinner())]
		pub fn add_pinner(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			Pinners::<T>::try_mutate(|set| -> DispatchResult {
				ensure!(!set.contains(&who), Error::<T>::AlreadyPinner);
				set.try_push(who.clone()).map_err(|_| Error::<T>::TooManyPinners)?;
				Ok(())
			})?;
			Self::deposit_event(Event::PinnerAdded { who });
			Ok(())
		}

		/// Remove `who` from the pinner set.
		///
		/// - Origin: [`Config::ForceOrigin`].
		/// - Errors: `NotPinner`.
		/// - Events: `PinnerRemoved`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::remove_pinner())]
		pub fn remove_pinner(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			Pinners::<T>::try_mutate(|set| -> DispatchResult {
				let pos = set.iter().position(|p| p == &who).ok_or(Error::<T>::NotPinner)?;
				set.remove(pos);
				Ok(())
			})?;
			ReportsInBlock::<T>::remove(&who);
			Self::deposit_event(Event::PinnerRemoved { who });
			Ok(())
		}

		/// Claim a free namespace, holding a deposit priced like an entry of its name plus the
		/// record.
		///
		/// - Origin: signed.
		/// - Errors: `InvalidName`, `ReservedName` (a reserved or the open namespace),
		///   `NamespaceTaken`, or a balance error.
		/// - Events: `NamespaceClaimed`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::claim_namespace())]
		pub fn claim_namespace(origin: OriginFor<T>, namespace: Name) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim_namespace(who, namespace.into_inner())
		}

		/// Give an unclaimed namespace (reserved ones included) to `owner`, with no deposit.
		///
		/// - Origin: [`Config::RegistryAdmin`].
		/// - Errors: `InvalidName`, `ReservedName` (the open namespace), `NamespaceTaken`.
		/// - Events: `NamespaceAssigned`.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::assign_namespace())]
		pub fn assign_namespace(
			origin: OriginFor<T>,
			namespace: Name,
			owner: T::AccountId,
		) -> DispatchResult {
			T::RegistryAdmin::ensure_origin(origin)?;
			Self::do_assign_namespace(namespace.into_inner(), owner)
		}

		/// Set or clear a namespace's `verified` flag.
		///
		/// - Origin: [`Config::RegistryAdmin`].
		/// - Errors: `InvalidName`, `UnknownNamespace`.
		/// - Events: `NamespaceVerified`.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::set_namespace_verified())]
		pub fn set_namespace_verified(
			origin: OriginFor<T>,
			namespace: Name,
			verified: bool,
		) -> DispatchResult {
			T::RegistryAdmin::ensure_origin(origin)?;
			Self::do_set_namespace_verified(namespace.into_inner(), verified)
		}

		/// Let `who` publish, yank, deprecate and set the status of packages in a namespace.
		///
		/// - Origin: signed, the namespace owner.
		/// - Errors: `InvalidName`, `UnknownNamespace`, `NotNamespaceOwner`,
		///   `AlreadyMaintainer`, `TooManyMaintainers`.
		/// - Events: `MaintainerAdded`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::add_maintainer())]
		pub fn add_maintainer(
			origin: OriginFor<T>,
			namespace: Name,
			who: T::AccountId,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_add_maintainer(owner, namespace.into_inner(), who)
		}

		/// Take a maintainer's rights away.
		///
		/// - Origin: signed, the namespace owner.
		/// - Errors: `InvalidName`, `UnknownNamespace`, `NotNamespaceOwner`, `NotMaintainer`.
		/// - Events: `MaintainerRemoved`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::remove_maintainer())]
		pub fn remove_maintainer(
			origin: OriginFor<T>,
			namespace: Name,
			who: T::AccountId,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_remove_maintainer(owner, namespace.into_inner(), who)
		}

		/// Offer a namespace to `to`; nothing moves until `to` calls `accept_namespace`. A new
		/// offer replaces a pending one. A namespace the admin assigned moves only with the
		/// admin (`force_transfer_namespace`).
		///
		/// - Origin: signed, the namespace owner.
		/// - Errors: `InvalidName`, `UnknownNamespace`, `NotNamespaceOwner`, `AlreadyOwner`,
		///   `AssignedNamespace`.
		/// - Events: `NamespaceOffered`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::transfer_namespace())]
		pub fn transfer_namespace(
			origin: OriginFor<T>,
			namespace: Name,
			to: T::AccountId,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_transfer_namespace(owner, namespace.into_inner(), to)
		}

		/// Accept a namespace offered to the caller. The claim deposit (if any) is held from the
		/// caller first, then released to the old owner; the maintainer list and the `verified`
		/// flag are cleared (the admin vouched for the old owner).
		///
		/// - Origin: signed, the account the offer names.
		/// - Errors: `InvalidName`, `UnknownNamespace`, `NoOffer`, `NotOfferee`,
		///   `AssignedNamespace`, or a balance error.
		/// - Events: `NamespaceTransferred`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::accept_namespace(T::MaxMaintainers::get()))]
		pub fn accept_namespace(origin: OriginFor<T>, namespace: Name) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_accept_namespace(who, namespace.into_inner())
		}

		/// Withdraw a pending namespace offer.
		///
		/// - Origin: signed, the namespace owner.
		/// - Errors: `InvalidName`, `UnknownNamespace`, `NotNamespaceOwner`, `NoOffer`.
		/// - Events: `NamespaceOfferCancelled`.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::cancel_namespace_offer())]
		pub fn cancel_namespace_offer(origin: OriginFor<T>, namespace: Name) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_cancel_namespace_offer(owner, namespace.into_inner())
		}

		/// Create an empty package for `owner`: the only way to create one whose name has a
		/// reserved prefix. The namespace owner and maintainers (in the open namespace,
		/// `owner`) then publish to it.
		///
		/// - Origin: [`Config::RegistryAdmin`].
		/// - Errors: `InvalidName`, `UnknownNamespace`, `PackageExists`.
		/// - Events: `PackageCreated`.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::create_package())]
		pub fn create_package(
			origin: OriginFor<T>,
			name: PackageText,
			owner: T::AccountId,
			module_type: ModuleType,
		) -> DispatchResult {
			T::RegistryAdmin::ensure_origin(origin)?;
			Self::do_create_package(name.into_inner(), owner, module_type)
		}

		/// Publish an immutable version of a package, creating the package on its first
		/// publication.
		///
		/// - Origin: signed: the namespace owner or a maintainer; in the open namespace anyone
		///   for a new package, then only its first publisher.
		/// - `name` is `ns/name` or `@ns/name`; `version` SemVer 2.0; `cid` the content's CID
		///   as text; `checksum` the 32-byte SHA-256 of the content bytes; `size` their length;
		///   `metadata` a JSON object (its `type` field sets a new package's module type).
		/// - The version's document is stored as a sealed entry (see the crate docs), holding
		///   the entry deposit from the caller; its CID is pinned like any entry's.
		/// - Errors: `InvalidName`, `ReservedName`, `UnknownNamespace`, `NotMaintainer`,
		///   `InvalidVersion`, `VersionExists`, `TooManyVersions`, `BadChecksumLength`,
		///   `MetadataTooLarge`, `InvalidJson`, `JsonNotObject`, `InvalidModuleType`,
		///   `BadDependencies`, `TooManyDependencies`, `UnknownDependency`, `InvalidCid`,
		///   `IdentityCid`, `ValueTooLarge`, or a balance error.
		/// - Dependencies: the metadata's `dependencies.modules` (at most `MaxDependencies`)
		///   must each name a package that exists (or this package itself); the chain keeps them
		///   in the version's document, immutable like the rest of it.
		/// - Events: `PackageCreated` (first version), `ModuleRegistered`, `VersionPublished`.
		#[pallet::call_index(18)]
		// The benchmark publishes a new version of an existing package; a package's first
		// version also counts it in its namespace (one more read and write). Its metadata is
		// the dearest kind (`MaxDependencies` references with long ranges, each package read),
		// so the benchmarked weight covers dependencies already; one read per possible
		// dependency is charged on top as a margin, and the part for dependencies not declared
		// is refunded after dispatch.
		#[pallet::weight(
			T::WeightInfo::publish_version(metadata.len() as u32)
				.saturating_add(T::DbWeight::get().reads_writes(1, 1))
				.saturating_add(T::DbWeight::get().reads(T::MaxDependencies::get().into()))
		)]
		pub fn publish_version(
			origin: OriginFor<T>,
			name: PackageText,
			version: VersionText,
			cid: CidText,
			checksum: ChecksumBytes,
			size: u64,
			metadata: BoundedVec<u8, T::MaxMetadataLength>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let full = T::WeightInfo::publish_version(metadata.len() as u32)
				.saturating_add(T::DbWeight::get().reads_writes(1, 1));
			let dependencies = Self::do_publish(
				who,
				registry::Publication {
					name: name.into_inner(),
					version: version.into_inner(),
					cid: cid.into_inner(),
					checksum: checksum.into_inner(),
					size,
					metadata: metadata.into_inner(),
				},
			)?;
			let reads = T::DbWeight::get().reads(dependencies.into());
			Ok(Some(full.saturating_add(reads)).into())
		}

		/// Yank a version: range resolution skips it; an exact request still resolves it,
		/// flagged `yanked`.
		///
		/// - Origin: signed, a maintainer of the package.
		/// - Errors: `InvalidName`, `InvalidVersion`, `UnknownPackage`, `UnknownVersion`,
		///   `NotMaintainer`, `AlreadyYanked`.
		/// - Events: `VersionYanked`.
		#[pallet::call_index(19)]
		#[pallet::weight(T::WeightInfo::yank_version())]
		pub fn yank_version(
			origin: OriginFor<T>,
			name: PackageText,
			version: VersionText,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_yanked(who, name.into_inner(), version.into_inner(), true)
		}

		/// Undo a yank.
		///
		/// - Origin: signed, a maintainer of the package.
		/// - Errors: `InvalidName`, `InvalidVersion`, `UnknownPackage`, `UnknownVersion`,
		///   `NotMaintainer`, `NotYanked`.
		/// - Events: `VersionUnyanked`.
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::unyank_version())]
		pub fn unyank_version(
			origin: OriginFor<T>,
			name: PackageText,
			version: VersionText,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_yanked(who, name.into_inner(), version.into_inner(), false)
		}

		/// Deprecate a package (`version: None`) or one version, with an optional successor
		/// (`ns/name@range`) and a reason. Deprecating again replaces the deprecation.
		///
		/// - Origin: signed, a maintainer of the package.
		/// - Errors: `InvalidName`, `InvalidVersion`, `UnknownPackage`, `UnknownVersion`,
		///   `NotMaintainer`, `InvalidSuccessor`, `InvalidReason`.
		/// - Events: `Deprecated`.
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::deprecate())]
		pub fn deprecate(
			origin: OriginFor<T>,
			name: PackageText,
			version: Option<VersionText>,
			successor: Option<Note>,
			reason: Note,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_deprecate(
				who,
				name.into_inner(),
				version.map(BoundedVec::into_inner),
				successor.map(BoundedVec::into_inner),
				reason.into_inner(),
			)
		}

		/// Lift the deprecation of a package (`version: None`) or of one version.
		///
		/// - Origin: signed, a maintainer of the package.
		/// - Errors: `InvalidName`, `InvalidVersion`, `UnknownPackage`, `UnknownVersion`,
		///   `NotMaintainer`, `NotDeprecated`.
		/// - Events: `Undeprecated`.
		#[pallet::call_index(22)]
		#[pallet::weight(T::WeightInfo::undeprecate())]
		pub fn undeprecate(
			origin: OriginFor<T>,
			name: PackageText,
			version: Option<VersionText>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_undeprecate(who, name.into_inner(), version.map(BoundedVec::into_inner))
		}

		/// Set a package's status: active, maintenance or inactive.
		///
		/// - Origin: signed, a maintainer of the package.
		/// - Errors: `InvalidName`, `UnknownPackage`, `NotMaintainer`.
		/// - Events: `PackageStatusSet`.
		#[pallet::call_index(23)]
		#[pallet::weight(T::WeightInfo::set_package_status())]
		pub fn set_package_status(
			origin: OriginFor<T>,
			name: PackageText,
			status: PackageStatus,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_package_status(who, name.into_inner(), status)
		}

		/// Move a namespace to `to` for legal or safety reasons, or to move a namespace the admin
		/// assigned. The old owner's claim deposit (if any) is returned and the namespace is then
		/// held like an assigned one (no deposit); maintainers, a pending offer and `verified`
		/// are cleared.
		///
		/// - Origin: [`Config::RegistryAdmin`].
		/// - Errors: `InvalidName`, `UnknownNamespace`, `AlreadyOwner`.
		/// - Events: `NamespaceForceTransferred`.
		#[pallet::call_index(24)]
		// Bounded by `accept_namespace` with the most maintainers: the same rows, one ticket
		// released and none held.
		#[pallet::weight(T::WeightInfo::accept_namespace(T::MaxMaintainers::get()))]
		pub fn force_transfer_namespace(
			origin: OriginFor<T>,
			namespace: Name,
			to: T::AccountId,
		) -> DispatchResult {
			T::RegistryAdmin::ensure_origin(origin)?;
			Self::do_force_transfer_namespace(namespace.into_inner(), to)
		}

		/// Send an entry whose pinning is settled (`Verified`, `Rejected`, or given up) back to
		/// the pinning worker, as if its value had just been set: for a verdict the admin has
		/// reason to doubt (a faulty pinner, content that came back). The value, owner and
		/// deposit are untouched; `updated` becomes the current block, so pin reports made
		/// before this call no longer apply and a `Timeout` waits a full `PinHorizon` again.
		///
		/// - Origin: [`Config::RegistryAdmin`].
		/// - Errors: `NotFound`, `NothingToVerify`, `VerificationPending`.
		/// - Events: `ReverificationRequested`.
		#[pallet::call_index(25)]
		#[pallet::weight(T::WeightInfo::force_reverify())]
		pub fn force_reverify(origin: OriginFor<T>, key: KeyOf<T>) -> DispatchResult {
			T::RegistryAdmin::ensure_origin(origin)?;
			Modules::<T>::try_mutate(&key, |record| -> DispatchResult {
				let info = &mut record.as_mut().ok_or(Error::<T>::NotFound)?.info;
				ensure!(info.cid.is_some(), Error::<T>::NothingToVerify);
				ensure!(
					!(info.pin_status.is_open() && PendingPins::<T>::contains_key(&key)),
					Error::<T>::VerificationPending
				);
				let previous = core::mem::replace(&mut info.pin_status, PinStatus::Pending);
				info.updated = frame_system::Pallet::<T>::block_number();
				PendingPins::<T>::insert(&key, ());
				Self::deposit_event(Event::ReverificationRequested { key: key.clone(), previous });
				Ok(())
			})
		}

		/// Give up a namespace that holds no packages: its maintainers and any pending offer are
		/// cleared and the claim deposit is returned; anyone may claim the name again.
		///
		/// - Origin: signed, the namespace owner.
		/// - Errors: `InvalidName`, `UnknownNamespace`, `NotNamespaceOwner`,
		///   `NamespaceNotEmpty`, `AssignedNamespace` (the admin's: it moves with
		///   `force_transfer_namespace`).
		/// - Events: `NamespaceReleased`.
		#[pallet::call_index(27)]
		#[pallet::weight(T::WeightInfo::release_namespace(T::MaxMaintainers::get()))]
		pub fn release_namespace(origin: OriginFor<T>, namespace: Name) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_release_namespace(owner, namespace.into_inner())
		}

		/// Move a package of the open namespace to `to`, who alone may publish to it from now
		/// on: the remedy for a lost key or a squatted name. Packages of claimed namespaces
		/// move with their namespace.
		///
		/// - Origin: [`Config::RegistryAdmin`].
		/// - Errors: `InvalidName`, `UnknownPackage`, `NamespacedPackage`, `AlreadyOwner`.
		/// - Events: `PackageForceTransferred`.
		#[pallet::call_index(26)]
		#[pallet::weight(T::WeightInfo::force_transfer_package())]
		pub fn force_transfer_package(
			origin: OriginFor<T>,
			name: PackageText,
			to: T::AccountId,
		) -> DispatchResult {
			T::RegistryAdmin::ensure_origin(origin)?;
			Self::do_force_transfer_package(name.into_inner(), to)
		}
	}

	/// `InvalidTransaction::Custom` code of a `Timeout` report sent before `PinHorizon`.
	pub const REPORT_TOO_EARLY: u8 = 2;

	impl<T: Config> SignedPayload<T> for PinReportOf<T> {
		fn public(&self) -> T::Public {
			self.public.clone()
		}
	}

	impl<T: Config> Pallet<T> {
		/// Check and bound a key.
		pub fn bound_key(key: Vec<u8>) -> Result<KeyOf<T>, Error<T>> {
			ensure!(!key.is_empty(), Error::<T>::EmptyKey);
			KeyOf::<T>::try_from(key).map_err(|_| Error::<T>::KeyTooLong)
		}

		/// Check the length of a value and bound it; its content is checked by `classify`.
		pub fn bound_value(data: Vec<u8>) -> Result<ValueOf<T>, Error<T>> {
			ensure!(!data.is_empty(), Error::<T>::EmptyValue);
			ValueOf::<T>::try_from(data).map_err(|_| Error::<T>::ValueTooLarge)
		}

		/// Classify a value, mapping refusals to the pallet's errors.
		pub fn classify(value: &[u8]) -> Result<validation::Classified, Error<T>> {
			use validation::ValueError;
			validation::classify(value).map_err(|e| match e {
				ValueError::Empty => Error::<T>::EmptyValue,
				ValueError::InvalidUtf8 => Error::<T>::InvalidUtf8,
				ValueError::InvalidJson => Error::<T>::InvalidJson,
				ValueError::JsonNotObject => Error::<T>::JsonNotObject,
				ValueError::InvalidCid => Error::<T>::InvalidCid,
				ValueError::IdentityCid => Error::<T>::IdentityCid,
			})
		}

		/// The footprint of an entry, the one rule its deposit is priced by: every byte the
		/// entry makes the chain store. That is the value item (key and value), the record
		/// ([`EntryRecord`] at its largest encoding, under the key) and, for a value that names a
		/// CID, its pinning-queue row (the key) and a reference-count row (CID and count). The
		/// reference row may be shared with other entries of the same CID; each pays for it, so
		/// removing any one of them never leaves a row unpaid for.
		pub fn entry_footprint(key_len: usize, value_len: usize, has_cid: bool) -> Footprint {
			let record = EntryRecordOf::<T>::max_encoded_len();
			let mut items = 2usize;
			let mut bytes =
				key_len.saturating_mul(2).saturating_add(value_len).saturating_add(record);
			if has_cid {
				items += 2;
				let cid_row = CidBytes::max_encoded_len().saturating_add(u32::max_encoded_len());
				bytes = bytes.saturating_add(key_len).saturating_add(cid_row);
			}
			footprint(items, bytes)
		}

		/// The rows a published version stores besides its entry, at their largest: its record
		/// in [`Versions`], its rows in [`VersionOrder`] and [`LiveVersions`], and its
		/// [`VersionEntries`] row. The version's entry deposit pays for them too.
		pub fn version_rows_footprint() -> Footprint {
			let package = PackageKey::max_encoded_len();
			let identity = VersionText::max_encoded_len();
			let order = OrderKey::max_encoded_len();
			let record = package + identity + VersionRecordOf::<T>::max_encoded_len();
			let ordered = package + order + identity;
			let live = package + 1 + order + identity;
			let sealed = KeyOf::<T>::max_encoded_len() + package + identity;
			footprint(4, record + ordered + live + sealed)
		}

		/// What a published version's entry deposit pays for: the entry (it always names a
		/// CID) and [`Pallet::version_rows_footprint`].
		pub fn version_entry_footprint(key_len: usize, value_len: usize) -> Footprint {
			combine(Self::entry_footprint(key_len, value_len, true), Self::version_rows_footprint())
		}

		/// The deposit an entry holds, as its record reports it.
		pub fn entry_deposit(key_len: usize, value_len: usize, has_cid: bool) -> BalanceOf<T> {
			T::DepositPrice::convert(Self::entry_footprint(key_len, value_len, has_cid))
		}

		/// The weight of `register_module` with a key of `k` and a value of `v` bytes: for the
		/// path it took, or, before dispatch (`None`), the dearest path.
		pub fn register_weight(k: u32, v: u32, path: Option<RegisterPath>) -> Weight {
			let of = |path| match path {
				RegisterPath::New { cid: false } => T::WeightInfo::register_module(k, v),
				RegisterPath::New { cid: true } => T::WeightInfo::register_pinned(k, v),
				RegisterPath::Update { old_cid: false, new_cid: false } =>
					T::WeightInfo::update_module(k, v),
				RegisterPath::Update { old_cid: false, new_cid: true } =>
					T::WeightInfo::update_json_to_cid(k, v),
				RegisterPath::Update { old_cid: true, new_cid: false } =>
					T::WeightInfo::update_cid_to_json(k, v),
				RegisterPath::Update { old_cid: true, new_cid: true } =>
					T::WeightInfo::update_cid_to_cid(k, v),
			};
			match path {
				Some(path) => of(path),
				None => RegisterPath::ALL.into_iter().fold(Weight::zero(), |w, p| w.max(of(p))),
			}
		}

		/// Insert or update `key` for `who`, and say which path it took. Shared by the call, by
		/// `publish_version` and by benchmarks.
		pub fn do_register(
			who: T::AccountId,
			key: KeyOf<T>,
			value: ValueOf<T>,
		) -> Result<RegisterPath, DispatchError> {
			Self::do_register_with(who, key, value, Footprint::default())
		}

		/// [`Pallet::do_register`], with the deposit also paying for `rows` the caller stores
		/// beside the entry (a published version's record and index rows).
		pub(crate) fn do_register_with(
			who: T::AccountId,
			key: KeyOf<T>,
			value: ValueOf<T>,
			rows: Footprint,
		) -> Result<RegisterPath, DispatchError> {
			let classified = Self::classify(&value)?;
			let now = frame_system::Pallet::<T>::block_number();
			let value_len = value.len() as u32;
			let value_hash = T::Hashing::hash(&value);
			let has_cid = classified.cid.is_some();
			let fp = combine(Self::entry_footprint(key.len(), value.len(), has_cid), rows);
			let deposit = T::DepositPrice::convert(fp);
			let pin_status = if has_cid { PinStatus::Pending } else { PinStatus::NoPinnableCid };

			match Modules::<T>::get(&key) {
				Some(EntryRecord { mut info, ticket, .. }) => {
					ensure!(info.owner == who, Error::<T>::NotOwner);
					let ticket = ticket.update(&who, fp)?;
					let old_cid = info.cid.is_some();
					Self::track_cid(&key, info.cid.as_ref(), classified.cid.as_ref());
					info.deposit = deposit;
					info.updated = now;
					info.update_count = info.update_count.saturating_add(1);
					info.value_len = value_len;
					info.kind = classified.kind;
					info.cid = classified.cid;
					info.pin_status = pin_status;
					let update_count = info.update_count;
					Modules::<T>::insert(&key, EntryRecord { info, value_hash, ticket });
					ModuleRegistry::<T>::insert(&key, value);
					Self::deposit_event(Event::ModuleUpdated {
						key,
						owner: who,
						value_hash,
						value_len,
						kind: classified.kind,
						deposit,
						update_count,
					});
					Ok(RegisterPath::Update { old_cid, new_cid: has_cid })
				},
				None => {
					let ticket = T::Consideration::new(&who, fp)?;
					Self::track_cid(&key, None, classified.cid.as_ref());
					let info = ModuleInfo {
						owner: who.clone(),
						deposit,
						created: now,
						updated: now,
						update_count: 0,
						value_len,
						kind: classified.kind,
						cid: classified.cid,
						pin_status,
					};
					Modules::<T>::insert(&key, EntryRecord { info, value_hash, ticket });
					ModuleRegistry::<T>::insert(&key, value);
					Self::deposit_event(Event::ModuleRegistered {
						key,
						owner: who,
						value_hash,
						value_len,
						kind: classified.kind,
						deposit,
					});
					Ok(RegisterPath::New { cid: has_cid })
				},
			}
		}

		/// Delete every record of `key` and release its deposit to the owner in `record`;
		/// answer the amount released.
		pub fn do_remove(
			key: &KeyOf<T>,
			record: EntryRecordOf<T>,
		) -> Result<BalanceOf<T>, DispatchError> {
			let EntryRecord { info, ticket, .. } = record;
			ticket.drop(&info.owner)?;
			TransferOffers::<T>::remove(key);
			Self::track_cid(key, info.cid.as_ref(), None);
			Modules::<T>::remove(key);
			ModuleRegistry::<T>::remove(key);
			Ok(info.deposit)
		}

		/// Move `key` from CID `old` to CID `new`: adjust reference counts, announce CIDs nobody
		/// refers to any more, and queue `key` for the pinning worker when it has a CID. An
		/// entry that had no CID and gets none touches nothing here.
		pub(crate) fn track_cid(key: &KeyOf<T>, old: Option<&CidBytes>, new: Option<&CidBytes>) {
			if old != new {
				if let Some(old) = old {
					let left = CidRefs::<T>::mutate_exists(old, |count| {
						let c = count.unwrap_or(0).saturating_sub(1);
						*count = if c == 0 { None } else { Some(c) };
						c
					});
					if left == 0 {
						Self::deposit_event(Event::CidUnreferenced { cid: old.clone() });
					}
				}
				if let Some(new) = new {
					CidRefs::<T>::mutate(new, |c| *c = c.saturating_add(1));
				}
			}
			if new.is_some() {
				PendingPins::<T>::insert(key, ());
			} else if old.is_some() {
				PendingPins::<T>::remove(key);
			}
		}

		/// Check a pin report against the chain: the signer is a pinner; the report is about
		/// the entry's current value and CID, and the attempt the chain expects next; the entry
		/// waits for a report; the report is inside its block window; and a `Timeout` comes
		/// only after `PinHorizon`. The signature is checked by the caller.
		pub fn check_report(report: &PinReportOf<T>) -> Result<CheckedReport<T>, Error<T>> {
			let pinner = report.public.clone().into_account();
			ensure!(Pinners::<T>::get().contains(&pinner), Error::<T>::NotPinner);
			let now = frame_system::Pallet::<T>::block_number();
			let applied = ReportsInBlock::<T>::get(&pinner)
				.filter(|(at, _)| *at == now)
				.map_or(0, |(_, n)| n);
			ensure!(applied < Self::max_reports_per_block(), Error::<T>::TooManyReports);
			let record = Modules::<T>::get(&report.key).ok_or(Error::<T>::NotFound)?;
			let info = &record.info;
			ensure!(
				info.update_count == report.update_count && info.cid.as_ref() == Some(&report.cid),
				Error::<T>::StaleReport
			);
			ensure!(
				info.pin_status.is_open() && PendingPins::<T>::contains_key(&report.key),
				Error::<T>::ReportNotNeeded
			);
			ensure!(report.attempt == info.pin_status.attempts(), Error::<T>::StaleReport);
			// The worker read a state in which this value was already set: a report kept from an
			// earlier registration of the same key cannot apply to a later one.
			ensure!(report.block_number >= info.updated, Error::<T>::StaleReport);
			let now = frame_system::Pallet::<T>::block_number();
			let expires = report.block_number.saturating_add(T::ReportWindow::get().into());
			ensure!(report.block_number <= now && now <= expires, Error::<T>::ReportExpired);
			if report.outcome == PinOutcome::Failed(PinFailure::Timeout) {
				let horizon = info.updated.saturating_add(T::PinHorizon::get().into());
				ensure!(now >= horizon, Error::<T>::ReportTooEarly);
			}
			Ok((record, pinner))
		}

		/// The most pin reports of one pinner a block applies: twice what one off-chain worker
		/// run sends (`MaxPinsPerBlock`), so the reports of two runs that land in one block
		/// both fit, and a compromised pinner key cannot fill blocks with free reports.
		pub fn max_reports_per_block() -> u32 {
			T::MaxPinsPerBlock::get().saturating_mul(2)
		}

		/// Apply a checked report to the entry's pin status.
		pub(crate) fn do_record_pin(
			key: KeyOf<T>,
			mut record: EntryRecordOf<T>,
			pinner: T::AccountId,
			outcome: PinOutcome,
		) {
			let info = &mut record.info;
			let cid = info.cid.clone().unwrap_or_default();
			match outcome {
				PinOutcome::Verified => {
					let at = frame_system::Pallet::<T>::block_number();
					info.pin_status = PinStatus::Verified { at, by: pinner.clone() };
					PendingPins::<T>::remove(&key);
					Modules::<T>::insert(&key, record);
					Self::deposit_event(Event::PinVerified { key, cid, by: pinner });
				},
				PinOutcome::Failed(reason) => {
					let attempts = info.pin_status.attempts().saturating_add(1);
					// `check_report` lets a `Timeout` through only past the horizon.
					let will_retry = !reason.is_conclusive() && reason != PinFailure::Timeout;
					info.pin_status = if will_retry {
						PinStatus::Failed { reason, attempts }
					} else {
						PendingPins::<T>::remove(&key);
						let at = frame_system::Pallet::<T>::block_number();
						PinStatus::Rejected { reason, at }
					};
					Modules::<T>::insert(&key, record);
					Self::deposit_event(Event::PinFailed {
						key,
						cid,
						reason,
						attempts,
						will_retry,
					});
				},
			}
		}

		/// The value bytes under `key`, as submitted.
		pub fn get_module(key: Vec<u8>) -> Option<Vec<u8>> {
			let key = KeyOf::<T>::try_from(key).ok()?;
			ModuleRegistry::<T>::get(key).map(|v| v.into_inner())
		}

		/// The full storage key of `key`'s value in [`ModuleRegistry`], or `None` for a key longer
		/// than `MaxKeyLength` (which cannot be stored). For readers outside the runtime: the
		/// node's `moduleRegistry_getModule` reads values with it instead of calling the runtime.
		pub fn value_storage_key(key: &[u8]) -> Option<Vec<u8>> {
			let key = KeyOf::<T>::try_from(key.to_vec()).ok()?;
			Some(ModuleRegistry::<T>::hashed_key_for(key))
		}

		/// The information recorded about `key`.
		pub fn module_info(key: Vec<u8>) -> Option<ModuleInfoOf<T>> {
			let key = KeyOf::<T>::try_from(key).ok()?;
			Modules::<T>::get(key).map(|record| record.info)
		}

		/// The ownership offer pending for `key`, if any.
		pub fn transfer_offer(key: Vec<u8>) -> Option<TransferOfferOf<T>> {
			let key = KeyOf::<T>::try_from(key).ok()?;
			TransferOffers::<T>::get(key)
		}

		/// Up to `limit` entries (at most `MaxListLimit`) in storage order, starting after
		/// `start_after` when given. Pass the last key of a page to get the next one. A
		/// `start_after` longer than `MaxKeyLength` is refused: it cannot name a position.
		pub fn list_modules(
			start_after: Option<Vec<u8>>,
			limit: u32,
		) -> Result<ModulePage<T>, ListError> {
			let limit = limit.min(T::MaxListLimit::get()) as usize;
			let iter = match start_after {
				Some(after) => {
					let after =
						KeyOf::<T>::try_from(after).map_err(|_| ListError::StartAfterTooLong)?;
					Modules::<T>::iter_from(Modules::<T>::hashed_key_for(after))
				},
				None => Modules::<T>::iter(),
			};
			Ok(iter.take(limit).map(|(k, record)| (k.into_inner(), record.info)).collect())
		}

		/// Check the pallet's invariants: every entry has its value, whose length and hash its
		/// record holds, and the deposit its footprint prices (or, until its next update, the
		/// storage-v1 price of an entry whose owner could not cover the re-pricing of
		/// [`crate::migrations::v2`]); every open pin is queued and every queued pin is open;
		/// CID reference counts match the entries; offers belong to live entries.
		#[cfg(any(feature = "try-runtime", test))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			use alloc::collections::BTreeMap;
			let mut refs: BTreeMap<CidBytes, u32> = BTreeMap::new();
			let mut entries = 0u32;
			for (key, record) in Modules::<T>::iter() {
				entries += 1;
				let info = record.info;
				let value = ModuleRegistry::<T>::get(&key).ok_or("entry without a value")?;
				ensure!(value.len() as u32 == info.value_len, "value_len differs from the value");
				ensure!(
					T::Hashing::hash(&value) == record.value_hash,
					"value_hash differs from the value"
				);
				let plain = Self::entry_deposit(key.len(), value.len(), info.cid.is_some());
				let v1 = T::DepositPrice::convert(crate::migrations::v2::v1_footprint(
					key.len(),
					value.len(),
				));
				// A version's entry also pays for the version's rows (since storage version 3;
				// one whose owner could not cover that at the migration kept its old price).
				let priced = if VersionEntries::<T>::contains_key(&key) {
					T::DepositPrice::convert(Self::version_entry_footprint(key.len(), value.len()))
				} else {
					plain
				};
				ensure!(
					info.deposit == priced || info.deposit == plain || info.deposit == v1,
					"recorded deposit differs from its price"
				);
				let queued = PendingPins::<T>::contains_key(&key);
				ensure!(
					queued == (info.cid.is_some() && info.pin_status.is_open()),
					"an entry is queued for pinning if and only if it has a CID and is open"
				);
				if let Some(cid) = info.cid {
					let count = refs.entry(cid).or_default();
					*count = count.saturating_add(1);
				}
			}
			ensure!(ModuleRegistry::<T>::iter_keys().count() as u32 == entries, "orphan value");
			for key in PendingPins::<T>::iter_keys() {
				ensure!(Modules::<T>::contains_key(&key), "queued pin of a missing entry");
			}
			let stored: BTreeMap<CidBytes, u32> = CidRefs::<T>::iter().collect();
			ensure!(stored == refs, "CID reference counts differ from the entries");
			for (key, offer) in TransferOffers::<T>::iter() {
				let record = Modules::<T>::get(&key).ok_or("offer for a missing entry")?;
				ensure!(offer.to != record.info.owner, "offer to the owner");
			}
			let pinners = Pinners::<T>::get();
			for (pinner, (_, count)) in ReportsInBlock::<T>::iter() {
				ensure!(pinners.contains(&pinner), "report count of a removed pinner");
				ensure!(count <= Self::max_reports_per_block(), "more reports than the cap");
			}
			Self::do_try_state_registry()
		}
	}
}
