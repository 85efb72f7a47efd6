//! Unit tests of the registry pallet against the mock runtime.

use crate::{mock::*, Error, Event, Modules, PinStatus, ValueKind};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_runtime::{traits::Hash, DispatchError};

const SEED_JSON: &str = r#"{"name":"ExampleModule","version":"1.0.0","author":"ModuleDeveloper","cid":"bafybeibwxyzmoduledata","entrypoint":"main.py","args":{"learning_rate":0.01,"epochs":10},"custom":{"description":"An example module","tags":["machine learning","example"]}}"#;
const CID_V0: &str = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";
const CID_V1_B32: &str = "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";
const CID_V1_RAW: &str = "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy";

fn held(who: u64) -> u64 {
	Balances::balance_on_hold(&RegistryHoldReason::get(), &who)
}

fn register(who: u64, key: &str, value: &str) -> frame_support::dispatch::DispatchResult {
	ModuleRegistry::register_module(
		RuntimeOrigin::signed(who),
		key.as_bytes().to_vec(),
		value.as_bytes().to_vec(),
	)
	.map(|_| ())
	.map_err(|e| e.error)
}

/// The hash events and records name a value by.
fn hash_of(value: &str) -> sp_core::H256 {
	sp_core::H256(sp_io::hashing::blake2_256(value.as_bytes()))
}

fn bkey(key: &str) -> crate::KeyOf<Test> {
	key.as_bytes().to_vec().try_into().unwrap()
}

#[docify::export]
#[test]
fn user_journey() {
	new_test_ext().execute_with(|| {
		let key = b"example-module".to_vec();
		let metadata =
			br#"{"name":"ExampleModule","version":"1.0.0","cid":"bafybeibwxyzmoduledata"}"#;

		// Alice registers JSON metadata; a deposit is held for key + value bytes.
		assert_ok!(ModuleRegistry::register_module(
			RuntimeOrigin::signed(ALICE),
			key.clone(),
			metadata.to_vec()
		));
		assert_eq!(ModuleRegistry::get_module(key.clone()), Some(metadata.to_vec()));
		let info = ModuleRegistry::module_info(key.clone()).unwrap();
		assert_eq!(info.owner, ALICE);
		assert_eq!(info.deposit, deposit(key.len(), metadata.len()));
		// The placeholder CID does not parse, so there is nothing to pin.
		assert_eq!(info.pin_status, PinStatus::NoPinnableCid);

		// She points it at a real CID instead; the deposit is re-priced.
		let cid = b"bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi".to_vec();
		assert_ok!(ModuleRegistry::register_module(
			RuntimeOrigin::signed(ALICE),
			key.clone(),
			cid.clone()
		));
		let info = ModuleRegistry::module_info(key.clone()).unwrap();
		assert_eq!((info.kind, info.update_count), (ValueKind::Cid, 1));
		assert_eq!(info.pin_status, PinStatus::Pending);

		// Bob cannot remove it; Alice can, and gets her deposit back.
		assert_noop!(
			ModuleRegistry::remove_module(RuntimeOrigin::signed(BOB), key.clone()),
			Error::<Test>::NotOwner
		);
		assert_ok!(ModuleRegistry::remove_module(RuntimeOrigin::signed(ALICE), key.clone()));
		assert_eq!(ModuleRegistry::get_module(key), None);
		assert_eq!(Balances::free_balance(ALICE), RICH);
	});
}

#[test]
fn register_stores_value_info_deposit_and_event() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(ALICE, "seed", SEED_JSON));
		let key = bkey("seed");
		assert_eq!(
			crate::ModuleRegistry::<Test>::get(&key).unwrap().into_inner(),
			SEED_JSON.as_bytes()
		);
		let info = Modules::<Test>::get(&key).map(|r| r.info).unwrap();
		let expected = deposit(4, SEED_JSON.len());
		assert_eq!(info.owner, ALICE);
		assert_eq!(info.deposit, expected);
		assert_eq!((info.created, info.updated, info.update_count), (1, 1, 0));
		assert_eq!(info.value_len, SEED_JSON.len() as u32);
		assert_eq!(info.kind, ValueKind::Json);
		assert_eq!(info.cid, None);
		assert_eq!(held(ALICE), expected);
		assert_eq!(Balances::free_balance(ALICE), RICH - expected);
		System::assert_last_event(
			Event::ModuleRegistered {
				key,
				owner: ALICE,
				value_hash: <Test as frame_system::Config>::Hashing::hash(SEED_JSON.as_bytes()),
				value_len: SEED_JSON.len() as u32,
				kind: ValueKind::Json,
				deposit: expected,
			}
			.into(),
		);
	});
}

#[test]
fn json_with_parsable_cid_is_pending_with_that_cid() {
	new_test_ext().execute_with(|| {
		let value = format!(r#"{{"name":"m","cid":"{CID_V1_RAW}"}}"#);
		assert_ok!(register(ALICE, "m", &value));
		let info = Modules::<Test>::get(bkey("m")).map(|r| r.info).unwrap();
		assert_eq!(info.kind, ValueKind::Json);
		assert_eq!(info.pin_status, PinStatus::Pending);
		let cid = info.cid.unwrap();
		assert_eq!(crate::validation::cid_to_string(&cid).unwrap(), CID_V1_RAW);
	});
}

#[test]
fn update_reprices_deposit_both_ways_and_counts() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(ALICE, "k", CID_V0));
		assert_eq!(held(ALICE), deposit_cid(1, CID_V0.len()));

		let big = format!(r#"{{"name":"{}"}}"#, "x".repeat(1000));
		assert_ok!(register(ALICE, "k", &big));
		assert_eq!(held(ALICE), deposit(1, big.len()));
		let info = Modules::<Test>::get(bkey("k")).map(|r| r.info).unwrap();
		assert_eq!(info.update_count, 1);
		assert_eq!(info.pin_status, PinStatus::NoPinnableCid);

		System::set_block_number(5);
		assert_ok!(register(ALICE, "k", "{}"));
		assert_eq!(held(ALICE), deposit(1, 2));
		assert_eq!(Balances::free_balance(ALICE), RICH - deposit(1, 2));
		let info = Modules::<Test>::get(bkey("k")).map(|r| r.info).unwrap();
		assert_eq!((info.created, info.updated, info.update_count), (1, 5, 2));
		assert!(matches!(
			System::events().last().unwrap().event,
			RuntimeEvent::ModuleRegistry(Event::ModuleUpdated { update_count: 2, .. })
		));
	});
}

#[test]
fn update_resets_pin_status_to_pending() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(ALICE, "k", CID_V0));
		Modules::<Test>::mutate(bkey("k"), |i| {
			i.as_mut().unwrap().info.pin_status = PinStatus::Verified { at: 1, by: BOB }
		});
		assert_ok!(register(ALICE, "k", CID_V1_B32));
		assert_eq!(
			Modules::<Test>::get(bkey("k")).map(|r| r.info).unwrap().pin_status,
			PinStatus::Pending
		);
	});
}

#[test]
fn remove_releases_deposit_and_clears_storage() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(ALICE, "k", SEED_JSON));
		let d = deposit(1, SEED_JSON.len());
		assert_ok!(ModuleRegistry::remove_module(RuntimeOrigin::signed(ALICE), b"k".to_vec()));
		assert!(crate::ModuleRegistry::<Test>::get(bkey("k")).is_none());
		assert!(Modules::<Test>::get(bkey("k")).map(|r| r.info).is_none());
		assert_eq!(held(ALICE), 0);
		assert_eq!(Balances::free_balance(ALICE), RICH);
		System::assert_last_event(
			Event::ModuleRemoved {
				key: bkey("k"),
				owner: ALICE,
				value_hash: hash_of(SEED_JSON),
				value_len: SEED_JSON.len() as u32,
				refunded: d,
			}
			.into(),
		);
	});
}

fn offer(from: u64, key: &str, to: u64) -> frame_support::dispatch::DispatchResult {
	ModuleRegistry::transfer_ownership(RuntimeOrigin::signed(from), key.as_bytes().to_vec(), to)
}

fn accept(who: u64, key: &str) -> frame_support::dispatch::DispatchResult {
	ModuleRegistry::accept_ownership(RuntimeOrigin::signed(who), key.as_bytes().to_vec())
}

#[test]
fn an_offer_moves_nothing_until_it_is_accepted() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(ALICE, "k", CID_V0));
		let d = deposit_cid(1, CID_V0.len());
		assert_ok!(offer(ALICE, "k", BOB));
		System::assert_last_event(
			Event::OwnershipOffered {
				key: bkey("k"),
				from: ALICE,
				to: BOB,
				value_hash: hash_of(CID_V0),
				value_len: CID_V0.len() as u32,
			}
			.into(),
		);
		// Nothing moved: Alice owns it and pays for it; the offer is visible.
		assert_eq!(Modules::<Test>::get(bkey("k")).map(|r| r.info).unwrap().owner, ALICE);
		assert_eq!((held(ALICE), held(BOB)), (d, 0));
		let pending = ModuleRegistry::transfer_offer(b"k".to_vec()).unwrap();
		assert_eq!((pending.to, pending.update_count), (BOB, 0));

		assert_ok!(accept(BOB, "k"));
		assert_eq!(Modules::<Test>::get(bkey("k")).map(|r| r.info).unwrap().owner, BOB);
		assert_eq!((held(ALICE), held(BOB)), (0, d));
		assert!(ModuleRegistry::transfer_offer(b"k".to_vec()).is_none());
		System::assert_last_event(
			Event::OwnershipTransferred {
				key: bkey("k"),
				from: ALICE,
				to: BOB,
				value_hash: hash_of(CID_V0),
				value_len: CID_V0.len() as u32,
			}
			.into(),
		);
		// The old owner lost every right; the new one has them.
		assert_noop!(register(ALICE, "k", "{}"), Error::<Test>::NotOwner);
		assert_ok!(register(BOB, "k", "{}"));
	});
}

#[test]
fn only_the_named_account_can_accept_and_only_a_pending_offer() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(ALICE, "k", CID_V0));
		assert_noop!(accept(BOB, "k"), Error::<Test>::NoOffer);
		assert_noop!(accept(BOB, "nope"), Error::<Test>::NotFound);
		assert_ok!(offer(ALICE, "k", BOB));
		assert_noop!(accept(CHARLIE, "k"), Error::<Test>::NotOfferee);
		assert_noop!(accept(ALICE, "k"), Error::<Test>::NotOfferee);
		// A new offer replaces the old one.
		assert_ok!(offer(ALICE, "k", CHARLIE));
		assert_noop!(accept(BOB, "k"), Error::<Test>::NotOfferee);
	});
}

#[test]
fn the_owner_can_cancel_an_offer() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(ALICE, "k", CID_V0));
		let cancel = |who: u64| {
			ModuleRegistry::cancel_ownership_offer(RuntimeOrigin::signed(who), b"k".to_vec())
		};
		assert_noop!(cancel(ALICE), Error::<Test>::NoOffer);
		assert_ok!(offer(ALICE, "k", BOB));
		assert_noop!(cancel(BOB), Error::<Test>::NotOwner);
		assert_ok!(cancel(ALICE));
		System::assert_last_event(
			Event::OwnershipOfferCancelled { key: bkey("k"), owner: ALICE, to: BOB }.into(),
		);
		assert_noop!(accept(BOB, "k"), Error::<Test>::NoOffer);
		assert_eq!(Modules::<Test>::get(bkey("k")).map(|r| r.info).unwrap().owner, ALICE);
	});
}

#[test]
fn an_offer_for_a_value_that_changed_cannot_be_accepted() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(ALICE, "k", "{}"));
		assert_ok!(offer(ALICE, "k", BOB));
		// Alice swaps in a 60 KiB value: Bob would pay a far larger deposit than he saw.
		let big = format!(r#"{{"pad":"{}"}}"#, "x".repeat(60_000));
		assert_ok!(register(ALICE, "k", &big));
		assert_noop!(accept(BOB, "k"), Error::<Test>::OfferOutdated);
		assert_eq!(held(BOB), 0);
	});
}

#[test]
fn removing_an_entry_withdraws_its_offer() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(ALICE, "k", "{}"));
		assert_ok!(offer(ALICE, "k", BOB));
		assert_ok!(ModuleRegistry::remove_module(RuntimeOrigin::signed(ALICE), b"k".to_vec()));
		assert!(crate::TransferOffers::<Test>::get(bkey("k")).is_none());
		// Registered again by someone else, the old offer does not come back to life.
		assert_ok!(register(CHARLIE, "k", "{}"));
		assert_noop!(accept(BOB, "k"), Error::<Test>::NoOffer);
	});
}

#[test]
fn accepting_without_funds_for_the_deposit_changes_nothing() {
	new_test_ext().execute_with(|| {
		let value = format!(r#"{{"name":"{}"}}"#, "x".repeat(200));
		assert_ok!(register(ALICE, "k", &value));
		assert!(deposit(1, value.len()) > POOR);
		assert_ok!(offer(ALICE, "k", CHARLIE));
		assert!(accept(CHARLIE, "k").is_err());
		assert_eq!(Modules::<Test>::get(bkey("k")).map(|r| r.info).unwrap().owner, ALICE);
		assert_eq!(held(ALICE), deposit(1, value.len()));
		assert_eq!(held(CHARLIE), 0);
		assert!(ModuleRegistry::transfer_offer(b"k".to_vec()).is_some());
	});
}

#[test]
fn force_remove_by_root_refunds_owner() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(ALICE, "k", CID_V0));
		assert_noop!(
			ModuleRegistry::force_remove_module(RuntimeOrigin::signed(BOB), b"k".to_vec()),
			DispatchError::BadOrigin
		);
		assert_ok!(ModuleRegistry::force_remove_module(RuntimeOrigin::root(), b"k".to_vec()));
		assert!(crate::ModuleRegistry::<Test>::get(bkey("k")).is_none());
		assert_eq!(Balances::free_balance(ALICE), RICH);
		System::assert_last_event(
			Event::ModuleForceRemoved {
				key: bkey("k"),
				owner: ALICE,
				value_hash: hash_of(CID_V0),
				value_len: CID_V0.len() as u32,
				refunded: deposit_cid(1, CID_V0.len()),
			}
			.into(),
		);
	});
}

#[test]
fn key_errors_are_named() {
	new_test_ext().execute_with(|| {
		assert_noop!(register(ALICE, "", "{}"), Error::<Test>::EmptyKey);
		let long = "k".repeat(MAX_KEY as usize + 1);
		assert_noop!(register(ALICE, &long, "{}"), Error::<Test>::KeyTooLong);
		// Exactly at the limit is fine.
		assert_ok!(register(ALICE, &"k".repeat(MAX_KEY as usize), "{}"));
	});
}

#[test]
fn value_errors_are_named_and_change_nothing() {
	new_test_ext().execute_with(|| {
		assert_noop!(register(ALICE, "k", ""), Error::<Test>::EmptyValue);
		let big = format!(r#"{{"a":"{}"}}"#, "x".repeat(MAX_VALUE as usize));
		assert_noop!(register(ALICE, "k", &big), Error::<Test>::ValueTooLarge);
		assert_noop!(
			ModuleRegistry::register_module(
				RuntimeOrigin::signed(ALICE),
				b"k".to_vec(),
				vec![b'{', 0xff, b'}']
			),
			Error::<Test>::InvalidUtf8
		);
		assert_noop!(register(ALICE, "k", r#"{"name": }"#), Error::<Test>::InvalidJson);
		assert_noop!(register(ALICE, "k", r#"{"a":1} trailing"#), Error::<Test>::InvalidJson);
		assert_noop!(register(ALICE, "k", "[1,2]"), Error::<Test>::JsonNotObject);
		assert_noop!(register(ALICE, "k", "\"text\""), Error::<Test>::JsonNotObject);
		assert_noop!(register(ALICE, "k", "not a cid"), Error::<Test>::InvalidCid);
		assert_noop!(register(ALICE, "k", "bafyinvalid"), Error::<Test>::InvalidCid);
		// The largest `z…` value: refused by its length before a byte is decoded (it took
		// about 0.3 s natively before, under a weight of well under a millisecond), and so is
		// a JSON `cid` of the same kind, which leaves the entry without a CID to pin.
		let huge = format!("z{}", "2".repeat(MAX_VALUE as usize - 1));
		assert_noop!(register(ALICE, "k", &huge), Error::<Test>::InvalidCid);
		let in_json = format!(r#"{{"cid":"z{}"}}"#, "2".repeat(MAX_VALUE as usize - 12));
		assert_ok!(register(ALICE, "k", &in_json));
		assert_eq!(ModuleRegistry::module_info(b"k".to_vec()).map(|i| i.cid), Some(None));
	});
}

#[test]
fn value_at_the_limit_is_accepted() {
	new_test_ext().execute_with(|| {
		let filler = "x".repeat(MAX_VALUE as usize - 8);
		let value = format!(r#"{{"a":"{filler}"}}"#);
		assert_eq!(value.len(), MAX_VALUE as usize);
		assert_ok!(register(ALICE, "k", &value));
	});
}

#[test]
fn non_owner_cannot_update_remove_or_transfer() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(ALICE, "k", CID_V0));
		assert_noop!(register(BOB, "k", "{}"), Error::<Test>::NotOwner);
		assert_noop!(
			ModuleRegistry::remove_module(RuntimeOrigin::signed(BOB), b"k".to_vec()),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			ModuleRegistry::transfer_ownership(RuntimeOrigin::signed(BOB), b"k".to_vec(), BOB),
			Error::<Test>::NotOwner
		);
		assert_noop!(
			ModuleRegistry::transfer_ownership(RuntimeOrigin::signed(ALICE), b"k".to_vec(), ALICE),
			Error::<Test>::AlreadyOwner
		);
	});
}

#[test]
fn missing_keys_are_not_found() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ModuleRegistry::remove_module(RuntimeOrigin::signed(ALICE), b"nope".to_vec()),
			Error::<Test>::NotFound
		);
		assert_noop!(
			ModuleRegistry::transfer_ownership(RuntimeOrigin::signed(ALICE), b"nope".to_vec(), BOB),
			Error::<Test>::NotFound
		);
		assert_noop!(
			ModuleRegistry::force_remove_module(RuntimeOrigin::root(), b"nope".to_vec()),
			Error::<Test>::NotFound
		);
	});
}

#[test]
fn register_without_funds_for_deposit_fails_cleanly() {
	new_test_ext().execute_with(|| {
		let value = format!(r#"{{"name":"{}"}}"#, "x".repeat(100));
		assert!(register(CHARLIE, "k", &value).is_err());
		assert!(crate::ModuleRegistry::<Test>::get(bkey("k")).is_none());
		assert_eq!(Balances::free_balance(CHARLIE), POOR);
	});
}

#[test]
fn json_round_trips_through_the_api_functions() {
	new_test_ext().execute_with(|| {
		let doc = serde_json::json!({
			"name": "ExampleModule", "version": "1.0.0", "author": "ModuleDeveloper",
			"cid": "bafybeibwxyzmoduledata", "entrypoint": "main.py",
			"args": {"learning_rate": 0.01, "epochs": 10},
			"custom": {"tags": ["machine learning", "ü"]}
		});
		let bytes = serde_json::to_vec(&doc).unwrap();
		assert_ok!(ModuleRegistry::register_module(
			RuntimeOrigin::signed(ALICE),
			b"rt".to_vec(),
			bytes
		));
		let back = ModuleRegistry::get_module(b"rt".to_vec()).unwrap();
		let parsed: serde_json::Value = serde_json::from_slice(&back).unwrap();
		assert_eq!(parsed, doc);
	});
}

#[test]
fn listing_pages_through_every_entry_once() {
	new_test_ext().execute_with(|| {
		for i in 0..25 {
			assert_ok!(register(ALICE, &format!("key-{i}"), "{}"));
		}
		let mut seen = Vec::new();
		let mut after = None;
		loop {
			let page = ModuleRegistry::list_modules(after.clone(), 10).unwrap();
			if page.is_empty() {
				break;
			}
			assert!(page.len() <= 10);
			after = Some(page.last().unwrap().0.clone());
			seen.extend(page.into_iter().map(|(k, _)| k));
		}
		seen.sort();
		seen.dedup();
		assert_eq!(seen.len(), 25);
		// The limit is capped by MaxListLimit.
		assert_eq!(ModuleRegistry::list_modules(None, u32::MAX).unwrap().len(), 25);
	});
}

#[test]
fn listing_after_an_oversized_key_is_an_error_not_a_restart() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(ALICE, "k", "{}"));
		let too_long = vec![b'k'; MAX_KEY as usize + 1];
		assert_eq!(
			ModuleRegistry::list_modules(Some(too_long), 10),
			Err(crate::ListError::StartAfterTooLong)
		);
		// A key at the limit that is not registered is a valid position.
		assert!(ModuleRegistry::list_modules(Some(vec![b'k'; MAX_KEY as usize]), 10).is_ok());
	});
}

#[test]
fn a_value_of_exactly_the_limit_is_accepted_and_one_more_byte_is_not() {
	new_test_ext().execute_with(|| {
		let head = r#"{"pad":""#;
		let fill = MAX_VALUE as usize - head.len() - 2;
		let at_limit = format!(r#"{head}{}"}}"#, "x".repeat(fill));
		assert_eq!(at_limit.len(), 65_536);
		assert_ok!(register(ALICE, "k", &at_limit));
		let over = format!(r#"{head}{}"}}"#, "x".repeat(fill + 1));
		assert_noop!(register(ALICE, "k2", &over), Error::<Test>::ValueTooLarge);
	});
}

/// The CID table: which strings the registry accepts as raw CIDs.
#[test]
fn cid_table() {
	use crate::validation::{classify, ValueError};
	let cases: &[(&str, Result<(), ValueError>)] = &[
		(CID_V0, Ok(())),
		(CID_V1_B32, Ok(())),
		(CID_V1_RAW, Ok(())),
		// truncated
		(&CID_V0[..CID_V0.len() - 3], Err(ValueError::InvalidCid)),
		(&CID_V1_B32[..30], Err(ValueError::InvalidCid)),
		// unknown multibase prefix
		(
			"!afybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi",
			Err(ValueError::InvalidCid),
		),
		// a path around a CID, or anything after it
		(
			"anything/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi",
			Err(ValueError::InvalidCid),
		),
		("/ipfs/QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG", Err(ValueError::InvalidCid)),
		// surrounding whitespace
		(
			" bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi",
			Err(ValueError::InvalidCid),
		),
		("", Err(ValueError::Empty)),
	];
	for (text, expected) in cases {
		let got = classify(text.as_bytes()).map(|c| {
			assert_eq!(c.kind, ValueKind::Cid);
			assert!(c.cid.is_some());
		});
		assert_eq!(&got, expected, "case {text:?}");
	}
}

#[test]
fn cidv1_in_other_multibases_is_accepted_and_canonicalised() {
	use cid::multibase::Base;
	let cid = cid::Cid::try_from(CID_V1_RAW).unwrap();
	// base58btc is what js-ipfs answers for cid-version=1; base16 and base36 are also common.
	for base in [Base::Base58Btc, Base::Base16Lower, Base::Base36Lower, Base::Base64Url] {
		let text = cid.to_string_of_base(base).unwrap();
		let classified = crate::validation::classify(text.as_bytes()).unwrap();
		assert_eq!(classified.cid.unwrap().into_inner(), cid.to_bytes(), "{base:?}");
	}
}

#[test]
fn identity_hash_cids_are_refused() {
	use crate::validation::{classify, ValueError};
	let mh = cid::multihash::Multihash::<64>::wrap(0x00, b"hello").unwrap();
	let cid = cid::Cid::new_v1(0x55, mh);
	assert_eq!(classify(cid.to_string().as_bytes()), Err(ValueError::IdentityCid));
	let json = format!(r#"{{"cid":"{cid}"}}"#);
	// Inside JSON an identity CID is not pinnable, but the metadata itself is fine.
	assert_eq!(classify(json.as_bytes()).unwrap().cid, None);
}

#[test]
fn seed_example_is_accepted_verbatim() {
	new_test_ext().execute_with(|| {
		assert_ok!(register(ALICE, "example_module", SEED_JSON));
		assert_eq!(
			Modules::<Test>::get(bkey("example_module")).map(|r| r.info).unwrap().pin_status,
			PinStatus::NoPinnableCid
		);
	});
}

mod property {
	use super::*;
	use proptest::prelude::*;

	#[derive(Clone, Debug)]
	enum Op {
		Register { who: u64, key: u8, len: usize, cid: bool },
		Remove { who: u64, key: u8 },
		Transfer { who: u64, key: u8, to: u64 },
		Accept { who: u64, key: u8 },
		ForceRemove { key: u8 },
	}

	fn op() -> impl Strategy<Value = Op> {
		let who = prop_oneof![Just(ALICE), Just(BOB), Just(CHARLIE)];
		prop_oneof![
			4 => (who.clone(), 0u8..6, 0usize..300, any::<bool>())
				.prop_map(|(who, key, len, cid)| Op::Register { who, key, len, cid }),
			2 => (who.clone(), 0u8..6).prop_map(|(who, key)| Op::Remove { who, key }),
			2 => (who.clone(), 0u8..6, who.clone())
				.prop_map(|(who, key, to)| Op::Transfer { who, key, to }),
			2 => (who, 0u8..6).prop_map(|(who, key)| Op::Accept { who, key }),
			1 => (0u8..6).prop_map(|key| Op::ForceRemove { key }),
		]
	}

	fn apply(op: &Op) {
		let k = |key: u8| vec![b'k', key];
		// Failures are expected (not owner, no funds...); the invariants must hold regardless.
		let _ = match op.clone() {
			Op::Register { who, key, len, cid } => {
				let value = if cid {
					CID_V0.as_bytes().to_vec()
				} else {
					format!(r#"{{"n":"{}"}}"#, "x".repeat(len)).into_bytes()
				};
				ModuleRegistry::register_module(RuntimeOrigin::signed(who), k(key), value)
					.map(|_| ())
					.map_err(|e| e.error)
			},
			Op::Remove { who, key } =>
				ModuleRegistry::remove_module(RuntimeOrigin::signed(who), k(key)),
			Op::Transfer { who, key, to } =>
				ModuleRegistry::transfer_ownership(RuntimeOrigin::signed(who), k(key), to),
			Op::Accept { who, key } =>
				ModuleRegistry::accept_ownership(RuntimeOrigin::signed(who), k(key)),
			Op::ForceRemove { key } =>
				ModuleRegistry::force_remove_module(RuntimeOrigin::root(), k(key)),
		};
	}

	fn check_invariants() {
		let total_held: u64 = [ALICE, BOB, CHARLIE].iter().map(|w| held(*w)).sum();
		let mut recorded = 0u64;
		for (key, record) in Modules::<Test>::iter() {
			let info = record.info;
			recorded += info.deposit;
			let value = crate::ModuleRegistry::<Test>::get(&key).expect("info without value");
			assert_eq!(info.value_len as usize, value.len());
			assert_eq!(info.deposit, entry_price(key.len(), value.len(), info.cid.is_some()));
			assert_eq!(record.value_hash, sp_core::H256(sp_io::hashing::blake2_256(&value)));
		}
		for (key, _) in crate::ModuleRegistry::<Test>::iter() {
			assert!(Modules::<Test>::contains_key(&key), "value without info");
		}
		assert_eq!(total_held, recorded);
		ModuleRegistry::do_try_state().expect("try_state");
		// Per owner too.
		for who in [ALICE, BOB, CHARLIE] {
			let owned: u64 = Modules::<Test>::iter_values()
				.filter(|r| r.info.owner == who)
				.map(|r| r.info.deposit)
				.sum();
			assert_eq!(held(who), owned);
		}
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(64))]
		#[test]
		fn held_deposits_always_match_entries(ops in prop::collection::vec(op(), 1..40)) {
			new_test_ext().execute_with(|| {
				for op in &ops {
					apply(op);
					check_invariants();
				}
			});
		}
	}
}

#[test]
fn try_state_catches_a_broken_invariant() {
	let mut ext = raw_test_ext();
	ext.execute_with(|| {
		assert_ok!(register(ALICE, "k", CID_V0));
		assert_ok!(ModuleRegistry::do_try_state());
		// A queued pin with its entry gone, as a buggy upgrade could leave it.
		crate::PendingPins::<Test>::insert(bkey("ghost"), ());
		assert!(ModuleRegistry::do_try_state().is_err());
	});
}

/// Rewrite the current storage in the version-1 layout, as a chain that ran storage v1 holds
/// it: the bare `ModuleInfo` in `Modules`, the ticket in `Deposits`, deposits priced on the key
/// and value bytes only (the holds brought down to match).
fn to_v1_layout() {
	use crate::migrations::v2::{v1_footprint, v1_layout};
	use frame_support::traits::Consideration;
	use sp_runtime::traits::Convert;
	let records: Vec<_> = Modules::<Test>::iter().collect();
	for (key, record) in records {
		let mut info = record.info;
		let fp = v1_footprint(key.len(), info.value_len as usize);
		let ticket = record.ticket.update(&info.owner, fp).unwrap();
		info.deposit = DepositPrice::convert(fp);
		v1_layout::Modules::<Test>::insert(&key, info);
		v1_layout::Deposits::<Test>::insert(&key, ticket);
	}
}

#[test]
fn migrations_from_v0_requeue_given_up_pins_and_merge_the_records() {
	use crate::migrations::v2::v1_layout;
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	let mut ext = raw_test_ext();
	ext.execute_with(|| {
		assert_ok!(register(ALICE, "gave-up", CID_V0));
		assert_ok!(register(ALICE, "verified", CID_V1_RAW));
		assert_ok!(register(BOB, "json", SEED_JSON));
		let values: Vec<_> = crate::ModuleRegistry::<Test>::iter().collect();
		let infos: std::collections::BTreeMap<_, _> =
			Modules::<Test>::iter().map(|(k, r)| (k, r.info)).collect();
		to_v1_layout();
		// The v0 layout: out of attempts, `Failed` and no longer queued.
		v1_layout::Modules::<Test>::mutate(bkey("gave-up"), |info| {
			info.as_mut().unwrap().pin_status =
				PinStatus::Failed { reason: crate::PinFailure::Timeout, attempts: 3 };
		});
		crate::PendingPins::<Test>::remove(bkey("gave-up"));
		v1_layout::Modules::<Test>::mutate(bkey("verified"), |info| {
			info.as_mut().unwrap().pin_status = PinStatus::Verified { at: 1, by: PINNER };
		});
		crate::PendingPins::<Test>::remove(bkey("verified"));
		StorageVersion::new(0).put::<ModuleRegistry>();
		// The old layout does not decode as the new one.
		assert!(ModuleRegistry::do_try_state().is_err());
		assert!(held(ALICE) < deposit_cid(7, CID_V0.len()) + deposit_cid(8, CID_V1_RAW.len()));

		crate::migrations::v1::MigrateV0ToV1::<Test>::on_runtime_upgrade();
		assert_eq!(ModuleRegistry::on_chain_storage_version(), StorageVersion::new(1));
		assert!(crate::PendingPins::<Test>::contains_key(bkey("gave-up")));
		assert!(!crate::PendingPins::<Test>::contains_key(bkey("verified")));

		crate::migrations::v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(ModuleRegistry::on_chain_storage_version(), StorageVersion::new(2));
		assert_eq!(v1_layout::Deposits::<Test>::iter().count(), 0);
		// Nothing the user stored changed; the records carry the value hashes; deposits are
		// re-priced on the new rule and held.
		assert_eq!(crate::ModuleRegistry::<Test>::iter().collect::<Vec<_>>(), values);
		for (key, record) in Modules::<Test>::iter() {
			let value = crate::ModuleRegistry::<Test>::get(&key).unwrap();
			assert_eq!(record.value_hash, sp_core::H256(sp_io::hashing::blake2_256(&value)));
			let before = &infos[&key];
			assert_eq!(record.info.owner, before.owner);
			assert_eq!(record.info.cid, before.cid);
			assert_eq!(record.info.deposit, before.deposit);
		}
		assert!(matches!(
			ModuleRegistry::module_info(b"gave-up".to_vec()).unwrap().pin_status,
			PinStatus::Failed { attempts: 3, .. }
		));
		assert_eq!(held(BOB), deposit(4, SEED_JSON.len()));
		assert_ok!(ModuleRegistry::do_try_state());
		check_invariants();

		// Second runs are no-ops: the version guards skip them.
		crate::PendingPins::<Test>::remove(bkey("gave-up"));
		crate::migrations::v1::MigrateV0ToV1::<Test>::on_runtime_upgrade();
		crate::migrations::v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert!(!crate::PendingPins::<Test>::contains_key(bkey("gave-up")));
		crate::PendingPins::<Test>::insert(bkey("gave-up"), ());
	});
}

#[test]
fn migration_to_v2_keeps_the_old_deposit_of_an_owner_who_cannot_pay_more() {
	use crate::migrations::v2::v1_layout;
	use frame_support::traits::{fungible::Mutate, OnRuntimeUpgrade, StorageVersion};
	let mut ext = raw_test_ext();
	ext.execute_with(|| {
		assert_ok!(register(CHARLIE, "poor", "{}"));
		assert_ok!(register(ALICE, "rich", "{}"));
		to_v1_layout();
		StorageVersion::new(1).put::<ModuleRegistry>();
		let v1_price = v1_layout::Modules::<Test>::get(bkey("poor")).unwrap().deposit;
		// Charlie spends everything but what the v1 deposit holds.
		let free = Balances::free_balance(CHARLIE);
		Balances::burn_from(
			&CHARLIE,
			free - 1,
			frame_support::traits::tokens::Preservation::Expendable,
			frame_support::traits::tokens::Precision::Exact,
			frame_support::traits::tokens::Fortitude::Force,
		)
		.unwrap();

		crate::migrations::v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		let poor = ModuleRegistry::module_info(b"poor".to_vec()).unwrap();
		assert_eq!(poor.deposit, v1_price);
		assert_eq!(held(CHARLIE), v1_price);
		assert_eq!(ModuleRegistry::get_module(b"poor".to_vec()), Some(b"{}".to_vec()));
		let rich = ModuleRegistry::module_info(b"rich".to_vec()).unwrap();
		assert_eq!(rich.deposit, deposit(4, 2));
		assert_ok!(ModuleRegistry::do_try_state());
	});
}

#[test]
fn registration_is_charged_for_the_path_it_took() {
	use crate::{weights::WeightInfo, RegisterPath};
	new_test_ext().execute_with(|| {
		let call = |who, key: &str, value: &str| {
			ModuleRegistry::register_module(
				RuntimeOrigin::signed(who),
				key.as_bytes().to_vec(),
				value.as_bytes().to_vec(),
			)
			.unwrap()
			.actual_weight
			.unwrap()
		};
		let w = <() as WeightInfo>::register_module;
		let (k, json, cid) = (1u32, SEED_JSON.len() as u32, CID_V0.len() as u32);
		assert_eq!(call(ALICE, "a", SEED_JSON), w(k, json));
		assert_eq!(call(ALICE, "b", CID_V0), <() as WeightInfo>::register_pinned(k, cid));
		assert_eq!(call(ALICE, "a", CID_V0), <() as WeightInfo>::update_json_to_cid(k, cid));
		assert_eq!(call(ALICE, "b", CID_V1_RAW), <() as WeightInfo>::update_cid_to_cid(k, 59));
		assert_eq!(call(ALICE, "b", "{}"), <() as WeightInfo>::update_cid_to_json(k, 2));
		assert_eq!(call(ALICE, "b", "{ }"), <() as WeightInfo>::update_module(k, 3));
		// Before dispatch the dearest path is reserved.
		let reserved = ModuleRegistry::register_weight(k, json, None);
		for path in RegisterPath::ALL {
			assert!(reserved.all_gte(ModuleRegistry::register_weight(k, json, Some(path))));
		}
		// A JSON value without a CID never touches the pinning queue.
		assert!(!crate::PendingPins::<Test>::contains_key(bkey("b")));
	});
}
