//! Types stored by the pallet and returned by its runtime API.

use bounded_collections::{BoundedVec, ConstU32};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Longest binary CID the pallet records for pinning: a CIDv1 header (version, codec, hash code,
/// digest length) plus a 64-byte digest fits with room to spare.
pub const MAX_CID_BYTES: u32 = 80;

/// A CID in its binary form (`Cid::to_bytes`), as recorded for the off-chain worker.
pub type CidBytes = BoundedVec<u8, ConstU32<MAX_CID_BYTES>>;

/// What a registered value is.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
pub enum ValueKind {
	/// UTF-8 JSON whose top level is an object (module metadata).
	Json,
	/// A raw IPFS CID string (CIDv0 `Qm…` or a multibase CIDv1).
	Cid,
}

/// Why the off-chain worker could not verify a CID.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
pub enum PinFailure {
	/// The daemon did not answer before the deadline (for example, it is still searching the
	/// network for a CID nobody provides).
	Timeout,
	/// The daemon answered with a non-200 status.
	HttpError,
	/// The daemon's answer could not be understood.
	MalformedResponse,
	/// The root block's hash does not match the CID's digest.
	HashMismatch,
	/// The CID's hash function is not sha2-256, which the worker cannot check.
	Unsupported,
}

/// Where an entry stands with the pinning off-chain worker.
#[derive(
	Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub enum PinStatus<AccountId, BlockNumber> {
	/// The value has no CID the worker could pin: JSON without a `cid` field, or with one that
	/// does not parse. Clients should warn about the latter.
	NoPinnableCid,
	/// Waiting for the off-chain worker.
	Pending,
	/// A pinner fetched the root block and checked it against the CID.
	Verified {
		/// Block in which the report was included.
		at: BlockNumber,
		/// The authorised pinner that reported it.
		by: AccountId,
	},
	/// A pinner hit a transient failure (the daemon answered an error, or an answer it could
	/// not read); the entry stays queued and is retried with a growing back-off. `attempts`
	/// counts the failures reported so far.
	Failed {
		/// The last failure seen.
		reason: PinFailure,
		/// How many failed attempts were reported.
		attempts: u32,
	},
	/// Final: the content is provably wrong (`HashMismatch`), cannot be checked
	/// (`Unsupported`), or nobody provided it within `PinHorizon` blocks of the value being set
	/// (`Timeout`). The entry is no longer retried until its value is updated.
	Rejected {
		/// Why the entry was given up on.
		reason: PinFailure,
		/// Block in which the final report was included.
		at: BlockNumber,
	},
}

impl<AccountId, BlockNumber> PinStatus<AccountId, BlockNumber> {
	/// The failed attempts recorded so far: the attempt number a pin report must name.
	pub fn attempts(&self) -> u32 {
		match self {
			PinStatus::Failed { attempts, .. } => *attempts,
			_ => 0,
		}
	}

	/// Whether the pinning worker still has to look at the entry.
	pub fn is_open(&self) -> bool {
		matches!(self, PinStatus::Pending | PinStatus::Failed { .. })
	}
}

impl PinFailure {
	/// Whether this failure proves something about the content itself, so that retrying
	/// cannot change the answer.
	pub fn is_conclusive(&self) -> bool {
		matches!(self, PinFailure::HashMismatch | PinFailure::Unsupported)
	}
}

/// Everything the chain knows about a key besides its value bytes.
#[derive(
	Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct ModuleInfo<AccountId, Balance, BlockNumber> {
	/// The account that registered the key, or received it by transfer.
	pub owner: AccountId,
	/// The amount held from the owner for this entry.
	pub deposit: Balance,
	/// Block of the first registration.
	pub created: BlockNumber,
	/// Block of the last registration or update.
	pub updated: BlockNumber,
	/// How many times the value was updated after its first registration.
	pub update_count: u32,
	/// Length in bytes of the stored value.
	pub value_len: u32,
	/// JSON metadata or a raw CID.
	pub kind: ValueKind,
	/// The CID to pin, in binary form, if the value names one that parses.
	pub cid: Option<CidBytes>,
	/// The pinning status of `cid`.
	pub pin_status: PinStatus<AccountId, BlockNumber>,
}

/// What a pinner found when it pinned and checked a CID.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
pub enum PinOutcome {
	/// Pinned, and the root block hashes to the CID's digest.
	Verified,
	/// Pinning or checking failed.
	Failed(PinFailure),
}

/// An ownership offer waiting for the recipient to accept it.
#[derive(
	Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "camelCase"))]
pub struct TransferOffer<AccountId> {
	/// The account that may accept.
	pub to: AccountId,
	/// The entry's `update_count` when the offer was made: an offer for a value that changed
	/// since can no longer be accepted, so nobody takes on a larger deposit than they saw.
	pub update_count: u32,
}

/// Why `list_modules` refused a request.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
pub enum ListError {
	/// `start_after` is longer than `MaxKeyLength`, so it cannot be a key of this registry.
	StartAfterTooLong,
}

/// Longest version text, build metadata included.
pub const MAX_VERSION_LEN: u32 = 128;

/// Longest deprecation reason or successor reference, in bytes.
pub const MAX_NOTE_LEN: u32 = 256;

/// A namespace or package name as stored (checked by [`crate::registry::validate_name`]).
pub type Name = BoundedVec<u8, ConstU32<{ crate::registry::MAX_NAME_LEN as u32 }>>;

/// A package as stored: namespace and name.
pub type PackageKey = (Name, Name);

/// A version's text as stored.
pub type VersionText = BoundedVec<u8, ConstU32<MAX_VERSION_LEN>>;

/// A deprecation reason or successor reference as stored.
pub type Note = BoundedVec<u8, ConstU32<MAX_NOTE_LEN>>;

/// Longest package text a call takes: `@`, a namespace, `/` and a name.
pub const MAX_PACKAGE_TEXT_LEN: u32 = 2 * crate::registry::MAX_NAME_LEN as u32 + 2;

/// A package as a call names it (`ns/name` or `@ns/name`). Calls take bounded arguments so an
/// oversize one is refused when the transaction is decoded, before any work is done for it.
pub type PackageText = BoundedVec<u8, ConstU32<MAX_PACKAGE_TEXT_LEN>>;

/// A CID as a call takes it, as text: at most the longest legal text of the largest CID the
/// chain records ([`crate::validation::MAX_CID_TEXT_LEN`]; each base's own, shorter bound is
/// checked before decoding).
pub type CidText = BoundedVec<u8, ConstU32<{ crate::validation::MAX_CID_TEXT_LEN as u32 }>>;

/// Length of a SHA-256 checksum.
pub const CHECKSUM_LEN: u32 = 32;

/// A checksum as a call takes it: at most [`CHECKSUM_LEN`] bytes (a shorter one is refused with
/// a named error).
pub type ChecksumBytes = BoundedVec<u8, ConstU32<CHECKSUM_LEN>>;

/// What kind of module a package holds (the registrar's types, plus wasm and other).
#[derive(
	Clone,
	Copy,
	Debug,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "lowercase"))]
pub enum ModuleType {
	/// A container image.
	Docker,
	/// A native binary.
	Native,
	/// A Python package.
	Python,
	/// A WebAssembly module.
	Wasm,
	/// Anything else.
	#[default]
	Other,
}

impl ModuleType {
	/// The type named by a metadata `type` field (`docker`, `native`, `python`, `wasm`, `other`).
	pub fn from_name(name: &str) -> Option<ModuleType> {
		Some(match name {
			"docker" => ModuleType::Docker,
			"native" => ModuleType::Native,
			"python" => ModuleType::Python,
			"wasm" => ModuleType::Wasm,
			"other" => ModuleType::Other,
			_ => return None,
		})
	}
}

/// The state a package's maintainers give it.
#[derive(
	Clone,
	Copy,
	Debug,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "std", serde(rename_all = "lowercase"))]
pub enum PackageStatus {
	/// Developed and supported.
	#[default]
	Active,
	/// Fixes only.
	Maintenance,
	/// No longer worked on.
	Inactive,
}

/// A deprecation of a package or of one version.
#[derive(
	Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct Deprecation {
	/// What to use instead: a `ns/name@range` reference, checked when it was set.
	pub successor: Option<Note>,
	/// Why, as UTF-8 text.
	pub reason: Note,
}

/// A claimed (or assigned) namespace.
#[derive(
	Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct NamespaceInfo<AccountId, Balance, BlockNumber> {
	/// The account that claimed it, was assigned it, or accepted it.
	pub owner: AccountId,
	/// Set by the registry admin.
	pub verified: bool,
	/// The amount held from the owner (zero for a namespace the admin assigned).
	pub deposit: Balance,
	/// Block of the claim.
	pub created: BlockNumber,
	/// How many maintainers it has.
	pub maintainer_count: u32,
	/// How many packages it holds (storage version 3). Packages are never deleted, so a
	/// namespace can be released only while this is zero.
	pub package_count: u32,
}

/// A package: its owner, type, status and deprecation.
#[derive(
	Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct PackageInfo<AccountId, BlockNumber> {
	/// The namespace owner when it was created, or in the open namespace its first publisher.
	/// Only in the open namespace does it decide who may publish.
	pub owner: AccountId,
	/// From the first version's metadata `type` field.
	pub module_type: ModuleType,
	/// Set by the maintainers.
	pub status: PackageStatus,
	/// The package's deprecation, if any.
	pub deprecation: Option<Deprecation>,
	/// How many versions were published.
	pub version_count: u32,
	/// Block of creation.
	pub created: BlockNumber,
}

/// A published version. Nothing in it changes except `yanked` and `deprecation`.
#[derive(
	Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo, MaxEncodedLen,
)]
pub struct VersionRecord<AccountId, BlockNumber> {
	/// The version as published, build metadata included.
	pub version: VersionText,
	/// SHA-256 of the content bytes as a client downloads them.
	pub checksum: [u8; 32],
	/// Their length in bytes.
	pub size: u64,
	/// Who published it.
	pub publisher: AccountId,
	/// The block it was published in.
	pub published_at: BlockNumber,
	/// Skipped by range resolution; an exact request still resolves it.
	pub yanked: bool,
	/// The version's own deprecation, if any.
	pub deprecation: Option<Deprecation>,
}

/// A version as the runtime API answers it: the record, its CID, the key of the entry that
/// holds its content, its pin status, and the deprecation that applies (the version's own, or
/// else the package's).
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct VersionView<AccountId, BlockNumber> {
	/// `ns/name`.
	pub package: alloc::vec::Vec<u8>,
	/// The stored record.
	pub record: VersionRecord<AccountId, BlockNumber>,
	/// The content's CID, binary.
	pub cid: CidBytes,
	/// The key of the entry holding the version document (`moduleRegistry_getModule`).
	pub entry_key: alloc::vec::Vec<u8>,
	/// The entry's pin status.
	pub pin_status: PinStatus<AccountId, BlockNumber>,
	/// The deprecation in force for this version.
	pub deprecation: Option<Deprecation>,
}

/// A package as the runtime API answers it.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct PackageView<AccountId, BlockNumber> {
	/// `ns/name`.
	pub package: alloc::vec::Vec<u8>,
	/// The stored record.
	pub info: PackageInfo<AccountId, BlockNumber>,
	/// The namespace's owner and maintainers, or in the open namespace the package owner.
	pub maintainers: alloc::vec::Vec<AccountId>,
	/// The version `latest` resolves to.
	pub latest: Option<alloc::vec::Vec<u8>>,
	/// Whether the namespace is verified.
	pub verified: bool,
}

/// A namespace as the runtime API answers it.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct NamespaceView<AccountId, Balance, BlockNumber> {
	/// The name.
	pub namespace: alloc::vec::Vec<u8>,
	/// The record; `None` for the open namespace, which nobody owns.
	pub info: Option<NamespaceInfo<AccountId, Balance, BlockNumber>>,
	/// The maintainers besides the owner.
	pub maintainers: alloc::vec::Vec<AccountId>,
	/// A pending transfer offer's recipient.
	pub offered_to: Option<AccountId>,
	/// Whether anyone may create packages in it.
	pub open: bool,
}

/// The records of `PackageRegistryApi` version 1 (runtimes before spec 106), whose namespace
/// record had no package count. Nodes read old blocks with them.
pub mod api_v1 {
	use super::*;

	/// A namespace record before storage version 3.
	#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
	pub struct NamespaceInfo<AccountId, Balance, BlockNumber> {
		/// The owner.
		pub owner: AccountId,
		/// Set by the registry admin.
		pub verified: bool,
		/// The amount held from the owner.
		pub deposit: Balance,
		/// Block of the claim.
		pub created: BlockNumber,
		/// How many maintainers it has.
		pub maintainer_count: u32,
	}

	/// A namespace as version 1 of the runtime API answers it.
	#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
	pub struct NamespaceView<AccountId, Balance, BlockNumber> {
		/// The name.
		pub namespace: alloc::vec::Vec<u8>,
		/// The record; `None` for the open namespace.
		pub info: Option<NamespaceInfo<AccountId, Balance, BlockNumber>>,
		/// The maintainers besides the owner.
		pub maintainers: alloc::vec::Vec<AccountId>,
		/// A pending transfer offer's recipient.
		pub offered_to: Option<AccountId>,
		/// Whether anyone may create packages in it.
		pub open: bool,
	}
}

/// Why a registry query was refused.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[cfg_attr(feature = "std", derive(serde::Serialize, serde::Deserialize))]
pub enum QueryError {
	/// Not a valid `ns/name` (or namespace).
	BadName,
	/// Not a valid range or version.
	BadRange,
}
