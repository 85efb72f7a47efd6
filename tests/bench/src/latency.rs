//! Figure 2: read latency under 100 concurrent clients, `moduleRegistry_getModule` against
//! `state_getStorage` of a `System::Account` key.

use anyhow::{bail, Result};
use codec::{Decode, Encode};
use futures::future::try_join_all;
use serde_json::{json, Value as Json};
use std::{
	sync::Arc,
	time::{Duration, Instant},
};
use subxt::rpcs::{rpc_params, RpcClient};
use tokio::sync::Barrier;

use crate::chain;

/// One of the two reads.
#[derive(Clone, Debug)]
pub enum Read {
	/// `moduleRegistry_getModule(key)`, which must return `expected`.
	GetModule { key: Vec<u8>, expected: Vec<u8> },
	/// `state_getStorage(key)`, which must return a value.
	Storage { key: Vec<u8> },
	/// `state_call("ModuleRegistryApi_get_module", key)`: the same read through the runtime,
	/// which is what `getModule` cost before the node read values directly (context only).
	RuntimeCall { key: Vec<u8>, expected: Vec<u8> },
}

impl Read {
	fn name(&self) -> &'static str {
		match self {
			Read::GetModule { .. } => "moduleRegistry_getModule",
			Read::Storage { .. } => "state_getStorage",
			Read::RuntimeCall { .. } => "state_call(get_module)",
		}
	}

	async fn call(&self, rpc: &RpcClient) -> Result<()> {
		match self {
			Read::GetModule { key, expected } => {
				let value: Option<String> = rpc
					.request("moduleRegistry_getModule", rpc_params![chain::to_hex(key)])
					.await?;
				match value {
					Some(v) if chain::from_hex(&v)? == *expected => Ok(()),
					other => bail!("getModule returned {:.60?}", other),
				}
			},
			Read::Storage { key } => {
				let value: Option<String> =
					rpc.request("state_getStorage", rpc_params![chain::to_hex(key)]).await?;
				match value {
					Some(_) => Ok(()),
					None => bail!("state_getStorage returned nothing"),
				}
			},
			Read::RuntimeCall { key, expected } => {
				let answer: String = rpc
					.request(
						"state_call",
						rpc_params!["ModuleRegistryApi_get_module", chain::to_hex(&key.encode())],
					)
					.await?;
				let value = Option::<Vec<u8>>::decode(&mut &chain::from_hex(&answer)?[..])?;
				match value {
					Some(v) if v == *expected => Ok(()),
					other => bail!("get_module returned {:.60?}", other),
				}
			},
		}
	}
}

/// Latencies of one read.
pub struct Sample {
	/// Every request's latency, sorted.
	pub latencies: Vec<Duration>,
	/// Requests per second over the whole run.
	pub rate: f64,
	/// CPU seconds the node process spent per 1,000 requests.
	pub node_cpu_per_1k: f64,
	/// The part of `node_cpu_per_1k` spent in the kernel (system time).
	pub node_kernel_cpu_per_1k: f64,
	/// CPU seconds this harness (the clients) spent per 1,000 requests.
	pub client_cpu_per_1k: f64,
	/// Cores kept busy by the node and the clients together, on average.
	pub busy_cores: f64,
}

/// User plus system CPU seconds of process `pid` (`/proc/<pid>/stat`).
pub fn cpu_seconds(pid: &str) -> f64 {
	let (user, system) = cpu_split(pid);
	user + system
}

/// User and system (kernel) CPU seconds of process `pid` (`/proc/<pid>/stat`).
pub fn cpu_split(pid: &str) -> (f64, f64) {
	let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
	// Fields after the command name, which is in parentheses and may contain spaces.
	let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or("").split_whitespace().collect();
	let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
	// utime and stime are fields 14 and 15 of the line, 12 and 13 after the name; 100 ticks/s.
	(ticks(11) / 100.0, ticks(12) / 100.0)
}

impl Sample {
	/// Nearest-rank percentile.
	pub fn percentile(&self, p: f64) -> Duration {
		let rank = ((p / 100.0) * self.latencies.len() as f64).ceil() as usize;
		self.latencies[rank.clamp(1, self.latencies.len()) - 1]
	}

	/// A JSON summary in milliseconds.
	pub fn summary(&self) -> Json {
		let ms = |d: Duration| d.as_secs_f64() * 1000.0;
		json!({
			"requests": self.latencies.len(),
			"per_second": self.rate,
			"p50_ms": ms(self.percentile(50.0)),
			"p90_ms": ms(self.percentile(90.0)),
			"p99_ms": ms(self.percentile(99.0)),
			"max_ms": ms(*self.latencies.last().unwrap_or(&Duration::ZERO)),
			"node_cpu_s_per_1k": self.node_cpu_per_1k,
			"node_kernel_cpu_s_per_1k": self.node_kernel_cpu_per_1k,
			"client_cpu_s_per_1k": self.client_cpu_per_1k,
			"busy_cores": self.busy_cores,
		})
	}
}

/// Runs `read` from every client at once, `requests` times each, back to back.
async fn run_once(
	clients: &[RpcClient],
	read: &Read,
	requests: usize,
) -> Result<(Vec<Duration>, Duration)> {
	let barrier = Arc::new(Barrier::new(clients.len()));
	let started = Instant::now();
	let per_client = try_join_all(clients.iter().map(|rpc| {
		let (barrier, read) = (barrier.clone(), read.clone());
		async move {
			barrier.wait().await;
			let mut out = Vec::with_capacity(requests);
			for _ in 0..requests {
				let t = Instant::now();
				read.call(rpc).await?;
				out.push(t.elapsed());
			}
			Ok::<_, anyhow::Error>(out)
		}
	}))
	.await?;
	Ok((per_client.into_iter().flatten().collect(), started.elapsed()))
}

/// Figure 2: every read, alternating in `rounds` rounds so drift affects all alike. `node_pid`
/// is the node's process, whose CPU time is counted per read.
pub async fn measure<const N: usize>(
	ws: &str,
	node_pid: u32,
	clients: usize,
	requests: usize,
	rounds: usize,
	reads: [Read; N],
) -> Result<[Sample; N]> {
	let mut connections = Vec::with_capacity(clients);
	for _ in 0..clients {
		connections.push(chain::connect(ws).await?);
	}
	// Warm up connections and caches.
	for read in &reads {
		run_once(&connections, read, 2).await?;
	}
	let node_pid = node_pid.to_string();
	let mut all: [(Vec<Duration>, Duration, f64, f64, f64); N] =
		std::array::from_fn(|_| (Vec::new(), Duration::ZERO, 0.0, 0.0, 0.0));
	for _ in 0..rounds {
		for (i, read) in reads.iter().enumerate() {
			let (node0, self0) = (cpu_split(&node_pid), cpu_seconds("self"));
			let (lat, took) = run_once(&connections, read, requests.div_ceil(rounds)).await?;
			all[i].0.extend(lat);
			all[i].1 += took;
			let node1 = cpu_split(&node_pid);
			all[i].2 += node1.0 + node1.1 - node0.0 - node0.1;
			all[i].3 += cpu_seconds("self") - self0;
			all[i].4 += node1.1 - node0.1;
			println!("  {:<26} round done: {:.2} s", read.name(), took.as_secs_f64());
		}
	}
	Ok(all.map(|(mut latencies, took, node_cpu, client_cpu, node_kernel_cpu)| {
		latencies.sort();
		let count = latencies.len() as f64;
		let rate = count / took.as_secs_f64();
		Sample {
			latencies,
			rate,
			node_cpu_per_1k: node_cpu / count * 1000.0,
			node_kernel_cpu_per_1k: node_kernel_cpu / count * 1000.0,
			client_cpu_per_1k: client_cpu / count * 1000.0,
			busy_cores: (node_cpu + client_cpu) / took.as_secs_f64(),
		}
	}))
}
