//! IPFS access (through `ipfs-api-backend-hyper`) and the local content cache.

use cid::Cid;
use futures::TryStreamExt;
use ipfs_api_backend_hyper::{request::Add, Form, IpfsApi, IpfsClient, TryFromUri};
use ipfs_api_prelude::Backend;
use module_registry_primitives::validation;
use sha2::{Digest, Sha256};
use std::{
	fs,
	io::{self, Read},
	path::{Path, PathBuf},
	time::Duration,
};

/// The multihash code of sha2-256.
const SHA2_256: u64 = 0x12;
/// The multicodec of raw blocks.
const RAW: u64 = 0x55;

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

async fn with_deadline<T>(
	what: &str,
	f: impl std::future::Future<Output = Result<T, ContentError>>,
) -> Result<T, ContentError> {
	tokio::time::timeout(Duration::from_secs(60), f)
		.await
		.map_err(|_| ContentError::Ipfs(format!("{what}: no answer within 60 s")))?
}

/// Fetch the content and the root block of `cid` from the daemon.
pub async fn fetch(ipfs: &IpfsClient, cid: &Cid) -> Result<(Vec<u8>, Vec<u8>), ContentError> {
	let text = cid.to_string();
	let root = with_deadline("block/get", async {
		ipfs.block_get(&text).map_ok(|b| b.to_vec()).try_concat().await.map_err(ipfs_err)
	})
	.await?;
	let content = with_deadline("cat", async {
		ipfs.cat(&text).map_ok(|b| b.to_vec()).try_concat().await.map_err(ipfs_err)
	})
	.await?;
	Ok((content, root))
}

/// Check content against its CID: for a raw CID, sha256 of the content is the digest; for any
/// other codec (dag-pb), the root block must hash to the digest (the file itself is a DAG of
/// blocks that the daemon checked when it fetched them).
pub fn verify(cid: &Cid, content: &[u8], root: &[u8]) -> Result<(), ContentError> {
	let fail = |why: String| ContentError::Verification { cid: cid.to_string(), why };
	if cid.hash().code() != SHA2_256 {
		return Err(fail(format!(
			"hash 0x{:x} is not sha2-256; cannot check it",
			cid.hash().code()
		)));
	}
	let digest = cid.hash().digest();
	if Sha256::digest(root).as_slice() != digest {
		return Err(fail("the root block does not hash to the CID".into()));
	}
	if cid.codec() == RAW && content != root {
		return Err(fail("the content differs from its raw block".into()));
	}
	Ok(())
}

/// A size-bounded content cache keyed by CID, under the user's cache folder.
pub struct Cache {
	dir: PathBuf,
	max_bytes: u64,
}

impl Cache {
	/// The default folder: `$XDG_CACHE_HOME/modreg` or `~/.cache/modreg`.
	pub fn default_dir() -> PathBuf {
		std::env::var_os("XDG_CACHE_HOME")
			.map(PathBuf::from)
			.or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
			.unwrap_or_else(std::env::temp_dir)
			.join("modreg")
	}

	/// A cache in `dir` holding at most `max_bytes`.
	pub fn new(dir: PathBuf, max_bytes: u64) -> io::Result<Self> {
		fs::create_dir_all(&dir)?;
		Ok(Self { dir, max_bytes })
	}

	/// The cache folder.
	pub fn dir(&self) -> &Path {
		&self.dir
	}

	fn paths(&self, cid: &Cid) -> (PathBuf, PathBuf) {
		let name = cid.to_string();
		(self.dir.join(format!("{name}.data")), self.dir.join(format!("{name}.root")))
	}

	/// The cached content of `cid`, verified; an entry that fails verification is deleted and
	/// `Ok(None)` returned.
	pub fn get(&self, cid: &Cid) -> Result<Option<Vec<u8>>, ContentError> {
		let (data, root) = self.paths(cid);
		let (Ok(content), Ok(root_block)) = (fs::read(&data), fs::read(&root)) else {
			return Ok(None)
		};
		match verify(cid, &content, &root_block) {
			Ok(()) => Ok(Some(content)),
			Err(e) => {
				eprintln!("warning: discarding the cached copy of {cid}: {e}");
				let _ = fs::remove_file(&data);
				let _ = fs::remove_file(&root);
				Ok(None)
			},
		}
	}

	/// Store verified content, then evict the least recently written entries over the bound.
	pub fn put(&self, cid: &Cid, content: &[u8], root: &[u8]) -> io::Result<()> {
		if content.len() as u64 > self.max_bytes {
			return Ok(());
		}
		let (data, root_path) = self.paths(cid);
		let tmp = data.with_extension("partial");
		fs::write(&tmp, content)?;
		fs::write(&root_path, root)?;
		fs::rename(&tmp, &data)?;
		self.evict()
	}

	fn evict(&self) -> io::Result<()> {
		let mut entries: Vec<(std::time::SystemTime, u64, PathBuf)> = fs::read_dir(&self.dir)?
			.filter_map(|e| e.ok())
			.filter(|e| e.path().extension().is_some_and(|x| x == "data"))
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
			let _ = fs::remove_file(path.with_extension("root"));
			fs::remove_file(&path)?;
			total -= len;
		}
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn raw_cid(content: &[u8]) -> Cid {
		let mh = cid::multihash::Multihash::<64>::wrap(SHA2_256, &Sha256::digest(content)).unwrap();
		Cid::new_v1(RAW, mh)
	}

	#[test]
	fn raw_content_verifies_and_tampering_does_not() {
		let cid = raw_cid(b"hello");
		assert!(verify(&cid, b"hello", b"hello").is_ok());
		assert!(verify(&cid, b"hellO", b"hellO").is_err());
		assert!(verify(&cid, b"other", b"hello").is_err());
	}

	#[test]
	fn the_cache_discards_tampered_entries_and_stays_bounded() {
		let dir = std::env::temp_dir().join(format!("modreg-cache-test-{}", std::process::id()));
		let cache = Cache::new(dir.clone(), 12).unwrap();
		let (a, b) = (raw_cid(b"aaaaaaaa"), raw_cid(b"bbbbbbbb"));
		cache.put(&a, b"aaaaaaaa", b"aaaaaaaa").unwrap();
		assert_eq!(cache.get(&a).unwrap().as_deref(), Some(&b"aaaaaaaa"[..]));
		std::thread::sleep(Duration::from_millis(20));
		cache.put(&b, b"bbbbbbbb", b"bbbbbbbb").unwrap();
		// 16 bytes > 12: the older entry went.
		assert_eq!(cache.get(&a).unwrap(), None);
		fs::write(dir.join(format!("{b}.data")), b"tampered").unwrap();
		assert_eq!(cache.get(&b).unwrap(), None);
		assert!(!dir.join(format!("{b}.data")).exists());
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
}
