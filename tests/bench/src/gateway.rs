//! Figure 6: the gateway (`module-registry-gateway`).
//!
//! - **Search** (no node needed): an SQLite index of 100,000 synthetic packages, filled through
//!   the gateway's own database layer, then `GET /v1/search` from concurrent clients, against
//!   `GET /v1/modules/{ns}/{name}` (a primary-key read of the same database) in the same run.
//! - **Reads**: a gateway following the bench node; the time it takes to index the chain from
//!   genesis, then `GET /v1/modules/{ns}/{name}` from 100 clients against the node's
//!   `moduleRegistry_getModule` from 100 clients, throughput and p99. The same clients then read
//!   the same answer from three constant servers (`bench-http-floor`: axum, hyper alone, and no
//!   HTTP library at all), which is the floor any HTTP server on this machine stands on; each
//!   server's CPU per read is split into user and kernel time.
//! - **Burst** (`gateway-burst`): a gateway following the node while the P1 register burst runs
//!   (100,000 registrations of 1 KiB JSON), its `/healthz` lag sampled every 250 ms; then a
//!   fresh gateway indexing that chain from genesis, timed.

use anyhow::{bail, Context, Result};
use futures::future::try_join_all;
use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper_util::{
	client::legacy::{connect::HttpConnector, Client},
	rt::TokioExecutor,
};
use module_registry_gateway::db::{Batch, Cursor, Db, PackageRow, Touch, VersionRow};
use serde_json::{json, Value as Json};
use std::{
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	sync::Arc,
	time::{Duration, Instant},
};
use tokio::sync::Barrier;

type Http = Client<HttpConnector, Empty<Bytes>>;

fn http() -> Http {
	let mut connector = HttpConnector::new();
	connector.set_nodelay(true);
	Client::builder(TokioExecutor::new()).pool_max_idle_per_host(256).build(connector)
}

async fn get(client: &Http, url: &str) -> Result<(u16, Bytes)> {
	let response = client.get(url.parse()?).await?;
	let status = response.status().as_u16();
	Ok((status, response.into_body().collect().await?.to_bytes()))
}

/// A gateway process, stopped when dropped.
pub struct Gateway {
	child: Child,
	/// Its base URL.
	pub url: String,
}

impl Drop for Gateway {
	fn drop(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
	}
}

impl Gateway {
	/// Start `bin` on a free port with `data_dir`, following `node_ws`.
	pub async fn start(bin: &Path, data_dir: &Path, node_ws: &str) -> Result<Gateway> {
		let port = std::net::TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
		std::fs::create_dir_all(data_dir)?;
		let log = std::fs::File::create(data_dir.join("gateway.log"))?;
		let child = Command::new(bin)
			.args(["--node", node_ws, "--listen", &format!("127.0.0.1:{port}"), "--data-dir"])
			.arg(data_dir)
			.stdout(Stdio::null())
			.stderr(log)
			.spawn()
			.with_context(|| format!("starting {}", bin.display()))?;
		let gateway = Gateway { child, url: format!("http://127.0.0.1:{port}") };
		let client = http();
		for _ in 0..200 {
			if get(&client, &format!("{}/healthz", gateway.url)).await.is_ok() {
				return Ok(gateway);
			}
			tokio::time::sleep(Duration::from_millis(100)).await;
		}
		bail!("the gateway did not answer; see {}", data_dir.join("gateway.log").display())
	}

	/// The process id, for its CPU time.
	pub fn pid(&self) -> String {
		self.child.id().to_string()
	}

	async fn health(&self, client: &Http) -> Result<Json> {
		let (_, body) = get(client, &format!("{}/healthz", self.url)).await?;
		Ok(serde_json::from_slice(&body)?)
	}

	/// Wait until the gateway has indexed block `height`; answers how long that took.
	pub async fn wait_for(&self, height: u64, within: Duration) -> Result<Duration> {
		let client = http();
		let started = Instant::now();
		loop {
			let h = self.health(&client).await?;
			if h["indexedHeight"].as_u64().unwrap_or(0) >= height {
				return Ok(started.elapsed());
			}
			if started.elapsed() > within {
				bail!("the gateway did not index block {height} within {within:?}: {h}");
			}
			tokio::time::sleep(Duration::from_millis(100)).await;
		}
	}
}

/// The node's finalized height.
pub async fn finalized_height(ws: &str) -> Result<u64> {
	let rpc = crate::chain::connect(ws).await?;
	let head: String = rpc.request("chain_getFinalizedHead", subxt::rpcs::rpc_params![]).await?;
	let header: Json = rpc.request("chain_getHeader", subxt::rpcs::rpc_params![head]).await?;
	crate::chain::parse_number(&header["number"])
}

/// Sample the gateway's `/healthz` every 250 ms until `stop` is set: the largest lag (finalized
/// minus indexed blocks) seen, how many samples, and the lag over time.
pub async fn sample_lag(url: String, stop: Arc<std::sync::atomic::AtomicBool>) -> Result<Json> {
	use std::sync::atomic::Ordering;
	let client = http();
	let started = Instant::now();
	let (mut max_lag, mut samples, mut series) = (0i64, 0u64, Vec::new());
	while !stop.load(Ordering::Relaxed) {
		let (_, body) = get(&client, &format!("{url}/healthz")).await?;
		let h: Json = serde_json::from_slice(&body)?;
		let lag = h["lag"].as_i64().unwrap_or(0);
		max_lag = max_lag.max(lag);
		samples += 1;
		series.push(json!([
			started.elapsed().as_secs_f64(),
			h["indexedHeight"],
			h["finalizedHeight"],
			lag
		]));
		tokio::time::sleep(Duration::from_millis(250)).await;
	}
	Ok(json!({"max_lag_blocks": max_lag, "samples": samples, "series": series}))
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
	let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
	sorted[rank.clamp(1, sorted.len()) - 1].as_secs_f64() * 1000.0
}

/// `clients` concurrent clients, each getting its share of `urls` in turn; every answer must be
/// 200. Latencies (sorted) and requests per second, the CPU this harness spent per request, and
/// with the `server`'s pid the CPU the server spent.
async fn load(urls: &[String], clients: usize, server: Option<&str>) -> Result<Json> {
	let client = http();
	let barrier = Arc::new(Barrier::new(clients));
	let cpu0 = (server.map(crate::latency::cpu_split), crate::latency::cpu_seconds("self"));
	let started = Instant::now();
	let per_client = try_join_all((0..clients).map(|c| {
		let (client, barrier) = (client.clone(), barrier.clone());
		let mine: Vec<String> = urls.iter().skip(c).step_by(clients).cloned().collect();
		async move {
			barrier.wait().await;
			let mut out = Vec::with_capacity(mine.len());
			for url in mine {
				let t = Instant::now();
				let (status, body) = get(&client, &url).await?;
				if status != 200 {
					bail!(
						"GET {url}: {status} {}",
						String::from_utf8_lossy(&body[..body.len().min(200)])
					);
				}
				out.push(t.elapsed());
			}
			Ok::<_, anyhow::Error>(out)
		}
	}))
	.await?;
	let took = started.elapsed();
	let mut all: Vec<Duration> = per_client.into_iter().flatten().collect();
	all.sort();
	let per_1k = |cpu: f64| cpu / all.len().max(1) as f64 * 1000.0;
	let server_cpu = server.zip(cpu0.0).map(|(pid, (user0, system0))| {
		let (user, system) = crate::latency::cpu_split(pid);
		(per_1k(user - user0 + system - system0), per_1k(system - system0))
	});
	Ok(json!({
		"requests": all.len(),
		"server_cpu_s_per_1k": server_cpu.map(|c| c.0),
		"server_kernel_cpu_s_per_1k": server_cpu.map(|c| c.1),
		"client_cpu_s_per_1k": per_1k(crate::latency::cpu_seconds("self") - cpu0.1),
		"clients": clients,
		"per_second": all.len() as f64 / took.as_secs_f64(),
		"p50_ms": percentile(&all, 50.0),
		"p99_ms": percentile(&all, 99.0),
		"max_ms": all.last().map(|d| d.as_secs_f64() * 1000.0),
	}))
}

/// Words of the synthetic packages and of the queries.
const WORDS: [&str; 48] = [
	"alpha", "archive", "audio", "batch", "cache", "chart", "cipher", "codec", "compress",
	"crypto", "data", "debug", "delta", "diff", "encode", "event", "filter", "format", "graph",
	"hash", "image", "index", "json", "kernel", "lexer", "log", "matrix", "merge", "model",
	"network", "parse", "query", "queue", "render", "review", "search", "shell", "signal", "sort",
	"stream", "table", "text", "token", "tree", "vector", "video", "wasm", "zip",
];

/// A small deterministic generator (the same packages and queries every run).
struct Lcg(u64);

impl Lcg {
	fn next(&mut self) -> usize {
		self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
		(self.0 >> 33) as usize
	}

	fn word(&mut self) -> &'static str {
		WORDS[self.next() % WORDS.len()]
	}
}

fn synthetic(i: usize, rng: &mut Lcg) -> (PackageRow, Vec<VersionRow>) {
	let namespace = format!("ns{}", i % 500);
	let short = format!("{}-{}-{i}", rng.word(), rng.word());
	let name = format!("{namespace}/{short}");
	let description =
		format!("{} {} and {} for {}", rng.word(), rng.word(), rng.word(), rng.word());
	let keywords = vec![rng.word().to_owned(), rng.word().to_owned()];
	let touch = Touch { block: 1, extrinsic: Some(1), extrinsic_hash: None };
	let package = PackageRow {
		namespace: namespace.clone(),
		json: json!({"name": name, "latest": "1.0.0", "created": 1, "moduleType": "wasm",
			"status": "active", "deprecated": null, "versionCount": 1, "verified": false}),
		deprecated_at: None,
		words: format!("{name} {namespace} {}", short.replace('-', " ")),
		description: description.clone(),
		keywords: keywords.clone(),
		author: format!("author{}", i % 1000),
		tier: None,
		latest_pin: json!("pending"),
		touch: Some(touch.clone()),
		name: name.clone(),
	};
	let version = VersionRow {
		package: name,
		version: "1.0.0".into(),
		json: json!({"version": "1.0.0", "yanked": false, "cid": format!("bafysynthetic{i}"),
			"checksum": "sha256:00", "size": 1, "publishedAt": 1, "publisher": "5G",
			"pinStatus": "pending", "deprecated": null, "entryKey": format!("0xff{i:08x}")}),
		metadata: json!({"description": description, "keywords": keywords}),
		published_by: Some(touch),
		touch: None,
	};
	(package, vec![version])
}

/// The search figure: `packages` synthetic packages, `requests` searches from `clients`
/// clients, and as many primary-key reads; then searches from one client alone. The words come
/// from a vocabulary of 48, so a one-word query matches a fifth of the index or more: a worst
/// case for ranking.
pub async fn search(
	bin: &Path,
	work: &Path,
	packages: usize,
	clients: usize,
	requests: usize,
) -> Result<Json> {
	let dir: PathBuf = work.join("gateway-search");
	let _ = std::fs::remove_dir_all(&dir);
	std::fs::create_dir_all(&dir)?;
	let db = Db::open(&Db::sqlite_url(&dir.join("index.sqlite"))).await?;
	let mut rng = Lcg(7);
	let fill = Instant::now();
	let mut names = Vec::with_capacity(packages);
	for start in (0..packages).step_by(5000) {
		let rows: Vec<_> =
			(start..(start + 5000).min(packages)).map(|i| synthetic(i, &mut rng)).collect();
		names.extend(rows.iter().map(|(p, _)| p.name.clone()));
		let batch = Batch { packages: rows, ..Default::default() };
		let cursor = Cursor { genesis: "0x00".into(), height: 1, hash: "0x01".into() };
		db.apply(&batch, &cursor).await?;
	}
	let fill_s = fill.elapsed().as_secs_f64();
	println!("  filled {packages} packages in {fill_s:.1} s");
	drop(db);
	// No node: the gateway serves the index it has (its indexer keeps retrying in the background).
	let gateway = Gateway::start(bin, &dir, "ws://127.0.0.1:9").await?;
	let queries: Vec<String> = (0..requests)
		.map(|i| match i % 3 {
			0 => rng.word().to_owned(),
			1 => format!("{}+{}", rng.word(), rng.word()),
			_ => rng.word()[..3].to_owned(),
		})
		.map(|q| format!("{}/v1/search?q={q}", gateway.url))
		.collect();
	let lookups: Vec<String> = (0..requests)
		.map(|_| format!("{}/v1/modules/{}", gateway.url, names[rng.next() % names.len()]))
		.collect();
	// Warm up, then the two alternately, twice.
	load(&queries[..requests.min(200)], clients, None).await?;
	let mut rounds = Vec::new();
	let pid = gateway.pid();
	for _ in 0..2 {
		rounds.push((
			load(&queries, clients, Some(&pid)).await?,
			load(&lookups, clients, Some(&pid)).await?,
		));
	}
	let (search, lookup) = rounds.pop().expect("two rounds");
	// One client alone: the latency of a search without queueing behind the others.
	let single = load(&queries[..requests.min(2000)], 1, None).await?;
	let (_, body) = get(&http(), &format!("{}/v1/search?q=search", gateway.url)).await?;
	let total = serde_json::from_slice::<Json>(&body)?["total"].clone();
	Ok(json!({
		"packages": packages,
		"fill_seconds": fill_s,
		"search": search,
		"search_one_client": single,
		"module_lookup": lookup,
		"first_round": {"search": rounds[0].0, "module_lookup": rounds[0].1},
		"matches_for_search": total,
	}))
}

/// The reads figure: index the chain at `node_ws` from genesis, then `GET` `module` (`ns/name`)
/// `requests` times from `clients` clients. The caller measures the node's RPC baseline.
pub async fn reads(
	bin: &Path,
	work: &Path,
	node_ws: &str,
	finalized: u64,
	module: &str,
	clients: usize,
	requests: usize,
) -> Result<Json> {
	let dir = work.join("gateway-reads");
	let _ = std::fs::remove_dir_all(&dir);
	let started = Instant::now();
	let gateway = Gateway::start(bin, &dir, node_ws).await?;
	gateway.wait_for(finalized, Duration::from_secs(3600)).await?;
	let index_seconds = started.elapsed().as_secs_f64();
	let client = http();
	let (_, body) = get(&client, &format!("{}/v1/index.json", gateway.url)).await?;
	let stats = serde_json::from_slice::<Json>(&body)?["stats"].clone();
	let urls: Vec<String> =
		(0..requests).map(|_| format!("{}/v1/modules/{module}", gateway.url)).collect();
	load(&urls[..requests.min(200)], clients, None).await?;
	let module_reads = load(&urls, clients, Some(&gateway.pid())).await?;
	// The floor: the same answer from servers that do nothing but HTTP, the same clients.
	let (_, answer) = get(&client, &urls[0]).await?;
	let body = dir.join("answer.json");
	std::fs::write(&body, &answer)?;
	let mut floors = serde_json::Map::new();
	for mode in ["axum", "hyper", "raw"] {
		let floor = Floor::start(mode, &body)?;
		let urls: Vec<String> = (0..requests).map(|_| format!("{}/", floor.url)).collect();
		load(&urls[..requests.min(200)], clients, None).await?;
		floors.insert(mode.into(), load(&urls, clients, Some(&floor.pid())).await?);
	}
	Ok(json!({
		"index_from_genesis": {"blocks": finalized, "seconds": index_seconds, "stats": stats},
		"get_module_http": module_reads,
		"answer_bytes": answer.len(),
		"http_floor": floors,
	}))
}

/// A `bench-http-floor` process (the binary beside this one), stopped when dropped.
struct Floor {
	child: Child,
	url: String,
}

impl Drop for Floor {
	fn drop(&mut self) {
		let _ = self.child.kill();
		let _ = self.child.wait();
	}
}

impl Floor {
	fn start(mode: &str, body: &Path) -> Result<Floor> {
		use std::io::BufRead;
		let bin = std::env::current_exe()?.with_file_name("bench-http-floor");
		let mut child = Command::new(&bin)
			.arg(mode)
			.arg(body)
			.stdout(Stdio::piped())
			.spawn()
			.with_context(|| format!("starting {}", bin.display()))?;
		let mut line = String::new();
		let stdout = child.stdout.take().context("the floor server's stdout")?;
		std::io::BufReader::new(stdout).read_line(&mut line)?;
		let url = line.trim().to_owned();
		if !url.starts_with("http://") {
			let _ = child.kill();
			bail!("{} {mode} printed {line:?}, not its address", bin.display());
		}
		Ok(Floor { child, url })
	}

	fn pid(&self) -> String {
		self.child.id().to_string()
	}
}
