//! The pinning off-chain worker.
//!
//! On every block, a node that holds a pinner key ([`KEY_TYPE`]) whose account is in
//! [`Pinners`](crate::Pinners):
//! 1. unpins the CIDs this block announced as unreferenced ([`Event::CidUnreferenced`]);
//! 2. takes up to `MaxPinsPerBlock` keys from [`PendingPins`](crate::PendingPins) that are due
//!    (not backing off after a failure) and not held by another run (a local-storage lock);
//! 3. for each, calls the IPFS HTTP RPC (Kubo API, POST): `pin/add?arg=<cid>&recursive=true`,
//!    then `block/get?arg=<cid>`, and checks that the sha2-256 of the root block equals the
//!    CID's digest. A CID whose hash is not sha2-256 is pinned and reported `Unsupported`;
//! 4. submits the outcome as a [`PinReport`] signed by the pinner key, in an unsigned
//!    transaction calling `report_pin_status`.
//!
//! Every request has a deadline of `IpfsTimeoutMs`. After a failure, the key is retried after
//! `2^attempts` blocks, until the chain records `MaxPinAttempts` failures. A daemon that cannot
//! be reached at all is this node's problem, not the content's: nothing is reported, a warning
//! is logged, and the worker tries again two blocks later, so entries verify once it is back.
//!
//! The IPFS endpoint is read on every run from the persistent off-chain local storage under
//! [`IPFS_API_STORAGE_KEY`]; the node's `--ipfs-api <url>` flag writes it, and so can the
//! `offchain_localStorageSet` RPC at run time. Without a value, [`DEFAULT_IPFS_API`] is used.

use crate::{
	pallet::{Call, Config, Event, Modules, Pallet, PendingPins},
	types::{CidBytes, PinFailure, PinOutcome, PinReport, PinStatus},
	validation::{cid_digest, cid_to_string, SHA2_256_CODE},
	KeyOf,
};
use alloc::{format, string::String, vec::Vec};
use frame_support::traits::Get;
use frame_system::{
	offchain::{SendUnsignedTransaction, Signer},
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
	traits::{Saturating, UniqueSaturatedInto},
};

/// The key type of pinner keys: `mreg`.
pub const KEY_TYPE: KeyTypeId = KeyTypeId(*b"mreg");

/// Off-chain local storage key (persistent) of the IPFS API base URL.
pub const IPFS_API_STORAGE_KEY: &[u8] = b"module-registry::ipfs-api";

/// The IPFS API used when none is configured: Kubo's default RPC address.
pub const DEFAULT_IPFS_API: &str = "http://127.0.0.1:5001";

const LOCK_PREFIX: &[u8] = b"module-registry::lock::";
const RETRY_PREFIX: &[u8] = b"module-registry::retry::";
/// A lock expires after this many blocks or milliseconds, whichever is later, in case the
/// run that took it died.
const LOCK_BLOCKS: u32 = 3;
const LOCK_MILLIS: u64 = 30_000;
/// Blocks to wait for a report to be included before the key is looked at again.
const INCLUSION_WAIT: u32 = 2;
/// Blocks to wait after finding the daemon down.
const DOWN_RETRY: u32 = 2;
/// Longest back-off between retries, in blocks.
const MAX_BACKOFF: u32 = 64;
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
	/// A failure that counts against the entry.
	Failed(PinFailure),
}

impl From<PinFailure> for Fault {
	fn from(f: PinFailure) -> Self {
		Fault::Failed(f)
	}
}

/// A POST to the IPFS RPC that answered 200, or why not.
fn ipfs_post(
	api: &str,
	path: &str,
	deadline: sp_core::offchain::Timestamp,
) -> Result<Vec<u8>, Fault> {
	let url = format!("{api}/api/v0/{path}");
	let pending = http::Request::post(&url, Vec::<&[u8]>::new())
		.deadline(deadline)
		.send()
		.map_err(|_| Fault::DaemonDown)?;
	let response = match pending.try_wait(deadline) {
		Err(_) => return Err(PinFailure::Timeout.into()),
		Ok(Err(http::Error::DeadlineReached)) => return Err(PinFailure::Timeout.into()),
		Ok(Err(_)) => return Err(Fault::DaemonDown),
		Ok(Ok(response)) => response,
	};
	if response.code != 200 {
		log::warn!(target: LOG_TARGET, "IPFS {path}: HTTP {}", response.code);
		return Err(PinFailure::HttpError.into());
	}
	let mut body = response.body();
	body.deadline(deadline);
	let bytes: Vec<u8> = body.by_ref().collect();
	match body.error() {
		None => Ok(bytes),
		Some(sp_core::offchain::HttpError::DeadlineReached) => Err(PinFailure::Timeout.into()),
		Some(_) => Err(Fault::DaemonDown),
	}
}

/// Kubo's answer to `pin/add`.
#[derive(serde::Deserialize)]
struct PinAddResponse {
	#[serde(rename = "Pins")]
	pins: Vec<String>,
}

/// Pin `cid` on the daemon at `api` and check its root block.
pub fn pin_and_verify(api: &str, cid: &[u8], timeout_ms: u64) -> Result<PinOutcome, Fault> {
	match try_pin_and_verify(api, cid, timeout_ms) {
		Ok(()) => Ok(PinOutcome::Verified),
		Err(Fault::Failed(reason)) => Ok(PinOutcome::Failed(reason)),
		Err(Fault::DaemonDown) => Err(Fault::DaemonDown),
	}
}

fn try_pin_and_verify(api: &str, cid: &[u8], timeout_ms: u64) -> Result<(), Fault> {
	let text = cid_to_string(cid).ok_or(PinFailure::Unsupported)?;
	let (code, digest) = cid_digest(cid).ok_or(PinFailure::Unsupported)?;
	let deadline = || sp_io::offchain::timestamp().add(Duration::from_millis(timeout_ms));

	let body = ipfs_post(api, &format!("pin/add?arg={text}&recursive=true"), deadline())?;
	let answer: PinAddResponse =
		serde_json::from_slice(&body).map_err(|_| PinFailure::MalformedResponse)?;
	let pinned = answer
		.pins
		.iter()
		.filter_map(|p| crate::validation::parse_cid(p).ok())
		.any(|p| p.as_slice() == cid);
	if !pinned {
		return Err(PinFailure::MalformedResponse.into());
	}
	if code != SHA2_256_CODE {
		return Err(PinFailure::Unsupported.into());
	}
	let block = ipfs_post(api, &format!("block/get?arg={text}"), deadline())?;
	if sp_io::hashing::sha2_256(&block).as_slice() == digest.as_slice() {
		Ok(())
	} else {
		Err(PinFailure::HashMismatch.into())
	}
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
		let signer = Signer::<T, T::AuthorityId>::any_account();
		if !signer.can_sign() {
			log::trace!(target: LOG_TARGET, "no pinner key in the keystore; not pinning");
			return;
		}
		let api = ipfs_api();
		Self::unpin_unreferenced(&api);

		let batch = T::MaxPinsPerBlock::get() as usize;
		let mut done = 0usize;
		// Look a little past the batch so locked or backing-off keys don't starve the rest.
		for key in PendingPins::<T>::iter_keys().take(batch.saturating_mul(4)) {
			if done >= batch {
				break;
			}
			let Some(info) = Modules::<T>::get(&key) else { continue };
			let Some(cid) = info.cid.clone() else { continue };
			if !Self::is_due(&key, info.update_count, now) {
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

			let outcome = match pin_and_verify(&api, &cid, T::IpfsTimeoutMs::get()) {
				Ok(outcome) => outcome,
				Err(_) => {
					log::warn!(
						target: LOG_TARGET,
						"IPFS API {api} unreachable: is the daemon running? {} stays pending",
						show(&key)
					);
					Self::set_retry(&key, info.update_count, now.saturating_add(DOWN_RETRY.into()));
					// The daemon is down for every key alike: stop this run.
					break;
				},
			};
			let previous = match info.pin_status {
				PinStatus::Failed { attempts, .. } => attempts,
				_ => 0,
			};
			match outcome {
				PinOutcome::Verified => log::info!(
					target: LOG_TARGET,
					"{}: {} pinned and verified via {api}",
					show(&key),
					cid_to_string(&cid).unwrap_or_default()
				),
				PinOutcome::Failed(reason) => log::warn!(
					target: LOG_TARGET,
					"{}: {} failed ({reason:?}, attempt {}) via {api}",
					show(&key),
					cid_to_string(&cid).unwrap_or_default(),
					previous + 1
				),
			}
			Self::submit_report(&signer, &key, info.update_count, cid, outcome, now);
			let wait = match outcome {
				PinOutcome::Verified => INCLUSION_WAIT,
				PinOutcome::Failed(_) => 2u32
					.saturating_pow(previous.saturating_add(1))
					.clamp(INCLUSION_WAIT, MAX_BACKOFF),
			};
			Self::set_retry(&key, info.update_count, now.saturating_add(wait.into()));
		}
	}

	fn submit_report(
		signer: &Signer<T, T::AuthorityId>,
		key: &KeyOf<T>,
		update_count: u32,
		cid: CidBytes,
		outcome: PinOutcome,
		now: BlockNumberFor<T>,
	) {
		let sent = signer.send_unsigned_transaction(
			|account| PinReport {
				key: key.to_vec(),
				update_count,
				cid: cid.clone(),
				outcome,
				block_number: now,
				public: account.public.clone(),
			},
			|report, signature| Call::report_pin_status { report, signature },
		);
		match sent {
			Some((_, Ok(()))) => {},
			Some((_, Err(()))) => log::warn!(
				target: LOG_TARGET,
				"{}: the pool refused the report (is this node's pinner account in the set?)",
				show(key)
			),
			None => log::warn!(target: LOG_TARGET, "{}: no key could sign the report", show(key)),
		}
	}

	/// Whether `key` at `update_count` may be looked at in block `now`.
	fn is_due(key: &KeyOf<T>, update_count: u32, now: BlockNumberFor<T>) -> bool {
		let store = StorageValueRef::persistent(&[RETRY_PREFIX, key.as_slice()].concat())
			.get::<(u32, u64)>();
		match store {
			Ok(Some((count, next))) if count == update_count => {
				let now: u64 = now.unique_saturated_into();
				now >= next
			},
			_ => true,
		}
	}

	fn set_retry(key: &KeyOf<T>, update_count: u32, next: BlockNumberFor<T>) {
		let next: u64 = next.unique_saturated_into();
		StorageValueRef::persistent(&[RETRY_PREFIX, key.as_slice()].concat())
			.set(&(update_count, next));
	}

	/// Unpin every CID this block announced as unreferenced. Best effort: a failure is logged,
	/// and the daemon's garbage collection never frees content that is still pinned elsewhere.
	fn unpin_unreferenced(api: &str) {
		for record in frame_system::Pallet::<T>::read_events_no_consensus() {
			let event = <<T as Config>::RuntimeEvent as From<_>>::from(record.event);
			let Ok(Event::<T>::CidUnreferenced { cid }) = event.try_into() else { continue };
			let Some(text) = cid_to_string(&cid) else { continue };
			let deadline =
				sp_io::offchain::timestamp().add(Duration::from_millis(T::IpfsTimeoutMs::get()));
			match ipfs_post(api, &format!("pin/rm?arg={text}&recursive=true"), deadline) {
				Ok(_) => log::info!(target: LOG_TARGET, "unpinned {text}: no entry refers to it"),
				Err(e) => log::warn!(target: LOG_TARGET, "could not unpin {text}: {e:?}"),
			}
		}
	}
}

/// A key for log lines: UTF-8 when it is, hex otherwise.
fn show(key: &[u8]) -> String {
	match core::str::from_utf8(key) {
		Ok(s) => format!("{s:?}"),
		Err(_) => format!("0x{}", key.iter().map(|b| format!("{b:02x}")).collect::<String>()),
	}
}
