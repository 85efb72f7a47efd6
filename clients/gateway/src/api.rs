//! The HTTP side: the registry protocol's `/v1` REST API, the registrar's writes, `/healthz`,
//! and the browse page. Every answer is JSON (but the page and content); every failure is
//! `{"error": NAME, "message": TEXT}` with a 4xx or 503 status, never a panic.

use crate::{
	db::{Db, DbError, ModuleFilter, PackageListing, StoredVersion},
	entry::{self, Context},
	indexer::Status,
};
use axum::{
	body::Body,
	extract::{Path, Query, State},
	http::{header, HeaderMap, HeaderValue, StatusCode},
	response::{Html, IntoResponse, Response},
	routing::{get, put},
	Json as JsonBody, Router,
};
use modreg::{
	chain::{pallet_error_name, ChainError, Included},
	content::{self, Cache, ContentError},
};
use serde::Deserialize;
use serde_json::{json, Value as Json};
use sha2::{Digest, Sha256};
use std::{
	collections::HashMap,
	sync::{atomic::Ordering, Arc, Mutex},
};
use subxt_signer::sr25519::Keypair;

/// Writes are on when the gateway has a signing key and a token.
pub struct Writes {
	/// The key that signs the registrar's transactions.
	pub signer: Keypair,
	/// SHA-256 of the bearer token that callers must present.
	pub token_digest: [u8; 32],
}

/// Everything a handler needs.
pub struct AppState {
	/// The index.
	pub db: Db,
	/// The indexer's state.
	pub status: Arc<Status>,
	/// The node.
	pub node: Arc<crate::Node>,
	/// The IPFS API URL.
	pub ipfs_url: String,
	/// Verified blocks of served content.
	pub cache: Cache,
	/// The base URL that download links use.
	pub public_url: String,
	/// Writes, if enabled.
	pub writes: Option<Writes>,
	/// The last `index.json`.
	pub index_cache: Mutex<Option<CachedIndex>>,
	/// The lag (in blocks) above which `/healthz` answers 503.
	pub max_lag: i64,
	/// Module answers by indexed height.
	pub responses: ResponseCache,
	/// Writes go one at a time: they share the signer's nonce sequence.
	pub write_lock: tokio::sync::Mutex<()>,
	/// What `/v1/content` serves, and its bounds.
	pub content: ContentPolicy,
	/// Content requests in flight, at most [`ContentPolicy::concurrency`].
	pub content_slots: Arc<tokio::sync::Semaphore>,
}

/// What `GET /v1/content/{cid}` serves (issue 34). By default only the content of published
/// versions, capped at the size the chain recorded and checked against its SHA-256; the CIDs of
/// plain entries (which anyone can register, naming anything) only when the operator opts in,
/// with their own cap. Every request has an overall deadline, and at most `concurrency` run at
/// once (the rest get 503 at once rather than queueing).
#[derive(Clone, Debug)]
pub struct ContentPolicy {
	/// Serve the CIDs of plain entries too.
	pub serve_entry_content: bool,
	/// Most bytes of an entry's content (versions are capped at their recorded size).
	pub entry_max_bytes: u64,
	/// Deadline of one content request, fetching included.
	pub timeout: std::time::Duration,
	/// Content requests at once.
	pub concurrency: usize,
}

impl Default for ContentPolicy {
	fn default() -> Self {
		ContentPolicy {
			serve_entry_content: false,
			entry_max_bytes: 16 << 20,
			timeout: std::time::Duration::from_secs(60),
			concurrency: 8,
		}
	}
}

/// The browse page's Content-Security-Policy: its own script, style and API only.
pub const PAGE_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
                            connect-src 'self'; img-src 'self' data:; base-uri 'none'; \
                            form-action 'none'; frame-ancestors 'none'";

type Shared = Arc<AppState>;

/// `index.json` as built for one indexed height.
#[derive(Clone)]
pub struct CachedIndex {
	height: i64,
	body: Arc<Vec<u8>>,
	etag: String,
}

/// A failed request.
#[derive(Debug)]
pub enum ApiError {
	/// 400: a parameter is wrong.
	BadRequest(String),
	/// 401: writes need the right bearer token.
	Unauthorized,
	/// 403: writes are off.
	WritesDisabled,
	/// 404.
	NotFound(String),
	/// 409: the thing exists already.
	Conflict(String),
	/// 413: a request body over the bound.
	TooLarge(String),
	/// A pallet error: its name and the status it maps to.
	Refused(StatusCode, String, String),
	/// 502: the content from IPFS did not match its CID.
	BadContent(String),
	/// 503: the database, the node or IPFS is unreachable.
	Unavailable(String),
	/// 504: IPFS did not deliver in time.
	Timeout(String),
}

impl IntoResponse for ApiError {
	fn into_response(self) -> Response {
		let (status, name, message) = match self {
			ApiError::BadRequest(m) => (StatusCode::BAD_REQUEST, "BadRequest".to_owned(), m),
			ApiError::Unauthorized => (
				StatusCode::UNAUTHORIZED,
				"Unauthorized".to_owned(),
				"send `Authorization: Bearer <token>` with the gateway's --api-token".to_owned(),
			),
			ApiError::WritesDisabled => (
				StatusCode::FORBIDDEN,
				"WritesDisabled".to_owned(),
				"this gateway is read-only (start it with --signer and --api-token)".to_owned(),
			),
			ApiError::NotFound(m) => (StatusCode::NOT_FOUND, "NotFound".to_owned(), m),
			ApiError::Conflict(m) => (StatusCode::CONFLICT, "Conflict".to_owned(), m),
			ApiError::Refused(status, name, m) => (status, name, m),
			ApiError::TooLarge(m) =>
				(StatusCode::PAYLOAD_TOO_LARGE, "PayloadTooLarge".to_owned(), m),
			ApiError::BadContent(m) =>
				(StatusCode::BAD_GATEWAY, "VerificationFailed".to_owned(), m),
			ApiError::Unavailable(m) =>
				(StatusCode::SERVICE_UNAVAILABLE, "Unavailable".to_owned(), m),
			ApiError::Timeout(m) => (StatusCode::GATEWAY_TIMEOUT, "Timeout".to_owned(), m),
		};
		let mut response =
			(status, JsonBody(json!({"error": name, "message": message}))).into_response();
		if status == StatusCode::UNAUTHORIZED {
			response
				.headers_mut()
				.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
		}
		response
	}
}

impl From<DbError> for ApiError {
	fn from(e: DbError) -> Self {
		tracing::warn!("{e}");
		ApiError::Unavailable(e.to_string())
	}
}

impl From<ChainError> for ApiError {
	fn from(e: ChainError) -> Self {
		match e {
			ChainError::Dispatch(m) => {
				let name = pallet_error_name(&m).unwrap_or("Refused").to_owned();
				ApiError::Refused(refusal_status(&name), name, m)
			},
			ChainError::BadArgument(m) => ApiError::BadRequest(m),
			ChainError::Key(m) => ApiError::Unavailable(format!("signing key: {m}")),
			ChainError::Node(m) => ApiError::Unavailable(m),
		}
	}
}

/// The HTTP status of a pallet error.
pub fn refusal_status(name: &str) -> StatusCode {
	match name {
		"NotOwner" | "NotNamespaceOwner" | "NotMaintainer" | "NotPinner" | "NotOfferee" |
		"ReservedKey" | "SealedEntry" | "ReservedName" | "AssignedNamespace" => StatusCode::FORBIDDEN,
		"NotFound" | "UnknownNamespace" | "UnknownPackage" | "UnknownVersion" | "NoOffer" =>
			StatusCode::NOT_FOUND,
		"NamespaceTaken" |
		"VersionExists" |
		"PackageExists" |
		"AlreadyOwner" |
		"AlreadyMaintainer" |
		"AlreadyYanked" |
		"NotYanked" |
		"NotDeprecated" |
		"VerificationPending" |
		"NamespaceNotEmpty" => StatusCode::CONFLICT,
		"ValueTooLarge" | "KeyTooLong" | "MetadataTooLarge" => StatusCode::PAYLOAD_TOO_LARGE,
		_ if name.starts_with("Invalid") || name.starts_with("Empty") =>
			StatusCode::UNPROCESSABLE_ENTITY,
		_ => StatusCode::BAD_REQUEST,
	}
}

type ApiResult<T = Json> = Result<T, ApiError>;

/// The router.
pub fn router(state: Shared) -> Router {
	Router::new()
		.route("/", get(page))
		.route("/static/app.js", get(app_js))
		.route("/static/style.css", get(style_css))
		.route("/healthz", get(healthz))
		.route("/v1/modules", get(list_modules))
		.route("/v1/modules/{ns}/{name}", get(module))
		.route("/v1/modules/{ns}/{name}/versions", get(versions))
		.route("/v1/modules/{ns}/{name}/dependents", get(dependents))
		.route("/v1/modules/{ns}/{name}/status", put(set_status))
		.route("/v1/modules/{ns}/{name}/{version}", get(module_version))
		.route("/v1/modules/{ns}/{name}/{version}/attestation", get(attestation))
		.route("/v1/search", get(search))
		.route("/v1/categories", get(categories))
		.route("/v1/index.json", get(index_json))
		.route("/v1/entries", axum::routing::post(create_entry))
		.route("/v1/entries/{key}", get(get_entry).put(update_entry).delete(delete_entry))
		.route("/v1/entries/{key}/status", get(entry_status))
		.route("/v1/content/{cid}", get(content))
		.fallback(|| async { ApiError::NotFound("no such endpoint".into()) })
		.layer(axum::middleware::map_response(json_errors))
		.with_state(state)
}

/// Limits every request shares.
#[derive(Clone, Debug)]
pub struct HttpLimits {
	/// Deadline until the answer starts (then 408).
	pub request_timeout: std::time::Duration,
	/// Requests handled at once (more wait).
	pub max_concurrent: usize,
}

/// The router behind the well-kept `tower-http` layers: an access log (`tracing`, target
/// `tower_http::trace`), gzip for clients that accept it, a deadline per request and a
/// global limit on requests in flight.
pub fn with_http_layers(router: Router, limits: &HttpLimits) -> Router {
	use tower_http::{
		compression::{
			predicate::{DefaultPredicate, NotForContentType, Predicate},
			CompressionLayer,
		},
		timeout::TimeoutLayer,
		trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer},
	};
	// Content downloads are not compressed: they are already what they are (often gzip), and
	// their ETag names the identity bytes.
	let compress =
		DefaultPredicate::new().and(NotForContentType::const_new("application/octet-stream"));
	// Outermost first: the access log, then the deadline (which also bounds the wait for a
	// slot), then the limit on requests in flight.
	router
		.layer(CompressionLayer::new().compress_when(compress))
		.layer(tower::limit::GlobalConcurrencyLimitLayer::new(limits.max_concurrent))
		.layer(TimeoutLayer::new(limits.request_timeout))
		// The deadline's own 408 is JSON like every other failure.
		.layer(axum::middleware::map_response(json_errors))
		.layer(
			TraceLayer::new_for_http()
				.make_span_with(DefaultMakeSpan::new().level(tracing::Level::INFO))
				.on_response(DefaultOnResponse::new().level(tracing::Level::INFO)),
		)
}

/// The errors axum answers by itself (a query string or path that does not parse, a body over
/// the limit, a method a route does not take) come as plain text or an empty body: rewrite them
/// into the gateway's `{"error", "message"}`, so that every failure a client sees is JSON.
async fn json_errors(response: Response) -> Response {
	let status = response.status();
	let is_json = response
		.headers()
		.get(header::CONTENT_TYPE)
		.is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
	if is_json || !(status.is_client_error() || status.is_server_error()) {
		return response;
	}
	let (parts, body) = response.into_parts();
	// axum's rejection texts are one short line; a longer body is not one of them.
	let text = axum::body::to_bytes(body, 4096).await.unwrap_or_default();
	let text = String::from_utf8_lossy(&text).trim().to_owned();
	let name = match status {
		StatusCode::NOT_FOUND => "NotFound",
		StatusCode::METHOD_NOT_ALLOWED => "MethodNotAllowed",
		StatusCode::PAYLOAD_TOO_LARGE => "PayloadTooLarge",
		StatusCode::UNSUPPORTED_MEDIA_TYPE => "UnsupportedMediaType",
		StatusCode::REQUEST_TIMEOUT => "Timeout",
		s if s.is_client_error() => "BadRequest",
		_ => "Unavailable",
	};
	let message = match (text.is_empty(), status.canonical_reason()) {
		(false, _) => text,
		(true, Some(reason)) => reason.to_owned(),
		(true, None) => status.to_string(),
	};
	let mut rewritten =
		(status, JsonBody(json!({"error": name, "message": message}))).into_response();
	for (k, v) in parts.headers.iter() {
		// Keep `Allow`, `WWW-Authenticate` and the like; the body's own headers are new.
		if k != header::CONTENT_TYPE && k != header::CONTENT_LENGTH {
			rewritten.headers_mut().append(k.clone(), v.clone());
		}
	}
	rewritten
}

async fn page() -> impl IntoResponse {
	(
		[
			(header::CONTENT_SECURITY_POLICY, PAGE_CSP),
			(header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
			(header::X_FRAME_OPTIONS, "DENY"),
		],
		Html(include_str!("../static/index.html")),
	)
}

async fn app_js() -> impl IntoResponse {
	([(header::CONTENT_TYPE, "text/javascript; charset=utf-8")], include_str!("../static/app.js"))
}

async fn style_css() -> impl IntoResponse {
	([(header::CONTENT_TYPE, "text/css; charset=utf-8")], include_str!("../static/style.css"))
}

async fn healthz(State(s): State<Shared>) -> Response {
	let indexed = s.status.indexed.load(Ordering::Relaxed);
	let finalized = s.status.finalized.load(Ordering::Relaxed);
	let chain_ok = s.status.chain_ok.load(Ordering::Relaxed);
	let db_ok = s.db.cursor().await.is_ok();
	let lag = (finalized - indexed).max(0);
	let ok = chain_ok && db_ok && lag <= s.max_lag;
	let body = json!({
		"ok": ok,
		"indexedHeight": indexed,
		"finalizedHeight": finalized,
		"lag": lag,
		"database": s.db.backend().name(),
		"databaseReachable": db_ok,
		"chainReachable": chain_ok,
		"indexing": s.status.leader.load(Ordering::Relaxed),
		"lastError": s.status.last_error.lock().expect("status lock").clone(),
	});
	let status = if ok { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
	(status, JsonBody(body)).into_response()
}

#[derive(Deserialize)]
struct ListQuery {
	namespace: Option<String>,
	keyword: Option<String>,
	#[serde(rename = "type")]
	module_type: Option<String>,
	status: Option<String>,
	page: Option<String>,
	per_page: Option<String>,
}

/// `page` (1-based) and `per_page` (1–100, default 20) → (limit, offset).
fn paging(page: Option<&str>, per_page: Option<&str>) -> ApiResult<(i64, i64, i64)> {
	let number = |text: Option<&str>, name: &str, default: i64, max: i64| -> ApiResult<i64> {
		match text {
			None => Ok(default),
			Some(t) => match t.parse::<i64>() {
				Ok(n) if (1..=max).contains(&n) => Ok(n),
				_ => Err(ApiError::BadRequest(format!("{name} must be a number from 1 to {max}"))),
			},
		}
	};
	let page = number(page, "page", 1, 1_000_000)?;
	let per_page = number(per_page, "per_page", 20, 100)?;
	Ok((page, per_page, (page - 1) * per_page))
}

async fn list_modules(
	State(s): State<Shared>,
	Query(q): Query<ListQuery>,
) -> ApiResult<JsonBody<Json>> {
	let (page, per_page, offset) = paging(q.page.as_deref(), q.per_page.as_deref())?;
	if let Some(t) = &q.module_type {
		if module_registry_primitives::types::ModuleType::from_name(t).is_none() {
			return Err(ApiError::BadRequest(format!(
				"type must be one of docker, native, python, wasm, other (not {t:?})"
			)));
		}
	}
	if let Some(st) = &q.status {
		if !["active", "maintenance", "inactive", "deprecated"].contains(&st.as_str()) {
			return Err(ApiError::BadRequest(format!(
				"status must be active, maintenance, inactive or deprecated (not {st:?})"
			)));
		}
	}
	let filter = ModuleFilter {
		namespace: q.namespace,
		keyword: q.keyword,
		module_type: q.module_type,
		status: q.status,
	};
	let (rows, total) = s.db.list(&filter, per_page, offset).await?;
	Ok(JsonBody(json!({
		"total": total,
		"page": page,
		"perPage": per_page,
		"modules": rows.iter().map(entry::summary).collect::<Vec<_>>(),
	})))
}

/// `ns/name` from the path, checked by the chain's name rule.
fn package_name(ns: &str, name: &str) -> ApiResult<String> {
	let full = format!("{ns}/{name}");
	module_registry_primitives::registry::PackageName::parse(&full)
		.map_err(|e| ApiError::BadRequest(format!("bad module name {full:?}: {e:?}")))?;
	Ok(full)
}

struct Loaded {
	package: PackageListing,
	versions: Vec<StoredVersion>,
	verified: bool,
	times: HashMap<i64, i64>,
}

async fn load(s: &AppState, name: &str) -> ApiResult<Loaded> {
	let package =
		s.db.package(name).await?.ok_or_else(|| ApiError::NotFound(format!("no module {name}")))?;
	let mut versions = s.db.versions(name).await?;
	entry::sort_newest_first(&mut versions);
	let ns = name.split('/').next().unwrap_or_default();
	let verified = s.db.namespace(ns).await?.is_some_and(|n| n["verified"] == true);
	let times = s.db.block_times(blocks_of(&package, &versions)).await?;
	Ok(Loaded { package, versions, verified, times })
}

/// The blocks whose times an entry of `package` shows.
fn blocks_of<'a>(
	package: &'a PackageListing,
	versions: &'a [StoredVersion],
) -> impl Iterator<Item = i64> + 'a {
	versions
		.iter()
		.filter_map(|v| v.json["publishedAt"].as_i64())
		.chain(package.json["created"].as_i64())
		.chain([package.touch.block])
}

impl Loaded {
	fn entry(&self, s: &AppState, version: &StoredVersion) -> Json {
		let cx = Context {
			public_url: &s.public_url,
			verified_namespace: self.verified,
			block_times: &self.times,
		};
		entry::protocol_entry(&self.package, version, &cx)
	}
}

async fn module_json(s: &AppState, (ns, name): (String, String)) -> ApiResult<Json> {
	let name = package_name(&ns, &name)?;
	let l = load(s, &name).await?;
	let current = entry::current(&l.package, &l.versions);
	Ok(json!({
		"name": name,
		"namespace": ns,
		"latest": l.package.json["latest"],
		"versions": l.versions.iter().map(entry::version_text).collect::<Vec<_>>(),
		"yanked": l.versions.iter().filter(|v| v.json["yanked"] == true).map(entry::version_text).collect::<Vec<_>>(),
		"package": l.package.json,
		"summary": entry::summary(&l.package),
		"entry": current.map(|v| l.entry(s, v)),
	}))
}

async fn versions_json(s: &AppState, (ns, name): (String, String)) -> ApiResult<Json> {
	let name = package_name(&ns, &name)?;
	let l = load(s, &name).await?;
	Ok(json!({
		"name": name,
		"versions": l.versions.iter().map(|v| entry::version_item(v, &l.times)).collect::<Vec<_>>(),
	}))
}

async fn module_version_json(
	s: &AppState,
	(ns, name, range): (String, String, String),
) -> ApiResult<Json> {
	let name = package_name(&ns, &name)?;
	let l = load(s, &name).await?;
	let chosen = entry::resolve(&l.versions, &range).map_err(|e| match e {
		entry::ResolveError::BadRange(why) =>
			ApiError::BadRequest(format!("bad version or range {range:?}: {why}")),
		entry::ResolveError::NoMatch =>
			ApiError::NotFound(format!("no version of {name} matches {range:?}")),
	})?;
	let mut body = l.entry(s, chosen);
	body["range"] = json!(range);
	body["resolved"] = chosen.json["version"].clone();
	Ok(body)
}

async fn module(State(s): State<Shared>, Path(p): Path<(String, String)>) -> ApiResult<Response> {
	let key = format!("m/{}/{}", p.0, p.1);
	cached(&s, key, || async { module_json(&s, p).await }).await
}

async fn versions(State(s): State<Shared>, Path(p): Path<(String, String)>) -> ApiResult<Response> {
	let key = format!("v/{}/{}", p.0, p.1);
	cached(&s, key, || async { versions_json(&s, p).await }).await
}

#[derive(Deserialize)]
struct DependentsQuery {
	after: Option<String>,
	per_page: Option<String>,
}

/// `GET /v1/modules/{ns}/{name}/dependents[?after=ns/name@version][&per_page=N]`: the versions
/// whose declared dependencies name this package, with the range each asks for; pages of
/// `per_page` (1–100, default 20) in name-then-version order, the next after `next`.
async fn dependents(
	State(s): State<Shared>,
	Path((ns, name)): Path<(String, String)>,
	Query(q): Query<DependentsQuery>,
) -> ApiResult<Response> {
	let package = package_name(&ns, &name)?;
	let (_, per_page, _) = paging(None, q.per_page.as_deref())?;
	let after = match q.after.as_deref() {
		None | Some("") => None,
		Some(text) => {
			let (name, version) = text.rsplit_once('@').ok_or_else(|| {
				ApiError::BadRequest(format!("after must be ns/name@version (not {text:?})"))
			})?;
			let name = name.trim_start_matches('@');
			module_registry_primitives::registry::PackageName::parse(name)
				.map_err(|e| ApiError::BadRequest(format!("bad after {text:?}: {e}")))?;
			if version.len() > module_registry_primitives::MAX_VERSION_LEN as usize {
				return Err(ApiError::BadRequest(format!("bad after {text:?}: version too long")));
			}
			Some((name.to_owned(), version.to_owned()))
		},
	};
	// The key from the parsed cursor: spellings of one cursor share one cached answer.
	let cursor = after.as_ref().map(|(n, v)| format!("{n}@{v}")).unwrap_or_default();
	let key = format!("dep/{package}/{cursor}/{per_page}");
	cached(&s, key, || async {
		let after_ref = after.as_ref().map(|(n, v)| (n.as_str(), v.as_str()));
		// One more than asked, to know whether there is a next page.
		let mut rows = s.db.dependents(&package, after_ref, per_page + 1).await?;
		let next = if rows.len() as i64 > per_page {
			rows.truncate(per_page as usize);
			rows.last().map(|d| format!("{}@{}", d.name, d.version))
		} else {
			None
		};
		Ok(json!({"name": package, "dependents": rows, "next": next}))
	})
	.await
}

/// `GET /v1/modules/{ns}/{name}/{version}/attestation`: an attestation bundle of the exact
/// version (`modreg verify-attestation` checks it offline) at the node's finalized head, made
/// at most once per indexed height. The gateway is not trusted for it: the bundle carries its
/// own proofs.
async fn attestation(
	State(s): State<Shared>,
	Path((ns, name, version)): Path<(String, String, String)>,
) -> ApiResult<Response> {
	// At most this many bundles are made at once (each is a few node calls); the rest get 503.
	static SLOTS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(4);
	let package = package_name(&ns, &name)?;
	// Keyed by the version's identity, so `1.0.0+anything` cannot fill the cache with copies.
	let identity = module_registry_primitives::registry::parse_version(&version)
		.map(|v| module_registry_primitives::registry::version_identity(&v))
		.map_err(|e| ApiError::BadRequest(format!("bad version {version:?}: {e:?}")))?;
	let key = format!("a/{package}/{identity}");
	cached(&s, key, || async {
		let _slot = SLOTS
			.try_acquire()
			.map_err(|_| ApiError::Unavailable("too many attestations in progress".into()))?;
		let chain = s.node.chain().await?;
		let made = tokio::time::timeout(
			std::time::Duration::from_secs(30),
			modreg::attest::make(&chain, &package, &identity),
		)
		.await
		.map_err(|_| ApiError::Unavailable("the node did not answer in time".into()))?;
		match made {
			Ok(bundle) => Ok(serde_json::to_value(bundle).unwrap_or_default()),
			Err(modreg::attest::AttestError::Chain(ChainError::BadArgument(m))) =>
				Err(ApiError::NotFound(m)),
			Err(modreg::attest::AttestError::Chain(e)) => Err(e.into()),
			Err(e) => Err(ApiError::BadRequest(e.to_string())),
		}
	})
	.await
}

async fn module_version(
	State(s): State<Shared>,
	Path(p): Path<(String, String, String)>,
) -> ApiResult<Response> {
	let key = format!("r/{}/{}/{}", p.0, p.1, p.2);
	cached(&s, key, || async { module_version_json(&s, p).await }).await
}

/// Answers computed from the index, kept until the index moves to another block: the index is
/// the chain's state at its cursor, so an answer computed at one height is exact until the next.
#[derive(Default)]
pub struct ResponseCache {
	map: Mutex<(HashMap<String, CachedAnswer>, usize)>,
}

/// An answer and the indexed height it was computed at.
type CachedAnswer = (i64, axum::body::Bytes);

/// Most bytes of answers kept; the cache starts again empty when it is full.
const CACHED_BYTES: usize = 128 << 20;

/// The cached JSON answer for `key` at the current indexed height, or `compute`'s, cached.
/// Errors are not cached.
async fn cached<F, Fut>(s: &AppState, key: String, compute: F) -> ApiResult<Response>
where
	F: FnOnce() -> Fut,
	Fut: std::future::Future<Output = ApiResult<Json>>,
{
	// The height is read before computing: an answer stored under it is only served while the
	// index is still there, even if the answer saw a later commit.
	let height = s.status.indexed.load(Ordering::Acquire);
	let hit = s
		.responses
		.map
		.lock()
		.expect("cache lock")
		.0
		.get(&key)
		.and_then(|(h, body)| (*h == height).then(|| body.clone()));
	let body = match hit {
		Some(body) => body,
		None => {
			let body =
				axum::body::Bytes::from(serde_json::to_vec(&compute().await?).unwrap_or_default());
			let mut guard = s.responses.map.lock().expect("cache lock");
			let (map, bytes) = &mut *guard;
			if *bytes + body.len() > CACHED_BYTES {
				map.clear();
				*bytes = 0;
			}
			*bytes += body.len() + key.len();
			if let Some((_, old)) = map.insert(key, (height, body.clone())) {
				*bytes = bytes.saturating_sub(old.len());
			}
			body
		},
	};
	Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

#[derive(Deserialize)]
struct SearchQuery {
	q: Option<String>,
	page: Option<String>,
	per_page: Option<String>,
}

/// Most words of a search: each costs a pass over its index list.
pub const MAX_SEARCH_WORDS: usize = 8;

/// Longest search text (8 words of 64 characters, with room to spare): the text is echoed in
/// the answer and is part of the cache key.
pub const MAX_QUERY_LEN: usize = 1024;

/// The words of a query: letters and digits, lower case, at most [`MAX_SEARCH_WORDS`] of 64
/// characters each.
fn query_words(q: &str) -> Vec<String> {
	q.split(|c: char| !c.is_alphanumeric())
		.filter(|w| !w.is_empty())
		.map(|w| w.chars().take(64).collect::<String>().to_lowercase())
		.take(MAX_SEARCH_WORDS)
		.collect()
}

async fn search(State(s): State<Shared>, Query(q): Query<SearchQuery>) -> ApiResult<Response> {
	let text = q.q.unwrap_or_default();
	if text.trim().is_empty() {
		return Err(ApiError::BadRequest("q (the search text) is required".into()));
	}
	if text.len() > MAX_QUERY_LEN {
		return Err(ApiError::BadRequest(format!("q is longer than {MAX_QUERY_LEN} bytes")));
	}
	let (page, per_page, offset) = paging(q.page.as_deref(), q.per_page.as_deref())?;
	let words = query_words(&text);
	// Answers are cached per indexed height: the same search costs one query per block.
	let key = format!("search\0{}\0{page}\0{per_page}\0{text}", words.join(" "));
	let state = s.clone();
	cached(&s, key, move || async move {
		search_answer(&state, text, words, (page, per_page, offset)).await
	})
	.await
}

async fn search_answer(
	s: &AppState,
	text: String,
	words: Vec<String>,
	(page, per_page, offset): (i64, i64, i64),
) -> ApiResult<Json> {
	let (hits, total) = s.db.search(&words, per_page, offset).await?;
	let results: Vec<Json> = hits
		.iter()
		.map(|(p, score)| {
			let mut item = entry::summary(p);
			item["score"] = json!(score);
			item
		})
		.collect();
	Ok(json!({
		"query": text,
		"total": total.min(crate::db::SEARCH_COUNT_CAP),
		"totalIsLowerBound": total > crate::db::SEARCH_COUNT_CAP,
		"page": page,
		"perPage": per_page,
		"results": results,
	}))
}

async fn categories(State(s): State<Shared>) -> ApiResult<Response> {
	// Every package is read: once per indexed height, not per request.
	let state = s.clone();
	cached(&s, "categories".into(), move || async move { categories_answer(&state).await }).await
}

async fn categories_answer(s: &AppState) -> ApiResult<Json> {
	let keywords = s.db.keywords().await?;
	let (packages, _) = s.db.list(&ModuleFilter::default(), i64::MAX, 0).await?;
	let mut tiers: std::collections::BTreeMap<String, Vec<String>> = Default::default();
	for p in &packages {
		if let Some(t) = &p.tier {
			tiers
				.entry(t.clone())
				.or_default()
				.push(p.json["name"].as_str().unwrap_or_default().to_owned());
		}
	}
	Ok(json!({
		"categories": keywords.iter().map(|(k, m)| json!({"name": k, "count": m.len(), "modules": m})).collect::<Vec<_>>(),
		"tiers": tiers,
	}))
}

async fn index_json(State(s): State<Shared>, headers: HeaderMap) -> ApiResult<Response> {
	let height = s.db.cursor().await?.map_or(-1, |c| c.height);
	let cached = s.index_cache.lock().expect("index cache lock").clone();
	let CachedIndex { body, etag, .. } = match cached {
		Some(c) if c.height == height => c,
		_ => {
			let body =
				Arc::new(serde_json::to_vec(&build_index(&s, height).await?).unwrap_or_default());
			let etag = format!("\"{}\"", hex::encode(&Sha256::digest(body.as_slice())[..16]));
			let fresh = CachedIndex { height, body, etag };
			*s.index_cache.lock().expect("index cache lock") = Some(fresh.clone());
			fresh
		},
	};
	let matches = headers
		.get(header::IF_NONE_MATCH)
		.and_then(|v| v.to_str().ok())
		.is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
	let mut response = if matches {
		StatusCode::NOT_MODIFIED.into_response()
	} else {
		([(header::CONTENT_TYPE, "application/json")], body.as_ref().clone()).into_response()
	};
	response.headers_mut().insert(header::ETAG, HeaderValue::from_str(&etag).expect("hex ETag"));
	Ok(response)
}

/// The whole index in the protocol's §3 shape.
async fn build_index(s: &AppState, height: i64) -> ApiResult<Json> {
	let packages = s.db.all_packages().await?;
	let mut all_versions = s.db.all_versions().await?;
	let keywords = s.db.keywords().await?;
	let (total_modules, total_versions, total_entries) = s.db.counts().await?;
	// Every block time and every verified namespace in one query each, not one per package.
	let times =
		s.db.block_times(packages.iter().flat_map(|p| {
			blocks_of(
				p,
				all_versions.get(p.json["name"].as_str().unwrap_or_default()).map_or(&[], |v| v),
			)
		}))
		.await?;
	let verified_namespaces = s.db.verified_namespaces().await?;
	let mut modules = serde_json::Map::new();
	let mut featured: Vec<(i64, String)> = Vec::new();
	let mut updated_block = 0;
	for p in &packages {
		let name = p.json["name"].as_str().unwrap_or_default().to_owned();
		let mut versions = all_versions.remove(&name).unwrap_or_default();
		entry::sort_newest_first(&mut versions);
		let ns = name.split('/').next().unwrap_or_default();
		let verified = p.json["verified"] == true || verified_namespaces.contains(ns);
		updated_block = updated_block.max(p.touch.block);
		let Some(current) = entry::current(p, &versions) else { continue };
		let cx = Context {
			public_url: &s.public_url,
			verified_namespace: verified,
			block_times: &times,
		};
		let mut module = entry::protocol_entry(p, current, &cx);
		// Beyond the protocol: the chain's own records, so a client can resolve any range from
		// the index alone (`modreg sync --gateway`).
		let records: Vec<Json> = versions
			.iter()
			.map(|v| {
				let mut record = v.json.clone();
				record["metadata"] = v.metadata.clone();
				record
			})
			.collect();
		module["registry"] = json!({"package": p.json, "versions": records});
		modules.insert(name.clone(), module);
		if verified && p.json["deprecated"].is_null() {
			featured.push((versions.len() as i64, name));
		}
	}
	featured.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
	let categories: serde_json::Map<String, Json> = keywords
		.iter()
		.map(|(k, m)| {
			(
				k.clone(),
				json!({"name": k, "description": format!("Modules with the keyword {k:?}"), "modules": m}),
			)
		})
		.collect();
	let updated = entry::rfc3339(times.get(&updated_block).copied());
	Ok(json!({
		"$schema": entry::INDEX_SCHEMA,
		"version": "2.0.0",
		"updated": updated,
		"block": height,
		"modules": modules,
		"categories": categories,
		"featured": featured.into_iter().take(10).map(|(_, n)| n).collect::<Vec<_>>(),
		"stats": {
			"total_modules": total_modules,
			"total_versions": total_versions,
			"total_entries": total_entries,
			"total_downloads": null,
			"last_updated": updated,
		},
	}))
}

#[derive(Deserialize)]
struct KeyQuery {
	encoding: Option<String>,
}

/// The key bytes of a path segment: its UTF-8 bytes, or with `?encoding=hex` the bytes of
/// `0x…` hex.
fn key_bytes(key: &str, q: &KeyQuery) -> ApiResult<Vec<u8>> {
	let bytes = match q.encoding.as_deref() {
		None | Some("utf8") | Some("text") => key.as_bytes().to_vec(),
		Some("hex") => hex::decode(key.trim_start_matches("0x"))
			.map_err(|e| ApiError::BadRequest(format!("bad hex key: {e}")))?,
		Some(other) =>
			return Err(ApiError::BadRequest(format!(
				"encoding must be text or hex (not {other:?})"
			))),
	};
	if bytes.is_empty() || bytes.len() > 64 {
		return Err(ApiError::BadRequest("a key has 1 to 64 bytes".into()));
	}
	Ok(bytes)
}

async fn get_entry(
	State(s): State<Shared>,
	Path(key): Path<String>,
	Query(q): Query<KeyQuery>,
) -> ApiResult<JsonBody<Json>> {
	let bytes = key_bytes(&key, &q)?;
	let hexkey = format!("0x{}", hex::encode(&bytes));
	let e =
		s.db.entry(&hexkey)
			.await?
			.ok_or_else(|| ApiError::NotFound(format!("no entry {key:?}")))?;
	let raw = hex::decode(e.value.trim_start_matches("0x")).unwrap_or_default();
	let value = match e.info["kind"].as_str() {
		Some("Json") => serde_json::from_slice(&raw).unwrap_or(Json::Null),
		_ => json!(String::from_utf8_lossy(&raw)),
	};
	Ok(JsonBody(json!({
		"key": e.key,
		"keyText": e.key_text,
		"info": e.info,
		"value": value,
		"valueHex": e.value,
		"audit": {"block": e.touch.block, "extrinsic": e.touch.extrinsic, "extrinsicHash": e.touch.extrinsic_hash},
	})))
}

async fn entry_status(
	State(s): State<Shared>,
	Path(key): Path<String>,
	Query(q): Query<KeyQuery>,
) -> ApiResult<JsonBody<Json>> {
	let bytes = key_bytes(&key, &q)?;
	let e =
		s.db.entry(&format!("0x{}", hex::encode(&bytes)))
			.await?
			.ok_or_else(|| ApiError::NotFound(format!("no entry {key:?}")))?;
	let pin = &e.info["pinStatus"];
	let attempts = pin.get("failed").and_then(|f| f.get("attempts")).cloned().unwrap_or(json!(0));
	let state = match pin {
		Json::String(s) => s.clone(),
		Json::Object(o) => o.keys().next().cloned().unwrap_or_default(),
		_ => String::new(),
	};
	Ok(JsonBody(
		json!({"key": e.key, "cid": e.info["cid"], "state": state, "pinStatus": pin, "attempts": attempts}),
	))
}

async fn content(
	State(s): State<Shared>,
	Path(cid): Path<String>,
	method: axum::http::Method,
	request_headers: HeaderMap,
) -> ApiResult<Response> {
	// The chain's rule, bounded before any decoding: the `cid` crate alone decodes base58 text of
	// any length in quadratic time (a 64 KiB path segment held a worker for 0.3 s).
	let bytes = module_registry_primitives::validation::parse_cid(&cid).map_err(|e| {
		let shown: String = cid.chars().take(120).collect();
		ApiError::BadRequest(format!("bad CID {shown:?}: {e:?}"))
	})?;
	let parsed = cid::Cid::try_from(bytes.as_slice())
		.map_err(|e| ApiError::BadRequest(format!("bad CID: {e}")))?;
	let canonical = module_registry_primitives::validation::cid_to_string(&bytes)
		.ok_or_else(|| ApiError::BadRequest("unsupported CID".into()))?;
	let etag = format!("\"{canonical}\"");
	let headers = |length: u64| {
		[
			(header::CONTENT_TYPE, "application/octet-stream".to_owned()),
			(header::CONTENT_LENGTH, length.to_string()),
			(header::ETAG, etag.clone()),
			(header::CACHE_CONTROL, "public, max-age=31536000, immutable".to_owned()),
			(header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
			(header::CONTENT_DISPOSITION, format!("attachment; filename=\"{canonical}\"")),
		]
	};
	// What may be served: the content of published versions (with the size and SHA-256 the
	// chain recorded), or, when the operator opted in, an entry's CID under its own cap.
	let recorded = s.db.version_content(&canonical).await?;
	let (cap, expected) = if let Some(&(size, _)) = recorded.iter().max_by_key(|(size, _)| *size) {
		(size, Some(recorded))
	} else if s.content.serve_entry_content && s.db.knows_cid(&canonical).await? {
		(s.content.entry_max_bytes, None)
	} else {
		return Err(ApiError::NotFound(format!(
			"{canonical} is not the content of a published version of this registry"
		)));
	};
	// The CID names the bytes for ever: a client that has them needs nothing more.
	let matches_etag = request_headers
		.get_all(header::IF_NONE_MATCH)
		.iter()
		.filter_map(|v| v.to_str().ok())
		.flat_map(|v| v.split(','))
		.any(|tag| {
			let tag = tag.trim();
			tag.trim_start_matches("W/") == etag
		});
	if matches_etag {
		let mut response = StatusCode::NOT_MODIFIED.into_response();
		for (name, value) in headers(0) {
			if name != header::CONTENT_LENGTH && name != header::CONTENT_TYPE {
				if let Ok(value) = value.parse() {
					response.headers_mut().insert(name, value);
				}
			}
		}
		return Ok(response);
	}
	// A version's length is known without fetching anything.
	if method == axum::http::Method::HEAD {
		if let Some(expected) = &expected {
			// Only when every version naming this CID recorded the same size.
			if expected.iter().all(|(size, _)| *size == expected[0].0) {
				return Ok((headers(expected[0].0), Body::empty()).into_response());
			}
		}
	}
	let Ok(_slot) = s.content_slots.clone().try_acquire_owned() else {
		return Err(ApiError::Unavailable(format!(
			"{} content requests are in flight; try again shortly",
			s.content.concurrency
		)));
	};
	// The DAG's blocks hold the bytes plus a little framing per block.
	let block_cap = cap.saturating_add(cap / 64).saturating_add(64 << 10);
	let deadline = s.content.timeout;
	let shown = canonical.clone();
	// The IPFS client's streams are not `Send`, so the fetch runs on a thread of its own; so does
	// the assembly into a temporary file (every block checked again as it is read).
	let state = s.clone();
	let (tmp, path, written) = tokio::task::spawn_blocking(move || -> ApiResult<_> {
		let rt = tokio::runtime::Builder::new_current_thread()
			.enable_all()
			.build()
			.map_err(|e| ApiError::Unavailable(format!("runtime: {e}")))?;
		// The cache is brought back within its bound whatever happens below (a timeout or a
		// refused DAG leaves fetched blocks behind too).
		struct EvictOnDrop<'a>(&'a modreg::content::Cache);
		impl Drop for EvictOnDrop<'_> {
			fn drop(&mut self) {
				if let Err(e) = self.0.evict() {
					tracing::warn!("content cache: {e}");
				}
			}
		}
		let _evict = EvictOnDrop(&state.cache);
		let ipfs = content::client(&state.ipfs_url).map_err(content_err)?;
		let fetch =
			content::fetch_dag_within(Some(&ipfs), &state.cache, &parsed, block_cap, &|_| {});
		rt.block_on(async { tokio::time::timeout(deadline, fetch).await })
			.map_err(|_| ApiError::Timeout(format!("{shown}: not delivered within {deadline:?}")))?
			.map_err(content_err)?;
		let dir = state.cache.dir().join("serve");
		let cache_err = |e: std::io::Error| ApiError::Unavailable(format!("cache: {e}"));
		std::fs::create_dir_all(&dir).map_err(cache_err)?;
		let tmp = tempfile::Builder::new().tempdir_in(&dir).map_err(cache_err)?;
		let path = tmp.path().join("content");
		// No more than the cap is written, whatever the DAG names.
		let limits = content::Limits { max_bytes: cap, max_files: 10_000 };
		let written = content::write_out_within(&state.cache, &parsed, Some(&path), limits)
			.map_err(content_err)?;
		Ok((tmp, path, written))
	})
	.await
	.map_err(|e| ApiError::Unavailable(format!("content task: {e}")))??;
	if written.dir {
		return Err(ApiError::BadRequest(format!(
			"{canonical} is a directory: fetch it with `modreg fetch`"
		)));
	}
	if written.bytes > cap {
		return Err(ApiError::BadContent(format!("{canonical} is larger than {cap} bytes")));
	}
	// A version's bytes must be what the chain recorded: its length and SHA-256.
	if let Some(expected) = &expected {
		let digest = {
			let path = path.clone();
			tokio::task::spawn_blocking(move || sha256_file(&path))
				.await
				.map_err(|e| ApiError::Unavailable(format!("hash task: {e}")))?
				.map_err(|e| ApiError::Unavailable(format!("cache: {e}")))?
		};
		let checksum = module_registry_primitives::registry::checksum_text(&digest);
		if !expected.iter().any(|(size, sum)| *size == written.bytes && *sum == checksum) {
			return Err(ApiError::BadContent(format!(
				"{canonical} is {checksum} ({} bytes), not what the chain recorded for it",
				written.bytes
			)));
		}
	}
	let file = tokio::fs::File::open(&path)
		.await
		.map_err(|e| ApiError::Unavailable(format!("cache: {e}")))?;
	// The open file outlives its name: the temporary folder goes now, the bytes when sent.
	drop(tmp);
	let body = Body::from_stream(tokio_util::io::ReaderStream::new(file));
	Ok((headers(written.bytes), body).into_response())
}

/// SHA-256 of a file, streamed.
fn sha256_file(path: &std::path::Path) -> std::io::Result<[u8; 32]> {
	use sha2::{Digest, Sha256};
	let mut hasher = Sha256::new();
	std::io::copy(&mut std::fs::File::open(path)?, &mut hasher)?;
	Ok(hasher.finalize().into())
}

fn content_err(e: ContentError) -> ApiError {
	match e {
		ContentError::Verification { .. } | ContentError::TooLarge(_) =>
			ApiError::BadContent(e.to_string()),
		ContentError::Ipfs(m) if m.contains("no answer within") => ApiError::Timeout(m),
		ContentError::Ipfs(m) => ApiError::Unavailable(m),
		other => ApiError::Unavailable(other.to_string()),
	}
}

/// The signer, when the request carries the right token.
fn authorized<'a>(s: &'a AppState, headers: &HeaderMap) -> ApiResult<&'a Keypair> {
	let Some(writes) = &s.writes else { return Err(ApiError::WritesDisabled) };
	let given = headers
		.get(header::AUTHORIZATION)
		.and_then(|v| v.to_str().ok())
		.and_then(|v| v.strip_prefix("Bearer "))
		.ok_or(ApiError::Unauthorized)?;
	// Compare digests, so the time taken says nothing about the token.
	let digest: [u8; 32] = Sha256::digest(given.trim().as_bytes()).into();
	let same =
		digest.iter().zip(writes.token_digest.iter()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0;
	if same {
		Ok(&writes.signer)
	} else {
		Err(ApiError::Unauthorized)
	}
}

fn included(done: Included, extra: Json) -> Json {
	let mut body = json!({"ok": true, "blockHash": done.block_hash, "extrinsicIndex": done.extrinsic_index, "extrinsicHash": done.extrinsic_hash});
	if let (Json::Object(b), Json::Object(e)) = (&mut body, extra) {
		b.extend(e);
	}
	body
}

/// A value in a write's body: a JSON object (sent as its text) or a string (JSON text or a CID).
fn value_bytes(value: &Json) -> ApiResult<Vec<u8>> {
	match value {
		Json::String(s) => Ok(s.as_bytes().to_vec()),
		Json::Object(_) => Ok(value.to_string().into_bytes()),
		_ => Err(ApiError::BadRequest(
			"value must be a JSON object or a string (JSON text or a CID)".into(),
		)),
	}
}

#[derive(Deserialize)]
struct NewEntry {
	key: String,
	value: Json,
}

#[derive(Deserialize)]
struct EntryUpdate {
	value: Json,
}

/// How long a write request waits for its transaction (below the default request timeout of
/// 120 s, so the client gets this route's own answer).
pub const WRITE_DEADLINE: std::time::Duration = std::time::Duration::from_secs(90);

/// The longest a write holds the write lock: its existence check, submission and wait for
/// finality run in their own task, which keeps the lock after the request gave up, until the
/// transaction is finalized, refused or dropped, so a later write cannot race a pending one
/// (a second `POST` of the same key passing the existence check, or reusing the nonce).
pub const WRITE_HOLD_CAP: std::time::Duration = std::time::Duration::from_secs(600);

/// Run one write (`work`, given the state) in its own task under the write lock, and wait for
/// it at most [`WRITE_DEADLINE`].
async fn one_write<T, F, Fut>(s: &Shared, work: F) -> ApiResult<T>
where
	T: Send + 'static,
	F: FnOnce(Shared) -> Fut + Send + 'static,
	Fut: std::future::Future<Output = ApiResult<T>> + Send + 'static,
{
	let state = s.clone();
	let task = tokio::spawn(async move {
		let _one_at_a_time = state.write_lock.lock().await;
		match tokio::time::timeout(WRITE_HOLD_CAP, work(state.clone())).await {
			Ok(done) => done,
			Err(_) => {
				tracing::warn!(
					"a write held the lock for {} s; releasing it",
					WRITE_HOLD_CAP.as_secs()
				);
				Err(ApiError::Timeout("the write did not end in time".into()))
			},
		}
	});
	wait_write(WRITE_DEADLINE, task).await
}

async fn wait_write<T>(
	deadline: std::time::Duration,
	task: tokio::task::JoinHandle<ApiResult<T>>,
) -> ApiResult<T> {
	match tokio::time::timeout(deadline, task).await {
		Ok(Ok(done)) => done,
		Ok(Err(e)) => Err(ApiError::Unavailable(format!("the write failed: {e}"))),
		Err(_) => Err(ApiError::Timeout(format!(
			"the transaction was not finalized within {} s; it may still be (read the entry or \
			 its status to know), and the next write waits for it",
			deadline.as_secs()
		))),
	}
}

/// The largest write body read: a 64 KiB value as JSON text with every byte escaped
/// (`\u00XX`, six bytes each), a key, and the JSON around them.
pub const MAX_WRITE_BODY: usize = 512 * 1024;

/// A write's body, read only after its token was checked (an unauthenticated client makes the
/// gateway read nothing), and at most [`MAX_WRITE_BODY`] bytes of it.
async fn read_body(raw: axum::body::Body) -> ApiResult<axum::body::Bytes> {
	axum::body::to_bytes(raw, MAX_WRITE_BODY).await.map_err(|e| {
		// http-body-util's `LengthLimitError` ("length limit exceeded"), as axum wraps it.
		let over = e.to_string().contains("length limit");
		if over {
			ApiError::TooLarge(format!("the body is over {MAX_WRITE_BODY} bytes"))
		} else {
			ApiError::BadRequest(format!("the body could not be read: {e}"))
		}
	})
}

fn body<T: serde::de::DeserializeOwned>(raw: &[u8]) -> ApiResult<T> {
	serde_json::from_slice(raw).map_err(|e| ApiError::BadRequest(format!("bad JSON body: {e}")))
}

async fn exists_on_chain(s: &AppState, key: &[u8]) -> ApiResult<bool> {
	let info = s
		.node
		.chain()
		.await?
		.rpc(
			"moduleRegistry_getModuleInfo",
			subxt::rpcs::client::rpc_params![format!("0x{}", hex::encode(key))],
		)
		.await?;
	Ok(!info.is_null())
}

async fn create_entry(
	State(s): State<Shared>,
	headers: HeaderMap,
	raw: axum::body::Body,
) -> ApiResult<(StatusCode, JsonBody<Json>)> {
	let signer = authorized(&s, &headers)?.clone();
	let raw = read_body(raw).await?;
	let req: NewEntry = body(&raw)?;
	let key = key_bytes(&req.key, &KeyQuery { encoding: None })?;
	let value = value_bytes(&req.value)?;
	let text = req.key.clone();
	// The existence check and the write go together, one write at a time.
	let done = one_write(&s, move |s| async move {
		if exists_on_chain(&s, &key).await? {
			return Err(ApiError::Conflict(format!(
				"entry {text:?} exists: PUT /v1/entries/{{key}} updates it"
			)));
		}
		Ok(s.node.chain().await?.register(&signer, &key, &value).await?)
	})
	.await?;
	Ok((StatusCode::CREATED, JsonBody(included(done, json!({"key": req.key})))))
}

async fn update_entry(
	State(s): State<Shared>,
	headers: HeaderMap,
	Path(key): Path<String>,
	Query(q): Query<KeyQuery>,
	raw: axum::body::Body,
) -> ApiResult<JsonBody<Json>> {
	let signer = authorized(&s, &headers)?.clone();
	let raw = read_body(raw).await?;
	let req: EntryUpdate = body(&raw)?;
	let key_b = key_bytes(&key, &q)?;
	let value = value_bytes(&req.value)?;
	let text = key.clone();
	// The existence check and the write go together, one write at a time.
	let done = one_write(&s, move |s| async move {
		if !exists_on_chain(&s, &key_b).await? {
			return Err(ApiError::NotFound(format!(
				"no entry {text:?}: POST /v1/entries creates it"
			)));
		}
		Ok(s.node.chain().await?.register(&signer, &key_b, &value).await?)
	})
	.await?;
	Ok(JsonBody(included(done, json!({"key": key}))))
}

async fn delete_entry(
	State(s): State<Shared>,
	headers: HeaderMap,
	Path(key): Path<String>,
	Query(q): Query<KeyQuery>,
) -> ApiResult<JsonBody<Json>> {
	let signer = authorized(&s, &headers)?.clone();
	let key_b = key_bytes(&key, &q)?;
	let done =
		one_write(
			&s,
			move |s| async move { Ok(s.node.chain().await?.remove(&signer, &key_b).await?) },
		)
		.await?;
	Ok(JsonBody(included(done, json!({"key": key}))))
}

#[derive(Deserialize)]
struct StatusUpdate {
	status: String,
}

async fn set_status(
	State(s): State<Shared>,
	headers: HeaderMap,
	Path((ns, name)): Path<(String, String)>,
	raw: axum::body::Body,
) -> ApiResult<JsonBody<Json>> {
	let signer = authorized(&s, &headers)?;
	let name = package_name(&ns, &name)?;
	let req: StatusUpdate = body(&read_body(raw).await?)?;
	let variant = match req.status.as_str() {
		"active" => "Active",
		"maintenance" => "Maintenance",
		"inactive" => "Inactive",
		other =>
			return Err(ApiError::BadRequest(format!(
				"status must be active, maintenance or inactive (not {other:?})"
			))),
	};
	let signer = signer.clone();
	let package = name.clone().into_bytes();
	let done = one_write(&s, move |s| async move {
		let status = subxt::dynamic::Value::unnamed_variant(variant, []);
		Ok(s.node.chain().await?.submit(&signer, "set_package_status", (package, status)).await?)
	})
	.await?;
	Ok(JsonBody(included(done, json!({"name": name, "status": req.status}))))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn paging_bounds() {
		assert_eq!(paging(None, None).unwrap(), (1, 20, 0));
		assert_eq!(paging(Some("3"), Some("10")).unwrap(), (3, 10, 20));
		for (p, pp) in
			[(Some("0"), None), (None, Some("101")), (Some("x"), None), (Some("-1"), None)]
		{
			assert!(matches!(paging(p, pp), Err(ApiError::BadRequest(_))));
		}
	}

	/// The deadline answers 408 with the gateway's JSON error, not an empty body.
	#[tokio::test]
	async fn a_request_past_its_deadline_is_a_json_408() {
		use tower::ServiceExt;
		let slow = Router::new().route(
			"/",
			get(|| async {
				tokio::time::sleep(std::time::Duration::from_secs(5)).await;
				"late"
			}),
		);
		let limits =
			HttpLimits { request_timeout: std::time::Duration::from_millis(50), max_concurrent: 4 };
		let request = axum::http::Request::get("/").body(Body::empty()).unwrap();
		let answer = with_http_layers(slow, &limits).oneshot(request).await.unwrap();
		assert_eq!(answer.status(), StatusCode::REQUEST_TIMEOUT);
		let body = axum::body::to_bytes(answer.into_body(), 4096).await.unwrap();
		let json: Json = serde_json::from_slice(&body).unwrap();
		assert_eq!(json["error"], "Timeout");
	}

	#[tokio::test]
	async fn a_write_not_finalized_in_time_is_a_504_and_its_task_goes_on() {
		let (tx, rx) = tokio::sync::oneshot::channel::<()>();
		let task = tokio::spawn(async move {
			let _ = rx.await;
			Ok::<_, ApiError>(7)
		});
		let late = wait_write(std::time::Duration::from_millis(20), task).await;
		assert!(matches!(late, Err(ApiError::Timeout(_))));
		// The task was not cancelled: it still holds what it holds until its write ends.
		assert!(!tx.is_closed());
		let refused = wait_write(
			std::time::Duration::from_secs(5),
			tokio::spawn(async {
				Err::<(), _>(ApiError::from(ChainError::Dispatch(
					"ModuleRegistry::NotOwner".into(),
				)))
			}),
		)
		.await;
		assert!(matches!(refused, Err(ApiError::Refused(..))), "the pallet error still maps");
	}

	#[test]
	fn query_words_are_plain() {
		assert_eq!(query_words("Code-Review \"x\"* OR"), ["code", "review", "x", "or"]);
		assert_eq!(query_words(&"a ".repeat(40)).len(), MAX_SEARCH_WORDS);
	}

	#[test]
	fn keys_are_text_unless_hex_is_asked() {
		let text = KeyQuery { encoding: None };
		assert_eq!(key_bytes("0x41", &text).unwrap(), b"0x41");
		assert_eq!(key_bytes("0x41", &KeyQuery { encoding: Some("hex".into()) }).unwrap(), b"A");
		assert!(key_bytes(&"k".repeat(65), &text).is_err());
		assert!(key_bytes("zz", &KeyQuery { encoding: Some("hex".into()) }).is_err());
	}

	async fn body_json(response: Response) -> Json {
		let bytes = axum::body::to_bytes(response.into_body(), 1 << 16).await.unwrap();
		serde_json::from_slice(&bytes).expect("a JSON body")
	}

	#[tokio::test]
	async fn axum_rejections_become_json_errors() {
		// A query string that does not deserialize (a repeated field): axum's own plain-text 400.
		let uri: axum::http::Uri = "/v1/search?q=a&q=b".parse().unwrap();
		let Err(rejection) = Query::<SearchQuery>::try_from_uri(&uri) else {
			panic!("a repeated field is refused");
		};
		let rejection = rejection.into_response();
		assert!(!rejection.headers()[header::CONTENT_TYPE]
			.as_bytes()
			.starts_with(b"application/json"));
		let response = json_errors(rejection).await;
		assert_eq!(response.status(), StatusCode::BAD_REQUEST);
		let body = body_json(response).await;
		assert_eq!(body["error"], "BadRequest");
		assert!(body["message"].as_str().unwrap().contains("query string"), "{body}");

		// An empty 405 keeps its `Allow` header and gains a body.
		let mut empty = StatusCode::METHOD_NOT_ALLOWED.into_response();
		empty.headers_mut().insert(header::ALLOW, HeaderValue::from_static("GET,HEAD"));
		let response = json_errors(empty).await;
		assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
		assert_eq!(response.headers()[header::ALLOW], "GET,HEAD");
		let body = body_json(response).await;
		assert_eq!(body, json!({"error": "MethodNotAllowed", "message": "Method Not Allowed"}));

		// The gateway's own errors and successes pass through unchanged.
		let ours = json_errors(ApiError::Conflict("exists".into()).into_response()).await;
		assert_eq!(body_json(ours).await, json!({"error": "Conflict", "message": "exists"}));
		let ok = json_errors((StatusCode::OK, "text").into_response()).await;
		assert_eq!(ok.status(), StatusCode::OK);
	}

	#[test]
	fn pallet_errors_map_to_statuses() {
		assert_eq!(refusal_status("NotOwner"), StatusCode::FORBIDDEN);
		assert_eq!(refusal_status("UnknownPackage"), StatusCode::NOT_FOUND);
		assert_eq!(refusal_status("VersionExists"), StatusCode::CONFLICT);
		assert_eq!(refusal_status("InvalidJson"), StatusCode::UNPROCESSABLE_ENTITY);
		assert_eq!(
			pallet_error_name("Module error: ModuleRegistry::NotOwner: x"),
			Some("NotOwner")
		);
		assert_eq!(pallet_error_name("ModuleRegistry.InvalidJson"), Some("InvalidJson"));
		assert_eq!(pallet_error_name("nothing"), None);
	}
}
