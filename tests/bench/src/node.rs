//! The node under test: a dev chain whose genesis endows the harness's accounts, on free ports,
//! with its log in the work directory. Stopped (SIGINT, then SIGKILL) when dropped.

use anyhow::{anyhow, bail, Context, Result};
use std::{
	fs,
	net::TcpListener,
	path::{Path, PathBuf},
	process::{Child, Command, Stdio},
	time::{Duration, Instant},
};

use crate::chain;

/// Balance given to every harness account (10⁶ UNIT, as the dev accounts have).
const ENDOWMENT: u64 = 1_000_000_000_000_000_000;

/// A running node.
pub struct Node {
	child: Child,
	/// `ws://127.0.0.1:<port>`.
	pub ws: String,
	/// The node's log (stdout and stderr).
	pub log: PathBuf,
	/// Its peer-to-peer port (a light client's bootnode).
	pub p2p_port: u16,
}

fn free_port() -> Result<u16> {
	Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// Writes the dev chain spec with `accounts` (SS58) endowed to `out`.
pub fn chain_spec(bin: &Path, accounts: &[String], out: &Path) -> Result<()> {
	let output = Command::new(bin)
		.args(["export-chain-spec", "--chain", "dev"])
		.stderr(Stdio::inherit())
		.output()
		.with_context(|| format!("running {}", bin.display()))?;
	if !output.status.success() {
		bail!("{} export-chain-spec failed: {}", bin.display(), output.status);
	}
	let mut spec: serde_json::Value = serde_json::from_slice(&output.stdout)?;
	let balances = spec
		.pointer_mut("/genesis/runtimeGenesis/patch/balances/balances")
		.and_then(|b| b.as_array_mut())
		.ok_or_else(|| anyhow!("the dev chain spec has no balances list"))?;
	balances.extend(accounts.iter().map(|a| serde_json::json!([a, ENDOWMENT])));
	fs::write(out, serde_json::to_vec(&spec)?)?;
	Ok(())
}

impl Node {
	/// The node's process id.
	pub fn pid(&self) -> u32 {
		self.child.id()
	}

	/// Starts `bin --dev --chain spec` with its data under `dir`, and waits for block #1.
	pub async fn start(
		bin: &Path,
		spec: &Path,
		dir: &Path,
		ipfs_api: Option<&str>,
	) -> Result<Self> {
		let _ = fs::remove_dir_all(dir.join("chain"));
		fs::create_dir_all(dir)?;
		let rpc_port = free_port()?;
		let p2p_port = free_port()?;
		let log = dir.join("node.log");
		let out = fs::File::create(&log)?;
		let mut cmd = Command::new(bin);
		cmd.arg("--dev")
			.arg("--chain")
			.arg(spec)
			.arg("--base-path")
			.arg(dir.join("chain"))
			.args(["--rpc-port", &rpc_port.to_string()])
			.args(["--port", &p2p_port.to_string()])
			.args(["--no-prometheus", "--no-telemetry", "--no-mdns", "--disable-log-color"])
			// 100 latency clients plus the harness's own connections.
			.args(["--rpc-max-connections", "1000"])
			// Room for every pre-signed transaction: the pool must not be the limit we measure.
			.args(["--pool-limit", "200000", "--pool-kbytes", "1000000"])
			.env(
				"RUST_LOG",
				std::env::var("RUST_LOG")
					.unwrap_or_else(|_| "info,runtime::module-registry=debug".into()),
			)
			.stdout(out.try_clone()?)
			.stderr(out);
		if let Some(url) = ipfs_api {
			cmd.args(["--ipfs-api", url]);
		}
		let child = cmd.spawn().with_context(|| format!("starting {}", bin.display()))?;
		let mut node = Self { child, ws: format!("ws://127.0.0.1:{rpc_port}"), log, p2p_port };
		node.wait_for_block(1, Duration::from_secs(180)).await?;
		Ok(node)
	}

	async fn wait_for_block(&mut self, number: u64, timeout: Duration) -> Result<()> {
		let started = Instant::now();
		loop {
			if let Some(status) = self.child.try_wait()? {
				bail!("node exited ({status}); see {}", self.log.display());
			}
			if let Ok(rpc) = chain::connect(&self.ws).await {
				if chain::best_number(&rpc).await.unwrap_or(0) >= number {
					return Ok(());
				}
			}
			if started.elapsed() > timeout {
				bail!("no block #{number} after {timeout:?}; see {}", self.log.display());
			}
			tokio::time::sleep(Duration::from_millis(500)).await;
		}
	}
}

impl Drop for Node {
	fn drop(&mut self) {
		let _ = Command::new("kill").args(["-INT", &self.child.id().to_string()]).status();
		for _ in 0..100 {
			if matches!(self.child.try_wait(), Ok(Some(_))) {
				return;
			}
			std::thread::sleep(Duration::from_millis(100));
		}
		let _ = self.child.kill();
		let _ = self.child.wait();
	}
}

/// The proposer's own account of each block it built: `(number, milliseconds, end reason,
/// extrinsics)`, from the node log's "Prepared block for proposing" lines.
pub fn proposals(log: &Path) -> Result<Vec<(u64, u64, String, u64)>> {
	let text = fs::read_to_string(log)?;
	let mut out = Vec::new();
	for line in text.lines() {
		let Some(rest) = line.split("Prepared block for proposing at ").nth(1) else { continue };
		let number = rest.split_whitespace().next().and_then(|n| n.parse().ok());
		let ms =
			rest.split('(').nth(1).and_then(|r| r.split(" ms").next()).and_then(|m| m.parse().ok());
		let end = rest.split("end: ").nth(1).and_then(|r| r.split(';').next()).map(str::to_owned);
		let count = rest
			.split("extrinsics_count: ")
			.nth(1)
			.and_then(|r| r.split_whitespace().next())
			.and_then(|c| c.parse().ok());
		if let (Some(n), Some(ms), Some(end), Some(count)) = (number, ms, end, count) {
			out.push((n, ms, end, count));
		}
	}
	Ok(out)
}
