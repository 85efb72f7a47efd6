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
//!    multibase CIDv1 ([`ValueError::InvalidCid`]), no longer than the longest legal text of
//!    its base ([`max_cid_text_len`]), which is checked before any decoding. Identity-hash CIDs are refused
//!    ([`ValueError::IdentityCid`]): they embed content instead of naming it.
//!
//! Checking is one pass over the bytes ([`crate::json`]), linear in the value length, which the
//! pallet caps at `MaxValueLength`; it builds no tree and allocates nothing unless the `cid`
//! field holds something other than a string. The grammar is serde_json's, so the rules accept
//! exactly the values they accepted when they were written with it.

use crate::types::{CidBytes, ValueKind, MAX_CID_BYTES};
use alloc::vec::Vec;
pub use cid::multibase::Base;
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

/// The longest CID text the chain reads: a [`MAX_CID_BYTES`]-byte CID in base2, the widest
/// base. Any longer text is refused before a byte of it is decoded.
pub const MAX_CID_TEXT_LEN: usize = 1 + 8 * MAX_CID_BYTES as usize;

/// The length of a CIDv0 (`Qm…`, base58btc without a multibase prefix).
pub const CID_V0_TEXT_LEN: usize = 46;

/// The longest legal text, in bytes, of a [`MAX_CID_BYTES`]-byte CID written in the multibase
/// whose prefix is `code`, prefix included; `None` for a prefix the chain does not accept (the
/// identity base `\0` and unknown codes).
///
/// Base10, base36 and base58 decode through a big-integer conversion whose cost grows with the
/// square of the text's length, so their bounds are the tight ones that matter: a 64 KiB
/// base58 text costs about 0.3 s to decode natively, a legal one (at most 111 bytes) a few
/// microseconds. `tests::text_bounds_are_tight` checks every bound against the encoder.
pub const fn max_cid_text_len(code: char) -> Option<usize> {
	const BITS: usize = 8 * MAX_CID_BYTES as usize;
	const BYTES: usize = MAX_CID_BYTES as usize;
	// Digits of a `BITS`-bit number in a base whose log2 is at least `log2_1e4 / 10^4` (rounded
	// down, so the bound is never short).
	const fn digits(log2_1e4: usize) -> usize {
		(BITS * 10_000).div_ceil(log2_1e4)
	}
	let digits = match code {
		'0' => BITS,
		'7' => BITS.div_ceil(3),
		'9' => digits(33_219),
		'f' | 'F' => 2 * BYTES,
		'b' | 'B' | 'v' | 'V' | 'h' => BITS.div_ceil(5),
		'c' | 'C' | 't' | 'T' => 8 * BYTES.div_ceil(5),
		'k' | 'K' => digits(51_699),
		'R' => 3 * (BYTES / 2) + 2 * (BYTES % 2),
		'z' | 'Z' => digits(58_579),
		'm' | 'u' => BITS.div_ceil(6),
		'M' | 'U' => 4 * BYTES.div_ceil(3),
		// Base256Emoji: one character of up to four bytes per byte.
		'🚀' => 4 * BYTES,
		_ => return None,
	};
	Some(code.len_utf8() + digits)
}

/// Parse a CID string into the binary form the pallet records.
///
/// The text must be exactly one CID: a CIDv0 (`Qm` and 44 more base58btc characters) or a
/// multibase-prefixed CIDv1, with nothing before or after it (no `/ipfs/` path, no whitespace,
/// no trailing bytes inside the encoding). Its length is checked against the bound of its base
/// ([`max_cid_text_len`]) before anything is decoded, so the cost of a refusal is constant and
/// the cost of a decode is bounded by the longest legal text.
pub fn parse_cid(text: &str) -> Result<CidBytes, ValueError> {
	let binary = if text.len() == CID_V0_TEXT_LEN && text.starts_with("Qm") {
		Base::Base58Btc.decode(text).map_err(|_| ValueError::InvalidCid)?
	} else {
		let code = text.chars().next().ok_or(ValueError::InvalidCid)?;
		let limit = max_cid_text_len(code).ok_or(ValueError::InvalidCid)?;
		if text.len() > limit {
			return Err(ValueError::InvalidCid);
		}
		let base = Base::from_code(code).map_err(|_| ValueError::InvalidCid)?;
		base.decode(&text[code.len_utf8()..]).map_err(|_| ValueError::InvalidCid)?
	};
	if binary.len() > MAX_CID_BYTES as usize {
		return Err(ValueError::InvalidCid);
	}
	let cid = Cid::try_from(binary.as_slice()).map_err(|_| ValueError::InvalidCid)?;
	// `Cid::try_from` reads one CID from the front and accepts varints that overflow 64 bits;
	// only the canonical bytes of exactly one CID are a CID (anything after it, or a varint
	// that does not encode back to itself, is not).
	let canonical = cid.to_bytes();
	if canonical != binary {
		return Err(ValueError::InvalidCid);
	}
	if cid.hash().code() == IDENTITY_HASH_CODE {
		return Err(ValueError::IdentityCid);
	}
	CidBytes::try_from(canonical).map_err(|_| ValueError::InvalidCid)
}

/// A CID of exactly [`MAX_CID_BYTES`] bytes, the largest the chain records: version 1, a 9-byte
/// codec varint, a 5-byte multihash-code varint and a 64-byte digest of `fill`
/// (1 + 9 + 5 + 1 + 64 = 80). For benchmarks and tests of the worst case.
pub fn largest_cid(fill: u8) -> Vec<u8> {
	let mut bytes = alloc::vec![0x01];
	bytes.extend([0x80; 8]);
	bytes.push(0x01);
	bytes.extend([0x80; 4]);
	bytes.push(0x01);
	bytes.push(64);
	bytes.extend([fill; 64]);
	bytes
}

/// The text of [`largest_cid`] in `base`: the longest legal CID text of that base, which is the
/// dearest input [`parse_cid`] accepts in it.
pub fn longest_cid_text(base: Base) -> alloc::string::String {
	cid::multibase::encode(base, largest_cid(0xFF))
}

/// The base whose longest legal text costs [`parse_cid`] the most (measured by the
/// `cid_text_cost` example of this crate: the big-integer decode of base10). It can be a JSON
/// `cid` or `publish_version`'s `cid`.
pub const DEAREST_CID_BASE: Base = Base::Base10;

/// The dearest base for a raw CID value: a base10 text (`9` and digits) is a JSON number, so
/// [`classify`] refuses it as `JsonNotObject` before any CID decoding; base58btc is next.
pub const DEAREST_RAW_CID_BASE: Base = Base::Base58Btc;

/// Render a recorded binary CID as the string IPFS expects (base58btc for v0, base32 for v1).
pub fn cid_to_string(bytes: &[u8]) -> Option<alloc::string::String> {
	use alloc::string::ToString;
	Cid::try_from(bytes).ok().map(|cid| cid.to_string())
}

/// The multihash code and digest of a recorded binary CID.
pub fn cid_digest(bytes: &[u8]) -> Option<(u64, Vec<u8>)> {
	Cid::try_from(bytes).ok().map(|cid| (cid.hash().code(), cid.hash().digest().to_vec()))
}

#[cfg(test)]
mod tests {
	use super::*;
	use alloc::{format, string::String, vec};
	use cid::multibase;

	/// Every base the chain reads, by prefix.
	const BASES: [Base; 24] = [
		Base::Base2,
		Base::Base8,
		Base::Base10,
		Base::Base16Lower,
		Base::Base16Upper,
		Base::Base32Lower,
		Base::Base32Upper,
		Base::Base32PadLower,
		Base::Base32PadUpper,
		Base::Base32HexLower,
		Base::Base32HexUpper,
		Base::Base32HexPadLower,
		Base::Base32HexPadUpper,
		Base::Base32Z,
		Base::Base36Lower,
		Base::Base36Upper,
		Base::Base45,
		Base::Base58Flickr,
		Base::Base58Btc,
		Base::Base64,
		Base::Base64Pad,
		Base::Base64Url,
		Base::Base64UrlPad,
		Base::Base256Emoji,
	];

	fn largest_cid(fill: u8) -> Vec<u8> {
		super::largest_cid(fill)
	}

	#[test]
	fn text_bounds_are_tight() {
		// The encoder's longest output for MAX_CID_BYTES bytes is the bound, in every base.
		let widest = vec![0xFF; MAX_CID_BYTES as usize];
		for base in BASES {
			let text = multibase::encode(base, &widest);
			let bound = max_cid_text_len(base.code()).expect("an accepted base");
			assert!(text.len() <= bound, "{base:?}: {} > {bound}", text.len());
			// Tight, except for Base256Emoji, whose characters are three or four bytes wide.
			if base != Base::Base256Emoji {
				assert!(bound - text.len() <= 1, "{base:?}: bound {bound} for {}", text.len());
			}
			assert!(bound <= MAX_CID_TEXT_LEN, "{base:?}");
			// Leading zero bytes never make a text longer than the bound either.
			let mut zeros = widest.clone();
			zeros[..8].fill(0);
			assert!(multibase::encode(base, &zeros).len() <= bound, "{base:?} with zeros");
		}
		assert_eq!(max_cid_text_len('\0'), None, "the identity base");
		assert_eq!(max_cid_text_len('x'), None);
	}

	#[test]
	fn parses_real_cids_in_every_base() {
		let v0 = "QmdfTbBqBPQ7VNxZEYEj14VmRuZBkqFbiwReogJgS1zR1n";
		let binary = parse_cid(v0).expect("CIDv0");
		let v1 = Cid::try_from(binary.as_slice()).unwrap().into_v1().unwrap().to_bytes();
		for base in BASES {
			let text = multibase::encode(base, &v1);
			let parsed = parse_cid(&text).unwrap_or_else(|e| panic!("{base:?} {text}: {e:?}"));
			assert_eq!(parsed.to_vec(), v1, "{base:?}");
		}
	}

	#[test]
	fn text_over_its_base_bound_is_refused_before_decoding() {
		let v1 = "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";
		assert!(parse_cid(v1).is_ok());
		// Longer than any legal base58 text: refused whatever the characters are.
		for len in [112, 1_000, 65_536, 1 << 20] {
			let text = format!("z{}", "2".repeat(len - 1));
			assert_eq!(parse_cid(&text), Err(ValueError::InvalidCid), "z… of {len} bytes");
		}
		let base2 = format!("0{}", "1".repeat(MAX_CID_TEXT_LEN));
		assert_eq!(parse_cid(&base2), Err(ValueError::InvalidCid));
	}

	#[test]
	fn only_a_cid_and_nothing_else() {
		let v0 = "QmdfTbBqBPQ7VNxZEYEj14VmRuZBkqFbiwReogJgS1zR1n";
		let v1 = "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";
		for text in [
			format!("/ipfs/{v1}"),
			format!("anything/ipfs/{v1}"),
			format!("x/ipfs/{v0}"),
			format!("{v1} "),
			format!(" {v1}"),
			format!("{v1}\n"),
			format!("{v0}a"),
			String::from("Qm"),
			String::new(),
			String::from("\0abc"),
		] {
			assert_eq!(parse_cid(&text), Err(ValueError::InvalidCid), "{text:?}");
		}
		// A varint past 64 bits, which the `cid` crate reads truncated (found by the
		// `parse_cid` fuzz target): its bytes do not encode back to themselves.
		assert_eq!(parse_cid("zYYYYXYYYYyYYYYvHfH"), Err(ValueError::InvalidCid));
		// Trailing bytes inside the encoding are not part of a CID.
		let mut binary = parse_cid(v1).unwrap().to_vec();
		binary.push(0);
		assert_eq!(
			parse_cid(&multibase::encode(Base::Base32Lower, &binary)),
			Err(ValueError::InvalidCid)
		);
	}

	#[test]
	fn largest_accepted_cid_is_max_bytes_long_in_its_widest_text() {
		let largest = largest_cid(0xAB);
		assert_eq!(largest.len(), MAX_CID_BYTES as usize);
		let text = multibase::encode(Base::Base2, &largest);
		assert_eq!(text.len(), MAX_CID_TEXT_LEN);
		assert_eq!(parse_cid(&text).expect("the largest CID").to_vec(), largest);
		for base in BASES {
			let text = multibase::encode(base, &largest);
			assert_eq!(parse_cid(&text).map(|c| c.to_vec()), Ok(largest.clone()), "{base:?}");
		}
	}
}
