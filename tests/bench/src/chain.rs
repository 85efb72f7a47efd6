//! Raw JSON-RPC helpers: the harness reads blocks, storage and limits itself, so that what it
//! measures is the node and not a client library's caching.

use anyhow::{anyhow, Context, Result};
use codec::{Decode, Encode};
use sp_crypto_hashing::{blake2_128, blake2_256, twox_128};
use subxt::{
	dynamic,
	rpcs::{rpc_params, RpcClient},
	OnlineClient, PolkadotConfig,
};

/// `Weight` as the runtime encodes it.
#[derive(Clone, Copy, Debug, Decode, Default)]
pub struct Weight {
	/// Picoseconds of execution on the reference machine.
	#[codec(compact)]
	pub ref_time: u64,
	/// Bytes of proof.
	#[codec(compact)]
	pub proof_size: u64,
}

#[derive(Decode)]
struct WeightsPerClass {
	base_extrinsic: Weight,
	max_extrinsic: Option<Weight>,
	max_total: Option<Weight>,
	_reserved: Option<Weight>,
}

#[derive(Decode)]
struct BlockWeights {
	base_block: Weight,
	max_block: Weight,
	normal: WeightsPerClass,
}

#[derive(Decode)]
struct PerClassLength {
	normal: u32,
}

#[derive(Decode)]
struct DbWeight {
	read: u64,
	write: u64,
}

/// The runtime's block limits for normal (user) transactions, read from its metadata.
#[derive(Clone, Debug)]
pub struct Limits {
	/// Weight every block spends before any transaction.
	pub base_block: Weight,
	/// All classes together.
	pub max_block: Weight,
	/// Added to every transaction's own weight.
	pub base_extrinsic: Weight,
	/// The largest single normal transaction.
	pub max_extrinsic: Weight,
	/// All normal transactions of a block together.
	pub max_total: Weight,
	/// Bytes of normal transactions per block.
	pub max_len: u32,
	/// Database read weight (ref_time).
	pub db_read: u64,
	/// Database write weight (ref_time).
	pub db_write: u64,
	/// `ModuleRegistry::MaxValueLength`.
	pub max_value_len: u32,
}

impl Limits {
	/// Reads the limits from the metadata of the node behind `api`.
	pub async fn read(api: &OnlineClient<PolkadotConfig>) -> Result<Self> {
		let at = api.at_current_block().await?;
		let constant = |pallet: &str, name: &str| -> Result<Vec<u8>> {
			at.constants()
				.entry_bytes(dynamic::constant::<dynamic::Value>(pallet, name))
				.with_context(|| format!("constant {pallet}::{name}"))
		};
		let weights = BlockWeights::decode(&mut &constant("System", "BlockWeights")?[..])?;
		let length = PerClassLength::decode(&mut &constant("System", "BlockLength")?[..])?;
		let db = DbWeight::decode(&mut &constant("System", "DbWeight")?[..])?;
		let u32_constant = |name: &str| -> Result<u32> {
			Ok(u32::decode(&mut &constant("ModuleRegistry", name)?[..])?)
		};
		Ok(Self {
			base_block: weights.base_block,
			max_block: weights.max_block,
			base_extrinsic: weights.normal.base_extrinsic,
			max_extrinsic: weights.normal.max_extrinsic.unwrap_or(weights.max_block),
			max_total: weights.normal.max_total.unwrap_or(weights.max_block),
			max_len: length.normal,
			db_read: db.read,
			db_write: db.write,
			max_value_len: u32_constant("MaxValueLength")?,
		})
	}

	/// How many transactions of `weight` (as `query_info` reports it) and `len` bytes fit in the
	/// normal class of one block, and which limit binds.
	pub fn per_block(&self, weight: Weight, len: usize) -> (u64, &'static str) {
		let per_tx = weight.ref_time + self.base_extrinsic.ref_time;
		let by_weight = self.max_total.ref_time / per_tx.max(1);
		let by_proof =
			self.max_total.proof_size / (weight.proof_size + self.base_extrinsic.proof_size).max(1);
		let by_len = u64::from(self.max_len) / (len as u64).max(1);
		let mut bound = (by_weight, "block weight (ref_time)");
		if by_proof < bound.0 {
			bound = (by_proof, "block weight (proof size)");
		}
		if by_len < bound.0 {
			bound = (by_len, "block length");
		}
		bound
	}
}

/// What `TransactionPaymentApi_query_info` says about an extrinsic.
#[derive(Clone, Copy, Debug)]
pub struct DispatchInfo {
	/// The weight the runtime charges (call plus extensions; without `base_extrinsic`).
	pub weight: Weight,
	/// The fee.
	pub partial_fee: u128,
}

/// Connects one WebSocket client (one connection).
pub async fn connect(ws: &str) -> Result<RpcClient> {
	RpcClient::from_insecure_url(ws).await.with_context(|| format!("connecting to {ws}"))
}

/// `0x`-prefixed hex.
pub fn to_hex(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

/// Bytes of a `0x`-prefixed hex string.
pub fn from_hex(text: &str) -> Result<Vec<u8>> {
	hex::decode(text.trim_start_matches("0x")).with_context(|| format!("bad hex {text:.40}"))
}

/// The key of a plain storage value.
pub fn value_key(pallet: &str, item: &str) -> Vec<u8> {
	[twox_128(pallet.as_bytes()), twox_128(item.as_bytes())].concat()
}

/// The key of `System::Account(account)`.
pub fn account_key(account: &[u8; 32]) -> Vec<u8> {
	let mut key = value_key("System", "Account");
	key.extend_from_slice(&blake2_128(account));
	key.extend_from_slice(account);
	key
}

/// The transaction hash the pool and the block use.
pub fn tx_hash(extrinsic: &[u8]) -> [u8; 32] {
	blake2_256(extrinsic)
}

/// Hash of block `number` on the best chain.
pub async fn block_hash(rpc: &RpcClient, number: u64) -> Result<String> {
	let hash: Option<String> = rpc.request("chain_getBlockHash", rpc_params![number]).await?;
	hash.ok_or_else(|| anyhow!("no block #{number}"))
}

/// Raw storage at `hash`.
pub async fn storage(rpc: &RpcClient, key: &[u8], hash: &str) -> Result<Option<Vec<u8>>> {
	let value: Option<String> =
		rpc.request("state_getStorage", rpc_params![to_hex(key), hash]).await?;
	value.map(|v| from_hex(&v)).transpose()
}

/// `Timestamp::Now` at `hash`, in milliseconds.
pub async fn timestamp(rpc: &RpcClient, hash: &str) -> Result<u64> {
	let raw = storage(rpc, &value_key("Timestamp", "Now"), hash)
		.await?
		.ok_or_else(|| anyhow!("no timestamp at {hash}"))?;
	Ok(u64::decode(&mut &raw[..])?)
}

/// Normal-class weight consumed by the block at `hash` (`System::BlockWeight`, a counter the
/// runtime keeps until the next block starts).
pub async fn normal_weight(rpc: &RpcClient, hash: &str) -> Result<Weight> {
	let raw = storage(rpc, &value_key("System", "BlockWeight"), hash).await?.unwrap_or_default();
	Ok(Weight::decode(&mut &raw[..]).unwrap_or_default())
}

/// The extrinsics of the block at `hash`, as encoded.
pub async fn block_extrinsics(rpc: &RpcClient, hash: &str) -> Result<Vec<Vec<u8>>> {
	let block: serde_json::Value = rpc.request("chain_getBlock", rpc_params![hash]).await?;
	let list = block["block"]["extrinsics"]
		.as_array()
		.ok_or_else(|| anyhow!("block {hash} has no extrinsics list"))?;
	list.iter().map(|x| from_hex(x.as_str().unwrap_or_default())).collect()
}

/// The number of the best block.
pub async fn best_number(rpc: &RpcClient) -> Result<u64> {
	let header: serde_json::Value = rpc.request("chain_getHeader", rpc_params![]).await?;
	parse_number(&header["number"])
}

/// A header's `number` field (`0x…`).
pub fn parse_number(value: &serde_json::Value) -> Result<u64> {
	let text = value.as_str().ok_or_else(|| anyhow!("header without number"))?;
	Ok(u64::from_str_radix(text.trim_start_matches("0x"), 16)?)
}

/// The next nonce of `account` (SS58), counting the pool.
pub async fn next_nonce(rpc: &RpcClient, account: &str) -> Result<u64> {
	Ok(rpc.request("system_accountNextIndex", rpc_params![account]).await?)
}

/// `TransactionPaymentApi_query_info` for an encoded extrinsic.
pub async fn query_info(rpc: &RpcClient, extrinsic: &[u8]) -> Result<DispatchInfo> {
	let mut args = extrinsic.to_vec();
	(extrinsic.len() as u32).encode_to(&mut args);
	let answer: String = rpc
		.request("state_call", rpc_params!["TransactionPaymentApi_query_info", to_hex(&args)])
		.await?;
	let raw = from_hex(&answer)?;
	let input = &mut &raw[..];
	let weight = Weight::decode(input)?;
	let _class = u8::decode(input)?;
	let partial_fee = u128::decode(input)?;
	Ok(DispatchInfo { weight, partial_fee })
}
