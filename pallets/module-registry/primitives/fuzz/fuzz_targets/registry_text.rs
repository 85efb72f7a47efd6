//! Fuzzes the registry layer's text rules: names, packages, versions, ranges, references and
//! metadata. None may panic or be slow on any input up to the chain's largest argument.
#![no_main]

use libfuzzer_sys::fuzz_target;
use module_registry_primitives::registry as rules;
use module_registry_primitives_fuzz::timed;

fuzz_target!(|data: &[u8]| {
	let len = data.len();
	timed("metadata_module_type", len, || rules::metadata_module_type(data)).ok();
	let Ok(text) = core::str::from_utf8(data) else { return };
	timed("validate_name", len, || rules::validate_name(text)).ok();
	timed("PackageName::parse", len, || rules::PackageName::parse(text)).ok();
	timed("parse_reference", len, || rules::parse_reference(text)).ok();
	timed("Range::parse", len, || rules::Range::parse(text)).ok();
	if let Ok(version) = timed("parse_version", len, || rules::parse_version(text)) {
		// An accepted version's identity is itself a version of the same precedence.
		let identity = rules::version_identity(&version);
		let again = rules::parse_version(&identity).expect("an identity parses");
		assert_eq!(again.cmp_precedence(&version), core::cmp::Ordering::Equal);
	}
});
