//! Plain HTTP(S) reads (hyper, with rustls and the system's root certificates), for
//! `modreg sync --gateway`.

use crate::Failure;
use file_registry::exit;
use http_body_util::{BodyExt, Empty, Limited};
use hyper::body::Bytes;
use hyper_util::{client::legacy::Client, rt::TokioExecutor};
use std::time::Duration;

/// The largest answer read (a registry index of some 100,000 packages fits).
const MAX_BODY: usize = 512 << 20;

/// GET `url` and parse its JSON. Exit codes: 2 a bad URL, 1 not found (404), 4 unreachable or
/// any other failure of the server.
pub async fn get_json(url: &str) -> Result<serde_json::Value, Failure> {
	let uri: hyper::Uri =
		url.parse().map_err(|e| Failure(exit::USAGE, format!("bad URL {url:?}: {e}")))?;
	let https = hyper_rustls::HttpsConnectorBuilder::new()
		.with_provider_and_native_roots(rustls::crypto::ring::default_provider())
		.map_err(|e| Failure(exit::UNREACHABLE, format!("TLS roots: {e}")))?
		.https_or_http()
		.enable_http1()
		.build();
	let client: Client<_, Empty<Bytes>> = Client::builder(TokioExecutor::new()).build(https);
	let request = hyper::Request::get(uri)
		.header(hyper::header::ACCEPT, "application/json")
		.body(Empty::new())
		.map_err(|e| Failure(exit::USAGE, format!("{url}: {e}")))?;
	let unreachable = |e: &dyn std::fmt::Display| Failure(exit::UNREACHABLE, format!("{url}: {e}"));
	let response = tokio::time::timeout(Duration::from_secs(60), client.request(request))
		.await
		.map_err(|_| Failure(exit::UNREACHABLE, format!("{url}: no answer within 60 s")))?
		.map_err(|e| unreachable(&e))?;
	let status = response.status();
	let body = Limited::new(response.into_body(), MAX_BODY)
		.collect()
		.await
		.map_err(|e| unreachable(&e))?
		.to_bytes();
	if !status.is_success() {
		let code = if status == hyper::StatusCode::NOT_FOUND {
			exit::NOT_FOUND
		} else {
			exit::UNREACHABLE
		};
		let text = String::from_utf8_lossy(&body[..body.len().min(300)]).into_owned();
		return Err(Failure(code, format!("{url}: HTTP {status}: {text}")));
	}
	serde_json::from_slice(&body)
		.map_err(|e| Failure(exit::UNREACHABLE, format!("{url}: not JSON: {e}")))
}
