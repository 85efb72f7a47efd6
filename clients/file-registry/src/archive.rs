//! Deterministic export to `.tar.gz`, and an import that verifies everything before anything
//! becomes visible.

use crate::{
	canonical::digest_tag,
	pgz::ParallelGz,
	report::{Problem, Report},
	tree::{self, HASHES_FILE, VERSION_FILE},
};
use flate2::Compression;
use sha2::{Digest, Sha256};
use std::{
	collections::BTreeSet,
	fs,
	io::{self, Read, Write},
	path::{Component, Path, PathBuf},
};

/// Limits that guard an import (and a verify) against hostile input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
	/// Largest total of unpacked bytes.
	pub max_total_bytes: u64,
	/// Largest single file.
	pub max_file_bytes: u64,
	/// Most entries.
	pub max_entries: u64,
	/// Largest entry JSON (`registry/<kind>/<id>.json`), checked before it is read.
	pub max_entry_bytes: u64,
	/// Largest ratio of unpacked to compressed bytes, checked once more than
	/// [`RATIO_GRACE_BYTES`] are unpacked.
	pub max_ratio: u64,
}

/// Unpacked bytes below which the compression ratio is not checked (tiny archives of
/// repetitive JSON compress far better than real ones).
pub const RATIO_GRACE_BYTES: u64 = 16 << 20;

impl Default for Limits {
	/// 8 GiB in all, 2 GiB per file, 100,000 entries, 4 MiB per entry JSON, and at most 200×
	/// expansion (gzip's own maximum is about 1,032×; real registries compress 2–10×).
	fn default() -> Self {
		Limits {
			max_total_bytes: 8 << 30,
			max_file_bytes: 2 << 30,
			max_entries: 100_000,
			max_entry_bytes: 4 << 20,
			max_ratio: 200,
		}
	}
}

/// Why an export or import did not happen.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
	/// The tree or archive has problems; nothing was written.
	#[error("refused: {} problem(s)", .0.problems.len())]
	Refused(Report),
	/// The destination exists and is not empty.
	#[error("{0} exists and is not empty; choose a new folder or pass --replace")]
	DestinationExists(PathBuf),
	/// An I/O error outside the archive's content.
	#[error(transparent)]
	Io(#[from] io::Error),
}

/// Export the tree at `root` to `out`: refuses a tree that does not verify. The archive is
/// deterministic: entries sorted by path, regular files only, mode 0644, uid/gid 0, empty
/// user and group names, mtime 0, and gzip members of fixed size without name or time
/// ([`crate::pgz`]). The same tree always gives the same bytes.
///
/// Each file is read once: it is hashed while it is written into the archive, and the archive
/// is only renamed into place when every checksum matches `hashes.json` (otherwise the partial
/// file is removed and the report says what differs).
pub fn export(
	root: &Path,
	out: &Path,
	progress: &(dyn Fn(u64) + Sync),
) -> Result<u64, ArchiveError> {
	let mut report = Report::default();
	let outline = tree::outline(root, &Limits::default(), &mut report)?;
	let recorded = outline.hashes.clone().unwrap_or_default();
	tree::check_references(&outline.entries, &recorded, &outline.present, &mut report);
	if !report.is_ok() {
		return Err(ArchiveError::Refused(report));
	}
	let mut files = outline.files.clone();
	files.push(HASHES_FILE.to_string());
	files.sort();

	let tmp = out.with_extension(format!("partial-{}", std::process::id()));
	let mut cleanup = Cleanup(Some(tmp.clone()));
	let file = fs::File::create(&tmp)?;
	let gz = ParallelGz::new(io::BufWriter::with_capacity(1 << 20, file), Compression::new(6));
	let mut builder = tar::Builder::new(gz);
	builder.mode(tar::HeaderMode::Deterministic);
	let mut bytes = 0u64;
	let mut actual = std::collections::BTreeMap::new();
	for name in &files {
		let f = fs::File::open(root.join(name))?;
		let len = f.metadata()?.len();
		let mut header = tar::Header::new_gnu();
		header.set_entry_type(tar::EntryType::Regular);
		header.set_size(len);
		header.set_mode(0o644);
		header.set_uid(0);
		header.set_gid(0);
		header.set_mtime(0);
		header.set_username("")?;
		header.set_groupname("")?;
		let mut hashing = Hashing { inner: f.take(len), hasher: Sha256::new() };
		builder.append_data(&mut header, name, &mut hashing)?;
		if name != HASHES_FILE {
			actual.insert(name.clone(), digest_tag(&hashing.hasher.finalize()));
		}
		bytes += len;
		progress(1);
	}
	tree::compare_hashes(&outline, &actual, &mut report);
	if !report.is_ok() {
		return Err(ArchiveError::Refused(report));
	}
	let gz = builder.into_inner()?;
	let inner = gz.finish()?;
	inner.into_inner().map_err(|e| e.into_error())?.sync_all()?;
	fs::rename(&tmp, out)?;
	cleanup.0 = None;
	Ok(bytes)
}

/// Hashes what is read through it.
struct Hashing<R> {
	inner: R,
	hasher: Sha256,
}

impl<R: Read> Read for Hashing<R> {
	fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
		let n = self.inner.read(buf)?;
		self.hasher.update(&buf[..n]);
		Ok(n)
	}
}

/// A path from an archive, checked. Unsafe (absolute, `..`, backslash, NUL, not UTF-8):
/// [`Problem::UnsafePath`]. A leading `./` (as `tar -C dir .` writes) is dropped, so `./a` and
/// `a` are the same entry. Any other spelling than the one this tool writes (`.` parts, empty
/// parts, a trailing slash on anything but a folder, Unicode not in NFC):
/// [`Problem::NonCanonicalPath`], so that no two spellings can name one file. `Ok(None)`: the
/// archive's root folder itself.
fn safe_path(raw: &[u8], is_dir: bool) -> Result<Option<String>, Problem> {
	use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
	let shown = String::from_utf8_lossy(raw).into_owned();
	let text = std::str::from_utf8(raw).map_err(|_| Problem::UnsafePath { file: shown.clone() })?;
	if text.is_empty() || text.contains('\\') || text.contains('\0') || text.starts_with('/') {
		return Err(Problem::UnsafePath { file: shown });
	}
	if Path::new(text).components().any(|c| matches!(c, Component::ParentDir)) {
		return Err(Problem::UnsafePath { file: shown });
	}
	let text = text.strip_prefix("./").unwrap_or(text);
	let body = if is_dir { text.strip_suffix('/').unwrap_or(text) } else { text };
	if is_dir && (body.is_empty() || body == ".") {
		return Ok(None);
	}
	let nfc = match is_nfc_quick(body.chars()) {
		IsNormalized::Yes => true,
		_ => body.nfc().eq(body.chars()),
	};
	if body.split('/').any(|p| p.is_empty() || p == ".") || !nfc {
		return Err(Problem::NonCanonicalPath { file: shown });
	}
	Ok(Some(body.to_string()))
}

/// Whether `name` is a place the format has: `VERSION`, `hashes.json`, or under `registry/`
/// or `artifacts/`.
fn in_format(name: &str) -> bool {
	name == VERSION_FILE ||
		name == HASHES_FILE ||
		tree::TREE_FOLDERS
			.iter()
			.any(|f| name.strip_prefix(f).is_some_and(|r| r.starts_with('/')))
}

/// Counts the bytes read through it (the compressed side of an archive).
struct Counting<R> {
	inner: R,
	count: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
	fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
		let n = self.inner.read(buf)?;
		self.count.fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
		Ok(n)
	}
}

/// Removes a file or folder when dropped, unless disarmed (set to `None`).
struct Cleanup(Option<PathBuf>);
impl Drop for Cleanup {
	fn drop(&mut self) {
		if let Some(p) = self.0.take() {
			if p.is_dir() {
				let _ = fs::remove_dir_all(p);
			} else {
				let _ = fs::remove_file(p);
			}
		}
	}
}

/// Read every entry of the archive into `staging`, reporting what is refused.
fn unpack(
	archive: &Path,
	staging: &Path,
	limits: Limits,
	report: &mut Report,
	progress: &(dyn Fn(u64) + Sync),
) -> io::Result<()> {
	let file = fs::File::open(archive)?;
	let compressed = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
	let counting = Counting { inner: file, count: compressed.clone() };
	let mut tar =
		tar::Archive::new(flate2::read::MultiGzDecoder::new(io::BufReader::new(counting)));
	let mut seen = BTreeSet::new();
	let mut total = 0u64;
	let mut unpacked = 0u64;
	let mut count = 0u64;
	let mut buf = vec![0u8; 256 * 1024];
	let entries = match tar.entries() {
		Ok(e) => e,
		Err(e) => {
			report.push(Problem::TruncatedArchive { message: e.to_string() });
			return Ok(());
		},
	};
	for entry in entries {
		let mut entry = match entry {
			Ok(e) => e,
			Err(e) => {
				report.push(Problem::TruncatedArchive { message: e.to_string() });
				return Ok(());
			},
		};
		count += 1;
		if count > limits.max_entries {
			report.push(Problem::ArchiveTooLarge { limit: limits.max_total_bytes });
			return Ok(());
		}
		let raw = entry.path_bytes().into_owned();
		let kind = entry.header().entry_type();
		let name = match safe_path(&raw, kind.is_dir()) {
			Ok(Some(n)) => n,
			Ok(None) => continue,
			Err(p) => {
				report.push(p);
				continue;
			},
		};
		if kind.is_dir() {
			continue;
		}
		if !in_format(&name) {
			report.push(Problem::UnexpectedTopLevel { file: name });
			continue;
		}
		if !kind.is_file() {
			report
				.push(Problem::ForbiddenEntryType { file: name, entry_type: format!("{kind:?}") });
			continue;
		}
		if !seen.insert(name.clone()) {
			report.push(Problem::DuplicateEntry { file: name });
			continue;
		}
		let size = entry.header().size().unwrap_or(u64::MAX);
		if size > limits.max_file_bytes {
			report.push(Problem::FileTooLarge { file: name, size, limit: limits.max_file_bytes });
			continue;
		}
		total = total.saturating_add(size);
		if total > limits.max_total_bytes {
			report.push(Problem::ArchiveTooLarge { limit: limits.max_total_bytes });
			return Ok(());
		}
		let dest = staging.join(&name);
		let created = match dest.parent() {
			Some(parent) => fs::create_dir_all(parent),
			None => Ok(()),
		}
		.and_then(|()| fs::File::create(&dest));
		let mut out = match created {
			Ok(f) => f,
			Err(_) => {
				report.push(Problem::PathConflict { file: name });
				continue;
			},
		};
		// Copy at most the header's size (a lying header cannot make us write more), checking
		// the expansion as bytes come, so that one huge file of zeros is stopped early too.
		let mut copied = 0u64;
		let mut limited = (&mut entry).take(limits.max_file_bytes + 1);
		loop {
			let n = match limited.read(&mut buf) {
				Ok(0) => break,
				Ok(n) => n,
				Err(e) => {
					report.push(Problem::TruncatedArchive { message: format!("{name}: {e}") });
					return Ok(());
				},
			};
			out.write_all(&buf[..n])?;
			copied += n as u64;
			unpacked += n as u64;
			let read = compressed.load(std::sync::atomic::Ordering::Relaxed).max(1);
			if unpacked > RATIO_GRACE_BYTES && unpacked / read > limits.max_ratio {
				report.push(Problem::CompressionRatio {
					ratio: unpacked / read,
					limit: limits.max_ratio,
				});
				return Ok(());
			}
		}
		if copied != size {
			report.push(Problem::TruncatedArchive {
				message: format!("{name}: {copied} of {size} bytes"),
			});
			return Ok(());
		}
		out.sync_all()?;
		progress(copied);
	}
	// Drain the gzip stream to its end, so a cut-off or corrupt tail is caught too.
	let mut rest = tar.into_inner();
	if let Err(e) = io::copy(&mut rest, &mut io::sink()) {
		report.push(Problem::TruncatedArchive { message: e.to_string() });
	}
	Ok(())
}

/// Put the verified tree at `staging` in the place of the occupied `dest`, and the old tree at
/// `aside`. On Linux the two folders are exchanged in one step (`renameat2(RENAME_EXCHANGE)`):
/// `dest` always names a complete tree, old or new. Where the exchange is not supported, the old
/// tree is renamed aside and the new one in, and a failure of the second rename puts the old
/// tree back.
fn swap_in(staging: &Path, dest: &Path, aside: &Path) -> io::Result<()> {
	crate::txn::fault("import:swap")?;
	match rustix::fs::renameat_with(
		rustix::fs::CWD,
		staging,
		rustix::fs::CWD,
		dest,
		rustix::fs::RenameFlags::EXCHANGE,
	) {
		Ok(()) => return fs::rename(staging, aside),
		Err(e) if e == rustix::io::Errno::INVAL || e == rustix::io::Errno::NOSYS => {},
		Err(e) => return Err(e.into()),
	}
	fs::rename(dest, aside)?;
	if let Err(e) = crate::txn::fault("import:rename").and_then(|()| fs::rename(staging, dest)) {
		fs::rename(aside, dest)?;
		return Err(e);
	}
	Ok(())
}

/// Import `archive` into `dest`.
///
/// Everything is unpacked into a temporary folder beside `dest` and verified there (paths, entry
/// types, duplicates, limits, every checksum, `VERSION`, entries and references). Only a clean
/// tree is renamed into place, in one step. On any failure the temporary folder is removed,
/// `dest` is untouched, and the returned [`ArchiveError::Refused`] report lists every problem.
///
/// `dest` must not exist or be empty, unless `replace` is set: then the new tree takes its place
/// in one step and the old tree is kept at `<dest>.previous-<unix time>` (never deleted); see
/// [`swap_in`]. A failure at any point leaves `dest` exactly as it was.
pub fn import(
	archive: &Path,
	dest: &Path,
	limits: Limits,
	replace: bool,
	progress: &(dyn Fn(u64) + Sync),
) -> Result<Option<PathBuf>, ArchiveError> {
	let occupied =
		dest.exists() && fs::read_dir(dest).map(|mut d| d.next().is_some()).unwrap_or(true);
	if occupied && !replace {
		return Err(ArchiveError::DestinationExists(dest.to_path_buf()));
	}
	let parent = match dest.parent() {
		Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
		_ => PathBuf::from("."),
	};
	fs::create_dir_all(&parent)?;
	let name = dest
		.file_name()
		.map(|n| n.to_string_lossy().into_owned())
		.unwrap_or_else(|| "registry".into());
	let nanos = std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.map(|d| d.as_nanos())
		.unwrap_or(0);
	let staging = parent.join(format!(".{name}.import-{}-{nanos}", std::process::id()));
	fs::create_dir(&staging)?;
	let mut cleanup = Cleanup(Some(staging.clone()));

	let mut report = Report::default();
	unpack(archive, &staging, limits, &mut report, progress)?;
	if report.is_ok() {
		if !staging.join(VERSION_FILE).exists() {
			report.push(Problem::MissingVersion);
		}
		let verified = tree::verify_tree_with(&staging, &limits, &|_| {})?;
		for p in verified.problems {
			if !report.problems.contains(&p) {
				report.push(p);
			}
		}
	}
	if !report.is_ok() {
		return Err(ArchiveError::Refused(report));
	}

	let moved_aside = if dest.exists() && occupied {
		let secs = std::time::SystemTime::now()
			.duration_since(std::time::UNIX_EPOCH)
			.map(|d| d.as_secs())
			.unwrap_or(0);
		let aside = parent.join(format!("{name}.previous-{secs}"));
		swap_in(&staging, dest, &aside)?;
		Some(aside)
	} else {
		if dest.exists() {
			fs::remove_dir(dest)?;
		}
		crate::txn::fault("import:rename")?;
		fs::rename(&staging, dest)?;
		None
	};
	let _ = fs::File::open(&parent).and_then(|d| d.sync_all());
	cleanup.0 = None;
	Ok(moved_aside)
}
