//! Figure 8: the light client and attestations. `modreg resolve` through the node's RPC (the
//! baseline, same run) against `modreg --light resolve` cold (an empty cache) and warm (the
//! saved light-client database); then an attestation's size and the cost of checking it, in
//! process and as `modreg verify-attestation` (a new process each time).

use anyhow::{bail, Context, Result};
use serde_json::{json, Value as Json};
use std::{
	fs,
	path::Path,
	process::Command,
	time::{Duration, Instant},
};
use subxt::{
	rpcs::{rpc_params, RpcClient},
	OnlineClient, PolkadotConfig,
};
use subxt_signer::sr25519::Keypair;

use crate::{chain, node::Node, resolve};

/// The bench chain's raw spec with `node` as its only bootnode.
fn light_spec(node_bin: &Path, spec: &Path, peer: &str, p2p_port: u16, out: &Path) -> Result<()> {
	let raw = Command::new(node_bin)
		.args(["export-chain-spec", "--raw", "--chain"])
		.arg(spec)
		.output()
		.with_context(|| format!("running {}", node_bin.display()))?;
	if !raw.status.success() {
		bail!("export-chain-spec --raw failed: {}", raw.status);
	}
	let mut spec: Json = serde_json::from_slice(&raw.stdout)?;
	spec["bootNodes"] = json!([format!("/ip4/127.0.0.1/tcp/{p2p_port}/p2p/{peer}")]);
	fs::write(out, serde_json::to_vec(&spec)?)?;
	Ok(())
}

fn run(modreg: &Path, env: &[(&str, &Path)], args: &[&str]) -> Result<(Duration, Json)> {
	let t = Instant::now();
	let mut cmd = Command::new(modreg);
	cmd.arg("--json").args(args);
	for (k, v) in env {
		cmd.env(k, v);
	}
	let out = cmd.output().with_context(|| format!("running {}", modreg.display()))?;
	let took = t.elapsed();
	if !out.status.success() {
		bail!(
			"modreg {args:?}: {:?}\n{}\n{}",
			out.status,
			String::from_utf8_lossy(&out.stdout),
			String::from_utf8_lossy(&out.stderr)
		);
	}
	Ok((took, serde_json::from_slice(&out.stdout).unwrap_or_default()))
}

/// Measure figure 8 (`runs` requests per mode).
#[allow(clippy::too_many_arguments)]
pub async fn measure(
	api: &OnlineClient<PolkadotConfig>,
	node: &Node,
	node_bin: &Path,
	spec: &Path,
	modreg: &Path,
	work: &Path,
	signer: &Keypair,
	runs: usize,
	min_height: u64,
) -> Result<Json> {
	let rpc: RpcClient = chain::connect(&node.ws).await?;
	let package = resolve::publish_one(api, &node.ws, signer, "light").await?;
	let dir = work.join("light");
	let _ = fs::remove_dir_all(&dir);
	fs::create_dir_all(&dir)?;
	let peer: String = rpc.request("system_localPeerId", rpc_params![]).await?;
	let light = dir.join("light-spec.json");
	light_spec(node_bin, spec, &peer, node.p2p_port, &light)?;
	// The light client reads at the finalized block: wait until the version is there, on a
	// chain longer than one blocks request (64): on a younger chain smoldot fetches the whole
	// chain at once and then waits for a second GRANDPA neighbour packet (about a second) before
	// it picks a sync mode, which no real chain's users would see.
	let deadline = Instant::now() + Duration::from_secs(60 + 7 * min_height);
	loop {
		let head: String = rpc.request("chain_getFinalizedHead", rpc_params![]).await?;
		let found: Json =
			rpc.request("moduleRegistry_getPackage", rpc_params![&package, &head]).await?;
		let header: Json = rpc.request("chain_getHeader", rpc_params![&head]).await?;
		let number = u64::from_str_radix(
			header["number"].as_str().unwrap_or("0x0").trim_start_matches("0x"),
			16,
		)?;
		if found["versionCount"].as_u64() == Some(1) && number >= min_height {
			break;
		}
		if Instant::now() > deadline {
			bail!("{package} is not finalized");
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
	let head: String = rpc.request("chain_getFinalizedHead", rpc_params![]).await?;
	let header: Json = rpc.request("chain_getHeader", rpc_params![&head]).await?;
	let height = u64::from_str_radix(
		header["number"].as_str().unwrap_or("0x0").trim_start_matches("0x"),
		16,
	)?;
	let reference = format!("{package}@^1");
	let nowhere = Path::new("ws://127.0.0.1:9");

	let mut rpc_samples = Vec::new();
	for round in 0..runs + 2 {
		let (took, answer) = run(modreg, &[], &["--node", &node.ws, "resolve", &reference])?;
		if answer["version"] != "1.0.0" {
			bail!("modreg resolve: {answer}");
		}
		if round >= 2 {
			rpc_samples.push(took);
		}
	}
	let cache = dir.join("cache");
	let light_env: [(&str, &Path); 4] = [
		("MODREG_LIGHT", Path::new("1")),
		("MODREG_CHAIN_SPEC", &light),
		("MODREG_CACHE_DIR", &cache),
		("MODREG_NODE", nowhere),
	];
	let (cold, answer) = run(modreg, &light_env, &["resolve", &reference])?;
	if answer["version"] != "1.0.0" {
		bail!("modreg --light resolve: {answer}");
	}
	let mut warm = Vec::new();
	for _ in 0..runs {
		let (took, answer) = run(modreg, &light_env, &["resolve", &reference])?;
		if answer["version"] != "1.0.0" {
			bail!("modreg --light resolve: {answer}");
		}
		warm.push(took);
	}

	// An attestation of the version, and the cost of checking it.
	let bundle_path = dir.join("bundle.json");
	let bundle_file = bundle_path.to_string_lossy().into_owned();
	run(
		modreg,
		&[],
		&["--node", &node.ws, "attest", &format!("{package}@1.0.0"), "-o", &bundle_file],
	)?;
	let bundle = fs::read(&bundle_path)?;
	let set = modreg::attest::genesis_authorities(&fs::read_to_string(&light)?)?;
	let expected = modreg::attest::Expected {
		package: package.clone(),
		version: "1.0.0".into(),
		allow_yanked: false,
	};
	let rounds = 1000;
	let t = Instant::now();
	for _ in 0..rounds {
		modreg::attest::verify(&bundle, &set, &expected, None)?;
	}
	let in_process_ms = t.elapsed().as_secs_f64() * 1000.0 / rounds as f64;
	let mut verify_cli = Vec::new();
	let spec_env: [(&str, &Path); 2] = [("MODREG_CHAIN_SPEC", &light), ("MODREG_NODE", nowhere)];
	for _ in 0..runs {
		let (took, answer) = run(
			modreg,
			&spec_env,
			&[
				"verify-attestation",
				&bundle_file,
				&format!("{package}@1.0.0"),
				// The bench chain's validator is //Alice.
				"--allow-dev-keys",
			],
		)?;
		if answer["ok"] != true {
			bail!("verify-attestation: {answer}");
		}
		verify_cli.push(took);
	}
	let mut true_samples = Vec::new();
	for _ in 0..runs {
		let t = Instant::now();
		Command::new("true").status()?;
		true_samples.push(t.elapsed());
	}
	let database = fs::read_dir(cache.join("light"))?
		.filter_map(|e| e.ok()?.metadata().ok())
		.map(|m| m.len())
		.sum::<u64>();
	Ok(json!({
		"chain_height": height,
		"rpc_resolve": resolve::summary(rpc_samples),
		"light_cold_ms": cold.as_secs_f64() * 1000.0,
		"light_warm_resolve": resolve::summary(warm),
		"light_database_bytes": database,
		"bundle_bytes": bundle.len(),
		"verify_in_process_ms": in_process_ms,
		"verify_cli": resolve::summary(verify_cli),
		"process_start_true": resolve::summary(true_samples),
	}))
}
