//! The canonical JSON form that entry checksums are computed over.
//!
//! A JSON value is written canonically as follows:
//! - **No insignificant whitespace**: nothing between tokens.
//! - **Objects**: members sorted by key, comparing keys as sequences of Unicode code points
//!   (the byte order of their UTF-8 encoding). Duplicate keys are impossible: the parser keeps
//!   the last one.
//! - **Strings**: UTF-8, between `"`. `"` and `\` are escaped as `\"` and `\\`; U+0008, U+0009,
//!   U+000A, U+000C and U+000D as `\b`, `\t`, `\n`, `\f`, `\r`; other characters below U+0020 as
//!   `\u00xx` with lowercase hex. Every other character, including non-ASCII, is written as is.
//! - **Numbers**: an integer that fits in 64 bits (signed or unsigned) is written in decimal,
//!   with a leading `-` when negative and no leading zeros or `+`. Any other number is converted
//!   to the nearest IEEE-754 double (correctly rounded) and written as the shortest decimal that reads back to the
//!   same double, in the format of the `ryu` crate (`0.1`, `1.0`, `1e-7`, `1.5e300`).
//!   So `1.0` stays `1.0`, `1e2` becomes `100.0`, and `10` stays `10`. Negative zero (`-0`,
//!   `-0.0`) is written `0`.
//!
//! The writer works on the parsed number's value, so the form does not depend on how
//! serde_json was built (with or without `arbitrary_precision`, which other crates of a
//! workspace may switch on).
//! - **Literals**: `true`, `false`, `null`.
//!
//! The entry checksum is `SHA256:` followed by the lowercase hex SHA-256 of the canonical form
//! of the entry with its top-level `checksum` member removed.

use serde_json::Value;
use sha2::{Digest, Sha256};

/// Append the canonical form of `value` to `out`.
pub fn write_canonical(value: &Value, out: &mut Vec<u8>) {
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
				write_canonical(item, out);
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
				write_canonical(v, out);
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

/// The canonical form of `value`, as bytes.
pub fn canonical(value: &Value) -> Vec<u8> {
	let mut out = Vec::new();
	write_canonical(value, &mut out);
	out
}

/// `SHA256:<hex>` of `bytes`.
pub fn sha256_tag(bytes: &[u8]) -> String {
	format!("SHA256:{}", hex::encode(Sha256::digest(bytes)))
}

/// The checksum of an entry: over its canonical form without the top-level `checksum` member.
pub fn entry_checksum(entry: &Value) -> String {
	match entry {
		Value::Object(map) => {
			let mut map = map.clone();
			map.remove("checksum");
			sha256_tag(&canonical(&Value::Object(map)))
		},
		other => sha256_tag(&canonical(other)),
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
		String::from_utf8(canonical(&serde_json::from_str(text).unwrap())).unwrap()
	}

	#[test]
	fn vectors() {
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
		assert_eq!(entry_checksum(&a), entry_checksum(&b));
		// Fixed vector: the sha256 of `{"id":"x","n":1}`.
		assert_eq!(
			entry_checksum(&b),
			"SHA256:bf9f9832fae8a4cbc1ae47621865c99b5bcf79ef9634d5e188b6ef3509f53156"
		);
		assert_eq!(entry_checksum(&b), sha256_tag(br#"{"id":"x","n":1}"#));
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
