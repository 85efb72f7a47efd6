//! Figure 1: included transactions per second, `register_module` with 1 KiB JSON values against
//! `balances.transfer_keep_alive`, each compared with the bound the runtime's limits allow.

use anyhow::{bail, Result};
use futures::{stream, StreamExt};
use serde_json::{json, Value as Json};
use std::{
	collections::{BTreeMap, HashSet},
	sync::Arc,
	time::{Duration, Instant},
};
use subxt::{
	dynamic,
	rpcs::{rpc_params, RpcClient},
	tx::Payload,
	OnlineClient, PolkadotConfig,
};
use subxt_signer::sr25519::Keypair;

use crate::chain::{self, Limits, Weight};

/// Which transaction a batch is made of.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
	/// `ModuleRegistry::register_module` with a JSON value of this many bytes and a new key.
	Register(usize),
	/// `Balances::transfer_keep_alive` of 1 UNIT to the next account.
	Transfer,
}

impl Kind {
	fn name(self) -> &'static str {
		match self {
			Kind::Register(_) => "register_module",
			Kind::Transfer => "transfer_keep_alive",
		}
	}
}

/// A JSON object of exactly `len` bytes (at least 64), distinct per `seed`.
pub fn json_value(seed: usize, len: usize) -> Vec<u8> {
	let head = format!(r#"{{"name":"bench-{seed}","version":"1.0.0","description":""#);
	let tail = r#""}"#;
	let fill = len.saturating_sub(head.len() + tail.len());
	let mut out = head.into_bytes();
	out.extend(std::iter::repeat_n(b'x', fill));
	out.extend_from_slice(tail.as_bytes());
	out
}

fn payload(kind: Kind, tag: &str, seq: usize, to: &Keypair) -> impl Payload {
	match kind {
		Kind::Register(len) => dynamic::transaction(
			"ModuleRegistry",
			"register_module",
			vec![
				dynamic::Value::from_bytes(format!("bench/{tag}/{seq:07}")),
				dynamic::Value::from_bytes(json_value(seq, len)),
			],
		),
		Kind::Transfer => dynamic::transaction(
			"Balances",
			"transfer_keep_alive",
			vec![
				dynamic::Value::unnamed_variant(
					"Id",
					[dynamic::Value::from_bytes(to.public_key().0)],
				),
				dynamic::Value::u128(1_000_000_000_000),
			],
		),
	}
}

/// Signs `count` transactions of `kind`, spread over `accounts` (nonce-major order, so the first
/// transaction of every account comes first), starting at each account's next nonce.
pub async fn presign(
	api: &OnlineClient<PolkadotConfig>,
	rpc: &RpcClient,
	accounts: &[Keypair],
	kind: Kind,
	tag: &str,
	count: usize,
) -> Result<Vec<Vec<u8>>> {
	let nonces: Vec<u64> = stream::iter(accounts)
		.map(|a| {
			let address = a.public_key().to_account_id().to_string();
			async move { chain::next_nonce(rpc, &address).await }
		})
		.buffered(32)
		.collect::<Vec<_>>()
		.await
		.into_iter()
		.collect::<Result<_>>()?;
	let at = api.at_current_block().await?;
	let txs = at.transactions();
	let mut out = Vec::with_capacity(count);
	for seq in 0..count {
		let (round, index) = (seq / accounts.len(), seq % accounts.len());
		let signer = &accounts[index];
		let call = payload(kind, tag, seq, &accounts[(index + 1) % accounts.len()]);
		let params = subxt::config::PolkadotExtrinsicParamsBuilder::<PolkadotConfig>::new()
			.nonce(nonces[index] + round as u64)
			.build();
		let mut signable = txs.create_signable_offline(&call, params)?;
		out.push(signable.sign(signer)?.into_encoded());
	}
	Ok(out)
}

/// One block as the watcher saw it.
#[derive(Clone, Debug)]
pub struct BlockStat {
	pub number: u64,
	/// `Timestamp::Now`, ms.
	pub timestamp: u64,
	/// Transactions of the measured batch in this block.
	pub ours: u64,
	/// All extrinsics, inherents included.
	pub extrinsics: u64,
	/// Encoded bytes of all extrinsics.
	pub bytes: u64,
	/// Normal-class weight consumed (`System::BlockWeight`).
	pub normal: Weight,
}

/// Follows new best blocks, counting the transactions in `ours`, until all of them are in or
/// `idle` blocks in a row bring none after the first did (or nothing for `idle * 4` blocks).
async fn watch(
	rpc: RpcClient,
	ours: Arc<HashSet<[u8; 32]>>,
	idle: usize,
) -> Result<Vec<BlockStat>> {
	let mut heads = rpc
		.subscribe::<Json>("chain_subscribeNewHeads", rpc_params![], "chain_unsubscribeNewHeads")
		.await?;
	let mut blocks: Vec<BlockStat> = Vec::new();
	let (mut seen, mut quiet) = (0usize, 0usize);
	while let Some(head) = heads.next().await {
		let number = chain::parse_number(&head?["number"])?;
		let hash = chain::block_hash(&rpc, number).await?;
		let extrinsics = chain::block_extrinsics(&rpc, &hash).await?;
		let count = extrinsics.iter().filter(|x| ours.contains(&chain::tx_hash(x))).count();
		blocks.push(BlockStat {
			number,
			timestamp: chain::timestamp(&rpc, &hash).await?,
			ours: count as u64,
			extrinsics: extrinsics.len() as u64,
			bytes: extrinsics.iter().map(|x| x.len() as u64).sum(),
			normal: chain::normal_weight(&rpc, &hash).await?,
		});
		seen += count;
		quiet = if count == 0 { quiet + 1 } else { 0 };
		if seen == ours.len() || (seen > 0 && quiet >= idle) || (seen == 0 && quiet >= idle * 4) {
			break;
		}
	}
	Ok(blocks)
}

/// Submits every transaction over `clients` with up to `in_flight` requests outstanding.
/// Returns accepted count, errors by message, and the time it took.
async fn submit_all(
	clients: &[RpcClient],
	txs: &[Vec<u8>],
	in_flight: usize,
) -> (usize, BTreeMap<String, usize>, Duration) {
	let started = Instant::now();
	let results: Vec<Result<String, String>> = stream::iter(txs.iter().enumerate())
		.map(|(i, tx)| {
			let client = &clients[i % clients.len()];
			async move {
				client
					.request::<String>("author_submitExtrinsic", rpc_params![chain::to_hex(tx)])
					.await
					.map_err(|e| e.to_string().chars().take(120).collect())
			}
		})
		.buffer_unordered(in_flight)
		.collect()
		.await;
	let mut errors = BTreeMap::new();
	let mut ok = 0;
	for r in results {
		match r {
			Ok(_) => ok += 1,
			Err(e) => *errors.entry(e).or_insert(0) += 1,
		}
	}
	(ok, errors, started.elapsed())
}

/// The node a figure is measured on.
#[derive(Clone, Copy)]
pub struct Target<'a> {
	/// A subxt client of the node (metadata, signing).
	pub api: &'a OnlineClient<PolkadotConfig>,
	/// Its WebSocket RPC address.
	pub ws: &'a str,
	/// Its log, for the proposer's lines.
	pub node_log: &'a std::path::Path,
	/// Its runtime's block limits.
	pub limits: &'a Limits,
}

/// The measured figure for one kind.
pub struct Rate {
	/// Included transactions per second over the steady window.
	pub per_second: f64,
	/// Mean included per block over the window.
	pub per_block: f64,
	/// The runtime's bound per block.
	pub bound: u64,
	/// What binds it.
	pub bound_by: &'static str,
	/// The block time over the window, seconds.
	pub block_time: f64,
	/// JSON record of everything seen.
	pub record: Json,
}

/// Figure 1 for one kind: pre-sign enough transactions to keep `window` blocks full, submit,
/// and measure inclusion over the blocks between the first and the last that carry them.
pub async fn measure(
	target: &Target<'_>,
	accounts: &[Keypair],
	kind: Kind,
	window: usize,
	cap: usize,
) -> Result<Rate> {
	let Target { api, ws, node_log, limits } = *target;
	let rpc = chain::connect(ws).await?;
	let tag = format!("{}-{}", kind.name(), std::process::id());
	// One sample transaction tells the weight and length the runtime charges for this kind.
	let sample = presign(api, &rpc, &accounts[..1], kind, &format!("{tag}-sample"), 1).await?;
	let info = chain::query_info(&rpc, &sample[0]).await?;
	let len = sample[0].len();
	let (bound, bound_by) = limits.per_block(info.weight, len);
	let count = ((bound as usize) * (window + 2) + bound as usize / 2).min(cap);
	println!(
		"  {}: weight {} ps + base {} ps, {} bytes → bound {} per block ({}); signing {}",
		kind.name(),
		info.weight.ref_time,
		limits.base_extrinsic.ref_time,
		len,
		bound,
		bound_by,
		count
	);
	let signing = Instant::now();
	let txs = presign(api, &rpc, accounts, kind, &tag, count).await?;
	let signing = signing.elapsed();
	let ours: Arc<HashSet<[u8; 32]>> = Arc::new(txs.iter().map(|t| chain::tx_hash(t)).collect());

	let watcher = tokio::spawn(watch(chain::connect(ws).await?, ours.clone(), 3));
	let mut clients = Vec::new();
	for _ in 0..4 {
		clients.push(chain::connect(ws).await?);
	}
	let (accepted, errors, submit_time) = submit_all(&clients, &txs, 256).await;
	println!(
		"  submitted {accepted}/{} in {:.2} s ({:.0}/s); errors: {errors:?}",
		txs.len(),
		submit_time.as_secs_f64(),
		accepted as f64 / submit_time.as_secs_f64()
	);
	let blocks = watcher.await??;
	let with: Vec<&BlockStat> = blocks.iter().filter(|b| b.ours > 0).collect();
	if with.len() < 3 {
		bail!(
			"{}: only {} block(s) carried the batch; no steady window (blocks: {blocks:?})",
			kind.name(),
			with.len()
		);
	}
	let steady = &with[1..with.len() - 1];
	let included: u64 = steady.iter().map(|b| b.ours).sum();
	let span = (steady[steady.len() - 1].timestamp - with[0].timestamp) as f64 / 1000.0;
	let per_second = included as f64 / span;
	let per_block = included as f64 / steady.len() as f64;
	let block_time = span / steady.len() as f64;

	let proposals = crate::node::proposals(node_log)?;
	let table: Vec<Json> = blocks
		.iter()
		.map(|b| {
			let proposal = proposals.iter().find(|p| p.0 == b.number);
			json!({
				"block": b.number,
				"ours": b.ours,
				"extrinsics": b.extrinsics,
				"bytes": b.bytes,
				"normal_weight_pct": 100.0 * b.normal.ref_time as f64 / limits.max_total.ref_time as f64,
				"length_pct": 100.0 * b.bytes as f64 / limits.max_len as f64,
				"proposal_ms": proposal.map(|p| p.1),
				"proposal_end": proposal.map(|p| p.2.clone()),
				"steady": steady.iter().any(|s| s.number == b.number),
			})
		})
		.collect();
	for row in &table {
		println!(
			"    #{:<5} ours {:>6}  weight {:>5.1}%  length {:>5.1}%  proposed in {:>5} ms, end {}{}",
			row["block"],
			row["ours"],
			row["normal_weight_pct"].as_f64().unwrap_or(0.0),
			row["length_pct"].as_f64().unwrap_or(0.0),
			row["proposal_ms"],
			row["proposal_end"].as_str().unwrap_or("?"),
			if row["steady"] == true { "  (window)" } else { "" }
		);
	}
	let record = json!({
		"kind": kind.name(),
		"tx_weight_ref_time": info.weight.ref_time,
		"tx_weight_proof_size": info.weight.proof_size,
		"tx_len": len,
		"fee": info.partial_fee.to_string(),
		"bound_per_block": bound,
		"bound_by": bound_by,
		"signed": txs.len(),
		"signing_s": signing.as_secs_f64(),
		"accepted": accepted,
		"submit_errors": errors,
		"submit_s": submit_time.as_secs_f64(),
		"window_blocks": steady.len(),
		"included_in_window": included,
		"per_second": per_second,
		"per_block": per_block,
		"block_time_s": block_time,
		"blocks": table,
	});
	Ok(Rate { per_second, per_block, bound, bound_by, block_time, record })
}

/// The largest value a single registration may carry under the block limits alone: the weight
/// grows linearly with the value (two `query_info` samples give the slope), the length by one
/// byte per byte.
pub async fn largest_value(
	api: &OnlineClient<PolkadotConfig>,
	ws: &str,
	limits: &Limits,
	account: &Keypair,
) -> Result<Json> {
	let rpc = chain::connect(ws).await?;
	let small_len = 1024;
	let large_len = limits.max_value_len as usize;
	let tag = format!("largest-{}", std::process::id());
	let small =
		presign(api, &rpc, std::slice::from_ref(account), Kind::Register(small_len), &tag, 1)
			.await?;
	let large =
		presign(api, &rpc, std::slice::from_ref(account), Kind::Register(large_len), &tag, 1)
			.await?;
	let (a, b) =
		(chain::query_info(&rpc, &small[0]).await?, chain::query_info(&rpc, &large[0]).await?);
	let slope = (b.weight.ref_time - a.weight.ref_time) as f64 / (large_len - small_len) as f64;
	let fixed_weight = a.weight.ref_time as f64 - slope * small_len as f64;
	let overhead_len = small[0].len() - small_len;
	let by_weight =
		((limits.max_extrinsic.ref_time as f64 - fixed_weight) / slope.max(1e-9)) as u64;
	let by_len = u64::from(limits.max_len).saturating_sub(overhead_len as u64 + 4);
	let (at_max_bound, at_max_by) = limits.per_block(b.weight, large[0].len());
	// A max-size registration, submitted for real: it must be accepted and included.
	let hash: String =
		rpc.request("author_submitExtrinsic", rpc_params![chain::to_hex(&large[0])]).await?;
	let mut next = chain::best_number(&rpc).await?;
	let target = chain::from_hex(&hash)?;
	let mut included_at = None;
	'search: for _ in 0..60 {
		tokio::time::sleep(Duration::from_secs(1)).await;
		let best = chain::best_number(&rpc).await?;
		// Each block is fetched once: scanning resumes after the last one seen.
		let scan = next..=best;
		next = best + 1;
		for n in scan {
			let h = chain::block_hash(&rpc, n).await?;
			if chain::block_extrinsics(&rpc, &h)
				.await?
				.iter()
				.any(|x| chain::tx_hash(x)[..] == target[..])
			{
				included_at = Some(n);
				break 'search;
			}
		}
	}
	Ok(json!({
		"weight_per_value_byte_ps": slope,
		"weight_fixed_ps": fixed_weight,
		"largest_by_weight": by_weight,
		"largest_by_length": by_len,
		"pallet_max_value_len": limits.max_value_len,
		"per_block_at_max_value": at_max_bound,
		"per_block_at_max_value_bound_by": at_max_by,
		"max_value_registration_included_at": included_at,
	}))
}
