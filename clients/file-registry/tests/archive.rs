//! Export/import round trips, determinism, and every refusal, with hostile archives built here.

use file_registry::{
	archive::{export, import, ArchiveError, Limits},
	history, tree, txn, verify_tree, Problem, Report, Tag,
};
use flate2::{write::GzEncoder, Compression};
use std::{
	collections::BTreeMap,
	fs,
	io::Write,
	path::{Path, PathBuf},
};

fn example() -> PathBuf {
	// Read when the test runs (cargo sets it), not when it is compiled: the shared target dir may
	// hold a test binary built from another clone of the repository.
	std::env::var_os("CARGO_MANIFEST_DIR")
		.map(PathBuf::from)
		.unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
		.join("examples/registry")
}

/// Every file under `root`, path to bytes.
fn snapshot(root: &Path) -> BTreeMap<String, Vec<u8>> {
	fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
		for e in fs::read_dir(dir).unwrap() {
			let p = e.unwrap().path();
			if p.is_dir() {
				walk(root, &p, out);
			} else {
				let rel = p.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
				out.insert(rel, fs::read(&p).unwrap());
			}
		}
	}
	let mut out = BTreeMap::new();
	walk(root, root, &mut out);
	out
}

fn copy_tree(from: &Path, to: &Path) {
	for (rel, bytes) in snapshot(from) {
		let p = to.join(rel);
		fs::create_dir_all(p.parent().unwrap()).unwrap();
		fs::write(p, bytes).unwrap();
	}
}

/// One entry of a hand-made archive.
enum Item {
	File(&'static str, Vec<u8>),
	FileOwned(String, Vec<u8>),
	/// A raw name written straight into the header (bypassing the tar crate's path checks).
	RawName(Vec<u8>, Vec<u8>),
	Link(tar::EntryType, &'static str, &'static str),
	Device(&'static str),
}

fn raw_header(name: &[u8], kind: tar::EntryType, size: u64) -> tar::Header {
	let mut h = tar::Header::new_old();
	h.as_old_mut().name[..name.len()].copy_from_slice(name);
	h.set_entry_type(kind);
	h.set_size(size);
	h.set_mode(0o644);
	h.set_mtime(0);
	h.set_cksum();
	h
}

fn build(items: Vec<Item>) -> Vec<u8> {
	build_with(items, Compression::fast())
}

fn build_with(items: Vec<Item>, level: Compression) -> Vec<u8> {
	let mut b = tar::Builder::new(GzEncoder::new(Vec::new(), level));
	for item in items {
		match item {
			Item::File(name, data) => append(&mut b, name.as_bytes(), &data),
			Item::FileOwned(name, data) => append(&mut b, name.as_bytes(), &data),
			Item::RawName(name, data) => append(&mut b, &name, &data),
			Item::Link(kind, name, target) => {
				let mut h = raw_header(name.as_bytes(), kind, 0);
				h.as_old_mut().linkname[..target.len()].copy_from_slice(target.as_bytes());
				h.set_cksum();
				b.append(&h, std::io::empty()).unwrap();
			},
			Item::Device(name) => {
				let h = raw_header(name.as_bytes(), tar::EntryType::Char, 0);
				b.append(&h, std::io::empty()).unwrap();
			},
		}
	}
	b.into_inner().unwrap().finish().unwrap()
}

fn append(b: &mut tar::Builder<GzEncoder<Vec<u8>>>, name: &[u8], data: &[u8]) {
	let h = raw_header(name, tar::EntryType::Regular, data.len() as u64);
	b.append(&h, data).unwrap();
}

/// The example tree as archive items, with `edit` applied to the map first.
fn example_items(edit: impl FnOnce(&mut BTreeMap<String, Vec<u8>>)) -> Vec<Item> {
	let mut files = snapshot(&example());
	edit(&mut files);
	files.into_iter().map(|(k, v)| Item::FileOwned(k, v)).collect()
}

struct Case {
	_dir: tempfile::TempDir,
	parent: PathBuf,
	dest: PathBuf,
	archive: PathBuf,
}

fn case(archive_bytes: &[u8]) -> Case {
	let dir = tempfile::tempdir().unwrap();
	let parent = dir.path().join("place");
	fs::create_dir_all(&parent).unwrap();
	let archive = dir.path().join("in.tar.gz");
	fs::write(&archive, archive_bytes).unwrap();
	let dest = parent.join("dest");
	Case { _dir: dir, parent, dest, archive }
}

/// Import must refuse; the destination and its parent must be exactly as before.
fn refused(archive_bytes: &[u8], limits: Limits) -> Report {
	let c = case(archive_bytes);
	// An existing destination with content, imported over with --replace: it must survive.
	fs::create_dir_all(&c.dest).unwrap();
	fs::write(c.dest.join("keep.txt"), b"precious").unwrap();
	let before = snapshot(&c.parent);
	let result = import(&c.archive, &c.dest, limits, true, &|_| {});
	let report = match result {
		Err(ArchiveError::Refused(r)) => r,
		other => panic!("expected a refusal, got {other:?}"),
	};
	assert_eq!(snapshot(&c.parent), before, "the destination changed");
	let leftovers: Vec<_> =
		fs::read_dir(&c.parent).unwrap().map(|e| e.unwrap().file_name()).collect();
	assert_eq!(leftovers.len(), 1, "staging left behind: {leftovers:?}");
	assert!(!report.is_ok());
	// The JSON report carries a remedy for each problem.
	let json = report.to_json();
	assert_eq!(json["ok"], false);
	assert!(json["problems"].as_array().unwrap().iter().all(|p| p["remedy"].as_str().is_some()));
	report
}

fn has(report: &Report, pred: impl Fn(&Problem) -> bool) -> bool {
	report.problems.iter().any(pred)
}

#[test]
fn the_example_registry_verifies() {
	let report = verify_tree(&example(), &|_| {}).unwrap();
	assert!(report.is_ok(), "{report}");
}

#[test]
fn export_import_round_trip_gives_an_identical_tree() {
	let dir = tempfile::tempdir().unwrap();
	let archive = dir.path().join("r.tar.gz");
	export(&example(), &archive, &|_| {}).unwrap();
	let dest = dir.path().join("copy");
	assert_eq!(import(&archive, &dest, Limits::default(), false, &|_| {}).unwrap(), None);
	assert!(verify_tree(&dest, &|_| {}).unwrap().is_ok());
	assert_eq!(snapshot(&dest), snapshot(&example()));
}

#[test]
fn two_exports_are_byte_identical_even_from_a_fresh_copy() {
	let dir = tempfile::tempdir().unwrap();
	let (a, b) = (dir.path().join("a.tar.gz"), dir.path().join("b.tar.gz"));
	export(&example(), &a, &|_| {}).unwrap();
	let copy = dir.path().join("tree");
	copy_tree(&example(), &copy);
	export(&copy, &b, &|_| {}).unwrap();
	assert_eq!(fs::read(&a).unwrap(), fs::read(&b).unwrap());
	// Entries are sorted with fixed metadata.
	let mut ar = tar::Archive::new(flate2::read::MultiGzDecoder::new(fs::File::open(&a).unwrap()));
	let mut names = Vec::new();
	for e in ar.entries().unwrap() {
		let e = e.unwrap();
		let h = e.header();
		assert_eq!(
			(h.mtime().unwrap(), h.uid().unwrap(), h.gid().unwrap(), h.mode().unwrap()),
			(0, 0, 0, 0o644)
		);
		assert_eq!(h.username().unwrap(), Some(""));
		names.push(e.path().unwrap().to_string_lossy().into_owned());
	}
	let mut sorted = names.clone();
	sorted.sort();
	assert_eq!(names, sorted);
}

#[test]
fn export_refuses_a_tree_that_does_not_verify() {
	let dir = tempfile::tempdir().unwrap();
	let tree = dir.path().join("tree");
	copy_tree(&example(), &tree);
	fs::write(tree.join("artifacts/traces/train_chatcore.jsonl"), b"tampered\n").unwrap();
	let out = dir.path().join("x.tar.gz");
	match export(&tree, &out, &|_| {}) {
		Err(ArchiveError::Refused(r)) => assert!(has(
			&r,
			|p| matches!(p, Problem::ChecksumMismatch { file, .. } if file == "artifacts/traces/train_chatcore.jsonl")
		)),
		other => panic!("{other:?}"),
	}
	assert!(!out.exists());
	// The file was found out while it was being archived: no partial archive is left either.
	let left: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
	assert_eq!(left, vec![std::ffi::OsString::from("tree")]);
}

#[test]
fn verify_reports_every_problem_not_only_the_first() {
	let dir = tempfile::tempdir().unwrap();
	let tree = dir.path().join("tree");
	copy_tree(&example(), &tree);
	fs::write(tree.join("artifacts/indices/lexicon.jsonl"), b"changed\n").unwrap();
	fs::remove_file(tree.join("artifacts/traces/train_chatcore.jsonl")).unwrap();
	fs::write(tree.join("artifacts/traces/extra.jsonl"), b"{}\n").unwrap();
	let model = tree.join("registry/models/model_pred_mlp_0007.json");
	let text =
		fs::read_to_string(&model).unwrap().replace("Finance Predictor MLP", "Edited By Hand");
	fs::write(&model, text).unwrap();
	let r = verify_tree(&tree, &|_| {}).unwrap();
	assert!(
		has(
			&r,
			|p| matches!(p, Problem::ChecksumMismatch { file, .. } if file == "artifacts/indices/lexicon.jsonl")
		),
		"{r}"
	);
	assert!(
		has(
			&r,
			|p| matches!(p, Problem::MissingFile { file } if file == "artifacts/traces/train_chatcore.jsonl")
		),
		"{r}"
	);
	assert!(
		has(
			&r,
			|p| matches!(p, Problem::UnexpectedFile { file } if file == "artifacts/traces/extra.jsonl")
		),
		"{r}"
	);
	assert!(
		has(
			&r,
			|p| matches!(p, Problem::EntryChecksumMismatch { file, .. } if file.ends_with("model_pred_mlp_0007.json"))
		),
		"{r}"
	);
}

#[test]
fn dangling_references_are_reported() {
	let dir = tempfile::tempdir().unwrap();
	let tree = dir.path().join("tree");
	copy_tree(&example(), &tree);
	fs::remove_file(tree.join("registry/datasets/ds_finance_synth_2025_42.json")).unwrap();
	fs::remove_file(tree.join("registry/neural_nets/nn_pred_mlp_0001.json")).unwrap();
	tree::seal(&tree).unwrap();
	let r = verify_tree(&tree, &|_| {}).unwrap();
	assert!(
		has(
			&r,
			|p| matches!(p, Problem::DanglingReference { field, target, .. } if field == "nn_id" && target == "nn_pred_mlp_0001")
		),
		"{r}"
	);
	assert!(
		has(
			&r,
			|p| matches!(p, Problem::DanglingReference { field, .. } if field == "dataset_ids")
		),
		"{r}"
	);
}

#[test]
fn import_refuses_a_checksum_mismatch() {
	let items = example_items(|f| {
		f.insert("artifacts/indices/lexicon.jsonl".into(), b"evil\n".to_vec());
	});
	let r = refused(&build(items), Limits::default());
	assert!(
		has(
			&r,
			|p| matches!(p, Problem::ChecksumMismatch { file, expected, actual } if file == "artifacts/indices/lexicon.jsonl" && expected != actual)
		),
		"{r}"
	);
}

#[test]
fn import_refuses_a_missing_file() {
	let r = refused(
		&build(example_items(|f| {
			f.remove("artifacts/indices/lexicon.jsonl");
		})),
		Limits::default(),
	);
	assert!(
		has(
			&r,
			|p| matches!(p, Problem::MissingFile { file } if file == "artifacts/indices/lexicon.jsonl")
		),
		"{r}"
	);
}

#[test]
fn import_refuses_an_unexpected_file() {
	let r = refused(
		&build(example_items(|f| {
			f.insert("artifacts/extra.bin".into(), vec![1, 2, 3]);
		})),
		Limits::default(),
	);
	assert!(
		has(&r, |p| matches!(p, Problem::UnexpectedFile { file } if file == "artifacts/extra.bin")),
		"{r}"
	);
}

#[test]
fn import_refuses_parent_directory_paths() {
	let mut items = example_items(|_| {});
	items.push(Item::RawName(b"artifacts/../../escape.txt".to_vec(), b"x".to_vec()));
	let r = refused(&build(items), Limits::default());
	assert!(
		has(&r, |p| matches!(p, Problem::UnsafePath { file } if file.contains("escape"))),
		"{r}"
	);
}

#[test]
fn import_refuses_absolute_paths() {
	let mut items = example_items(|_| {});
	items.push(Item::RawName(b"/tmp/absolute.txt".to_vec(), b"x".to_vec()));
	let r = refused(&build(items), Limits::default());
	assert!(
		has(&r, |p| matches!(p, Problem::UnsafePath { file } if file == "/tmp/absolute.txt")),
		"{r}"
	);
}

#[test]
fn import_refuses_symlinks() {
	let mut items = example_items(|_| {});
	items.push(Item::Link(tar::EntryType::Symlink, "artifacts/link", "/etc/passwd"));
	let r = refused(&build(items), Limits::default());
	assert!(
		has(
			&r,
			|p| matches!(p, Problem::ForbiddenEntryType { file, .. } if file == "artifacts/link")
		),
		"{r}"
	);
}

#[test]
fn import_refuses_hard_links() {
	let mut items = example_items(|_| {});
	items.push(Item::Link(tar::EntryType::Link, "artifacts/hard", "VERSION"));
	let r = refused(&build(items), Limits::default());
	assert!(
		has(
			&r,
			|p| matches!(p, Problem::ForbiddenEntryType { file, .. } if file == "artifacts/hard")
		),
		"{r}"
	);
}

#[test]
fn import_refuses_device_entries() {
	let mut items = example_items(|_| {});
	items.push(Item::Device("artifacts/null"));
	let r = refused(&build(items), Limits::default());
	assert!(
		has(
			&r,
			|p| matches!(p, Problem::ForbiddenEntryType { file, .. } if file == "artifacts/null")
		),
		"{r}"
	);
}

#[test]
fn import_refuses_duplicate_entries() {
	let mut items = example_items(|_| {});
	items.push(Item::File("VERSION", b"9.9.9\n".to_vec()));
	let r = refused(&build(items), Limits::default());
	assert!(has(&r, |p| matches!(p, Problem::DuplicateEntry { file } if file == "VERSION")), "{r}");
}

#[test]
fn import_refuses_a_file_over_the_per_file_limit() {
	let limits = Limits { max_file_bytes: 200, ..Limits::default() };
	let r = refused(&build(example_items(|_| {})), limits);
	assert!(has(&r, |p| matches!(p, Problem::FileTooLarge { limit: 200, .. })), "{r}");
}

#[test]
fn import_refuses_an_archive_over_the_total_limit() {
	// A decompression bomb in miniature: 10 MiB of zeros compress to a few KiB.
	let mut items = example_items(|_| {});
	items.push(Item::File("artifacts/zeros.bin", vec![0u8; 10 << 20]));
	let bytes = build(items);
	assert!(bytes.len() < 1 << 20);
	let r = refused(&bytes, Limits { max_total_bytes: 1 << 20, ..Limits::default() });
	assert!(has(&r, |p| matches!(p, Problem::ArchiveTooLarge { .. })), "{r}");
}

#[test]
fn import_refuses_a_truncated_archive() {
	let dir = tempfile::tempdir().unwrap();
	let archive = dir.path().join("r.tar.gz");
	export(&example(), &archive, &|_| {}).unwrap();
	let bytes = fs::read(&archive).unwrap();
	for cut in [bytes.len() / 2, bytes.len() - 10] {
		let r = refused(&bytes[..cut], Limits::default());
		assert!(has(&r, |p| matches!(p, Problem::TruncatedArchive { .. })), "cut {cut}: {r}");
	}
}

#[test]
fn import_refuses_contradicting_paths() {
	let mut items = example_items(|_| {});
	items.push(Item::File("artifacts/x", b"file".to_vec()));
	items.push(Item::File("artifacts/x/y", b"under a file".to_vec()));
	let r = refused(&build(items), Limits::default());
	assert!(
		has(&r, |p| matches!(p, Problem::PathConflict { file } if file == "artifacts/x/y")),
		"{r}"
	);
}

#[test]
fn import_refuses_a_missing_version() {
	let r = refused(
		&build(example_items(|f| {
			f.remove("VERSION");
		})),
		Limits::default(),
	);
	assert!(has(&r, |p| matches!(p, Problem::MissingVersion)), "{r}");
}

#[test]
fn import_refuses_a_malformed_version() {
	// hashes.json is updated too, so the only problem is the VERSION format.
	let items = example_items(|f| {
		let v = b"0.1.0\nsecond line\n".to_vec();
		let mut hashes: BTreeMap<String, String> =
			serde_json::from_slice(&f["hashes.json"]).unwrap();
		hashes.insert("VERSION".into(), tree::checksum_of(&v));
		f.insert("hashes.json".into(), serde_json::to_vec(&hashes).unwrap());
		f.insert("VERSION".into(), v);
	});
	let r = refused(&build(items), Limits::default());
	assert!(has(&r, |p| matches!(p, Problem::MalformedVersion { .. })), "{r}");
	assert_eq!(r.problems.len(), 1, "{r}");
}

#[test]
fn import_into_an_occupied_folder_needs_replace_and_keeps_the_old_tree() {
	let dir = tempfile::tempdir().unwrap();
	let archive = dir.path().join("r.tar.gz");
	export(&example(), &archive, &|_| {}).unwrap();
	let dest = dir.path().join("dest");
	fs::create_dir_all(&dest).unwrap();
	fs::write(dest.join("mine.txt"), b"mine").unwrap();
	assert!(matches!(
		import(&archive, &dest, Limits::default(), false, &|_| {}),
		Err(ArchiveError::DestinationExists(_))
	));
	assert_eq!(fs::read(dest.join("mine.txt")).unwrap(), b"mine");
	let aside = import(&archive, &dest, Limits::default(), true, &|_| {}).unwrap().unwrap();
	assert_eq!(fs::read(aside.join("mine.txt")).unwrap(), b"mine");
	assert_eq!(snapshot(&dest), snapshot(&example()));
}

#[test]
fn promote_and_rollback_append_history_and_keep_the_tree_verifying() {
	let dir = tempfile::tempdir().unwrap();
	let tree = dir.path().join("tree");
	copy_tree(&example(), &tree);
	let model_file = tree.join("registry/models/model_pred_mlp_0007.json");
	let history_len = |p: &Path| {
		let v: serde_json::Value = serde_json::from_slice(&fs::read(p).unwrap()).unwrap();
		v["promotion_history"].as_array().unwrap().len()
	};
	let before = history_len(&model_file);

	history::promote(&tree, "model_pred_mlp_0007", Tag::Production, "2026-01-01T00:00:00+00:00")
		.unwrap();
	assert!(verify_tree(&tree, &|_| {}).unwrap().is_ok());
	assert_eq!(history_len(&model_file), before + 1);

	history::rollback(&tree, "model_pred_mlp_0007", "0.1.0", "2026-01-02T00:00:00+00:00").unwrap();
	assert!(verify_tree(&tree, &|_| {}).unwrap().is_ok());
	let v: serde_json::Value = serde_json::from_slice(&fs::read(&model_file).unwrap()).unwrap();
	assert_eq!(v["version"], "0.1.0");
	let history = v["promotion_history"].as_array().unwrap();
	assert_eq!(history.len(), before + 2);
	// History is only appended to: the earlier entries are unchanged.
	let original: serde_json::Value = serde_json::from_slice(
		&fs::read(example().join("registry/models/model_pred_mlp_0007.json")).unwrap(),
	)
	.unwrap();
	assert_eq!(&history[..before], original["promotion_history"].as_array().unwrap().as_slice());
	assert_eq!(history.last().unwrap()["rollback_from"], "0.2.0");
	let ws: serde_json::Value = serde_json::from_slice(
		&fs::read(tree.join("registry/workspaces/ws_default_0001.json")).unwrap(),
	)
	.unwrap();
	assert_eq!(ws["mapping"]["predictor"], "model_pred_mlp_0007");
	assert_eq!(ws["updated_at"], "2026-01-02T00:00:00+00:00");

	assert!(matches!(
		history::rollback(&tree, "model_pred_mlp_0007", "9.9.9", "x"),
		Err(history::HistoryError::UnknownVersion { .. })
	));
	assert!(matches!(
		history::promote(&tree, "no_such_model", Tag::Staging, "x"),
		Err(history::HistoryError::UnknownModel(_))
	));
}

#[test]
fn the_cli_exits_non_zero_on_problems_and_prints_json() {
	let exe = env!("CARGO_BIN_EXE_file-registry");
	let ok =
		std::process::Command::new(exe).args(["--json", "verify"]).arg(example()).output().unwrap();
	assert_eq!(ok.status.code(), Some(0));
	let v: serde_json::Value = serde_json::from_slice(&ok.stdout).unwrap();
	assert_eq!(v["ok"], true);

	let dir = tempfile::tempdir().unwrap();
	let tree = dir.path().join("tree");
	copy_tree(&example(), &tree);
	let mut f = fs::OpenOptions::new().append(true).open(tree.join("VERSION")).unwrap();
	f.write_all(b"garbage\n").unwrap();
	let bad =
		std::process::Command::new(exe).args(["--json", "verify"]).arg(&tree).output().unwrap();
	assert_eq!(bad.status.code(), Some(file_registry::exit::VERIFICATION as i32));
	let v: serde_json::Value = serde_json::from_slice(&bad.stdout).unwrap();
	assert_eq!(v["ok"], false);
	assert!(v["problem_count"].as_u64().unwrap() >= 1);

	let missing =
		std::process::Command::new(exe).args(["verify", "/nonexistent/registry"]).output().unwrap();
	assert_eq!(missing.status.code(), Some(file_registry::exit::OTHER as i32));

	// A bad command line: exit code 2; with --json, one JSON document like every other outcome.
	let usage = std::process::Command::new(exe).args(["--json", "verfy"]).output().unwrap();
	assert_eq!(usage.status.code(), Some(2));
	let v: serde_json::Value = serde_json::from_slice(&usage.stdout).unwrap();
	assert_eq!(v["ok"], false);
	assert!(v["error"].as_str().unwrap().contains("verfy"), "{v}");
	let plain = std::process::Command::new(exe).arg("verfy").output().unwrap();
	assert_eq!(plain.status.code(), Some(2));
	assert!(plain.stdout.is_empty());
}

// --- Canonical JSON versions -------------------------------------------------------------------

#[test]
fn an_archive_of_the_old_format_version_still_verifies_with_the_old_rule() {
	let fixture = example()
		.parent()
		.unwrap()
		.parent()
		.unwrap()
		.join("tests/fixtures/registry-0.1.0-alpha1.tar.gz");
	let dir = tempfile::tempdir().unwrap();
	let dest = dir.path().join("old");
	import(&fixture, &dest, Limits::default(), false, &|_| {}).unwrap();
	assert_eq!(fs::read_to_string(dest.join("VERSION")).unwrap().trim(), "0.1.0-alpha1");
	assert!(verify_tree(&dest, &|_| {}).unwrap().is_ok());
	// The same entries under the new rule do not match: the version selects the rule.
	fs::write(dest.join("VERSION"), "0.2.0\n").unwrap();
	let mut hashes: BTreeMap<String, String> =
		serde_json::from_slice(&fs::read(dest.join("hashes.json")).unwrap()).unwrap();
	hashes.insert("VERSION".into(), tree::checksum_of(b"0.2.0\n"));
	fs::write(dest.join("hashes.json"), tree::hashes_json(&hashes).unwrap()).unwrap();
	let r = verify_tree(&dest, &|_| {}).unwrap();
	assert!(
		has(
			&r,
			|p| matches!(p, Problem::EntryChecksumMismatch { file, .. } if file.ends_with("nn_lexicon_rnn_0001.json"))
		),
		"{r}"
	);
	// Sealing moves the tree to the new rule; it verifies again.
	tree::seal(&dest).unwrap();
	assert!(verify_tree(&dest, &|_| {}).unwrap().is_ok());
}

#[test]
fn an_entry_with_a_duplicate_key_is_refused() {
	let r = refused(
		&build(example_items(|f| {
			let key = "registry/datasets/ds_wordnet_synth_1337.json";
			let text = String::from_utf8(f[key].clone()).unwrap();
			let text = text.replacen('{', r#"{"id": "shadow","#, 1);
			let sum = tree::checksum_of(text.as_bytes());
			let mut hashes: BTreeMap<String, String> =
				serde_json::from_slice(&f["hashes.json"]).unwrap();
			hashes.insert(key.into(), sum);
			f.insert("hashes.json".into(), serde_json::to_vec(&hashes).unwrap());
			f.insert(key.into(), text.into_bytes());
		})),
		Limits::default(),
	);
	assert!(
		has(
			&r,
			|p| matches!(p, Problem::InvalidEntry { message, .. } if message.contains("duplicate key \"id\""))
		),
		"{r}"
	);
}

// --- Hostile archives --------------------------------------------------------------------------

#[test]
fn import_refuses_files_the_format_does_not_have() {
	for stray in [".git/config", "run.sh", "registry.bak/x", "artifactsx"] {
		let mut items = example_items(|_| {});
		items.push(Item::FileOwned(stray.into(), b"[core]\n".to_vec()));
		let r = refused(&build(items), Limits::default());
		assert!(
			has(&r, |p| matches!(p, Problem::UnexpectedTopLevel { file } if file == stray)),
			"{stray}: {r}"
		);
	}
}

#[test]
fn import_refuses_every_other_spelling_of_a_path() {
	let nfd = "artifacts/cafe\u{301}.txt"; // "café" decomposed
	for variant in ["registry/./models/x.json", "artifacts//a.txt", "VERSION/", nfd] {
		let mut items = example_items(|_| {});
		items.push(Item::RawName(variant.as_bytes().to_vec(), b"x".to_vec()));
		let r = refused(&build(items), Limits::default());
		assert!(has(&r, |p| matches!(p, Problem::NonCanonicalPath { .. })), "{variant:?}: {r}");
	}
	// `./VERSION` is `VERSION` (the leading `./` of `tar -C dir .`), so it is a duplicate.
	let mut items = example_items(|_| {});
	items.push(Item::File("./VERSION", b"0.2.0\n".to_vec()));
	let r = refused(&build(items), Limits::default());
	assert!(has(&r, |p| matches!(p, Problem::DuplicateEntry { file } if file == "VERSION")), "{r}");
}

#[test]
fn an_archive_with_a_leading_dot_slash_is_accepted() {
	let items: Vec<Item> = snapshot(&example())
		.into_iter()
		.map(|(k, v)| Item::FileOwned(format!("./{k}"), v))
		.collect();
	let c = case(&build(items));
	import(&c.archive, &c.dest, Limits::default(), false, &|_| {}).unwrap();
	assert_eq!(snapshot(&c.dest), snapshot(&example()));
}

#[test]
fn import_refuses_an_entry_over_the_entry_size_limit() {
	let limits = Limits { max_entry_bytes: 300, ..Limits::default() };
	let r = refused(&build(example_items(|_| {})), limits);
	assert!(has(&r, |p| matches!(p, Problem::EntryTooLarge { limit: 300, .. })), "{r}");
}

#[test]
fn import_refuses_an_archive_that_expands_too_much() {
	// 64 MiB of zeros compress about 1,000:1; the default limit is 200:1 past 16 MiB. The total
	// and per-file limits are far away, so only the ratio can stop it.
	let mut items = example_items(|_| {});
	items.push(Item::File("artifacts/zeros.bin", vec![0u8; 64 << 20]));
	let r = refused(&build_with(items, Compression::best()), Limits::default());
	assert!(has(&r, |p| matches!(p, Problem::CompressionRatio { limit: 200, .. })), "{r}");
}

// --- Ids and versions --------------------------------------------------------------------------

#[test]
fn promote_and_rollback_refuse_ids_that_are_paths() {
	let dir = tempfile::tempdir().unwrap();
	let tree = dir.path().join("tree");
	copy_tree(&example(), &tree);
	let before = snapshot(dir.path());
	for id in ["../../etc/passwd", "a/b", "..", ".hidden", ""] {
		assert!(
			matches!(
				history::promote(&tree, id, Tag::Staging, "x"),
				Err(history::HistoryError::InvalidId(_))
			),
			"{id:?}"
		);
		assert!(matches!(
			history::rollback(&tree, id, "0.1.0", "x"),
			Err(history::HistoryError::InvalidId(_))
		));
	}
	assert!(matches!(
		history::rollback(&tree, "model_pred_mlp_0007", "0.1", "x"),
		Err(history::HistoryError::InvalidVersion(_))
	));
	assert_eq!(snapshot(dir.path()), before);
}

// --- Atomic operations -------------------------------------------------------------------------

fn no_leftovers(root: &Path) {
	let names: Vec<String> = snapshot(root).into_keys().collect();
	assert!(
		names.iter().all(|n| !n.contains(".fr-") && !n.contains(".file-registry.")),
		"{names:?}"
	);
}

#[test]
fn a_promotion_that_fails_half_way_leaves_the_tree_byte_for_byte() {
	for point in ["commit:stage", "commit:rename"] {
		let dir = tempfile::tempdir().unwrap();
		let tree = dir.path().join("tree");
		copy_tree(&example(), &tree);
		let before = snapshot(&tree);
		txn::inject_fault(Some(point));
		let result = history::promote(
			&tree,
			"model_pred_mlp_0007",
			Tag::Production,
			"2026-01-01T00:00:00+00:00",
		);
		txn::inject_fault(None);
		assert!(matches!(result, Err(history::HistoryError::Io(_))), "{point}: {result:?}");
		assert_eq!(snapshot(&tree), before, "{point}");
		no_leftovers(&tree);
		// And the same operation then succeeds.
		history::promote(
			&tree,
			"model_pred_mlp_0007",
			Tag::Production,
			"2026-01-01T00:00:00+00:00",
		)
		.unwrap();
		assert!(verify_tree(&tree, &|_| {}).unwrap().is_ok());
		no_leftovers(&tree);
	}
}

#[test]
fn an_import_that_fails_at_the_swap_leaves_the_old_tree() {
	let dir = tempfile::tempdir().unwrap();
	let archive = dir.path().join("r.tar.gz");
	export(&example(), &archive, &|_| {}).unwrap();
	for point in ["import:swap", "import:rename"] {
		let dest = dir.path().join(format!("dest-{}", point.replace(':', "-")));
		fs::create_dir_all(&dest).unwrap();
		fs::write(dest.join("mine.txt"), b"mine").unwrap();
		let before = snapshot(dir.path());
		txn::inject_fault(Some(point));
		let result = import(&archive, &dest, Limits::default(), true, &|_| {});
		txn::inject_fault(None);
		match result {
			// Where the folders are exchanged in one step, the rename fault point is not on the
			// path, and the import completes.
			Ok(_) if point == "import:rename" => assert_eq!(snapshot(&dest), snapshot(&example())),
			Err(ArchiveError::Io(_)) => assert_eq!(snapshot(dir.path()), before, "{point}"),
			other => panic!("{point}: {other:?}"),
		}
	}
	// Into an empty place: a failed final rename leaves nothing behind.
	let fresh = dir.path().join("fresh");
	txn::inject_fault(Some("import:rename"));
	let result = import(&archive, &fresh, Limits::default(), false, &|_| {});
	txn::inject_fault(None);
	assert!(result.is_err());
	assert!(!fresh.exists());
	let stray: Vec<_> = fs::read_dir(dir.path())
		.unwrap()
		.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
		.filter(|n| n.contains(".import-"))
		.collect();
	assert!(stray.is_empty(), "{stray:?}");
}

#[test]
fn a_second_operation_on_a_locked_tree_is_refused_and_a_stale_lock_taken_over() {
	let dir = tempfile::tempdir().unwrap();
	let tree = dir.path().join("tree");
	copy_tree(&example(), &tree);
	// A live holder (this very process).
	fs::write(tree.join(txn::LOCK_FILE), std::process::id().to_string()).unwrap();
	assert!(matches!(
		history::promote(&tree, "model_pred_mlp_0007", Tag::Staging, "x"),
		Err(history::HistoryError::Locked(_))
	));
	// A holder that is gone.
	fs::write(tree.join(txn::LOCK_FILE), "4000000000").unwrap();
	history::promote(&tree, "model_pred_mlp_0007", Tag::Staging, "2026-01-01T00:00:00+00:00")
		.unwrap();
	assert!(!tree.join(txn::LOCK_FILE).exists());
	assert!(verify_tree(&tree, &|_| {}).unwrap().is_ok());
}

#[test]
fn a_change_killed_after_its_commit_point_is_completed_by_the_next_operation() {
	let dir = tempfile::tempdir().unwrap();
	let tree = dir.path().join("tree");
	copy_tree(&example(), &tree);
	let done = dir.path().join("done");
	copy_tree(&example(), &done);
	history::promote(&done, "model_pred_mlp_0007", Tag::Staging, "2026-01-01T00:00:00+00:00")
		.unwrap();
	// What a process killed right after writing its journal leaves: the new contents staged
	// beside the files, and the journal.
	let mut journal = String::new();
	for (rel, bytes) in snapshot(&done) {
		if snapshot(&tree).get(&rel) != Some(&bytes) {
			fs::write(tree.join(format!("{rel}.fr-new")), &bytes).unwrap();
			journal.push_str(&format!("{rel}\n"));
		}
	}
	assert!(!journal.is_empty());
	fs::write(tree.join(txn::JOURNAL_FILE), &journal).unwrap();
	let r = verify_tree(&tree, &|_| {}).unwrap();
	assert!(has(&r, |p| matches!(p, Problem::Interrupted { .. })), "{r}");
	txn::recover(&tree).unwrap();
	assert_eq!(snapshot(&tree), snapshot(&done));
}
