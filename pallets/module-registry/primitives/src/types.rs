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
