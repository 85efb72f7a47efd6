//! Fuzzes the value validator: it must never panic, never be slow, and whatever it accepts must
//! be consistent.
#![no_main]

use libfuzzer_sys::fuzz_target;
use module_registry_primitives::{validation, ValueKind};
use module_registry_primitives_fuzz::timed;

fuzz_target!(|data: &[u8]| {
	let Ok(c) = timed("classify", data.len(), || validation::classify(data)) else { return };
	// Accepted values are UTF-8.
	let text = core::str::from_utf8(data).expect("accepted values are UTF-8");
	match c.kind {
		ValueKind::Cid => {
			// A raw CID always has a pinnable CID, which renders and re-parses to itself.
			let cid = c.cid.expect("a CID value has a CID");
			let rendered = validation::cid_to_string(&cid).expect("renders");
			assert_eq!(validation::parse_cid(&rendered).expect("re-parses"), cid);
		},
		ValueKind::Json => assert!(text.trim_start().starts_with('{')),
	}
});
