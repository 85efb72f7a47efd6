//! Problems found in a registry or an archive, and the remediation report that lists them.

use serde::Serialize;
use std::fmt;

/// One problem, with the file it concerns and what to do about it.
///
/// Fields: `file` is a forward-slash path from the registry root (or the archive entry's path);
/// `expected` is the checksum recorded for it, `actual` the one computed; `message` is the
/// parser's or reader's own words.
#[allow(missing_docs)]
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
	/// A file's SHA-256 differs from the one recorded for it.
	ChecksumMismatch { file: String, expected: String, actual: String },
	/// `hashes.json` (or an entry) names a file that is not there.
	MissingFile { file: String },
	/// A file is present that `hashes.json` does not list.
	UnexpectedFile { file: String },
	/// An entry's `checksum` does not match its canonical JSON.
	EntryChecksumMismatch { file: String, expected: String, actual: String },
	/// An entry does not parse, or misses or mistypes a field.
	InvalidEntry { file: String, message: String },
	/// An entry refers to an id that does not exist.
	DanglingReference { file: String, field: String, target: String },
	/// `VERSION` is missing.
	MissingVersion,
	/// `VERSION` is not a single non-empty line.
	MalformedVersion { found: String },
	/// `hashes.json` is missing or not a map of paths to `SHA256:<hex>`.
	InvalidHashes { message: String },
	/// An archive entry's path is absolute, contains `..`, or is otherwise unsafe.
	UnsafePath { file: String },
	/// An archive entry is a symlink, hard link, device or another non-regular file.
	ForbiddenEntryType { file: String, entry_type: String },
	/// An archive holds two entries with the same path.
	DuplicateEntry { file: String },
	/// An archive entry is larger than the per-file limit.
	FileTooLarge { file: String, size: u64, limit: u64 },
	/// The archive unpacks to more than the total limit.
	ArchiveTooLarge { limit: u64 },
	/// The archive ends early or is corrupt.
	TruncatedArchive { message: String },
	/// A file or folder in the tree is a symlink.
	Symlink { file: String },
	/// An archive entry cannot be placed because another entry uses its path as a folder (or
	/// the other way round).
	PathConflict { file: String },
	/// An entry's JSON is larger than the entry size limit; it was not read.
	EntryTooLarge { file: String, size: u64, limit: u64 },
	/// An archive entry lies outside what the format holds (`VERSION`, `hashes.json`,
	/// `registry/`, `artifacts/`), such as `.git/config` or a stray script.
	UnexpectedTopLevel { file: String },
	/// An archive path is written in a non-canonical way (`a/./b`, `a//b`, a trailing slash on a
	/// file, or Unicode not in NFC), so two spellings could name one file.
	NonCanonicalPath { file: String },
	/// The archive unpacks to far more bytes than it holds compressed (a decompression bomb).
	CompressionRatio { ratio: u64, limit: u64 },
	/// An operation that changes the tree (promote, rollback, seal) was interrupted after its
	/// commit point; the next such operation completes it.
	Interrupted { file: String },
}

impl Problem {
	/// The file the problem concerns, if any.
	pub fn file(&self) -> Option<&str> {
		use Problem::*;
		match self {
			ChecksumMismatch { file, .. } |
			MissingFile { file } |
			UnexpectedFile { file } |
			EntryChecksumMismatch { file, .. } |
			InvalidEntry { file, .. } |
			DanglingReference { file, .. } |
			UnsafePath { file } |
			ForbiddenEntryType { file, .. } |
			DuplicateEntry { file } |
			FileTooLarge { file, .. } |
			PathConflict { file } |
			EntryTooLarge { file, .. } |
			UnexpectedTopLevel { file } |
			NonCanonicalPath { file } |
			Interrupted { file } |
			Symlink { file } => Some(file),
			MissingVersion => Some("VERSION"),
			MalformedVersion { .. } => Some("VERSION"),
			InvalidHashes { .. } => Some("hashes.json"),
			ArchiveTooLarge { .. } | TruncatedArchive { .. } | CompressionRatio { .. } => None,
		}
	}

	/// What to do about it.
	pub fn remedy(&self) -> &'static str {
		use Problem::*;
		match self {
			ChecksumMismatch { .. } =>
				"the file changed after hashes.json was written: restore it from the source, or re-export from a tree that verifies",
			MissingFile { .. } => "restore the file, or re-export: the archive or tree is incomplete",
			UnexpectedFile { .. } =>
				"remove the file, or add it through the tool so hashes.json records it",
			EntryChecksumMismatch { .. } =>
				"the entry was edited by hand: revert the edit, or re-run the tool that writes it (promote/rollback) to re-sign it",
			InvalidEntry { .. } => "fix the entry so it has every field of its kind with the right type",
			DanglingReference { .. } => "add the referenced entry, or correct the id",
			MissingVersion => "add a VERSION file with the application version on one line",
			MalformedVersion { .. } =>
				"write the format version on a single line as a semantic version, e.g. 0.2.0",
			InvalidHashes { .. } => "regenerate hashes.json from a tree that verifies",
			UnsafePath { .. } =>
				"do not import this archive: it tries to write outside its folder; ask the sender for a clean export",
			ForbiddenEntryType { .. } =>
				"do not import this archive: registries hold regular files only; re-export it with this tool",
			DuplicateEntry { .. } =>
				"do not import this archive: one path appears twice, so its content is ambiguous; re-export it",
			FileTooLarge { .. } | ArchiveTooLarge { .. } =>
				"check the archive's origin; if it is genuine, raise --max-file-bytes / --max-total-bytes",
			TruncatedArchive { .. } => "download or copy the archive again: it is incomplete or corrupt",
			Symlink { .. } => "replace the symlink with the file itself",
			PathConflict { .. } =>
				"do not import this archive: its paths contradict each other; re-export it",
			EntryTooLarge { .. } =>
				"entries are small JSON documents: check the file; if it is genuine, raise --max-entry-bytes",
			UnexpectedTopLevel { .. } =>
				"do not import this archive: it carries files the format does not have; ask the sender for a clean export",
			NonCanonicalPath { .. } =>
				"do not import this archive: a path is spelled so that two entries could name one file; re-export it with this tool",
			CompressionRatio { .. } =>
				"check the archive's origin; if it is genuine, raise --max-ratio",
			Interrupted { .. } =>
				"an earlier promote/rollback/seal was cut off after it committed: run any of them again (or `file-registry seal`) to complete it",
		}
	}
}

impl fmt::Display for Problem {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		use Problem::*;
		match self {
			ChecksumMismatch { file, expected, actual } =>
				write!(f, "{file}: checksum mismatch (expected {expected}, actual {actual})"),
			MissingFile { file } => write!(f, "{file}: missing"),
			UnexpectedFile { file } => write!(f, "{file}: not listed in hashes.json"),
			EntryChecksumMismatch { file, expected, actual } => write!(
				f,
				"{file}: entry checksum mismatch (recorded {expected}, computed {actual})"
			),
			InvalidEntry { file, message } => write!(f, "{file}: invalid entry: {message}"),
			DanglingReference { file, field, target } =>
				write!(f, "{file}: {field} refers to {target:?}, which does not exist"),
			MissingVersion => write!(f, "VERSION: missing"),
			MalformedVersion { found } =>
				write!(f, "VERSION: not one line with a semantic version: {found:?}"),
			InvalidHashes { message } => write!(f, "hashes.json: {message}"),
			UnsafePath { file } => write!(f, "{file}: unsafe path"),
			ForbiddenEntryType { file, entry_type } =>
				write!(f, "{file}: forbidden entry type {entry_type}"),
			DuplicateEntry { file } => write!(f, "{file}: duplicate entry"),
			FileTooLarge { file, size, limit } =>
				write!(f, "{file}: {size} bytes, over the per-file limit of {limit}"),
			ArchiveTooLarge { limit } =>
				write!(f, "archive unpacks to more than the limit of {limit} bytes"),
			TruncatedArchive { message } => write!(f, "archive truncated or corrupt: {message}"),
			Symlink { file } => write!(f, "{file}: symlink"),
			PathConflict { file } => write!(f, "{file}: conflicts with another entry's path"),
			EntryTooLarge { file, size, limit } =>
				write!(f, "{file}: entry of {size} bytes, over the limit of {limit}"),
			UnexpectedTopLevel { file } => write!(f, "{file}: not part of the registry format"),
			NonCanonicalPath { file } => write!(f, "{file:?}: path not in canonical form"),
			CompressionRatio { ratio, limit } => write!(
				f,
				"archive expands {ratio}× its compressed size, over the limit of {limit}×"
			),
			Interrupted { file } => write!(f, "{file}: an interrupted change is pending"),
		}
	}
}

/// Every problem found by one operation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
	/// The problems, in the order found.
	pub problems: Vec<Problem>,
}

#[derive(Serialize)]
struct JsonItem<'a> {
	#[serde(flatten)]
	problem: &'a Problem,
	message: String,
	remedy: &'static str,
}

#[derive(Serialize)]
struct JsonReport<'a> {
	ok: bool,
	problem_count: usize,
	problems: Vec<JsonItem<'a>>,
}

impl Report {
	/// Whether nothing is wrong.
	pub fn is_ok(&self) -> bool {
		self.problems.is_empty()
	}

	/// Add a problem.
	pub fn push(&mut self, p: Problem) {
		self.problems.push(p);
	}

	/// The report as JSON: `{ok, problem_count, problems: [{kind, file, ..., message, remedy}]}`.
	pub fn to_json(&self) -> serde_json::Value {
		let report = JsonReport {
			ok: self.is_ok(),
			problem_count: self.problems.len(),
			problems: self
				.problems
				.iter()
				.map(|p| JsonItem { problem: p, message: p.to_string(), remedy: p.remedy() })
				.collect(),
		};
		serde_json::to_value(report).expect("a report serializes")
	}
}

impl fmt::Display for Report {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		if self.is_ok() {
			return writeln!(f, "OK: no problems found");
		}
		writeln!(f, "{} problem(s):", self.problems.len())?;
		for p in &self.problems {
			writeln!(f, "- {p}")?;
			writeln!(f, "  what to do: {}", p.remedy())?;
		}
		Ok(())
	}
}
