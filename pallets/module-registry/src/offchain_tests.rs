//! Tests of the pinning off-chain worker and of pin-report validation.

// `ValidateUnsigned` is deprecated; see the note on the pallet module.
#![allow(deprecated)]

use crate::{
	mock::*, offchain, CidRefs, Error, Event, Modules, PendingPins, PinFailure, PinOutcome,
	PinReport, PinStatus,
};
use codec::{Decode, Encode};
use frame_support::{assert_noop, assert_ok, pallet_prelude::*};
use sp_core::{
	offchain::{
		testing::{self, OffchainState, PoolState},
		HttpError, HttpRequestId, HttpRequestStatus, OffchainDbExt, OffchainWorkerExt,
		OpaqueNetworkState, Timestamp, TransactionPoolExt,
	},
	OpaquePeerId,
};
use sp_runtime::{
	testing::{TestSignature, UintAuthorityId},
	traits::ValidateUnsigned,
	transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
};
use std::{collections::BTreeMap, sync::Arc};

type Shared<T> = Arc<parking_lot::RwLock<T>>;
type Report = PinReport<crate::KeyOf<Test>, UintAuthorityId, u64>;

/// How the fake daemon misbehaves for requests whose URI contains a pattern.
#[derive(Clone, Copy)]
enum Fault {
	Status(u16),
	Deadline,
	/// The answer starts (200 and what the body holds), then the deadline passes.
	BodyDeadline,
	Down,
}

/// `TestOffchainExt`, plus injected HTTP faults (it can only answer 200 by itself).
struct FaultyOffchain {
	inner: testing::TestOffchainExt,
	state: Shared<OffchainState>,
	faults: Shared<Vec<(&'static str, Fault)>>,
}

impl FaultyOffchain {
	fn fault_of(&self, id: HttpRequestId) -> Option<Fault> {
		let state = self.state.read();
		let uri = &state.requests.get(&id)?.uri;
		self.faults.read().iter().find(|(pattern, _)| uri.contains(pattern)).map(|(_, f)| *f)
	}
}

impl sp_core::offchain::Externalities for FaultyOffchain {
	fn is_validator(&self) -> bool {
		self.inner.is_validator()
	}
	fn network_state(&self) -> Result<OpaqueNetworkState, ()> {
		self.inner.network_state()
	}
	fn timestamp(&mut self) -> Timestamp {
		self.inner.timestamp()
	}
	fn sleep_until(&mut self, deadline: Timestamp) {
		self.inner.sleep_until(deadline)
	}
	fn random_seed(&mut self) -> [u8; 32] {
		self.inner.random_seed()
	}
	fn http_request_start(
		&mut self,
		method: &str,
		uri: &str,
		meta: &[u8],
	) -> Result<HttpRequestId, ()> {
		self.inner.http_request_start(method, uri, meta)
	}
	fn http_request_add_header(
		&mut self,
		id: HttpRequestId,
		name: &str,
		value: &str,
	) -> Result<(), ()> {
		self.inner.http_request_add_header(id, name, value)
	}
	fn http_request_write_body(
		&mut self,
		id: HttpRequestId,
		chunk: &[u8],
		deadline: Option<Timestamp>,
	) -> Result<(), HttpError> {
		self.inner.http_request_write_body(id, chunk, deadline)
	}
	fn http_response_wait(
		&mut self,
		ids: &[HttpRequestId],
		deadline: Option<Timestamp>,
	) -> Vec<HttpRequestStatus> {
		let normal = self.inner.http_response_wait(ids, deadline);
		ids.iter()
			.zip(normal)
			.map(|(id, status)| match self.fault_of(*id) {
				Some(Fault::Status(code)) => HttpRequestStatus::Finished(code),
				Some(Fault::Deadline) => HttpRequestStatus::DeadlineReached,
				Some(Fault::BodyDeadline) => status,
				Some(Fault::Down) => HttpRequestStatus::IoError,
				None => status,
			})
			.collect()
	}
	fn http_response_headers(&mut self, id: HttpRequestId) -> Vec<(Vec<u8>, Vec<u8>)> {
		self.inner.http_response_headers(id)
	}
	fn http_response_read_body(
		&mut self,
		id: HttpRequestId,
		buffer: &mut [u8],
		deadline: Option<Timestamp>,
	) -> Result<usize, HttpError> {
		let fault = self.fault_of(id);
		match self.inner.http_response_read_body(id, buffer, deadline) {
			Ok(0) if matches!(fault, Some(Fault::BodyDeadline)) => Err(HttpError::DeadlineReached),
			other => other,
		}
	}
	fn set_authorized_nodes(&mut self, nodes: Vec<OpaquePeerId>, authorized_only: bool) {
		self.inner.set_authorized_nodes(nodes, authorized_only)
	}
}

struct World {
	ext: TestExt,
	offchain: Shared<OffchainState>,
	pool: Shared<PoolState>,
	faults: Shared<Vec<(&'static str, Fault)>>,
}

fn world(faults: Vec<(&'static str, Fault)>) -> World {
	let (inner, offchain) = testing::TestOffchainExt::new();
	let (pool_ext, pool) = testing::TestTransactionPoolExt::new();
	let faults = Arc::new(parking_lot::RwLock::new(faults));
	let mut ext = new_test_ext();
	ext.register_extension(OffchainDbExt::new(inner.clone()));
	ext.register_extension(OffchainWorkerExt::new(FaultyOffchain {
		inner,
		state: offchain.clone(),
		faults: faults.clone(),
	}));
	ext.register_extension(TransactionPoolExt::new(pool_ext));
	UintAuthorityId::set_all_keys(vec![PINNER]);
	World { ext, offchain, pool, faults }
}

/// A raw-codec CIDv1 (single block) of `content` hashed with multihash `code`.
fn raw_cid(content: &[u8], code: u64) -> String {
	let digest = match code {
		0x12 => sp_io::hashing::sha2_256(content).to_vec(),
		_ => sp_io::hashing::blake2_256(content).to_vec(),
	};
	let mh = cid::multihash::Multihash::<64>::wrap(code, &digest).unwrap();
	cid::Cid::new_v1(0x55, mh).to_string()
}

fn expect(offchain: &Shared<OffchainState>, path: &str, response: &[u8]) {
	offchain.write().expect_request(testing::PendingRequest {
		method: "POST".into(),
		uri: format!("{}/api/v0/{path}", offchain::DEFAULT_IPFS_API),
		response: Some(response.to_vec()),
		sent: true,
		..Default::default()
	});
}

fn pins(cid: &str) -> Vec<u8> {
	format!(r#"{{"Pins":["{cid}"]}}"#).into_bytes()
}

/// The reports the worker put in the pool.
fn submitted(pool: &Shared<PoolState>) -> Vec<(Report, TestSignature)> {
	pool.read()
		.transactions
		.iter()
		.map(|raw| {
			let xt = Extrinsic::decode(&mut &raw[..]).unwrap();
			match xt.function {
				RuntimeCall::ModuleRegistry(crate::Call::report_pin_status {
					report,
					signature,
				}) => (report, signature),
				other => panic!("unexpected call {other:?}"),
			}
		})
		.collect()
}

fn validate(
	report: &Report,
	signature: &TestSignature,
) -> Result<frame_support::pallet_prelude::ValidTransaction, TransactionValidityError> {
	let call =
		crate::Call::report_pin_status { report: report.clone(), signature: signature.clone() };
	<ModuleRegistry as ValidateUnsigned>::validate_unsigned(TransactionSource::Local, &call)
}

fn apply(report: Report, signature: TestSignature) -> DispatchResult {
	validate(&report, &signature).map_err(|_| DispatchError::Other("invalid"))?;
	ModuleRegistry::report_pin_status(RuntimeOrigin::none(), report, signature)
}

fn register(who: u64, key: &str, value: &str) {
	assert_ok!(ModuleRegistry::register_module(
		RuntimeOrigin::signed(who),
		key.as_bytes().to_vec(),
		value.as_bytes().to_vec()
	));
}

fn status(key: &str) -> PinStatus<u64, u64> {
	Modules::<Test>::get(crate::KeyOf::<Test>::try_from(key.as_bytes().to_vec()).unwrap())
		.map(|r| r.info)
		.unwrap()
		.pin_status
}

/// Runs the worker once for a CID whose daemon answers `pin/add` with `pin_body` and
/// `block/get` with `block` (when given); returns the one outcome reported.
fn outcome_for(
	cid: &str,
	faults: Vec<(&'static str, Fault)>,
	pin_body: Option<Vec<u8>>,
	block: Option<&[u8]>,
) -> PinOutcome {
	let mut w = world(faults);
	let pool = w.pool.clone();
	let offchain = w.offchain.clone();
	w.ext.execute_with(|| {
		register(ALICE, "k", cid);
		expect(
			&offchain,
			&format!("pin/add?arg={cid}&recursive=true&progress=true"),
			&pin_body.unwrap_or_else(|| pins(cid)),
		);
		if let Some(block) = block {
			expect(&offchain, &format!("block/get?arg={cid}"), block);
		}
		ModuleRegistry::run_pinning_worker(1);
		let reports = submitted(&pool);
		assert_eq!(reports.len(), 1);
		reports[0].0.outcome
	})
}

#[test]
fn verified_content_is_reported_and_recorded() {
	let content = b"module bytes";
	let cid = raw_cid(content, 0x12);
	let mut w = world(vec![]);
	let pool = w.pool.clone();
	let offchain = w.offchain.clone();
	w.ext.execute_with(|| {
		register(ALICE, "k", &cid);
		assert_eq!(status("k"), PinStatus::Pending);
		expect(&offchain, &format!("pin/add?arg={cid}&recursive=true&progress=true"), &pins(&cid));
		expect(&offchain, &format!("block/get?arg={cid}"), content);
		ModuleRegistry::run_pinning_worker(1);

		let reports = submitted(&pool);
		assert_eq!(reports.len(), 1);
		let (report, signature) = reports[0].clone();
		assert_eq!(report.outcome, PinOutcome::Verified);
		assert_eq!(report.public, UintAuthorityId(PINNER));
		assert_ok!(apply(report, signature));
		assert_eq!(status("k"), PinStatus::Verified { at: 1, by: PINNER });
		assert!(PendingPins::<Test>::iter_keys().next().is_none());
		assert!(System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::ModuleRegistry(Event::PinVerified { by: PINNER, .. })
		)));
	});
}

#[test]
fn json_metadata_cid_is_pinned_too() {
	let content = b"weights";
	let cid = raw_cid(content, 0x12);
	let mut w = world(vec![]);
	let pool = w.pool.clone();
	let offchain = w.offchain.clone();
	w.ext.execute_with(|| {
		register(ALICE, "meta", &format!(r#"{{"name":"m","cid":"{cid}"}}"#));
		expect(&offchain, &format!("pin/add?arg={cid}&recursive=true&progress=true"), &pins(&cid));
		expect(&offchain, &format!("block/get?arg={cid}"), content);
		ModuleRegistry::run_pinning_worker(1);
		assert_eq!(submitted(&pool)[0].0.outcome, PinOutcome::Verified);
	});
}

#[test]
fn bytes_that_do_not_match_the_cid_are_a_hash_mismatch() {
	let cid = raw_cid(b"the real content", 0x12);
	let outcome = outcome_for(&cid, vec![], None, Some(b"something else"));
	assert_eq!(outcome, PinOutcome::Failed(PinFailure::HashMismatch));
}

#[test]
fn http_500_is_an_http_error() {
	let cid = raw_cid(b"x", 0x12);
	let outcome = outcome_for(&cid, vec![("pin/add", Fault::Status(500))], None, None);
	assert_eq!(outcome, PinOutcome::Failed(PinFailure::HttpError));
}

#[test]
fn a_pin_still_fetching_is_not_reported_and_is_tried_again_with_a_back_off() {
	let content = b"late content";
	let cid = raw_cid(content, 0x12);
	let mut w = world(vec![("pin/add", Fault::Deadline)]);
	let (pool, offchain, faults) = (w.pool.clone(), w.offchain.clone(), w.faults.clone());
	w.ext.execute_with(|| {
		register(ALICE, "k", &cid);
		let pin_path = format!("pin/add?arg={cid}&recursive=true&progress=true");
		// Block 1: the daemon is still looking for the content. Nothing is reported.
		expect(&offchain, &pin_path, b"");
		ModuleRegistry::run_pinning_worker(1);
		assert!(submitted(&pool).is_empty());
		assert_eq!(status("k"), PinStatus::Pending);
		let key = crate::KeyOf::<Test>::try_from(b"k".to_vec()).unwrap();
		let state = ModuleRegistry::retry_state(&key, 0, 1);
		assert_eq!((state.streak, state.next), (1, 1 + u64::from(offchain::backoff(1))));
		// Not due in block 2 (an unexpected request would panic)...
		ModuleRegistry::run_pinning_worker(2);
		// ...but in block 3 it is; still nothing, so the back-off doubles.
		expect(&offchain, &pin_path, b"");
		ModuleRegistry::run_pinning_worker(3);
		assert_eq!(
			ModuleRegistry::retry_state(&key, 0, 1).next,
			3 + u64::from(offchain::backoff(2))
		);
		// The content arrives: the next due try verifies it.
		faults.write().clear();
		expect(&offchain, &pin_path, &pins(&cid));
		expect(&offchain, &format!("block/get?arg={cid}"), content);
		ModuleRegistry::run_pinning_worker(7);
		assert_eq!(submitted(&pool)[0].0.outcome, PinOutcome::Verified);
	});
}

#[test]
fn a_growing_progress_count_is_tried_again_next_block() {
	let cid = raw_cid(b"big", 0x12);
	let mut w = world(vec![("pin/add", Fault::BodyDeadline)]);
	let (pool, offchain) = (w.pool.clone(), w.offchain.clone());
	w.ext.execute_with(|| {
		register(ALICE, "k", &cid);
		let key = crate::KeyOf::<Test>::try_from(b"k".to_vec()).unwrap();
		let pin_path = format!("pin/add?arg={cid}&recursive=true&progress=true");
		for (block, fetched) in [(1u64, 10u64), (2, 25), (3, 40)] {
			let body = format!("{{\"Progress\":{}}}\n{{\"Progress\":{fetched}}}\n", fetched / 2);
			expect(&offchain, &pin_path, body.as_bytes());
			ModuleRegistry::run_pinning_worker(block);
			let state = ModuleRegistry::retry_state(&key, 0, 1);
			assert_eq!((state.blocks, state.streak, state.next), (fetched, 0, block + 1));
		}
		assert!(submitted(&pool).is_empty());
	});
}

#[test]
fn content_that_never_arrives_is_rejected_only_after_the_horizon() {
	let cid = raw_cid(b"nowhere", 0x12);
	let mut w = world(vec![("pin/add", Fault::Deadline)]);
	let (pool, offchain) = (w.pool.clone(), w.offchain.clone());
	w.ext.execute_with(|| {
		register(ALICE, "k", &cid);
		// A Timeout report before the horizon is refused in the pool and in dispatch.
		let early = report_for("k", PinOutcome::Failed(PinFailure::Timeout), PINNER);
		assert_eq!(
			validate(&early, &sign(&early)),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(
				crate::REPORT_TOO_EARLY
			)))
		);
		assert_noop!(
			ModuleRegistry::report_pin_status(RuntimeOrigin::none(), early.clone(), sign(&early)),
			Error::<Test>::ReportTooEarly
		);
		// Past the horizon the worker reports it, and the chain makes it final.
		let late = 1 + u64::from(PIN_HORIZON);
		System::set_block_number(late);
		expect(&offchain, &format!("pin/add?arg={cid}&recursive=true&progress=true"), b"");
		ModuleRegistry::run_pinning_worker(late);
		let (report, signature) = submitted(&pool)[0].clone();
		assert_eq!(report.outcome, PinOutcome::Failed(PinFailure::Timeout));
		assert_ok!(apply(report, signature));
		assert_eq!(status("k"), PinStatus::Rejected { reason: PinFailure::Timeout, at: late });
		assert!(PendingPins::<Test>::iter_keys().next().is_none());
	});
}

#[test]
fn a_daemon_that_is_down_reports_nothing_and_retries_soon() {
	let content = b"x";
	let cid = raw_cid(content, 0x12);
	let mut w = world(vec![("pin/add", Fault::Down)]);
	let (pool, offchain, faults) = (w.pool.clone(), w.offchain.clone(), w.faults.clone());
	w.ext.execute_with(|| {
		register(ALICE, "k", &cid);
		expect(&offchain, &format!("pin/add?arg={cid}&recursive=true&progress=true"), &pins(&cid));
		ModuleRegistry::run_pinning_worker(1);
		// Nothing on chain: the entry is not blamed for this node's daemon.
		assert!(submitted(&pool).is_empty());
		assert_eq!(status("k"), PinStatus::Pending);
		// Not due again in the next block (no request is expected, so one would panic)...
		ModuleRegistry::run_pinning_worker(2);
		// ...but two blocks later, with the daemon back, it verifies.
		faults.write().clear();
		expect(&offchain, &format!("pin/add?arg={cid}&recursive=true&progress=true"), &pins(&cid));
		expect(&offchain, &format!("block/get?arg={cid}"), content);
		ModuleRegistry::run_pinning_worker(3);
		assert_eq!(submitted(&pool)[0].0.outcome, PinOutcome::Verified);
	});
}

#[test]
fn a_malformed_answer_is_reported_as_such() {
	let cid = raw_cid(b"x", 0x12);
	let outcome = outcome_for(&cid, vec![], Some(b"<html>oops".to_vec()), None);
	assert_eq!(outcome, PinOutcome::Failed(PinFailure::MalformedResponse));
	// Valid JSON that does not name the CID is malformed too.
	let outcome = outcome_for(&cid, vec![], Some(br#"{"Pins":[]}"#.to_vec()), None);
	assert_eq!(outcome, PinOutcome::Failed(PinFailure::MalformedResponse));
}

#[test]
fn a_hash_other_than_sha2_256_is_unsupported() {
	// blake2b-256 (0xb220): pinned, but the worker cannot check it, so it says so.
	let cid = raw_cid(b"x", 0xb220);
	let outcome = outcome_for(&cid, vec![], None, None);
	assert_eq!(outcome, PinOutcome::Failed(PinFailure::Unsupported));
}

#[test]
fn transient_failures_are_counted_and_retried_and_conclusive_ones_are_final() {
	new_test_ext().execute_with(|| {
		let cid = raw_cid(b"flaky", 0x12);
		register(ALICE, "k", &cid);
		let key = crate::KeyOf::<Test>::try_from(b"k".to_vec()).unwrap();
		// Transient failures: counted, never final (one per block, as a worker sends them).
		for attempt in 1..=5u32 {
			System::set_block_number(attempt.into());
			let report = report_for("k", PinOutcome::Failed(PinFailure::HttpError), PINNER);
			assert_eq!(report.attempt, attempt - 1);
			assert_ok!(apply(report.clone(), sign(&report)));
			assert_eq!(
				status("k"),
				PinStatus::Failed { reason: PinFailure::HttpError, attempts: attempt }
			);
			assert!(PendingPins::<Test>::contains_key(&key));
		}
		// Bytes that do not match the CID: final at once.
		System::set_block_number(6);
		let report = report_for("k", PinOutcome::Failed(PinFailure::HashMismatch), PINNER);
		assert_ok!(apply(report.clone(), sign(&report)));
		assert_eq!(status("k"), PinStatus::Rejected { reason: PinFailure::HashMismatch, at: 6 });
		System::assert_last_event(
			Event::PinFailed {
				key: key.clone(),
				cid: Modules::<Test>::get(&key).map(|r| r.info).unwrap().cid.unwrap(),
				reason: PinFailure::HashMismatch,
				attempts: 6,
				will_retry: false,
			}
			.into(),
		);
		// A further report is not needed...
		assert_noop!(
			ModuleRegistry::report_pin_status(
				RuntimeOrigin::none(),
				report_for("k", PinOutcome::Verified, PINNER),
				TestSignature(PINNER, vec![])
			),
			Error::<Test>::ReportNotNeeded
		);
		// ...until the owner updates the value, which starts over.
		register(ALICE, "k", &raw_cid(b"elsewhere", 0x12));
		assert_eq!(status("k"), PinStatus::Pending);
		assert!(PendingPins::<Test>::contains_key(&key));
	});
}

#[test]
fn an_applied_report_cannot_be_replayed_in_the_same_block() {
	new_test_ext().execute_with(|| {
		register(ALICE, "k", &raw_cid(b"x", 0x12));
		let report = report_for("k", PinOutcome::Failed(PinFailure::HttpError), PINNER);
		let signature = sign(&report);
		assert_ok!(apply(report.clone(), signature.clone()));
		assert_eq!(
			validate(&report, &signature),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Stale))
		);
		assert_noop!(
			ModuleRegistry::report_pin_status(RuntimeOrigin::none(), report, signature),
			Error::<Test>::StaleReport
		);
		assert_eq!(status("k"), PinStatus::Failed { reason: PinFailure::HttpError, attempts: 1 });
	});
}

#[test]
fn an_applied_report_cannot_be_replayed_in_a_later_block_or_re_encoded() {
	new_test_ext().execute_with(|| {
		register(ALICE, "k", &raw_cid(b"x", 0x12));
		let report = report_for("k", PinOutcome::Failed(PinFailure::HttpError), PINNER);
		let signature = sign(&report);
		assert_ok!(apply(report.clone(), signature.clone()));
		// The call as an attacker would send it again: decoded from its bytes, wrapped in a new
		// extrinsic. Validity depends on the call only, whatever the extrinsic's encoding.
		let call = RuntimeCall::ModuleRegistry(crate::Call::report_pin_status {
			report: report.clone(),
			signature: signature.clone(),
		});
		let copy = Extrinsic::new_bare(RuntimeCall::decode(&mut &call.encode()[..]).unwrap());
		let RuntimeCall::ModuleRegistry(crate::Call::report_pin_status {
			report: again,
			signature: again_sig,
		}) = copy.function
		else {
			panic!("not a report");
		};
		for block in [2, 3, 1 + u64::from(REPORT_WINDOW)] {
			System::set_block_number(block);
			assert_eq!(
				validate(&again, &again_sig),
				Err(TransactionValidityError::Invalid(InvalidTransaction::Stale))
			);
			assert_noop!(
				ModuleRegistry::report_pin_status(
					RuntimeOrigin::none(),
					again.clone(),
					again_sig.clone()
				),
				Error::<Test>::StaleReport
			);
		}
		assert_eq!(status("k").attempts(), 1);
	});
}

#[test]
fn a_report_cannot_be_replayed_after_verified() {
	new_test_ext().execute_with(|| {
		register(ALICE, "k", &raw_cid(b"x", 0x12));
		let failed = report_for("k", PinOutcome::Failed(PinFailure::HttpError), PINNER);
		let verified = report_for("k", PinOutcome::Verified, PINNER);
		assert_ok!(apply(verified.clone(), sign(&verified)));
		for report in [failed, verified] {
			assert_eq!(
				validate(&report, &sign(&report)),
				Err(TransactionValidityError::Invalid(InvalidTransaction::Stale))
			);
			assert_noop!(
				ModuleRegistry::report_pin_status(
					RuntimeOrigin::none(),
					report.clone(),
					sign(&report)
				),
				Error::<Test>::ReportNotNeeded
			);
		}
		assert_eq!(status("k"), PinStatus::Verified { at: 1, by: PINNER });
	});
}

#[test]
fn a_kept_report_expires_after_its_window() {
	new_test_ext().execute_with(|| {
		register(ALICE, "k", &raw_cid(b"x", 0x12));
		let report = report_for("k", PinOutcome::Failed(PinFailure::HttpError), PINNER);
		let expires = 1 + u64::from(REPORT_WINDOW);
		System::set_block_number(expires);
		let valid = validate(&report, &sign(&report)).unwrap();
		assert_eq!(valid.longevity, 1);
		System::set_block_number(expires + 1);
		assert_eq!(
			validate(&report, &sign(&report)),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Stale))
		);
		assert_noop!(
			ModuleRegistry::report_pin_status(RuntimeOrigin::none(), report.clone(), sign(&report)),
			Error::<Test>::ReportExpired
		);
		// A report from a block that has not happened is refused too.
		let mut future = report;
		future.block_number = expires + 5;
		assert_eq!(
			validate(&future, &sign(&future)),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Future))
		);
	});
}

#[test]
fn a_report_about_an_earlier_registration_of_the_key_is_stale() {
	new_test_ext().execute_with(|| {
		let cid = raw_cid(b"x", 0x12);
		register(ALICE, "k", &cid);
		let old = report_for("k", PinOutcome::Failed(PinFailure::HttpError), PINNER);
		// The key is removed and registered again, same CID, update_count 0 and attempt 0.
		System::set_block_number(2);
		assert_ok!(ModuleRegistry::remove_module(RuntimeOrigin::signed(ALICE), b"k".to_vec()));
		register(ALICE, "k", &cid);
		assert_eq!(
			validate(&old, &sign(&old)),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Stale))
		);
		assert_noop!(
			ModuleRegistry::report_pin_status(RuntimeOrigin::none(), old.clone(), sign(&old)),
			Error::<Test>::StaleReport
		);
	});
}

#[test]
fn an_oversized_report_key_does_not_decode() {
	new_test_ext().execute_with(|| {
		register(ALICE, "k", &raw_cid(b"x", 0x12));
		let report = report_for("k", PinOutcome::Verified, PINNER);
		// The same report with a key one byte over MaxKeyLength, encoded by hand.
		let mut raw = vec![b'a'; MAX_KEY as usize + 1].encode();
		raw.extend_from_slice(&report.encode()[report.key.encode().len()..]);
		assert!(Report::decode(&mut &raw[..]).is_err());
		let mut at_limit = vec![b'a'; MAX_KEY as usize].encode();
		at_limit.extend_from_slice(&report.encode()[report.key.encode().len()..]);
		assert!(Report::decode(&mut &at_limit[..]).is_ok());
	});
}

/// A report about the current value of `key`, signed (in the test scheme) by `by`.
fn report_for(key: &str, outcome: PinOutcome, by: u64) -> Report {
	let info =
		Modules::<Test>::get(crate::KeyOf::<Test>::try_from(key.as_bytes().to_vec()).unwrap())
			.map(|r| r.info)
			.unwrap();
	PinReport {
		key: key.as_bytes().to_vec().try_into().unwrap(),
		update_count: info.update_count,
		attempt: info.pin_status.attempts(),
		cid: info.cid.unwrap(),
		outcome,
		block_number: System::block_number(),
		public: UintAuthorityId(by),
	}
}

fn sign(report: &Report) -> TestSignature {
	TestSignature(report.public.0, report.encode())
}

#[test]
fn reports_from_outside_the_pinner_set_are_refused() {
	new_test_ext().execute_with(|| {
		register(ALICE, "k", &raw_cid(b"x", 0x12));
		let report = report_for("k", PinOutcome::Verified, BOB);
		assert_eq!(
			validate(&report, &sign(&report)),
			Err(TransactionValidityError::Invalid(InvalidTransaction::BadSigner))
		);
		assert_noop!(
			ModuleRegistry::report_pin_status(RuntimeOrigin::none(), report.clone(), sign(&report)),
			Error::<Test>::NotPinner
		);
		// Root adds Bob; now his report is accepted.
		assert_ok!(ModuleRegistry::add_pinner(RuntimeOrigin::root(), BOB));
		assert_ok!(apply(report.clone(), sign(&report)));
	});
}

#[test]
fn a_bad_signature_is_refused() {
	new_test_ext().execute_with(|| {
		register(ALICE, "k", &raw_cid(b"x", 0x12));
		let report = report_for("k", PinOutcome::Verified, PINNER);
		let forged = TestSignature(PINNER, b"another payload".to_vec());
		assert_eq!(
			validate(&report, &forged),
			Err(TransactionValidityError::Invalid(InvalidTransaction::BadProof))
		);
	});
}

#[test]
fn stale_reports_are_refused() {
	new_test_ext().execute_with(|| {
		register(ALICE, "k", &raw_cid(b"first", 0x12));
		let report = report_for("k", PinOutcome::Verified, PINNER);
		// The owner updates the value before the report lands.
		register(ALICE, "k", &raw_cid(b"second", 0x12));
		assert_eq!(
			validate(&report, &sign(&report)),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Stale))
		);
		assert_noop!(
			ModuleRegistry::report_pin_status(RuntimeOrigin::none(), report.clone(), sign(&report)),
			Error::<Test>::StaleReport
		);
		assert_eq!(status("k"), PinStatus::Pending);
	});
}

#[test]
fn at_most_one_report_per_attempt_fits_in_the_pool() {
	new_test_ext().execute_with(|| {
		register(ALICE, "k", &raw_cid(b"x", 0x12));
		assert_ok!(ModuleRegistry::add_pinner(RuntimeOrigin::root(), BOB));
		let a = report_for("k", PinOutcome::Verified, PINNER);
		let b = report_for("k", PinOutcome::Failed(PinFailure::HttpError), BOB);
		let va = validate(&a, &sign(&a)).unwrap();
		let vb = validate(&b, &sign(&b)).unwrap();
		// Same tag: the pool keeps one of them.
		assert_eq!(va.provides, vb.provides);
		register(ALICE, "other", &raw_cid(b"y", 0x12));
		let c = report_for("other", PinOutcome::Verified, PINNER);
		assert_ne!(validate(&c, &sign(&c)).unwrap().provides, va.provides);
	});
}

/// With only `keys` in the keystore, a run does no IPFS work (any request would panic) and
/// reports nothing.
fn assert_no_work_with_keys(keys: Vec<u64>) {
	let mut w = world(vec![]);
	UintAuthorityId::set_all_keys(keys);
	let pool = w.pool.clone();
	w.ext.execute_with(|| {
		register(ALICE, "k", &raw_cid(b"x", 0x12));
		ModuleRegistry::run_pinning_worker(1);
		assert!(submitted(&pool).is_empty());
	});
}

#[test]
fn a_node_whose_keys_are_not_pinners_does_nothing() {
	// Bob's key is in the keystore, but Bob is not in the pinner set.
	assert_no_work_with_keys(vec![BOB]);
}

#[test]
fn the_pinner_key_signs_when_other_keys_come_first() {
	let content = b"c";
	let cid = raw_cid(content, 0x12);
	let mut w = world(vec![]);
	UintAuthorityId::set_all_keys(vec![BOB, PINNER]);
	let (pool, offchain) = (w.pool.clone(), w.offchain.clone());
	w.ext.execute_with(|| {
		register(ALICE, "k", &cid);
		expect(&offchain, &format!("pin/add?arg={cid}&recursive=true&progress=true"), &pins(&cid));
		expect(&offchain, &format!("block/get?arg={cid}"), content);
		ModuleRegistry::run_pinning_worker(1);
		let reports = submitted(&pool);
		assert_eq!(reports.len(), 1);
		assert_eq!(reports[0].0.public, UintAuthorityId(PINNER));
	});
}

#[test]
fn every_pending_key_gets_a_turn_within_n_over_budget_blocks() {
	let mut w = world(vec![("pin/add", Fault::Deadline)]);
	let offchain = w.offchain.clone();
	w.ext.execute_with(|| {
		// Far more keys than the scan looks at in one run (4 × MaxPinsPerBlock = 8).
		let n = 13usize;
		for i in 0..n {
			register(ALICE, &format!("k{i:02}"), &raw_cid(&[i as u8], 0x12));
		}
		let budget = 2usize;
		let mut seen = std::collections::BTreeSet::new();
		let mut block = 1u64;
		for _ in 0..n.div_ceil(budget) {
			// Every key is due again each run: blocks far apart outrun every back-off.
			block += u64::from(offchain::MAX_BACKOFF) + 1;
			// The keys the worker is expected to ask for; any other request panics, and so
			// does one of these left unasked, so `seen` is what the worker really did.
			for key in ModuleRegistry::round_robin(budget) {
				let info = Modules::<Test>::get(&key).map(|r| r.info).unwrap();
				let text = crate::validation::cid_to_string(&info.cid.unwrap()).unwrap();
				expect(&offchain, &format!("pin/add?arg={text}&recursive=true&progress=true"), b"");
				seen.insert(key);
			}
			ModuleRegistry::run_pinning_worker(block);
		}
		assert_eq!(seen.len(), n, "every key had a turn");
	});
}

#[test]
fn a_node_without_a_pinner_key_does_nothing() {
	assert_no_work_with_keys(Vec::new());
}

#[test]
fn the_configured_ipfs_api_is_used() {
	let content = b"c";
	let cid = raw_cid(content, 0x12);
	let mut w = world(vec![]);
	let pool = w.pool.clone();
	let offchain = w.offchain.clone();
	w.ext.execute_with(|| {
		sp_io::offchain::local_storage_set(
			sp_core::offchain::StorageKind::PERSISTENT,
			offchain::IPFS_API_STORAGE_KEY,
			&"http://10.0.0.7:5101".encode(),
		);
		register(ALICE, "k", &cid);
		for (path, body) in [
			(format!("pin/add?arg={cid}&recursive=true&progress=true"), pins(&cid)),
			(format!("block/get?arg={cid}"), content.to_vec()),
		] {
			offchain.write().expect_request(testing::PendingRequest {
				method: "POST".into(),
				uri: format!("http://10.0.0.7:5101/api/v0/{path}"),
				response: Some(body),
				sent: true,
				..Default::default()
			});
		}
		ModuleRegistry::run_pinning_worker(1);
		assert_eq!(submitted(&pool)[0].0.outcome, PinOutcome::Verified);
	});
}

#[test]
fn a_batch_is_bounded_and_reported_keys_wait_before_a_retry() {
	let mut w = world(vec![]);
	let pool = w.pool.clone();
	let offchain = w.offchain.clone();
	w.ext.execute_with(|| {
		let mut cids = BTreeMap::new();
		for i in 0..3u8 {
			let cid = raw_cid(&[i], 0x12);
			register(ALICE, &format!("k{i}"), &cid);
			cids.insert(i, cid);
		}
		// MaxPinsPerBlock is 2: two keys are looked at, in storage order.
		let order: Vec<_> = PendingPins::<Test>::iter_keys().collect();
		for key in order.iter().take(2) {
			let i = key[1] - b'0';
			let cid = &cids[&i];
			expect(
				&offchain,
				&format!("pin/add?arg={cid}&recursive=true&progress=true"),
				&pins(cid),
			);
			expect(&offchain, &format!("block/get?arg={cid}"), &[i]);
		}
		ModuleRegistry::run_pinning_worker(1);
		assert_eq!(submitted(&pool).len(), 2);
		// In the next block only the third key is due.
		let third = &order[2];
		let cid = &cids[&(third[1] - b'0')];
		expect(&offchain, &format!("pin/add?arg={cid}&recursive=true&progress=true"), &pins(cid));
		expect(&offchain, &format!("block/get?arg={cid}"), &[third[1] - b'0']);
		ModuleRegistry::run_pinning_worker(2);
		assert_eq!(submitted(&pool).len(), 3);
	});
}

#[test]
fn a_cid_is_unreferenced_only_when_its_last_entry_goes() {
	new_test_ext().execute_with(|| {
		let cid = raw_cid(b"shared", 0x12);
		register(ALICE, "a", &cid);
		register(BOB, "b", &format!(r#"{{"cid":"{cid}"}}"#));
		let bytes = crate::validation::parse_cid(&cid).unwrap();
		assert_eq!(CidRefs::<Test>::get(&bytes), 2);
		assert_ok!(ModuleRegistry::remove_module(RuntimeOrigin::signed(ALICE), b"a".to_vec()));
		assert_eq!(CidRefs::<Test>::get(&bytes), 1);
		let unreferenced = |events: Vec<_>| {
			events.into_iter().any(|r: frame_system::EventRecord<RuntimeEvent, _>| {
				matches!(r.event, RuntimeEvent::ModuleRegistry(Event::CidUnreferenced { .. }))
			})
		};
		assert!(!unreferenced(System::events()));
		// Bob points his entry elsewhere: the shared CID has no entry left.
		register(BOB, "b", "{}");
		assert_eq!(CidRefs::<Test>::get(&bytes), 0);
		System::assert_has_event(Event::CidUnreferenced { cid: bytes }.into());
	});
}

#[test]
fn unreferenced_cids_are_unpinned_by_the_worker() {
	let cid = raw_cid(b"gone", 0x12);
	let mut w = world(vec![]);
	let offchain = w.offchain.clone();
	w.ext.execute_with(|| {
		register(ALICE, "k", &cid);
		PendingPins::<Test>::remove(crate::KeyOf::<Test>::try_from(b"k".to_vec()).unwrap());
		System::reset_events();
		assert_ok!(ModuleRegistry::remove_module(RuntimeOrigin::signed(ALICE), b"k".to_vec()));
		expect(&offchain, &format!("pin/rm?arg={cid}&recursive=true"), br#"{"Pins":[]}"#);
		// The expected request is consumed, or the test extension panics on drop/verify.
		ModuleRegistry::run_pinning_worker(1);
	});
}

#[test]
fn pinner_set_is_managed_by_root() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ModuleRegistry::add_pinner(RuntimeOrigin::signed(ALICE), BOB),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ModuleRegistry::add_pinner(RuntimeOrigin::root(), PINNER),
			Error::<Test>::AlreadyPinner
		);
		for who in [20, 21, 22] {
			assert_ok!(ModuleRegistry::add_pinner(RuntimeOrigin::root(), who));
		}
		assert_noop!(
			ModuleRegistry::add_pinner(RuntimeOrigin::root(), 23),
			Error::<Test>::TooManyPinners
		);
		assert_ok!(ModuleRegistry::remove_pinner(RuntimeOrigin::root(), 20));
		System::assert_last_event(Event::PinnerRemoved { who: 20 }.into());
		assert_noop!(
			ModuleRegistry::remove_pinner(RuntimeOrigin::root(), 20),
			Error::<Test>::NotPinner
		);
	});
}

/// Pin reports are free and of top priority: a compromised pinner key could fill every block
/// with one report per pending key. A block applies at most `2 × MaxPinsPerBlock` of one
/// pinner's reports; the next is skipped as `ExhaustsResources` (the pool keeps it) and applies
/// in the next block.
#[test]
fn a_pinner_has_at_most_twice_max_pins_per_block_reports_applied_per_block() {
	new_test_ext().execute_with(|| {
		let cap = ModuleRegistry::max_reports_per_block();
		assert_eq!(cap, 4, "MaxPinsPerBlock is 2 in the mock");
		let keys: Vec<String> = (0..=cap).map(|i| format!("k{i}")).collect();
		for (i, key) in keys.iter().enumerate() {
			register(ALICE, key, &raw_cid(format!("content {i}").as_bytes(), 0x12));
		}
		let reports: Vec<_> = keys
			.iter()
			.map(|key| {
				let report = report_for(key, PinOutcome::Failed(PinFailure::HttpError), PINNER);
				let signature = sign(&report);
				(report, signature)
			})
			.collect();
		let (last, rest) = reports.split_last().unwrap();
		for (report, signature) in rest {
			assert_ok!(apply(report.clone(), signature.clone()));
		}
		assert_eq!(
			validate(&last.0, &last.1),
			Err(TransactionValidityError::Invalid(InvalidTransaction::ExhaustsResources))
		);
		assert_noop!(
			ModuleRegistry::report_pin_status(
				RuntimeOrigin::none(),
				last.0.clone(),
				last.1.clone()
			),
			Error::<Test>::TooManyReports
		);
		// The next block takes it.
		System::set_block_number(System::block_number() + 1);
		assert_ok!(apply(last.0.clone(), last.1.clone()));
		assert_eq!(status(&keys[cap as usize]).attempts(), 1);
		// Removing the pinner removes its count.
		assert_ok!(ModuleRegistry::remove_pinner(RuntimeOrigin::root(), PINNER));
		assert_eq!(crate::ReportsInBlock::<Test>::iter().count(), 0);
	});
}

/// The admin's remedy for a verdict it doubts: `force_reverify` sends a settled entry back to
/// the worker. Reports made before it (the verdict being doubted among them) do not apply
/// again; a fresh report does.
#[test]
fn the_admin_can_send_a_settled_entry_back_for_verification() {
	new_test_ext().execute_with(|| {
		let key: crate::KeyOf<Test> = b"k".to_vec().try_into().unwrap();
		register(ALICE, "k", &raw_cid(b"x", 0x12));
		// Still pending: nothing to send back.
		assert_noop!(
			ModuleRegistry::force_reverify(RuntimeOrigin::root(), key.clone()),
			Error::<Test>::VerificationPending
		);
		let report = report_for("k", PinOutcome::Failed(PinFailure::HashMismatch), PINNER);
		let signature = sign(&report);
		assert_ok!(apply(report.clone(), signature.clone()));
		let rejected = status("k");
		assert!(!rejected.is_open(), "a hash mismatch is final: {rejected:?}");

		assert_noop!(
			ModuleRegistry::force_reverify(RuntimeOrigin::signed(ALICE), key.clone()),
			DispatchError::BadOrigin
		);
		System::set_block_number(3);
		assert_ok!(ModuleRegistry::force_reverify(RuntimeOrigin::root(), key.clone()));
		assert_eq!(status("k"), PinStatus::Pending);
		assert!(PendingPins::<Test>::contains_key(&key));
		let info = Modules::<Test>::get(&key).unwrap().info;
		assert_eq!((info.updated, info.update_count, info.owner), (3, 0, ALICE));
		System::assert_last_event(RuntimeEvent::ModuleRegistry(Event::ReverificationRequested {
			key: key.clone(),
			previous: rejected,
		}));

		// The doubted report, replayed inside its window, no longer applies.
		assert_noop!(
			ModuleRegistry::report_pin_status(RuntimeOrigin::none(), report, signature),
			Error::<Test>::StaleReport
		);
		// A new one does.
		let fresh = report_for("k", PinOutcome::Verified, PINNER);
		assert_ok!(apply(fresh.clone(), sign(&fresh)));
		assert_eq!(status("k"), PinStatus::Verified { at: 3, by: PINNER });

		// Entries without a CID, and keys that do not exist, are named errors.
		register(ALICE, "plain", r#"{"name":"no cid"}"#);
		assert_noop!(
			ModuleRegistry::force_reverify(
				RuntimeOrigin::root(),
				b"plain".to_vec().try_into().unwrap()
			),
			Error::<Test>::NothingToVerify
		);
		assert_noop!(
			ModuleRegistry::force_reverify(
				RuntimeOrigin::root(),
				b"none".to_vec().try_into().unwrap()
			),
			Error::<Test>::NotFound
		);
	});
}
