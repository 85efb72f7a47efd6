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

/// How the fake daemon misbehaves for requests whose URI contains a pattern.
#[derive(Clone, Copy)]
enum Fault {
	Status(u16),
	Deadline,
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
		self.inner.http_response_read_body(id, buffer, deadline)
	}
	fn set_authorized_nodes(&mut self, nodes: Vec<OpaquePeerId>, authorized_only: bool) {
		self.inner.set_authorized_nodes(nodes, authorized_only)
	}
}

struct World {
	ext: sp_io::TestExternalities,
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
fn submitted(pool: &Shared<PoolState>) -> Vec<(PinReport<UintAuthorityId, u64>, TestSignature)> {
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
	report: &PinReport<UintAuthorityId, u64>,
	signature: &TestSignature,
) -> Result<frame_support::pallet_prelude::ValidTransaction, TransactionValidityError> {
	let call =
		crate::Call::report_pin_status { report: report.clone(), signature: signature.clone() };
	<ModuleRegistry as ValidateUnsigned>::validate_unsigned(TransactionSource::Local, &call)
}

fn apply(report: PinReport<UintAuthorityId, u64>, signature: TestSignature) -> DispatchResult {
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
			&format!("pin/add?arg={cid}&recursive=true"),
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
		expect(&offchain, &format!("pin/add?arg={cid}&recursive=true"), &pins(&cid));
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
		expect(&offchain, &format!("pin/add?arg={cid}&recursive=true"), &pins(&cid));
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
fn a_daemon_slower_than_the_deadline_is_a_timeout() {
	let cid = raw_cid(b"x", 0x12);
	let outcome = outcome_for(&cid, vec![("pin/add", Fault::Deadline)], None, None);
	assert_eq!(outcome, PinOutcome::Failed(PinFailure::Timeout));
}

#[test]
fn a_daemon_that_is_down_reports_nothing_and_retries_soon() {
	let content = b"x";
	let cid = raw_cid(content, 0x12);
	let mut w = world(vec![("pin/add", Fault::Down)]);
	let (pool, offchain, faults) = (w.pool.clone(), w.offchain.clone(), w.faults.clone());
	w.ext.execute_with(|| {
		register(ALICE, "k", &cid);
		expect(&offchain, &format!("pin/add?arg={cid}&recursive=true"), &pins(&cid));
		ModuleRegistry::run_pinning_worker(1);
		// Nothing on chain: the entry is not blamed for this node's daemon.
		assert!(submitted(&pool).is_empty());
		assert_eq!(status("k"), PinStatus::Pending);
		// Not due again in the next block (no request is expected, so one would panic)...
		ModuleRegistry::run_pinning_worker(2);
		// ...but two blocks later, with the daemon back, it verifies.
		faults.write().clear();
		expect(&offchain, &format!("pin/add?arg={cid}&recursive=true"), &pins(&cid));
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
fn failures_are_retried_until_max_attempts_then_stay_failed() {
	new_test_ext().execute_with(|| {
		let cid = raw_cid(b"nowhere", 0x12);
		register(ALICE, "k", &cid);
		let key = crate::KeyOf::<Test>::try_from(b"k".to_vec()).unwrap();
		for attempt in 1..=3u32 {
			let (k, info, pinner) = ModuleRegistry::check_report(&report_for(
				"k",
				PinOutcome::Failed(PinFailure::Timeout),
				PINNER,
			))
			.unwrap();
			ModuleRegistry::do_record_pin(k, info, pinner, PinOutcome::Failed(PinFailure::Timeout));
			assert_eq!(
				status("k"),
				PinStatus::Failed { reason: PinFailure::Timeout, attempts: attempt }
			);
			assert_eq!(PendingPins::<Test>::contains_key(&key), attempt < 3);
		}
		System::assert_last_event(
			Event::PinFailed {
				key: key.clone(),
				cid: Modules::<Test>::get(&key).unwrap().cid.unwrap(),
				reason: PinFailure::Timeout,
				attempts: 3,
				will_retry: false,
			}
			.into(),
		);
		// Out of retries: a further report is not needed...
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

/// A report about the current value of `key`, signed (in the test scheme) by `by`.
fn report_for(key: &str, outcome: PinOutcome, by: u64) -> PinReport<UintAuthorityId, u64> {
	let info =
		Modules::<Test>::get(crate::KeyOf::<Test>::try_from(key.as_bytes().to_vec()).unwrap())
			.unwrap();
	PinReport {
		key: key.as_bytes().to_vec(),
		update_count: info.update_count,
		cid: info.cid.unwrap(),
		outcome,
		block_number: 1,
		public: UintAuthorityId(by),
	}
}

fn sign(report: &PinReport<UintAuthorityId, u64>) -> TestSignature {
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
fn at_most_one_report_per_entry_value_fits_in_the_pool() {
	new_test_ext().execute_with(|| {
		register(ALICE, "k", &raw_cid(b"x", 0x12));
		assert_ok!(ModuleRegistry::add_pinner(RuntimeOrigin::root(), BOB));
		let a = report_for("k", PinOutcome::Verified, PINNER);
		let b = report_for("k", PinOutcome::Failed(PinFailure::Timeout), BOB);
		let va = validate(&a, &sign(&a)).unwrap();
		let vb = validate(&b, &sign(&b)).unwrap();
		// Same tag: the pool keeps one of them.
		assert_eq!(va.provides, vb.provides);
		register(ALICE, "other", &raw_cid(b"y", 0x12));
		let c = report_for("other", PinOutcome::Verified, PINNER);
		assert_ne!(validate(&c, &sign(&c)).unwrap().provides, va.provides);
	});
}

#[test]
fn a_node_without_a_pinner_key_does_nothing() {
	let mut w = world(vec![]);
	UintAuthorityId::set_all_keys(Vec::<u64>::new());
	let pool = w.pool.clone();
	w.ext.execute_with(|| {
		register(ALICE, "k", &raw_cid(b"x", 0x12));
		// No expected requests: any HTTP call would panic.
		ModuleRegistry::run_pinning_worker(1);
		assert!(submitted(&pool).is_empty());
	});
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
			(format!("pin/add?arg={cid}&recursive=true"), pins(&cid)),
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
			expect(&offchain, &format!("pin/add?arg={cid}&recursive=true"), &pins(cid));
			expect(&offchain, &format!("block/get?arg={cid}"), &[i]);
		}
		ModuleRegistry::run_pinning_worker(1);
		assert_eq!(submitted(&pool).len(), 2);
		// In the next block only the third key is due.
		let third = &order[2];
		let cid = &cids[&(third[1] - b'0')];
		expect(&offchain, &format!("pin/add?arg={cid}&recursive=true"), &pins(cid));
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
