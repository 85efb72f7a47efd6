//! Figure 2: read latency under 100 concurrent clients, `moduleRegistry_getModule` against
//! `state_getStorage` of a `System::Account` key.

use anyhow::{bail, Result};
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
}

impl Read {
	fn name(&self) -> &'static str {
		match self {
			Read::GetModule { .. } => "moduleRegistry_getModule",
			Read::Storage { .. } => "state_getStorage",
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
		}
	}
}

/// Latencies of one read.
pub struct Sample {
	/// Every request's latency, sorted.
	pub latencies: Vec<Duration>,
	/// Requests per second over the whole run.
	pub rate: f64,
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

/// Figure 2: both reads, alternating in `rounds` rounds so drift affects both alike.
pub async fn measure(
	ws: &str,
	clients: usize,
	requests: usize,
	rounds: usize,
	reads: [Read; 2],
) -> Result<[Sample; 2]> {
	let mut connections = Vec::with_capacity(clients);
	for _ in 0..clients {
		connections.push(chain::connect(ws).await?);
	}
	// Warm up connections and caches.
	for read in &reads {
		run_once(&connections, read, 2).await?;
	}
	let mut all: [(Vec<Duration>, Duration); 2] = Default::default();
	for _ in 0..rounds {
		for (i, read) in reads.iter().enumerate() {
			let (lat, took) = run_once(&connections, read, requests.div_ceil(rounds)).await?;
			all[i].0.extend(lat);
			all[i].1 += took;
			println!("  {:<26} round done: {:.2} s", read.name(), took.as_secs_f64());
		}
	}
	Ok(all.map(|(mut latencies, took)| {
		latencies.sort();
		let rate = latencies.len() as f64 / took.as_secs_f64();
		Sample { latencies, rate }
	}))
}
