//! A single-pass JSON checker that allocates nothing on the paths the chain pays for.
//!
//! Value classification ([`crate::validation`]) needs two answers about a text: is it JSON, and,
//! for module metadata, what is its top-level `cid` string. Building a `serde_json::Value` tree
//! for that costs an allocation per node, which on chain is the dearest part of registering a
//! 64 KiB value. This module walks the bytes once, keeps the nesting in a bit stack on the
//! stack, and hands back the `cid` string as a slice of the input.
//!
//! It accepts what the earlier serde-based rules accepted, so no stored value changes class:
//! - [`check`] is `serde_json::from_str::<serde::de::IgnoredAny>`: RFC 8259 grammar, any
//!   nesting depth, numbers by grammar only, `\u` escapes by shape only;
//! - [`metadata_cid`] is deserializing a struct with one optional `cid` field from an object:
//!   top-level keys must be valid strings (no lone surrogate escapes), a repeated `cid` key is an
//!   error, and a `cid` value that is not a string is checked by the grammar alone, like every
//!   other field (it names no CID). Until issue 35 such a value was re-parsed as a
//!   `serde_json::Value` (nesting at most 127, numbers within `f64`) after a copy of up to
//!   64 KiB, a path no benchmark priced; the grammar check accepts everything that path did,
//!   plus deeper arrays and larger numbers in a field the chain ignores. `tests` compares both
//!   functions with serde_json on generated inputs.

use alloc::{borrow::Cow, string::String, vec::Vec};

/// The text is not JSON; `offset` is where the checker stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JsonError {
	/// Byte offset of the first byte that does not fit the grammar (or the length, at the end).
	pub offset: usize,
}

/// Whether `bytes` is one JSON value, with optional whitespace around it.
pub fn check(bytes: &[u8]) -> Result<(), JsonError> {
	let mut s = Scanner::new(bytes);
	s.value()?;
	s.end()
}

/// Check `bytes` as module metadata: one JSON object, whose top-level `cid` field, if it is a
/// string, is answered (a slice of `bytes` unless it has escapes).
pub fn metadata_cid(bytes: &[u8]) -> Result<Option<Cow<'_, str>>, JsonError> {
	let mut s = Scanner::new(bytes);
	s.ws();
	s.expect(b'{')?;
	s.ws();
	let mut cid = None;
	let mut seen_cid = false;
	if s.peek() == Some(b'}') {
		s.i += 1;
	} else {
		loop {
			s.expect(b'"')?;
			let key = s.strict_string()?;
			s.ws();
			s.expect(b':')?;
			s.ws();
			if key.is(b"cid") {
				if seen_cid {
					return Err(s.error());
				}
				seen_cid = true;
				cid = s.cid_value()?;
			} else {
				s.value()?;
			}
			s.ws();
			match s.next() {
				Some(b',') => s.ws(),
				Some(b'}') => break,
				_ => return Err(s.error_before()),
			}
		}
	}
	s.end()?;
	Ok(cid)
}

/// A string as read: its raw bytes between the quotes and whether they hold escapes.
struct RawString<'a> {
	raw: &'a [u8],
	escaped: bool,
}

impl<'a> RawString<'a> {
	/// Whether the string's text equals `text` (which has no escapes).
	fn is(&self, text: &[u8]) -> bool {
		if !self.escaped {
			return self.raw == text;
		}
		// Each escape shortens the text; compare the decoded form, which is short here.
		self.raw.len() <= text.len() * 6 && decode(self.raw).as_bytes() == text
	}

	/// The string's text.
	fn text(&self) -> Cow<'a, str> {
		if self.escaped {
			Cow::Owned(decode(self.raw))
		} else {
			// The input is UTF-8 (the caller checked) and a string ends at an ASCII quote.
			Cow::Borrowed(core::str::from_utf8(self.raw).unwrap_or_default())
		}
	}
}

/// Decode the escapes of a string that [`Scanner::strict_string`] accepted (so serde_json, which
/// applies the same rules, decodes it); only keys and `cid` strings with escapes come here.
fn decode(raw: &[u8]) -> String {
	let quoted = [&b"\""[..], raw, &b"\""[..]].concat();
	serde_json::from_slice(&quoted).unwrap_or_default()
}

/// The value of four hex digits.
fn hex4(digits: &[u8]) -> Option<u16> {
	let mut n = 0u16;
	for &d in digits.get(..4)? {
		let v = match d {
			b'0'..=b'9' => d - b'0',
			b'a'..=b'f' => d - b'a' + 10,
			b'A'..=b'F' => d - b'A' + 10,
			_ => return None,
		};
		n = (n << 4) | v as u16;
	}
	Some(n)
}

/// Which bytes end the fast part of a string: the quote, the backslash and control characters.
const STRING_STOP: [bool; 256] = {
	let mut t = [false; 256];
	let mut c = 0;
	while c < 0x20 {
		t[c] = true;
		c += 1;
	}
	t[b'"' as usize] = true;
	t[b'\\' as usize] = true;
	t
};

/// Open arrays and objects, one bit each (set: object), inline up to 65,536 levels (all a
/// 64 KiB value can hold) and on the heap beyond.
struct Frames {
	inline: [u64; 1024],
	spill: Vec<u64>,
}

impl Frames {
	fn new() -> Self {
		Frames { inline: [0; 1024], spill: Vec::new() }
	}

	fn word(&mut self, level: usize) -> &mut u64 {
		let w = level / 64;
		if w < self.inline.len() {
			&mut self.inline[w]
		} else {
			let w = w - self.inline.len();
			if self.spill.len() <= w {
				self.spill.resize(w + 1, 0);
			}
			&mut self.spill[w]
		}
	}

	/// Record the kind of the frame at `level`.
	fn set(&mut self, level: usize, object: bool) {
		let bit = 1u64 << (level % 64);
		let word = self.word(level);
		if object {
			*word |= bit;
		} else {
			*word &= !bit;
		}
	}

	/// The kind of the frame at `level`: `true` for an object.
	fn get(&mut self, level: usize) -> bool {
		let bit = 1u64 << (level % 64);
		*self.word(level) & bit != 0
	}
}

struct Scanner<'a> {
	b: &'a [u8],
	i: usize,
	/// The kinds of the open frames of the value being read.
	frames: Frames,
}

impl<'a> Scanner<'a> {
	fn new(b: &'a [u8]) -> Self {
		Scanner { b, i: 0, frames: Frames::new() }
	}

	fn error(&self) -> JsonError {
		JsonError { offset: self.i }
	}

	/// The error at the byte just consumed.
	fn error_before(&self) -> JsonError {
		JsonError { offset: self.i.saturating_sub(1) }
	}

	fn peek(&self) -> Option<u8> {
		self.b.get(self.i).copied()
	}

	fn next(&mut self) -> Option<u8> {
		let c = self.peek()?;
		self.i += 1;
		Some(c)
	}

	fn expect(&mut self, c: u8) -> Result<(), JsonError> {
		if self.peek() == Some(c) {
			self.i += 1;
			Ok(())
		} else {
			Err(self.error())
		}
	}

	fn ws(&mut self) {
		while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
			self.i += 1;
		}
	}

	/// Only whitespace may follow.
	fn end(&mut self) -> Result<(), JsonError> {
		self.ws();
		if self.i == self.b.len() {
			Ok(())
		} else {
			Err(self.error())
		}
	}

	fn literal(&mut self, text: &[u8]) -> Result<(), JsonError> {
		if self.b[self.i..].starts_with(text) {
			self.i += text.len();
			Ok(())
		} else {
			Err(self.error())
		}
	}

	fn digits(&mut self) -> usize {
		let start = self.i;
		while let Some(b'0'..=b'9') = self.peek() {
			self.i += 1;
		}
		self.i - start
	}

	/// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, after its first byte `first`.
	fn number_after(&mut self, first: u8) -> Result<(), JsonError> {
		let lead = if first == b'-' { self.next() } else { Some(first) };
		match lead {
			Some(b'0') =>
				if let Some(b'0'..=b'9') = self.peek() {
					return Err(self.error());
				},
			Some(b'1'..=b'9') => {
				self.digits();
			},
			_ => return Err(self.error_before()),
		}
		if self.peek() == Some(b'.') {
			self.i += 1;
			if self.digits() == 0 {
				return Err(self.error());
			}
		}
		if let Some(b'e' | b'E') = self.peek() {
			self.i += 1;
			if let Some(b'+' | b'-') = self.peek() {
				self.i += 1;
			}
			if self.digits() == 0 {
				return Err(self.error());
			}
		}
		Ok(())
	}

	/// The rest of a string whose opening quote was consumed, escapes checked by shape.
	fn string(&mut self) -> Result<(), JsonError> {
		self.scan_string::<false>().map(|_| ())
	}

	/// Four hex digits after `\u`.
	fn hex_escape(&mut self) -> Result<u16, JsonError> {
		let n = self.b.get(self.i..self.i + 4).and_then(hex4).ok_or(self.error())?;
		self.i += 4;
		Ok(n)
	}

	/// The rest of a string whose opening quote was consumed, as serde_json reads a string it
	/// keeps: a `\u` surrogate must come in a valid pair.
	fn strict_string(&mut self) -> Result<RawString<'a>, JsonError> {
		self.scan_string::<true>()
	}

	/// The rest of a string whose opening quote was consumed. `STRICT`: surrogate escapes must
	/// pair up (serde_json's rule for strings it keeps); otherwise only their shape is checked
	/// (its rule for strings it skips).
	fn scan_string<const STRICT: bool>(&mut self) -> Result<RawString<'a>, JsonError> {
		let start = self.i;
		let mut escaped = false;
		loop {
			while self.i < self.b.len() && !STRING_STOP[self.b[self.i] as usize] {
				self.i += 1;
			}
			match self.next() {
				Some(b'"') => return Ok(RawString { raw: &self.b[start..self.i - 1], escaped }),
				Some(b'\\') => {
					escaped = true;
					match self.next() {
						Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {},
						Some(b'u') => {
							let n = self.hex_escape()?;
							if STRICT {
								self.surrogate_pair(n)?;
							}
						},
						_ => return Err(self.error_before()),
					}
				},
				_ => return Err(self.error_before()),
			}
		}
	}

	/// After the escape `\u{n}`: a trailing surrogate alone is an error, and a leading one must
	/// be followed by the escape of a trailing one.
	fn surrogate_pair(&mut self, n: u16) -> Result<(), JsonError> {
		if (0xDC00..0xE000).contains(&n) {
			return Err(self.error());
		}
		if (0xD800..0xDC00).contains(&n) {
			if self.next() != Some(b'\\') || self.next() != Some(b'u') {
				return Err(self.error_before());
			}
			let lo = self.hex_escape()?;
			if !(0xDC00..0xE000).contains(&lo) {
				return Err(self.error());
			}
		}
		Ok(())
	}

	/// The top-level `cid` value: a string is answered; anything else is checked by the
	/// grammar, like any other value, and answers no CID.
	fn cid_value(&mut self) -> Result<Option<Cow<'a, str>>, JsonError> {
		if self.peek() == Some(b'"') {
			self.i += 1;
			return Ok(Some(self.strict_string()?.text()));
		}
		self.value()?;
		Ok(None)
	}

	/// One value of any depth, iteratively. The innermost frame's kind is kept in `object`;
	/// the bit stack is read only when a frame closes.
	fn value(&mut self) -> Result<(), JsonError> {
		let mut depth = 0usize;
		let mut object = false;
		'value: loop {
			self.ws();
			match self.next() {
				Some(b'{') => {
					self.ws();
					if self.peek() == Some(b'}') {
						self.i += 1;
					} else {
						self.key()?;
						self.frames.set(depth, true);
						depth += 1;
						object = true;
						continue 'value;
					}
				},
				Some(b'[') => {
					self.ws();
					if self.peek() == Some(b']') {
						self.i += 1;
					} else {
						self.frames.set(depth, false);
						depth += 1;
						object = false;
						continue 'value;
					}
				},
				Some(b'"') => self.string()?,
				Some(c @ (b'-' | b'0'..=b'9')) => self.number_after(c)?,
				Some(b't') => self.literal(b"rue")?,
				Some(b'f') => self.literal(b"alse")?,
				Some(b'n') => self.literal(b"ull")?,
				_ => return Err(self.error_before()),
			}
			// A value ended: close frames until one continues.
			loop {
				if depth == 0 {
					return Ok(());
				}
				// The usual case first: a comma right after the value.
				let c = match self.next() {
					Some(b' ' | b'\n' | b'\t' | b'\r') => {
						self.ws();
						self.next()
					},
					c => c,
				};
				match c {
					Some(b',') => {
						if object {
							self.ws();
							self.key()?;
						}
						continue 'value;
					},
					Some(b'}') if object => {},
					Some(b']') if !object => {},
					_ => return Err(self.error_before()),
				}
				depth -= 1;
				if depth > 0 {
					object = self.frames.get(depth - 1);
				}
			}
		}
	}

	/// A key and its colon, inside an object.
	fn key(&mut self) -> Result<(), JsonError> {
		self.expect(b'"')?;
		self.string()?;
		self.ws();
		self.expect(b':')
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use proptest::prelude::*;

	/// What the serde rules said: `Err` for not JSON, else the `cid` string if any. A `cid`
	/// that is not a string is read as `IgnoredAny` (grammar only), like every other field.
	fn serde_metadata(text: &str) -> Result<Option<String>, ()> {
		#[derive(serde::Deserialize)]
		struct Shape {
			#[serde(default)]
			#[allow(dead_code)]
			cid: Option<serde::de::IgnoredAny>,
		}
		#[derive(serde::Deserialize)]
		struct Text {
			cid: String,
		}
		serde_json::from_str::<Shape>(text).map_err(|_| ())?;
		match serde_json::from_str::<Text>(text) {
			Ok(t) => Ok(Some(t.cid)),
			// A string `cid` serde cannot hold (a lone surrogate) is refused, as before.
			Err(_) if cid_is_string_token(text) => Err(()),
			Err(_) => Ok(None),
		}
	}

	/// Whether the top-level `cid` value of a text whose shape parsed starts with a quote.
	fn cid_is_string_token(text: &str) -> bool {
		let mut s = Scanner::new(text.as_bytes());
		s.ws();
		s.i += 1; // `{`
		loop {
			s.ws();
			if s.peek() != Some(b'"') {
				return false;
			}
			s.i += 1;
			let Ok(key) = s.strict_string() else { return false };
			let is_cid = key.is(b"cid");
			s.ws();
			s.i += 1; // `:`
			s.ws();
			if is_cid {
				return s.peek() == Some(b'"');
			}
			if s.value().is_err() {
				return false;
			}
			s.ws();
			if s.next() != Some(b',') {
				return false;
			}
		}
	}

	fn ours(text: &str) -> Result<Option<String>, ()> {
		metadata_cid(text.as_bytes()).map(|c| c.map(|c| c.into_owned())).map_err(|_| ())
	}

	fn serde_check(text: &str) -> bool {
		serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
	}

	#[test]
	fn agrees_with_serde_on_chosen_cases() {
		let cases = [
			"{}",
			" { } ",
			r#"{"cid":"bafy"}"#,
			r#"{"c\u0069d":"x"}"#,
			r#"{"cid":"a","cid":"b"}"#,
			r#"{"cid":null}"#,
			r#"{"cid":1e400}"#,
			r#"{"other":1e400}"#,
			r#"{"cid":[1,2,{"a":[]}]}"#,
			r#"{"cid":"\ud800"}"#,
			r#"{"x":"\ud800"}"#,
			r#"{"\ud800":1}"#,
			r#"{"\udc00":1}"#,
			r#"{"cid":"\ud83d\ude00"}"#,
			r#"{"a":01}"#,
			r#"{"a":-}"#,
			r#"{"a":1.}"#,
			r#"{"a":1e}"#,
			r#"{"a":-0.5E+3}"#,
			r#"{"a":[1,]}"#,
			r#"{"a":1,}"#,
			r#"{"a" 1}"#,
			r#"{"a":"\x"}"#,
			"{\"a\":\"\u{1}\"}",
			r#"{"a":tru}"#,
			r#"{"a":true} x"#,
			r#"{"a":[[[[]]]]}"#,
			r#"{"a":{"b":{"c":null}}}"#,
			"{\"a\":\"\\u00e9\u{e9}\"}",
			r#"{"cid":"x\/y\n"}"#,
			"{",
			"{\"a\"",
			"{\"a\":",
			"{\"a\":[",
		];
		for case in cases {
			assert_eq!(ours(case), serde_metadata(case), "metadata: {case}");
			assert_eq!(check(case.as_bytes()).is_ok(), serde_check(case), "check: {case}");
		}
	}

	#[test]
	fn a_cid_that_is_not_a_string_is_checked_by_grammar_alone() {
		// These went through a `serde_json::Value` copy before and were refused; they name no
		// CID, and cost one pass like any other field now.
		let deep = format!(r#"{{"cid":{}{}}}"#, "[".repeat(5_000), "]".repeat(5_000));
		for text in [r#"{"cid":1e400}"#, r#"{"cid":[1e999]}"#, deep.as_str()] {
			assert_eq!(ours(text), Ok(None), "{text}");
		}
		assert_eq!(ours(r#"{"cid":[1,}"#), Err(()));
		assert_eq!(ours(r#"{"cid":"\ud800"}"#), Err(()), "a lone surrogate in a cid string");
	}

	#[test]
	fn depth_limits_match_serde() {
		for depth in [1usize, 126, 127, 128, 5000] {
			let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
			let in_cid = format!(r#"{{"cid":{deep}}}"#);
			let elsewhere = format!(r#"{{"x":{deep}}}"#);
			assert_eq!(ours(&in_cid), serde_metadata(&in_cid), "cid at depth {depth}");
			assert_eq!(ours(&elsewhere), serde_metadata(&elsewhere), "x at depth {depth}");
			assert_eq!(check(deep.as_bytes()).is_ok(), serde_check(&deep), "depth {depth}");
		}
		// Deeper than the inline frames.
		let deep = format!("{}1{}", "[{\"a\":".repeat(40_000), "}]".repeat(40_000));
		assert!(check(deep.as_bytes()).is_ok());
	}

	/// Pieces JSON is made of, and some that break it.
	fn piece() -> impl Strategy<Value = &'static str> {
		prop::sample::select(vec![
			"{",
			"}",
			"[",
			"]",
			",",
			":",
			" ",
			"\n",
			"\"",
			"\"cid\"",
			"\"c\\u0069d\"",
			"\"a\"",
			"\"bafy\"",
			"0",
			"1",
			"-",
			".",
			"e",
			"E",
			"+",
			"12",
			"1e400",
			"true",
			"false",
			"null",
			"nul",
			"\\",
			"\\n",
			"\\u",
			"\\ud800",
			"\\udc00",
			"00",
			"é",
			"\u{1}",
			"x",
		])
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(20_000))]
		#[test]
		fn agrees_with_serde_on_generated_text(pieces in prop::collection::vec(piece(), 0..24)) {
			let body: String = pieces.concat();
			let text = format!("{{{body}");
			prop_assert_eq!(ours(&text), serde_metadata(&text), "metadata: {}", text);
			prop_assert_eq!(check(body.as_bytes()).is_ok(), serde_check(&body), "check: {}", body);
		}

		#[test]
		fn agrees_with_serde_on_generated_json(value in json_value()) {
			let text = serde_json::to_string(&serde_json::json!({"cid": value.clone(), "v": value})).unwrap();
			prop_assert_eq!(ours(&text), serde_metadata(&text));
			prop_assert!(check(text.as_bytes()).is_ok());
		}
	}

	fn json_value() -> impl Strategy<Value = serde_json::Value> {
		let leaf = prop_oneof![
			Just(serde_json::Value::Null),
			any::<bool>().prop_map(serde_json::Value::from),
			any::<i64>().prop_map(serde_json::Value::from),
			any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(serde_json::Value::from),
			".*".prop_map(serde_json::Value::from),
		];
		leaf.prop_recursive(6, 64, 8, |inner| {
			prop_oneof![
				prop::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::from),
				prop::collection::btree_map(".*", inner, 0..8)
					.prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
			]
		})
	}
}
