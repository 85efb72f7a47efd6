//! Deterministic export to `.tar.gz`, and an import that verifies everything before anything
//! becomes visible.

use crate::{
	report::{Problem, Report},
	tree::{self, HASHES_FILE, VERSION_FILE},
};
use flate2::{read::GzDecoder, Compression, GzBuilder};
use std::{
	collections::BTreeSet,
	fs,
	io::{self, Read, Write},
	path::{Component, Path, PathBuf},
};

/// Limits that guard an import against decompression bombs.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
	/// Largest total of unpacked bytes.
	pub max_total_bytes: u64,
	/// Largest single file.
	pub max_file_bytes: u64,
	/// Most entries.
	pub max_entries: u64,
}

impl Default for Limits {
	/// 8 GiB in all, 2 GiB per file, 100,000 entries.
	fn default() -> Self {
		Limits { max_total_bytes: 8 << 30, max_file_bytes: 2 << 30, max_entries: 100_000 }
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
/// user and group names, mtime 0, and a gzip header without name or time. The same tree always
/// gives the same bytes.
pub fn export(
	root: &Path,
	out: &Path,
	progress: &(dyn Fn(u64) + Sync),
) -> Result<u64, ArchiveError> {
	let report = tree::verify_tree(root, progress)?;
	if !report.is_ok() {
		return Err(ArchiveError::Refused(report));
	}
	let mut scratch = Report::default();
	let mut files = tree::list_files(root, &mut scratch)?;
	files.push(HASHES_FILE.to_string());
	files.sort();

	let tmp = out.with_extension(format!("partial-{}", std::process::id()));
	let file = fs::File::create(&tmp)?;
	let gz = GzBuilder::new()
		.mtime(0)
		.operating_system(255)
		.write(io::BufWriter::new(file), Compression::new(6));
	let mut builder = tar::Builder::new(gz);
	builder.mode(tar::HeaderMode::Deterministic);
	let mut bytes = 0u64;
	for name in &files {
		let mut f = fs::File::open(root.join(name))?;
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
		builder.append_data(&mut header, name, &mut f)?;
		bytes += len;
	}
	let gz = builder.into_inner()?;
	let mut inner = gz.finish()?;
	inner.flush()?;
	inner.into_inner().map_err(|e| e.into_error())?.sync_all()?;
	fs::rename(&tmp, out)?;
	Ok(bytes)
}

/// A path from an archive, checked: relative, no `..`, no empty or `.` parts, UTF-8.
fn safe_path(raw: &[u8]) -> Result<String, Problem> {
	let shown = String::from_utf8_lossy(raw).into_owned();
	let text = std::str::from_utf8(raw).map_err(|_| Problem::UnsafePath { file: shown.clone() })?;
	let text = text.strip_prefix("./").unwrap_or(text);
	if text.is_empty() || text.contains('\\') || text.contains('\0') {
		return Err(Problem::UnsafePath { file: shown });
	}
	let path = Path::new(text);
	for c in path.components() {
		match c {
			Component::Normal(_) => {},
			_ => return Err(Problem::UnsafePath { file: shown }),
		}
	}
	if text.split('/').any(|p| p.is_empty() || p == "." || p == "..") && !text.ends_with('/') {
		return Err(Problem::UnsafePath { file: shown });
	}
	Ok(text.trim_end_matches('/').to_string())
}

/// Removes a folder when dropped, unless disarmed.
struct Cleanup(Option<PathBuf>);
impl Drop for Cleanup {
	fn drop(&mut self) {
		if let Some(p) = self.0.take() {
			let _ = fs::remove_dir_all(p);
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
	let mut tar = tar::Archive::new(GzDecoder::new(io::BufReader::new(file)));
	let mut seen = BTreeSet::new();
	let mut total = 0u64;
	let mut count = 0u64;
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
		let name = match safe_path(&raw) {
			Ok(n) => n,
			Err(p) => {
				report.push(p);
				continue;
			},
		};
		let kind = entry.header().entry_type();
		if kind.is_dir() {
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
		// Copy at most the header's size: a lying header cannot make us write more.
		let copied = match io::copy(&mut (&mut entry).take(limits.max_file_bytes + 1), &mut out) {
			Ok(n) => n,
			Err(e) => {
				report.push(Problem::TruncatedArchive { message: format!("{name}: {e}") });
				return Ok(());
			},
		};
		if copied != size {
			report.push(Problem::TruncatedArchive {
				message: format!("{name}: {copied} of {size} bytes"),
			});
			return Ok(());
		}
		progress(copied);
	}
	// Drain the gzip stream to its end, so a cut-off or corrupt tail is caught too.
	let mut rest = tar.into_inner();
	if let Err(e) = io::copy(&mut rest, &mut io::sink()) {
		report.push(Problem::TruncatedArchive { message: e.to_string() });
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
/// `dest` must not exist or be empty, unless `replace` is set: then the old tree is moved aside
/// to `<dest>.previous-<unix time>` (never deleted) just before the new one is renamed in.
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
		let verified = tree::verify_tree(&staging, &|_| {})?;
		for p in verified.problems {
			if !report.problems.contains(&p) {
				report.push(p);
			}
		}
	}
	if !report.is_ok() {
		return Err(ArchiveError::Refused(report));
	}

	let mut moved_aside = None;
	if dest.exists() {
		if occupied {
			let secs = std::time::SystemTime::now()
				.duration_since(std::time::UNIX_EPOCH)
				.map(|d| d.as_secs())
				.unwrap_or(0);
			let aside = parent.join(format!("{name}.previous-{secs}"));
			fs::rename(dest, &aside)?;
			moved_aside = Some(aside);
		} else {
			fs::remove_dir(dest)?;
		}
	}
	fs::rename(&staging, dest)?;
	cleanup.0 = None;
	Ok(moved_aside)
}
