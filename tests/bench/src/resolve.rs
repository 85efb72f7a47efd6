//! Figure 5: resolution latency. `moduleRegistry_resolve` of a package with many versions, and
//! `modreg resolve` as a user runs it (a new process each time: start, connect, one RPC call),
//! against the node's plain `state_getStorage` from the same client in the same run.

use anyhow::{bail, Context, Result};
use serde_json::{json, Value as Json};
use std::{
	path::Path,
	process::Command,
	time::{Duration, Instant},
};
use subxt::{
	dynamic,
	rpcs::{rpc_params, RpcClient},
	OnlineClient, PolkadotConfig,
};
use subxt_signer::sr25519::Keypair;

use crate::chain;

pub(crate) fn percentile(sorted: &[Duration], p: f64) -> f64 {
	let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
	sorted[rank.clamp(1, sorted.len()) - 1].as_secs_f64() * 1000.0
}

pub(crate) fn summary(mut samples: Vec<Duration>) -> Json {
	samples.sort();
	json!({
		"requests": samples.len(),
		"p50_ms": percentile(&samples, 50.0),
		"p99_ms": percentile(&samples, 99.0),
		"max_ms": samples.last().map(|d| d.as_secs_f64() * 1000.0),
	})
}

pub(crate) async fn submit(
	api: &OnlineClient<PolkadotConfig>,
	rpc: &RpcClient,
	signer: &Keypair,
	call: &str,
	args: Vec<dynamic::Value>,
	nonce: u64,
) -> Result<()> {
	let tx = dynamic::transaction("ModuleRegistry", call, args);
	let params =
		subxt::config::PolkadotExtrinsicParamsBuilder::<PolkadotConfig>::new().nonce(nonce).build();
	let tx = api
		.at_current_block()
		.await?
		.transactions()
		.create_signable_offline(&tx, params)?
		.sign(signer)?
		.into_encoded();
	let _: String = rpc.request("author_submitExtrinsic", rpc_params![chain::to_hex(&tx)]).await?;
	Ok(())
}

/// Claim a namespace and publish one version of a package in it; returns `ns/name` once the
/// version is on chain.
pub async fn publish_one(
	api: &OnlineClient<PolkadotConfig>,
	ws: &str,
	signer: &Keypair,
	tag: &str,
) -> Result<String> {
	let rpc = chain::connect(ws).await?;
	let namespace = format!("{tag}{}", std::process::id());
	let package = format!("{namespace}/pkg");
	let address = signer.public_key().to_account_id().to_string();
	let nonce = chain::next_nonce(&rpc, &address).await?;
	let claim = vec![dynamic::Value::from_bytes(&namespace)];
	submit(api, &rpc, signer, "claim_namespace", claim, nonce).await?;
	let args = vec![
		dynamic::Value::from_bytes(&package),
		dynamic::Value::from_bytes("1.0.0"),
		dynamic::Value::from_bytes("bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy"),
		dynamic::Value::from_bytes([7u8; 32]),
		dynamic::Value::u128(1024),
		dynamic::Value::from_bytes(r#"{"description":"gateway bench","keywords":["bench"]}"#),
	];
	submit(api, &rpc, signer, "publish_version", args, nonce + 1).await?;
	let deadline = Instant::now() + Duration::from_secs(120);
	loop {
		let found: Json = rpc.request("moduleRegistry_getPackage", rpc_params![&package]).await?;
		if found["versionCount"].as_u64() == Some(1) {
			return Ok(package);
		}
		if Instant::now() > deadline {
			bail!("{package} was not published in time");
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

/// Publish `versions` versions of one package, then time `requests` resolutions of `^1` (which
/// reads every version) through the RPC and, when `modreg` is given, through the CLI.
pub async fn measure(
	api: &OnlineClient<PolkadotConfig>,
	ws: &str,
	signer: &Keypair,
	modreg: Option<&Path>,
	versions: usize,
	requests: usize,
) -> Result<Json> {
	let rpc = chain::connect(ws).await?;
	let namespace = format!("bench{}", std::process::id());
	let package = format!("{namespace}/pkg");
	let address = signer.public_key().to_account_id().to_string();
	let mut nonce = chain::next_nonce(&rpc, &address).await?;
	submit(
		api,
		&rpc,
		signer,
		"claim_namespace",
		vec![dynamic::Value::from_bytes(&namespace)],
		nonce,
	)
	.await?;
	let cid = "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy";
	for i in 0..versions {
		nonce += 1;
		let args = vec![
			dynamic::Value::from_bytes(&package),
			dynamic::Value::from_bytes(format!("1.{}.{}", i / 100, i % 100)),
			dynamic::Value::from_bytes(cid),
			dynamic::Value::from_bytes([7u8; 32]),
			dynamic::Value::u128(1024),
			dynamic::Value::from_bytes(r#"{"description":"bench"}"#),
		];
		submit(api, &rpc, signer, "publish_version", args, nonce).await?;
	}
	let deadline = Instant::now() + Duration::from_secs(120 + versions as u64);
	loop {
		let found: Json = rpc.request("moduleRegistry_getPackage", rpc_params![&package]).await?;
		if found["versionCount"].as_u64() == Some(versions as u64) {
			break;
		}
		if Instant::now() > deadline {
			bail!("only {} of {versions} versions were published in time", found["versionCount"]);
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	let expected = format!("1.{}.{}", (versions - 1) / 100, (versions - 1) % 100);
	let storage_key = chain::account_key(&signer.public_key().0);

	let (mut resolve, mut storage) = (Vec::new(), Vec::new());
	for round in 0..requests + 10 {
		let t = Instant::now();
		let found: Json =
			rpc.request("moduleRegistry_resolve", rpc_params![&package, "^1"]).await?;
		let took = t.elapsed();
		if found["version"] != expected.as_str() {
			bail!("resolve answered {found}, expected {expected}");
		}
		let t = Instant::now();
		let _: Option<String> =
			rpc.request("state_getStorage", rpc_params![chain::to_hex(&storage_key)]).await?;
		// The first rounds warm up connections and caches.
		if round >= 10 {
			resolve.push(took);
			storage.push(t.elapsed());
		}
	}

	let mut cli = Vec::new();
	if let Some(modreg) = modreg {
		for round in 0..requests.min(200) + 3 {
			let t = Instant::now();
			let out = Command::new(modreg)
				.args(["--json", "--node", ws, "resolve", &format!("{package}@^1")])
				.output()
				.with_context(|| format!("running {}", modreg.display()))?;
			let took = t.elapsed();
			let answer: Json = serde_json::from_slice(&out.stdout).unwrap_or_default();
			if !out.status.success() || answer["version"] != expected.as_str() {
				bail!("modreg resolve: {:?} {}", out.status, String::from_utf8_lossy(&out.stdout));
			}
			if round >= 3 {
				cli.push(took);
			}
		}
	}
	// From the synced local index: `modreg sync` once, then `resolve --offline` (a new process
	// each time, no network).
	let mut offline = Vec::new();
	if let Some(modreg) = modreg {
		// `modreg sync` copies the finalized state, which may lag the best block the online
		// figures read: wait until it holds every version.
		let deadline = Instant::now() + Duration::from_secs(300);
		loop {
			let head: String = rpc.request("chain_getFinalizedHead", rpc_params![]).await?;
			let found: Json =
				rpc.request("moduleRegistry_getPackage", rpc_params![&package, &head]).await?;
			if found["versionCount"].as_u64() == Some(versions as u64) {
				break;
			}
			if Instant::now() > deadline {
				bail!("the finalized head holds {} of {versions} versions", found["versionCount"]);
			}
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
		let index =
			std::env::temp_dir().join(format!("modreg-bench-index-{}.sqlite", std::process::id()));
		let index_arg = index.to_string_lossy().into_owned();
		let sync = Command::new(modreg)
			.args(["--json", "--node", ws, "--index", &index_arg, "sync"])
			.output()
			.with_context(|| format!("running {}", modreg.display()))?;
		if !sync.status.success() {
			bail!("modreg sync: {}", String::from_utf8_lossy(&sync.stdout));
		}
		for round in 0..requests.min(200) + 3 {
			let t = Instant::now();
			let out = Command::new(modreg)
				.args([
					"--json",
					"--index",
					&index_arg,
					"resolve",
					&format!("{package}@^1"),
					"--offline",
				])
				.output()?;
			let took = t.elapsed();
			let answer: Json = serde_json::from_slice(&out.stdout).unwrap_or_default();
			if !out.status.success() || answer["version"] != expected.as_str() {
				bail!("modreg resolve --offline: {}", String::from_utf8_lossy(&out.stdout));
			}
			if round >= 3 {
				offline.push(took);
			}
		}
		let _ = std::fs::remove_file(&index);
	}
	// The floors under both `modreg` figures: starting `modreg` and printing its version, and
	// starting the smallest program there is (`true`), what this machine charges for any process.
	let mut start = Vec::new();
	let mut floor = Vec::new();
	if let Some(modreg) = modreg {
		let true_bin = Path::new("/bin/true");
		for (program, args, times) in
			[(modreg, &["--version"][..], &mut start), (true_bin, &[][..], &mut floor)]
		{
			for round in 0..requests.min(200) + 3 {
				let t = Instant::now();
				let out = Command::new(program).args(args).output()?;
				let took = t.elapsed();
				if !out.status.success() {
					bail!("{} {args:?}: {:?}", program.display(), out.status);
				}
				if round >= 3 {
					times.push(took);
				}
			}
		}
	}
	Ok(json!({
		"versions": versions,
		"rpc_resolve": summary(resolve),
		"state_get_storage": summary(storage),
		"modreg_resolve": if cli.is_empty() { Json::Null } else { summary(cli) },
		"modreg_resolve_offline": if offline.is_empty() { Json::Null } else { summary(offline) },
		"modreg_process_start": if start.is_empty() { Json::Null } else { summary(start) },
		"process_start_true": if floor.is_empty() { Json::Null } else { summary(floor) },
	}))
}
