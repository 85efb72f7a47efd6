//! Fuzzes the archive reader: arbitrary bytes as a `.tar.gz` must never panic, never write
//! outside the staging folder, and never leave the destination half-made.
#![no_main]

use file_registry::{import, ArchiveError, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
	let dir = tempfile::tempdir().expect("tempdir");
	let archive = dir.path().join("in.tar.gz");
	std::fs::write(&archive, data).expect("write");
	let place = dir.path().join("place");
	std::fs::create_dir(&place).expect("mkdir");
	let dest = place.join("dest");
	let limits = Limits {
		max_total_bytes: 1 << 20,
		max_file_bytes: 1 << 18,
		max_entries: 256,
		..Limits::default()
	};
	match import(&archive, &dest, limits, false, &|_| {}) {
		Ok(_) => assert!(file_registry::verify_tree(&dest, &|_| {}).expect("verify").is_ok()),
		Err(ArchiveError::Refused(report)) => {
			assert!(!report.is_ok());
			assert!(!dest.exists(), "a refused import left the destination behind");
		},
		Err(e) => panic!("unexpected error: {e}"),
	}
	// Nothing escaped: the only entries beside the archive are the place folder.
	let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
	assert_eq!(names.len(), 2, "{names:?}");
	let staged: Vec<_> = std::fs::read_dir(&place).unwrap().map(|e| e.unwrap().file_name()).collect();
	assert!(staged.len() <= 1, "staging left behind: {staged:?}");
});
