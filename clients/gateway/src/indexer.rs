//! Follows the chain's finalized blocks into the database.
//!
//! Blocks are read in batches from the cursor up to the finalized head. For each block the
//! indexer decodes the `ModuleRegistry` events (subxt, with the metadata of that block's
//! runtime) and notes what they touched: entries by key, namespaces, packages and versions, each
//! with the block and extrinsic. Then it reads the current state of every touched item once, at
//! the batch's last block, through the node's `moduleRegistry_*` RPC methods (the same JSON the
//! other clients see), and writes it with the new cursor in one transaction. So the database is
//! always the registry's state at the cursor block: a gateway killed at any point resumes from
//! its cursor and ends with the same index as one that was never stopped.
//!
//! Reading events and state of past blocks needs a node that keeps them: run the node with
//! `--state-pruning archive-canonical` (or `archive`) when the gateway must catch up from
//! genesis over more than the default 256 blocks.
//!
//! With PostgreSQL several gateways may share one database: only the one holding the advisory
//! lock indexes, the others serve reads and take over when it goes away.

use crate::{
	db::{Batch, Cursor, Db, EntryRow, NamespaceRow, PackageRow, Touch, VersionRow},
	Node,
};
use modreg::{chain::Chain, metadata};
use serde_json::Value as Json;
use std::{
	collections::{BTreeMap, BTreeSet},
	sync::{
		atomic::{AtomicBool, AtomicI64, Ordering},
		Arc, Mutex,
	},
	time::Duration,
};
use subxt::{
	ext::scale_value::{Composite, Primitive, Value, ValueDef},
	rpcs::client::rpc_params,
};

/// What `/healthz` reports about the indexer.
#[derive(Default)]
pub struct Status {
	/// The chain's finalized height, as last seen.
	pub finalized: AtomicI64,
	/// The last indexed block.
	pub indexed: AtomicI64,
	/// Whether the last attempt to talk to the node worked.
	pub chain_ok: AtomicBool,
	/// Whether this gateway is the one indexing (always, on SQLite).
	pub leader: AtomicBool,
	/// The last error, if the last step failed.
	pub last_error: Mutex<Option<String>>,
}

/// Why a step failed.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
	/// The node.
	#[error("node: {0}")]
	Chain(String),
	/// The database.
	#[error(transparent)]
	Db(#[from] crate::db::DbError),
	/// The database belongs to another chain, or to a chain that was reset.
	#[error("{0}")]
	WrongChain(String),
}

impl From<modreg::chain::ChainError> for IndexError {
	fn from(e: modreg::chain::ChainError) -> Self {
		IndexError::Chain(e.to_string())
	}
}

fn chain_err(e: impl std::fmt::Display) -> IndexError {
	IndexError::Chain(e.to_string())
}

/// What the events of a batch touched.
#[derive(Default, Debug)]
struct Touched {
	/// Entry key (hex) → last touch.
	entries: BTreeMap<String, Touch>,
	/// Namespace → last touch.
	namespaces: BTreeMap<String, Touch>,
	/// Package → last touch (`None`: re-read it, but the change was not to the package itself).
	packages: BTreeMap<String, Option<Touch>>,
	/// `(package, version)` → publishing extrinsic.
	published: BTreeMap<(String, String), Touch>,
	/// `(package, version)` → last change.
	versions: BTreeMap<(String, String), Touch>,
	/// Entry keys (hex) of versions published in this batch, → package.
	version_entries: BTreeMap<String, String>,
	/// Package → versions whose entry had a pin report, for packages already indexed: when
	/// nothing else touched the package, only those versions are read again.
	pin_reports: BTreeMap<String, BTreeSet<String>>,
	/// `(number, hash, ms)` of blocks with registry events.
	block_times: Vec<(i64, String, i64)>,
}

impl Touched {
	fn package(&mut self, name: String, touch: Option<Touch>) {
		let slot = self.packages.entry(name).or_default();
		if touch.is_some() {
			*slot = touch;
		}
	}
}

/// The bytes of a SCALE value that is a byte string (a `Vec<u8>`, a `BoundedVec<u8, _>`, or a
/// newtype around one).
fn value_bytes(value: &Value<()>) -> Option<Vec<u8>> {
	fn walk(value: &Value<()>, out: &mut Vec<u8>) -> Option<()> {
		match &value.value {
			ValueDef::Primitive(Primitive::U128(n)) => out.push(u8::try_from(*n).ok()?),
			ValueDef::Composite(c) =>
				for v in c.values() {
					walk(v, out)?;
				},
			_ => return None,
		}
		Some(())
	}
	let mut out = Vec::new();
	walk(value, &mut out)?;
	Some(out)
}

fn field<'a>(fields: &'a Composite<()>, name: &str) -> Option<&'a Value<()>> {
	match fields {
		Composite::Named(items) => items.iter().find(|(n, _)| n == name).map(|(_, v)| v),
		Composite::Unnamed(_) => None,
	}
}

fn field_text(fields: &Composite<()>, name: &str) -> Option<String> {
	// An `Option<VersionText>` is a `Some`/`None` variant around the bytes.
	let v = field(fields, name)?;
	let bytes = match &v.value {
		ValueDef::Variant(var) if var.name == "None" => return None,
		ValueDef::Variant(var) => var.values.values().next().and_then(value_bytes)?,
		_ => value_bytes(v)?,
	};
	String::from_utf8(bytes).ok()
}

/// The namespace part of a package name (`ns/name`), or "" for a name without one.
fn namespace_of(name: &str) -> &str {
	name.split_once('/').map_or("", |(ns, _)| ns)
}

/// The words of a package's name that search matches: `ns/name`, `ns`, `name`, and `name`
/// split at hyphens.
fn search_words(name: &str) -> String {
	let (namespace, short) = name.split_once('/').unwrap_or(("", name));
	format!("{name} {namespace} {short} {}", short.replace('-', " "))
}

fn hex0x(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

/// The indexer.
pub struct Indexer {
	node: Arc<Node>,
	db: Db,
	status: Arc<Status>,
	/// Most blocks read per batch.
	pub batch_blocks: i64,
	/// How long to wait when caught up.
	pub poll: Duration,
}

impl Indexer {
	/// An indexer writing to `db` from `chain`.
	pub fn new(node: Arc<Node>, db: Db, status: Arc<Status>) -> Self {
		Indexer { node, db, status, batch_blocks: 200, poll: Duration::from_millis(500) }
	}

	/// Index forever: step, and on failure report it and try again.
	pub async fn run(self) {
		let mut lock: Option<sqlx::pool::PoolConnection<sqlx::Any>> = None;
		loop {
			if self.db.backend() == crate::db::Backend::Postgres && lock.is_none() {
				lock = self.try_lock().await;
				if lock.is_none() {
					self.status.leader.store(false, Ordering::Relaxed);
					// Another replica indexes; keep the heights and the node's reachability
					// fresh for /healthz, which a load balancer asks every replica.
					self.follow().await;
					tokio::time::sleep(Duration::from_secs(2)).await;
					continue;
				}
			}
			self.status.leader.store(true, Ordering::Relaxed);
			match self.step().await {
				Ok(caught_up) => {
					self.status.chain_ok.store(true, Ordering::Relaxed);
					*self.status.last_error.lock().expect("status lock") = None;
					if caught_up {
						tokio::time::sleep(self.poll).await;
					}
				},
				Err(e) => {
					if matches!(e, IndexError::Chain(_)) {
						self.status.chain_ok.store(false, Ordering::Relaxed);
						// The connection may be gone for good (a restarted node): make a new one.
						self.node.reset();
					}
					tracing::warn!("indexing: {e}");
					*self.status.last_error.lock().expect("status lock") = Some(e.to_string());
					if matches!(e, IndexError::WrongChain(_)) {
						tracing::error!("{e}");
						std::process::exit(1);
					}
					tokio::time::sleep(Duration::from_secs(2)).await;
				},
			}
		}
	}

	async fn chain(&self) -> Result<Arc<Chain>, IndexError> {
		Ok(self.node.chain().await?)
	}

	/// On PostgreSQL, a connection holding the indexer's advisory lock, if it is free.
	async fn try_lock(&self) -> Option<sqlx::pool::PoolConnection<sqlx::Any>> {
		use sqlx::Row;
		let mut conn = self.db.pool().acquire().await.ok()?;
		let got: bool = sqlx::query("SELECT pg_try_advisory_lock(7260522) AS got")
			.fetch_one(&mut *conn)
			.await
			.ok()?
			.try_get("got")
			.ok()?;
		got.then_some(conn)
	}

	/// A follower's step: read the heights, and record whether the node answered.
	async fn follow(&self) {
		match self.refresh_heights().await {
			Ok(()) => {
				self.status.chain_ok.store(true, Ordering::Relaxed);
				*self.status.last_error.lock().expect("status lock") = None;
			},
			Err(e) => {
				if matches!(e, IndexError::Chain(_)) {
					self.status.chain_ok.store(false, Ordering::Relaxed);
					self.node.reset();
				}
				*self.status.last_error.lock().expect("status lock") = Some(e.to_string());
			},
		}
	}

	async fn refresh_heights(&self) -> Result<(), IndexError> {
		let (finalized, _) = self.finalized().await?;
		self.status.finalized.store(finalized, Ordering::Relaxed);
		if let Some(c) = self.db.cursor().await? {
			self.status.indexed.store(c.height, Ordering::Relaxed);
		}
		Ok(())
	}

	async fn finalized(&self) -> Result<(i64, String), IndexError> {
		let head: String = serde_json::from_value(
			self.chain().await?.rpc("chain_getFinalizedHead", rpc_params![]).await?,
		)
		.map_err(chain_err)?;
		let header = self.chain().await?.rpc("chain_getHeader", rpc_params![&head]).await?;
		let number = header["number"]
			.as_str()
			.and_then(|n| i64::from_str_radix(n.trim_start_matches("0x"), 16).ok())
			.ok_or_else(|| chain_err("chain_getHeader: no number"))?;
		Ok((number, head))
	}

	async fn block_hash(&self, number: i64) -> Result<Option<String>, IndexError> {
		let hash = self.chain().await?.rpc("chain_getBlockHash", rpc_params![number]).await?;
		Ok(hash.as_str().map(str::to_owned))
	}

	/// Index one batch; `true` when the index has reached the finalized head.
	pub async fn step(&self) -> Result<bool, IndexError> {
		let genesis =
			self.block_hash(0).await?.ok_or_else(|| chain_err("the node has no genesis block"))?;
		let (finalized, finalized_hash) = self.finalized().await?;
		self.status.finalized.store(finalized, Ordering::Relaxed);
		let cursor = self.db.cursor().await?;
		if let Some(c) = &cursor {
			if c.genesis != genesis {
				return Err(IndexError::WrongChain(format!(
					"the database indexes the chain with genesis {}, the node runs {genesis}: \
					 use another --data-dir / --database, or start with --reindex",
					c.genesis
				)));
			}
			if self.block_hash(c.height).await?.as_deref() != Some(c.hash.as_str()) {
				return Err(IndexError::WrongChain(format!(
					"the database's block #{} ({}) is not on the node's chain (was the chain \
					 reset?): start with --reindex",
					c.height, c.hash
				)));
			}
			self.status.indexed.store(c.height, Ordering::Relaxed);
		}
		let from = cursor.as_ref().map_or(0, |c| c.height + 1);
		if from > finalized {
			return Ok(true);
		}
		let to = finalized.min(from + self.batch_blocks - 1);
		let to_hash = if to == finalized {
			finalized_hash
		} else {
			self.block_hash(to).await?.ok_or_else(|| chain_err(format!("no block #{to}")))?
		};
		let mut touched = Touched::default();
		for number in from..=to {
			self.scan_block(number, &mut touched).await?;
		}
		let batch = self.read_state(touched, &to_hash).await?;
		self.db.apply(&batch, &Cursor { genesis, height: to, hash: to_hash }).await?;
		self.status.indexed.store(to, Ordering::Relaxed);
		Ok(to == finalized)
	}

	/// Note what the registry events of block `number` touched.
	async fn scan_block(&self, number: i64, touched: &mut Touched) -> Result<(), IndexError> {
		let chain = self.chain().await?;
		let api = chain.api().await?;
		let at = api.at_block(number as u64).await.map_err(chain_err)?;
		let events = at.events().fetch().await.map_err(chain_err)?;
		let mut found: Vec<(Option<u32>, String, Composite<()>)> = Vec::new();
		for event in events.iter() {
			let event = event.map_err(chain_err)?;
			if event.pallet_name() != "ModuleRegistry" {
				continue;
			}
			let ext = match event.phase() {
				subxt::events::Phase::ApplyExtrinsic(i) => Some(i),
				_ => None,
			};
			let fields: Composite<()> = event.decode_fields_unchecked_as().map_err(chain_err)?;
			found.push((ext, event.event_name().to_owned(), fields));
		}
		if found.is_empty() {
			return Ok(());
		}
		let hash = format!("{:?}", at.block_hash());
		let now = subxt::dynamic::storage::<(), u64>("Timestamp", "Now");
		let ms = match at.storage().try_fetch(now, ()).await.map_err(chain_err)? {
			Some(v) => v.decode().map_err(chain_err)? as i64,
			None => 0,
		};
		touched.block_times.push((number, hash, ms));
		let extrinsics = at.extrinsics().fetch().await.map_err(chain_err)?;
		let ext_hashes: BTreeMap<u32, String> = extrinsics
			.iter()
			.filter_map(|x| x.ok())
			.map(|x| (x.index() as u32, format!("{:?}", x.hash())))
			.collect();
		for (ext, name, fields) in found {
			let touch = Touch {
				block: number,
				extrinsic: ext.map(i64::from),
				extrinsic_hash: ext.and_then(|i| ext_hashes.get(&i).cloned()),
			};
			self.note(touched, &name, &fields, touch).await?;
		}
		Ok(())
	}

	async fn note(
		&self,
		touched: &mut Touched,
		event: &str,
		fields: &Composite<()>,
		touch: Touch,
	) -> Result<(), IndexError> {
		for key_field in ["key", "entry_key"] {
			if let Some(key) = field(fields, key_field).and_then(value_bytes) {
				let key = hex0x(&key);
				touched.entries.insert(key.clone(), touch.clone());
				// A pin report on a version's entry changes the version's `pinStatus`.
				if let Some(package) = touched.version_entries.get(&key) {
					touched.package(package.clone(), None);
				} else if let Some((package, version)) = self.db.version_of_entry(&key).await? {
					touched.pin_reports.entry(package).or_default().insert(version);
				}
			}
		}
		let namespace = field_text(fields, "namespace");
		let name = field_text(fields, "name");
		match (namespace, name) {
			(Some(ns), Some(name)) => {
				let package = format!("{ns}/{name}");
				touched.package(package.clone(), Some(touch.clone()));
				if let Some(version) = field_text(fields, "version") {
					let id = (package.clone(), version);
					if event == "VersionPublished" {
						if let Some(key) = field(fields, "entry_key").and_then(value_bytes) {
							touched.version_entries.insert(hex0x(&key), package);
						}
						touched.published.insert(id.clone(), touch.clone());
					}
					touched.versions.insert(id, touch);
				}
			},
			(Some(ns), None) => {
				// Owners and maintainers show in every package of the namespace.
				for package in self.db.packages_in(&ns).await? {
					touched.package(package, None);
				}
				touched.namespaces.insert(ns, touch);
			},
			_ => {},
		}
		Ok(())
	}

	/// Read the state of everything `touched` names, at block `at`.
	async fn read_state(&self, touched: Touched, at: &str) -> Result<Batch, IndexError> {
		let mut batch = Batch { block_times: touched.block_times, ..Default::default() };
		for (key, touch) in touched.entries {
			let info = self
				.chain()
				.await?
				.rpc("moduleRegistry_getModuleInfo", rpc_params![&key, at])
				.await?;
			if info.is_null() {
				batch.removed_entries.push(key);
				continue;
			}
			let value =
				self.chain().await?.rpc("moduleRegistry_getModule", rpc_params![&key, at]).await?;
			let key_text = hex::decode(key.trim_start_matches("0x"))
				.ok()
				.and_then(|b| String::from_utf8(b).ok());
			batch.entries.push(EntryRow {
				key,
				key_text,
				info,
				value: value.as_str().unwrap_or_default().to_owned(),
				touch,
			});
		}
		for (namespace, touch) in touched.namespaces {
			let json = self
				.chain()
				.await?
				.rpc("moduleRegistry_getNamespace", rpc_params![&namespace, at])
				.await?;
			if json.is_null() {
				batch.removed_namespaces.push(namespace);
			} else {
				batch.namespaces.push(NamespaceRow { namespace, json, touch });
			}
		}
		let touched_versions: BTreeSet<_> = touched.versions.keys().cloned().collect();
		let mut packages = touched.packages;
		for (name, versions) in touched.pin_reports {
			if packages.contains_key(&name) {
				continue; // read in full below
			}
			match self.pin_report_rows(&name, &versions, at).await? {
				Some(rows) => batch.packages.push(rows),
				None => {
					packages.insert(name, None);
				},
			}
		}
		for (name, touch) in packages {
			let json = self
				.chain()
				.await?
				.rpc("moduleRegistry_getPackage", rpc_params![&name, at])
				.await?;
			if json.is_null() {
				batch.removed_packages.push(name);
				continue;
			}
			let known = self.db.known_metadata(&name).await?;
			let previous = self.db.package(&name).await?;
			let listed = self
				.chain()
				.await?
				.all_pages("moduleRegistry_versions", &[&name], "version", Some(at))
				.await?;
			let mut versions = Vec::with_capacity(listed.len());
			for v in listed {
				let version = v["version"].as_str().unwrap_or_default().to_owned();
				let metadata = match known.get(&version) {
					Some(m) => m.clone(),
					None => {
						let key = v["entryKey"].as_str().unwrap_or_default().to_owned();
						let doc = self
							.chain()
							.await?
							.rpc("moduleRegistry_getModule", rpc_params![&key, at])
							.await?;
						metadata::document_metadata(&doc)
					},
				};
				let id = (name.clone(), version.clone());
				versions.push(VersionRow {
					package: name.clone(),
					version,
					json: v,
					metadata,
					published_by: touched.published.get(&id).cloned(),
					touch: touched_versions.contains(&id).then(|| touched.versions[&id].clone()),
				});
			}
			let latest = json["latest"].as_str();
			let newest =
				versions.iter().find(|v| Some(v.version.as_str()) == latest).or(versions.last());
			let latest_pin = newest.map(|v| v.json["pinStatus"].clone()).unwrap_or(Json::Null);
			// The description, keywords and author of the latest version; when it was published
			// without them, those of the newest version that has them.
			let meta = newest
				.into_iter()
				.chain(by_precedence(&versions))
				.map(|v| &v.metadata)
				.find(|m| has_text(m))
				.cloned()
				.unwrap_or(Json::Null);
			let deprecated_at = match (&json["deprecated"], &previous) {
				(Json::Null, _) => None,
				(_, Some(p)) if p.deprecated_at.is_some() => p.deprecated_at,
				_ => match &touch {
					Some(t) => self.block_ms(&batch, t.block).await?,
					None => None,
				},
			};
			let row = PackageRow {
				words: search_words(&name),
				namespace: namespace_of(&name).to_owned(),
				description: metadata::text(&meta["description"]),
				keywords: metadata::list(&meta["keywords"]),
				author: metadata::text(&meta["author"]),
				tier: meta["tier"].as_str().map(str::to_owned),
				latest_pin,
				deprecated_at,
				name,
				json,
				touch,
			};
			batch.packages.push((row, versions));
		}
		Ok(batch)
	}

	/// The rows a pin report on some `versions` of `name` changes, when nothing else in the
	/// batch touched the package: those versions (one `moduleRegistry_resolve` each) and the
	/// package (its record, and the latest version's pin status), instead of every version page.
	/// `None` when that is not enough: the package is not indexed yet, or its `latest` moved.
	async fn pin_report_rows(
		&self,
		name: &str,
		versions: &BTreeSet<String>,
		at: &str,
	) -> Result<Option<(PackageRow, Vec<VersionRow>)>, IndexError> {
		let Some(previous) = self.db.package(name).await? else { return Ok(None) };
		let chain = self.chain().await?;
		let json = chain.rpc("moduleRegistry_getPackage", rpc_params![name, at]).await?;
		// A package that is gone (null) has no `latest` either.
		let latest = json["latest"].as_str();
		if latest.is_none() || json["latest"] != previous.json["latest"] {
			return Ok(None);
		}
		let known = self.db.known_metadata(name).await?;
		let mut rows = Vec::with_capacity(versions.len());
		let mut latest_pin = previous.latest_pin;
		for version in versions {
			// A version the exact range cannot name is read in full instead (an unreachable
			// node fails that read too, and the batch is retried).
			let exact = format!("={version}");
			let Ok(v) = chain.rpc("moduleRegistry_resolve", rpc_params![name, exact, at]).await
			else {
				return Ok(None);
			};
			let (Some(found), Some(metadata)) = (v["version"].as_str(), known.get(version)) else {
				return Ok(None);
			};
			if Some(found) == latest {
				latest_pin = v["pinStatus"].clone();
			}
			rows.push(VersionRow {
				package: name.to_owned(),
				version: found.to_owned(),
				json: v.clone(),
				metadata: metadata.clone(),
				published_by: None,
				touch: None,
			});
		}
		tracing::debug!("{name}: pin report on {versions:?}, {} version(s) read again", rows.len());
		let row = PackageRow {
			name: name.to_owned(),
			namespace: namespace_of(name).to_owned(),
			json,
			deprecated_at: previous.deprecated_at,
			words: search_words(name),
			description: previous.description,
			keywords: previous.keywords,
			author: previous.author,
			tier: previous.tier,
			latest_pin,
			touch: None,
		};
		Ok(Some((row, rows)))
	}

	async fn block_ms(&self, batch: &Batch, number: i64) -> Result<Option<i64>, IndexError> {
		if let Some((_, _, ms)) = batch.block_times.iter().find(|(n, _, _)| *n == number) {
			return Ok(Some(*ms));
		}
		Ok(self.db.block_time(number).await?)
	}
}

/// Whether version metadata says anything a search can use.
fn has_text(metadata: &Json) -> bool {
	["description", "keywords", "author"].iter().any(|k| match &metadata[*k] {
		Json::String(s) => !s.is_empty(),
		Json::Array(a) => !a.is_empty(),
		Json::Object(_) => true,
		_ => false,
	})
}

/// `versions` newest first by SemVer precedence.
fn by_precedence(versions: &[VersionRow]) -> Vec<&VersionRow> {
	let mut sorted: Vec<(module_registry_primitives::registry::Version, &VersionRow)> = versions
		.iter()
		.filter_map(|v| {
			Some((module_registry_primitives::registry::parse_version(&v.version).ok()?, v))
		})
		.collect();
	sorted.sort_by(|a, b| b.0.cmp_precedence(&a.0));
	sorted.into_iter().map(|(_, v)| v).collect()
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn byte_strings_come_out_of_nested_composites() {
		let bytes = Value::unnamed_composite(vec![Value::unnamed_composite(
			b"ab".iter().map(|b| Value::u128(u128::from(*b))).collect::<Vec<_>>(),
		)]);
		assert_eq!(value_bytes(&bytes), Some(b"ab".to_vec()));
		assert_eq!(value_bytes(&Value::u128(300)), None);
		assert_eq!(value_bytes(&Value::bool(true)), None);
	}

	#[test]
	fn optional_text_fields() {
		let some = Composite::Named(vec![(
			"version".into(),
			Value::variant(
				"Some",
				Composite::Unnamed(vec![Value::unnamed_composite(vec![Value::u128(49)])]),
			),
		)]);
		assert_eq!(field_text(&some, "version").as_deref(), Some("1"));
		let none = Composite::Named(vec![(
			"version".into(),
			Value::variant("None", Composite::Unnamed(vec![])),
		)]);
		assert_eq!(field_text(&none, "version"), None);
		assert_eq!(field_text(&none, "missing"), None);
	}
}
