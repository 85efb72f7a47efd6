//! The canonical JSON forms that entry checksums are computed over, and the strict parser that
//! reads entries.
//!
//! Two rules exist, chosen by the tree's `VERSION` ([`Rule::for_version`]):
//!
//! - [`Rule::Jcs`], for format version **0.2.0 and later**: the JSON Canonicalization Scheme of
//!   RFC 8785, through the `serde_json_canonicalizer` crate: members sorted by the UTF-16 code
//!   units of their keys, numbers in the ECMAScript form (`1e+30`, `4.5`, `100` for `1e2`),
//!   strings with the minimal escapes of RFC 8785 §3.2.2.2.
//! - [`Rule::Legacy`], for trees of earlier versions (`0.1.0-alpha1`), kept so that archives
//!   made before the change still verify. It sorts keys by UTF-8 bytes and writes non-integer
//!   numbers in the `ryu` form (`100.0` for `1e2`); see [`write_legacy`].
//!
//! Entries are parsed with [`parse_entry`], which refuses duplicate keys (RFC 8785 and I-JSON
//! forbid them; a plain parser would keep the last one and hide the first from the checksum) and
//! input over a size cap before reading it.
//!
//! The entry checksum is `SHA256:` followed by the lowercase hex SHA-256 of the canonical form
//! of the entry with its top-level `checksum` member removed.

use serde_json::Value;
use sha2::{Digest, Sha256};

/// The canonical rule of one format version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
	/// The hand-written form of format versions before 0.2.0.
	Legacy,
	/// RFC 8785 (JCS), from format version 0.2.0.
	Jcs,
}

/// The first format version whose checksums use RFC 8785.
pub const JCS_SINCE: semver::Version = semver::Version::new(0, 2, 0);

impl Rule {
	/// The rule of a tree whose `VERSION` is `version`.
	pub fn for_version(version: &semver::Version) -> Rule {
		// `0.2.0-rc1` < `0.2.0` in semver, so pre-releases of 0.2.0 still use the old rule.
		if *version >= JCS_SINCE {
			Rule::Jcs
		} else {
			Rule::Legacy
		}
	}
}

/// Why an entry could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ParseError {
	/// The entry is larger than the configured cap; it was not read.
	#[error("{size} bytes, over the {limit}-byte limit for an entry")]
	TooLarge {
		/// Its size.
		size: u64,
		/// The cap.
		limit: u64,
	},
	/// The same key twice in one object.
	#[error("duplicate key {0:?}")]
	DuplicateKey(String),
	/// Not JSON.
	#[error("{0}")]
	Syntax(String),
}

/// Parse an entry: refuses input over `limit` bytes and objects with a duplicate key.
pub fn parse_entry(bytes: &[u8], limit: u64) -> Result<Value, ParseError> {
	if bytes.len() as u64 > limit {
		return Err(ParseError::TooLarge { size: bytes.len() as u64, limit });
	}
	let mut de = serde_json::Deserializer::from_slice(bytes);
	serde::de::Deserializer::deserialize_any(&mut de, NoDuplicates).map_err(|e| {
		let text = e.to_string();
		match text.strip_prefix(DUPLICATE) {
			Some(rest) => ParseError::DuplicateKey(
				rest.split(" at line").next().unwrap_or(rest).trim_matches('"').to_string(),
			),
			None => ParseError::Syntax(text),
		}
	})?;
	de.end().map_err(|e| ParseError::Syntax(e.to_string()))?;
	serde_json::from_slice(bytes).map_err(|e| ParseError::Syntax(e.to_string()))
}

const DUPLICATE: &str = "duplicate key ";

/// Walks a JSON document and fails on the first object with a repeated key. It does not build a
/// value, and reads numbers as whatever serde_json hands it (with `arbitrary_precision` a number
/// arrives as a one-member map, which has no duplicates).
struct NoDuplicates;

impl<'de> serde::de::Visitor<'de> for NoDuplicates {
	type Value = ();

	fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
		f.write_str("JSON")
	}
	fn visit_bool<E>(self, _: bool) -> Result<(), E> {
		Ok(())
	}
	fn visit_i64<E>(self, _: i64) -> Result<(), E> {
		Ok(())
	}
	fn visit_u64<E>(self, _: u64) -> Result<(), E> {
		Ok(())
	}
	fn visit_f64<E>(self, _: f64) -> Result<(), E> {
		Ok(())
	}
	fn visit_str<E>(self, _: &str) -> Result<(), E> {
		Ok(())
	}
	fn visit_unit<E>(self) -> Result<(), E> {
		Ok(())
	}
	fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
		while seq.next_element_seed(Seed)?.is_some() {}
		Ok(())
	}
	fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
		let mut keys = std::collections::BTreeSet::new();
		while let Some(key) = map.next_key::<String>()? {
			if !keys.insert(key.clone()) {
				return Err(serde::de::Error::custom(format!("{DUPLICATE}{key:?}")));
			}
			map.next_value_seed(Seed)?;
		}
		Ok(())
	}
}

struct Seed;

impl<'de> serde::de::DeserializeSeed<'de> for Seed {
	type Value = ();
	fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
		d.deserialize_any(NoDuplicates)
	}
}

/// Append the legacy canonical form of `value` to `out` (format versions before 0.2.0):
/// no whitespace; members sorted by the UTF-8 bytes of their keys; `"`, `\`, `\b`, `\t`, `\n`,
/// `\f`, `\r` escaped and other control characters as `\u00xx`; integers that fit 64 bits in
/// decimal, other numbers as the shortest round-trip double in the `ryu` form, negative zero as
/// `0`.
pub fn write_legacy(value: &Value, out: &mut Vec<u8>) {
	match value {
		Value::Null => out.extend_from_slice(b"null"),
		Value::Bool(true) => out.extend_from_slice(b"true"),
		Value::Bool(false) => out.extend_from_slice(b"false"),
		Value::Number(n) =>
			if let Some(i) = n.as_i64() {
				out.extend_from_slice(i.to_string().as_bytes());
			} else if let Some(u) = n.as_u64() {
				out.extend_from_slice(u.to_string().as_bytes());
			} else {
				let f = n.as_f64().unwrap_or(0.0);
				if f == 0.0 && f.is_sign_negative() {
					// `-0` parses as an integer or as a double depending on serde_json's
					// features; writing negative zero as `0` keeps the form the same either way.
					out.push(b'0');
				} else {
					let mut buf = ryu::Buffer::new();
					out.extend_from_slice(buf.format(f).as_bytes());
				}
			},
		Value::String(s) => write_string(s, out),
		Value::Array(items) => {
			out.push(b'[');
			for (i, item) in items.iter().enumerate() {
				if i > 0 {
					out.push(b',');
				}
				write_legacy(item, out);
			}
			out.push(b']');
		},
		Value::Object(map) => {
			let mut members: Vec<(&String, &Value)> = map.iter().collect();
			members.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
			out.push(b'{');
			for (i, (k, v)) in members.into_iter().enumerate() {
				if i > 0 {
					out.push(b',');
				}
				write_string(k, out);
				out.push(b':');
				write_legacy(v, out);
			}
			out.push(b'}');
		},
	}
}

fn write_string(s: &str, out: &mut Vec<u8>) {
	out.push(b'"');
	for c in s.chars() {
		match c {
			'"' => out.extend_from_slice(b"\\\""),
			'\\' => out.extend_from_slice(b"\\\\"),
			'\u{08}' => out.extend_from_slice(b"\\b"),
			'\t' => out.extend_from_slice(b"\\t"),
			'\n' => out.extend_from_slice(b"\\n"),
			'\u{0c}' => out.extend_from_slice(b"\\f"),
			'\r' => out.extend_from_slice(b"\\r"),
			c if (c as u32) < 0x20 =>
				out.extend_from_slice(format!("\\u{:04x}", c as u32).as_bytes()),
			c => {
				let mut buf = [0u8; 4];
				out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
			},
		}
	}
	out.push(b'"');
}

/// The canonical form of `value` under `rule`, as bytes.
pub fn canonical(rule: Rule, value: &Value) -> Vec<u8> {
	match rule {
		Rule::Legacy => {
			let mut out = Vec::new();
			write_legacy(value, &mut out);
			out
		},
		// Serialising a `Value` cannot fail: its keys are strings and its numbers finite.
		Rule::Jcs => serde_json_canonicalizer::to_vec(value).unwrap_or_default(),
	}
}

/// `SHA256:<hex>` of `bytes`.
pub fn sha256_tag(bytes: &[u8]) -> String {
	digest_tag(&Sha256::digest(bytes))
}

/// `SHA256:<hex>` of a SHA-256 digest computed elsewhere (streamed).
pub fn digest_tag(digest: &[u8]) -> String {
	format!("SHA256:{}", hex::encode(digest))
}

/// The checksum of an entry under `rule`: over its canonical form without the top-level
/// `checksum` member.
pub fn entry_checksum(rule: Rule, entry: &Value) -> String {
	match entry {
		Value::Object(map) => {
			let mut map = map.clone();
			map.remove("checksum");
			sha256_tag(&canonical(rule, &Value::Object(map)))
		},
		other => sha256_tag(&canonical(rule, other)),
	}
}

/// Whether `s` is `SHA256:` followed by 64 lowercase hex digits.
pub fn is_sha256_tag(s: &str) -> bool {
	s.strip_prefix("SHA256:").is_some_and(|h| {
		h.len() == 64 && h.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
	})
}

#[cfg(test)]
mod tests {
	use super::*;

	fn canon(text: &str) -> String {
		String::from_utf8(canonical(Rule::Legacy, &serde_json::from_str(text).unwrap())).unwrap()
	}

	fn jcs(text: &str) -> String {
		String::from_utf8(canonical(Rule::Jcs, &parse_entry(text.as_bytes(), 1 << 20).unwrap()))
			.unwrap()
	}

	#[test]
	fn rfc_8785_section_3_2_2_example() {
		let input = r#"{
			"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
			"string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
			"literals": [null, true, false]
		}"#;
		assert_eq!(
			jcs(input),
			r#"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
		);
	}

	#[test]
	fn rfc_8785_section_3_2_3_sorting_by_utf16_code_units() {
		let input = r#"{
			"\u20ac": "Euro Sign",
			"\r": "Carriage Return",
			"\ufb33": "Hebrew Letter Dalet With Dagesh",
			"1": "One",
			"\ud83d\ude00": "Emoji: Grinning Face",
			"\u0080": "Control",
			"\u00f6": "Latin Small Letter O With Diaeresis"
		}"#;
		let out = jcs(input);
		let order: Vec<&str> =
			out.split(r#"":""#).skip(1).map(|v| v.split('"').next().unwrap()).collect();
		assert_eq!(
			order,
			[
				"Carriage Return",
				"One",
				"Control",
				"Latin Small Letter O With Diaeresis",
				"Euro Sign",
				"Emoji: Grinning Face",
				"Hebrew Letter Dalet With Dagesh",
			]
		);
		// The legacy rule (UTF-8 byte order) puts the emoji last: the difference the RFC shows.
		assert!(canon(input).ends_with(r#""😀":"Emoji: Grinning Face"}"#));
	}

	#[test]
	fn rfc_8785_appendix_b_numbers() {
		let cases = [
			("0", "0"),
			("-0", "0"),
			("5e-324", "5e-324"),
			("-5e-324", "-5e-324"),
			("1.7976931348623157e308", "1.7976931348623157e+308"),
			("9007199254740992", "9007199254740992"),
			("-9007199254740992", "-9007199254740992"),
			("295147905179352825856", "295147905179352830000"),
			("9.999999999999997e22", "9.999999999999997e+22"),
			("1e23", "1e+23"),
			("0.000001", "0.000001"),
			("1e-7", "1e-7"),
			("1e2", "100"),
			("1.0", "1"),
		];
		for (input, expected) in cases {
			assert_eq!(jcs(input), expected, "input {input}");
		}
	}

	#[test]
	fn duplicate_keys_and_oversized_entries_are_refused() {
		assert_eq!(
			parse_entry(br#"{"a":1,"b":{"c":1,"c":2}}"#, 100),
			Err(ParseError::DuplicateKey("c".into()))
		);
		assert_eq!(
			parse_entry(br#"[{"a":1},{"a":2}]"#, 100).unwrap(),
			serde_json::json!([{"a": 1}, {"a": 2}])
		);
		assert_eq!(parse_entry(b"{}", 1), Err(ParseError::TooLarge { size: 2, limit: 1 }));
		assert!(matches!(parse_entry(b"{} x", 100), Err(ParseError::Syntax(_))));
	}

	#[test]
	fn the_rule_follows_the_format_version() {
		let v = |s| semver::Version::parse(s).unwrap();
		assert_eq!(Rule::for_version(&v("0.1.0-alpha1")), Rule::Legacy);
		assert_eq!(Rule::for_version(&v("0.2.0-rc.1")), Rule::Legacy);
		assert_eq!(Rule::for_version(&v("0.2.0")), Rule::Jcs);
		assert_eq!(Rule::for_version(&v("1.0.0")), Rule::Jcs);
	}

	#[test]
	fn legacy_vectors() {
		let cases = [
			(r#"{ "b": 1, "a": [true, null, false] }"#, r#"{"a":[true,null,false],"b":1}"#),
			(
				r#"{"z":{"y":1,"x":2},"é":"ü","e":"\u00e9"}"#,
				r#"{"e":"é","z":{"x":2,"y":1},"é":"ü"}"#,
			),
			(
				r#"[1.0, 1e2, 10, -0, -0.0, 0.0, 0.1, 1.50, 1e-7, 12345678901234567890, -9223372036854775808]"#,
				r#"[1.0,100.0,10,0,0,0.0,0.1,1.5,1e-7,12345678901234567890,-9223372036854775808]"#,
			),
			(r#"123456789012345678901234"#, r#"1.2345678901234569e23"#),
			(r#""tab\there \"q\" \\ \u0001 \/""#, r#""tab\there \"q\" \\ \u0001 /""#),
			(r#"{"B":1,"a":2,"_":3}"#, r#"{"B":1,"_":3,"a":2}"#),
			(r#"{}"#, r#"{}"#),
		];
		for (input, expected) in cases {
			assert_eq!(canon(input), expected, "input {input}");
		}
	}

	#[test]
	fn checksum_ignores_the_checksum_field_and_whitespace() {
		let a: Value = serde_json::from_str(r#"{"id":"x","n":1,"checksum":"SHA256:00"}"#).unwrap();
		let b: Value = serde_json::from_str("{\n  \"n\": 1,\n  \"id\": \"x\"\n}").unwrap();
		for rule in [Rule::Legacy, Rule::Jcs] {
			assert_eq!(entry_checksum(rule, &a), entry_checksum(rule, &b));
			// Fixed vector: the sha256 of `{"id":"x","n":1}`, the same under both rules.
			assert_eq!(
				entry_checksum(rule, &b),
				"SHA256:bf9f9832fae8a4cbc1ae47621865c99b5bcf79ef9634d5e188b6ef3509f53156"
			);
		}
		assert_eq!(entry_checksum(Rule::Jcs, &b), sha256_tag(br#"{"id":"x","n":1}"#));
	}

	#[test]
	fn sha256_tags_are_recognised() {
		assert!(is_sha256_tag(&sha256_tag(b"")));
		assert_eq!(
			sha256_tag(b""),
			"SHA256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
		);
		assert!(!is_sha256_tag("SHA256:ab12..."));
		assert!(!is_sha256_tag(
			"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
		));
	}
}
