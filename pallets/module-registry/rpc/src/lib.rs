//! JSON-RPC methods of the module registry, served by the node over `ModuleRegistryApi`.
//!
//! | method | params | result |
//! |---|---|---|
//! | `moduleRegistry_getModule` | `key`, `at?` | the value as submitted (hex bytes), or `null` |
//! | `moduleRegistry_getModuleInfo` | `key`, `at?` | [`InfoJson`], or `null` |
//! | `moduleRegistry_listModules` | `startAfter?`, `limit?`, `at?` | a page of [`EntryJson`] |
//! | `moduleRegistry_getTransferOffer` | `key`, `at?` | [`TransferOffer`] (`to`, `updateCount`), or `null` |
//! | `moduleRegistry_resolve` | `name`, `range`, `at?` | [`VersionJson`], or `null` |
//! | `moduleRegistry_versions` | `name`, `startAfter?`, `limit?`, `at?` | [`VersionJson`]s in ascending precedence |
//! | `moduleRegistry_getPackage` | `name`, `at?` | [`PackageJson`], or `null` |
//! | `moduleRegistry_getNamespace` | `namespace`, `at?` | [`NamespaceJson`], or `null` |
//! | `moduleRegistry_listPackages` | `startAfter?`, `limit?`, `at?` | a page of [`PackageJson`] in storage order |
//!
//! The registry methods take names and ranges as plain strings: `"alice/utils"` (or
//! `"@alice/utils"`), `"^1.2"`, `"latest"`; a bad name or range is a [`BAD_ARGUMENT`] error.
//!
//! Keys are passed as hex bytes (`0x…`), like every `Bytes` parameter of Substrate RPCs. `at` is
//! a block hash; without it the best block is used. State of old blocks is kept only by archive
//! nodes (`--state-pruning archive`); elsewhere an old `at` is an unknown block.
//!
//! # JSON shapes
//!
//! Answers are JSON a JavaScript or Python program can use as is (docs/ARCHITECTURE.md, "RPC"):
//! accounts are SS58 text, balances are decimal **strings** (a `u128` does not fit a JavaScript
//! number), block numbers and counters are numbers, CIDs are text the way IPFS users write them
//! (`Qm…` for v0, base32 `b…` for v1, rendered by `module-registry-primitives`), keys are hex
//! with, when they are UTF-8, the same key as text (`keyText`). For example:
//!
//! ```json
//! {"key": "0x6d792d6d6f64", "keyText": "my-mod", "info": {
//!   "owner": "5Grwva…", "deposit": "1004000000000", "created": 12, "updated": 12,
//!   "updateCount": 0, "valueLen": 59, "kind": "Cid", "cid": "bafkrei…",
//!   "pinStatus": {"verified": {"at": 14, "by": "5Grwva…"}}}}
//! ```
//!
//! `pinStatus` is `"noPinnableCid"`, `"pending"`, `{"verified": {at, by}}`,
//! `{"failed": {reason, attempts}}` or `{"rejected": {reason, at}}`.
//!
//! Errors have distinct codes: [`UNKNOWN_BLOCK`] (the `at` block is not known or its state was
//! pruned), [`BAD_ARGUMENT`] (for example a `startAfter` longer than any key), [`DECODE_ERROR`]
//! (stored bytes that do not decode) and [`RUNTIME_ERROR`] (the runtime call failed).
//!
//! `moduleRegistry_getModule` is the hot read. With [`DirectReads`] (the node enables it) it reads
//! the value straight from the state, without instantiating the runtime, for blocks whose runtime
//! is the one the node was built with; blocks of any other runtime (after an upgrade, before the
//! node is) go through the runtime API, so the answer never depends on a stale storage layout.

use std::sync::{Arc, RwLock};

use codec::{Codec, Decode};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorObject, ErrorObjectOwned},
};
use module_registry_primitives::{
	registry::checksum_text, validation::cid_to_string, Deprecation, ListError, ModuleInfo,
	ModuleType, NamespaceView, PackageStatus, PackageView, PinStatus, QueryError, TransferOffer,
	ValueKind, VersionView,
};
pub use pallet_module_registry_runtime_api::{
	ModuleRegistryApi as ModuleRegistryRuntimeApi, PackageRegistryApi as PackageRegistryRuntimeApi,
};
use sp_api::{ApiExt, CallApiAt, CallContext, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::Bytes;
use sp_runtime::traits::Block as BlockT;
use sp_state_machine::Backend as _;
use sp_version::RuntimeVersion;

/// Default page size of `moduleRegistry_listModules`.
pub const DEFAULT_LIST_LIMIT: u32 = 100;

/// Error code: the runtime API call failed.
pub const RUNTIME_ERROR: i32 = 1;
/// Error code: an argument is out of range (the message says which).
pub const BAD_ARGUMENT: i32 = 2;
/// Error code: the `at` block is unknown, or its state was pruned.
pub const UNKNOWN_BLOCK: i32 = 3;
/// Error code: bytes read from the state did not decode.
pub const DECODE_ERROR: i32 = 4;

/// `moduleRegistry_getModuleInfo`: [`ModuleInfo`] in the JSON shape of the crate docs.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InfoJson<AccountId, BlockNumber> {
	/// The owner (SS58 text for the runtime's `AccountId32`).
	pub owner: AccountId,
	/// The deposit held from the owner, in planck, as a decimal string.
	pub deposit: String,
	/// Block of the first registration.
	pub created: BlockNumber,
	/// Block of the last registration or update.
	pub updated: BlockNumber,
	/// How many times the value was updated after its first registration.
	pub update_count: u32,
	/// Length in bytes of the stored value.
	pub value_len: u32,
	/// `Json` or `Cid`.
	pub kind: ValueKind,
	/// The CID to pin as text, or `null`.
	pub cid: Option<String>,
	/// The pinning status of `cid`.
	pub pin_status: PinStatus<AccountId, BlockNumber>,
}

impl<AccountId, BlockNumber> InfoJson<AccountId, BlockNumber> {
	/// The JSON view of `info`.
	pub fn new<Balance: std::fmt::Display>(
		info: ModuleInfo<AccountId, Balance, BlockNumber>,
	) -> Self {
		Self {
			owner: info.owner,
			deposit: info.deposit.to_string(),
			created: info.created,
			updated: info.updated,
			update_count: info.update_count,
			value_len: info.value_len,
			kind: info.kind,
			cid: info.cid.as_ref().and_then(|cid| cid_to_string(cid)),
			pin_status: info.pin_status,
		}
	}
}

/// One entry of a `moduleRegistry_listModules` page.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EntryJson<AccountId, BlockNumber> {
	/// The key as hex bytes: pass it as `startAfter` to get the next page.
	pub key: Bytes,
	/// The key as text when it is UTF-8, else `null`.
	pub key_text: Option<String>,
	/// What the chain records about the key.
	pub info: InfoJson<AccountId, BlockNumber>,
}

impl<AccountId, BlockNumber> EntryJson<AccountId, BlockNumber> {
	/// The JSON view of one `(key, info)` of a runtime API page.
	pub fn new<Balance: std::fmt::Display>(
		key: Vec<u8>,
		info: ModuleInfo<AccountId, Balance, BlockNumber>,
	) -> Self {
		let key_text = std::str::from_utf8(&key).ok().map(str::to_owned);
		Self { key: Bytes(key), key_text, info: InfoJson::new(info) }
	}
}

/// A deprecation: what to use instead and why.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DeprecationJson {
	/// A `ns/name@range` reference, or `null`.
	pub successor: Option<String>,
	/// Why.
	pub reason: String,
}

impl DeprecationJson {
	fn new(d: Deprecation) -> Self {
		Self {
			successor: d.successor.map(|s| String::from_utf8_lossy(&s).into_owned()),
			reason: String::from_utf8_lossy(&d.reason).into_owned(),
		}
	}
}

/// `moduleRegistry_resolve` and `moduleRegistry_versions`: one published version.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VersionJson<AccountId, BlockNumber> {
	/// `ns/name`.
	pub name: String,
	/// The version as published, build metadata included.
	pub version: String,
	/// The content's CID as text.
	pub cid: Option<String>,
	/// `sha256:<64 hex>` of the content bytes.
	pub checksum: String,
	/// Length of the content in bytes.
	pub size: u64,
	/// Skipped by ranges; an exact request still resolves it.
	pub yanked: bool,
	/// The version's deprecation, or else its package's, or `null`.
	pub deprecated: Option<DeprecationJson>,
	/// The pin status of the content.
	pub pin_status: PinStatus<AccountId, BlockNumber>,
	/// Who published it.
	pub publisher: AccountId,
	/// The block it was published in.
	pub published_at: BlockNumber,
	/// The key of the entry holding the version document (`moduleRegistry_getModule`).
	pub entry_key: Bytes,
}

impl<AccountId, BlockNumber> VersionJson<AccountId, BlockNumber> {
	/// The JSON view of a runtime API version.
	pub fn new(v: VersionView<AccountId, BlockNumber>) -> Self {
		Self {
			name: String::from_utf8_lossy(&v.package).into_owned(),
			version: String::from_utf8_lossy(&v.record.version).into_owned(),
			cid: cid_to_string(&v.cid),
			checksum: checksum_text(&v.record.checksum),
			size: v.record.size,
			yanked: v.record.yanked,
			deprecated: v.deprecation.map(DeprecationJson::new),
			pin_status: v.pin_status,
			publisher: v.record.publisher,
			published_at: v.record.published_at,
			entry_key: Bytes(v.entry_key),
		}
	}
}

/// `moduleRegistry_getPackage`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PackageJson<AccountId, BlockNumber> {
	/// `ns/name`.
	pub name: String,
	/// The package owner (decides who publishes only in the open namespace).
	pub owner: AccountId,
	/// Who may publish: the namespace owner first, then its maintainers.
	pub maintainers: Vec<AccountId>,
	/// `docker`, `native`, `python`, `wasm` or `other`.
	pub module_type: ModuleType,
	/// `active`, `maintenance` or `inactive`.
	pub status: PackageStatus,
	/// The package's deprecation, or `null`.
	pub deprecated: Option<DeprecationJson>,
	/// The version `latest` resolves to, or `null`.
	pub latest: Option<String>,
	/// How many versions were published.
	pub version_count: u32,
	/// Block of creation.
	pub created: BlockNumber,
	/// Whether the namespace is verified.
	pub verified: bool,
}

impl<AccountId, BlockNumber> PackageJson<AccountId, BlockNumber> {
	/// The JSON view of a runtime API package.
	pub fn new(p: PackageView<AccountId, BlockNumber>) -> Self {
		Self {
			name: String::from_utf8_lossy(&p.package).into_owned(),
			owner: p.info.owner,
			maintainers: p.maintainers,
			module_type: p.info.module_type,
			status: p.info.status,
			deprecated: p.info.deprecation.map(DeprecationJson::new),
			latest: p.latest.map(|l| String::from_utf8_lossy(&l).into_owned()),
			version_count: p.info.version_count,
			created: p.info.created,
			verified: p.verified,
		}
	}
}

/// `moduleRegistry_getNamespace`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NamespaceJson<AccountId, BlockNumber> {
	/// The name.
	pub namespace: String,
	/// Whether anyone may create packages in it (then it has no owner).
	pub open: bool,
	/// The owner, or `null` for the open namespace.
	pub owner: Option<AccountId>,
	/// The maintainers besides the owner.
	pub maintainers: Vec<AccountId>,
	/// Set by the registry admin.
	pub verified: bool,
	/// The claim deposit in planck, a decimal string (`"0"` when the admin assigned it).
	pub deposit: Option<String>,
	/// Block of the claim.
	pub created: Option<BlockNumber>,
	/// A pending transfer offer's recipient.
	pub offered_to: Option<AccountId>,
	/// How many packages it holds (`null` for the open namespace). A namespace can be
	/// released only while this is zero.
	pub package_count: Option<u32>,
}

impl<AccountId, BlockNumber> NamespaceJson<AccountId, BlockNumber> {
	/// The JSON view of a namespace from a runtime before spec 106 (no package count).
	pub fn from_v1<Balance: std::fmt::Display>(
		n: module_registry_primitives::api_v1::NamespaceView<AccountId, Balance, BlockNumber>,
	) -> Self {
		let info = n.info.map(|i| module_registry_primitives::NamespaceInfo {
			owner: i.owner,
			verified: i.verified,
			deposit: i.deposit,
			created: i.created,
			maintainer_count: i.maintainer_count,
			package_count: 0,
		});
		let view = NamespaceView {
			namespace: n.namespace,
			info,
			maintainers: n.maintainers,
			offered_to: n.offered_to,
			open: n.open,
		};
		// The count is unknown at such a block, not zero.
		Self { package_count: None, ..Self::new(view) }
	}

	/// The JSON view of a runtime API namespace.
	pub fn new<Balance: std::fmt::Display>(
		n: NamespaceView<AccountId, Balance, BlockNumber>,
	) -> Self {
		let (owner, verified, deposit, created, package_count) = match n.info {
			Some(i) => (
				Some(i.owner),
				i.verified,
				Some(i.deposit.to_string()),
				Some(i.created),
				Some(i.package_count),
			),
			None => (None, false, None, None, None),
		};
		Self {
			namespace: String::from_utf8_lossy(&n.namespace).into_owned(),
			open: n.open,
			owner,
			maintainers: n.maintainers,
			verified,
			deposit,
			created,
			offered_to: n.offered_to,
			package_count,
		}
	}
}

/// The message of a [`BAD_ARGUMENT`] error for a refused name or range (clients that call the
/// runtime API themselves, such as a light client, report the same words).
pub fn query_error_message(e: QueryError) -> &'static str {
	match e {
		QueryError::BadName =>
			"not a valid name: a package is ns/name (or @ns/name), names are [a-z][a-z0-9-]*, 1-64 characters",
		QueryError::BadRange => "not a valid version or range (for example 1.2.3, ^1.2, ~1.2.0, >=1, <2, *)",
	}
}

/// The message of a [`BAD_ARGUMENT`] error for a refused listing request.
pub fn list_error_message(e: ListError) -> &'static str {
	match e {
		ListError::StartAfterTooLong => "startAfter is longer than the longest key",
	}
}

fn query_error(e: QueryError) -> ErrorObjectOwned {
	ErrorObject::owned(BAD_ARGUMENT, query_error_message(e), None::<()>)
}

/// Registry RPC methods.
#[rpc(client, server)]
pub trait ModuleRegistryApi<BlockHash, AccountId, BlockNumber> {
	/// The value registered under `key`, exactly as submitted.
	#[method(name = "moduleRegistry_getModule")]
	fn get_module(&self, key: Bytes, at: Option<BlockHash>) -> RpcResult<Option<Bytes>>;

	/// Owner, deposit, blocks, counters, kind, CID and pin status of `key`.
	#[method(name = "moduleRegistry_getModuleInfo")]
	fn get_module_info(
		&self,
		key: Bytes,
		at: Option<BlockHash>,
	) -> RpcResult<Option<InfoJson<AccountId, BlockNumber>>>;

	/// A page of entries in storage order, after `start_after` when given.
	#[method(name = "moduleRegistry_listModules")]
	fn list_modules(
		&self,
		start_after: Option<Bytes>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<EntryJson<AccountId, BlockNumber>>>;

	/// The ownership offer waiting for its recipient under `key`.
	#[method(name = "moduleRegistry_getTransferOffer")]
	fn get_transfer_offer(
		&self,
		key: Bytes,
		at: Option<BlockHash>,
	) -> RpcResult<Option<TransferOffer<AccountId>>>;

	/// The version `range` resolves to in package `name`.
	#[method(name = "moduleRegistry_resolve")]
	fn resolve(
		&self,
		name: String,
		range: String,
		at: Option<BlockHash>,
	) -> RpcResult<Option<VersionJson<AccountId, BlockNumber>>>;

	/// A page of versions of package `name`, in ascending precedence.
	#[method(name = "moduleRegistry_versions")]
	fn versions(
		&self,
		name: String,
		start_after: Option<String>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<VersionJson<AccountId, BlockNumber>>>;

	/// Package `name`.
	#[method(name = "moduleRegistry_getPackage")]
	fn get_package(
		&self,
		name: String,
		at: Option<BlockHash>,
	) -> RpcResult<Option<PackageJson<AccountId, BlockNumber>>>;

	/// A page of packages in storage order, after the package `start_after` when given.
	#[method(name = "moduleRegistry_listPackages")]
	fn list_packages(
		&self,
		start_after: Option<String>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<PackageJson<AccountId, BlockNumber>>>;

	/// Namespace `namespace`.
	#[method(name = "moduleRegistry_getNamespace")]
	fn get_namespace(
		&self,
		namespace: String,
		at: Option<BlockHash>,
	) -> RpcResult<Option<NamespaceJson<AccountId, BlockNumber>>>;
}

/// Computes the storage key of a registry value (`None`: the key cannot be stored).
pub type ValueKeyFn = dyn Fn(&[u8]) -> Option<Vec<u8>> + Send + Sync;

/// Lets `moduleRegistry_getModule` read values from the state directly (see the crate docs).
pub struct DirectReads {
	value_key: Box<ValueKeyFn>,
	spec_name: String,
	spec_version: u32,
	/// The last runtime code seen (hash of `:code`) and whether it is the known runtime.
	last_code: RwLock<Option<(Vec<u8>, bool)>>,
}

impl DirectReads {
	/// `version` is the runtime the node was built with and `value_key` its storage layout
	/// (`pallet_module_registry::Pallet::<Runtime>::value_storage_key`).
	pub fn new(
		version: &RuntimeVersion,
		value_key: impl Fn(&[u8]) -> Option<Vec<u8>> + Send + Sync + 'static,
	) -> Self {
		Self {
			value_key: Box::new(value_key),
			spec_name: version.spec_name.to_string(),
			spec_version: version.spec_version,
			last_code: RwLock::new(None),
		}
	}
}

/// Serves [`ModuleRegistryApiServer`] from a client's runtime API.
///
/// `Balance` is the runtime's balance type, which the runtime API is generic over; answers carry
/// balances as decimal strings.
pub struct ModuleRegistry<C, Block, Balance> {
	client: Arc<C>,
	direct: Option<DirectReads>,
	_marker: std::marker::PhantomData<(Block, Balance)>,
}

impl<C, Block, Balance> ModuleRegistry<C, Block, Balance> {
	/// Serve the methods from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, direct: None, _marker: Default::default() }
	}

	/// Read `moduleRegistry_getModule` values from the state where the layout is known.
	pub fn with_direct_reads(mut self, direct: DirectReads) -> Self {
		self.direct = Some(direct);
		self
	}
}

impl<C, Block, Balance> ModuleRegistry<C, Block, Balance>
where
	Block: BlockT,
	C: CallApiAt<Block>,
{
	/// The value under `key` at `at` read from the state, or `Ok(None)` when the block's
	/// runtime is not the known one (the caller then asks the runtime).
	fn read_direct(
		&self,
		direct: &DirectReads,
		key: &[u8],
		at: Block::Hash,
	) -> Result<Option<Option<Vec<u8>>>, ErrorObjectOwned> {
		let state = self.client.state_at(at).map_err(runtime_error)?;
		let code = state
			.storage_hash(sp_core::storage::well_known_keys::CODE)
			.map_err(runtime_error)?
			.map(|h| h.as_ref().to_vec())
			.unwrap_or_default();
		let cached = direct
			.last_code
			.read()
			.ok()
			.and_then(|c| c.as_ref().filter(|(h, _)| *h == code).map(|(_, known)| *known));
		let known = match cached {
			Some(known) => known,
			None => {
				let version = self
					.client
					.runtime_version_at(at, CallContext::Offchain)
					.map_err(runtime_error)?;
				let known = version.spec_name == direct.spec_name.as_str() &&
					version.spec_version == direct.spec_version;
				if let Ok(mut last) = direct.last_code.write() {
					*last = Some((code, known));
				}
				known
			},
		};
		if !known {
			return Ok(None);
		}
		let Some(storage_key) = (direct.value_key)(key) else { return Ok(Some(None)) };
		let raw = state.storage(&storage_key).map_err(runtime_error)?;
		raw.map(|bytes| {
			Vec::<u8>::decode(&mut &bytes[..]).map_err(|e| {
				ErrorObject::owned(
					DECODE_ERROR,
					"Stored value does not decode",
					Some(e.to_string()),
				)
			})
		})
		.transpose()
		.map(Some)
	}
}

fn runtime_error(e: impl std::fmt::Display) -> ErrorObjectOwned {
	ErrorObject::owned(RUNTIME_ERROR, "Runtime API call failed", Some(e.to_string()))
}

impl<C, Block, Balance> ModuleRegistry<C, Block, Balance>
where
	Block: BlockT,
	C: HeaderBackend<Block>,
{
	/// `at`, or the best block; an error when the block is not known.
	fn block(&self, at: Option<Block::Hash>) -> Result<Block::Hash, ErrorObjectOwned> {
		let Some(at) = at else { return Ok(self.client.info().best_hash) };
		match self.client.header(at) {
			Ok(Some(_)) => Ok(at),
			_ => Err(ErrorObject::owned(
				UNKNOWN_BLOCK,
				"Unknown block",
				Some(format!("{at:?} is not known to this node (or its state was pruned)")),
			)),
		}
	}
}

impl<C, Block, AccountId, Balance, BlockNumber>
	ModuleRegistryApiServer<<Block as BlockT>::Hash, AccountId, BlockNumber>
	for ModuleRegistry<C, Block, Balance>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + CallApiAt<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ModuleRegistryRuntimeApi<Block, AccountId, Balance, BlockNumber>
		+ PackageRegistryRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	AccountId: Codec + serde::Serialize + Send + Sync + 'static,
	Balance: Codec + std::fmt::Display + Send + Sync + 'static,
	BlockNumber: Codec + serde::Serialize + Send + Sync + 'static,
{
	fn get_module(&self, key: Bytes, at: Option<Block::Hash>) -> RpcResult<Option<Bytes>> {
		let at = self.block(at)?;
		if let Some(direct) = &self.direct {
			if let Some(value) = self.read_direct(direct, &key, at)? {
				return Ok(value.map(Bytes));
			}
		}
		let value =
			self.client.runtime_api().get_module(at, key.to_vec()).map_err(runtime_error)?;
		Ok(value.map(Bytes))
	}

	fn get_module_info(
		&self,
		key: Bytes,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<InfoJson<AccountId, BlockNumber>>> {
		let at = self.block(at)?;
		let info =
			self.client.runtime_api().get_module_info(at, key.to_vec()).map_err(runtime_error)?;
		Ok(info.map(InfoJson::new))
	}

	fn list_modules(
		&self,
		start_after: Option<Bytes>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<EntryJson<AccountId, BlockNumber>>> {
		let at = self.block(at)?;
		let api = self.client.runtime_api();
		let version = api
			.api_version::<dyn ModuleRegistryRuntimeApi<Block, AccountId, Balance, BlockNumber>>(at)
			.map_err(runtime_error)?
			.unwrap_or(1);
		let start_after = start_after.map(|k| k.to_vec());
		let limit = limit.unwrap_or(DEFAULT_LIST_LIMIT);
		let page = if version >= 2 {
			api.list_modules(at, start_after, limit)
				.map_err(runtime_error)?
				.map_err(|e| ErrorObject::owned(BAD_ARGUMENT, list_error_message(e), None::<()>))?
		} else {
			#[allow(deprecated)]
			api.list_modules_before_version_2(at, start_after, limit).map_err(runtime_error)?
		};
		Ok(page.into_iter().map(|(key, info)| EntryJson::new(key, info)).collect())
	}

	fn get_transfer_offer(
		&self,
		key: Bytes,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<TransferOffer<AccountId>>> {
		let at = self.block(at)?;
		self.client.runtime_api().get_transfer_offer(at, key.to_vec()).map_err(runtime_error)
	}

	fn resolve(
		&self,
		name: String,
		range: String,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<VersionJson<AccountId, BlockNumber>>> {
		let at = self.block(at)?;
		let api = self.client.runtime_api();
		let found =
			api.resolve(at, name.into_bytes(), range.into_bytes()).map_err(runtime_error)?;
		Ok(found.map_err(query_error)?.map(VersionJson::new))
	}

	fn versions(
		&self,
		name: String,
		start_after: Option<String>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<VersionJson<AccountId, BlockNumber>>> {
		let at = self.block(at)?;
		let api = self.client.runtime_api();
		let limit = limit.unwrap_or(DEFAULT_LIST_LIMIT);
		let page = api
			.versions(at, name.into_bytes(), start_after.map(String::into_bytes), limit)
			.map_err(runtime_error)?;
		Ok(page.map_err(query_error)?.into_iter().map(VersionJson::new).collect())
	}

	fn get_package(
		&self,
		name: String,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<PackageJson<AccountId, BlockNumber>>> {
		let at = self.block(at)?;
		let found =
			self.client.runtime_api().get_package(at, name.into_bytes()).map_err(runtime_error)?;
		Ok(found.map_err(query_error)?.map(PackageJson::new))
	}

	fn list_packages(
		&self,
		start_after: Option<String>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<Vec<PackageJson<AccountId, BlockNumber>>> {
		let at = self.block(at)?;
		let limit = limit.unwrap_or(DEFAULT_LIST_LIMIT);
		let page = self
			.client
			.runtime_api()
			.list_packages(at, start_after.map(String::into_bytes), limit)
			.map_err(runtime_error)?;
		Ok(page.map_err(query_error)?.into_iter().map(PackageJson::new).collect())
	}

	fn get_namespace(
		&self,
		namespace: String,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<NamespaceJson<AccountId, BlockNumber>>> {
		let at = self.block(at)?;
		let api = self.client.runtime_api();
		let version = api
			.api_version::<dyn PackageRegistryRuntimeApi<Block, AccountId, Balance, BlockNumber>>(
				at,
			)
			.map_err(runtime_error)?
			.unwrap_or(1);
		if version >= 2 {
			let found = api.get_namespace(at, namespace.into_bytes()).map_err(runtime_error)?;
			return Ok(found.map_err(query_error)?.map(NamespaceJson::new));
		}
		#[allow(deprecated)]
		let found = api
			.get_namespace_before_version_2(at, namespace.into_bytes())
			.map_err(runtime_error)?;
		Ok(found.map_err(query_error)?.map(NamespaceJson::from_v1))
	}
}
