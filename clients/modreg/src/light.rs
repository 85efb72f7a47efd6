//! Light-client mode: every read and every transaction goes through an embedded smoldot light
//! client, which follows the chain's GRANDPA finality itself and checks each storage value and
//! each runtime call against the finalized state root with Merkle proofs from its peers. No RPC
//! node is contacted, so no RPC node can lie to `modreg`.
//!
//! What is trusted is the chain specification (its genesis, hence the first validator set) and
//! the checkpoint this module saves in the user's cache; docs/ARCHITECTURE.md ("What each mode
//! trusts") says more.
//!
//! [`Light`] is a JSON-RPC client ([`RpcClientT`]) in front of smoldot, so subxt's
//! `OnlineClient` (metadata, storage, runtime calls, signed transactions) runs on it unchanged.
//! smoldot does not serve the node's own `moduleRegistry_*` methods: [`Light`] answers them from
//! the runtime API (`state_call`, which smoldot proves) in exactly the JSON shapes of
//! `pallet-module-registry-rpc`, whose types it reuses. Reads without a block are made at the
//! finalized block (the RPC node uses its best block).
//!
//! subxt's own `LightClient` cannot start from a saved database, so this module drives
//! `smoldot-light` (the crate subxt's light client wraps) directly. [`Light::save_checkpoint`]
//! keeps smoldot's database in the cache and [`Light::start`] gives it back, reduced to the
//! genesis hash and the peers (see [`read_checkpoint`] for why). Every start warp-syncs from the
//! chain spec's genesis with GRANDPA warp proofs: smoldot 1.3 starts from a later finalized
//! block only when the spec holds a checkpoint (`lightSyncState`), which Substrate writes for
//! BABE chains only, and this chain is Aura. Before answering, [`Light::start`] waits until the
//! finalized block's proven timestamp is recent (`max_age`), so peers that are behind cannot
//! serve a stale registry.

use std::{
	collections::HashMap,
	path::{Path, PathBuf},
	sync::Arc,
	time::{Duration, Instant},
};

use codec::{Decode, Encode};
use module_registry_primitives::{
	ListError, ModuleInfo, NamespaceView, PackageView, QueryError, TransferOffer, VersionView,
};
use pallet_module_registry_rpc::{
	list_error_message, query_error_message, EntryJson, InfoJson, NamespaceJson, PackageJson,
	VersionJson, DEFAULT_LIST_LIMIT,
};
use serde_json::{value::RawValue, Value};
use smoldot_light::platform::default::DefaultPlatform;
use subxt::rpcs::{
	client::{RawRpcFuture, RawRpcSubscription, RpcClientT},
	Error as RpcError, UserError,
};
use tokio::sync::{mpsc, oneshot};

/// The runtime's account id, balance and block number types (the runtime API is generic over
/// them; the module registry runtime uses these).
type AccountId = subxt::utils::AccountId32;
type Balance = u128;
type BlockNumber = u32;
type ModulePage = Vec<(Vec<u8>, ModuleInfo<AccountId, Balance, BlockNumber>)>;

/// The largest chain specification read (the dev runtime's is about 5 MiB of hex).
pub const MAX_SPEC_BYTES: u64 = 64 << 20;

/// How far below the finalized head a read's explicit block may be.
pub const MAX_BLOCKS_BACK: usize = 256;

/// How long [`Light::start`] waits for the light client to reach the chain's head by default.
pub const DEFAULT_SYNC_TIMEOUT: Duration = Duration::from_secs(120);

type Reply = oneshot::Sender<Result<Box<RawValue>, RpcError>>;
type Notifications = mpsc::UnboundedReceiver<Result<Box<RawValue>, RpcError>>;
type SubscribeReply = oneshot::Sender<Result<(String, Notifications), RpcError>>;

enum Command {
	Request { method: String, params: Option<Box<RawValue>>, reply: Reply },
	Subscribe { method: String, params: Option<Box<RawValue>>, reply: SubscribeReply },
}

/// One answer or notification of smoldot's JSON-RPC service. `result` keeps a JSON `null`
/// (an answer such as "no such value"), which a plain `Option` would take for a missing field.
#[derive(serde::Deserialize)]
struct Incoming {
	id: Option<Value>,
	#[serde(default, deserialize_with = "present")]
	result: Option<Box<RawValue>>,
	error: Option<Box<RawValue>>,
	params: Option<NotificationParams>,
}

fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Box<RawValue>>, D::Error> {
	<Box<RawValue> as serde::Deserialize>::deserialize(d).map(Some)
}

#[derive(serde::Deserialize)]
struct NotificationParams {
	subscription: Value,
	result: Box<RawValue>,
}

/// Where and how [`Light::start`] begins.
#[derive(Clone)]
pub struct StartOptions {
	/// The chain specification's JSON text (raw genesis, with bootnodes).
	pub spec: String,
	/// The cache folder the saved database goes to, under `light/` (`None`: nothing saved).
	pub cache: Option<PathBuf>,
	/// Longest wait for the head of the chain.
	pub timeout: Duration,
	/// The oldest finalized block (by its on-chain timestamp) the client accepts as the head;
	/// `None` accepts any (a chain that stopped long ago).
	pub max_age: Option<Duration>,
	/// Print sync progress to standard error.
	pub progress: bool,
}

/// How the light client started, for the user and for tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartReport {
	/// Whether saved peers were given to smoldot.
	pub saved_peers: bool,
	/// The finalized block number once synced.
	pub synced_block: u64,
}

/// An embedded smoldot light client speaking JSON-RPC (see the module docs).
#[derive(Clone)]
pub struct Light {
	commands: mpsc::UnboundedSender<Command>,
	checkpoint: Option<PathBuf>,
	/// What the start looked like.
	pub report: StartReport,
}

/// Errors of the light client.
#[derive(Debug, thiserror::Error)]
pub enum LightError {
	/// The chain specification cannot be read or smoldot refused it.
	#[error("chain spec: {0}")]
	Spec(String),
	/// The client did not reach the chain's head in time.
	#[error("light client: {0}")]
	Sync(String),
	/// A JSON-RPC call failed.
	#[error("light client: {0}")]
	Rpc(#[from] RpcError),
	/// The checkpoint could not be written.
	#[error("light client checkpoint {path}: {error}")]
	Checkpoint { path: String, error: std::io::Error },
}

/// Read a chain specification file, bounded in size.
pub fn read_spec(path: &Path) -> Result<String, LightError> {
	use std::io::Read;
	let file = std::fs::File::open(path)
		.map_err(|e| LightError::Spec(format!("cannot read {}: {e}", path.display())))?;
	let mut text = String::new();
	file.take(MAX_SPEC_BYTES + 1)
		.read_to_string(&mut text)
		.map_err(|e| LightError::Spec(format!("cannot read {}: {e}", path.display())))?;
	if text.len() as u64 > MAX_SPEC_BYTES {
		return Err(LightError::Spec(format!(
			"{} is larger than {MAX_SPEC_BYTES} bytes",
			path.display()
		)));
	}
	Ok(text)
}

/// What [`check_spec`] reads from a chain specification.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpecInfo {
	/// Its `name`.
	pub name: String,
	/// Its `id` (empty when it has none).
	pub id: String,
	/// How many bootnodes it names.
	pub bootnodes: usize,
}

/// Check that `spec` is a chain specification smoldot can start from (raw genesis storage),
/// and read its name, id and number of bootnodes.
pub fn check_spec(spec: &str) -> Result<SpecInfo, LightError> {
	let value: Value =
		serde_json::from_str(spec).map_err(|e| LightError::Spec(format!("not JSON: {e}")))?;
	let name =
		value["name"].as_str().ok_or_else(|| LightError::Spec("no \"name\"".into()))?.to_owned();
	if value["genesis"]["raw"].is_null() {
		return Err(LightError::Spec(
			"the genesis is not raw storage: export it with `module-registry-node \
			 export-chain-spec --raw`"
				.into(),
		));
	}
	let bootnodes = value["bootNodes"].as_array().map_or(0, Vec::len);
	let id = value["id"].as_str().unwrap_or_default().to_owned();
	Ok(SpecInfo { name, id, bootnodes })
}

/// The saved database of a chain in the cache folder `cache`: named after the spec's `id`
/// and a digest of the whole spec, so two chains never share one.
pub fn checkpoint_path(cache: &Path, id: &str, spec: &str) -> PathBuf {
	let safe: String = id
		.chars()
		.map(|c| if c.is_ascii_alphanumeric() || c == '_' || c == '-' { c } else { '_' })
		.take(64)
		.collect();
	let digest = sha2_hex(spec.as_bytes());
	cache.join("light").join(format!("{safe}-{}.json", &digest[..16]))
}

fn sha2_hex(bytes: &[u8]) -> String {
	use sha2::Digest;
	hex::encode(sha2::Sha256::digest(bytes))
}

/// smoldot's log: kept quiet unless `MODREG_LOG` is `debug`, `info` or `warn` (then printed to
/// standard error).
struct SmoldotLog {
	level: log::LevelFilter,
}

static SMOLDOT_LOG: std::sync::OnceLock<&'static SmoldotLog> = std::sync::OnceLock::new();

impl log::Log for SmoldotLog {
	fn enabled(&self, metadata: &log::Metadata) -> bool {
		metadata.level() <= self.level
	}

	fn log(&self, record: &log::Record) {
		if self.enabled(record.metadata()) {
			eprintln!("[{}] {}", record.target(), record.args());
		}
	}

	fn flush(&self) {}
}

fn install_smoldot_log() {
	SMOLDOT_LOG.get_or_init(|| {
		let level = match std::env::var("MODREG_LOG").as_deref() {
			Ok("debug") => log::LevelFilter::Debug,
			Ok("info") => log::LevelFilter::Info,
			Ok("warn") => log::LevelFilter::Warn,
			_ => log::LevelFilter::Off,
		};
		let logger: &'static SmoldotLog = Box::leak(Box::new(SmoldotLog { level }));
		if log::set_logger(logger).is_ok() {
			log::set_max_level(level);
		}
		logger
	});
}

impl Light {
	/// Start smoldot on `options.spec` (from the checkpoint when there is one) and wait until it
	/// has peers and has reached the chain's head. Must run inside a tokio runtime.
	pub async fn start(options: StartOptions) -> Result<Self, LightError> {
		let info = check_spec(&options.spec)?;
		let checkpoint =
			options.cache.as_deref().map(|cache| checkpoint_path(cache, &info.id, &options.spec));
		let database = match &checkpoint {
			Some(path) => read_checkpoint(path),
			None => String::new(),
		};
		install_smoldot_log();
		let mut client: smoldot_light::Client<Arc<DefaultPlatform>, ()> =
			smoldot_light::Client::new(DefaultPlatform::new(
				"modreg".into(),
				env!("CARGO_PKG_VERSION").into(),
			));
		let added = client
			.add_chain(smoldot_light::AddChainConfig {
				user_data: (),
				specification: &options.spec,
				database_content: &database,
				potential_relay_chains: std::iter::empty(),
				json_rpc: smoldot_light::AddChainConfigJsonRpc::Enabled {
					max_pending_requests: std::num::NonZeroU32::new(1024).expect("not zero"),
					max_subscriptions: 1024,
				},
				statement_protocol_config: None,
			})
			.map_err(|e| LightError::Spec(e.to_string()))?;
		let chain_id = added.chain_id;
		let mut responses = added.json_rpc_responses.expect("JSON-RPC is enabled");

		let (answers_tx, answers) = mpsc::unbounded_channel::<String>();
		tokio::spawn(async move {
			while let Some(answer) = responses.next().await {
				if answers_tx.send(answer).is_err() {
					break;
				}
			}
		});
		let (commands, command_rx) = mpsc::unbounded_channel();
		tokio::spawn(serve(client, chain_id, command_rx, answers));

		let mut light = Self {
			commands,
			checkpoint,
			report: StartReport { saved_peers: !database.is_empty(), synced_block: 0 },
		};
		if options.progress {
			if light.report.saved_peers {
				eprintln!(
					"light client: warp sync from the chain spec's genesis (saved peers loaded)"
				);
			} else {
				eprintln!("light client: warp sync from the chain spec's genesis");
			}
		}
		light.report.synced_block =
			light.wait_synced(options.timeout, options.max_age, options.progress).await?;
		// Save at once too: a command that fails later still leaves its peers behind.
		light.save_checkpoint().await?;
		Ok(light)
	}

	async fn call<T: serde::de::DeserializeOwned>(
		&self,
		method: &str,
		params: Value,
	) -> Result<T, RpcError> {
		let params = RawValue::from_string(params.to_string()).map_err(RpcError::Serialization)?;
		let answer = self.request(method, Some(params)).await?;
		serde_json::from_str(answer.get()).map_err(RpcError::Deserialization)
	}

	async fn request(
		&self,
		method: &str,
		params: Option<Box<RawValue>>,
	) -> Result<Box<RawValue>, RpcError> {
		let (reply, answer) = oneshot::channel();
		self.commands
			.send(Command::Request { method: method.to_owned(), params, reply })
			.map_err(|_| gone())?;
		answer.await.map_err(|_| gone())?
	}

	async fn finalized_hash(&self) -> Result<String, RpcError> {
		self.call("chain_getFinalizedHead", Value::Array(vec![])).await
	}

	async fn finalized_number(&self) -> Result<u64, RpcError> {
		let hash = self.finalized_hash().await?;
		self.block_number(&hash).await
	}

	async fn block_number(&self, hash: &str) -> Result<u64, RpcError> {
		let header: Value = self.call("chain_getHeader", serde_json::json!([hash])).await?;
		let number = header["number"]
			.as_str()
			.ok_or_else(|| bad(format!("block {hash} is not known to the light client")))?;
		u64::from_str_radix(number.trim_start_matches("0x"), 16)
			.map_err(|e| RpcError::Client(format!("a header number {number:?}: {e}").into()))
	}

	/// `at` when it is a finalized block of the chain the client follows: the finalized head
	/// or one of its last [`MAX_BLOCKS_BACK`] ancestors (walked by parent hash). A block that is
	/// only announced (sealed by its author, not finalized) is refused: its state is not vouched
	/// for by the validators.
	async fn finalized_block(&self, at: &str) -> Result<String, RpcError> {
		let mut hash = self.finalized_hash().await?;
		for _ in 0..=MAX_BLOCKS_BACK {
			if hash.eq_ignore_ascii_case(at) {
				return Ok(hash);
			}
			let header: Value = self.call("chain_getHeader", serde_json::json!([hash])).await?;
			match header["parentHash"].as_str() {
				Some(parent) if header["number"].as_str() != Some("0x0") =>
					hash = parent.to_owned(),
				_ => break,
			}
		}
		Err(bad(format!(
			"block {at} is not the finalized head or one of its last {MAX_BLOCKS_BACK} ancestors"
		)))
	}

	/// The `Timestamp::Now` of the finalized block (a proven storage read), in milliseconds.
	async fn finalized_time_ms(&self) -> Result<Option<u64>, RpcError> {
		let mut key = sp_crypto_hashing::twox_128(b"Timestamp").to_vec();
		key.extend(sp_crypto_hashing::twox_128(b"Now"));
		let hash = self.finalized_hash().await?;
		let value: Option<String> = self
			.call("state_getStorage", serde_json::json!([format!("0x{}", hex::encode(key)), hash]))
			.await?;
		Ok(value.and_then(|v| {
			let bytes = hex::decode(v.trim_start_matches("0x")).ok()?;
			u64::decode(&mut &bytes[..]).ok()
		}))
	}

	/// Wait until smoldot has a peer and says it is not syncing; the finalized block number.
	async fn wait_synced(
		&self,
		timeout: Duration,
		max_age: Option<Duration>,
		progress: bool,
	) -> Result<u64, LightError> {
		let started = Instant::now();
		let mut last_line = String::new();
		loop {
			let health: Value = self.call("system_health", Value::Array(vec![])).await?;
			let peers = health["peers"].as_u64().unwrap_or(0);
			let syncing = health["isSyncing"].as_bool().unwrap_or(true);
			let finalized = self.finalized_number().await?;
			if peers > 0 && !syncing {
				// smoldot calls itself synced when no peer claims a head far above its own: one
				// lagging or lying peer can say that of a stale block. The finalized block's
				// proven timestamp must be recent.
				let now_ms = std::time::SystemTime::now()
					.duration_since(std::time::UNIX_EPOCH)
					.map_or(0, |d| d.as_millis() as u64);
				let stale = match (max_age, self.finalized_time_ms().await?) {
					(None, _) => None,
					(Some(max), Some(at))
						if now_ms.saturating_sub(at) <= max.as_millis() as u64 =>
						None,
					(Some(_), at) =>
						Some(at.map_or(u64::MAX, |at| now_ms.saturating_sub(at) / 1000)),
				};
				match stale {
					None => {
						if progress {
							eprintln!(
								"light client: synced, finalized #{finalized} ({peers} peers)"
							);
						}
						return Ok(finalized);
					},
					Some(age) if started.elapsed() > timeout =>
						return Err(LightError::Sync(format!(
							"the newest finalized block the peers showed (#{finalized}) is {age} s \
							 old: the peers are behind, or the chain stopped finalizing \
							 (--light-max-age 0 accepts it)"
						))),
					Some(_) => {},
				}
			}
			if progress {
				let line = format!("light client: syncing, finalized #{finalized}, {peers} peers");
				if line != last_line {
					eprintln!("{line}");
					last_line = line;
				}
			}
			if started.elapsed() > timeout {
				return Err(LightError::Sync(format!(
					"not synced after {} s ({peers} peers, finalized #{finalized}): are the chain \
					 spec's bootnodes reachable?",
					timeout.as_secs()
				)));
			}
			tokio::time::sleep(Duration::from_millis(50)).await;
		}
	}

	/// Save smoldot's finalized database as the checkpoint (written to a temporary file and
	/// renamed, so a killed `modreg` never leaves half a checkpoint).
	pub async fn save_checkpoint(&self) -> Result<(), LightError> {
		let Some(path) = &self.checkpoint else { return Ok(()) };
		let database: String =
			self.call("chainHead_unstable_finalizedDatabase", Value::Array(vec![])).await?;
		let failed = |error: std::io::Error| LightError::Checkpoint {
			path: path.display().to_string(),
			error,
		};
		let dir = path.parent().expect("a checkpoint path has a folder");
		crate::content::make_private_dir(dir).map_err(failed)?;
		let mut file = tempfile::NamedTempFile::new_in(dir).map_err(failed)?;
		std::io::Write::write_all(&mut file, sanitize_database(&database).as_bytes())
			.map_err(failed)?;
		file.persist(path).map_err(|e| failed(e.error))?;
		Ok(())
	}

	/// Answer a `moduleRegistry_*` method from the runtime API, as the node's RPC would.
	async fn registry_method(
		&self,
		method: &str,
		params: Option<&RawValue>,
	) -> Result<Value, RpcError> {
		let args: Vec<Value> = match params {
			Some(p) => serde_json::from_str(p.get()).map_err(RpcError::Deserialization)?,
			None => Vec::new(),
		};
		let arg = |i: usize| args.get(i).cloned().unwrap_or(Value::Null);
		let text = |i: usize| -> Result<String, RpcError> {
			arg(i)
				.as_str()
				.map(str::to_owned)
				.ok_or_else(|| bad(format!("argument {i} is not text")))
		};
		let opt_text = |i: usize| -> Result<Option<String>, RpcError> {
			match arg(i) {
				Value::Null => Ok(None),
				Value::String(s) => Ok(Some(s)),
				_ => Err(bad(format!("argument {i} is not text"))),
			}
		};
		let bytes = |i: usize| -> Result<Vec<u8>, RpcError> {
			let t = text(i)?;
			hex::decode(t.trim_start_matches("0x")).map_err(|e| bad(format!("argument {i}: {e}")))
		};
		let limit = |i: usize| -> Result<u32, RpcError> {
			match arg(i) {
				Value::Null => Ok(DEFAULT_LIST_LIMIT),
				v => v
					.as_u64()
					.and_then(|n| u32::try_from(n).ok())
					.ok_or_else(|| bad(format!("argument {i} is not a count"))),
			}
		};
		let at = |i: usize| -> Result<Option<String>, RpcError> { opt_text(i) };
		match method {
			"moduleRegistry_getModule" => {
				let value: Option<Vec<u8>> = self
					.runtime("ModuleRegistryApi_get_module", (bytes(0)?,).encode(), at(1)?)
					.await?;
				json(&value.map(|v| format!("0x{}", hex::encode(v))))
			},
			"moduleRegistry_getModuleInfo" => {
				let info: Option<ModuleInfo<AccountId, Balance, BlockNumber>> = self
					.runtime("ModuleRegistryApi_get_module_info", (bytes(0)?,).encode(), at(1)?)
					.await?;
				json(&info.map(InfoJson::new))
			},
			"moduleRegistry_listModules" => {
				let start_after = match arg(0) {
					Value::Null => None,
					_ => Some(bytes(0)?),
				};
				let page: Result<ModulePage, ListError> = self
					.runtime(
						"ModuleRegistryApi_list_modules",
						(start_after, limit(1)?).encode(),
						at(2)?,
					)
					.await?;
				let page = page.map_err(|e| bad(list_error_message(e)))?;
				json(
					&page
						.into_iter()
						.map(|(key, info)| EntryJson::new(key, info))
						.collect::<Vec<_>>(),
				)
			},
			"moduleRegistry_getTransferOffer" => {
				let offer: Option<TransferOffer<AccountId>> = self
					.runtime("ModuleRegistryApi_get_transfer_offer", (bytes(0)?,).encode(), at(1)?)
					.await?;
				json(&offer)
			},
			"moduleRegistry_resolve" => {
				let args = (text(0)?.into_bytes(), text(1)?.into_bytes()).encode();
				let found: Option<VersionView<AccountId, BlockNumber>> =
					self.query("PackageRegistryApi_resolve", args, at(2)?).await?;
				json(&found.map(VersionJson::new))
			},
			"moduleRegistry_versions" => {
				let args = (text(0)?.into_bytes(), opt_text(1)?.map(String::into_bytes), limit(2)?)
					.encode();
				let page: Vec<VersionView<AccountId, BlockNumber>> =
					self.query("PackageRegistryApi_versions", args, at(3)?).await?;
				json(&page.into_iter().map(VersionJson::new).collect::<Vec<_>>())
			},
			"moduleRegistry_getPackage" => {
				let args = (text(0)?.into_bytes(),).encode();
				let found: Option<PackageView<AccountId, BlockNumber>> =
					self.query("PackageRegistryApi_get_package", args, at(1)?).await?;
				json(&found.map(PackageJson::new))
			},
			"moduleRegistry_listPackages" => {
				let args = (opt_text(0)?.map(String::into_bytes), limit(1)?).encode();
				let page: Vec<PackageView<AccountId, BlockNumber>> =
					self.query("PackageRegistryApi_list_packages", args, at(2)?).await?;
				json(&page.into_iter().map(PackageJson::new).collect::<Vec<_>>())
			},
			"moduleRegistry_getNamespace" => {
				let args = (text(0)?.into_bytes(),).encode();
				let found: Option<NamespaceView<AccountId, Balance, BlockNumber>> =
					self.query("PackageRegistryApi_get_namespace", args, at(1)?).await?;
				json(&found.map(NamespaceJson::new))
			},
			_ => Err(RpcError::User(UserError::method_not_found())),
		}
	}

	/// A `PackageRegistryApi` call, whose answer is `Result<T, QueryError>`: a refused name or
	/// range is the RPC's `BAD_ARGUMENT` error with its words.
	async fn query<T: Decode>(
		&self,
		function: &str,
		args: Vec<u8>,
		at: Option<String>,
	) -> Result<T, RpcError> {
		let answer: Result<T, QueryError> = self.runtime(function, args, at).await?;
		answer.map_err(|e| bad(query_error_message(e)))
	}

	/// `state_call` of a runtime API function at `at` (the finalized block when `None`), its
	/// answer decoded as `T`; smoldot checks the call's proof against the block's state root.
	async fn runtime<T: Decode>(
		&self,
		function: &str,
		args: Vec<u8>,
		at: Option<String>,
	) -> Result<T, RpcError> {
		let at = match at {
			Some(at) => self.finalized_block(&at).await?,
			None => self.finalized_hash().await?,
		};
		let answer: String = self
			.call(
				"state_call",
				serde_json::json!([function, format!("0x{}", hex::encode(args)), at]),
			)
			.await?;
		let bytes = hex::decode(answer.trim_start_matches("0x"))
			.map_err(|e| RpcError::Client(format!("{function}: not hex: {e}").into()))?;
		T::decode(&mut &bytes[..]).map_err(RpcError::Decode)
	}
}

fn json<T: serde::Serialize>(value: &T) -> Result<Value, RpcError> {
	serde_json::to_value(value).map_err(RpcError::Serialization)
}

fn bad(message: impl Into<String>) -> RpcError {
	RpcError::User(UserError {
		code: pallet_module_registry_rpc::BAD_ARGUMENT,
		message: message.into(),
		data: None,
	})
}

fn gone() -> RpcError {
	RpcError::Client("the light client stopped".into())
}

/// The saved database, reduced to what cannot change what the client believes: the genesis
/// hash and the peers' addresses. smoldot would trust a database's runtime code when its
/// Merkle value matches (without hashing the code again), and its finalized block when the
/// spec has a checkpoint, so a file planted in the cache could make it run another runtime or
/// follow another chain; both are dropped. The file must be a regular file of this user, not
/// readable or writable by others. Anything else is a cold start.
fn read_checkpoint(path: &Path) -> String {
	use std::{io::Read, os::unix::fs::MetadataExt};
	let Ok(meta) = std::fs::symlink_metadata(path) else { return String::new() };
	let uid = crate::content::user_id();
	if !meta.file_type().is_file() || meta.uid() != uid || meta.mode() & 0o077 != 0 {
		eprintln!(
			"warning: ignoring the light client database {}: not a private file of this user",
			path.display()
		);
		return String::new();
	}
	let Ok(file) = std::fs::File::open(path) else { return String::new() };
	let mut text = String::new();
	if file.take(MAX_SPEC_BYTES).read_to_string(&mut text).is_err() {
		return String::new();
	}
	sanitize_database(&text)
}

/// Keep only `genesisHash` and `nodes` of a smoldot database (see [`read_checkpoint`]).
fn sanitize_database(text: &str) -> String {
	let Ok(Value::Object(mut database)) = serde_json::from_str::<Value>(text) else {
		return String::new();
	};
	database.retain(|k, _| k == "genesisHash" || k == "nodes");
	Value::Object(database).to_string()
}

/// The task that owns smoldot: sends requests, routes answers to their callers and
/// notifications to their subscriptions.
async fn serve(
	mut client: smoldot_light::Client<Arc<DefaultPlatform>, ()>,
	chain_id: smoldot_light::ChainId,
	mut commands: mpsc::UnboundedReceiver<Command>,
	mut answers: mpsc::UnboundedReceiver<String>,
) {
	enum Waiting {
		Request(Reply),
		Subscribe(SubscribeReply),
	}
	let mut next_id: u64 = 0;
	let mut waiting: HashMap<u64, Waiting> = HashMap::new();
	let mut subscriptions: HashMap<String, mpsc::UnboundedSender<Result<Box<RawValue>, RpcError>>> =
		HashMap::new();
	loop {
		tokio::select! {
			command = commands.recv() => {
				let Some(command) = command else { return };
				next_id += 1;
				let (method, params, entry) = match command {
					Command::Request { method, params, reply } =>
						(method, params, Waiting::Request(reply)),
					Command::Subscribe { method, params, reply } =>
						(method, params, Waiting::Subscribe(reply)),
				};
				let request = serde_json::json!({
					"jsonrpc": "2.0",
					"id": next_id,
					"method": method,
					"params": params.map(|p| serde_json::from_str::<Value>(p.get()).unwrap_or(Value::Null))
						.unwrap_or(Value::Array(vec![])),
				});
				match client.json_rpc_request(request.to_string(), chain_id) {
					Ok(()) => {
						waiting.insert(next_id, entry);
					},
					Err(e) => {
						let error = RpcError::Client(e.to_string().into());
						match entry {
							Waiting::Request(reply) => drop(reply.send(Err(error))),
							Waiting::Subscribe(reply) => drop(reply.send(Err(error))),
						}
					},
				}
			},
			answer = answers.recv() => {
				let Some(answer) = answer else { return };
				let Ok(incoming) = serde_json::from_str::<Incoming>(&answer) else { continue };
				if let Some(params) = incoming.params {
					let id = match params.subscription {
						Value::String(s) => s,
						other => other.to_string(),
					};
					if let Some(sink) = subscriptions.get(&id) {
						if sink.send(Ok(params.result)).is_err() {
							subscriptions.remove(&id);
						}
					}
					continue;
				}
				let Some(id) = incoming.id.as_ref().and_then(Value::as_u64) else { continue };
				let Some(entry) = waiting.remove(&id) else { continue };
				let outcome = match (incoming.result, incoming.error) {
					(Some(result), _) => Ok(result),
					(None, Some(error)) => Err(match serde_json::from_str::<UserError>(error.get()) {
						Ok(user) => RpcError::User(user),
						Err(_) => RpcError::Client(error.get().to_owned().into()),
					}),
					(None, None) => Err(RpcError::Client("an answer without a result".into())),
				};
				match entry {
					Waiting::Request(reply) => drop(reply.send(outcome)),
					Waiting::Subscribe(reply) => {
						let subscribed = outcome.and_then(|result| {
							let id = match serde_json::from_str::<Value>(result.get()) {
								Ok(Value::String(s)) => s,
								Ok(other) => other.to_string(),
								Err(e) => return Err(RpcError::Deserialization(e)),
							};
							let (sink, stream) = mpsc::unbounded_channel();
							subscriptions.insert(id.clone(), sink);
							Ok((id, stream))
						});
						drop(reply.send(subscribed));
					},
				}
			},
		}
	}
}

impl RpcClientT for Light {
	fn request_raw<'a>(
		&'a self,
		method: &'a str,
		params: Option<Box<RawValue>>,
	) -> RawRpcFuture<'a, Box<RawValue>> {
		Box::pin(async move {
			if method.starts_with("moduleRegistry_") {
				let value = self.registry_method(method, params.as_deref()).await?;
				return RawValue::from_string(value.to_string()).map_err(RpcError::Serialization);
			}
			self.request(method, params).await
		})
	}

	fn subscribe_raw<'a>(
		&'a self,
		sub: &'a str,
		params: Option<Box<RawValue>>,
		_unsub: &'a str,
	) -> RawRpcFuture<'a, RawRpcSubscription> {
		Box::pin(async move {
			let (reply, answer) = oneshot::channel();
			self.commands
				.send(Command::Subscribe { method: sub.to_owned(), params, reply })
				.map_err(|_| gone())?;
			let (id, mut notifications) = answer.await.map_err(|_| gone())??;
			Ok(RawRpcSubscription {
				id: Some(id),
				stream: Box::pin(futures::stream::poll_fn(move |cx| notifications.poll_recv(cx))),
			})
		})
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn a_saved_database_keeps_only_the_genesis_and_the_peers() {
		let saved = r#"{"genesisHash":"ab","chain":{"finalized_block_header":"00"},
			"nodes":{"12D3":["/ip4/127.0.0.1/tcp/1"]},"runtimeCode":"0061736d","codeMerkleValue":"cd"}"#;
		let kept: Value = serde_json::from_str(&sanitize_database(saved)).unwrap();
		assert_eq!(
			kept,
			serde_json::json!({"genesisHash": "ab", "nodes": {"12D3": ["/ip4/127.0.0.1/tcp/1"]}})
		);
		assert_eq!(sanitize_database("not json"), "");
		assert_eq!(sanitize_database("[1]"), "");
	}

	#[test]
	fn a_planted_database_is_ignored() {
		let dir = tempfile::tempdir().unwrap();
		let path = dir.path().join("db.json");
		std::fs::write(&path, r#"{"genesisHash":"ab","nodes":{}}"#).unwrap();
		use std::os::unix::fs::PermissionsExt;
		std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
		assert_eq!(read_checkpoint(&path), "", "readable by others");
		std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
		assert!(read_checkpoint(&path).contains("genesisHash"));
		let link = dir.path().join("link.json");
		std::os::unix::fs::symlink(&path, &link).unwrap();
		assert_eq!(read_checkpoint(&link), "", "a symbolic link");
	}

	#[test]
	fn a_null_result_is_an_answer() {
		let null: Incoming =
			serde_json::from_str(r#"{"jsonrpc":"2.0","id":3,"result":null}"#).unwrap();
		assert_eq!(null.result.map(|r| r.get().to_owned()), Some("null".to_owned()));
		let error: Incoming =
			serde_json::from_str(r#"{"jsonrpc":"2.0","id":3,"error":{"code":1,"message":"x"}}"#)
				.unwrap();
		assert!(error.result.is_none() && error.error.is_some());
	}

	#[test]
	fn specs_without_raw_genesis_are_refused() {
		assert!(check_spec(r#"{"name":"x","genesis":{"runtimeGenesis":{}}}"#).is_err());
		assert_eq!(
			check_spec(r#"{"name":"x","bootNodes":["/ip4/1"],"genesis":{"raw":{"top":{}}}}"#)
				.unwrap(),
			SpecInfo { name: "x".into(), id: String::new(), bootnodes: 1 }
		);
	}
}
