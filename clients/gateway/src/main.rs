//! `module-registry-gateway`: the binary. See the library's docs and docs/GATEWAY.md.
//!
//! Exit codes: 0 after a clean shutdown (SIGINT/SIGTERM), 1 a start-up failure (database,
//! address in use, an index of another chain), 2 a bad command line.

use module_registry_gateway::{api, db, indexer, Node};

use clap::Parser;
use modreg::chain::Chain;
use sha2::{Digest, Sha256};
use std::{net::SocketAddr, path::PathBuf, process::ExitCode, sync::Arc};

#[derive(Parser)]
#[command(
	name = "module-registry-gateway",
	version,
	about = "REST API, search and browse page for the module registry chain"
)]
struct Args {
	/// Node RPC URL.
	#[arg(long, env = "MODREG_NODE", default_value = "ws://127.0.0.1:9944")]
	node: String,
	/// IPFS HTTP API (Kubo RPC) URL, for `/v1/content`.
	#[arg(long, env = "IPFS_API_URL", default_value = "http://127.0.0.1:5001")]
	ipfs: String,
	/// Address to listen on.
	#[arg(long, env = "GATEWAY_LISTEN", default_value = "127.0.0.1:8080")]
	listen: SocketAddr,
	/// Folder for the SQLite index and the content cache.
	#[arg(long, env = "GATEWAY_DATA_DIR")]
	data_dir: Option<PathBuf>,
	/// Database URL (`sqlite://PATH` or `postgres://user@host/db`); default: SQLite in the data
	/// folder.
	#[arg(long, env = "GATEWAY_DATABASE")]
	database: Option<String>,
	/// Base URL in download links (default: `http://` + the listen address).
	#[arg(long, env = "GATEWAY_PUBLIC_URL")]
	public_url: Option<String>,
	/// Signing key for writes: a secret URI (`//Alice`, a mnemonic) or a file holding one.
	#[arg(long)]
	signer: Option<String>,
	/// Bearer token that write requests must carry.
	#[arg(long, env = "GATEWAY_API_TOKEN", hide_env_values = true)]
	api_token: Option<String>,
	/// Forget the index and build it again from genesis.
	#[arg(long)]
	reindex: bool,
	/// `/healthz` answers 503 when the index is more than this many blocks behind.
	#[arg(long, default_value_t = 5)]
	max_lag: i64,
	/// Most blocks indexed per database transaction (tests make it small to stop mid-sync).
	#[arg(long, default_value_t = 200, hide = true)]
	batch_blocks: i64,
	/// Most bytes of content blocks kept in the cache.
	#[arg(long, default_value_t = 1 << 30)]
	cache_bytes: u64,
	/// Also serve the CIDs of plain entries at `/v1/content` (anyone can register an entry
	/// naming any CID: an open IPFS gateway is an abuse magnet). Off by default: only the
	/// content of published versions is served.
	#[arg(long, env = "GATEWAY_SERVE_ENTRY_CONTENT")]
	serve_entry_content: bool,
	/// Most bytes of one entry's content served with `--serve-entry-content`.
	#[arg(long, default_value_t = 16 << 20)]
	entry_content_max_bytes: u64,
	/// Deadline of one `/v1/content` request, fetching from IPFS included, in seconds.
	#[arg(long, default_value_t = 60)]
	content_timeout_secs: u64,
	/// Most `/v1/content` requests served at once; more get 503 at once.
	#[arg(long, default_value_t = 8)]
	content_concurrency: usize,
	/// A connection that has not sent a request's headers within this many seconds is closed
	/// (a client that trickles bytes cannot hold a connection open: slowloris).
	#[arg(long, default_value_t = 10)]
	header_read_timeout_secs: u64,
	/// Deadline of any request until its answer starts, in seconds (408 after it; content
	/// requests have their own, `--content-timeout-secs`).
	#[arg(long, default_value_t = 120)]
	request_timeout_secs: u64,
	/// Most requests handled at once; more wait for a slot.
	#[arg(long, default_value_t = 256)]
	max_concurrent_requests: usize,
}

fn default_data_dir() -> PathBuf {
	std::env::var_os("XDG_DATA_HOME")
		.map(PathBuf::from)
		.or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
		.unwrap_or_else(std::env::temp_dir)
		.join("module-registry-gateway")
}

fn fail(code: u8, message: impl std::fmt::Display) -> ExitCode {
	eprintln!("module-registry-gateway: {message}");
	ExitCode::from(code)
}

/// The write configuration: both a signer and a token, or neither.
fn writes(args: &Args) -> Result<Option<api::Writes>, String> {
	match (&args.signer, &args.api_token) {
		(None, None) => Ok(None),
		(Some(_), None) | (None, Some(_)) =>
			Err("writes need both --signer and --api-token (or neither, for a read-only gateway)"
				.into()),
		(Some(signer), Some(token)) => {
			if token.trim().len() < 16 {
				return Err("--api-token must have at least 16 characters".into());
			}
			let suri = if std::path::Path::new(signer).is_file() {
				std::fs::read_to_string(signer)
					.map_err(|e| format!("--signer {signer}: {e}"))?
					.trim()
					.to_owned()
			} else {
				signer.clone()
			};
			let signer = Chain::signer(&suri).map_err(|e| e.to_string())?;
			Ok(Some(api::Writes {
				signer,
				token_digest: Sha256::digest(token.trim().as_bytes()).into(),
			}))
		},
	}
}

#[tokio::main]
async fn main() -> ExitCode {
	let args = Args::parse();
	tracing_subscriber::fmt()
		.with_env_filter(
			tracing_subscriber::EnvFilter::try_from_default_env()
				.unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
		)
		.with_writer(std::io::stderr)
		.init();
	let writes = match writes(&args) {
		Ok(w) => w,
		Err(e) => return fail(2, e),
	};
	let data_dir = args.data_dir.clone().unwrap_or_else(default_data_dir);
	if let Err(e) = std::fs::create_dir_all(&data_dir) {
		return fail(1, format!("{}: {e}", data_dir.display()));
	}
	let url =
		args.database.clone().unwrap_or_else(|| db::Db::sqlite_url(&data_dir.join("index.sqlite")));
	let db = match db::Db::open(&url).await {
		Ok(db) => db,
		Err(e) => return fail(1, e),
	};
	if args.reindex {
		if let Err(e) = db.clear().await {
			return fail(1, e);
		}
		tracing::info!("index cleared; indexing again from genesis");
	}
	let cache = match modreg::content::Cache::new(data_dir.join("content"), args.cache_bytes) {
		Ok(c) => c,
		Err(e) => return fail(1, format!("content cache: {e}")),
	};
	let node = Arc::new(Node::new(args.node.clone()));
	let status = Arc::new(indexer::Status::default());
	let listener = match tokio::net::TcpListener::bind(args.listen).await {
		Ok(l) => l,
		Err(e) => return fail(1, format!("cannot listen on {}: {e}", args.listen)),
	};
	let local = listener.local_addr().unwrap_or(args.listen);
	let public_url = args
		.public_url
		.clone()
		.unwrap_or_else(|| format!("http://{local}"))
		.trim_end_matches('/')
		.to_owned();
	let state = Arc::new(api::AppState {
		db: db.clone(),
		status: status.clone(),
		node: node.clone(),
		ipfs_url: args.ipfs.clone(),
		cache,
		public_url: public_url.clone(),
		writes,
		index_cache: Default::default(),
		max_lag: args.max_lag,
		responses: Default::default(),
		write_lock: Default::default(),
		content: api::ContentPolicy {
			serve_entry_content: args.serve_entry_content,
			entry_max_bytes: args.entry_content_max_bytes,
			timeout: std::time::Duration::from_secs(args.content_timeout_secs.max(1)),
			concurrency: args.content_concurrency.max(1),
		},
		content_slots: Arc::new(tokio::sync::Semaphore::new(args.content_concurrency.max(1))),
	});
	let mut indexer = indexer::Indexer::new(node, db.clone(), status);
	indexer.batch_blocks = args.batch_blocks.max(1);
	tokio::spawn(indexer.run());
	tracing::info!(
		"serving {public_url} (database: {}, node: {}, writes: {})",
		db.backend().name(),
		args.node,
		if state.writes.is_some() { "on" } else { "off" }
	);
	let shutdown = async {
		let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
			.expect("SIGTERM handler");
		tokio::select! {
			_ = tokio::signal::ctrl_c() => {},
			_ = term.recv() => {},
		}
		tracing::info!("shutting down");
	};
	let limits = api::HttpLimits {
		request_timeout: std::time::Duration::from_secs(args.request_timeout_secs.max(1)),
		max_concurrent: args.max_concurrent_requests.max(1),
	};
	let app = api::with_http_layers(api::router(state), &limits);
	let header_timeout = std::time::Duration::from_secs(args.header_read_timeout_secs.max(1));
	serve(listener, app, header_timeout, shutdown).await;
	ExitCode::SUCCESS
}

/// Accept connections and serve `app` on each, with hyper's header-read timeout on (axum's own
/// `serve` runs hyper without a timer, which turns it off), until `shutdown`; then let the
/// connections in flight finish, for at most 10 seconds.
async fn serve(
	listener: tokio::net::TcpListener,
	app: axum::Router,
	header_timeout: std::time::Duration,
	shutdown: impl std::future::Future<Output = ()>,
) {
	use hyper_util::{
		rt::{TokioExecutor, TokioIo, TokioTimer},
		server::{conn::auto::Builder, graceful::GracefulShutdown},
		service::TowerToHyperService,
	};
	use tower::ServiceExt;
	let mut builder = Builder::new(TokioExecutor::new());
	builder.http1().timer(TokioTimer::new()).header_read_timeout(header_timeout);
	let builder = builder.http1_only();
	let graceful = GracefulShutdown::new();
	let mut shutdown = std::pin::pin!(shutdown);
	loop {
		let (stream, _) = tokio::select! {
			accepted = listener.accept() => match accepted {
				Ok(accepted) => accepted,
				Err(e) => {
					// Out of file descriptors and the like: wait a little instead of spinning.
					tracing::warn!("accept: {e}");
					tokio::time::sleep(std::time::Duration::from_millis(100)).await;
					continue;
				},
			},
			() = &mut shutdown => break,
		};
		let service = TowerToHyperService::new(app.clone().map_request(
			|req: hyper::Request<hyper::body::Incoming>| req.map(axum::body::Body::new),
		));
		let conn = builder.serve_connection_with_upgrades(TokioIo::new(stream), service);
		let conn = graceful.watch(conn.into_owned());
		tokio::spawn(async move {
			if let Err(e) = conn.await {
				tracing::debug!("connection: {e}");
			}
		});
	}
	tokio::select! {
		() = graceful.shutdown() => {},
		() = tokio::time::sleep(std::time::Duration::from_secs(10)) => {
			tracing::warn!("connections still open after 10 s; closing them");
		},
	}
}
