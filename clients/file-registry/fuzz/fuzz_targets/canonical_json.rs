//! Fuzzes the strict entry parser and both canonical forms: arbitrary bytes must never panic;
//! whatever parses has a canonical form that parses back to the same value and is a fixed point
//! (canonicalising it again gives the same bytes).
#![no_main]

use file_registry::canonical::{canonical, parse_entry, Rule};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
	let Ok(value) = parse_entry(data, 1 << 20) else { return };
	for rule in [Rule::Legacy, Rule::Jcs] {
		let once = canonical(rule, &value);
		let back = parse_entry(&once, 1 << 22).expect("a canonical form parses");
		assert_eq!(canonical(rule, &back), once, "{rule:?} is not a fixed point");
	}
});
