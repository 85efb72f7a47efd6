//! The pinning off-chain worker.
//!
//! On every block, a node that holds a pinner key ([`KEY_TYPE`]) whose account is in
//! [`Pinners`](crate::Pinners) (the first such key in its keystore signs; a node with none does
//! no IPFS work and says so once in its log):
//! 1. unpins the CIDs this block announced as unreferenced ([`Event::CidUnreferenced`]);
//! 2. goes round-robin through [`PendingPins`](crate::PendingPins) from a cursor kept in
//!    off-chain local storage, taking up to `MaxPinsPerBlock` keys that are due (not backing
//!    off) and not held by another run (a local-storage lock per key), so no set of keys can
//!    starve the others;
//! 3. for each, calls the IPFS HTTP RPC (Kubo API, POST):
//!    `pin/add?arg=<cid>&recursive=true&progress=true`, then `block/get?arg=<cid>`, and checks
//!    that the sha2-256 of the root block equals the CID's digest;
//! 4. submits what it found as a [`PinReport`] signed by the pinner key, in an unsigned
//!    transaction calling `report_pin_status`.
//!
//! What counts against an entry:
//! - A pin still fetching when the request deadline (`IpfsTimeoutMs`) passes is progress, not
//!   failure: nothing is reported. The daemon keeps the blocks it fetched, so the next try
//!   continues where this one stopped. The key is tried again next block while the daemon's
//!   progress count grows, and otherwise after a back-off that doubles up to [`MAX_BACKOFF`]
//!   blocks (hours). Only when `PinHorizon` blocks have passed since the value was set does
//!   the worker report `Timeout`, which is final.
//! - A daemon that cannot be reached is this node's problem: nothing is reported, a warning is
//!   logged, and the worker tries again [`DOWN_RETRY`] blocks later.
//! - An error answer from the daemon (non-200, unreadable) is reported as `Failed`, and the key
//!   is retried with the same back-off.
//! - Bytes that do not match the CID (`HashMismatch`) and hashes the worker cannot check
//!   (`Unsupported`) are final at once.
//!
//! The IPFS endpoint is read on every run from the persistent off-chain local storage under
//! [`IPFS_API_STORAGE_KEY`]; the node's `--ipfs-api <url>` flag writes it, and so can the
//! `offchain_localStorageSet` RPC at run time. Without a value, [`DEFAULT_IPFS_API`] is used.

use crate::{
	pallet::{Call, Config, Event, Modules, Pallet, PendingPins, Pinners},
	types::{CidBytes, PinFailure, PinOutcome},
	validation::{cid_digest, cid_to_string, SHA2_256_CODE},
	KeyOf, ModuleInfoOf, PinReport,
};
use alloc::{format, string::String, vec::Vec};
use codec::{Decode, Encode};
use frame_support::traits::Get;
use frame_system::{
	offchain::{AppCrypto, ForAny, SendUnsignedTransaction, Signer},
	pallet_prelude::BlockNumberFor,
};
use sp_core::crypto::KeyTypeId;
use sp_runtime::{
	offchain::{
		http,
		storage::StorageValueRef,
		storage_lock::{BlockAndTime, StorageLock},
		Duration,
	},
	traits::{IdentifyAccount, Saturating, UniqueSaturatedInto},
	RuntimeAppPublic,
};

/// The key type of pinner keys: `mreg`.
pub const KEY_TYPE: KeyTypeId = KeyTypeId(*b"mreg");

/// Off-chain local storage key (persistent) of the IPFS API base URL.
pub const IPFS_API_STORAGE_KEY: &[u8] = b"module-registry::ipfs-api";

/// The IPFS API used when none is configured: Kubo's default RPC address.
pub const DEFAULT_IPFS_API: &str = "http://127.0.0.1:5001";

const LOCK_PREFIX: &[u8] = b"module-registry::lock::";
const RETRY_PREFIX: &[u8] = b"module-registry::retry::";
/// Off-chain local storage key of the round-robin cursor: the last key the worker looked at.
pub const CURSOR_KEY: &[u8] = b"module-registry::cursor";
const SIGNER_STATE_KEY: &[u8] = b"module-registry::has-pinner-key";
/// A lock expires after this many blocks or milliseconds, whichever is later, in case the
/// run that took it died. `integrity_test` checks it outlasts the requests for one key.
pub const LOCK_BLOCKS: u32 = 3;
/// See [`LOCK_BLOCKS`].
pub const LOCK_MILLIS: u64 = 30_000;
/// Blocks to wait for a report to be included before the key is looked at again.
pub const INCLUSION_WAIT: u32 = 2;
/// Blocks to wait after finding the daemon down.
pub const DOWN_RETRY: u32 = 2;
/// Longest back-off between tries of one key, in blocks: two hours of 6-second blocks.
pub const MAX_BACKOFF: u32 = 1_200;
/// Keys looked at per run, as a multiple of `MaxPinsPerBlock`, so that keys backing off or
/// locked by another run do not use up the batch.
const SCAN_FACTOR: usize = 4;
const LOG_TARGET: &str = "runtime::module-registry";

/// Pinner keys: sr25519, under [`KEY_TYPE`].
pub mod crypto {
	use super::KEY_TYPE;
	use sp_core::sr25519::{Public as Sr25519Public, Signature as Sr25519Signature};
	use sp_runtime::{
		app_crypto::{app_crypto, sr25519},
		traits::Verify,
		MultiSignature, MultiSigner,
	};
	app_crypto!(sr25519, KEY_TYPE);

	/// The `AppCrypto` of pinner keys, for runtimes with `MultiSignature` accounts.
	pub struct PinnerAuthId;

	impl frame_system::offchain::AppCrypto<MultiSigner, MultiSignature> for PinnerAuthId {
		type RuntimeAppPublic = Public;
		type GenericSignature = Sr25519Signature;
		type GenericPublic = Sr25519Public;
	}

	impl frame_system::offchain::AppCrypto<<Sr25519Signature as Verify>::Signer, Sr25519Signature>
		for PinnerAuthId
	{
		type RuntimeAppPublic = Public;
		type GenericSignature = Sr25519Signature;
		type GenericPublic = Sr25519Public;
	}
}

impl<T: Config> sp_runtime::BoundToRuntimeAppPublic for Pallet<T> {
	type Public = crypto::Public;
}

/// Why one IPFS request did not give an answer to check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
	/// The daemon cannot be reached: a problem of this node, not of the content. Nothing is
	/// reported on chain; the worker tries again after a short pause.
	DaemonDown,
	/// The deadline passed while the daemon was still working (fetching the DAG). Not a
	/// failure: `blocks` is the daemon's progress count, when it sends one.
	Fetching {
		/// Blocks the daemon said it had fetched (`progress=true`), or 0.
		blocks: u64,
	},
	/// A failure worth reporting.
	Failed(PinFailure),
}

impl From<PinFailure> for Fault {
	fn from(f: PinFailure) -> Self {
		Fault::Failed(f)
	}
}

/// The body of a POST to the IPFS RPC that answered 200, or why not. A deadline passed while
/// waiting or reading is [`Fault::Fetching`], with what the body held so far in `partial`.
fn ipfs_post(
	api: &str,
	path: &str,
	deadline: sp_core::offchain::Timestamp,
	partial: &mut Vec<u8>,
) -> Result<Vec<u8>, Fault> {
	let url = format!("{api}/api/v0/{path}");
	let pending = http::Request::post(&url, Vec::<&[u8]>::new())
		.deadline(deadline)
		.send()
		.map_err(|_| Fault::DaemonDown)?;
	let response = match pending.try_wait(deadline) {
		Err(_) | Ok(Err(http::Error::DeadlineReached)) => return Err(Fault::Fetching { blocks: 0 }),
		Ok(Err(_)) => return Err(Fault::DaemonDown),
		Ok(Ok(response)) => response,
	};
	if response.code != 200 {
		log::warn!(target: LOG_TARGET, "IPFS {path}: HTTP {}", response.code);
		return Err(PinFailure::HttpError.into());
	}
	let mut body = response.body();
	body.deadline(deadline);
	partial.extend(body.by_ref());
	match body.error() {
		None => Ok(core::mem::take(partial)),
		Some(sp_core::offchain::HttpError::DeadlineReached) => Err(Fault::Fetching { blocks: 0 }),
		Some(_) => Err(Fault::DaemonDown),
	}
}

/// One object of Kubo's `pin/add` answer: with `progress=true` it streams `{"Progress": n}`
/// objects before the final `{"Pins": [..]}`.
#[derive(serde::Deserialize)]
struct PinAddLine {
	#[serde(rename = "Pins", default)]
	pins: Option<Vec<String>>,
	#[serde(rename = "Progress", default)]
	progress: Option<u64>,
}

/// The last progress count in a (possibly cut-off) `pin/add` stream, and the final `Pins` list
/// if the stream got that far. `Err` when no line of it is a `pin/add` answer.
fn parse_pin_add(body: &[u8]) -> Result<(u64, Option<Vec<String>>), ()> {
	let mut progress = 0;
	let mut pins = None;
	let mut understood = false;
	for line in body.split(|b| *b == b'\n').filter(|l| !l.iter().all(u8::is_ascii_whitespace)) {
		let Ok(parsed) = serde_json::from_slice::<PinAddLine>(line) else { continue };
		understood |= parsed.pins.is_some() || parsed.progress.is_some();
		if let Some(p) = parsed.progress {
			progress = progress.max(p);
		}
		if parsed.pins.is_some() {
			pins = parsed.pins;
		}
	}
	if understood {
		Ok((progress, pins))
	} else {
		Err(())
	}
}

/// Pin `cid` on the daemon at `api` and check its root block. `Ok` is an outcome to report
/// (`Verified` or a failure); `Err` is a reason to come back later without reporting.
pub fn pin_and_verify(api: &str, cid: &[u8], timeout_ms: u64) -> Result<PinOutcome, Fault> {
	match try_pin_and_verify(api, cid, timeout_ms) {
		Ok(()) => Ok(PinOutcome::Verified),
		Err(Fault::Failed(reason)) => Ok(PinOutcome::Failed(reason)),
		Err(other) => Err(other),
	}
}

fn try_pin_and_verify(api: &str, cid: &[u8], timeout_ms: u64) -> Result<(), Fault> {
	let text = cid_to_string(cid).ok_or(PinFailure::Unsupported)?;
	let (code, digest) = cid_digest(cid).ok_or(PinFailure::Unsupported)?;
	let deadline = || sp_io::offchain::timestamp().add(Duration::from_millis(timeout_ms));

	let mut partial = Vec::new();
	let path = format!("pin/add?arg={text}&recursive=true&progress=true");
	let body = match ipfs_post(api, &path, deadline(), &mut partial) {
		Ok(body) => body,
		Err(Fault::Fetching { .. }) => {
			let blocks = parse_pin_add(&partial).map(|(p, _)| p).unwrap_or(0);
			return Err(Fault::Fetching { blocks });
		},
		Err(other) => return Err(other),
	};
	let (_, pins) = parse_pin_add(&body).map_err(|_| PinFailure::MalformedResponse)?;
	let pinned = pins
		.unwrap_or_default()
		.iter()
		.filter_map(|p| crate::validation::parse_cid(p).ok())
		.any(|p| p.as_slice() == cid);
	if !pinned {
		return Err(PinFailure::MalformedResponse.into());
	}
	if code != SHA2_256_CODE {
		return Err(PinFailure::Unsupported.into());
	}
	let block = ipfs_post(api, &format!("block/get?arg={text}"), deadline(), &mut Vec::new())?;
	if sp_io::hashing::sha2_256(&block).as_slice() == digest.as_slice() {
		Ok(())
	} else {
		Err(PinFailure::HashMismatch.into())
	}
}

/// What the worker remembers about one key between runs (off-chain local storage).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode)]
pub struct RetryState {
	/// The entry's `update_count` this is about; a new value starts afresh.
	pub update_count: u32,
	/// The entry's `updated` block this is about: an entry the admin sent back for
	/// re-verification (`force_reverify`, same `update_count`) starts afresh too.
	pub updated: u64,
	/// First block at which the key is due again.
	pub next: u64,
	/// Tries in a row that did not verify: the back-off doubles with each.
	pub streak: u32,
	/// The highest progress count the daemon reported for this key.
	pub blocks: u64,
}

/// The back-off after `streak` tries in a row that did not verify, in blocks.
pub fn backoff(streak: u32) -> u32 {
	2u32.saturating_pow(streak).clamp(1, MAX_BACKOFF)
}

/// The IPFS API base URL configured for this node.
pub fn ipfs_api() -> String {
	StorageValueRef::persistent(IPFS_API_STORAGE_KEY)
		.get::<Vec<u8>>()
		.ok()
		.flatten()
		.and_then(|raw| String::from_utf8(raw).ok())
		.unwrap_or_else(|| DEFAULT_IPFS_API.into())
}

impl<T: Config> Pallet<T> {
	/// One run of the worker for block `now`; see the module docs.
	pub fn run_pinning_worker(now: BlockNumberFor<T>) {
		let Some(signer) = Self::pinner_signer() else { return };
		let api = ipfs_api();
		Self::unpin_unreferenced(&api);

		let batch = T::MaxPinsPerBlock::get() as usize;
		let mut done = 0usize;
		let mut last_seen = None;
		for key in Self::round_robin(batch.saturating_mul(SCAN_FACTOR)) {
			if done >= batch {
				break;
			}
			last_seen = Some(key.clone());
			let Some(info) = Modules::<T>::get(&key).map(|record| record.info) else { continue };
			let Some(cid) = info.cid.clone() else { continue };
			let state =
				Self::retry_state(&key, info.update_count, info.updated.unique_saturated_into());
			let now_u64: u64 = now.unique_saturated_into();
			if now_u64 < state.next {
				continue;
			}
			let lock_key = [LOCK_PREFIX, key.as_slice()].concat();
			let mut lock =
				StorageLock::<BlockAndTime<frame_system::Pallet<T>>>::with_block_and_time_deadline(
					&lock_key,
					LOCK_BLOCKS,
					Duration::from_millis(LOCK_MILLIS),
				);
			let Ok(_guard) = lock.try_lock() else {
				log::debug!(target: LOG_TARGET, "{}: another run holds it", show(&key));
				continue;
			};
			done += 1;
			if !Self::try_key(&signer, &api, &key, &info, cid, state, now) {
				// The daemon is down for every key alike: stop this run.
				break;
			}
		}
		if let Some(key) = last_seen {
			StorageValueRef::persistent(CURSOR_KEY).set(&key.into_inner());
		}
	}

	/// Pin and check one key, report what is worth reporting, and schedule its next try.
	/// Returns false when the daemon could not be reached.
	fn try_key(
		signer: &Signer<T, T::AuthorityId, ForAny>,
		api: &str,
		key: &KeyOf<T>,
		info: &ModuleInfoOf<T>,
		cid: CidBytes,
		mut state: RetryState,
		now: BlockNumberFor<T>,
	) -> bool {
		let cid_text = cid_to_string(&cid).unwrap_or_default();
		let now_u64: u64 = now.unique_saturated_into();
		let outcome = match pin_and_verify(api, &cid, T::IpfsTimeoutMs::get()) {
			Ok(outcome) => outcome,
			Err(Fault::DaemonDown) => {
				log::warn!(
					target: LOG_TARGET,
					"IPFS API {} unreachable: is the daemon running? {} stays pending",
					redact(api),
					show(key)
				);
				state.next = now_u64.saturating_add(DOWN_RETRY.into());
				Self::set_retry_state(key, state);
				return false;
			},
			Err(Fault::Fetching { blocks }) => {
				let horizon = info.updated.saturating_add(T::PinHorizon::get().into());
				if now < horizon {
					let progressed = blocks > state.blocks;
					state.blocks = state.blocks.max(blocks);
					state.streak = if progressed { 0 } else { state.streak.saturating_add(1) };
					let wait = if progressed { 1 } else { backoff(state.streak) };
					log::info!(
						target: LOG_TARGET,
						"{}: {cid_text} still fetching ({blocks} blocks so far); next try in {wait} blocks",
						show(key)
					);
					state.next = now_u64.saturating_add(wait.into());
					Self::set_retry_state(key, state);
					return true;
				}
				PinOutcome::Failed(PinFailure::Timeout)
			},
			Err(Fault::Failed(reason)) => PinOutcome::Failed(reason),
		};
		match outcome {
			PinOutcome::Verified => log::info!(
				target: LOG_TARGET,
				"{}: {cid_text} pinned and verified via {}",
				show(key),
				redact(api)
			),
			PinOutcome::Failed(reason) => log::warn!(
				target: LOG_TARGET,
				"{}: {cid_text} failed ({reason:?}, attempt {}) via {}",
				show(key),
				info.pin_status.attempts().saturating_add(1),
				redact(api)
			),
		}
		Self::submit_report(signer, key, info, cid, outcome, now);
		let wait = match outcome {
			PinOutcome::Verified => INCLUSION_WAIT,
			PinOutcome::Failed(_) => {
				state.streak = state.streak.saturating_add(1);
				backoff(state.streak).max(INCLUSION_WAIT)
			},
		};
		state.next = now_u64.saturating_add(wait.into());
		Self::set_retry_state(key, state);
		true
	}

	/// The keys of [`PendingPins`] after the cursor, wrapping round to the start, at most
	/// `limit` of them and none twice.
	pub fn round_robin(limit: usize) -> Vec<KeyOf<T>> {
		let cursor = StorageValueRef::persistent(CURSOR_KEY)
			.get::<Vec<u8>>()
			.ok()
			.flatten()
			.and_then(|raw| KeyOf::<T>::try_from(raw).ok());
		let mut keys: Vec<KeyOf<T>> = Vec::new();
		if let Some(after) = &cursor {
			let from = PendingPins::<T>::hashed_key_for(after);
			keys.extend(PendingPins::<T>::iter_keys_from(from).take(limit));
		}
		for key in PendingPins::<T>::iter_keys() {
			if keys.len() >= limit || keys.contains(&key) {
				break;
			}
			keys.push(key);
		}
		keys
	}

	/// A signer for the first key in this node's keystore whose account is an authorised
	/// pinner, or `None` (logged once per change) when it has none.
	fn pinner_signer() -> Option<Signer<T, T::AuthorityId, ForAny>> {
		let pinners = Pinners::<T>::get();
		let ours: Vec<T::Public> =
			<T::AuthorityId as AppCrypto<T::Public, T::Signature>>::RuntimeAppPublic::all()
				.into_iter()
				.map(|key| {
					let generic: <T::AuthorityId as AppCrypto<T::Public, T::Signature>>::GenericPublic =
						key.into();
					generic.into()
				})
				.filter(|public: &T::Public| pinners.contains(&public.clone().into_account()))
				.take(1)
				.collect();
		let has = !ours.is_empty();
		let state = StorageValueRef::persistent(SIGNER_STATE_KEY);
		if state.get::<bool>().ok().flatten() != Some(has) {
			if has {
				log::info!(target: LOG_TARGET, "a pinner key is in the keystore: pinning");
			} else {
				log::info!(
					target: LOG_TARGET,
					"no key of type `mreg` in the keystore belongs to an authorised pinner: not pinning"
				);
			}
			state.set(&has);
		}
		has.then(|| Signer::<T, T::AuthorityId>::any_account().with_filter(ours))
	}

	fn submit_report(
		signer: &Signer<T, T::AuthorityId, ForAny>,
		key: &KeyOf<T>,
		info: &ModuleInfoOf<T>,
		cid: CidBytes,
		outcome: PinOutcome,
		now: BlockNumberFor<T>,
	) {
		let sent = signer.send_unsigned_transaction(
			|account| PinReport {
				key: key.clone(),
				update_count: info.update_count,
				attempt: info.pin_status.attempts(),
				cid: cid.clone(),
				outcome,
				block_number: now,
				public: account.public.clone(),
			},
			|report, signature| Call::report_pin_status { report, signature },
		);
		match sent {
			Some((_, Ok(()))) => {},
			Some((_, Err(()))) => {
				log::warn!(target: LOG_TARGET, "{}: the pool refused the report", show(key))
			},
			None => log::warn!(target: LOG_TARGET, "{}: no key could sign the report", show(key)),
		}
	}

	/// What the worker remembers about `key`, or a fresh state when that is about an older
	/// value (or unreadable).
	pub fn retry_state(key: &KeyOf<T>, update_count: u32, updated: u64) -> RetryState {
		StorageValueRef::persistent(&[RETRY_PREFIX, key.as_slice()].concat())
			.get::<RetryState>()
			.ok()
			.flatten()
			.filter(|s| s.update_count == update_count && s.updated == updated)
			.unwrap_or(RetryState { update_count, updated, ..Default::default() })
	}

	fn set_retry_state(key: &KeyOf<T>, state: RetryState) {
		StorageValueRef::persistent(&[RETRY_PREFIX, key.as_slice()].concat()).set(&state);
	}

	/// Unpin every CID this block announced as unreferenced. Best effort: a failure is logged,
	/// and the daemon's garbage collection never frees content that is still pinned elsewhere.
	fn unpin_unreferenced(api: &str) {
		for record in frame_system::Pallet::<T>::read_events_no_consensus() {
			let Ok(Event::<T>::CidUnreferenced { cid }) = record.event.try_into() else { continue };
			let Some(text) = cid_to_string(&cid) else { continue };
			let deadline =
				sp_io::offchain::timestamp().add(Duration::from_millis(T::IpfsTimeoutMs::get()));
			let path = format!("pin/rm?arg={text}&recursive=true");
			match ipfs_post(api, &path, deadline, &mut Vec::new()) {
				Ok(_) => log::info!(target: LOG_TARGET, "unpinned {text}: no entry refers to it"),
				Err(e) => log::warn!(target: LOG_TARGET, "could not unpin {text}: {e:?}"),
			}
		}
	}
}

/// `api` without any `user:password@` part, for log lines.
pub fn redact(api: &str) -> String {
	match api.split_once("://") {
		Some((scheme, rest)) => {
			match rest.split_once('/').map_or(rest, |(host, _)| host).rfind('@') {
				Some(at) => format!("{scheme}://***@{}", &rest[at + 1..]),
				None => api.into(),
			}
		},
		None => api.into(),
	}
}

/// A key for log lines: UTF-8 when it is, hex otherwise.
fn show(key: &[u8]) -> String {
	match core::str::from_utf8(key) {
		Ok(s) => format!("{s:?}"),
		Err(_) => format!("0x{}", key.iter().map(|b| format!("{b:02x}")).collect::<String>()),
	}
}
