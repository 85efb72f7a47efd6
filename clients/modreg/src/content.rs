//! IPFS access (through `ipfs-api-backend-hyper`) and the local content cache.

use cid::Cid;
use futures::TryStreamExt;
use ipfs_api_backend_hyper::{request::Add, Form, IpfsApi, IpfsClient, TryFromUri};
use ipfs_api_prelude::Backend;
use module_registry_primitives::validation;
use std::{
	fs,
	io::{self, Read, Write},
	path::{Path, PathBuf},
	time::Duration,
};

use crate::dag::{decode, verify_block, DagError, Node};

/// Errors of the content side.
#[derive(Debug, thiserror::Error)]
pub enum ContentError {
	/// The daemon could not be reached or refused the request.
	#[error("IPFS: {0}")]
	Ipfs(String),
	/// The content does not match its CID.
	#[error("verification failed for {cid}: {why}")]
	Verification {
		/// The CID.
		cid: String,
		/// What did not match.
		why: String,
	},
	/// Not in the cache (with `--offline`).
	#[error("{0} is not in the local cache")]
	NotCached(String),
	/// The value does not name a CID.
	#[error("{0}")]
	NoCid(String),
	/// The content is larger than the caller allows.
	#[error("too large: {0}")]
	TooLarge(String),
	/// Local file system.
	#[error(transparent)]
	Io(#[from] io::Error),
}

fn ipfs_err(e: impl std::fmt::Display) -> ContentError {
	ContentError::Ipfs(e.to_string())
}

/// A client of the daemon at `url` (e.g. `http://127.0.0.1:5001`).
pub fn client(url: &str) -> Result<IpfsClient, ContentError> {
	IpfsClient::from_str(url).map_err(|e| ContentError::Ipfs(format!("bad IPFS URL {url:?}: {e}")))
}

/// One line of the daemon's `add` answer. Kubo sends `Size` as a string and js-ipfs as a
/// number, which the crate's own `AddResponse` rejects; only `Hash` is read here.
#[derive(serde::Deserialize)]
struct AddLine {
	#[serde(rename = "Hash")]
	hash: String,
}

/// POST `add` with `form` through the crate's backend; returns the CID of the last entry (the
/// file, or the wrapping folder).
async fn add_form(
	ipfs: &IpfsClient,
	form: Form<'static>,
	options: Add<'_>,
) -> Result<String, ContentError> {
	let (status, body) = ipfs.request_raw(options, Some(form)).await.map_err(ipfs_err)?;
	if !status.is_success() {
		return Err(ContentError::Ipfs(format!(
			"add: HTTP {status}: {}",
			String::from_utf8_lossy(&body)
		)));
	}
	let text = String::from_utf8_lossy(&body);
	let last = text.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or_default();
	let line: AddLine = serde_json::from_str(last)
		.map_err(|e| ContentError::Ipfs(format!("add: unexpected answer {last:?}: {e}")))?;
	Ok(canonical(&line.hash))
}

/// Add a file (CIDv1, raw leaves: a file of one chunk gets a raw CID whose hash is the file's
/// sha256). `on_read` is told how many bytes were read, for a progress bar.
pub async fn add_file(
	ipfs: &IpfsClient,
	path: &Path,
	on_read: impl Fn(u64) + Send + Sync + Unpin + 'static,
) -> Result<String, ContentError> {
	struct Counting<R, F>(R, F);
	impl<R: Read, F: Fn(u64)> Read for Counting<R, F> {
		fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
			let n = self.0.read(buf)?;
			(self.1)(n as u64);
			Ok(n)
		}
	}
	let file = fs::File::open(path)?;
	let name =
		path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "file".into());
	let mut form = Form::default();
	form.add_reader_file("path", Counting(file, on_read), name);
	add_form(ipfs, form, add_options()).await
}

fn add_options() -> Add<'static> {
	Add { cid_version: Some(1), raw_leaves: Some(true), pin: Some(true), ..Default::default() }
}

/// Add every file under a folder (names relative to its parent, so the folder is the root);
/// returns the folder's CID.
pub async fn add_dir(ipfs: &IpfsClient, path: &Path) -> Result<String, ContentError> {
	fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
		let mut entries: Vec<_> = fs::read_dir(dir)?.collect::<Result<_, _>>()?;
		entries.sort_by_key(|e| e.file_name());
		for e in entries {
			let ft = e.file_type()?;
			if ft.is_dir() {
				walk(&e.path(), out)?;
			} else if ft.is_file() {
				out.push(e.path());
			}
		}
		Ok(())
	}
	let mut files = Vec::new();
	walk(path, &mut files)?;
	if files.is_empty() {
		return Err(ContentError::Ipfs(format!("{} has no files", path.display())));
	}
	let base = path.parent().unwrap_or(Path::new(""));
	let mut form = Form::default();
	for file in files {
		let name = file.strip_prefix(base).unwrap_or(&file).to_string_lossy().into_owned();
		form.add_reader_file("path", fs::File::open(&file)?, name);
	}
	add_form(ipfs, form, add_options()).await
}

/// A CID string in the form the chain and IPFS print (base58 for v0, base32 for v1), rendered by
/// the chain's own rule (`module-registry-primitives`).
pub fn canonical(text: &str) -> String {
	validation::parse_cid(text)
		.ok()
		.and_then(|bytes| validation::cid_to_string(&bytes))
		.unwrap_or_else(|| text.to_string())
}

/// A CID text by the chain's rule (`validation::parse_cid`: bounded by its base before any
/// decoding, exactly one canonical CID), for CIDs read from files a user may not have written
/// (a lockfile in a cloned repository, the cache).
pub fn parse_cid(text: &str) -> Result<Cid, ContentError> {
	let bytes = validation::parse_cid(text).map_err(|e| {
		let shown: String = text.chars().take(120).collect();
		ContentError::NoCid(format!("{shown:?} is not a CID the chain accepts: {e:?}"))
	})?;
	Cid::try_from(&bytes[..]).map_err(|e| ContentError::NoCid(format!("bad CID: {e}")))
}

/// The CID a registry value names: the value itself, or its JSON `cid` field, classified by the
/// same code the runtime runs (`module-registry-primitives::validation`).
pub fn cid_of_value(value: &[u8]) -> Result<Cid, ContentError> {
	let classified = validation::classify(value)
		.map_err(|e| ContentError::NoCid(format!("the chain would refuse this value: {e:?}")))?;
	let bytes = classified
		.cid
		.ok_or_else(|| ContentError::NoCid("the metadata names no pinnable \"cid\"".into()))?;
	Cid::try_from(&bytes[..]).map_err(|e| ContentError::NoCid(format!("bad recorded CID: {e}")))
}

/// How long one block request may take. There is no deadline for a whole fetch: a large DAG
/// takes as long as it takes while blocks keep coming.
const BLOCK_DEADLINE: Duration = Duration::from_secs(60);

/// Largest block accepted from the daemon: IPFS itself refuses blocks over 2 MiB (its bitswap
/// limit), so a longer answer is refused as it streams in, before it is buffered.
pub const MAX_BLOCK_BYTES: usize = 2 << 20;

/// Bounds on what [`write_out_within`] writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
	/// Most bytes of file content.
	pub max_bytes: u64,
	/// Most files.
	pub max_files: u64,
}

impl Limits {
	/// No bounds beyond the DAG's own.
	pub const NONE: Limits = Limits { max_bytes: u64::MAX, max_files: u64::MAX };
}

fn dag_err(e: DagError) -> ContentError {
	match e {
		DagError::Mismatch(cid) =>
			ContentError::Verification { cid, why: "a block does not hash to its CID".into() },
		DagError::Malformed { cid, why } => ContentError::Verification { cid, why },
		DagError::Unsupported(why) => ContentError::NoCid(why),
	}
}

/// One block from the daemon, within [`BLOCK_DEADLINE`].
async fn get_block(ipfs: &IpfsClient, cid: &Cid) -> Result<Vec<u8>, ContentError> {
	let text = cid.to_string();
	tokio::time::timeout(BLOCK_DEADLINE, async {
		let mut block = Vec::new();
		let mut chunks = ipfs.block_get(&text);
		while let Some(chunk) = chunks.try_next().await.map_err(ipfs_err)? {
			if block.len() + chunk.len() > MAX_BLOCK_BYTES {
				return Err(ContentError::TooLarge(format!(
					"block {text} is larger than {MAX_BLOCK_BYTES} bytes"
				)));
			}
			block.extend_from_slice(&chunk);
		}
		Ok(block)
	})
	.await
	.map_err(|_| {
		ContentError::Ipfs(format!("block/get {text}: no answer within {BLOCK_DEADLINE:?}"))
	})?
}

/// Make sure every block of the DAG under `root` is in the cache, each checked against its CID;
/// blocks the cache lacks (or held tampered) come from `ipfs`, or, offline (`None`), the fetch
/// fails with [`ContentError::NotCached`]. `on_block` is told the size of each block fetched.
pub async fn fetch_dag(
	ipfs: Option<&IpfsClient>,
	cache: &Cache,
	root: &Cid,
	on_block: &(dyn Fn(u64) + Sync),
) -> Result<(), ContentError> {
	fetch_dag_within(ipfs, cache, root, u64::MAX, on_block).await
}

/// [`fetch_dag`], stopping with [`ContentError::TooLarge`] as soon as the DAG's blocks (cached
/// or fetched) add up to more than `max_bytes`: a server that serves content a client names
/// bounds what one request can make it fetch and store.
pub async fn fetch_dag_within(
	ipfs: Option<&IpfsClient>,
	cache: &Cache,
	root: &Cid,
	max_bytes: u64,
	on_block: &(dyn Fn(u64) + Sync),
) -> Result<(), ContentError> {
	let mut stack = vec![*root];
	let mut seen = std::collections::HashSet::new();
	let mut total = 0u64;
	while let Some(cid) = stack.pop() {
		if !seen.insert(cid) {
			continue;
		}
		let block = match cache.lookup(&cid)? {
			Lookup::Hit(block) => block,
			Lookup::Discarded if ipfs.is_none() =>
				return Err(ContentError::Verification {
					cid: cid.to_string(),
					why: "the cached block did not match its CID (tampered or corrupt) and was \
					      discarded; run online to fetch it again"
						.into(),
				}),
			Lookup::Missing | Lookup::Discarded => {
				let Some(ipfs) = ipfs else { return Err(ContentError::NotCached(cid.to_string())) };
				let block = get_block(ipfs, &cid).await?;
				verify_block(&cid, &block).map_err(dag_err)?;
				cache.put_block(&cid, &block)?;
				on_block(block.len() as u64);
				block
			},
		};
		total = total.saturating_add(block.len() as u64);
		if total > max_bytes {
			return Err(ContentError::TooLarge(format!(
				"{root}: its blocks exceed {max_bytes} bytes"
			)));
		}
		match decode(&cid, &block).map_err(dag_err)? {
			Node::File { children, .. } => stack.extend(children.into_iter().rev()),
			Node::Dir(entries) => stack.extend(entries.into_iter().map(|(_, c)| c).rev()),
		}
	}
	Ok(())
}

/// What [`write_out`] wrote.
#[derive(Debug, PartialEq, Eq)]
pub struct Written {
	/// Bytes of file content.
	pub bytes: u64,
	/// Files written (1 for a file).
	pub files: u64,
	/// Files and folders written (what [`Limits::max_files`] bounds).
	pub entries: u64,
	/// Whether the root is a directory.
	pub dir: bool,
}

/// Write the content under `root` from the cache (every block checked again as it is read):
/// a file to `dest` or, without one, to standard output; a directory into `dest`, which must
/// not exist or be empty. Output goes to a temporary name beside `dest` and is renamed into
/// place only when complete, so a failure leaves nothing half-written.
pub fn write_out(cache: &Cache, root: &Cid, dest: Option<&Path>) -> Result<Written, ContentError> {
	write_out_within(cache, root, dest, Limits::NONE)
}

/// [`write_out`], stopping with [`ContentError::TooLarge`] (and removing what it wrote) as soon
/// as the content passes `limits`: a DAG of a few blocks can reference one child millions of
/// times, so the bound is on what is written, not on what is fetched.
pub fn write_out_within(
	cache: &Cache,
	root: &Cid,
	dest: Option<&Path>,
	limits: Limits,
) -> Result<Written, ContentError> {
	let block = cache.need_block(root)?;
	let node = decode(root, &block).map_err(dag_err)?;
	let is_dir = matches!(node, Node::Dir(_));
	let Some(dest) = dest else {
		if is_dir {
			return Err(ContentError::NoCid(format!(
				"{root} is a directory: pass -o DIR to write it"
			)));
		}
		let stdout = io::stdout();
		let mut out = io::BufWriter::new(stdout.lock());
		let bytes = write_file(cache, root, node, &mut out, limits.max_bytes)?;
		out.flush()?;
		return Ok(Written { bytes, files: 1, entries: 1, dir: false });
	};
	if is_dir && dest.exists() && fs::read_dir(dest).map(|mut d| d.next().is_some()).unwrap_or(true)
	{
		return Err(ContentError::Io(io::Error::new(
			io::ErrorKind::AlreadyExists,
			format!("{} exists and is not empty", dest.display()),
		)));
	}
	let name = dest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
	let tmp = dest.with_file_name(format!(".{name}.partial-{}", std::process::id()));
	let result = (|| {
		if let Node::Dir(entries) = node {
			let mut written = Written { bytes: 0, files: 0, entries: 0, dir: true };
			write_dir(cache, entries, &tmp, &mut written, limits)?;
			if dest.exists() {
				fs::remove_dir(dest)?;
			}
			fs::rename(&tmp, dest)?;
			Ok(written)
		} else {
			let mut out = io::BufWriter::new(fs::File::create(&tmp)?);
			let bytes = write_file(cache, root, node, &mut out, limits.max_bytes)?;
			out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
			fs::rename(&tmp, dest)?;
			Ok(Written { bytes, files: 1, entries: 1, dir: false })
		}
	})();
	if result.is_err() {
		let _ = fs::remove_file(&tmp);
		let _ = fs::remove_dir_all(&tmp);
	}
	result
}

/// Write a file's content: the root's own bytes, then its children's, depth first. A DAG that
/// yields more bytes than its root declares is refused (a small DAG can repeat a child many
/// times).
fn write_file(
	cache: &Cache,
	root: &Cid,
	node: Node,
	out: &mut dyn Write,
	max_bytes: u64,
) -> Result<u64, ContentError> {
	let declared = match &node {
		Node::File { size, .. } => *size,
		Node::Dir(_) => None,
	};
	let mut written = 0u64;
	let mut stack: Vec<Node> = vec![node];
	// Children are visited in order: each node's own data, then its links, first to last.
	let mut pending: Vec<std::vec::IntoIter<Cid>> = Vec::new();
	loop {
		if let Some(node) = stack.pop() {
			match node {
				Node::File { data, children, .. } => {
					written += data.len() as u64;
					if written > max_bytes {
						return Err(ContentError::TooLarge(format!(
							"{root}: more than {max_bytes} bytes"
						)));
					}
					out.write_all(&data)?;
					if declared.is_some_and(|d| written > d) {
						return Err(ContentError::Verification {
							cid: root.to_string(),
							why: "the DAG holds more bytes than its root declares".into(),
						});
					}
					pending.push(children.into_iter());
				},
				Node::Dir(_) =>
					return Err(ContentError::Verification {
						cid: root.to_string(),
						why: "a directory inside a file".into(),
					}),
			}
			continue;
		}
		let Some(next) = pending.last_mut() else { break };
		match next.next() {
			Some(cid) => {
				let block = cache.need_block(&cid)?;
				stack.push(decode(&cid, &block).map_err(dag_err)?);
			},
			None => {
				pending.pop();
			},
		}
	}
	if declared.is_some_and(|d| written != d) {
		return Err(ContentError::Verification {
			cid: root.to_string(),
			why: format!("{written} bytes, the root declares {}", declared.unwrap_or(0)),
		});
	}
	Ok(written)
}

fn write_dir(
	cache: &Cache,
	entries: Vec<(String, Cid)>,
	dir: &Path,
	written: &mut Written,
	limits: Limits,
) -> Result<(), ContentError> {
	fs::create_dir_all(dir)?;
	for (name, cid) in entries {
		// Folders count too: a DAG of a few blocks can nest one folder millions of times.
		written.entries += 1;
		if written.entries > limits.max_files {
			return Err(ContentError::TooLarge(format!(
				"more than {} files and folders",
				limits.max_files
			)));
		}
		// `decode` refused names that are not one plain component.
		let path = dir.join(&name);
		let block = cache.need_block(&cid)?;
		match decode(&cid, &block).map_err(dag_err)? {
			Node::Dir(inner) => write_dir(cache, inner, &path, written, limits)?,
			file => {
				let mut out = io::BufWriter::new(fs::File::create(&path)?);
				let left = limits.max_bytes.saturating_sub(written.bytes);
				written.bytes += write_file(cache, &cid, file, &mut out, left)?;
				out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
				written.files += 1;
			},
		}
	}
	Ok(())
}

/// What the cache holds for a CID.
pub enum Lookup {
	/// The block, checked against its CID.
	Hit(Vec<u8>),
	/// Nothing.
	Missing,
	/// A block that did not match its CID (tampered or corrupt): reported and deleted.
	Discarded,
}

/// This process's effective user id.
pub(crate) fn user_id() -> u32 {
	// SAFETY: `geteuid` has no preconditions and cannot fail.
	unsafe { libc::geteuid() }
}

/// Create `dir` (mode 0700 when new) and check that this user owns it and that it is not a
/// symbolic link; a folder of ours that group or others may write to (made by an older modreg
/// under a permissive umask) is made private (0700) rather than refused.
pub fn make_private_dir(dir: &Path) -> io::Result<()> {
	use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
	if let Err(e) = fs::DirBuilder::new().recursive(true).mode(0o700).create(dir) {
		if e.kind() != io::ErrorKind::AlreadyExists {
			return Err(e);
		}
	}
	let meta = fs::symlink_metadata(dir)?;
	let refuse = |why: &str| {
		Err(io::Error::new(
			io::ErrorKind::PermissionDenied,
			format!("{}: {why}; choose another cache folder (--cache-dir)", dir.display()),
		))
	};
	if meta.file_type().is_symlink() {
		return refuse("is a symbolic link");
	}
	if !meta.is_dir() {
		return refuse("is not a folder");
	}
	if meta.uid() != user_id() {
		return refuse("belongs to another user, who could plant content in it");
	}
	if meta.mode() & 0o022 != 0 {
		fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
		if fs::symlink_metadata(dir)?.mode() & 0o022 != 0 {
			return refuse("can be written by other users (group or world writable)");
		}
	}
	Ok(())
}

/// A content cache of blocks keyed by CID, under the user's cache folder, bounded in bytes.
/// Every block is checked against its CID when it is read, so a tampered or truncated block is
/// detected (reported, deleted, and fetched again when online), whatever file it belongs to.
pub struct Cache {
	dir: PathBuf,
	max_bytes: u64,
}

impl Cache {
	/// The default folder: `$XDG_CACHE_HOME/modreg` or `~/.cache/modreg`; with neither set,
	/// `modreg-<uid>` in the system's temporary folder (which [`Cache::new`] accepts only if
	/// this user owns it).
	pub fn default_dir() -> PathBuf {
		std::env::var_os("XDG_CACHE_HOME")
			.map(|d| PathBuf::from(d).join("modreg"))
			.or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/modreg")))
			.unwrap_or_else(|| std::env::temp_dir().join(format!("modreg-{}", user_id())))
	}

	/// A cache in `dir` holding at most `max_bytes` of blocks. The folder and its `blocks`
	/// folder must belong to this user and be writable by nobody else (another user could
	/// otherwise plant blocks or key files in it); a new folder is made private (mode 0700).
	pub fn new(dir: PathBuf, max_bytes: u64) -> io::Result<Self> {
		make_private_dir(&dir)?;
		make_private_dir(&dir.join("blocks"))?;
		Ok(Self { dir, max_bytes })
	}

	/// The cache folder.
	pub fn dir(&self) -> &Path {
		&self.dir
	}

	fn block_path(&self, cid: &Cid) -> PathBuf {
		self.dir.join("blocks").join(cid.to_string())
	}

	/// The cached block `cid`, checked; a block that does not match is reported, deleted, and
	/// `Ok(None)` returned.
	pub fn get_block(&self, cid: &Cid) -> Result<Option<Vec<u8>>, ContentError> {
		Ok(match self.lookup(cid)? {
			Lookup::Hit(block) => Some(block),
			Lookup::Missing | Lookup::Discarded => None,
		})
	}

	/// The cached block `cid`, checked: found, missing, or found not to match its CID (then
	/// reported and deleted).
	pub fn lookup(&self, cid: &Cid) -> Result<Lookup, ContentError> {
		let path = self.block_path(cid);
		let Ok(block) = fs::read(&path) else { return Ok(Lookup::Missing) };
		match verify_block(cid, &block) {
			Ok(()) => {
				// Recently used blocks are evicted last.
				let _ = fs::File::options()
					.append(true)
					.open(&path)
					.and_then(|f| f.set_modified(std::time::SystemTime::now()));
				Ok(Lookup::Hit(block))
			},
			Err(DagError::Mismatch(_)) => {
				eprintln!("warning: the cached block {cid} does not match its CID; discarded");
				let _ = fs::remove_file(&path);
				Ok(Lookup::Discarded)
			},
			Err(e) => Err(dag_err(e)),
		}
	}

	/// A block that must be in the cache (after [`fetch_dag`]).
	fn need_block(&self, cid: &Cid) -> Result<Vec<u8>, ContentError> {
		self.get_block(cid)?.ok_or_else(|| ContentError::Verification {
			cid: cid.to_string(),
			why: "the block went missing from the cache, or was tampered with, while it was being read".into(),
		})
	}

	/// Store a checked block.
	pub fn put_block(&self, cid: &Cid, block: &[u8]) -> io::Result<()> {
		let path = self.block_path(cid);
		// Unique per writer, so two tasks storing the same block do not share a temporary file.
		static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
		let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
		let tmp = path.with_extension(format!("partial-{}-{n}", std::process::id()));
		fs::write(&tmp, block)?;
		fs::rename(&tmp, &path)
	}

	/// Remove the least recently used blocks until the cache is within its bound.
	pub fn evict(&self) -> io::Result<()> {
		let mut entries: Vec<(std::time::SystemTime, u64, PathBuf)> =
			fs::read_dir(self.dir.join("blocks"))?
				.filter_map(|e| e.ok())
				.filter_map(|e| {
					let m = e.metadata().ok()?;
					Some((m.modified().ok()?, m.len(), e.path()))
				})
				.collect();
		let mut total: u64 = entries.iter().map(|e| e.1).sum();
		entries.sort();
		for (_, len, path) in entries {
			if total <= self.max_bytes {
				break;
			}
			fs::remove_file(&path)?;
			total -= len;
		}
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::dag::{RAW, SHA2_256};
	use sha2::{Digest, Sha256};

	fn raw_cid(content: &[u8]) -> Cid {
		let mh = cid::multihash::Multihash::<64>::wrap(SHA2_256, &Sha256::digest(content)).unwrap();
		Cid::new_v1(RAW, mh)
	}

	#[test]
	fn the_cache_discards_tampered_blocks_and_stays_bounded() {
		let dir = std::env::temp_dir().join(format!("modreg-cache-test-{}", std::process::id()));
		let cache = Cache::new(dir.clone(), 12).unwrap();
		let (a, b) = (raw_cid(b"aaaaaaaa"), raw_cid(b"bbbbbbbb"));
		cache.put_block(&a, b"aaaaaaaa").unwrap();
		assert_eq!(cache.get_block(&a).unwrap().as_deref(), Some(&b"aaaaaaaa"[..]));
		std::thread::sleep(Duration::from_millis(20));
		cache.put_block(&b, b"bbbbbbbb").unwrap();
		cache.evict().unwrap();
		// 16 bytes > 12: the older block went.
		assert_eq!(cache.get_block(&a).unwrap(), None);
		fs::write(dir.join("blocks").join(b.to_string()), b"tampered").unwrap();
		assert_eq!(cache.get_block(&b).unwrap(), None);
		assert!(!dir.join("blocks").join(b.to_string()).exists());
		let _ = fs::remove_dir_all(dir);
	}

	#[test]
	fn values_name_their_cid() {
		let cid = raw_cid(b"x");
		assert_eq!(cid_of_value(cid.to_string().as_bytes()).unwrap(), cid);
		let json = format!(r#"{{"name":"m","cid":"{cid}"}}"#);
		assert_eq!(cid_of_value(json.as_bytes()).unwrap(), cid);
		assert!(cid_of_value(br#"{"name":"m"}"#).is_err());
	}
	/// A cache folder another user could write to is refused: a symbolic link, or (checked
	/// when the tests run as root, which can hand a folder to another user) owned by someone
	/// else. A new folder is private, and one of ours that was not is made private.
	#[test]
	fn cache_folders_must_be_private() {
		use std::os::unix::fs::PermissionsExt;
		let base = tempfile::tempdir().unwrap();
		let fresh = base.path().join("fresh");
		Cache::new(fresh.clone(), 1).unwrap();
		let mode = fs::metadata(&fresh).unwrap().permissions().mode() & 0o777;
		assert_eq!(mode, 0o700);

		// A folder of ours that others could write to (an older modreg under umask 002) is
		// made private, not refused.
		let open = base.path().join("open");
		fs::create_dir(&open).unwrap();
		fs::set_permissions(&open, fs::Permissions::from_mode(0o777)).unwrap();
		Cache::new(open.clone(), 1).unwrap();
		assert_eq!(fs::metadata(&open).unwrap().permissions().mode() & 0o777, 0o700);

		let link = base.path().join("link");
		std::os::unix::fs::symlink(&fresh, &link).unwrap();
		assert!(Cache::new(link, 1).is_err());

		if user_id() == 0 {
			let theirs = base.path().join("theirs");
			fs::create_dir(&theirs).unwrap();
			std::os::unix::fs::chown(&theirs, Some(65534), Some(65534)).unwrap();
			let err = Cache::new(theirs, 1).err().unwrap();
			assert!(err.to_string().contains("another user"), "{err}");
		}
	}
	/// A DAG of three blocks can name a file a million times over, or a folder that holds
	/// itself: what is written is bounded, and a partial write is removed.
	#[test]
	fn writes_stop_at_their_limits() {
		use crate::dag::{PbLink, PbNode, UnixFsData, DAG_PB};
		use prost::Message;
		let pb_cid = |block: &[u8]| {
			let mh =
				cid::multihash::Multihash::<64>::wrap(SHA2_256, &Sha256::digest(block)).unwrap();
			Cid::new_v1(DAG_PB, mh)
		};
		let pb = |kind: i32, links: Vec<(String, Cid)>| {
			let fs = UnixFsData { kind: Some(kind), data: Some(Vec::new()), filesize: None };
			PbNode {
				data: Some(fs.encode_to_vec()),
				links: links
					.into_iter()
					.map(|(n, c)| PbLink { hash: Some(c.to_bytes()), name: Some(n), tsize: None })
					.collect(),
			}
			.encode_to_vec()
		};
		let base = tempfile::tempdir().unwrap();
		let cache = Cache::new(base.path().join("cache"), 1 << 30).unwrap();
		let leaf = b"0123456789".to_vec();
		let leaf_cid = raw_cid(&leaf);
		cache.put_block(&leaf_cid, &leaf).unwrap();
		// A file of 1,000 references to one 10-byte leaf: 10,000 bytes from two blocks.
		let file = pb(2, (0..1000).map(|_| (String::new(), leaf_cid)).collect());
		let file_cid = pb_cid(&file);
		cache.put_block(&file_cid, &file).unwrap();
		let out = base.path().join("out.bin");
		let limits = Limits { max_bytes: 5_000, max_files: 10 };
		let err = write_out_within(&cache, &file_cid, Some(&out), limits).unwrap_err();
		assert!(matches!(err, ContentError::TooLarge(_)), "{err}");
		assert!(!out.exists());
		let whole = write_out_within(&cache, &file_cid, Some(&out), Limits::NONE).unwrap();
		assert_eq!(whole.bytes, 10_000);
		// A folder of 50 names for the same leaf, inside a folder of 50 names for that folder.
		let inner = pb(1, (0..50).map(|i| (format!("f{i}"), leaf_cid)).collect());
		let inner_cid = pb_cid(&inner);
		cache.put_block(&inner_cid, &inner).unwrap();
		let outer = pb(1, (0..50).map(|i| (format!("d{i}"), inner_cid)).collect());
		let outer_cid = pb_cid(&outer);
		cache.put_block(&outer_cid, &outer).unwrap();
		let dir = base.path().join("tree");
		let limits = Limits { max_bytes: u64::MAX, max_files: 1_000 };
		let err = write_out_within(&cache, &outer_cid, Some(&dir), limits).unwrap_err();
		assert!(matches!(err, ContentError::TooLarge(_)), "{err}");
		assert!(!dir.exists(), "nothing is left behind");
		let fits = Limits { max_bytes: u64::MAX, max_files: 2_550 };
		let done = write_out_within(&cache, &outer_cid, Some(&dir), fits).unwrap();
		assert_eq!((done.files, done.entries, done.bytes), (2_500, 2_550, 25_000));
	}
}
