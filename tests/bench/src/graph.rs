//! Figure 7: resolving a dependency graph. A synthetic registry of `packages` packages in
//! `depth` levels, each with `versions` versions whose metadata needs three packages of the next
//! level (at ranges the newest versions satisfy), is published on the node; then `modreg lock
//! --dry-run` of every top-level package (a new process each time: start, connect, read the
//! graph at the finalized block, PubGrub) is timed online and, after `modreg sync`, offline from
//! the local index, each beside `modreg resolve` of one package in the same run.

use anyhow::{bail, Context, Result};
use serde_json::{json, Value as Json};
use std::{
	path::Path,
	process::Command,
	time::{Duration, Instant},
};
use subxt::{dynamic, rpcs::rpc_params, OnlineClient, PolkadotConfig};
use subxt_signer::sr25519::Keypair;

use crate::{chain, resolve::submit};

fn name(ns: &str, level: usize, i: usize) -> String {
	format!("{ns}/p{level}x{i}")
}

/// Run `modreg` with `args` `runs` times; median and worst wall time in ms, and the last answer.
fn time_cli(modreg: &Path, args: &[String], runs: usize) -> Result<(f64, f64, Json)> {
	let mut samples = Vec::new();
	let mut last = Json::Null;
	for round in 0..runs + 1 {
		let t = Instant::now();
		let out = Command::new(modreg)
			.args(args)
			.output()
			.with_context(|| format!("running {}", modreg.display()))?;
		let took = t.elapsed();
		if !out.status.success() {
			bail!("modreg {args:?}: {:?} {}", out.status, String::from_utf8_lossy(&out.stdout));
		}
		last = serde_json::from_slice(&out.stdout).unwrap_or_default();
		// The first run warms the page cache.
		if round > 0 {
			samples.push(took);
		}
	}
	samples.sort();
	let ms = |d: &Duration| d.as_secs_f64() * 1000.0;
	Ok((ms(&samples[samples.len() / 2]), ms(samples.last().expect("runs > 0")), last))
}

/// Publish the graph, then time the resolutions. Returns the figure's record.
#[allow(clippy::too_many_arguments)]
pub async fn measure(
	api: &OnlineClient<PolkadotConfig>,
	ws: &str,
	signer: &Keypair,
	modreg: &Path,
	work: &Path,
	packages: usize,
	depth: usize,
	versions: usize,
	runs: usize,
) -> Result<Json> {
	let rpc = chain::connect(ws).await?;
	let ns = format!("graph{}", std::process::id());
	let address = signer.public_key().to_account_id().to_string();
	let mut nonce = chain::next_nonce(&rpc, &address).await?;
	submit(api, &rpc, signer, "claim_namespace", vec![dynamic::Value::from_bytes(&ns)], nonce)
		.await?;
	let per_level = packages.div_ceil(depth);
	let width = |level: usize| per_level.min(packages.saturating_sub(level * per_level));
	let cid = "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy";
	let started = Instant::now();
	// Bottom level first: a dependency must exist when a version naming it is published.
	for level in (0..depth).rev() {
		for i in 0..width(level) {
			for v in 0..versions {
				let needs: Vec<String> = if level + 1 < depth && width(level + 1) > 0 {
					(0..3)
						.map(|k| {
							let target = name(&ns, level + 1, (i + 7 * k) % width(level + 1));
							format!("\"{target}@^1.{}\"", (i + k + v) % versions)
						})
						.collect::<std::collections::BTreeSet<_>>()
						.into_iter()
						.collect()
				} else {
					Vec::new()
				};
				let metadata = format!(r#"{{"dependencies":{{"modules":[{}]}}}}"#, needs.join(","));
				nonce += 1;
				let args = vec![
					dynamic::Value::from_bytes(name(&ns, level, i)),
					dynamic::Value::from_bytes(format!("1.{v}.0")),
					dynamic::Value::from_bytes(cid),
					dynamic::Value::from_bytes([7u8; 32]),
					dynamic::Value::u128(1024),
					dynamic::Value::from_bytes(metadata),
				];
				submit(api, &rpc, signer, "publish_version", args, nonce).await?;
			}
		}
		// Wait for the level before publishing the one that needs it.
		let last = name(&ns, level, width(level) - 1);
		let deadline = Instant::now() + Duration::from_secs(600);
		loop {
			let head: String = rpc.request("chain_getFinalizedHead", rpc_params![]).await?;
			let found: Json =
				rpc.request("moduleRegistry_getPackage", rpc_params![&last, &head]).await?;
			if found["versionCount"].as_u64() == Some(versions as u64) {
				break;
			}
			if Instant::now() > deadline {
				bail!("level {level} of the graph was not published in time ({found})");
			}
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}
	let publish_seconds = started.elapsed().as_secs_f64();

	let project = work.join(format!("graph-project-{}", std::process::id()));
	std::fs::create_dir_all(&project)?;
	let index = work.join(format!("graph-index-{}.sqlite", std::process::id()));
	let roots: Vec<String> = (0..width(0)).map(|i| format!("{}@^1", name(&ns, 0, i))).collect();
	let base = |extra: &[&str]| -> Vec<String> {
		let mut args: Vec<String> =
			["--json", "--node", ws, "--index"].iter().map(|s| s.to_string()).collect();
		args.push(index.display().to_string());
		args.extend(extra.iter().map(|s| s.to_string()));
		args
	};
	let project_arg = format!("--project={}", project.display());
	let mut online_args = base(&["lock", "--dry-run", &project_arg, "--"]);
	online_args.extend(roots.iter().cloned());
	let (online_ms, online_max, answer) = time_cli(modreg, &online_args, runs)?;
	let locked = answer["lockfile"]["packages"].as_array().map_or(0, Vec::len);
	if locked != packages {
		bail!("the graph locked {locked} packages, not {packages}");
	}
	let single = format!("{}@^1", name(&ns, 0, 0));
	let (single_ms, _, _) = time_cli(modreg, &base(&["resolve", &single]), runs)?;

	let sync = Instant::now();
	let out = Command::new(modreg).args(base(&["sync"])).output()?;
	if !out.status.success() {
		bail!("modreg sync: {}", String::from_utf8_lossy(&out.stdout));
	}
	let sync_seconds = sync.elapsed().as_secs_f64();
	let mut offline_args = base(&["lock", "--offline", "--dry-run", &project_arg, "--"]);
	offline_args.extend(roots.iter().cloned());
	let (offline_ms, offline_max, answer) = time_cli(modreg, &offline_args, runs * 4)?;
	let locked = answer["lockfile"]["packages"].as_array().map_or(0, Vec::len);
	if locked != packages {
		bail!("the offline graph locked {locked} packages, not {packages}");
	}
	let (single_offline_ms, _, _) =
		time_cli(modreg, &base(&["resolve", "--offline", &single]), runs * 4)?;
	let (start_ms, _, _) = time_cli(modreg, &["--version".to_string()], runs * 4)
		.or_else(|_| Ok::<_, anyhow::Error>((f64::NAN, f64::NAN, Json::Null)))?;
	Ok(json!({
		"packages": packages, "depth": depth, "versions_each": versions,
		"published_versions": packages * versions, "publish_seconds": publish_seconds,
		"online_graph_median_ms": online_ms, "online_graph_max_ms": online_max,
		"online_single_median_ms": single_ms,
		"sync_seconds": sync_seconds,
		"offline_graph_median_ms": offline_ms, "offline_graph_max_ms": offline_max,
		"offline_single_median_ms": single_offline_ms,
		"process_start_median_ms": start_ms,
	}))
}
