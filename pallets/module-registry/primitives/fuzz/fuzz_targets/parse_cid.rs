//! Fuzzes CID text: the first byte picks a multibase, the rest is the text after its prefix, so
//! every base's decoder (the quadratic base10/36/58 ones included) sees long inputs. Parsing
//! must never panic or be slow; an accepted CID is within the chain's size, re-renders and
//! re-parses to itself, and its text was no longer than its base allows.
#![no_main]

use libfuzzer_sys::fuzz_target;
use module_registry_primitives::{validation, MAX_CID_BYTES};
use module_registry_primitives_fuzz::timed;

const PREFIXES: &[&str] = &[
	"0", "7", "9", "f", "F", "b", "B", "c", "C", "v", "V", "t", "T", "h", "k", "K", "R", "z",
	"Z", "m", "M", "u", "U", "🚀", "Qm", "", "\0", "/ipfs/",
];

fuzz_target!(|data: &[u8]| {
	let Some((&pick, rest)) = data.split_first() else { return };
	let Ok(rest) = core::str::from_utf8(rest) else { return };
	let prefix = PREFIXES[pick as usize % PREFIXES.len()];
	let text = format!("{prefix}{rest}");
	let Ok(cid) = timed("parse_cid", text.len(), || validation::parse_cid(&text)) else {
		return;
	};
	assert!(cid.len() <= MAX_CID_BYTES as usize);
	let first = text.chars().next().expect("accepted text is not empty");
	if !(text.len() == validation::CID_V0_TEXT_LEN && text.starts_with("Qm")) {
		let bound = validation::max_cid_text_len(first).expect("accepted base");
		assert!(text.len() <= bound, "{} bytes accepted over the bound {bound}", text.len());
	}
	assert!(!text.contains('/') || first == 'm' || first == 'M', "a path was accepted: {text}");
	let rendered = validation::cid_to_string(&cid).expect("renders");
	assert_eq!(validation::parse_cid(&rendered).expect("re-parses"), cid);
});
