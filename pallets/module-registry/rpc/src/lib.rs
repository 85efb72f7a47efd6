//! JSON-RPC methods of the module registry, served by the node over `ModuleRegistryApi`.
//!
//! | method | params | result |
//! |---|---|---|
//! | `moduleRegistry_getModule` | `key`, `at?` | the value as submitted (hex bytes), or `null` |
//! | `moduleRegistry_getModuleInfo` | `key`, `at?` | [`ModuleInfo`], or `null` |
//! | `moduleRegistry_listModules` | `startAfter?`, `limit?`, `at?` | a page of `[key, info]` |
//!
//! Keys are passed as hex bytes (`0x…`), like every `Bytes` parameter of Substrate RPCs. `at` is
//! a block hash; without it the best block is used.

use std::sync::Arc;

use codec::Codec;
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorObject, ErrorObjectOwned},
};
use pallet_module_registry::ModuleInfo;
pub use pallet_module_registry_runtime_api::ModuleRegistryApi as ModuleRegistryRuntimeApi;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_core::Bytes;
use sp_runtime::traits::Block as BlockT;

/// Default page size of `moduleRegistry_listModules`.
pub const DEFAULT_LIST_LIMIT: u32 = 100;

/// The error code returned when the runtime API call fails.
pub const RUNTIME_ERROR: i32 = 1;

/// A page of `(key, info)` from `moduleRegistry_listModules`.
pub type Page<AccountId, Balance, BlockNumber> =
	Vec<(Bytes, ModuleInfo<AccountId, Balance, BlockNumber>)>;

/// Registry RPC methods.
#[rpc(client, server)]
pub trait ModuleRegistryApi<BlockHash, AccountId, Balance, BlockNumber> {
	/// The value registered under `key`, exactly as submitted.
	#[method(name = "moduleRegistry_getModule")]
	fn get_module(&self, key: Bytes, at: Option<BlockHash>) -> RpcResult<Option<Bytes>>;

	/// Owner, deposit, blocks, counters, kind, CID and pin status of `key`.
	#[method(name = "moduleRegistry_getModuleInfo")]
	fn get_module_info(
		&self,
		key: Bytes,
		at: Option<BlockHash>,
	) -> RpcResult<Option<ModuleInfo<AccountId, Balance, BlockNumber>>>;

	/// A page of entries in storage order, after `start_after` when given.
	#[method(name = "moduleRegistry_listModules")]
	fn list_modules(
		&self,
		start_after: Option<Bytes>,
		limit: Option<u32>,
		at: Option<BlockHash>,
	) -> RpcResult<Page<AccountId, Balance, BlockNumber>>;
}

/// Serves [`ModuleRegistryApiServer`] from a client's runtime API.
pub struct ModuleRegistry<C, Block> {
	client: Arc<C>,
	_marker: std::marker::PhantomData<Block>,
}

impl<C, Block> ModuleRegistry<C, Block> {
	/// Serve the methods from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client, _marker: Default::default() }
	}
}

fn runtime_error(e: impl std::fmt::Display) -> ErrorObjectOwned {
	ErrorObject::owned(RUNTIME_ERROR, "Runtime API call failed", Some(e.to_string()))
}

impl<C, Block, AccountId, Balance, BlockNumber>
	ModuleRegistryApiServer<<Block as BlockT>::Hash, AccountId, Balance, BlockNumber>
	for ModuleRegistry<C, Block>
where
	Block: BlockT,
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: ModuleRegistryRuntimeApi<Block, AccountId, Balance, BlockNumber>,
	AccountId: Codec + serde::Serialize + Send + Sync + 'static,
	Balance: Codec + serde::Serialize + Send + Sync + 'static,
	BlockNumber: Codec + serde::Serialize + Send + Sync + 'static,
{
	fn get_module(&self, key: Bytes, at: Option<Block::Hash>) -> RpcResult<Option<Bytes>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let value =
			self.client.runtime_api().get_module(at, key.to_vec()).map_err(runtime_error)?;
		Ok(value.map(Bytes))
	}

	fn get_module_info(
		&self,
		key: Bytes,
		at: Option<Block::Hash>,
	) -> RpcResult<Option<ModuleInfo<AccountId, Balance, BlockNumber>>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		self.client.runtime_api().get_module_info(at, key.to_vec()).map_err(runtime_error)
	}

	fn list_modules(
		&self,
		start_after: Option<Bytes>,
		limit: Option<u32>,
		at: Option<Block::Hash>,
	) -> RpcResult<Page<AccountId, Balance, BlockNumber>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let page = self
			.client
			.runtime_api()
			.list_modules(at, start_after.map(|k| k.to_vec()), limit.unwrap_or(DEFAULT_LIST_LIMIT))
			.map_err(runtime_error)?;
		Ok(page.into_iter().map(|(k, info)| (Bytes(k), info)).collect())
	}
}
