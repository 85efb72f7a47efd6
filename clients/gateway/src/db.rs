//! The index database: one schema and one query layer over SQLite (the default, a file in the
//! data directory) and PostgreSQL (`--database postgres://…`), through sqlx's `Any` driver.
//!
//! The two backends share every statement but two: the schema's full-text part (an FTS5 table
//! kept in step by triggers on SQLite, a generated `tsvector` column with a GIN index on
//! PostgreSQL) and the search query that reads it. Migrations are embedded in the binary and run
//! at start (sqlx's migrator, which takes an advisory lock on PostgreSQL so replicas starting
//! together do not race).

use serde_json::Value as Json;
use sqlx::{
	any::{AnyPoolOptions, AnyRow},
	migrate::{Migration, MigrationType, Migrator},
	AnyPool, AssertSqlSafe, Row, SqlSafeStr,
};
use std::{path::Path, time::Duration};

/// Which database the gateway runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
	/// An SQLite file.
	Sqlite,
	/// A PostgreSQL server.
	Postgres,
}

impl Backend {
	/// `"sqlite"` or `"postgres"`.
	pub fn name(self) -> &'static str {
		match self {
			Backend::Sqlite => "sqlite",
			Backend::Postgres => "postgres",
		}
	}
}

/// A database failure (the query or the connection).
#[derive(Debug, thiserror::Error)]
#[error("database: {0}")]
pub struct DbError(pub String);

impl From<sqlx::Error> for DbError {
	fn from(e: sqlx::Error) -> Self {
		DbError(e.to_string())
	}
}

impl From<sqlx::migrate::MigrateError> for DbError {
	fn from(e: sqlx::migrate::MigrateError) -> Self {
		DbError(format!("migration: {e}"))
	}
}

/// The block and extrinsic that last changed a row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Touch {
	/// Block number.
	pub block: i64,
	/// The extrinsic's index in the block (`None` for changes made outside an extrinsic).
	pub extrinsic: Option<i64>,
	/// The extrinsic's hash (`0x…`).
	pub extrinsic_hash: Option<String>,
}

/// The indexer's position: the last block whose changes are all in the database.
#[derive(Debug, Clone, PartialEq)]
pub struct Cursor {
	/// The chain's genesis hash, so an index is never continued on another chain.
	pub genesis: String,
	/// Block number.
	pub height: i64,
	/// Block hash.
	pub hash: String,
}

/// A plain entry as the node's RPC shows it.
#[derive(Debug, Clone)]
pub struct EntryRow {
	/// `0x…` hex of the key.
	pub key: String,
	/// The key as text when it is UTF-8.
	pub key_text: Option<String>,
	/// `moduleRegistry_getModuleInfo`'s answer.
	pub info: Json,
	/// `0x…` hex of the value.
	pub value: String,
	/// Who changed it last.
	pub touch: Touch,
}

/// A namespace (`moduleRegistry_getNamespace`'s answer).
#[derive(Debug, Clone)]
pub struct NamespaceRow {
	/// Its name.
	pub namespace: String,
	/// The RPC's JSON.
	pub json: Json,
	/// Who changed it last.
	pub touch: Touch,
}

/// A package, with the search text taken from its latest version's metadata.
#[derive(Debug, Clone)]
pub struct PackageRow {
	/// `ns/name`.
	pub name: String,
	/// `ns`.
	pub namespace: String,
	/// `moduleRegistry_getPackage`'s answer.
	pub json: Json,
	/// When its package-wide deprecation began (ms since the epoch), if it is deprecated.
	pub deprecated_at: Option<i64>,
	/// The words of the name, for search.
	pub words: String,
	/// From the latest version's metadata.
	pub description: String,
	/// From the latest version's metadata.
	pub keywords: Vec<String>,
	/// From the latest version's metadata.
	pub author: String,
	/// From the latest version's metadata.
	pub tier: Option<String>,
	/// The latest version's `pinStatus` (`null` without versions).
	pub latest_pin: Json,
	/// Who changed it last (`None`: keep what is recorded).
	pub touch: Option<Touch>,
}

/// A version (`moduleRegistry_versions` item) with its document's metadata.
#[derive(Debug, Clone)]
pub struct VersionRow {
	/// `ns/name`.
	pub package: String,
	/// As published.
	pub version: String,
	/// The RPC's JSON.
	pub json: Json,
	/// The `metadata` object of the version document.
	pub metadata: Json,
	/// The extrinsic that published it (`None`: keep what is recorded).
	pub published_by: Option<Touch>,
	/// The last change (`None`: keep what is recorded).
	pub touch: Option<Touch>,
}

/// One batch of indexed blocks, written in one transaction with the new cursor.
#[derive(Debug, Default)]
pub struct Batch {
	/// `(number, hash, ms)` of blocks with registry events.
	pub block_times: Vec<(i64, String, i64)>,
	/// Entries to write.
	pub entries: Vec<EntryRow>,
	/// Keys (hex) of entries that are gone.
	pub removed_entries: Vec<String>,
	/// Namespaces to write.
	pub namespaces: Vec<NamespaceRow>,
	/// Namespaces that are gone.
	pub removed_namespaces: Vec<String>,
	/// Packages to write, each with every version it has.
	pub packages: Vec<(PackageRow, Vec<VersionRow>)>,
	/// Packages that are gone.
	pub removed_packages: Vec<String>,
}

/// Filters of `GET /v1/modules`.
#[derive(Debug, Default, Clone)]
pub struct ModuleFilter {
	/// Only this namespace.
	pub namespace: Option<String>,
	/// Only packages with this keyword.
	pub keyword: Option<String>,
	/// Only this module type (`wasm`, …).
	pub module_type: Option<String>,
	/// `active`, `maintenance`, `inactive`, or `deprecated`.
	pub status: Option<String>,
}

/// A package as listed: its RPC JSON plus the indexed columns.
#[derive(Debug, Clone)]
pub struct PackageListing {
	/// The RPC JSON.
	pub json: Json,
	/// From the latest version's metadata.
	pub description: String,
	/// From the latest version's metadata.
	pub keywords: Vec<String>,
	/// From the latest version's metadata.
	pub author: String,
	/// From the latest version's metadata.
	pub tier: Option<String>,
	/// ms since the epoch.
	pub deprecated_at: Option<i64>,
	/// The latest version's `pinStatus`.
	pub latest_pin: Json,
	/// Last change.
	pub touch: Touch,
}

/// A version as stored.
#[derive(Debug, Clone)]
pub struct StoredVersion {
	/// The RPC JSON.
	pub json: Json,
	/// The document's metadata.
	pub metadata: Json,
	/// The publishing extrinsic.
	pub published_by: Touch,
	/// Last change (block).
	pub block: i64,
}

/// The migrations of `backend`: the first differs by dialect; later ones whose statements mean
/// the same in both live once, in `migrations/`.
fn migrations(backend: Backend) -> Vec<Migration> {
	let files: [(i64, &str, &'static str); 2] = match backend {
		Backend::Sqlite => [
			(1, "initial", include_str!("../migrations/sqlite/0001_initial.sql")),
			(2, "dependencies", include_str!("../migrations/0002_dependencies.sql")),
		],
		Backend::Postgres => [
			(1, "initial", include_str!("../migrations/postgres/0001_initial.sql")),
			(2, "dependencies", include_str!("../migrations/0002_dependencies.sql")),
		],
	};
	files
		.into_iter()
		.map(|(version, name, sql)| {
			Migration::new(
				version,
				name.into(),
				MigrationType::Simple,
				AssertSqlSafe(sql).into_sql_str(),
				false,
			)
		})
		.collect()
}

/// The edges a version's metadata declares (`dependencies.modules`), read by the chain's rule;
/// none when the metadata has none or predates the rule and does not follow it.
fn declared_dependencies(metadata: &Json) -> Vec<(String, String)> {
	use module_registry_primitives::registry;
	let Ok(bytes) = serde_json::to_vec(metadata) else { return Vec::new() };
	match registry::parse_metadata(&bytes, registry::MAX_DEPENDENCIES) {
		Ok(m) => m
			.dependencies
			.modules
			.into_iter()
			.map(|d| (d.package.to_string(), d.range_text))
			.collect(),
		Err(_) => Vec::new(),
	}
}

async fn insert_dependencies(
	tx: &mut sqlx::Transaction<'_, sqlx::Any>,
	package: &str,
	version: &str,
	metadata: &Json,
) -> Result<(), DbError> {
	for (dependency, range) in declared_dependencies(metadata) {
		sqlx::query(
			"INSERT INTO dependencies (package, version, dependency, range_text) \
			 VALUES ($1, $2, $3, $4) ON CONFLICT (package, version, dependency) DO NOTHING",
		)
		.bind(package.to_owned())
		.bind(version.to_owned())
		.bind(dependency)
		.bind(range)
		.execute(&mut **tx)
		.await?;
	}
	Ok(())
}

/// A version that depends on a package: `GET /v1/modules/{ns}/{name}/dependents`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Dependent {
	/// `ns/name` of the dependent.
	pub name: String,
	/// Its version.
	pub version: String,
	/// The range it asks for.
	pub range: String,
}

fn text(row: &AnyRow, column: &str) -> Result<String, DbError> {
	Ok(row.try_get::<String, _>(column)?)
}

fn json_col(row: &AnyRow, column: &str) -> Result<Json, DbError> {
	serde_json::from_str(&text(row, column)?)
		.map_err(|e| DbError(format!("column {column} holds bad JSON: {e}")))
}

fn touch_of(row: &AnyRow, block: &str, ext: &str, hash: &str) -> Result<Touch, DbError> {
	Ok(Touch {
		block: row.try_get(block)?,
		extrinsic: row.try_get(ext)?,
		extrinsic_hash: row.try_get(hash)?,
	})
}

/// The keywords as stored (one per line).
fn split_keywords(text: &str) -> Vec<String> {
	text.lines().filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

/// Search counts stop here (`total` is then a lower bound).
pub const SEARCH_COUNT_CAP: i64 = 10_000;

const PACKAGE_COLUMNS: &str =
	"json, latest_pin, description, keywords, author, tier, deprecated_at, block, \
	extrinsic, extrinsic_hash";

fn listing(row: &AnyRow) -> Result<PackageListing, DbError> {
	Ok(PackageListing {
		json: json_col(row, "json")?,
		latest_pin: json_col(row, "latest_pin")?,
		description: text(row, "description")?,
		keywords: split_keywords(&text(row, "keywords")?),
		author: text(row, "author")?,
		tier: row.try_get("tier")?,
		deprecated_at: row.try_get("deprecated_at")?,
		touch: touch_of(row, "block", "extrinsic", "extrinsic_hash")?,
	})
}

/// The index database.
#[derive(Clone)]
pub struct Db {
	pool: AnyPool,
	backend: Backend,
}

impl Db {
	/// Open (creating if needed) the database at `url` (`sqlite://…`, `postgres://…`) and run
	/// its migrations.
	pub async fn open(url: &str) -> Result<Db, DbError> {
		sqlx::any::install_default_drivers();
		let backend = if url.starts_with("sqlite:") {
			Backend::Sqlite
		} else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
			Backend::Postgres
		} else {
			return Err(DbError(format!(
				"unsupported database URL {url:?}: use sqlite://PATH or postgres://…"
			)));
		};
		let mut options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(10));
		if backend == Backend::Sqlite {
			// Readers and the indexer share the file: wait for a lock instead of failing.
			options = options.max_connections(8).after_connect(|conn, _| {
				Box::pin(async move {
					// Wait for a lock instead of failing; a 64 MiB page cache and memory-mapped
					// reads, so a large index is not read through small `pread`s.
					for pragma in [
						"PRAGMA busy_timeout = 10000",
						"PRAGMA cache_size = -65536",
						"PRAGMA mmap_size = 268435456",
					] {
						sqlx::query(pragma).execute(&mut *conn).await?;
					}
					Ok(())
				})
			});
		} else {
			options = options.max_connections(16);
		}
		// `sqlite://PATH` creates the file when it is missing, as docs/GATEWAY.md says (SQLite
		// opens read-write without creating unless told `mode=rwc`); an explicit `mode=` stays.
		let url = if backend == Backend::Sqlite && !url.contains("mode=") {
			format!("{url}{}mode=rwc", if url.contains('?') { "&" } else { "?" })
		} else {
			url.to_owned()
		};
		let pool = options.connect(&url).await?;
		if backend == Backend::Sqlite {
			sqlx::query("PRAGMA journal_mode = WAL").execute(&pool).await?;
		}
		let migrator = Migrator::with_migrations(migrations(backend));
		migrator.run(&pool).await?;
		let db = Db { pool, backend };
		db.backfill_dependencies().await?;
		Ok(db)
	}

	/// Fill `dependencies` from versions indexed before it existed, once (migration 2 leaves a
	/// marker; it goes in the same transaction as the rows).
	async fn backfill_dependencies(&self) -> Result<(), DbError> {
		let mut tx = self.pool.begin().await?;
		let pending = sqlx::query("DELETE FROM pending_backfills WHERE name = 'dependencies'")
			.execute(&mut *tx)
			.await?
			.rows_affected();
		if pending == 0 {
			return Ok(());
		}
		let rows = sqlx::query("SELECT package, version, metadata FROM versions")
			.fetch_all(&mut *tx)
			.await?;
		for row in rows {
			let (package, version) = (text(&row, "package")?, text(&row, "version")?);
			let metadata = json_col(&row, "metadata")?;
			insert_dependencies(&mut tx, &package, &version, &metadata).await?;
		}
		tx.commit().await?;
		Ok(())
	}

	/// Up to `limit` versions that depend on `package`, ordered by name then version text,
	/// after `after` (`ns/name@version` of the last one of the previous page).
	pub async fn dependents(
		&self,
		package: &str,
		after: Option<(&str, &str)>,
		limit: i64,
	) -> Result<Vec<Dependent>, DbError> {
		let (after_name, after_version) = after.unwrap_or(("", ""));
		let rows = sqlx::query(
			"SELECT package, version, range_text FROM dependencies WHERE dependency = $1 \
			 AND (package, version) > ($2, $3) ORDER BY package, version LIMIT $4",
		)
		.bind(package.to_owned())
		.bind(after_name.to_owned())
		.bind(after_version.to_owned())
		.bind(limit)
		.fetch_all(&self.pool)
		.await?;
		rows.iter()
			.map(|r| {
				Ok(Dependent {
					name: text(r, "package")?,
					version: text(r, "version")?,
					range: text(r, "range_text")?,
				})
			})
			.collect()
	}

	/// The URL of an SQLite file (created if missing).
	pub fn sqlite_url(path: &Path) -> String {
		format!("sqlite://{}?mode=rwc", path.display())
	}

	/// Which backend this is.
	pub fn backend(&self) -> Backend {
		self.backend
	}

	/// The pool (for callers that need a dedicated connection, such as the indexer's lock).
	pub fn pool(&self) -> &AnyPool {
		&self.pool
	}

	/// The indexer's position, if it has indexed anything.
	pub async fn cursor(&self) -> Result<Option<Cursor>, DbError> {
		let row = sqlx::query("SELECT genesis, height, hash FROM cursor_state WHERE id = 1")
			.fetch_optional(&self.pool)
			.await?;
		row.map(|r| {
			Ok(Cursor {
				genesis: text(&r, "genesis")?,
				height: r.try_get("height")?,
				hash: text(&r, "hash")?,
			})
		})
		.transpose()
	}

	/// Forget everything (for `--reindex`).
	pub async fn clear(&self) -> Result<(), DbError> {
		let mut tx = self.pool.begin().await?;
		for table in [
			"cursor_state",
			"block_times",
			"entries",
			"namespaces",
			"keywords",
			"versions",
			"dependencies",
			"packages",
		] {
			sqlx::query(AssertSqlSafe(format!("DELETE FROM {table}"))).execute(&mut *tx).await?;
		}
		tx.commit().await?;
		Ok(())
	}

	/// Write `batch` and move the cursor to `cursor`, all or nothing.
	pub async fn apply(&self, batch: &Batch, cursor: &Cursor) -> Result<(), DbError> {
		let mut tx = self.pool.begin().await?;
		for (number, hash, ms) in &batch.block_times {
			sqlx::query(
				"INSERT INTO block_times (number, hash, ms) VALUES ($1, $2, $3) \
				 ON CONFLICT (number) DO UPDATE SET hash = excluded.hash, ms = excluded.ms",
			)
			.bind(*number)
			.bind(hash.clone())
			.bind(*ms)
			.execute(&mut *tx)
			.await?;
		}
		for key in &batch.removed_entries {
			sqlx::query("DELETE FROM entries WHERE key = $1")
				.bind(key.clone())
				.execute(&mut *tx)
				.await?;
		}
		for e in &batch.entries {
			sqlx::query(
				"INSERT INTO entries (key, key_text, info, value, block, extrinsic, extrinsic_hash, \
				 cid) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (key) DO UPDATE SET \
				 key_text = excluded.key_text, info = excluded.info, value = excluded.value, \
				 cid = excluded.cid, \
				 block = excluded.block, extrinsic = excluded.extrinsic, \
				 extrinsic_hash = excluded.extrinsic_hash",
			)
			.bind(e.key.clone())
			.bind(e.key_text.clone())
			.bind(e.info.to_string())
			.bind(e.value.clone())
			.bind(e.touch.block)
			.bind(e.touch.extrinsic)
			.bind(e.touch.extrinsic_hash.clone())
			.bind(e.info["cid"].as_str().map(str::to_owned))
			.execute(&mut *tx)
			.await?;
		}
		for ns in &batch.removed_namespaces {
			sqlx::query("DELETE FROM namespaces WHERE namespace = $1")
				.bind(ns.clone())
				.execute(&mut *tx)
				.await?;
		}
		for ns in &batch.namespaces {
			sqlx::query(
				"INSERT INTO namespaces (namespace, json, verified, block, extrinsic, extrinsic_hash) \
				 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (namespace) DO UPDATE SET \
				 json = excluded.json, verified = excluded.verified, block = excluded.block, \
				 extrinsic = excluded.extrinsic, extrinsic_hash = excluded.extrinsic_hash",
			)
			.bind(ns.namespace.clone())
			.bind(ns.json.to_string())
			.bind(i64::from(ns.json["verified"] == true))
			.bind(ns.touch.block)
			.bind(ns.touch.extrinsic)
			.bind(ns.touch.extrinsic_hash.clone())
			.execute(&mut *tx)
			.await?;
		}
		for name in &batch.removed_packages {
			for table in [
				"DELETE FROM versions WHERE package = $1",
				"DELETE FROM dependencies WHERE package = $1",
				"DELETE FROM keywords WHERE package = $1",
				"DELETE FROM packages WHERE name = $1",
			] {
				sqlx::query(table).bind(name.clone()).execute(&mut *tx).await?;
			}
		}
		for (p, versions) in &batch.packages {
			let created = p.json["created"].as_i64().unwrap_or_default();
			let touch = p.touch.clone();
			sqlx::query(
				"INSERT INTO packages (name, namespace, json, module_type, status, deprecated, \
				 deprecated_at, latest, words, description, keywords, author, tier, created, block, \
				 extrinsic, extrinsic_hash, latest_pin) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, \
				 $10, $11, $12, $13, $14, COALESCE($15, $14), $16, $17, $18) ON CONFLICT (name) DO \
				 UPDATE SET latest_pin = excluded.latest_pin, \
				 json = excluded.json, module_type = excluded.module_type, status = excluded.status, \
				 deprecated = excluded.deprecated, deprecated_at = excluded.deprecated_at, \
				 latest = excluded.latest, words = excluded.words, \
				 description = excluded.description, keywords = excluded.keywords, \
				 author = excluded.author, tier = excluded.tier, created = excluded.created, \
				 block = COALESCE($15, packages.block), \
				 extrinsic = CASE WHEN $15 IS NULL THEN packages.extrinsic ELSE $16 END, \
				 extrinsic_hash = CASE WHEN $15 IS NULL THEN packages.extrinsic_hash ELSE $17 END",
			)
			.bind(p.name.clone())
			.bind(p.namespace.clone())
			.bind(p.json.to_string())
			.bind(p.json["moduleType"].as_str().unwrap_or("other").to_owned())
			.bind(p.json["status"].as_str().unwrap_or("active").to_owned())
			.bind(i64::from(!p.json["deprecated"].is_null()))
			.bind(p.deprecated_at)
			.bind(p.json["latest"].as_str().map(str::to_owned))
			.bind(p.words.clone())
			.bind(p.description.clone())
			.bind(p.keywords.join("\n"))
			.bind(p.author.clone())
			.bind(p.tier.clone())
			.bind(created)
			.bind(touch.as_ref().map(|t| t.block))
			.bind(touch.as_ref().and_then(|t| t.extrinsic))
			.bind(touch.as_ref().and_then(|t| t.extrinsic_hash.clone()))
			.bind(p.latest_pin.to_string())
			.execute(&mut *tx)
			.await?;
			sqlx::query("DELETE FROM keywords WHERE package = $1")
				.bind(p.name.clone())
				.execute(&mut *tx)
				.await?;
			let mut seen = std::collections::BTreeSet::new();
			for k in &p.keywords {
				if seen.insert(k.to_lowercase()) {
					sqlx::query("INSERT INTO keywords (package, keyword) VALUES ($1, $2)")
						.bind(p.name.clone())
						.bind(k.to_lowercase())
						.execute(&mut *tx)
						.await?;
				}
			}
			for v in versions {
				let published = v.json["publishedAt"].as_i64().unwrap_or_default();
				let by = v.published_by.clone();
				sqlx::query(
					"INSERT INTO versions (package, version, yanked, entry_key, json, metadata, \
					 published, publish_extrinsic, publish_extrinsic_hash, block, cid) VALUES ($1, \
					 $2, $3, $4, $5, $6, $7, $8, $9, COALESCE($10, $7), $11) \
					 ON CONFLICT (package, version) \
					 DO UPDATE SET yanked = excluded.yanked, json = excluded.json, \
					 publish_extrinsic = COALESCE(versions.publish_extrinsic, excluded.publish_extrinsic), \
					 publish_extrinsic_hash = COALESCE(versions.publish_extrinsic_hash, excluded.publish_extrinsic_hash), \
					 block = COALESCE($10, versions.block)",
				)
				.bind(v.package.clone())
				.bind(v.version.clone())
				.bind(i64::from(v.json["yanked"] == true))
				.bind(v.json["entryKey"].as_str().unwrap_or_default().to_owned())
				.bind(v.json.to_string())
				.bind(v.metadata.to_string())
				.bind(published)
				.bind(by.as_ref().and_then(|t| t.extrinsic))
				.bind(by.as_ref().and_then(|t| t.extrinsic_hash.clone()))
				.bind(v.touch.as_ref().map(|t| t.block))
				.bind(v.json["cid"].as_str().unwrap_or_default().to_owned())
				.execute(&mut *tx)
				.await?;
				insert_dependencies(&mut tx, &v.package, &v.version, &v.metadata).await?;
			}
		}
		sqlx::query(
			"INSERT INTO cursor_state (id, genesis, height, hash) VALUES (1, $1, $2, $3) \
			 ON CONFLICT (id) DO UPDATE SET genesis = excluded.genesis, height = excluded.height, \
			 hash = excluded.hash",
		)
		.bind(cursor.genesis.clone())
		.bind(cursor.height)
		.bind(cursor.hash.clone())
		.execute(&mut *tx)
		.await?;
		tx.commit().await?;
		Ok(())
	}

	/// The package named `ns/name`, if indexed.
	pub async fn package(&self, name: &str) -> Result<Option<PackageListing>, DbError> {
		let sql = format!("SELECT {PACKAGE_COLUMNS} FROM packages WHERE name = $1");
		let row = sqlx::query(AssertSqlSafe(sql))
			.bind(name.to_owned())
			.fetch_optional(&self.pool)
			.await?;
		row.as_ref().map(listing).transpose()
	}

	/// The versions of `ns/name` (in no particular order).
	pub async fn versions(&self, package: &str) -> Result<Vec<StoredVersion>, DbError> {
		let rows = sqlx::query(
			"SELECT json, metadata, published, publish_extrinsic, publish_extrinsic_hash, block \
			 FROM versions WHERE package = $1",
		)
		.bind(package.to_owned())
		.fetch_all(&self.pool)
		.await?;
		rows.iter()
			.map(|r| {
				Ok(StoredVersion {
					json: json_col(r, "json")?,
					metadata: json_col(r, "metadata")?,
					published_by: touch_of(
						r,
						"published",
						"publish_extrinsic",
						"publish_extrinsic_hash",
					)?,
					block: r.try_get("block")?,
				})
			})
			.collect()
	}

	/// The versions of `package` already indexed: `version → metadata`.
	pub async fn known_metadata(
		&self,
		package: &str,
	) -> Result<std::collections::HashMap<String, Json>, DbError> {
		let rows = sqlx::query("SELECT version, metadata FROM versions WHERE package = $1")
			.bind(package.to_owned())
			.fetch_all(&self.pool)
			.await?;
		rows.iter().map(|r| Ok((text(r, "version")?, json_col(r, "metadata")?))).collect()
	}

	/// The package and version whose entry key is `key` (hex), if that version is indexed.
	pub async fn version_of_entry(&self, key: &str) -> Result<Option<(String, String)>, DbError> {
		let row = sqlx::query("SELECT package, version FROM versions WHERE entry_key = $1")
			.bind(key.to_owned())
			.fetch_optional(&self.pool)
			.await?;
		row.map(|r| Ok((text(&r, "package")?, text(&r, "version")?))).transpose()
	}

	/// The names of every package in `namespace`.
	pub async fn packages_in(&self, namespace: &str) -> Result<Vec<String>, DbError> {
		let rows = sqlx::query("SELECT name FROM packages WHERE namespace = $1")
			.bind(namespace.to_owned())
			.fetch_all(&self.pool)
			.await?;
		rows.iter().map(|r| text(r, "name")).collect()
	}

	/// A page of packages matching `filter`, by name, and how many match in all.
	pub async fn list(
		&self,
		filter: &ModuleFilter,
		limit: i64,
		offset: i64,
	) -> Result<(Vec<PackageListing>, i64), DbError> {
		// Each filter is `($n IS NULL OR …)`, so one statement serves every combination.
		let condition = "($1 IS NULL OR namespace = $1) \
			AND ($2 IS NULL OR name IN (SELECT package FROM keywords WHERE keyword = $2)) \
			AND ($3 IS NULL OR module_type = $3) \
			AND ($4 IS NULL OR ($4 = 'deprecated' AND deprecated = 1) OR status = $4)";
		let bind = |sql: String| {
			sqlx::query(AssertSqlSafe(sql))
				.bind(filter.namespace.clone())
				.bind(filter.keyword.as_ref().map(|k| k.to_lowercase()))
				.bind(filter.module_type.clone())
				.bind(filter.status.clone())
		};
		let total: i64 = bind(format!("SELECT COUNT(*) AS n FROM packages WHERE {condition}"))
			.fetch_one(&self.pool)
			.await?
			.try_get("n")?;
		let rows = bind(format!(
			"SELECT {PACKAGE_COLUMNS} FROM packages WHERE {condition} ORDER BY name LIMIT $5 OFFSET $6"
		))
		.bind(limit)
		.bind(offset)
		.fetch_all(&self.pool)
		.await?;
		Ok((rows.iter().map(listing).collect::<Result<_, _>>()?, total))
	}

	/// Every package (for the index document).
	pub async fn all_packages(&self) -> Result<Vec<PackageListing>, DbError> {
		let sql = format!("SELECT {PACKAGE_COLUMNS} FROM packages ORDER BY name");
		let rows = sqlx::query(AssertSqlSafe(sql)).fetch_all(&self.pool).await?;
		rows.iter().map(listing).collect()
	}

	/// Every version of every package: `package → versions`.
	pub async fn all_versions(
		&self,
	) -> Result<std::collections::HashMap<String, Vec<StoredVersion>>, DbError> {
		let rows = sqlx::query(
			"SELECT package, json, metadata, published, publish_extrinsic, \
			 publish_extrinsic_hash, block FROM versions",
		)
		.fetch_all(&self.pool)
		.await?;
		let mut out: std::collections::HashMap<String, Vec<StoredVersion>> = Default::default();
		for r in &rows {
			out.entry(text(r, "package")?).or_default().push(StoredVersion {
				json: json_col(r, "json")?,
				metadata: json_col(r, "metadata")?,
				published_by: touch_of(
					r,
					"published",
					"publish_extrinsic",
					"publish_extrinsic_hash",
				)?,
				block: r.try_get("block")?,
			});
		}
		Ok(out)
	}

	/// Packages matching every word of `query` (each as a prefix), best first, with a score
	/// (higher is better), and how many match in all.
	pub async fn search(
		&self,
		words: &[String],
		limit: i64,
		offset: i64,
	) -> Result<(Vec<(PackageListing, f64)>, i64), DbError> {
		if words.is_empty() {
			return Ok((Vec::new(), 0));
		}
		// Counting stops at SEARCH_COUNT_CAP: a common word in a large index matches most of it,
		// and counting every match would cost more than the search.
		let (count_sql, sql, query) = match self.backend {
			Backend::Sqlite => {
				let q =
					words
						.iter()
						.map(|w| {
							if is_prefix_word(w) {
								format!("\"{w}\"*")
							} else {
								format!("\"{w}\"")
							}
						})
						.collect::<Vec<_>>()
						.join(" ");
				(
					format!(
						"SELECT COUNT(*) AS n FROM (SELECT 1 FROM packages_fts \
						 WHERE packages_fts MATCH $1 LIMIT {}) AS matches",
						SEARCH_COUNT_CAP + 1
					),
					// The page is chosen inside FTS5 (ordered by its `rank`), and only its rows
					// are joined to the packages.
					format!(
						"SELECT {}, r.score AS score FROM (SELECT rowid AS id, -rank AS score \
						 FROM packages_fts WHERE packages_fts MATCH $1 ORDER BY rank \
						 LIMIT $2 OFFSET $3) r JOIN packages p ON p.id = r.id \
						 ORDER BY r.score DESC, p.name",
						prefixed("p", PACKAGE_COLUMNS)
					),
					q,
				)
			},
			Backend::Postgres => {
				let q = words
					.iter()
					.map(|w| if is_prefix_word(w) { format!("{w}:*") } else { w.clone() })
					.collect::<Vec<_>>()
					.join(" & ");
				(
					format!(
						"SELECT COUNT(*) AS n FROM (SELECT 1 FROM packages \
						 WHERE search @@ to_tsquery('simple', $1) LIMIT {}) AS matches",
						SEARCH_COUNT_CAP + 1
					),
					format!(
						"SELECT {PACKAGE_COLUMNS}, CAST(ts_rank(search, to_tsquery('simple', $1)) \
						 AS DOUBLE PRECISION) AS score FROM packages \
						 WHERE search @@ to_tsquery('simple', $1) ORDER BY score DESC, name \
						 LIMIT $2 OFFSET $3"
					),
					q,
				)
			},
		};
		let total: i64 = sqlx::query(AssertSqlSafe(count_sql))
			.bind(query.clone())
			.fetch_one(&self.pool)
			.await?
			.try_get("n")?;
		let rows = sqlx::query(AssertSqlSafe(sql))
			.bind(query)
			.bind(limit)
			.bind(offset)
			.fetch_all(&self.pool)
			.await?;
		let hits = rows
			.iter()
			.map(|r| Ok((listing(r)?, r.try_get::<f64, _>("score")?)))
			.collect::<Result<_, DbError>>()?;
		Ok((hits, total))
	}

	/// `keyword → packages` over every package, most used keywords first.
	pub async fn keywords(&self) -> Result<Vec<(String, Vec<String>)>, DbError> {
		let rows = sqlx::query("SELECT keyword, package FROM keywords ORDER BY keyword, package")
			.fetch_all(&self.pool)
			.await?;
		let mut out: Vec<(String, Vec<String>)> = Vec::new();
		for r in &rows {
			let (k, p) = (text(r, "keyword")?, text(r, "package")?);
			match out.last_mut() {
				Some((last, list)) if *last == k => list.push(p),
				_ => out.push((k, vec![p])),
			}
		}
		out.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
		Ok(out)
	}

	/// A namespace's RPC JSON, if indexed.
	pub async fn namespace(&self, namespace: &str) -> Result<Option<Json>, DbError> {
		let row = sqlx::query("SELECT json FROM namespaces WHERE namespace = $1")
			.bind(namespace.to_owned())
			.fetch_optional(&self.pool)
			.await?;
		row.map(|r| json_col(&r, "json")).transpose()
	}

	/// An entry by its hex key.
	pub async fn entry(&self, key: &str) -> Result<Option<EntryRow>, DbError> {
		let row = sqlx::query(
			"SELECT key, key_text, info, value, block, extrinsic, extrinsic_hash FROM entries \
			 WHERE key = $1",
		)
		.bind(key.to_owned())
		.fetch_optional(&self.pool)
		.await?;
		row.map(|r| {
			Ok(EntryRow {
				key: text(&r, "key")?,
				key_text: r.try_get("key_text")?,
				info: json_col(&r, "info")?,
				value: text(&r, "value")?,
				touch: touch_of(&r, "block", "extrinsic", "extrinsic_hash")?,
			})
		})
		.transpose()
	}

	/// The recorded times (ms since the epoch) of `numbers`, in one query over their range.
	pub async fn block_times(
		&self,
		numbers: impl IntoIterator<Item = i64>,
	) -> Result<std::collections::HashMap<i64, i64>, DbError> {
		let wanted: std::collections::BTreeSet<i64> = numbers.into_iter().collect();
		let (Some(first), Some(last)) = (wanted.first(), wanted.last()) else {
			return Ok(Default::default());
		};
		let rows = sqlx::query("SELECT number, ms FROM block_times WHERE number BETWEEN $1 AND $2")
			.bind(*first)
			.bind(*last)
			.fetch_all(&self.pool)
			.await?;
		let mut out = std::collections::HashMap::new();
		for r in &rows {
			let number: i64 = r.try_get("number")?;
			if wanted.contains(&number) {
				out.insert(number, r.try_get("ms")?);
			}
		}
		Ok(out)
	}

	/// The names of the verified namespaces.
	pub async fn verified_namespaces(&self) -> Result<std::collections::HashSet<String>, DbError> {
		let rows = sqlx::query("SELECT namespace FROM namespaces WHERE verified = 1")
			.fetch_all(&self.pool)
			.await?;
		rows.iter().map(|r| text(r, "namespace")).collect()
	}

	/// The time of block `number` (ms since the epoch), if the indexer recorded it.
	pub async fn block_time(&self, number: i64) -> Result<Option<i64>, DbError> {
		let row = sqlx::query("SELECT ms FROM block_times WHERE number = $1")
			.bind(number)
			.fetch_optional(&self.pool)
			.await?;
		Ok(row.map(|r| r.try_get("ms")).transpose()?)
	}

	/// Whether an indexed version or entry names `cid` (the content endpoint serves only those).
	pub async fn knows_cid(&self, cid: &str) -> Result<bool, DbError> {
		let row = sqlx::query(
			"SELECT 1 AS hit FROM versions WHERE cid = $1 UNION ALL \
			 SELECT 1 AS hit FROM entries WHERE cid = $1 LIMIT 1",
		)
		.bind(cid.to_owned())
		.fetch_optional(&self.pool)
		.await?;
		Ok(row.is_some())
	}

	/// The `(size, "sha256:…")` the chain recorded for each published version whose content is
	/// `cid` (a few at most: the same bytes published as several versions).
	pub async fn version_content(&self, cid: &str) -> Result<Vec<(u64, String)>, DbError> {
		let rows = sqlx::query("SELECT json FROM versions WHERE cid = $1 LIMIT 16")
			.bind(cid.to_owned())
			.fetch_all(&self.pool)
			.await?;
		let mut out = Vec::new();
		for row in rows {
			let text: String = row.try_get("json")?;
			let Ok(json) = serde_json::from_str::<serde_json::Value>(&text) else { continue };
			if let (Some(size), Some(sum)) = (json["size"].as_u64(), json["checksum"].as_str()) {
				out.push((size, sum.to_owned()));
			}
		}
		Ok(out)
	}

	/// Counts for the index's `stats`: packages, versions, entries.
	pub async fn counts(&self) -> Result<(i64, i64, i64), DbError> {
		let mut out = [0i64; 3];
		for (i, table) in ["packages", "versions", "entries"].iter().enumerate() {
			out[i] = sqlx::query(AssertSqlSafe(format!("SELECT COUNT(*) AS n FROM {table}")))
				.fetch_one(&self.pool)
				.await?
				.try_get("n")?;
		}
		Ok((out[0], out[1], out[2]))
	}
}

/// Shortest word searched as a prefix. A one-letter prefix matches a large part of any index
/// and misses FTS5's prefix index (built for 2 and 3 characters): such a word must match a
/// whole word instead.
pub const MIN_PREFIX_LEN: usize = 2;

fn is_prefix_word(word: &str) -> bool {
	word.chars().count() >= MIN_PREFIX_LEN
}

/// `"a, b"` → `"p.a, p.b"`.
fn prefixed(table: &str, columns: &str) -> String {
	columns.split(',').map(|c| format!("{table}.{}", c.trim())).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
	use super::*;
	use serde_json::json;

	fn package(name: &str, description: &str, keywords: &[&str]) -> (PackageRow, Vec<VersionRow>) {
		let (ns, short) = name.split_once('/').unwrap();
		let row = PackageRow {
			name: name.into(),
			namespace: ns.into(),
			json: json!({"name": name, "latest": "1.0.0", "created": 3, "moduleType": "wasm",
				"status": "active", "deprecated": null}),
			deprecated_at: None,
			words: format!("{name} {ns} {short}"),
			description: description.into(),
			keywords: keywords.iter().map(|k| k.to_string()).collect(),
			author: "Ann".into(),
			tier: None,
			latest_pin: json!("pending"),
			touch: Some(Touch {
				block: 3,
				extrinsic: Some(1),
				extrinsic_hash: Some("0x01".into()),
			}),
		};
		let version = VersionRow {
			package: name.into(),
			version: "1.0.0".into(),
			json: json!({"version": "1.0.0", "yanked": false, "cid": format!("cid-{short}"),
				"entryKey": format!("0xff{short}"), "publishedAt": 3}),
			metadata: json!({"description": description}),
			published_by: Some(Touch { block: 3, extrinsic: Some(1), extrinsic_hash: None }),
			touch: None,
		};
		(row, vec![version])
	}

	fn cursor(height: i64) -> Cursor {
		Cursor { genesis: "0xg".into(), height, hash: format!("0x{height}") }
	}

	#[tokio::test]
	async fn dependents_are_indexed_paged_and_backfilled() {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("index.sqlite");
		let db = Db::open(&Db::sqlite_url(&path)).await.unwrap();
		let needs = |name: &str, modules: &[&str]| {
			let (row, mut versions) = package(name, "x", &[]);
			versions[0].metadata = json!({"dependencies": {"modules": modules}});
			(row, versions)
		};
		let batch = Batch {
			packages: vec![
				package("acme/log", "logs", &[]),
				needs("acme/web", &["acme/log@^1", "@acme/fmt"]),
				needs("acme/cli", &["acme/log@~1.2"]),
				// Metadata from before the rule, not following it: indexed, no edges.
				needs("acme/odd", &["Not A Reference"]),
			],
			..Default::default()
		};
		db.apply(&batch, &cursor(3)).await.unwrap();
		let all = db.dependents("acme/log", None, 10).await.unwrap();
		let names: Vec<(&str, &str)> =
			all.iter().map(|d| (d.name.as_str(), d.range.as_str())).collect();
		assert_eq!(names, [("acme/cli", "~1.2"), ("acme/web", "^1")]);
		assert_eq!(db.dependents("acme/fmt", None, 10).await.unwrap()[0].range, "latest");
		let page = db.dependents("acme/log", Some(("acme/cli", "1.0.0")), 10).await.unwrap();
		assert_eq!(page.len(), 1);
		assert_eq!(page[0].name, "acme/web");
		assert_eq!(db.dependents("acme/log", None, 1).await.unwrap().len(), 1);

		// A removed package takes its edges along.
		let gone = Batch { removed_packages: vec!["acme/web".into()], ..Default::default() };
		db.apply(&gone, &cursor(4)).await.unwrap();
		assert_eq!(db.dependents("acme/log", None, 10).await.unwrap().len(), 1);

		// An index from before the table existed is filled once, at the next start.
		sqlx::query("DELETE FROM dependencies").execute(db.pool()).await.unwrap();
		sqlx::query("INSERT INTO pending_backfills (name) VALUES ('dependencies')")
			.execute(db.pool())
			.await
			.unwrap();
		drop(db);
		let again = Db::open(&Db::sqlite_url(&path)).await.unwrap();
		assert_eq!(again.dependents("acme/log", None, 10).await.unwrap().len(), 1);
		let marker = sqlx::query("SELECT name FROM pending_backfills").fetch_all(again.pool());
		assert!(marker.await.unwrap().is_empty());
	}

	#[tokio::test]
	async fn a_plain_sqlite_url_creates_its_file() {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("new.sqlite");
		let url = format!("sqlite://{}", path.display());
		Db::open(&url).await.expect("a missing file is created, as documented");
		assert!(path.exists());
		// An explicit mode is the operator's choice: read-only on a missing file fails.
		let ro = format!("sqlite://{}?mode=ro", dir.path().join("absent.sqlite").display());
		assert!(Db::open(&ro).await.is_err());
	}

	#[tokio::test]
	async fn batches_search_and_removal_on_a_real_sqlite_file() {
		let dir = tempfile::tempdir().unwrap();
		let db = Db::open(&Db::sqlite_url(&dir.path().join("index.sqlite"))).await.unwrap();
		assert_eq!(db.cursor().await.unwrap(), None);
		let batch = Batch {
			packages: vec![
				package("acme/grep-fast", "finds text quickly", &["search", "Text"]),
				package("acme/zipper", "packs archives", &["archive"]),
			],
			..Default::default()
		};
		db.apply(&batch, &cursor(3)).await.unwrap();
		assert_eq!(db.cursor().await.unwrap(), Some(cursor(3)));

		let (hits, total) = db.search(&["gre".into()], 10, 0).await.unwrap();
		assert_eq!(total, 1);
		assert_eq!(hits[0].0.json["name"], "acme/grep-fast");
		assert!(hits[0].1 > 0.0);
		assert_eq!(db.search(&["text".into(), "archives".into()], 10, 0).await.unwrap().1, 0);
		let by_keyword = ModuleFilter { keyword: Some("TEXT".into()), ..Default::default() };
		assert_eq!(db.list(&by_keyword, 10, 0).await.unwrap().1, 1);
		assert!(db.knows_cid("cid-zipper").await.unwrap());
		assert_eq!(
			db.version_of_entry("0xffzipper").await.unwrap(),
			Some(("acme/zipper".to_owned(), "1.0.0".to_owned()))
		);

		// An update without a touch keeps the recorded audit; the search text follows the row.
		let (mut row, versions) = package("acme/zipper", "squeezes bytes", &["compression"]);
		row.touch = None;
		db.apply(&Batch { packages: vec![(row, versions)], ..Default::default() }, &cursor(4))
			.await
			.unwrap();
		let zipper = db.package("acme/zipper").await.unwrap().unwrap();
		assert_eq!(zipper.touch.extrinsic_hash.as_deref(), Some("0x01"));
		assert_eq!(db.search(&["archives".into()], 10, 0).await.unwrap().1, 0);
		assert_eq!(db.search(&["squeezes".into()], 10, 0).await.unwrap().1, 1);
		assert_eq!(db.versions("acme/zipper").await.unwrap()[0].published_by.extrinsic, Some(1));

		let gone = Batch { removed_packages: vec!["acme/zipper".into()], ..Default::default() };
		db.apply(&gone, &cursor(5)).await.unwrap();
		assert!(db.package("acme/zipper").await.unwrap().is_none());
		assert!(db.versions("acme/zipper").await.unwrap().is_empty());
		assert_eq!(db.search(&["squeezes".into()], 10, 0).await.unwrap().1, 0);
		assert_eq!(db.counts().await.unwrap(), (1, 1, 0));

		// Opening again runs no migration twice and keeps everything.
		drop(db);
		let again = Db::open(&Db::sqlite_url(&dir.path().join("index.sqlite"))).await.unwrap();
		assert_eq!(again.cursor().await.unwrap(), Some(cursor(5)));
		again.clear().await.unwrap();
		assert_eq!(again.cursor().await.unwrap(), None);
	}

	#[tokio::test]
	async fn unknown_database_urls_are_refused() {
		let err = Db::open("mysql://x").await.err().unwrap();
		assert!(err.0.contains("unsupported database URL"), "{err}");
	}
}
