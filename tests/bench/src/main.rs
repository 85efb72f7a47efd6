//! # Module registry performance harness
//!
//! `modreg-bench` measures the chain the way its users load it and prints every figure next to a
//! baseline measured in the same run, as a ratio (absolute times on a shared machine are
//! context only):
//!
//! 1. **Throughput** — included `register_module` (1 KiB JSON) per second against
//!    `balances.transfer_keep_alive`, each against the per-block bound that the runtime's weight
//!    and length limits and its benchmarked weights allow ([`throughput`]).
//! 2. **Read latency** — 100 concurrent clients, `moduleRegistry_getModule` against
//!    `state_getStorage` of a `System::Account` key, p50/p99 ([`latency`]).
//! 3. **Pinning latency** — blocks and seconds from inclusion of a CID registration to
//!    `Verified`, with the real IPFS daemon ([`pinning`]).
//! 4. **Weight** — `register_module` against `pallet-preimage::note_preimage` at 1 KiB and
//!    64 KiB from the same `benchmark pallet` command ([`weights`]).
//! 5. **Resolution** — `moduleRegistry_resolve` of a package with many versions and `modreg
//!    resolve` (a new process per request), against `state_getStorage` ([`resolve`]).
//! 6. **Gateway** — `GET /v1/search` over 100,000 indexed packages against a primary-key read
//!    (`gateway-search`, no node needed), and `GET /v1/modules/{ns}/{name}` against the node's
//!    `moduleRegistry_getModule` and against constant HTTP servers (the floor), with the time to
//!    index the chain from genesis (`gateway`);
//!    and the indexing lag while the P1 register burst runs (100,000 registrations), then the
//!    time a fresh gateway takes to index that chain from genesis (`gateway-burst`)
//!    ([`gateway`]).
//!
//! 7. **Dependency graphs** — `modreg lock` of a 500-package graph (depth 8, 20 versions each)
//!    online and offline from the synced index, beside `modreg resolve` of one package
//!    (`graph`, [`graph`]).
//! 8. **Light client and attestations** — `modreg --light resolve` cold and warm against
//!    `modreg resolve` through the RPC, an attestation's size and the cost of verifying it
//!    (`light`, [`light`]).
//!
//! Run it through `scripts/bench.sh` (which builds the release node and starts IPFS); method and
//! latest figures are in `docs/PERFORMANCE.md`.

mod chain;
mod gateway;
mod graph;
mod latency;
mod light;
mod node;
mod pinning;
mod resolve;
mod throughput;
mod weights;

use anyhow::{Context, Result};
use clap::{Parser, ValueEnum};
use serde_json::{json, Value as Json};
use std::{fs, path::PathBuf, time::Instant};
use subxt::{OnlineClient, PolkadotConfig};
use subxt_signer::{sr25519, DeriveJunction};

/// A figure of the harness.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Figure {
	Throughput,
	Latency,
	Pinning,
	Weights,
	Resolve,
	Gateway,
	GatewaySearch,
	GatewayBurst,
	Graph,
	Light,
}

/// Measure throughput, read latency, pinning latency and weights of the module registry chain.
#[derive(Parser)]
#[command(version)]
struct Args {
	/// The node binary; a release build (`scripts/bench.sh` builds it).
	#[arg(long)]
	node: PathBuf,
	/// The runtime wasm for `benchmark pallet` (figure 4).
	#[arg(long)]
	runtime_wasm: Option<PathBuf>,
	/// HTTP RPC address of a running IPFS daemon (figure 3), e.g. `http://127.0.0.1:5001`.
	#[arg(long)]
	ipfs_api: Option<String>,
	/// Smaller runs that finish in a few minutes, for iteration; the figures are noisier.
	#[arg(long)]
	quick: bool,
	/// Which figures to measure.
	#[arg(
		long,
		value_delimiter = ',',
		default_value = "throughput,latency,pinning,weights,resolve"
	)]
	only: Vec<Figure>,
	/// Directory for chain data, logs and benchmark output.
	#[arg(long, default_value = "target/bench")]
	work_dir: PathBuf,
	/// The `modreg` binary for figure 5 (a release build; `scripts/bench.sh` builds it).
	#[arg(long)]
	modreg: Option<PathBuf>,
	/// The `module-registry-gateway` binary for figure 6 (a release build).
	#[arg(long)]
	gateway: Option<PathBuf>,
	/// Where to write all figures as JSON (default: `<work-dir>/results.json`).
	#[arg(long)]
	json: Option<PathBuf>,
}

/// Sizes of a run.
struct Plan {
	accounts: usize,
	window_blocks: usize,
	max_signed: usize,
	clients: usize,
	requests: usize,
	pins: usize,
	steps: u32,
	repeat: u32,
}

impl Plan {
	fn new(quick: bool) -> Self {
		if quick {
			Self {
				accounts: 256,
				window_blocks: 1,
				max_signed: 20_000,
				clients: 100,
				requests: 20,
				pins: 5,
				steps: 10,
				repeat: 5,
			}
		} else {
			Self {
				accounts: 2048,
				window_blocks: 4,
				max_signed: 60_000,
				clients: 100,
				requests: 200,
				pins: 20,
				steps: 50,
				repeat: 20,
			}
		}
	}
}

fn ratio_line(what: &str, value: f64, goal: &str, met: bool) -> String {
	format!("{what:<58} {value:>8.3}   goal {goal:<8} {}", if met { "met" } else { "MISSED" })
}

#[tokio::main]
async fn main() -> Result<()> {
	let args = Args::parse();
	let plan = Plan::new(args.quick);
	let started = Instant::now();
	fs::create_dir_all(&args.work_dir)?;
	let work = fs::canonicalize(&args.work_dir)?;
	let mut results = serde_json::Map::new();
	let mut summary: Vec<String> = Vec::new();
	results.insert("quick".into(), json!(args.quick));
	results.insert("machine".into(), machine());

	let alice = sr25519::dev::alice();
	let accounts: Vec<sr25519::Keypair> = (0..plan.accounts as u32)
		.map(|i| alice.derive([DeriveJunction::hard("bench"), DeriveJunction::hard(i)]))
		.collect();
	let addresses: Vec<String> =
		accounts.iter().map(|a| a.public_key().to_account_id().to_string()).collect();
	let spec = work.join("bench-spec.json");
	node::chain_spec(&args.node, &addresses, &spec)?;

	let needs_node =
		args.only.iter().any(|f| !matches!(f, Figure::Weights | Figure::GatewaySearch));
	let node = if needs_node {
		println!("Starting {} (log {})", args.node.display(), work.join("node/node.log").display());
		Some(
			node::Node::start(&args.node, &spec, &work.join("node"), args.ipfs_api.as_deref())
				.await?,
		)
	} else {
		None
	};
	let api = match &node {
		Some(n) => Some(OnlineClient::<PolkadotConfig>::from_url(&n.ws).await?),
		None => None,
	};
	let limits = match &api {
		Some(api) => Some(chain::Limits::read(api).await?),
		None => None,
	};

	if let (Some(node), Some(api), Some(limits), true) =
		(&node, &api, &limits, args.only.contains(&Figure::Throughput))
	{
		println!("\n== 1. Throughput (steady window of {} block(s)) ==", plan.window_blocks);
		println!(
			"  limits: normal class {} ps of {} ps per block (base block {} ps), {} bytes; base \
			 extrinsic {} ps",
			limits.max_total.ref_time,
			limits.max_block.ref_time,
			limits.base_block.ref_time,
			limits.max_len,
			limits.base_extrinsic.ref_time
		);
		let target = throughput::Target { api, ws: &node.ws, node_log: &node.log, limits };
		let register = throughput::measure(
			&target,
			&accounts,
			throughput::Kind::Register(1024),
			plan.window_blocks,
			plan.max_signed,
		)
		.await?;
		let transfer = throughput::measure(
			&target,
			&accounts,
			throughput::Kind::Transfer,
			plan.window_blocks,
			plan.max_signed,
		)
		.await?;
		let largest = throughput::largest_value(api, &node.ws, limits, &accounts[0]).await?;
		for (name, rate) in [("register_module", &register), ("transfer_keep_alive", &transfer)] {
			summary.push(format!(
				"{name}: {:.1}/s ({:.1} per block of {:.2} s); bound {} per block ({})",
				rate.per_second, rate.per_block, rate.block_time, rate.bound, rate.bound_by
			));
		}
		let ratio = register.per_second / transfer.per_second;
		let fraction = register.per_block / register.bound as f64;
		let transfer_fraction = transfer.per_block / transfer.bound as f64;
		summary.push(ratio_line(
			"throughput ratio register/transfer",
			ratio,
			">= 0.8",
			ratio >= 0.8,
		));
		summary.push(ratio_line(
			"register_module: achieved fraction of the per-block bound",
			fraction,
			">= 0.8",
			fraction >= 0.8,
		));
		summary.push(format!(
			"transfer_keep_alive: achieved fraction of its bound                {transfer_fraction:.3}"
		));
		summary.push(format!(
			"largest value with one registration per block: {} B by weight, {} B by length; the \
			 pallet caps values at {} B, where a block holds {} ({})",
			largest["largest_by_weight"],
			largest["largest_by_length"],
			largest["pallet_max_value_len"],
			largest["per_block_at_max_value"],
			largest["per_block_at_max_value_bound_by"].as_str().unwrap_or("?"),
		));
		results.insert(
			"throughput".into(),
			json!({
				"register": register.record,
				"transfer": transfer.record,
				"ratio": ratio,
				"register_fraction_of_bound": fraction,
				"transfer_fraction_of_bound": transfer_fraction,
				"largest_value": largest,
			}),
		);
	}

	if let (Some(node), Some(api), true) = (&node, &api, args.only.contains(&Figure::Latency)) {
		println!("\n== 2. Read latency ({} clients × {} requests) ==", plan.clients, plan.requests);
		let key = format!("bench/latency/{}", std::process::id()).into_bytes();
		let value = throughput::json_value(0, 1024);
		register_finalized(api, &alice, &key, &value)
			.await
			.context("registering the module read by the latency clients")?;
		let reads = [
			latency::Read::GetModule { key: key.clone(), expected: value.clone() },
			latency::Read::Storage { key: chain::account_key(&alice.public_key().0) },
			latency::Read::RuntimeCall { key, expected: value },
		];
		let [module, storage, runtime] =
			latency::measure(&node.ws, node.pid(), plan.clients, plan.requests, 2, reads).await?;
		let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
		for (name, s) in [
			("moduleRegistry_getModule", &module),
			("state_getStorage", &storage),
			("state_call(get_module)", &runtime),
		] {
			summary.push(format!(
				"{name:<26} p50 {:>7.2} ms  p99 {:>7.2} ms  {:>8.0} req/s; CPU s/1k req node \
				 {:.3}, clients {:.3}; {:.2} cores busy",
				ms(s.percentile(50.0)),
				ms(s.percentile(99.0)),
				s.rate,
				s.node_cpu_per_1k,
				s.client_cpu_per_1k,
				s.busy_cores
			));
		}
		let p99 = ms(module.percentile(99.0)) / ms(storage.percentile(99.0));
		let p50 = ms(module.percentile(50.0)) / ms(storage.percentile(50.0));
		summary.push(ratio_line(
			"read latency p99 ratio getModule/getStorage",
			p99,
			"<= 1.5",
			p99 <= 1.5,
		));
		summary.push(format!("read latency p50 ratio getModule/getStorage             {p50:>8.3}"));
		results.insert(
			"latency".into(),
			json!({
				"clients": plan.clients,
				"get_module": module.summary(),
				"get_storage": storage.summary(),
				"runtime_call_get_module": runtime.summary(),
				"runtime_call_p99_ratio": ms(runtime.percentile(99.0)) / ms(storage.percentile(99.0)),
				"p99_ratio": p99,
				"p50_ratio": p50,
			}),
		);
	}

	if let (Some(node), Some(api), true) = (&node, &api, args.only.contains(&Figure::Pinning)) {
		println!("\n== 3. Pinning latency ({} registrations) ==", plan.pins);
		let ipfs = args
			.ipfs_api
			.as_deref()
			.context("--ipfs-api is needed for the pinning figure (scripts/bench.sh starts one)")?;
		let record = pinning::measure(api, &node.ws, ipfs, &accounts[1], plan.pins).await?;
		let median = record["median_blocks"].as_u64().unwrap_or(u64::MAX);
		summary.push(ratio_line(
			"pinning: median blocks from inclusion to Verified",
			median as f64,
			"<= 2",
			median <= 2,
		));
		summary.push(format!(
			"pinning: median {:.1} s, worst {} blocks / {:.1} s, per registration {}",
			record["median_seconds"].as_f64().unwrap_or(0.0),
			record["max_blocks"],
			record["max_seconds"].as_f64().unwrap_or(0.0),
			record["blocks"]
		));
		results.insert("pinning".into(), record);
	}
	if let (Some(node), Some(api), true) = (&node, &api, args.only.contains(&Figure::Resolve)) {
		let versions = if args.quick { 100 } else { 1000 };
		let requests = if args.quick { 100 } else { 500 };
		println!("\n== 5. Resolution ({versions} versions, {requests} requests) ==");
		let record = resolve::measure(
			api,
			&node.ws,
			&accounts[2],
			args.modreg.as_deref(),
			versions,
			requests,
		)
		.await?;
		let ms = |v: &Json, k: &str| v[k].as_f64().unwrap_or(f64::MAX);
		let rpc = &record["rpc_resolve"];
		let storage = &record["state_get_storage"];
		summary.push(format!(
			"moduleRegistry_resolve ({versions} versions) p50 {:.2} ms p99 {:.2} ms; \
			 state_getStorage p50 {:.2} ms p99 {:.2} ms (ratio p99 {:.2})",
			ms(rpc, "p50_ms"),
			ms(rpc, "p99_ms"),
			ms(storage, "p50_ms"),
			ms(storage, "p99_ms"),
			ms(rpc, "p99_ms") / ms(storage, "p99_ms"),
		));
		for (field, label, goal) in [
			("modreg_resolve", "modreg resolve (new process each) p99 ms", 20.0),
			(
				"modreg_resolve_offline",
				"modreg resolve --offline (synced index, new process each) p99 ms",
				5.0,
			),
		] {
			let cli = &record[field];
			if !cli.is_null() {
				let p99 = ms(cli, "p99_ms");
				summary.push(ratio_line(label, p99, &format!("<= {goal}"), p99 <= goal));
			}
		}
		if let Some(start) = record["modreg_process_start"].as_object() {
			summary.push(format!(
				"baseline: modreg --version (process start only) p50 {:.2} ms p99 {:.2} ms",
				start["p50_ms"].as_f64().unwrap_or(f64::MAX),
				start["p99_ms"].as_f64().unwrap_or(f64::MAX),
			));
		}
		if let Some(floor) = record["process_start_true"].as_object() {
			summary.push(format!(
				"baseline: /bin/true (any process) p50 {:.2} ms p99 {:.2} ms",
				floor["p50_ms"].as_f64().unwrap_or(f64::MAX),
				floor["p99_ms"].as_f64().unwrap_or(f64::MAX),
			));
		}
		results.insert("resolve".into(), record);
	}
	if let (Some(node), Some(api), true) = (&node, &api, args.only.contains(&Figure::Graph)) {
		let modreg = args.modreg.as_deref().context("--modreg is needed for figure 7")?;
		let (packages, versions) = if args.quick { (100, 5) } else { (500, 20) };
		println!(
			"\n== 7. Dependency graphs ({packages} packages, depth 8, {versions} versions) =="
		);
		let record = graph::measure(
			api,
			&node.ws,
			&accounts[4],
			modreg,
			&args.work_dir,
			packages,
			8,
			versions,
			5,
		)
		.await?;
		let ms = |k: &str| record[k].as_f64().unwrap_or(f64::MAX);
		summary.push(ratio_line(
			&format!("modreg lock, {packages}-package graph, online (new process) median ms"),
			ms("online_graph_median_ms"),
			"<= 1000",
			ms("online_graph_median_ms") <= 1000.0,
		));
		summary.push(format!(
			"baseline: modreg resolve of one package, online, median {:.1} ms (graph/single {:.1})",
			ms("online_single_median_ms"),
			ms("online_graph_median_ms") / ms("online_single_median_ms"),
		));
		summary.push(ratio_line(
			&format!("modreg lock --offline, {packages}-package graph (new process) median ms"),
			ms("offline_graph_median_ms"),
			"<= 50",
			ms("offline_graph_median_ms") <= 50.0,
		));
		summary.push(format!(
			"baseline: modreg resolve --offline of one package median {:.1} ms, process start \
			 {:.1} ms (graph/single {:.1})",
			ms("offline_single_median_ms"),
			ms("process_start_median_ms"),
			ms("offline_graph_median_ms") / ms("offline_single_median_ms"),
		));
		results.insert("graph".into(), record);
	}
	if let (Some(node), Some(api), true) = (&node, &api, args.only.contains(&Figure::Light)) {
		let modreg = args.modreg.as_deref().context("--modreg is needed for figure 8")?;
		let runs = if args.quick { 10 } else { 50 };
		println!("\n== 8. Light client and attestations ({runs} runs each) ==");
		let record = light::measure(
			api,
			node,
			&args.node,
			&spec,
			modreg,
			&work,
			&accounts[5],
			runs,
			if args.quick { 10 } else { 70 },
		)
		.await?;
		let ms = |v: &Json, k: &str| v[k].as_f64().unwrap_or(f64::MAX);
		let rpc = &record["rpc_resolve"];
		let warm = &record["light_warm_resolve"];
		summary.push(format!(
			"modreg resolve through the RPC (new process) p50 {:.1} ms p99 {:.1} ms (chain at #{})",
			ms(rpc, "p50_ms"),
			ms(rpc, "p99_ms"),
			record["chain_height"]
		));
		summary.push(ratio_line(
			"modreg --light resolve, warm (saved database), p99 / RPC p99",
			ms(warm, "p99_ms") / ms(rpc, "p99_ms"),
			"<= 2",
			ms(warm, "p99_ms") <= 2.0 * ms(rpc, "p99_ms"),
		));
		summary.push(format!(
			"  light warm p50 {:.0} ms p99 {:.0} ms; cold (empty cache) {:.0} ms; database {} bytes",
			ms(warm, "p50_ms"),
			ms(warm, "p99_ms"),
			ms(&record, "light_cold_ms"),
			record["light_database_bytes"]
		));
		let bytes = record["bundle_bytes"].as_u64().unwrap_or(u64::MAX);
		summary.push(ratio_line(
			"attestation bundle bytes",
			bytes as f64,
			"<= 8192",
			bytes <= 8192,
		));
		summary.push(ratio_line(
			"verify-attestation in process, ms per bundle",
			ms(&record, "verify_in_process_ms"),
			"<= 10",
			ms(&record, "verify_in_process_ms") <= 10.0,
		));
		summary.push(format!(
			"  modreg verify-attestation (new process) p50 {:.1} ms p99 {:.1} ms; baseline /bin/true \
			 p50 {:.1} ms",
			ms(&record["verify_cli"], "p50_ms"),
			ms(&record["verify_cli"], "p99_ms"),
			ms(&record["process_start_true"], "p50_ms"),
		));
		results.insert("light".into(), record);
	}
	if let (Some(node), Some(api), true) = (&node, &api, args.only.contains(&Figure::Gateway)) {
		let bin = args.gateway.as_deref().context("--gateway is needed for figure 6")?;
		let requests = if args.quick { 2_000 } else { 100_000 };
		println!("\n== 6. Gateway reads ({} clients, {requests} requests) ==", plan.clients);
		let module = resolve::publish_one(api, &node.ws, &accounts[3], "gw").await?;
		let key = format!("bench/gateway/{}", std::process::id()).into_bytes();
		let value = throughput::json_value(1, 1024);
		register_finalized(api, &alice, &key, &value)
			.await
			.context("registering the module read by the RPC clients")?;
		let finalized = gateway::finalized_height(&node.ws).await?;
		let record =
			gateway::reads(bin, &work, &node.ws, finalized, &module, plan.clients, requests)
				.await?;
		let [rpc_reads] = latency::measure(
			&node.ws,
			node.pid(),
			plan.clients,
			requests / plan.clients,
			2,
			[latency::Read::GetModule { key, expected: value }],
		)
		.await?;
		let http = &record["get_module_http"];
		let ratio = http["per_second"].as_f64().unwrap_or(0.0) / rpc_reads.rate;
		let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
		summary.push(format!(
			"gateway GET /v1/modules/{{ns}}/{{name}}: {:.0} req/s p99 {:.2} ms; node \
			 moduleRegistry_getModule {:.0} req/s p99 {:.2} ms",
			http["per_second"].as_f64().unwrap_or(0.0),
			http["p99_ms"].as_f64().unwrap_or(0.0),
			rpc_reads.rate,
			ms(rpc_reads.percentile(99.0)),
		));
		summary.push(ratio_line("gateway/RPC read throughput ratio", ratio, ">= 5", ratio >= 5.0));
		// With the clients on the same cores, throughput is shared with the load generator; the
		// server's own CPU per read is what a server with the clients elsewhere would be bound by.
		if let Some(gateway_cpu) = http["server_cpu_s_per_1k"].as_f64().filter(|c| *c > 0.0) {
			summary.push(format!(
				"server CPU per read: gateway {:.1} us ({:.1} in the kernel), node {:.1} us ({:.1} \
				 in the kernel); clients {:.1} us and {:.1} us",
				gateway_cpu * 1000.0,
				http["server_kernel_cpu_s_per_1k"].as_f64().unwrap_or(0.0) * 1000.0,
				rpc_reads.node_cpu_per_1k * 1000.0,
				rpc_reads.node_kernel_cpu_per_1k * 1000.0,
				http["client_cpu_s_per_1k"].as_f64().unwrap_or(0.0) * 1000.0,
				rpc_reads.client_cpu_per_1k * 1000.0,
			));
			for (mode, what) in [
				("axum", "axum::serve and a Router"),
				("hyper", "hyper alone"),
				("raw", "no HTTP library, the sockets alone"),
			] {
				let floor = &record["http_floor"][mode];
				if let Some(cpu) = floor["server_cpu_s_per_1k"].as_f64() {
					summary.push(format!(
						"floor: the same {}-byte answer from a constant server ({what}): {:.1} us \
						 per read ({:.1} in the kernel), {:.0} req/s p99 {:.2} ms; node/floor {:.2}",
						record["answer_bytes"],
						cpu * 1000.0,
						floor["server_kernel_cpu_s_per_1k"].as_f64().unwrap_or(0.0) * 1000.0,
						floor["per_second"].as_f64().unwrap_or(0.0),
						floor["p99_ms"].as_f64().unwrap_or(0.0),
						rpc_reads.node_cpu_per_1k / cpu.max(f64::MIN_POSITIVE),
					));
				}
			}
			let capacity = rpc_reads.node_cpu_per_1k / gateway_cpu;
			summary.push(ratio_line(
				"gateway/RPC reads per server CPU-second",
				capacity,
				">= 5",
				capacity >= 5.0,
			));
		}
		let ix = &record["index_from_genesis"];
		summary.push(format!(
			"gateway indexed {} blocks ({} entries, {} versions) from genesis in {:.1} s",
			ix["blocks"],
			ix["stats"]["total_entries"],
			ix["stats"]["total_versions"],
			ix["seconds"].as_f64().unwrap_or(0.0)
		));
		let mut record = record;
		record["get_module_rpc"] = rpc_reads.summary();
		record["throughput_ratio"] = json!(ratio);
		results.insert("gateway".into(), record);
	}
	if let (Some(node), Some(api), Some(limits), true) =
		(&node, &api, &limits, args.only.contains(&Figure::GatewayBurst))
	{
		let bin = args.gateway.as_deref().context("--gateway is needed for figure 6")?;
		let entries = if args.quick { 10_000 } else { 100_000 };
		println!("\n== 6b. Gateway during the P1 burst ({entries} registrations of 1 KiB) ==");
		let hour = std::time::Duration::from_secs(3600);
		let following = gateway::Gateway::start(bin, &work.join("gateway-burst"), &node.ws).await?;
		following.wait_for(gateway::finalized_height(&node.ws).await?, hour).await?;
		let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
		let sampler = tokio::spawn(gateway::sample_lag(following.url.clone(), stop.clone()));
		let target = throughput::Target { api, ws: &node.ws, node_log: &node.log, limits };
		// A window long enough that the count is the cap: `entries` registrations.
		let burst = throughput::measure(
			&target,
			&accounts,
			throughput::Kind::Register(1024),
			entries / 1000,
			entries,
		)
		.await?;
		let finalized = gateway::finalized_height(&node.ws).await?;
		let catch_up = following.wait_for(finalized, hour).await?;
		stop.store(true, std::sync::atomic::Ordering::Relaxed);
		let lag = sampler.await??;
		drop(following);
		let scratch_started = Instant::now();
		let fresh = gateway::Gateway::start(bin, &work.join("gateway-scratch"), &node.ws).await?;
		fresh.wait_for(finalized, hour).await?;
		let scratch = scratch_started.elapsed().as_secs_f64();
		drop(fresh);
		let max_lag = lag["max_lag_blocks"].as_i64().unwrap_or(i64::MAX);
		summary.push(ratio_line(
			"gateway lag during the register burst, max blocks",
			max_lag as f64,
			"<= 2",
			max_lag <= 2,
		));
		summary.push(format!(
			"gateway: after the burst caught up in {:.1} s; a fresh gateway indexed {finalized} \
			 blocks ({entries} registrations, {:.0} per block) from genesis in {scratch:.1} s",
			catch_up.as_secs_f64(),
			burst.per_block,
		));
		results.insert(
			"gateway_burst".into(),
			json!({
				"entries": entries,
				"lag": lag,
				"catch_up_seconds": catch_up.as_secs_f64(),
				"index_from_scratch": {"blocks": finalized, "seconds": scratch},
				"burst": burst.record,
			}),
		);
	}

	drop(api);
	drop(node);

	if args.only.contains(&Figure::GatewaySearch) {
		let bin = args.gateway.as_deref().context("--gateway is needed for figure 6")?;
		let (packages, requests) = if args.quick { (20_000, 2_000) } else { (100_000, 10_000) };
		println!(
			"\n== 6. Gateway search ({packages} packages, {requests} searches, 10 clients) =="
		);
		let record = gateway::search(bin, &work, packages, 10, requests).await?;
		let p99 = record["search"]["p99_ms"].as_f64().unwrap_or(f64::MAX);
		summary.push(format!(
			"gateway search over {packages} packages: p50 {:.2} ms p99 {:.2} ms, {:.0} req/s; \
			 primary-key GET p50 {:.2} ms p99 {:.2} ms (ratio p99 {:.2})",
			record["search"]["p50_ms"].as_f64().unwrap_or(0.0),
			p99,
			record["search"]["per_second"].as_f64().unwrap_or(0.0),
			record["module_lookup"]["p50_ms"].as_f64().unwrap_or(0.0),
			record["module_lookup"]["p99_ms"].as_f64().unwrap_or(0.0),
			p99 / record["module_lookup"]["p99_ms"].as_f64().unwrap_or(f64::MAX),
		));
		let one = record["search_one_client"]["p99_ms"].as_f64().unwrap_or(f64::MAX);
		summary.push(format!(
			"gateway search from one client: p50 {:.2} ms p99 {one:.2} ms",
			record["search_one_client"]["p50_ms"].as_f64().unwrap_or(0.0)
		));
		summary.push(ratio_line(
			"gateway search p99 ms (SQLite, 10 clients)",
			p99,
			"<= 50",
			p99 <= 50.0,
		));
		summary.push(ratio_line(
			"gateway search p99 ms (SQLite, 1 client)",
			one,
			"<= 50",
			one <= 50.0,
		));
		results.insert("gateway_search".into(), record);
	}

	if args.only.contains(&Figure::Weights) {
		println!(
			"\n== 4. Weight (benchmark pallet --steps {} --repeat {}) ==",
			plan.steps, plan.repeat
		);
		let wasm = args.runtime_wasm.as_deref().context("--runtime-wasm is needed for figure 4")?;
		let bench = |pallet: &str, extrinsic: &str| {
			weights::benchmark(&args.node, wasm, &work, pallet, extrinsic, plan.steps, plan.repeat)
		};
		let registry = bench("pallet_module_registry", "register_module")?;
		let preimage = bench("pallet_preimage", "note_preimage")?;
		// Database weights as the runtime charges them.
		let (db_read, db_write) = match &limits {
			Some(l) => (l.db_read, l.db_write),
			None => (8_000_000, 50_000_000),
		};
		let record =
			weights::compare(&registry, &preimage, 32.0, &[1024, 65_536], db_read, db_write);
		for row in record["rows"].as_array().into_iter().flatten() {
			let r = row["ratio_ref_time"].as_f64().unwrap_or(f64::MAX);
			summary.push(ratio_line(
				&format!("weight ratio register_module/note_preimage at {} B", row["size"]),
				r,
				"<= 1.0",
				r <= 1.0,
			));
			summary.push(format!(
				"  ref_time {:.0} vs {:.0} ps; proof size {:.0} vs {:.0} B (ratio {:.2})",
				row["register_module"]["total_ps"].as_f64().unwrap_or(0.0),
				row["note_preimage"]["total_ps"].as_f64().unwrap_or(0.0),
				row["register_module"]["proof"].as_f64().unwrap_or(0.0),
				row["note_preimage"]["proof"].as_f64().unwrap_or(0.0),
				row["ratio_proof"].as_f64().unwrap_or(0.0),
			));
		}
		results.insert("weights".into(), record);
	}

	results.insert("elapsed_s".into(), json!(started.elapsed().as_secs_f64()));
	let out = args.json.unwrap_or_else(|| work.join("results.json"));
	fs::write(&out, serde_json::to_vec_pretty(&Json::Object(results))?)?;
	println!(
		"\n== Summary ({:.0} s; all figures in {}) ==",
		started.elapsed().as_secs_f64(),
		out.display()
	);
	for line in summary {
		println!("{line}");
	}
	Ok(())
}

/// `register_module(key, value)` signed by `signer`, waiting for finalization.
async fn register_finalized(
	api: &OnlineClient<PolkadotConfig>,
	signer: &sr25519::Keypair,
	key: &[u8],
	value: &[u8],
) -> Result<()> {
	let call = subxt::dynamic::transaction(
		"ModuleRegistry",
		"register_module",
		vec![subxt::dynamic::Value::from_bytes(key), subxt::dynamic::Value::from_bytes(value)],
	);
	api.at_current_block()
		.await?
		.transactions()
		.sign_and_submit_then_watch_default(&call, signer)
		.await?
		.wait_for_finalized_success()
		.await?;
	Ok(())
}

/// What the figures were measured on.
fn machine() -> Json {
	let cpu = fs::read_to_string("/proc/cpuinfo").ok().and_then(|t| {
		t.lines()
			.find(|l| l.starts_with("model name"))
			.map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
	});
	json!({
		"cpus": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
		"cpu": cpu,
		"load_average": fs::read_to_string("/proc/loadavg").ok().map(|l| l.trim().to_owned()),
	})
}
