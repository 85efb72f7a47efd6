//! `module-registry-gateway`: follows the module registry chain and serves it over plain HTTP.
//!
//! - The indexer ([`indexer`]) follows **finalized** blocks into a database ([`db`]): SQLite in
//!   the data directory by default, PostgreSQL with `--database postgres://…`. It resumes from
//!   its last block after a restart.
//! - The API ([`api`]) serves the registry protocol's `/v1` endpoints (modules, versions, range
//!   resolution by the chain's rule, search, categories, `index.json`), plain entries and their
//!   pin status, content from IPFS checked against its CID, `/healthz`, and a browse page at `/`.
//! - Writes (the registrar's `POST`/`PUT`/`DELETE`) are off unless `--signer` and `--api-token`
//!   are both given; they submit signed transactions and answer after finalization.
//!
//! docs/GATEWAY.md documents the REST API; docs/OPERATIONS.md running it.

pub mod api;
pub mod db;
pub mod entry;
pub mod indexer;

use modreg::chain::{Chain, ChainError};
use std::sync::{Arc, RwLock};

/// The node connection, made on first use and made again after it failed.
pub struct Node {
	url: String,
	current: RwLock<Option<Arc<Chain>>>,
}

impl Node {
	/// A node at `url`; nothing is connected yet.
	pub fn new(url: String) -> Self {
		Node { url, current: RwLock::new(None) }
	}

	/// The connection (connecting now if there is none).
	pub async fn chain(&self) -> Result<Arc<Chain>, ChainError> {
		if let Some(c) = self.current.read().expect("node lock").clone() {
			return Ok(c);
		}
		let chain = Arc::new(Chain::connect(&self.url).await?);
		*self.current.write().expect("node lock") = Some(chain.clone());
		Ok(chain)
	}

	/// Drop the connection; the next [`Node::chain`] makes a new one.
	pub fn reset(&self) {
		*self.current.write().expect("node lock") = None;
	}
}
