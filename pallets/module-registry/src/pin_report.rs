//! The pinner's signed report. It lives in the pallet, not in `module-registry-primitives`,
//! because the pallet implements FRAME's `SignedPayload` for it.

use crate::types::{CidBytes, PinOutcome};
use codec::{Decode, DecodeWithMemTracking, Encode};
use scale_info::TypeInfo;

/// A pinner's signed statement about the CID of an entry's current value.
///
/// A report names exactly one attempt: the entry's value (`update_count`), the failed attempts
/// the chain had recorded (`attempt`) and the block whose state the worker read. Once a report
/// is applied, the entry has moved on, so any copy of it (the same bytes, or the same call in
/// another extrinsic encoding) is stale in the pool and in dispatch.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct PinReport<Key, Public, BlockNumber> {
	/// The registry key, bounded by `MaxKeyLength` when decoded: an oversized report fails to
	/// decode before any signature is checked.
	pub key: Key,
	/// The entry's `update_count` when the worker read it: reports about older values are stale.
	pub update_count: u32,
	/// The failed attempts recorded on chain when the worker read the entry
	/// ([`PinStatus::attempts`]); a report about an attempt that was already counted is stale.
	pub attempt: u32,
	/// The CID the worker pinned, in binary form.
	pub cid: CidBytes,
	/// What the worker found.
	pub outcome: PinOutcome,
	/// The block whose state the worker read. It must not be older than the value, and the
	/// report expires `ReportWindow` blocks after it.
	pub block_number: BlockNumber,
	/// The pinner's public key; the payload is signed with it.
	pub public: Public,
}
