//! Reading and checking a registry tree on disk.

use crate::{
	archive::Limits,
	canonical::{entry_checksum, is_sha256_tag, parse_entry, sha256_tag, Rule},
	model::{is_semver, is_valid_id, Entry, Kind},
	report::{Problem, Report},
};
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::{
	collections::{BTreeMap, BTreeSet},
	fs,
	io::{self, Read},
	path::Path,
};

/// The file that maps paths to checksums.
pub const HASHES_FILE: &str = "hashes.json";
/// The file holding the application version.
pub const VERSION_FILE: &str = "VERSION";
/// The folders a registry tree holds besides its two top-level files.
pub const TREE_FOLDERS: [&str; 2] = ["registry", "artifacts"];

/// `SHA256:<hex>` of the file at `path`, streamed.
pub fn hash_file(path: &Path) -> io::Result<String> {
	let mut file = fs::File::open(path)?;
	let mut hasher = Sha256::new();
	let mut buf = vec![0u8; 256 * 1024];
	loop {
		let n = file.read(&mut buf)?;
		if n == 0 {
			break;
		}
		hasher.update(&buf[..n]);
	}
	Ok(crate::canonical::digest_tag(&hasher.finalize()))
}

/// Every file of the tree that `hashes.json` must list (`registry/**`, `artifacts/**` and
/// `VERSION`), as forward-slash paths relative to `root`, sorted. Symlinks are reported, not
/// followed.
pub fn list_files(root: &Path, report: &mut Report) -> io::Result<Vec<String>> {
	let mut out = Vec::new();
	if root.join(VERSION_FILE).is_file() {
		out.push(VERSION_FILE.to_string());
	}
	for folder in TREE_FOLDERS {
		let dir = root.join(folder);
		if dir.symlink_metadata().is_ok() {
			walk(root, &dir, &mut out, report)?;
		}
	}
	out.sort();
	Ok(out)
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<String>, report: &mut Report) -> io::Result<()> {
	let meta = dir.symlink_metadata()?;
	if meta.file_type().is_symlink() {
		report.push(Problem::Symlink { file: rel(root, dir) });
		return Ok(());
	}
	let mut entries: Vec<_> = fs::read_dir(dir)?.collect::<Result<_, _>>()?;
	entries.sort_by_key(|e| e.file_name());
	for e in entries {
		let path = e.path();
		let ft = e.file_type()?;
		if ft.is_symlink() {
			report.push(Problem::Symlink { file: rel(root, &path) });
		} else if ft.is_dir() {
			walk(root, &path, out, report)?;
		} else if ft.is_file() {
			out.push(rel(root, &path));
		} else {
			report.push(Problem::ForbiddenEntryType {
				file: rel(root, &path),
				entry_type: "special file".into(),
			});
		}
	}
	Ok(())
}

fn rel(root: &Path, path: &Path) -> String {
	let r = path.strip_prefix(root).unwrap_or(path);
	r.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// Read `hashes.json`: a map of paths to `SHA256:<hex>`.
pub fn read_hashes(root: &Path, report: &mut Report) -> Option<BTreeMap<String, String>> {
	let path = root.join(HASHES_FILE);
	let text = match fs::read_to_string(&path) {
		Ok(t) => t,
		Err(e) => {
			report.push(Problem::InvalidHashes { message: format!("cannot read: {e}") });
			return None;
		},
	};
	let map: BTreeMap<String, String> = match serde_json::from_str(&text) {
		Ok(m) => m,
		Err(e) => {
			report.push(Problem::InvalidHashes {
				message: format!("not a map of path to checksum: {e}"),
			});
			return None;
		},
	};
	let mut out = BTreeMap::new();
	for (k, v) in map {
		if !is_sha256_tag(&v) {
			report.push(Problem::InvalidHashes {
				message: format!("{k}: {v:?} is not SHA256:<64 hex>"),
			});
			continue;
		}
		out.insert(crate::model::normalize_path(&k), v);
	}
	Some(out)
}

/// Check `VERSION`: present, one line (a final newline is allowed) holding a semantic version.
/// Returns the version when it is one; it selects the canonical-JSON [`Rule`].
pub fn check_version(root: &Path, report: &mut Report) -> Option<semver::Version> {
	match fs::read(root.join(VERSION_FILE)) {
		Err(_) => {
			report.push(Problem::MissingVersion);
			None
		},
		Ok(bytes) => {
			let text = String::from_utf8_lossy(&bytes);
			let line = text.strip_suffix('\n').unwrap_or(&text);
			let line = line.strip_suffix('\r').unwrap_or(line);
			match semver::Version::parse(line) {
				Ok(v) if !line.contains(['\n', '\r']) => Some(v),
				_ => {
					report
						.push(Problem::MalformedVersion { found: text.chars().take(80).collect() });
					None
				},
			}
		},
	}
}

/// The canonical-JSON rule of the tree at `root`, from its `VERSION`.
pub fn tree_rule(root: &Path) -> io::Result<Rule> {
	let mut report = Report::default();
	check_version(root, &mut report).map(|v| Rule::for_version(&v)).ok_or_else(|| {
		io::Error::new(
			io::ErrorKind::InvalidData,
			format!("{}: VERSION is missing or not a semantic version", root.display()),
		)
	})
}

/// The parsed entries of a tree, by kind and id, with their raw JSON.
#[derive(Default)]
pub struct Entries {
	/// Entries by (kind, id).
	pub by_id: BTreeMap<(Kind, String), (String, Entry, serde_json::Value)>,
}

impl Entries {
	/// Whether an entry of `kind` has `id`.
	pub fn has(&self, kind: Kind, id: &str) -> bool {
		self.by_id.contains_key(&(kind, id.to_string()))
	}
}

/// Load every `registry/<kind>/<id>.json`, checking each parses, has its id as file name, and
/// carries the right checksum.
/// Entries larger than `max_entry_bytes` are refused before they are read, and entries with a
/// duplicate key are refused (see [`crate::canonical::parse_entry`]). Checksums are checked
/// under `rule`; with `None` (the tree's `VERSION` is unreadable, which is reported on its own)
/// they are not, since the rule is unknown.
pub fn load_entries(
	root: &Path,
	files: &[String],
	rule: Option<Rule>,
	max_entry_bytes: u64,
	report: &mut Report,
) -> Entries {
	let mut entries = Entries::default();
	for file in files {
		let parts: Vec<&str> = file.split('/').collect();
		if parts.first() != Some(&"registry") {
			continue;
		}
		let (Some(kind), Some(name)) =
			(parts.get(1).and_then(|f| Kind::from_folder(f)), parts.get(2))
		else {
			report.push(Problem::InvalidEntry {
				file: file.clone(),
				message:
					"registry/ holds only neural_nets, models, datasets and workspaces folders"
						.into(),
			});
			continue;
		};
		if parts.len() != 3 || !name.ends_with(".json") {
			report.push(Problem::InvalidEntry {
				file: file.clone(),
				message: "expected <id>.json".into(),
			});
			continue;
		}
		let path = root.join(file);
		let size = path.metadata().map(|m| m.len()).unwrap_or(0);
		if size > max_entry_bytes {
			report.push(Problem::EntryTooLarge {
				file: file.clone(),
				size,
				limit: max_entry_bytes,
			});
			continue;
		}
		let raw: serde_json::Value = match fs::read(&path)
			.map_err(|e| e.to_string())
			.and_then(|b| parse_entry(&b, max_entry_bytes).map_err(|e| e.to_string()))
		{
			Ok(v) => v,
			Err(message) => {
				report.push(Problem::InvalidEntry { file: file.clone(), message });
				continue;
			},
		};
		let entry = match Entry::parse(kind, &raw) {
			Ok(e) => e,
			Err(e) => {
				report.push(Problem::InvalidEntry { file: file.clone(), message: e.to_string() });
				continue;
			},
		};
		let stem = name.trim_end_matches(".json");
		if !is_valid_id(entry.id()) {
			report.push(Problem::InvalidEntry {
				file: file.clone(),
				message: format!(
					"id {:?} is not 1-128 ASCII letters, digits, '_', '-' or '.' starting with a letter or digit",
					entry.id()
				),
			});
		} else if entry.id() != stem {
			report.push(Problem::InvalidEntry {
				file: file.clone(),
				message: format!("id {:?} does not match the file name", entry.id()),
			});
		}
		if let Some(rule) = rule {
			let actual = entry_checksum(rule, &raw);
			if entry.checksum() != actual {
				report.push(Problem::EntryChecksumMismatch {
					file: file.clone(),
					expected: entry.checksum().to_string(),
					actual,
				});
			}
		}
		if let Entry::Model(m) = &entry {
			if !is_semver(&m.version) {
				report.push(Problem::InvalidEntry {
					file: file.clone(),
					message: format!("version {:?} is not semver", m.version),
				});
			}
		}
		entries.by_id.insert((kind, entry.id().to_string()), (file.clone(), entry, raw));
	}
	entries
}

/// Referential checks: models name existing nets and datasets, workspaces map to models, and
/// every referenced file exists with the checksum the entry records.
pub fn check_references(
	entries: &Entries,
	hashes: &BTreeMap<String, String>,
	present: &BTreeSet<String>,
	report: &mut Report,
) {
	for (file, entry, _) in entries.by_id.values() {
		match entry {
			Entry::Model(m) => {
				if !entries.has(Kind::NeuralNet, &m.nn_id) {
					report.push(Problem::DanglingReference {
						file: file.clone(),
						field: "nn_id".into(),
						target: m.nn_id.clone(),
					});
				}
				for ds in &m.dataset_ids {
					if !entries.has(Kind::Dataset, ds) {
						report.push(Problem::DanglingReference {
							file: file.clone(),
							field: "dataset_ids".into(),
							target: ds.clone(),
						});
					}
				}
			},
			Entry::Workspace(w) =>
				for (capability, target) in &w.mapping {
					let id = target.as_str().unwrap_or_default();
					if !entries.has(Kind::Model, id) {
						report.push(Problem::DanglingReference {
							file: file.clone(),
							field: format!("mapping.{capability}"),
							target: target.to_string().trim_matches('"').to_string(),
						});
					}
				},
			_ => {},
		}
		for r in entry.file_refs() {
			let path = r.normalized_path();
			if !present.contains(&path) {
				report.push(Problem::MissingFile { file: path });
				continue;
			}
			if let Some(actual) = hashes.get(&path) {
				if actual != &r.checksum {
					report.push(Problem::ChecksumMismatch {
						file: path,
						expected: r.checksum.clone(),
						actual: actual.clone(),
					});
				}
			}
		}
	}
}

/// Hash every file in parallel; `progress` is called once per file.
pub fn hash_all(
	root: &Path,
	files: &[String],
	progress: &(dyn Fn() + Sync),
) -> Vec<(String, io::Result<String>)> {
	files
		.par_iter()
		.map(|f| {
			let h = hash_file(&root.join(f));
			progress();
			(f.clone(), h)
		})
		.collect()
}

/// Verify a whole tree: VERSION, hashes.json against the files, entries and references.
/// Every problem is reported, not only the first. Uses the default [`Limits`].
pub fn verify_tree(root: &Path, progress: &(dyn Fn(u64) + Sync)) -> io::Result<Report> {
	verify_tree_with(root, &Limits::default(), progress)
}

/// [`verify_tree`] with explicit limits (the entry size cap).
pub fn verify_tree_with(
	root: &Path,
	limits: &Limits,
	progress: &(dyn Fn(u64) + Sync),
) -> io::Result<Report> {
	let mut report = Report::default();
	let outline = outline(root, limits, &mut report)?;
	let computed = hash_all(root, &outline.files, &|| progress(1));
	let actual = collect_hashes(computed, &mut report);
	compare_hashes(&outline, &actual, &mut report);
	check_references(&outline.entries, &actual, &outline.present, &mut report);
	Ok(report)
}

/// What a verification learns without reading the artifacts: `VERSION`, the file list,
/// `hashes.json` and the parsed entries.
pub(crate) struct Outline {
	/// Every file `hashes.json` must list, sorted.
	pub files: Vec<String>,
	/// `hashes.json`, if it could be read.
	pub hashes: Option<BTreeMap<String, String>>,
	/// The entries.
	pub entries: Entries,
	/// `files` as a set.
	pub present: BTreeSet<String>,
}

/// Check everything that does not need file contents, reporting into `report`.
pub(crate) fn outline(root: &Path, limits: &Limits, report: &mut Report) -> io::Result<Outline> {
	if !root.is_dir() {
		return Err(io::Error::new(
			io::ErrorKind::NotFound,
			format!("{} is not a folder", root.display()),
		));
	}
	if root.join(crate::txn::JOURNAL_FILE).exists() {
		report.push(Problem::Interrupted { file: crate::txn::JOURNAL_FILE.into() });
	}
	let rule = check_version(root, report).map(|v| Rule::for_version(&v));
	let files = list_files(root, report)?;
	let hashes = read_hashes(root, report);
	let present: BTreeSet<String> = files.iter().cloned().collect();
	if let Some(hashes) = &hashes {
		for file in &files {
			if !hashes.contains_key(file) {
				report.push(Problem::UnexpectedFile { file: file.clone() });
			}
		}
	}
	let entries = load_entries(root, &files, rule, limits.max_entry_bytes, report);
	Ok(Outline { files, hashes, entries, present })
}

/// Computed hashes by file; files that could not be read are reported.
pub(crate) fn collect_hashes(
	computed: Vec<(String, io::Result<String>)>,
	report: &mut Report,
) -> BTreeMap<String, String> {
	let mut actual = BTreeMap::new();
	for (file, h) in computed {
		match h {
			Ok(h) => {
				actual.insert(file, h);
			},
			Err(e) =>
				report.push(Problem::InvalidEntry { file, message: format!("cannot read: {e}") }),
		}
	}
	actual
}

/// Compare `hashes.json` with the checksums computed from the files.
pub(crate) fn compare_hashes(
	outline: &Outline,
	actual: &BTreeMap<String, String>,
	report: &mut Report,
) {
	let Some(hashes) = &outline.hashes else { return };
	for (file, expected) in hashes {
		match actual.get(file) {
			None => report.push(Problem::MissingFile { file: file.clone() }),
			Some(a) if a != expected => report.push(Problem::ChecksumMismatch {
				file: file.clone(),
				expected: expected.clone(),
				actual: a.clone(),
			}),
			Some(_) => {},
		}
	}
}

/// `hashes.json` as this tool writes it: sorted, pretty, final newline.
pub fn hashes_json(map: &BTreeMap<String, String>) -> io::Result<Vec<u8>> {
	let mut text = serde_json::to_string_pretty(map).map_err(io::Error::other)?;
	text.push('\n');
	Ok(text.into_bytes())
}

/// Re-sign an entry: set its `checksum` to the checksum of its canonical form under `rule`.
pub fn sign_entry(rule: Rule, value: &mut serde_json::Value) {
	let sum = entry_checksum(rule, value);
	if let serde_json::Value::Object(map) = value {
		map.insert("checksum".into(), serde_json::Value::String(sum));
	}
}

/// `SHA256:<hex>` of `bytes` (re-exported for callers building trees).
pub fn checksum_of(bytes: &[u8]) -> String {
	sha256_tag(bytes)
}

/// Seal a tree you authored: fill every entry's file-reference checksums from the files, re-sign
/// every entry, and rewrite `hashes.json`, all in one step ([`crate::txn`]). This trusts the
/// tree as it is: use it to create or deliberately change a registry, never to "fix" one that
/// failed verification.
pub fn seal(root: &Path) -> io::Result<()> {
	crate::txn::locked(root, || -> Result<(), crate::txn::TxnError> { Ok(seal_locked(root)?) })
		.map_err(|e| match e {
			crate::txn::TxnError::Io(e) => e,
			other => io::Error::other(other.to_string()),
		})
}

fn seal_locked(root: &Path) -> io::Result<()> {
	let mut report = Report::default();
	let rule = tree_rule(root)?;
	let files = list_files(root, &mut report)?;
	let mut changes: BTreeMap<String, Vec<u8>> = BTreeMap::new();
	for file in files.iter().filter(|f| f.starts_with("registry/") && f.ends_with(".json")) {
		let path = root.join(file);
		let mut value: serde_json::Value = serde_json::from_slice(&fs::read(&path)?)
			.map_err(|e| io::Error::other(format!("{file}: {e}")))?;
		for pointer in ["/artifacts/checkpoints", "/artifacts/reports", "/files"] {
			if let Some(refs) = value.pointer_mut(pointer).and_then(|v| v.as_array_mut()) {
				for r in refs {
					let Some(p) = r.get("path").and_then(|p| p.as_str()) else { continue };
					let sum = hash_file(&root.join(crate::model::normalize_path(p)))
						.map_err(|e| io::Error::other(format!("{file}: {p}: {e}")))?;
					r["checksum"] = serde_json::Value::String(sum);
				}
			}
		}
		sign_entry(rule, &mut value);
		let mut text = serde_json::to_string_pretty(&value).map_err(io::Error::other)?;
		text.push('\n');
		changes.insert(file.clone(), text.into_bytes());
	}
	let others: Vec<String> = files.iter().filter(|f| !changes.contains_key(*f)).cloned().collect();
	let mut hashes = BTreeMap::new();
	for (file, h) in hash_all(root, &others, &|| {}) {
		hashes.insert(file, h?);
	}
	for (file, bytes) in &changes {
		hashes.insert(file.clone(), checksum_of(bytes));
	}
	let mut all: Vec<(String, Vec<u8>)> = changes.into_iter().collect();
	all.push((HASHES_FILE.into(), hashes_json(&hashes)?));
	crate::txn::commit(root, &all)
}
