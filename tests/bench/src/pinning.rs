//! Figure 3: from the block that includes a CID registration to the block whose pinner report
//! marks it `Verified`, with the real IPFS daemon, in blocks and in (block-timestamp) seconds.

use anyhow::{anyhow, bail, Context, Result};
use serde_json::{json, Value as Json};
use std::{
	io::{Read as _, Write as _},
	net::TcpStream,
	time::{Duration, Instant},
};
use subxt::{
	dynamic,
	rpcs::{rpc_params, RpcClient},
	OnlineClient, PolkadotConfig,
};
use subxt_signer::sr25519::Keypair;

use crate::chain;

/// Adds `content` to the daemon at `api` (`http://host:port`) and returns its CID (v0).
pub fn ipfs_add(api: &str, content: &[u8]) -> Result<String> {
	let authority = api.trim_start_matches("http://").trim_end_matches('/');
	let boundary = "modreg-bench-boundary";
	let mut body = format!(
		"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f\"\r\n\
		 Content-Type: application/octet-stream\r\n\r\n"
	)
	.into_bytes();
	body.extend_from_slice(content);
	body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
	let mut stream = TcpStream::connect(authority).with_context(|| format!("IPFS API {api}"))?;
	stream.set_read_timeout(Some(Duration::from_secs(30)))?;
	write!(
		stream,
		"POST /api/v0/add?pin=false HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n\
		 Content-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {}\r\n\r\n",
		body.len()
	)?;
	stream.write_all(&body)?;
	let mut answer = String::new();
	stream.read_to_string(&mut answer)?;
	if !answer.starts_with("HTTP/1.1 200") {
		bail!("IPFS add failed: {:.200}", answer);
	}
	// The body may be chunked; the JSON line with "Hash" is all that is needed.
	let start = answer.find("\"Hash\":\"").ok_or_else(|| anyhow!("no Hash in {answer:.300}"))?;
	let rest = &answer[start + 8..];
	Ok(rest[..rest.find('"').unwrap_or(0)].to_owned())
}

/// One registration's path to `Verified`.
struct Pin {
	key: String,
	included: Option<u64>,
	verified: Option<u64>,
}

/// Registers `count` fresh CIDs, one per new block, and waits until each is `Verified`.
pub async fn measure(
	api: &OnlineClient<PolkadotConfig>,
	ws: &str,
	ipfs: &str,
	signer: &Keypair,
	count: usize,
) -> Result<Json> {
	let rpc = chain::connect(ws).await?;
	let mut pins = Vec::with_capacity(count);
	let run = std::process::id();
	let mut last_block = chain::best_number(&rpc).await?;
	for i in 0..count {
		let content =
			format!("module registry bench {run} pin {i} {:?}\n", Instant::now()).repeat(64);
		let cid = ipfs_add(ipfs, content.as_bytes())?;
		let key = format!("bench/pin/{run}/{i:03}");
		// Wait for a new block so registrations spread one per block, as users make them.
		while chain::best_number(&rpc).await? == last_block {
			tokio::time::sleep(Duration::from_millis(200)).await;
		}
		last_block = chain::best_number(&rpc).await?;
		let call = dynamic::transaction(
			"ModuleRegistry",
			"register_module",
			vec![dynamic::Value::from_bytes(&key), dynamic::Value::from_bytes(cid.as_bytes())],
		);
		// The nonce from the pool, not from the last finalized block: the previous registration
		// may still be waiting.
		let address = signer.public_key().to_account_id().to_string();
		let params = subxt::config::PolkadotExtrinsicParamsBuilder::<PolkadotConfig>::new()
			.nonce(chain::next_nonce(&rpc, &address).await?)
			.build();
		let tx = api
			.at_current_block()
			.await?
			.transactions()
			.create_signable_offline(&call, params)?
			.sign(signer)?
			.into_encoded();
		let _: String =
			rpc.request("author_submitExtrinsic", rpc_params![chain::to_hex(&tx)]).await?;
		pins.push(Pin { key, included: None, verified: None });
	}
	let deadline = Instant::now() + Duration::from_secs(60 + 12 * count as u64);
	while pins.iter().any(|p| p.verified.is_none()) {
		if Instant::now() > deadline {
			let missing: Vec<&str> =
				pins.iter().filter(|p| p.verified.is_none()).map(|p| p.key.as_str()).collect();
			bail!("not verified in time: {missing:?}");
		}
		for pin in pins.iter_mut().filter(|p| p.verified.is_none()) {
			let info: Option<Json> = rpc
				.request(
					"moduleRegistry_getModuleInfo",
					rpc_params![chain::to_hex(pin.key.as_bytes())],
				)
				.await?;
			let Some(info) = info else { continue };
			pin.included = info["created"].as_u64();
			if let Some(failed) = info["pinStatus"].get("failed") {
				bail!("{} failed to pin: {failed}", pin.key);
			}
			pin.verified = info["pinStatus"]["verified"]["at"].as_u64();
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	let mut rows = Vec::new();
	for pin in &pins {
		let (included, verified) = (pin.included.unwrap_or(0), pin.verified.unwrap_or(0));
		let seconds = seconds_between(&rpc, included, verified).await?;
		rows.push((verified - included, seconds));
	}
	let mut blocks: Vec<u64> = rows.iter().map(|r| r.0).collect();
	let mut seconds: Vec<f64> = rows.iter().map(|r| r.1).collect();
	blocks.sort();
	seconds.sort_by(f64::total_cmp);
	Ok(json!({
		"registrations": count,
		"median_blocks": blocks[blocks.len() / 2],
		"max_blocks": blocks[blocks.len() - 1],
		"median_seconds": seconds[seconds.len() / 2],
		"max_seconds": seconds[seconds.len() - 1],
		"blocks": blocks,
	}))
}

async fn seconds_between(rpc: &RpcClient, from: u64, to: u64) -> Result<f64> {
	let a = chain::timestamp(rpc, &chain::block_hash(rpc, from).await?).await?;
	let b = chain::timestamp(rpc, &chain::block_hash(rpc, to).await?).await?;
	Ok((b - a) as f64 / 1000.0)
}
