//! Classification of submitted values: JSON metadata or a raw CID.
//!
//! The rules, in order:
//! 1. an empty value is [`ValueError::Empty`];
//! 2. bytes that are not UTF-8 are [`ValueError::InvalidUtf8`];
//! 3. a value whose first non-whitespace character is `{` is JSON metadata. It must parse as a
//!    whole ([`ValueError::InvalidJson`]). Its schema is open; a string `cid` field that parses
//!    becomes the CID to pin, any other `cid` leaves the entry without a pinnable CID;
//! 4. any other value that parses as JSON (an array, a string, a number, …) is
//!    [`ValueError::JsonNotObject`];
//! 5. otherwise the value must be one CID string with nothing around it: CIDv0 (`Qm…`) or a
//!    multibase CIDv1 ([`ValueError::InvalidCid`]). Identity-hash CIDs are refused
//!    ([`ValueError::IdentityCid`]): they embed content instead of naming it.
//!
//! Checking is one pass over the bytes ([`crate::json`]), linear in the value length, which the
//! pallet caps at `MaxValueLength`; it builds no tree and allocates nothing unless the `cid`
//! field holds something other than a string. The grammar is serde_json's, so the rules accept
//! exactly the values they accepted when they were written with it.

use crate::types::{CidBytes, ValueKind};
use alloc::vec::Vec;
use cid::Cid;

/// The multihash code of the identity "hash", which inlines content instead of hashing it.
pub const IDENTITY_HASH_CODE: u64 = 0x00;

/// The multihash code of sha2-256, the only hash the pinning worker checks.
pub const SHA2_256_CODE: u64 = 0x12;

/// Why a value was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueError {
	/// The value is empty.
	Empty,
	/// The value is not valid UTF-8.
	InvalidUtf8,
	/// The value starts like a JSON object but does not parse.
	InvalidJson,
	/// The value is JSON, but its top level is not an object.
	JsonNotObject,
	/// The value is neither JSON nor a CID that parses.
	InvalidCid,
	/// The value is an identity-hash CID.
	IdentityCid,
}

/// A value that passed validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Classified {
	/// JSON metadata or raw CID.
	pub kind: ValueKind,
	/// The CID to pin, in binary form, if there is one.
	pub cid: Option<CidBytes>,
}

/// Classify `data` per the module docs, or say why it is refused.
pub fn classify(data: &[u8]) -> Result<Classified, ValueError> {
	if data.is_empty() {
		return Err(ValueError::Empty);
	}
	let text = core::str::from_utf8(data).map_err(|_| ValueError::InvalidUtf8)?;
	let trimmed = text.trim_start();
	if trimmed.starts_with('{') {
		let cid = crate::json::metadata_cid(data).map_err(|_| ValueError::InvalidJson)?;
		let cid = cid.and_then(|text| parse_cid(&text).ok());
		return Ok(Classified { kind: ValueKind::Json, cid });
	}
	if crate::json::check(data).is_ok() {
		return Err(ValueError::JsonNotObject);
	}
	let cid = parse_cid(text)?;
	Ok(Classified { kind: ValueKind::Cid, cid: Some(cid) })
}

/// Parse a CID string into the binary form the pallet records.
pub fn parse_cid(text: &str) -> Result<CidBytes, ValueError> {
	let cid = Cid::try_from(text).map_err(|_| ValueError::InvalidCid)?;
	if cid.hash().code() == IDENTITY_HASH_CODE {
		return Err(ValueError::IdentityCid);
	}
	let bytes: Vec<u8> = cid.to_bytes();
	CidBytes::try_from(bytes).map_err(|_| ValueError::InvalidCid)
}

/// Render a recorded binary CID as the string IPFS expects (base58btc for v0, base32 for v1).
pub fn cid_to_string(bytes: &[u8]) -> Option<alloc::string::String> {
	use alloc::string::ToString;
	Cid::try_from(bytes).ok().map(|cid| cid.to_string())
}

/// The multihash code and digest of a recorded binary CID.
pub fn cid_digest(bytes: &[u8]) -> Option<(u64, Vec<u8>)> {
	Cid::try_from(bytes).ok().map(|cid| (cid.hash().code(), cid.hash().digest().to_vec()))
}
