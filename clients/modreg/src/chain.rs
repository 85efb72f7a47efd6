//! The chain side: subxt's dynamic API against `ModuleRegistry` (no generated code, so the CLI
//! keeps working across runtime upgrades that keep the names).

use scale_decode::DecodeAsType;
use serde::Serialize;
use subxt::{dynamic, OnlineClient, PolkadotConfig};
use subxt_signer::{sr25519::Keypair, SecretUri};

/// Errors talking to the chain.
#[derive(Debug, thiserror::Error)]
pub enum ChainError {
	/// The node could not be reached or answered oddly.
	#[error("node: {0}")]
	Node(String),
	/// The chain refused the transaction (the pallet error is in the message).
	#[error("refused by the chain: {0}")]
	Dispatch(String),
	/// The signing key could not be read.
	#[error("bad --suri: {0}")]
	Key(String),
	/// The node refused a query's argument (for example a bad name or range).
	#[error("{0}")]
	BadArgument(String),
}

fn node_err(e: impl std::fmt::Display) -> ChainError {
	ChainError::Node(e.to_string())
}

/// The kind of a value.
#[derive(Debug, Clone, DecodeAsType, Serialize, PartialEq)]
pub enum ValueKind {
	/// JSON metadata.
	Json,
	/// A raw CID.
	Cid,
}

/// Why pinning failed.
#[derive(Debug, Clone, DecodeAsType, Serialize, PartialEq)]
pub enum PinFailure {
	Timeout,
	HttpError,
	MalformedResponse,
	HashMismatch,
	Unsupported,
}

/// The pin status of an entry (serialised as the node's RPC does: camelCase variants, SS58).
#[derive(Debug, Clone, DecodeAsType, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub enum PinStatus {
	NoPinnableCid,
	Pending,
	Verified {
		at: u32,
		#[serde(serialize_with = "ss58")]
		by: [u8; 32],
	},
	Failed {
		reason: PinFailure,
		attempts: u32,
	},
	Rejected {
		reason: PinFailure,
		at: u32,
	},
}

/// An account id as SS58 text (generic prefix 42), as the node's RPC prints it.
pub fn ss58_text(account: &[u8; 32]) -> String {
	subxt::utils::AccountId32(*account).to_string()
}

fn ss58<S: serde::Serializer>(account: &[u8; 32], s: S) -> Result<S::Ok, S::Error> {
	s.serialize_str(&ss58_text(account))
}

/// Why `list_modules` refused a request.
#[derive(Debug, Clone, DecodeAsType, Serialize, PartialEq)]
pub enum ListError {
	StartAfterTooLong,
}

/// What the chain records about a key.
#[derive(Debug, Clone, DecodeAsType, Serialize)]
pub struct ModuleInfo {
	pub owner: [u8; 32],
	pub deposit: u128,
	pub created: u32,
	pub updated: u32,
	pub update_count: u32,
	pub value_len: u32,
	pub kind: ValueKind,
	pub cid: Option<Vec<u8>>,
	pub pin_status: PinStatus,
}

/// Where a submitted transaction landed (in a finalized block).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Included {
	/// The finalized block's hash (`0x…`).
	pub block_hash: String,
	/// The transaction's index in that block.
	pub extrinsic_index: usize,
	/// The transaction's hash (`0x…`).
	pub extrinsic_hash: String,
}

/// The name of the pallet error in a [`ChainError::Dispatch`] message (`"NotOwner"` from
/// "… ModuleRegistry::NotOwner …"), if it names one.
pub fn pallet_error_name(message: &str) -> Option<&str> {
	let rest = &message[message.find("ModuleRegistry")? + "ModuleRegistry".len()..];
	let rest = rest.trim_start_matches(|c: char| !c.is_ascii_alphanumeric());
	let end = rest.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(rest.len());
	(end > 0).then(|| &rest[..end])
}

/// A connection to a node.
///
/// The subxt client (which downloads and decodes the runtime metadata) is made on first use, so
/// commands that only call the node's RPC (`resolve`, `versions`, …) do not pay for it.
pub struct Chain {
	url: String,
	api: tokio::sync::OnceCell<OnlineClient<PolkadotConfig>>,
	rpc: subxt::rpcs::client::RpcClient,
}

/// The light client of this process, when [`use_light`] asked for one: started by the first
/// [`Chain::connect`], shared by every later one.
static LIGHT_OPTIONS: std::sync::OnceLock<crate::light::StartOptions> = std::sync::OnceLock::new();
static LIGHT: tokio::sync::OnceCell<crate::light::Light> = tokio::sync::OnceCell::const_new();

/// Make every [`Chain::connect`] of this process go through an embedded light client started
/// from `options` instead of the node at its URL (`modreg --light`).
pub fn use_light(options: crate::light::StartOptions) {
	let _ = LIGHT_OPTIONS.set(options);
}

/// The light client, when one was started.
pub fn light() -> Option<&'static crate::light::Light> {
	LIGHT.get()
}

impl Chain {
	/// Connect to `url` (`ws://` or `wss://`), or, after [`use_light`], to the light client
	/// (started on first use; `url` is not contacted).
	pub async fn connect(url: &str) -> Result<Self, ChainError> {
		if let Some(options) = LIGHT_OPTIONS.get() {
			let light = LIGHT
				.get_or_try_init(|| crate::light::Light::start(options.clone()))
				.await
				.map_err(node_err)?;
			let rpc = subxt::rpcs::client::RpcClient::new(light.clone());
			return Ok(Self {
				url: "the light client".into(),
				api: tokio::sync::OnceCell::new(),
				rpc,
			});
		}
		let cannot =
			|e: &dyn std::fmt::Display| ChainError::Node(format!("cannot connect to {url}: {e}"));
		let rpc =
			subxt::rpcs::client::RpcClient::from_insecure_url(url).await.map_err(|e| cannot(&e))?;
		Ok(Self { url: url.to_string(), api: tokio::sync::OnceCell::new(), rpc })
	}

	/// The subxt client (made on first use).
	pub async fn api(&self) -> Result<&OnlineClient<PolkadotConfig>, ChainError> {
		self.api
			.get_or_try_init(|| OnlineClient::<PolkadotConfig>::from_rpc_client(self.rpc.clone()))
			.await
			.map_err(|e| ChainError::Node(format!("cannot connect to {}: {e}", self.url)))
	}

	/// A keypair from a secret URI such as `//Alice`.
	pub fn signer(suri: &str) -> Result<Keypair, ChainError> {
		let uri: SecretUri = suri.parse().map_err(|e| ChainError::Key(format!("{e}")))?;
		Keypair::from_uri(&uri).map_err(|e| ChainError::Key(format!("{e}")))
	}

	/// Call a node RPC method (`moduleRegistry_resolve`, …) and return its JSON answer. An
	/// error the method itself returns (a bad name or range) is [`ChainError::BadArgument`].
	pub async fn rpc(
		&self,
		method: &str,
		params: subxt::rpcs::client::RpcParams,
	) -> Result<serde_json::Value, ChainError> {
		self.rpc.request(method, params).await.map_err(|e| match e {
			subxt::rpcs::Error::User(u) => ChainError::BadArgument(u.message),
			other => node_err(other),
		})
	}

	/// `moduleRegistry_resolve(name, range[, at])`: the version's JSON, or `null`.
	pub async fn resolve(
		&self,
		name: &str,
		range: &str,
		at: Option<&str>,
	) -> Result<serde_json::Value, ChainError> {
		self.rpc("moduleRegistry_resolve", subxt::rpcs::client::rpc_params![name, range, at]).await
	}

	/// Every item of a paginated registry RPC method (`moduleRegistry_versions` with
	/// `args = [name]`, `moduleRegistry_listPackages` with none): pages of 100, each after the
	/// `cursor` field of the last item, at block `at` (the best block when `None`).
	pub async fn all_pages(
		&self,
		method: &str,
		args: &[&str],
		cursor: &str,
		at: Option<&str>,
	) -> Result<Vec<serde_json::Value>, ChainError> {
		// A package holds at most 16,384 versions (the runtime's `MaxVersions`), a registry
		// far fewer than this many packages: a node that keeps answering is lying.
		const MAX_PAGES: usize = 100_000;
		const PAGE: usize = 100;
		let mut all: Vec<serde_json::Value> = Vec::new();
		let mut seen = std::collections::HashSet::new();
		for _ in 0..MAX_PAGES {
			let after = match all.last() {
				None => None,
				Some(last) =>
					Some(last[cursor].as_str().map(str::to_owned).ok_or_else(|| {
						node_err(format!("{method}: an item without its {cursor}"))
					})?),
			};
			// Each page must move on: a node that answers a page it gave before would loop.
			if let Some(after) = &after {
				if !seen.insert(after.clone()) {
					return Err(node_err(format!(
						"{method}: the node repeated a page after {after:?}"
					)));
				}
			}
			let mut params = subxt::rpcs::client::RpcParams::new();
			for arg in args {
				params.push(arg).map_err(node_err)?;
			}
			for value in [serde_json::json!(after), serde_json::json!(PAGE), serde_json::json!(at)]
			{
				params.push(value).map_err(node_err)?;
			}
			let page = self.rpc(method, params).await?;
			match page.as_array() {
				Some(items) if items.len() > PAGE =>
					return Err(node_err(format!("{method}: a page longer than asked for"))),
				Some(items) if !items.is_empty() => all.extend(items.iter().cloned()),
				_ => return Ok(all),
			}
		}
		Err(node_err(format!("{method}: more than {MAX_PAGES} pages")))
	}

	/// Submit `call` of the `ModuleRegistry` pallet signed by `signer`; waits for finalization
	/// and fails with the pallet error when the call fails.
	pub async fn submit(
		&self,
		signer: &Keypair,
		call: &str,
		args: impl scale_encode::EncodeAsFields,
	) -> Result<Included, ChainError> {
		let tx = dynamic::transaction("ModuleRegistry", call, args);
		// The pool's next nonce, not the one in the last finalized state: transactions of the
		// same account that are in the pool or in blocks not yet final have used those.
		let who = subxt::utils::AccountId32(signer.public_key().0).to_string();
		let nonce: u64 = self
			.rpc
			.request("system_accountNextIndex", subxt::rpcs::client::rpc_params![who])
			.await
			.map_err(node_err)?;
		let params =
			subxt::config::polkadot::PolkadotExtrinsicParamsBuilder::new().nonce(nonce).build();
		let at = self.api().await?.at_current_block().await.map_err(node_err)?;
		let progress = at
			.transactions()
			.sign_and_submit_then_watch(&tx, signer, params)
			.await
			.map_err(node_err)?;
		let in_block =
			progress.wait_for_finalized().await.map_err(|e| ChainError::Dispatch(e.to_string()))?;
		let block_hash = format!("{:?}", in_block.block_hash());
		let events =
			in_block.wait_for_success().await.map_err(|e| ChainError::Dispatch(e.to_string()))?;
		Ok(Included {
			block_hash,
			extrinsic_index: events.extrinsic_index(),
			extrinsic_hash: format!("{:?}", events.extrinsic_hash()),
		})
	}

	/// Insert or update `key`; waits for finalization.
	pub async fn register(
		&self,
		signer: &Keypair,
		key: &[u8],
		data: &[u8],
	) -> Result<Included, ChainError> {
		self.submit(signer, "register_module", (key.to_vec(), data.to_vec())).await
	}

	/// Remove `key`.
	pub async fn remove(&self, signer: &Keypair, key: &[u8]) -> Result<Included, ChainError> {
		self.submit(signer, "remove_module", (key.to_vec(),)).await
	}

	/// Offer `key` to `new_owner` (32-byte account id); nothing moves until they accept.
	pub async fn transfer(
		&self,
		signer: &Keypair,
		key: &[u8],
		new_owner: [u8; 32],
	) -> Result<Included, ChainError> {
		self.submit(signer, "transfer_ownership", (key.to_vec(), new_owner)).await
	}

	/// Accept the ownership offer of `key` made to `signer`.
	pub async fn accept(&self, signer: &Keypair, key: &[u8]) -> Result<Included, ChainError> {
		self.submit(signer, "accept_ownership", (key.to_vec(),)).await
	}

	/// The runtime's `ModuleRegistry::MaxDependencies` (how many dependencies a version may
	/// declare), or `None` for a runtime without it.
	pub async fn max_dependencies(&self) -> Result<Option<u32>, ChainError> {
		let at = self.api().await?.at_current_block().await.map_err(node_err)?;
		let address = subxt::dynamic::constant::<u32>("ModuleRegistry", "MaxDependencies");
		Ok(at.constants().entry(address).ok())
	}

	/// The value under `key`.
	pub async fn get(&self, key: &[u8]) -> Result<Option<Vec<u8>>, ChainError> {
		let at = self.api().await?.at_current_block().await.map_err(node_err)?;
		let addr = dynamic::storage::<(Vec<u8>,), Vec<u8>>("ModuleRegistry", "ModuleRegistry");
		let value = at.storage().try_fetch(addr, (key.to_vec(),)).await.map_err(node_err)?;
		value.map(|v| v.decode().map_err(node_err)).transpose()
	}

	/// The information recorded about `key`, through the runtime API (the storage record holds
	/// more than this, and its layout is the pallet's own business).
	pub async fn info(&self, key: &[u8]) -> Result<Option<ModuleInfo>, ChainError> {
		let at = self.api().await?.at_current_block().await.map_err(node_err)?;
		let call = dynamic::runtime_api_call::<_, Option<ModuleInfo>>(
			"ModuleRegistryApi",
			"get_module_info",
			(key.to_vec(),),
		);
		at.runtime_apis().call(call).await.map_err(node_err)
	}

	/// A page of entries through the runtime API.
	pub async fn list(
		&self,
		start_after: Option<Vec<u8>>,
		limit: u32,
	) -> Result<Vec<(Vec<u8>, ModuleInfo)>, ChainError> {
		let at = self.api().await?.at_current_block().await.map_err(node_err)?;
		let call = dynamic::runtime_api_call::<_, Result<Vec<(Vec<u8>, ModuleInfo)>, ListError>>(
			"ModuleRegistryApi",
			"list_modules",
			(start_after, limit),
		);
		at.runtime_apis()
			.call(call)
			.await
			.map_err(node_err)?
			.map_err(|e| ChainError::Dispatch(format!("list_modules: {e:?}")))
	}

	/// Every entry, page by page.
	pub async fn list_all(&self) -> Result<Vec<(Vec<u8>, ModuleInfo)>, ChainError> {
		let mut out: Vec<(Vec<u8>, ModuleInfo)> = Vec::new();
		loop {
			let after = out.last().map(|(k, _)| k.clone());
			let page = self.list(after, 100).await?;
			if page.is_empty() {
				return Ok(out);
			}
			out.extend(page);
		}
	}
}
