//! The node's RPC extensions: system, transaction payment and the module registry.

use std::sync::Arc;

use jsonrpsee::RpcModule;
use module_registry_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Nonce};
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

/// What the RPC extensions need.
pub struct FullDeps<C, P> {
	/// The client.
	pub client: Arc<C>,
	/// The transaction pool.
	pub pool: Arc<P>,
}

/// Builds the RPC extensions of a full node.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block> + sp_api::CallApiAt<Block>,
	C: HeaderBackend<Block> + HeaderMetadata<Block, Error = BlockChainError> + 'static,
	C: Send + Sync + 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
	C::Api: pallet_module_registry_rpc::ModuleRegistryRuntimeApi<
		Block,
		AccountId,
		Balance,
		BlockNumber,
	>,
	C::Api: pallet_module_registry_rpc::PackageRegistryRuntimeApi<
		Block,
		AccountId,
		Balance,
		BlockNumber,
	>,
	C::Api: BlockBuilder<Block>,
	P: TransactionPool + 'static,
{
	use pallet_module_registry_rpc::{DirectReads, ModuleRegistry, ModuleRegistryApiServer};
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool } = deps;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(<ModuleRegistry<C, Block, Balance> as ModuleRegistryApiServer<
		_,
		AccountId,
		BlockNumber,
	>>::into_rpc(ModuleRegistry::new(client).with_direct_reads(
		DirectReads::new(
			&module_registry_runtime::VERSION,
			pallet_module_registry::Pallet::<module_registry_runtime::Runtime>::value_storage_key,
		),
	)))?;

	Ok(module)
}
