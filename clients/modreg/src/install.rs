//! `modreg install`: resolve the dependency graph on chain, fetch and verify every package,
//! unpack safely, record the graph in `modreg.lock`.
//!
//! # The lockfile
//!
//! `modreg.lock` in the project directory is JSON (a format clients share; keep it stable).
//! Version 2 (since 2026-12-07) holds the whole graph:
//!
//! ```json
//! {
//!   "lockfileVersion": 2,
//!   "block": "0x…", "blockNumber": 1234,
//!   "requests": [{"name": "alice/app", "range": "^1"}],
//!   "packages": [
//!     {"name": "alice/app", "version": "1.2.0", "cid": "bafkrei…", "checksum": "sha256:…",
//!      "size": 2048, "block": 42, "publisher": "5Grw…", "path": "alice/app",
//!      "dependencies": [{"name": "alice/log", "range": "^2", "version": "2.1.0"}]},
//!     {"name": "alice/log", "version": "2.1.0", …, "path": "alice/log", "dependencies": []}
//!   ]
//! }
//! ```
//!
//! - `requests`: what the project asked for (`modreg install ns/name@range` adds or replaces
//!   one), in the order first asked.
//! - `packages`: every node of the graph, sorted by name then version: what the chain recorded
//!   for that version (`cid`, `checksum`, `size`, `block` it was published in, `publisher`),
//!   where it is installed under `--to` (`path`), and the version each of its dependencies
//!   resolved to.
//! - `block`/`blockNumber`: the finalized block the graph was resolved at (every read named
//!   it). They change only when the graph does.
//!
//! Version 1 lockfiles (one entry per requested package with its `range`, no graph) are read:
//! their entries become the requests and the preferred versions, and the next install that may
//! write the lockfile writes version 2. `--locked` accepts a version 1 lockfile when the graph
//! it resolves to installs exactly its packages (it never writes).
//!
//! # Layout
//!
//! Each package of the graph is unpacked under `--to` (default `modreg_modules`) at
//! `ns/name/`. When the graph needs two compatible lines of one package (`^1` and `^2`), the
//! highest line is at `ns/name/` and each other at `ns/name@LINE/` (`LINE` is `1`, `0.3` or
//! `0.0.4`, [`modreg::graph::Line`]); the lockfile's `path` and its edges tell a loader which
//! copy a dependent uses.
//!
//! # The lockfile is checked against the chain
//!
//! A lockfile is an input like any other (a pull request can edit it). Online, every entry that
//! is installed as locked is compared with the chain's record of that version
//! ([`check_against_chain`]): a different CID, checksum, size, version text, block or publisher,
//! or a version the chain does not have (a reset chain, another network), stops the install
//! with exit code 5 before anything is fetched. `--offline` cannot ask the chain: it trusts the
//! lockfile and checks the content against it.
//!
//! # What is checked
//!
//! Every block comes from the cache or IPFS checked against its CID (the cache re-checks on
//! read); the assembled content must then have the SHA-256 and the size the chain recorded.
//! A tarball is unpacked into a temporary folder and moved into place only when complete: only
//! folders and regular files, no absolute paths or `..`, no links, at most
//! [`MAX_ENTRIES`] entries and `max_bytes` bytes unpacked.

use crate::{
	content::{self, Cache, ContentError},
	package, Failure,
};
use file_registry::exit;
use module_registry_primitives::registry::{self, PackageName, Range};
use std::{
	fs, io,
	io::Read,
	path::{Component, Path, PathBuf},
};

/// The lockfile's name in the project directory.
pub const LOCKFILE: &str = "modreg.lock";

/// The lockfile format this `modreg` writes. It reads 1 too.
pub const LOCKFILE_VERSION: u32 = 2;

/// Most entries one tarball may unpack.
pub const MAX_ENTRIES: usize = 100_000;

/// `modreg.lock`.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Lockfile {
	/// [`LOCKFILE_VERSION`] (1 in an old file).
	pub lockfile_version: u32,
	/// The finalized block the graph was resolved at.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub block: Option<String>,
	/// Its number.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub block_number: Option<u64>,
	/// What the project asked for.
	#[serde(default)]
	pub requests: Vec<LockRequest>,
	/// The graph's nodes, sorted by name then version.
	pub packages: Vec<Locked>,
}

/// One request of the project.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LockRequest {
	/// `ns/name`.
	pub name: String,
	/// The range asked for.
	pub range: String,
}

/// One resolved dependency of a locked package.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct LockEdge {
	/// `ns/name`.
	pub name: String,
	/// The range the package declares.
	pub range: String,
	/// The version it resolved to.
	pub version: String,
}

/// One locked package.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Locked {
	/// `ns/name`.
	pub name: String,
	/// Version 1 only: the range that was asked for (version 2 keeps it in `requests`).
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub range: Option<String>,
	/// The exact version installed.
	pub version: String,
	/// Its content's CID.
	pub cid: String,
	/// `sha256:<hex>` of the content.
	pub checksum: String,
	/// Length of the content.
	pub size: u64,
	/// The block the version was published in.
	pub block: u64,
	/// The account that published it (SS58); absent in entries written before 2026-12-07.
	#[serde(default, skip_serializing_if = "Option::is_none")]
	pub publisher: Option<String>,
	/// Where it is installed, relative to `--to` (version 2).
	#[serde(default, skip_serializing_if = "String::is_empty")]
	pub path: String,
	/// Its dependencies and the versions they resolved to (version 2).
	#[serde(default)]
	pub dependencies: Vec<LockEdge>,
}

impl Lockfile {
	/// Read `dir/modreg.lock`; an empty lockfile when there is none. A version 1 file comes
	/// back with its entries as the requests (and `lockfile_version` 1, so the caller knows).
	pub fn load(dir: &Path) -> Result<Lockfile, Failure> {
		let path = dir.join(LOCKFILE);
		let text = match fs::read_to_string(&path) {
			Ok(text) => text,
			Err(e) if e.kind() == io::ErrorKind::NotFound =>
				return Ok(Lockfile { lockfile_version: LOCKFILE_VERSION, ..Lockfile::default() }),
			Err(e) => return Err(Failure(exit::OTHER, format!("{}: {e}", path.display()))),
		};
		let mut lock: Lockfile = serde_json::from_str(&text).map_err(|e| {
			Failure(exit::USAGE, format!("{} is not a valid lockfile: {e}", path.display()))
		})?;
		match lock.lockfile_version {
			1 => {
				lock.requests = lock
					.packages
					.iter()
					.map(|p| LockRequest {
						name: p.name.clone(),
						range: p.range.clone().unwrap_or_else(|| "latest".into()),
					})
					.collect();
			},
			LOCKFILE_VERSION => {},
			other =>
				return Err(Failure(
					exit::USAGE,
					format!(
						"{} has lockfileVersion {other}; this modreg reads 1 and {LOCKFILE_VERSION}",
						path.display(),
					),
				)),
		}
		Ok(lock)
	}

	/// Write `dir/modreg.lock` atomically: a new temporary file, created exclusively under a
	/// random name (a link planted in a cloned repository cannot redirect the write), renamed
	/// over it.
	pub fn save(&self, dir: &Path) -> Result<(), Failure> {
		use std::io::Write;
		let path = dir.join(LOCKFILE);
		let text = self.text()?;
		let fail =
			|e: &dyn std::fmt::Display| Failure(exit::OTHER, format!("{}: {e}", path.display()));
		let mut tmp = tempfile::Builder::new()
			.prefix(&format!(".{LOCKFILE}."))
			.tempfile_in(dir)
			.map_err(|e| fail(&e))?;
		tmp.write_all(text.as_bytes()).map_err(|e| fail(&e))?;
		tmp.persist(&path).map_err(|e| fail(&e.error))?;
		Ok(())
	}

	/// The file's text, exactly as [`Lockfile::save`] writes it.
	pub fn text(&self) -> Result<String, Failure> {
		let mut text =
			serde_json::to_string_pretty(self).map_err(|e| Failure(exit::OTHER, e.to_string()))?;
		text.push('\n');
		Ok(text)
	}

	/// The entry of `name` at `version`.
	pub fn get(&self, name: &str, version: &str) -> Option<&Locked> {
		self.packages.iter().find(|p| p.name == name && p.version == version)
	}

	/// Whether `other` locks the same graph: the same requests and the same packages with the
	/// same records and edges (the block it was resolved at aside). A version 1 lockfile has no
	/// edges or paths; it is the same when it names the same versions with the same records.
	pub fn same_graph(&self, other: &Lockfile) -> bool {
		let key = |l: &Lockfile, lenient: bool| -> Vec<Locked> {
			l.packages
				.iter()
				.map(|p| Locked {
					range: None,
					publisher: if lenient { None } else { p.publisher.clone() },
					path: if lenient { String::new() } else { p.path.clone() },
					dependencies: if lenient { Vec::new() } else { p.dependencies.clone() },
					..p.clone()
				})
				.collect()
		};
		let lenient = self.lockfile_version == 1 || other.lockfile_version == 1;
		let requests = |l: &Lockfile| {
			let mut r = l.requests.clone();
			r.sort_by(|a, b| a.name.cmp(&b.name));
			r
		};
		key(self, lenient) == key(other, lenient) && requests(self) == requests(other)
	}
}

/// Parse a request `ns/name[@range]` (the range defaults to `latest`).
pub fn parse_request(text: &str) -> Result<registry::Dependency, Failure> {
	let (name, range) = registry::split_reference(text);
	let range_text = range.unwrap_or("latest").trim().to_string();
	let package = PackageName::parse(name)
		.map_err(|e| Failure(exit::USAGE, format!("bad package {text:?}: {e}")))?;
	let range = Range::parse(&range_text)
		.map_err(|_| Failure(exit::USAGE, format!("bad range {range_text:?} in {text:?}")))?;
	Ok(registry::Dependency { package, range, range_text })
}

/// The lock entry for a version as `moduleRegistry_resolve` and `moduleRegistry_versions`
/// answer it (no path or edges yet).
pub fn locked_from_rpc(found: &serde_json::Value) -> Result<Locked, Failure> {
	let text = |field: &str| {
		found[field]
			.as_str()
			.map(str::to_owned)
			.ok_or_else(|| Failure(exit::OTHER, format!("the node's answer has no {field}")))
	};
	Ok(Locked {
		name: text("name")?,
		range: None,
		version: text("version")?,
		cid: text("cid")?,
		checksum: text("checksum")?,
		size: found["size"]
			.as_u64()
			.ok_or_else(|| Failure(exit::OTHER, "the answer has no size".into()))?,
		block: found["publishedAt"].as_u64().unwrap_or_default(),
		publisher: found["publisher"].as_str().map(str::to_owned),
		path: String::new(),
		dependencies: Vec::new(),
	})
}

/// Compare a lock entry with the chain's record of its version (`found`: the answer of
/// `moduleRegistry_resolve` for `=version`, `null` when the chain has no such version). Any
/// difference is exit code 5, naming the fields; so is a version the chain does not have.
pub fn check_against_chain(locked: &Locked, found: &serde_json::Value) -> Result<(), Failure> {
	if found.is_null() {
		return Err(Failure(
			exit::VERIFICATION,
			format!(
				"{}@{} is in {LOCKFILE} but the chain has no such version: is this the chain the \
				 lockfile was made on (a reset chain, another --node)?",
				locked.name, locked.version
			),
		));
	}
	let chain = locked_from_rpc(found)?;
	let mut differ = Vec::new();
	let mut field = |name: &str, ours: String, theirs: String| {
		if ours != theirs {
			differ.push(format!("{name} {ours:?} (chain: {theirs:?})"));
		}
	};
	field("name", locked.name.clone(), chain.name.clone());
	field("version", locked.version.clone(), chain.version.clone());
	field("cid", locked.cid.clone(), chain.cid.clone());
	field("checksum", locked.checksum.clone(), chain.checksum.clone());
	field("size", locked.size.to_string(), chain.size.to_string());
	field("block", locked.block.to_string(), chain.block.to_string());
	if let Some(publisher) = &locked.publisher {
		field("publisher", publisher.clone(), chain.publisher.clone().unwrap_or_default());
	}
	if differ.is_empty() {
		return Ok(());
	}
	Err(Failure(
		exit::VERIFICATION,
		format!(
			"{LOCKFILE} disagrees with the chain about {}@{}: {}; refusing to install what the \
			 lockfile says",
			locked.name,
			locked.version,
			differ.join(", ")
		),
	))
}

/// Refuse to install through a symbolic link: with `modreg_modules/acme -> /home/me` in a cloned
/// repository, installing `acme/projects` would replace `/home/me/projects`. Every component
/// from below the project directory (or, for an install folder outside the project, from the
/// install folder itself) down to `dest` must be a real folder, or not exist yet. Exit code 8
/// ("an occupied destination").
pub fn check_destination(project: &Path, root: &Path, dest: &Path) -> Result<(), Failure> {
	let base = if root.starts_with(project) { project } else { root.parent().unwrap_or(root) };
	let Ok(below) = dest.strip_prefix(base) else {
		return Err(Failure(
			exit::OTHER,
			format!("{} is not under {}", dest.display(), base.display()),
		));
	};
	let mut path = base.to_path_buf();
	for part in below.components() {
		match part {
			Component::Normal(part) => path.push(part),
			_ =>
				return Err(Failure(
					exit::OTHER,
					format!("{}: the install path must be plain folder names", dest.display()),
				)),
		}
		match fs::symlink_metadata(&path) {
			Ok(meta) if meta.file_type().is_symlink() =>
				return Err(Failure(
					exit::OTHER,
					format!(
						"{} is a symbolic link: modreg does not install through links (it would \
						 replace what the link points to); remove it",
						path.display()
					),
				)),
			Ok(meta) if !meta.is_dir() && path != dest =>
				return Err(Failure(
					exit::OTHER,
					format!("{} is in the way: it is not a folder", path.display()),
				)),
			_ => {},
		}
	}
	Ok(())
}

/// Fetch `locked`'s content (from IPFS when `ipfs` is given, else from the cache only), check it
/// against the lock entry, and put it in place under `dest` (a folder for a tarball, a file named
/// after the package otherwise). Returns the number of files written.
pub async fn install_one(
	ipfs: Option<&ipfs_api_backend_hyper::IpfsClient>,
	cache: &Cache,
	locked: &Locked,
	dest: &Path,
	max_bytes: u64,
	on_block: &(dyn Fn(u64) + Sync),
) -> Result<u64, Failure> {
	let cid = content::parse_cid(&locked.cid).map_err(|e| {
		Failure(exit::OTHER, format!("{}: bad CID {}: {e}", locked.name, locked.cid))
	})?;
	// The chain recorded the size: fetch no more than that (plus the blocks' framing), and
	// write no more than that.
	let block_cap = locked.size.saturating_add(locked.size / 64).saturating_add(1 << 20);
	content::fetch_dag_within(ipfs, cache, &cid, block_cap, on_block).await.map_err(
		|e| match e {
			ContentError::NotCached(_) => Failure(
				exit::NOT_FOUND,
				format!(
					"{}@{} is not in the cache ({}); run without --offline once",
					locked.name, locked.version, locked.cid
				),
			),
			other => Failure::from(other),
		},
	)?;
	let parent = dest.parent().unwrap_or(Path::new("."));
	fs::create_dir_all(parent)
		.map_err(|e| Failure(exit::OTHER, format!("{}: {e}", parent.display())))?;
	let work = tempfile::Builder::new()
		.prefix(".modreg-install-")
		.tempdir_in(parent)
		.map_err(|e| Failure(exit::OTHER, format!("{}: {e}", parent.display())))?;
	let blob = work.path().join("content");
	// A version's content is one file (a tarball or a single file), never a directory.
	if let Ok(Some(root)) = cache.get_block(&cid) {
		if matches!(modreg::dag::decode(&cid, &root), Ok(modreg::dag::Node::Dir(_))) {
			return Err(Failure(
				exit::VERIFICATION,
				format!("{}: {} is a directory; a version's content is a file", locked.name, cid),
			));
		}
	}
	let limits = content::Limits { max_bytes: locked.size, max_files: 1 };
	content::write_out_within(cache, &cid, Some(&blob), limits)?;
	let (sha256, size) =
		package::hash_file(&blob).map_err(|e| Failure(exit::OTHER, e.to_string()))?;
	let checksum = registry::checksum_text(&sha256);
	if checksum != locked.checksum || size != locked.size {
		return Err(Failure(
			exit::VERIFICATION,
			format!(
				"{}@{}: the content of {} is {checksum} ({size} bytes), the chain recorded {} ({} bytes)",
				locked.name, locked.version, locked.cid, locked.checksum, locked.size
			),
		));
	}
	let staged = work.path().join("staged");
	let files = if is_gzip(&blob)? {
		unpack(&blob, &staged, max_bytes)
			.map_err(|e| Failure(exit::VERIFICATION, format!("{}: {e}", locked.name)))?
	} else {
		fs::create_dir_all(&staged).map_err(|e| Failure(exit::OTHER, e.to_string()))?;
		// The file is named after the package, by the name rule (`[a-z][a-z0-9-]*`): never a
		// path, whatever the lockfile or the node says.
		let file_name = PackageName::parse(&locked.name).map(|p| p.name).map_err(|e| {
			Failure(exit::VERIFICATION, format!("bad package {:?}: {e}", locked.name))
		})?;
		fs::rename(&blob, staged.join(file_name))
			.map_err(|e| Failure(exit::OTHER, e.to_string()))?;
		1
	};
	if dest.exists() {
		fs::remove_dir_all(dest)
			.map_err(|e| Failure(exit::OTHER, format!("{}: {e}", dest.display())))?;
	}
	fs::rename(&staged, dest)
		.map_err(|e| Failure(exit::OTHER, format!("{}: {e}", dest.display())))?;
	Ok(files)
}

fn is_gzip(path: &Path) -> Result<bool, Failure> {
	let mut magic = [0u8; 2];
	let n = fs::File::open(path)
		.and_then(|mut f| f.read(&mut magic))
		.map_err(|e| Failure(exit::OTHER, e.to_string()))?;
	Ok(n == 2 && magic == [0x1f, 0x8b])
}

/// The longest name a GNU long-name member or a PAX `path` may give (Linux's `PATH_MAX`).
pub const MAX_LONG_NAME: u64 = 4096;

/// The largest PAX extended header read (its records beyond `path` are ignored).
pub const MAX_PAX_HEADER: u64 = 64 * 1024;

/// Unpack a `.tar.gz` into the new folder `dest`, refusing anything but folders and regular
/// files, paths that leave `dest`, more than [`MAX_ENTRIES`] entries and more than `max_bytes`
/// bytes in all. Returns the number of files.
pub fn unpack(archive: &Path, dest: &Path, max_bytes: u64) -> io::Result<u64> {
	let refuse = |what: String| Err(io::Error::new(io::ErrorKind::InvalidData, what));
	fs::create_dir(dest)?;
	let gz = flate2::read::GzDecoder::new(fs::File::open(archive)?);
	let mut tar = tar::Archive::new(gz);
	let (mut total, mut entries, mut files) = (0u64, 0usize, 0u64);
	// Raw entries: the tar crate would read a GNU long-name or PAX member whole into memory
	// before the entry it describes (its size is the attacker's: 8 MB of gzip can ask for
	// 8 GiB). Here each is read only up to a bound, and only the name is taken from it.
	let mut long_name: Option<Vec<u8>> = None;
	for entry in tar.entries()?.raw(true) {
		let mut entry = entry?;
		entries += 1;
		if entries > MAX_ENTRIES {
			return refuse(format!("more than {MAX_ENTRIES} entries"));
		}
		let kind = entry.header().entry_type();
		if kind.is_gnu_longname() || kind.is_pax_local_extensions() {
			if long_name.is_some() {
				return refuse("two long names for one entry".into());
			}
			let limit = if kind.is_gnu_longname() { MAX_LONG_NAME } else { MAX_PAX_HEADER };
			if entry.size() > limit {
				return refuse(format!(
					"a {kind:?} member of {} bytes (at most {limit})",
					entry.size()
				));
			}
			let mut body = Vec::with_capacity(entry.size() as usize);
			(&mut entry).take(limit).read_to_end(&mut body)?;
			long_name = if kind.is_gnu_longname() {
				// NUL-terminated, as GNU tar writes it.
				let end = body.iter().position(|b| *b == 0).unwrap_or(body.len());
				body.truncate(end);
				Some(body)
			} else {
				let mut path = None;
				for field in tar::PaxExtensions::new(&body) {
					let field = field?;
					match field.key_bytes() {
						b"path" => path = Some(field.value_bytes().to_vec()),
						// A size, a link or a sparse map would change how the stream is read
						// or what is made (and other clients read them differently): publish
						// writes none of them.
						key if key == b"size" ||
							key == b"linkpath" || key.starts_with(b"GNU.sparse.") =>
							return refuse(format!(
								"a PAX {:?} record is refused",
								String::from_utf8_lossy(key)
							)),
						_ => {},
					}
				}
				path
			};
			if long_name.as_ref().is_some_and(|n| n.len() as u64 > MAX_LONG_NAME) {
				return refuse(format!("a name longer than {MAX_LONG_NAME} bytes"));
			}
			continue;
		}
		if kind.is_pax_global_extensions() {
			return refuse("PAX global headers are refused".into());
		}
		let raw = match long_name.take() {
			Some(name) => PathBuf::from(
				<std::ffi::OsString as std::os::unix::ffi::OsStringExt>::from_vec(name),
			),
			None => entry.path()?.into_owned(),
		};
		let mut relative = PathBuf::new();
		for part in raw.components() {
			match part {
				Component::Normal(p) => relative.push(p),
				Component::CurDir => {},
				_ => return refuse(format!("{}: leaves the install folder", raw.display())),
			}
		}
		if relative.as_os_str().is_empty() {
			// The folder itself (`.`): nothing to make, but only a folder may be named so.
			if kind != tar::EntryType::Directory || entry.size() != 0 {
				return refuse(format!(
					"{}: a {kind:?} entry for the install folder itself",
					raw.display()
				));
			}
			continue;
		}
		let target = dest.join(&relative);
		match kind {
			tar::EntryType::Directory if entry.size() != 0 =>
				return refuse(format!(
					"{}: a folder with {} bytes of data",
					relative.display(),
					entry.size()
				)),
			tar::EntryType::Directory => fs::create_dir_all(&target)?,
			tar::EntryType::Regular | tar::EntryType::Continuous => {
				total = total.saturating_add(entry.size());
				if total > max_bytes {
					return refuse(format!("unpacks to more than {max_bytes} bytes"));
				}
				if let Some(parent) = target.parent() {
					fs::create_dir_all(parent)?;
				}
				let mut out = fs::File::create_new(&target)?;
				// `size` in the header is what `take` allows; a longer body is an error below.
				let size = entry.size();
				let copied = io::copy(&mut (&mut entry).take(size), &mut out)?;
				if copied != size {
					return refuse(format!("{}: truncated", relative.display()));
				}
				#[cfg(unix)]
				{
					use std::os::unix::fs::PermissionsExt;
					let executable = entry.header().mode().unwrap_or(0) & 0o111 != 0;
					let mode = if executable { 0o755 } else { 0o644 };
					fs::set_permissions(&target, fs::Permissions::from_mode(mode))?;
				}
				files += 1;
			},
			other =>
				return refuse(format!(
					"{}: {other:?} entries are refused (only folders and regular files)",
					relative.display()
				)),
		}
	}
	if long_name.is_some() {
		return refuse("a long name for no entry at the end".into());
	}
	Ok(files)
}

#[cfg(test)]
mod tests {
	use super::*;

	/// A tar.gz with one entry whose raw name and type are written as given.
	fn archive_with(name: &[u8], kind: tar::EntryType, body: &[u8]) -> tempfile::NamedTempFile {
		let file = tempfile::NamedTempFile::new().unwrap();
		let gz = flate2::write::GzEncoder::new(file.reopen().unwrap(), flate2::Compression::fast());
		let mut tar = tar::Builder::new(gz);
		let mut header = tar::Header::new_gnu();
		header.as_old_mut().name[..name.len()].copy_from_slice(name);
		header.set_entry_type(kind);
		header.set_size(body.len() as u64);
		header.set_mode(0o644);
		if kind == tar::EntryType::Symlink {
			header.set_link_name("/etc/passwd").unwrap();
		}
		header.set_cksum();
		tar.append(&header, body).unwrap();
		tar.into_inner().unwrap().finish().unwrap();
		file
	}

	/// A tar.gz of `members` written raw: (type, name in the header, body).
	fn raw_archive(members: &[(tar::EntryType, &str, Vec<u8>)]) -> tempfile::NamedTempFile {
		let file = tempfile::NamedTempFile::new().unwrap();
		let gz = flate2::write::GzEncoder::new(file.reopen().unwrap(), flate2::Compression::fast());
		let mut tar = tar::Builder::new(gz);
		for (kind, name, body) in members {
			let mut header = tar::Header::new_gnu();
			header.as_old_mut().name[..name.len()].copy_from_slice(name.as_bytes());
			header.set_entry_type(*kind);
			header.set_size(body.len() as u64);
			header.set_mode(0o644);
			header.set_cksum();
			tar.append(&header, &body[..]).unwrap();
		}
		tar.into_inner().unwrap().finish().unwrap();
		file
	}

	fn pax(records: &[(&str, &str)]) -> Vec<u8> {
		let mut out = Vec::new();
		for (k, v) in records {
			let body = format!(" {k}={v}\n");
			// The length counts its own digits.
			let mut len = body.len() + 1;
			while format!("{len}{body}").len() != len {
				len += 1;
			}
			out.extend(format!("{len}{body}").into_bytes());
		}
		out
	}

	#[test]
	fn long_names_are_read_within_bounds() {
		let deep = format!("{}/file.txt", ["segment-of-a-long-path"; 8].join("/"));
		assert!(deep.len() > 100);
		// GNU long name (what `tar::Builder`, hence publish, writes for long paths).
		let gnu = raw_archive(&[
			(tar::EntryType::GNULongName, "././@LongLink", format!("{deep}\0").into_bytes()),
			(tar::EntryType::Regular, "short", b"deep".to_vec()),
		]);
		let out = tempfile::tempdir().unwrap();
		assert_eq!(unpack(gnu.path(), &out.path().join("a"), 1 << 20).unwrap(), 1);
		assert_eq!(fs::read(out.path().join("a").join(&deep)).unwrap(), b"deep");
		// What publish packs for such a path unpacks to it.
		let src = tempfile::tempdir().unwrap();
		fs::create_dir_all(src.path().join(&deep).parent().unwrap()).unwrap();
		fs::write(src.path().join(&deep), "packed").unwrap();
		let packed = package::pack_dir(src.path()).unwrap();
		assert_eq!(unpack(packed.file.path(), &out.path().join("p"), 1 << 20).unwrap(), 1);
		assert_eq!(fs::read(out.path().join("p").join(&deep)).unwrap(), b"packed");
		// PAX path.
		let with_pax = raw_archive(&[
			(tar::EntryType::XHeader, "pax", pax(&[("path", &deep), ("mtime", "1")])),
			(tar::EntryType::Regular, "short", b"pax".to_vec()),
		]);
		assert_eq!(unpack(with_pax.path(), &out.path().join("b"), 1 << 20).unwrap(), 1);
		assert_eq!(fs::read(out.path().join("b").join(&deep)).unwrap(), b"pax");
		// A long-name member larger than any path is refused before it is read.
		let huge = raw_archive(&[
			(tar::EntryType::GNULongName, "././@LongLink", vec![b'a'; 1 << 20]),
			(tar::EntryType::Regular, "short", b"x".to_vec()),
		]);
		let err = unpack(huge.path(), &out.path().join("c"), 1 << 20).unwrap_err();
		assert!(err.to_string().contains("at most 4096"), "{err}");
		// A PAX size that would change how the stream is read is refused.
		let sized = raw_archive(&[
			(tar::EntryType::XHeader, "pax", pax(&[("size", "999999")])),
			(tar::EntryType::Regular, "short", b"x".to_vec()),
		]);
		assert!(unpack(sized.path(), &out.path().join("d"), 1 << 20)
			.unwrap_err()
			.to_string()
			.contains("size"));
		// Any sparse record (other clients would unpack such an archive differently).
		let sparse = raw_archive(&[
			(tar::EntryType::XHeader, "pax", pax(&[("GNU.sparse.major", "1")])),
			(tar::EntryType::Regular, "short", b"x".to_vec()),
		]);
		assert!(unpack(sparse.path(), &out.path().join("s"), 1 << 20).is_err());
		// Only a folder may be the install folder itself (`.`), and a folder has no data.
		for kind in [tar::EntryType::GNULongLink, tar::EntryType::Symlink, tar::EntryType::Regular]
		{
			let dot = raw_archive(&[(kind, ".", Vec::new())]);
			assert!(unpack(dot.path(), &out.path().join(format!("dot-{kind:?}")), 1 << 20).is_err());
		}
		let fat = raw_archive(&[(tar::EntryType::Directory, "d", vec![0; 4096])]);
		assert!(unpack(fat.path(), &out.path().join("fat"), 1 << 20).is_err());
		// Two names for one entry, and a name for no entry.
		let twice = raw_archive(&[
			(tar::EntryType::GNULongName, "././@LongLink", b"a\0".to_vec()),
			(tar::EntryType::XHeader, "pax", pax(&[("path", "b")])),
			(tar::EntryType::Regular, "short", b"x".to_vec()),
		]);
		assert!(unpack(twice.path(), &out.path().join("e"), 1 << 20).is_err());
		let dangling =
			raw_archive(&[(tar::EntryType::GNULongName, "././@LongLink", b"a\0".to_vec())]);
		assert!(unpack(dangling.path(), &out.path().join("f"), 1 << 20).is_err());
		// A long name cannot leave the folder either.
		let escape = raw_archive(&[
			(tar::EntryType::GNULongName, "././@LongLink", b"../../escape\0".to_vec()),
			(tar::EntryType::Regular, "short", b"x".to_vec()),
		]);
		assert!(unpack(escape.path(), &out.path().join("g"), 1 << 20).is_err());
		assert!(!out.path().join("escape").exists());
	}

	#[test]
	fn unpacks_what_publish_packs() {
		let src = tempfile::tempdir().unwrap();
		fs::create_dir_all(src.path().join("a/b")).unwrap();
		fs::write(src.path().join("a/b/c.txt"), "deep").unwrap();
		fs::write(src.path().join("top.txt"), "top").unwrap();
		let packed = package::pack_dir(src.path()).unwrap();
		let out = tempfile::tempdir().unwrap();
		let dest = out.path().join("pkg");
		assert_eq!(unpack(packed.file.path(), &dest, 1 << 20).unwrap(), 2);
		assert_eq!(fs::read_to_string(dest.join("a/b/c.txt")).unwrap(), "deep");
		assert_eq!(fs::read_to_string(dest.join("top.txt")).unwrap(), "top");
	}

	#[test]
	fn hostile_archives_are_refused_and_write_nothing_outside() {
		let out = tempfile::tempdir().unwrap();
		let cases: [(&[u8], tar::EntryType); 5] = [
			(b"../escape.txt", tar::EntryType::Regular),
			(b"ok/../../escape.txt", tar::EntryType::Regular),
			(b"/tmp/absolute.txt", tar::EntryType::Regular),
			(b"link", tar::EntryType::Symlink),
			(b"hard", tar::EntryType::Link),
		];
		for (i, (name, kind)) in cases.into_iter().enumerate() {
			let archive = archive_with(name, kind, b"x");
			let dest = out.path().join(format!("d{i}"));
			let err = unpack(archive.path(), &dest, 1 << 20).unwrap_err();
			assert_eq!(err.kind(), io::ErrorKind::InvalidData, "{}", String::from_utf8_lossy(name));
		}
		assert!(!out.path().join("escape.txt").exists());
		assert!(!Path::new("/tmp/absolute.txt").exists());
		let big = archive_with(b"big.bin", tar::EntryType::Regular, &[0u8; 4096]);
		let err = unpack(big.path(), &out.path().join("big"), 1000).unwrap_err();
		assert!(err.to_string().contains("more than 1000 bytes"), "{err}");
	}

	/// Saving the lockfile never writes through a link planted under a guessable name.
	#[cfg(unix)]
	#[test]
	fn saving_the_lockfile_does_not_follow_planted_links() {
		let dir = tempfile::tempdir().unwrap();
		let victim = dir.path().join("victim");
		fs::write(&victim, "precious").unwrap();
		for pid in [std::process::id(), 1, 2, 100] {
			let _ =
				std::os::unix::fs::symlink(&victim, dir.path().join(format!(".{LOCKFILE}.{pid}")));
		}
		let lock = Lockfile { lockfile_version: LOCKFILE_VERSION, ..Lockfile::default() };
		lock.save(dir.path()).unwrap();
		assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
		assert!(!fs::symlink_metadata(dir.path().join(LOCKFILE)).unwrap().file_type().is_symlink());
		assert_eq!(Lockfile::load(dir.path()).unwrap(), lock);
	}

	#[test]
	fn lockfile_round_trip_and_rules() {
		let dir = tempfile::tempdir().unwrap();
		let mut lock = Lockfile::load(dir.path()).unwrap();
		assert!(lock.packages.is_empty());
		assert_eq!(lock.lockfile_version, LOCKFILE_VERSION);
		let entry = |name: &str, version: &str| Locked {
			name: name.into(),
			range: None,
			version: version.into(),
			cid: "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy".into(),
			checksum: format!("sha256:{}", "0".repeat(64)),
			size: 3,
			block: 9,
			publisher: None,
			path: name.into(),
			dependencies: Vec::new(),
		};
		lock.requests.push(LockRequest { name: "alice/a".into(), range: "^1".into() });
		lock.packages = vec![entry("alice/a", "1.2.0"), entry("zed/b", "1.1.0")];
		lock.packages[0].dependencies.push(LockEdge {
			name: "zed/b".into(),
			range: "^1".into(),
			version: "1.1.0".into(),
		});
		lock.block = Some("0x01".into());
		lock.save(dir.path()).unwrap();
		let back = Lockfile::load(dir.path()).unwrap();
		assert_eq!(back, lock);
		assert_eq!(back.get("zed/b", "1.1.0").unwrap().block, 9);
		// The block it was resolved at is not part of the graph; an edge is.
		let moved = Lockfile { block: Some("0x02".into()), ..lock.clone() };
		assert!(moved.same_graph(&lock));
		let mut other = lock.clone();
		other.packages[0].dependencies[0].version = "1.0.0".into();
		assert!(!other.same_graph(&lock));

		// Version 1: entries become requests; compared leniently with what replaces it.
		let v1 = r#"{"lockfileVersion": 1, "packages": [{"name": "alice/a", "range": "^1",
			"version": "1.2.0", "cid": "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy",
			"checksum": "sha256:0000000000000000000000000000000000000000000000000000000000000000",
			"size": 3, "block": 9}]}"#;
		fs::write(dir.path().join(LOCKFILE), v1).unwrap();
		let old = Lockfile::load(dir.path()).unwrap();
		assert_eq!(old.lockfile_version, 1);
		assert_eq!(old.requests, [LockRequest { name: "alice/a".into(), range: "^1".into() }]);
		let upgraded = Lockfile {
			lockfile_version: LOCKFILE_VERSION,
			packages: vec![entry("alice/a", "1.2.0")],
			..lock.clone()
		};
		assert!(upgraded.same_graph(&old));
		assert!(!lock.same_graph(&old), "zed/b is not in the old graph");

		fs::write(dir.path().join(LOCKFILE), "{\"lockfileVersion\": 9, \"packages\": []}").unwrap();
		assert_eq!(Lockfile::load(dir.path()).unwrap_err().0, 2);
		assert!(parse_request("alice/a@^1").is_ok());
		assert_eq!(parse_request("@alice/a").unwrap().range_text, "latest");
		assert_eq!(parse_request("Alice/a").err().unwrap().0, 2);
		assert_eq!(parse_request("alice/a@^^").err().unwrap().0, 2);
	}
	/// A lock entry is compared field by field with the chain's record; a version the chain
	/// lacks is an error too. Each is exit code 5.
	#[test]
	fn lock_entries_must_agree_with_the_chain() {
		let cid = "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy";
		let sum = format!("sha256:{}", "ab".repeat(32));
		let chain = serde_json::json!({
			"name": "alice/a", "version": "1.2.0", "cid": cid, "checksum": sum, "size": 7,
			"publishedAt": 12, "publisher": "5Grw", "yanked": false,
		});
		let locked = locked_from_rpc(&chain).unwrap();
		assert_eq!(locked.publisher.as_deref(), Some("5Grw"));
		assert!(check_against_chain(&locked, &chain).is_ok());
		// An entry from before locks named the publisher is checked on the rest.
		assert!(check_against_chain(&Locked { publisher: None, ..locked.clone() }, &chain).is_ok());
		let tampered = [
			Locked {
				cid: "bafkreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq".into(),
				..locked.clone()
			},
			Locked { checksum: format!("sha256:{}", "cd".repeat(32)), ..locked.clone() },
			Locked { size: 8, ..locked.clone() },
			Locked { block: 11, ..locked.clone() },
			Locked { version: "1.2.0+other".into(), ..locked.clone() },
			Locked { publisher: Some("5Fake".into()), ..locked.clone() },
		];
		for entry in tampered {
			let err = check_against_chain(&entry, &chain).unwrap_err();
			assert_eq!(err.0, exit::VERIFICATION, "{}", err.1);
			assert!(err.1.contains("disagrees with the chain"), "{}", err.1);
		}
		let missing = check_against_chain(&locked, &serde_json::Value::Null).unwrap_err();
		assert_eq!(missing.0, exit::VERIFICATION);
		assert!(missing.1.contains("has no such version"), "{}", missing.1);
	}
	/// A symbolic link anywhere on the way to the destination is refused, wherever it points.
	#[cfg(unix)]
	#[test]
	fn installs_never_go_through_symbolic_links() {
		let dir = tempfile::tempdir().unwrap();
		let project = dir.path().join("project");
		let victim = dir.path().join("home");
		fs::create_dir_all(victim.join("projects")).unwrap();
		fs::create_dir_all(project.join("modreg_modules")).unwrap();
		let root = project.join("modreg_modules");
		let dest = root.join("acme").join("projects");
		assert!(check_destination(&project, &root, &dest).is_ok(), "nothing there yet");
		std::os::unix::fs::symlink(&victim, root.join("acme")).unwrap();
		let err = check_destination(&project, &root, &dest).unwrap_err();
		assert_eq!(err.0, exit::OTHER);
		assert!(err.1.contains("symbolic link"), "{}", err.1);
		// The install folder itself, and the package folder, are checked too.
		fs::remove_file(root.join("acme")).unwrap();
		fs::remove_dir(&root).unwrap();
		std::os::unix::fs::symlink(&victim, &root).unwrap();
		assert!(check_destination(&project, &root, &dest).is_err());
		fs::remove_file(&root).unwrap();
		fs::create_dir_all(root.join("acme")).unwrap();
		std::os::unix::fs::symlink(victim.join("projects"), &dest).unwrap();
		assert!(check_destination(&project, &root, &dest).is_err());
		assert!(victim.join("projects").is_dir(), "nothing was touched");
	}
}
