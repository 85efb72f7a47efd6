//! The local index: `modreg sync` copies every package and version from chain state into a
//! SQLite file, so `search`, `info` and `resolve` work offline (`--offline`) and say how old
//! their answer is.
//!
//! A sync reads the whole registry at one finalized block (every RPC call names its hash), so
//! the index is a consistent snapshot, and replaces the previous one in a single transaction: an
//! interrupted sync leaves the old index intact. Searching uses SQLite's FTS5 over name,
//! description, keywords and author, ranked by `bm25`. Resolution uses the chain's own rule
//! (`module_registry_primitives::registry::resolve`) over the stored versions.

use crate::{chain::Chain, Failure};
use file_registry::exit;
use module_registry_primitives::registry::{self, Range};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use serde_json::{json, Value as Json};
use std::{
	path::{Path, PathBuf},
	time::{SystemTime, UNIX_EPOCH},
};
use subxt::rpcs::client::rpc_params;

/// The index's schema version (`PRAGMA user_version`). 2 added a covering index for
/// resolution; 3 replaced it with one in precedence order (`release_key`). `sync` brings an
/// index of an older schema up to date inside its own transaction; the offline commands ask for a
/// `sync` first.
const SCHEMA_VERSION: i64 = 3;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS packages (name TEXT PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS versions (
	name TEXT NOT NULL, version TEXT NOT NULL, yanked INTEGER NOT NULL, json TEXT NOT NULL,
	release_key BLOB,
	PRIMARY KEY (name, version));
-- Resolution walks one package's versions from the highest release down and stops at the first
-- that fits, reading only this index (not the rows and their JSON).
CREATE INDEX IF NOT EXISTS versions_order ON versions (name, release_key DESC, version, yanked);
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(name, description, keywords, author);
";

/// What an index of schema 1 or 2 lacks. `sync` runs it in the transaction that rewrites every
/// row, so the new column is filled before anything reads it, and a failed sync leaves the old
/// index as it was.
const UPGRADE_TO_3: &str = "
ALTER TABLE versions ADD COLUMN release_key BLOB;
DROP INDEX IF EXISTS versions_resolve;
";

/// A version's `major.minor.patch` as 24 big-endian bytes, so that SQLite's byte order of keys
/// is the order of precedence of releases. A pre-release shares its release's key; among the
/// rows of one key, [`registry::resolve`] chooses. `NULL` for text that is not a version.
fn release_key(version: &str) -> Option<Vec<u8>> {
	let v = registry::parse_version(version).ok()?;
	Some([v.major, v.minor, v.patch].iter().flat_map(|n| n.to_be_bytes()).collect())
}

/// The default index file: `~/.cache/modreg/index.sqlite`.
pub fn default_path() -> PathBuf {
	crate::content::Cache::default_dir().join("index.sqlite")
}

fn db_err(e: impl std::fmt::Display) -> Failure {
	Failure(exit::OTHER, format!("index: {e}"))
}

/// Open the index for `sync`, refusing one that a newer modreg wrote; [`write_snapshot`] brings
/// the schema up to date.
fn open(path: &Path) -> Result<(Connection, i64), Failure> {
	if let Some(dir) = path.parent() {
		// The default index lives in the cache folder, under the cache's rule: this user's,
		// private (another user could otherwise plant an index that `--offline` believes).
		if path == default_path() {
			crate::content::make_private_dir(dir).map_err(db_err)?;
		} else {
			std::fs::create_dir_all(dir).map_err(db_err)?;
		}
	}
	let db = Connection::open(path).map_err(db_err)?;
	let version: i64 = db.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(db_err)?;
	if version > SCHEMA_VERSION {
		return Err(Failure(
			exit::OTHER,
			format!("{} was made by a newer modreg; sync again", path.display()),
		));
	}
	Ok((db, version))
}

/// Open an index that `sync` wrote, read-only: the offline commands never write, so a read
/// takes no lock and no fsync, and works on an index in a read-only directory.
fn open_existing(path: &Path) -> Result<Connection, Failure> {
	if !path.exists() {
		return Err(Failure(
			exit::NOT_FOUND,
			format!("no index at {}; run `modreg sync` first", path.display()),
		));
	}
	let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
	let db = Connection::open_with_flags(path, flags).map_err(db_err)?;
	let version: i64 = db.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(db_err)?;
	match version {
		SCHEMA_VERSION => Ok(db),
		0 => Err(Failure(
			exit::NOT_FOUND,
			format!("{} holds no index; run `modreg sync` first", path.display()),
		)),
		_ => Err(Failure(
			exit::OTHER,
			format!(
				"{} was made by another modreg (schema {version}, this one reads {SCHEMA_VERSION}); \
				 run `modreg sync` again",
				path.display()
			),
		)),
	}
}

fn now() -> u64 {
	SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or_default()
}

/// How old the index is: `{"syncedAt", "ageSeconds", "block", "blockHash", "node"}`.
pub fn age(db: &Connection) -> Result<Json, Failure> {
	let mut meta = std::collections::HashMap::new();
	let mut stmt = db.prepare("SELECT key, value FROM meta").map_err(db_err)?;
	let mut rows = stmt.query([]).map_err(db_err)?;
	while let Some(row) = rows.next().map_err(db_err)? {
		meta.insert(
			row.get::<_, String>(0).map_err(db_err)?,
			row.get::<_, String>(1).map_err(db_err)?,
		);
	}
	let get = |k: &str| meta.get(k).cloned();
	let synced: u64 = get("synced_at").and_then(|s| s.parse().ok()).unwrap_or_default();
	Ok(json!({
		"syncedAt": synced,
		"ageSeconds": now().saturating_sub(synced),
		"block": get("block").and_then(|s| s.parse::<u64>().ok()),
		"blockHash": get("block_hash"),
		"node": get("node"),
	}))
}

/// A line saying how old the index is, for people.
pub fn age_line(age: &Json) -> String {
	let secs = age["ageSeconds"].as_u64().unwrap_or_default();
	let when = match secs {
		0..=119 => format!("{secs} s"),
		120..=7199 => format!("{} min", secs / 60),
		_ => format!("{} h", secs / 3600),
	};
	format!(
		"index synced {when} ago at block #{} from {}",
		age["block"],
		age["node"].as_str().unwrap_or("?")
	)
}

/// One package of a snapshot: its name, the node's package JSON, its versions (each with the
/// `metadata` of its document).
type Snapshot = Vec<(String, Json, Vec<Json>)>;

/// `modreg sync`: copy every package, version and version metadata at the finalized head.
/// `on_package` is told of each package copied, for a progress bar.
pub async fn sync(
	chain: &Chain,
	node: &str,
	path: &Path,
	on_package: &(dyn Fn() + Sync),
) -> Result<Json, Failure> {
	let head: String =
		serde_json::from_value(chain.rpc("chain_getFinalizedHead", rpc_params![]).await?)
			.map_err(|e| Failure(exit::UNREACHABLE, format!("chain_getFinalizedHead: {e}")))?;
	let header = chain.rpc("chain_getHeader", rpc_params![&head]).await?;
	let block = header["number"]
		.as_str()
		.and_then(|n| u64::from_str_radix(n.trim_start_matches("0x"), 16).ok())
		.unwrap_or_default();

	let packages = chain.all_pages("moduleRegistry_listPackages", &[], "name", Some(&head)).await?;
	let mut rows = Vec::with_capacity(packages.len());
	for package in packages {
		let name = package["name"].as_str().unwrap_or_default().to_owned();
		let mut versions =
			chain.all_pages("moduleRegistry_versions", &[&name], "version", Some(&head)).await?;
		// Each version's document holds its metadata (description, keywords, …).
		for v in versions.iter_mut() {
			let key = v["entryKey"].as_str().unwrap_or_default().to_owned();
			let doc = chain.rpc("moduleRegistry_getModule", rpc_params![&key, &head]).await?;
			v["metadata"] = modreg::metadata::document_metadata(&doc);
		}
		rows.push((name, package, versions));
		on_package();
	}
	write_snapshot(path, &rows, block, &head, node)
}

/// `modreg sync --gateway URL`: the same snapshot from a gateway's `/v1/index.json` (one request;
/// the gateway's `registry` field carries every version), at the block the gateway has indexed.
pub async fn sync_from_gateway(gateway: &str, path: &Path) -> Result<Json, Failure> {
	let url = format!("{}/v1/index.json", gateway.trim_end_matches('/'));
	let index = crate::http::get_json(&url).await?;
	let Some(modules) = index["modules"].as_object() else {
		return Err(Failure(
			exit::UNREACHABLE,
			format!("{url}: not a registry index (no `modules`)"),
		));
	};
	let mut rows = Vec::with_capacity(modules.len());
	for (name, entry) in modules {
		let record = &entry["registry"];
		let (Some(package), Some(versions)) =
			(record.get("package"), record["versions"].as_array())
		else {
			return Err(Failure(exit::UNREACHABLE,
				format!("{url}: module {name} has no `registry` records (a gateway older than this modreg?)"),
			));
		};
		rows.push((name.clone(), package.clone(), versions.clone()));
	}
	let block = index["block"].as_u64().unwrap_or_default();
	write_snapshot(path, &rows, block, &format!("gateway block #{block}"), gateway)
}

/// Replace the index with `rows`, in one transaction.
fn write_snapshot(
	path: &Path,
	rows: &Snapshot,
	block: u64,
	block_hash: &str,
	source: &str,
) -> Result<Json, Failure> {
	let version_count: usize = rows.iter().map(|(_, _, v)| v.len()).sum();
	let (mut db, schema) = open(path)?;
	let tx = db.transaction().map_err(db_err)?;
	if (1..SCHEMA_VERSION).contains(&schema) {
		tx.execute_batch(UPGRADE_TO_3).map_err(db_err)?;
	}
	tx.execute_batch(SCHEMA).map_err(db_err)?;
	tx.execute_batch(&format!("PRAGMA user_version = {SCHEMA_VERSION}")).map_err(db_err)?;
	tx.execute_batch(
		"DELETE FROM packages; DELETE FROM versions; DELETE FROM search; DELETE FROM meta;",
	)
	.map_err(db_err)?;
	for (name, package, versions) in rows {
		tx.execute(
			"INSERT INTO packages (name, json) VALUES (?1, ?2)",
			params![name, package.to_string()],
		)
		.map_err(db_err)?;
		for v in versions {
			let version = v["version"].as_str();
			tx.execute(
				"INSERT INTO versions (name, version, yanked, json, release_key) \
				 VALUES (?1, ?2, ?3, ?4, ?5)",
				params![
					name,
					version,
					v["yanked"] == true,
					v.to_string(),
					version.and_then(release_key)
				],
			)
			.map_err(db_err)?;
		}
		// Search the metadata of the version `latest` resolves to, else of the newest version.
		let latest = package["latest"].as_str();
		let meta = versions
			.iter()
			.find(|v| v["version"].as_str() == latest)
			.or(versions.last())
			.map(|v| v["metadata"].clone())
			.unwrap_or(Json::Null);
		let text = |field: &str| modreg::metadata::text(&meta[field]);
		tx.execute(
			"INSERT INTO search (name, description, keywords, author) VALUES (?1, ?2, ?3, ?4)",
			params![name, text("description"), text("keywords"), text("author")],
		)
		.map_err(db_err)?;
	}
	for (k, v) in [
		("synced_at", now().to_string()),
		("block", block.to_string()),
		("block_hash", block_hash.to_owned()),
		("node", source.to_owned()),
	] {
		tx.execute("INSERT INTO meta (key, value) VALUES (?1, ?2)", params![k, v])
			.map_err(db_err)?;
	}
	tx.commit().map_err(db_err)?;
	Ok(json!({
		"ok": true, "index": path, "block": block, "blockHash": block_hash, "source": source,
		"packages": rows.len(), "versions": version_count,
	}))
}

/// Packages whose name, description, keywords or author match `query`, best first.
pub fn search(path: &Path, query: &str) -> Result<(Vec<Json>, Json), Failure> {
	let db = open_existing(path)?;
	// Each word as a quoted prefix term, so punctuation in a query is not FTS syntax.
	let terms: Vec<String> = query
		.split(|c: char| !c.is_alphanumeric())
		.filter(|w| !w.is_empty())
		.map(|w| format!("\"{}\"*", w.to_lowercase()))
		.collect();
	if terms.is_empty() {
		return Err(Failure(exit::USAGE, "search for at least one word".into()));
	}
	let mut stmt = db
		.prepare(
			"SELECT p.json, bm25(search) FROM search JOIN packages p ON p.name = search.name \
			 WHERE search MATCH ?1 ORDER BY bm25(search) LIMIT 100",
		)
		.map_err(db_err)?;
	let hits = stmt
		.query_map([terms.join(" ")], |r| Ok((r.get::<_, String>(0)?, r.get::<_, f64>(1)?)))
		.map_err(db_err)?
		.filter_map(|r| r.ok())
		.filter_map(|(json, rank)| {
			let mut p: Json = serde_json::from_str(&json).ok()?;
			p["score"] = json!(-rank);
			Some(p)
		})
		.collect();
	Ok((hits, age(&db)?))
}

/// Package `name` with its versions, from the index.
pub fn info(path: &Path, name: &str) -> Result<(Json, Json), Failure> {
	let db = open_existing(path)?;
	let name = registry::PackageName::parse(name)
		.map_err(|e| Failure(exit::USAGE, format!("bad package name {name:?}: {e}")))?
		.to_string();
	let package: Option<String> = db
		.query_row("SELECT json FROM packages WHERE name = ?1", [&name], |r| r.get(0))
		.optional()
		.map_err(db_err)?;
	let package = package
		.ok_or_else(|| Failure(exit::NOT_FOUND, format!("no package {name} in the index")))?;
	let mut package: Json = serde_json::from_str(&package).map_err(db_err)?;
	package["versions"] = Json::Array(versions(&db, &name)?);
	Ok((package, age(&db)?))
}

fn versions(db: &Connection, name: &str) -> Result<Vec<Json>, Failure> {
	let mut stmt = db.prepare("SELECT json FROM versions WHERE name = ?1").map_err(db_err)?;
	let mut all: Vec<(Option<registry::Version>, Json)> = stmt
		.query_map([name], |r| r.get::<_, String>(0))
		.map_err(db_err)?
		.filter_map(|r| r.ok())
		.filter_map(|j| serde_json::from_str::<Json>(&j).ok())
		.map(|v| (registry::parse_version(v["version"].as_str().unwrap_or_default()).ok(), v))
		.collect();
	all.sort_by(|(a, _), (b, _)| match (a, b) {
		(Some(a), Some(b)) => a.cmp_precedence(b),
		_ => std::cmp::Ordering::Equal,
	});
	Ok(all.into_iter().map(|(_, v)| v).collect())
}

/// Resolve `range` in package `name` from the index, with the chain's rule.
///
/// Only the version texts and yank flags are read to choose; the one chosen version's JSON is
/// then read and decoded, so the cost does not grow with the size of every version's metadata.
pub fn resolve(path: &Path, name: &str, range: &str) -> Result<(Option<Json>, Json), Failure> {
	let db = open_existing(path)?;
	let name = registry::PackageName::parse(name)
		.map_err(|e| Failure(exit::USAGE, format!("bad package name {name:?}: {e}")))?
		.to_string();
	let range =
		Range::parse(range).map_err(|_| Failure(exit::USAGE, format!("bad range {range:?}")))?;
	// The versions come from the highest release down. Every version of a release outranks
	// every version of a lower one, so the first release with a version that fits holds the
	// answer, which the chain's rule picks among that release's versions (the release itself
	// and its pre-releases). Each text is parsed where SQLite holds it, and the chosen row is
	// read again by the rowid the index carries.
	let mut stmt = db
		.prepare(
			"SELECT release_key, version, yanked, rowid FROM versions WHERE name = ?1 \
			 ORDER BY release_key DESC",
		)
		.map_err(db_err)?;
	let mut rows = stmt.query([&name]).map_err(db_err)?;
	let mut release: Vec<u8> = Vec::new();
	let mut group: Vec<(registry::Version, bool, i64)> = Vec::new();
	let pick = |group: &[(registry::Version, bool, i64)]| {
		registry::resolve(&range, group.iter().map(|(v, yanked, _)| (v, *yanked)))
			.map(|i| group[i].2)
	};
	let mut chosen = None;
	while let Some(row) = rows.next().map_err(db_err)? {
		let key = row.get_ref(0).map_err(db_err)?.as_blob_or_null().map_err(db_err)?;
		let Some(key) = key else {
			// Only text that is not a version has no key; the chain stores none.
			break;
		};
		if key != release.as_slice() {
			chosen = pick(&group);
			if chosen.is_some() {
				break;
			}
			group.clear();
			release.clear();
			release.extend_from_slice(key);
		}
		let text = row.get_ref(1).map_err(db_err)?.as_str().map_err(db_err)?;
		if let Ok(version) = registry::parse_version(text) {
			group.push((version, row.get(2).map_err(db_err)?, row.get(3).map_err(db_err)?));
		}
	}
	let Some(rowid) = chosen.or_else(|| pick(&group)) else {
		return Ok((None, age(&db)?));
	};
	let json: String = db
		.query_row("SELECT json FROM versions WHERE rowid = ?1", [rowid], |r| r.get(0))
		.map_err(db_err)?;
	Ok((Some(serde_json::from_str(&json).map_err(db_err)?), age(&db)?))
}

/// One package's stored versions: each version, whether it is yanked, and its row's id.
type PackageRows = std::rc::Rc<Vec<(registry::Version, bool, i64)>>;

/// The synced index as a snapshot for the dependency resolver (`modreg lock --offline`): the
/// versions and documents `sync` copied at one finalized block, read without the network. A
/// package's versions are read as text and a flag; a row's JSON (the node's record and the
/// document's metadata) only for the versions the resolver looks into.
pub struct IndexSource {
	db: Connection,
	hash: String,
	number: u64,
	rows: std::cell::RefCell<std::collections::HashMap<String, PackageRows>>,
	json: std::cell::RefCell<std::collections::HashMap<i64, std::rc::Rc<Json>>>,
}

impl IndexSource {
	/// Open the index at `path` (made by `sync` from a node: an index from a gateway has no
	/// version documents, so it cannot say what versions need).
	pub fn open(path: &Path) -> Result<IndexSource, Failure> {
		let db = open_existing(path)?;
		let age = age(&db)?;
		let hash = age["blockHash"].as_str().unwrap_or_default().to_owned();
		if !hash.starts_with("0x") {
			return Err(Failure(
				exit::NOT_FOUND,
				format!(
					"{} was synced from a gateway ({hash}); resolving dependencies offline needs \
					 an index synced from a node (`modreg sync`)",
					path.display()
				),
			));
		}
		let number = age["block"].as_u64().unwrap_or_default();
		Ok(IndexSource { db, hash, number, rows: Default::default(), json: Default::default() })
	}

	fn rows_of(&self, name: &str) -> Result<PackageRows, String> {
		if let Some(found) = self.rows.borrow().get(name) {
			return Ok(found.clone());
		}
		let mut stmt = self
			.db
			.prepare_cached("SELECT version, yanked, rowid FROM versions WHERE name = ?1")
			.map_err(|e| e.to_string())?;
		let rows = stmt
			.query_map([name], |r| {
				Ok((r.get::<_, String>(0)?, r.get::<_, bool>(1)?, r.get::<_, i64>(2)?))
			})
			.map_err(|e| e.to_string())?;
		let mut out = Vec::new();
		for row in rows {
			let (text, yanked, id) = row.map_err(|e| e.to_string())?;
			let version = registry::parse_version(&text)
				.map_err(|_| format!("the index lists {name} version {text:?}, not SemVer"))?;
			out.push((version, yanked, id));
		}
		let found = std::rc::Rc::new(out);
		self.rows.borrow_mut().insert(name.to_owned(), found.clone());
		Ok(found)
	}

	/// The stored JSON of `version` of `name` (read once).
	fn json_of(
		&self,
		name: &str,
		version: &registry::Version,
	) -> Result<std::rc::Rc<Json>, String> {
		let rows = self.rows_of(name)?;
		let id = rows
			.iter()
			.find(|(v, _, _)| v == version)
			.map(|(_, _, id)| *id)
			.ok_or_else(|| format!("{name}@{version} is not in the index"))?;
		if let Some(found) = self.json.borrow().get(&id) {
			return Ok(found.clone());
		}
		let text: String = self
			.db
			.prepare_cached("SELECT json FROM versions WHERE rowid = ?1")
			.and_then(|mut stmt| stmt.query_row([id], |r| r.get(0)))
			.map_err(|e| e.to_string())?;
		let json: Json = serde_json::from_str(&text).map_err(|e| format!("index: {e}"))?;
		if json["name"].as_str() != Some(name) {
			return Err(format!("the index holds {} under {name}", json["name"]));
		}
		let json = std::rc::Rc::new(json);
		self.json.borrow_mut().insert(id, json.clone());
		Ok(json)
	}
}

impl modreg::graph::Source for IndexSource {
	fn versions(
		&self,
		package: &registry::PackageName,
	) -> Result<Vec<modreg::graph::Candidate>, String> {
		Ok(self
			.rows_of(&package.to_string())?
			.iter()
			.map(|(version, yanked, _)| modreg::graph::Candidate {
				version: version.clone(),
				yanked: *yanked,
			})
			.collect())
	}

	fn dependencies(
		&self,
		package: &registry::PackageName,
		version: &registry::Version,
	) -> Result<Result<registry::Dependencies, String>, String> {
		let name = package.to_string();
		let json = self.json_of(&name, version)?;
		// `sync` stores each version with its document's metadata (`null` when it has none);
		// a row without the field was not written by it.
		let Some(metadata) = json.get("metadata") else {
			return Err(format!("the index has no metadata for {name}@{version}; sync again"));
		};
		Ok(crate::deps::dependencies_of(&name, version, metadata))
	}
}

impl crate::deps::Snapshot for IndexSource {
	fn as_source(&self) -> &dyn modreg::graph::Source {
		self
	}
	fn view(&self, package: &str, version: &registry::Version) -> Option<Json> {
		let mut json = (*self.json_of(package, version).ok()?).clone();
		if let Some(o) = json.as_object_mut() {
			o.remove("metadata");
		}
		Some(json)
	}
	fn block(&self) -> (String, u64) {
		(self.hash.clone(), self.number)
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn version(v: &str, yanked: bool) -> Json {
		json!({"version": v, "yanked": yanked, "cid": format!("cid-{v}"),
			"metadata": {"description": "d".repeat(2_000)}})
	}

	fn synced() -> (tempfile::TempDir, PathBuf) {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("index.sqlite");
		let versions = ["1.0.0", "1.2.0", "1.10.0", "1.11.0-rc.1", "2.0.0"]
			.iter()
			.map(|v| version(v, *v == "1.10.0"))
			.collect();
		let rows =
			vec![("ns/pkg".to_owned(), json!({"name": "ns/pkg", "latest": "2.0.0"}), versions)];
		write_snapshot(&path, &rows, 7, "0xabc", "ws://node").unwrap();
		(dir, path)
	}

	#[test]
	fn resolves_with_the_chains_rule_and_never_writes() {
		let (_dir, path) = synced();
		let before = std::fs::read(&path).unwrap();
		let pick =
			|range: &str| resolve(&path, "ns/pkg", range).unwrap().0.map(|v| v["version"].clone());
		// 1.10.0 is yanked, the pre-release does not match a plain range: 1.2.0.
		assert_eq!(pick("^1"), Some(json!("1.2.0")));
		// An exact pin still installs a yanked version.
		assert_eq!(pick("=1.10.0"), Some(json!("1.10.0")));
		assert_eq!(pick("latest"), Some(json!("2.0.0")));
		assert_eq!(pick("^3"), None);
		let found = resolve(&path, "ns/pkg", "^2").unwrap().0.unwrap();
		assert_eq!(found["cid"], "cid-2.0.0");
		assert_eq!(found["metadata"]["description"].as_str().map(str::len), Some(2_000));
		assert!(matches!(resolve(&path, "ns/pkg", "not a range"), Err(Failure(exit::USAGE, _))));
		// Reading is read-only: not even SQLite's header (its change counter) moved.
		assert!(std::fs::read(&path).unwrap() == before, "an offline read changed the index file");
	}

	#[test]
	fn resolution_walks_the_order_index_only() {
		let (_dir, path) = synced();
		let db = open_existing(&path).unwrap();
		let plan: Vec<String> = db
			.prepare(
				"EXPLAIN QUERY PLAN SELECT release_key, version, yanked, rowid FROM versions \
				 WHERE name = ?1 ORDER BY release_key DESC",
			)
			.unwrap()
			.query_map(["ns/pkg"], |r| r.get::<_, String>(3))
			.unwrap()
			.map(Result::unwrap)
			.collect();
		assert!(plan.iter().any(|step| step.contains("COVERING INDEX versions_order")), "{plan:?}");
		assert!(!plan.iter().any(|step| step.contains("TEMP B-TREE")), "a sort: {plan:?}");
	}

	#[test]
	fn stopping_at_the_first_release_that_fits_agrees_with_the_chains_rule() {
		// Releases with pre-releases, yanked versions, and numbers past `i64::MAX` (which an
		// order kept in SQLite integers would get wrong).
		let texts = [
			"0.1.0",
			"0.1.1-alpha",
			"0.9.0",
			"1.0.0-rc.1",
			"1.0.0",
			"1.0.1",
			"1.2.0-beta.2",
			"1.2.0-beta.10",
			"1.2.0",
			"1.3.0-rc.1",
			"2.0.0-alpha",
			"2.0.0",
			"2.1.0",
			"10.0.0",
			"18446744073709551615.0.0",
			"9223372036854775808.0.0",
			"3.0.0-rc.1",
		];
		let yanked = |v: &str| matches!(v, "1.2.0" | "2.1.0" | "10.0.0");
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("index.sqlite");
		let versions =
			texts.iter().map(|v| json!({"version": v, "yanked": yanked(v), "cid": v})).collect();
		write_snapshot(&path, &vec![("ns/pkg".into(), json!({}), versions)], 1, "0x", "t").unwrap();
		let parsed: Vec<_> = texts.iter().map(|v| registry::parse_version(v).unwrap()).collect();
		for text in [
			"latest",
			"^1",
			"^1.2",
			"~1.2.0",
			"^1.2.0-beta.3",
			">=1.0.0-rc.1, <1.0.1",
			"^0.1",
			"^2.0.0-alpha",
			"=2.1.0",
			"=10.0.0",
			">3",
			"<1",
			"^3.0.0-rc.1",
			"^4",
			"*",
			">=9223372036854775807.0.0",
		] {
			let range = Range::parse(text).unwrap();
			let expected = registry::resolve(&range, parsed.iter().zip(texts.map(yanked)))
				.map(|i| json!(texts[i]));
			let (found, _) = resolve(&path, "ns/pkg", text).unwrap();
			assert_eq!(found.map(|v| v["version"].clone()), expected, "range {text}");
		}
	}

	#[test]
	fn a_sync_upgrades_an_index_of_schema_2_in_place() {
		// The layout modreg wrote before schema 3, with one row.
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("index.sqlite");
		Connection::open(&path)
			.unwrap()
			.execute_batch(
				"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
				CREATE TABLE packages (name TEXT PRIMARY KEY, json TEXT NOT NULL);
				CREATE TABLE versions (name TEXT NOT NULL, version TEXT NOT NULL,
					yanked INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (name, version));
				CREATE INDEX versions_resolve ON versions (name, version, yanked);
				CREATE VIRTUAL TABLE search USING fts5(name, description, keywords, author);
				INSERT INTO versions VALUES ('ns/old', '1.0.0', 0, '{\"version\": \"1.0.0\"}');
				PRAGMA user_version = 2;",
			)
			.unwrap();
		assert!(matches!(resolve(&path, "ns/old", "^1"), Err(Failure(exit::OTHER, _))));
		let versions = vec![version("1.0.0", false), version("1.1.0", false)];
		write_snapshot(&path, &vec![("ns/pkg".into(), json!({}), versions)], 2, "0x", "t").unwrap();
		let (found, _) = resolve(&path, "ns/pkg", "^1").unwrap();
		assert_eq!(found.unwrap()["version"], "1.1.0");
		assert_eq!(resolve(&path, "ns/old", "^1").unwrap().0, None, "the old rows are replaced");
		let db = open_existing(&path).unwrap();
		let names: Vec<String> = db
			.prepare(
				"SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'versions_%'",
			)
			.unwrap()
			.query_map([], |r| r.get(0))
			.unwrap()
			.map(Result::unwrap)
			.collect();
		assert_eq!(names, ["versions_order"]);
		let unkeyed: i64 = db
			.query_row("SELECT count(*) FROM versions WHERE release_key IS NULL", [], |r| r.get(0))
			.unwrap();
		assert_eq!(unkeyed, 0);
	}

	#[test]
	fn an_index_of_another_schema_is_refused_not_rewritten() {
		let (_dir, path) = synced();
		Connection::open(&path).unwrap().execute_batch("PRAGMA user_version = 9").unwrap();
		let Err(Failure(code, message)) = resolve(&path, "ns/pkg", "^1") else {
			panic!("a newer index was read");
		};
		assert_eq!(code, exit::OTHER);
		assert!(message.contains("schema 9") && message.contains("sync"), "{message}");
		// An empty file is no index at all.
		let empty = path.with_file_name("empty.sqlite");
		std::fs::write(&empty, b"").unwrap();
		assert!(matches!(resolve(&empty, "ns/pkg", "^1"), Err(Failure(exit::NOT_FOUND, _))));
		assert!(matches!(
			resolve(&path.with_file_name("absent.sqlite"), "ns/pkg", "^1"),
			Err(Failure(exit::NOT_FOUND, _))
		));
	}
}
