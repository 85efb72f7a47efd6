//! Unit tests of the registry layer (namespaces, packages, versions) against the mock runtime.

use crate::{
	mock::*,
	registry::{version_entry_key, VERSION_KEY_PREFIX},
	Error, Event, Modules, NamespaceOffers, Namespaces, Packages, PinStatus, VersionEntries,
	Versions,
};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use module_registry_primitives::{ModuleType, PackageStatus, QueryError};
use sp_runtime::DispatchError;

const CID: &str = "bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy";
const CID_V0: &str = "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG";
const SUM: [u8; 32] = [7; 32];

fn held(who: u64) -> u64 {
	Balances::balance_on_hold(&RegistryHoldReason::get(), &who)
}

/// A call argument from text or bytes (every registry call takes bounded arguments).
fn bv<S: frame_support::traits::Get<u32>>(
	bytes: impl AsRef<[u8]>,
) -> frame_support::BoundedVec<u8, S> {
	bytes.as_ref().to_vec().try_into().expect("within the argument's bound")
}

fn claim(who: u64, ns: &str) -> frame_support::dispatch::DispatchResult {
	ModuleRegistry::claim_namespace(RuntimeOrigin::signed(who), bv(ns))
}

fn publish_with(
	who: u64,
	name: &str,
	version: &str,
	cid: &str,
	checksum: &[u8],
	metadata: &str,
) -> frame_support::dispatch::DispatchResult {
	ModuleRegistry::publish_version(
		RuntimeOrigin::signed(who),
		bv(name),
		bv(version),
		bv(cid),
		bv(checksum),
		1234,
		bv(metadata),
	)
	.map(|_| ())
	.map_err(|e| e.error)
}

fn publish(who: u64, name: &str, version: &str) -> frame_support::dispatch::DispatchResult {
	publish_with(who, name, version, CID, &SUM, r#"{"description":"utilities"}"#)
}

fn resolved(name: &str, range: &str) -> Option<String> {
	ModuleRegistry::resolve(name.into(), range.into())
		.expect("query accepted")
		.map(|v| String::from_utf8(v.record.version.to_vec()).unwrap())
}

fn entry_key(package: &str, identity: &str) -> crate::KeyOf<Test> {
	version_entry_key(package, identity).to_vec().try_into().unwrap()
}

/// Alice owns `alice` and has published 1.0.0, 1.1.0, 1.2.0-rc.1 and 2.0.0 of `alice/utils`.
fn with_versions(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		assert_ok!(claim(ALICE, "alice"));
		for v in ["1.0.0", "1.1.0", "1.2.0-rc.1", "2.0.0"] {
			assert_ok!(publish(ALICE, "alice/utils", v));
		}
		test()
	})
}

#[test]
fn publish_resolve_yank_and_deprecate() {
	with_versions(|| {
		assert_eq!(resolved("alice/utils", "^1").as_deref(), Some("1.1.0"));
		assert_eq!(resolved("@alice/utils", "~1.0").as_deref(), Some("1.0.0"));
		assert_eq!(resolved("alice/utils", ">=1.0.0").as_deref(), Some("2.0.0"));
		assert_eq!(resolved("alice/utils", "*").as_deref(), Some("2.0.0"));
		assert_eq!(resolved("alice/utils", "latest").as_deref(), Some("2.0.0"));
		assert_eq!(resolved("alice/utils", ">=1.1, <2").as_deref(), Some("1.1.0"));
		assert_eq!(resolved("alice/utils", "^1.2.0-rc.0").as_deref(), Some("1.2.0-rc.1"));
		assert_eq!(resolved("alice/utils", "^3"), None);

		// Yanking 2.0.0 moves `*`; the exact request still resolves it, flagged.
		assert_ok!(ModuleRegistry::yank_version(
			RuntimeOrigin::signed(ALICE),
			bv("alice/utils"),
			bv("2.0.0")
		));
		assert_eq!(resolved("alice/utils", "*").as_deref(), Some("1.1.0"));
		let exact = ModuleRegistry::resolve("alice/utils".into(), "2.0.0".into()).unwrap().unwrap();
		assert!(exact.record.yanked);
		assert_ok!(ModuleRegistry::unyank_version(
			RuntimeOrigin::signed(ALICE),
			bv("alice/utils"),
			bv("2.0.0")
		));
		assert_eq!(resolved("alice/utils", "*").as_deref(), Some("2.0.0"));

		// A package deprecation applies to every version; a version's own one wins.
		assert_ok!(ModuleRegistry::deprecate(
			RuntimeOrigin::signed(ALICE),
			bv("alice/utils"),
			None,
			Some(bv("alice/tools@^1")),
			bv("renamed")
		));
		let v = ModuleRegistry::resolve("alice/utils".into(), "^1".into()).unwrap().unwrap();
		let d = v.deprecation.unwrap();
		assert_eq!(
			(&d.successor.unwrap()[..], &d.reason[..]),
			(&b"alice/tools@^1"[..], &b"renamed"[..])
		);
		assert_ok!(ModuleRegistry::deprecate(
			RuntimeOrigin::signed(ALICE),
			bv("alice/utils"),
			Some(bv("1.1.0")),
			None,
			bv("security hole")
		));
		let v = ModuleRegistry::resolve("alice/utils".into(), "^1".into()).unwrap().unwrap();
		assert_eq!(&v.deprecation.unwrap().reason[..], b"security hole");
		assert_ok!(ModuleRegistry::undeprecate(
			RuntimeOrigin::signed(ALICE),
			bv("alice/utils"),
			None
		));
		let v = ModuleRegistry::resolve("alice/utils".into(), "2".into()).unwrap().unwrap();
		assert_eq!(v.deprecation, None);
		assert_noop!(
			ModuleRegistry::undeprecate(RuntimeOrigin::signed(ALICE), bv("alice/utils"), None),
			Error::<Test>::NotDeprecated
		);
	})
}

#[test]
fn a_version_is_an_entry_that_pins_and_cannot_change() {
	with_versions(|| {
		let v = ModuleRegistry::resolve("alice/utils".into(), "=1.0.0".into()).unwrap().unwrap();
		let key = entry_key("alice/utils", "1.0.0");
		assert_eq!(v.entry_key, key.to_vec());
		assert_eq!(v.pin_status, PinStatus::Pending);
		let doc = ModuleRegistry::get_module(key.to_vec()).unwrap();
		let doc: serde_json::Value = serde_json::from_slice(&doc).unwrap();
		assert_eq!(doc["cid"], CID);
		assert_eq!(doc["package"], "alice/utils");
		assert_eq!(doc["version"], "1.0.0");
		assert_eq!(doc["checksum"], format!("sha256:{}", "07".repeat(32)));
		assert_eq!(doc["size"], 1234);
		assert_eq!(doc["metadata"]["description"], "utilities");
		let info = Modules::<Test>::get(&key).map(|r| r.info).unwrap();
		assert_eq!(info.owner, ALICE);
		let entries: u64 = ["1.0.0", "1.1.0", "1.2.0-rc.1", "2.0.0"]
			.iter()
			.map(|v| {
				Modules::<Test>::get(entry_key("alice/utils", v)).map(|r| r.info).unwrap().deposit
			})
			.sum();
		// The entry's deposit pays for the entry and for the version's own rows.
		let value_len = ModuleRegistry::get_module(key.to_vec()).unwrap().len();
		assert_eq!(info.deposit, version_deposit(33, value_len));
		assert!(info.deposit > deposit_cid(33, value_len));
		assert_eq!(held(ALICE), namespace_deposit("alice") + entries);

		// The entry machinery pins it; its status is the version's.
		ModuleRegistry::do_record_pin(
			key.clone(),
			Modules::<Test>::get(&key).unwrap(),
			PINNER,
			module_registry_primitives::PinOutcome::Verified,
		);
		let v = ModuleRegistry::resolve("alice/utils".into(), "=1.0.0".into()).unwrap().unwrap();
		assert!(matches!(v.pin_status, PinStatus::Verified { by: PINNER, .. }));

		// No plain call touches it.
		let origin = || RuntimeOrigin::signed(ALICE);
		assert_noop!(
			ModuleRegistry::register_module(origin(), key.to_vec(), CID_V0.into()),
			Error::<Test>::SealedEntry
		);
		assert_noop!(
			ModuleRegistry::remove_module(origin(), key.to_vec()),
			Error::<Test>::SealedEntry
		);
		assert_noop!(
			ModuleRegistry::transfer_ownership(origin(), key.to_vec(), BOB),
			Error::<Test>::SealedEntry
		);
		assert_noop!(
			ModuleRegistry::force_remove_module(RuntimeOrigin::root(), key.to_vec()),
			Error::<Test>::SealedEntry
		);
		// Nor does publishing it again, with or without build metadata.
		assert_noop!(publish(ALICE, "alice/utils", "1.0.0"), Error::<Test>::VersionExists);
		assert_noop!(publish(ALICE, "alice/utils", "1.0.0+rebuild"), Error::<Test>::VersionExists);
	})
}

fn namespace_deposit(ns: &str) -> u64 {
	Namespaces::<Test>::get(crate::Name::truncate_from(ns.into())).unwrap().deposit
}

#[test]
fn version_keys_are_reserved_but_older_binary_keys_keep_working() {
	new_test_ext().execute_with(|| {
		let squat = version_entry_key("alice/utils", "1.0.0").to_vec();
		assert_noop!(
			ModuleRegistry::register_module(RuntimeOrigin::signed(BOB), squat, CID.into()),
			Error::<Test>::ReservedKey
		);
		// A 0xFF key registered before the registry layer (written here as the old code did)
		// can still be updated and removed by its owner.
		let old = vec![VERSION_KEY_PREFIX, 1, 2, 3];
		assert_ok!(ModuleRegistry::do_register(
			BOB,
			old.clone().try_into().unwrap(),
			CID.as_bytes().to_vec().try_into().unwrap()
		));
		assert_ok!(ModuleRegistry::register_module(
			RuntimeOrigin::signed(BOB),
			old.clone(),
			CID_V0.into()
		));
		assert_ok!(ModuleRegistry::remove_module(RuntimeOrigin::signed(BOB), old));
		// Text keys are unaffected.
		assert_ok!(ModuleRegistry::register_module(
			RuntimeOrigin::signed(BOB),
			"ÿ-is-text".into(),
			CID.into()
		));
	})
}

#[test]
fn claiming_namespaces() {
	new_test_ext().execute_with(|| {
		for bad in ["", "Alice", "1abc", "a_b", "a/b"] {
			assert_noop!(claim(ALICE, bad), Error::<Test>::InvalidName);
		}
		assert_noop!(
			ModuleRegistry::claim_namespace(RuntimeOrigin::signed(ALICE), bv([0xff])),
			Error::<Test>::InvalidName
		);
		for reserved in ["official", "verified", "community"] {
			assert_noop!(claim(ALICE, reserved), Error::<Test>::ReservedName);
		}
		// The reserved package prefixes and the reserved namespaces' `-` forms are the admin's
		// too; only the whole word is kept.
		for reserved in ["cm", "core", "core-x", "cognitive-ai", "official-x", "verified-y"] {
			assert_noop!(claim(ALICE, reserved), Error::<Test>::ReservedName);
		}
		assert_ok!(claim(BOB, "corex"));
		assert_ok!(claim(ALICE, "alice"));
		let expected = item_deposit(
			"alice".len() + {
				use codec::MaxEncodedLen;
				crate::NamespaceInfoOf::<Test>::max_encoded_len()
			},
		);
		assert_eq!(namespace_deposit("alice"), expected);
		assert_eq!(held(ALICE), expected);
		System::assert_last_event(
			Event::NamespaceClaimed {
				namespace: crate::Name::truncate_from(b"alice".to_vec()),
				owner: ALICE,
				deposit: expected,
			}
			.into(),
		);
		assert_noop!(claim(BOB, "alice"), Error::<Test>::NamespaceTaken);
		// Charlie cannot afford the deposit: nothing changes.
		<Balances as frame_support::traits::fungible::Mutate<u64>>::set_balance(&CHARLIE, 150);
		assert_noop!(
			claim(CHARLIE, &"c".repeat(64)),
			DispatchError::Token(sp_runtime::TokenError::FundsUnavailable)
		);
	})
}

#[test]
fn the_admin_assigns_reserved_namespaces_and_verifies() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			ModuleRegistry::assign_namespace(RuntimeOrigin::signed(ALICE), bv("official"), ALICE),
			DispatchError::BadOrigin
		);
		assert_ok!(ModuleRegistry::assign_namespace(RuntimeOrigin::root(), bv("official"), BOB));
		assert_noop!(
			ModuleRegistry::assign_namespace(RuntimeOrigin::root(), bv("official"), ALICE),
			Error::<Test>::NamespaceTaken
		);
		assert_noop!(
			ModuleRegistry::assign_namespace(RuntimeOrigin::root(), bv("community"), ALICE),
			Error::<Test>::ReservedName
		);
		assert_eq!(held(BOB), 0);
		assert_noop!(
			ModuleRegistry::set_namespace_verified(
				RuntimeOrigin::signed(BOB),
				bv("official"),
				true
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ModuleRegistry::set_namespace_verified(RuntimeOrigin::root(), bv("nobody"), true),
			Error::<Test>::UnknownNamespace
		);
		assert_ok!(ModuleRegistry::set_namespace_verified(
			RuntimeOrigin::root(),
			bv("official"),
			true
		));
		assert_ok!(publish(BOB, "official/std", "1.0.0"));
		let p = ModuleRegistry::get_package("official/std".into()).unwrap().unwrap();
		assert!(p.verified);
		assert_eq!(p.maintainers, vec![BOB]);
		let ns = ModuleRegistry::get_namespace("official".into()).unwrap().unwrap();
		assert!(ns.info.unwrap().verified && !ns.open);
		let open = ModuleRegistry::get_namespace("community".into()).unwrap().unwrap();
		assert!(open.open && open.info.is_none());
		assert_eq!(ModuleRegistry::get_namespace("nobody".into()), Ok(None));
		assert_eq!(ModuleRegistry::get_namespace("Bad".into()), Err(QueryError::BadName));
	})
}

#[test]
fn reserved_prefixes_need_the_admin() {
	new_test_ext().execute_with(|| {
		assert_ok!(claim(ALICE, "alice"));
		for name in ["alice/core-x", "alice/cm-x", "alice/cognitive-x", "community/core-y"] {
			assert_noop!(publish(ALICE, name, "1.0.0"), Error::<Test>::ReservedName);
		}
		assert_noop!(
			ModuleRegistry::create_package(
				RuntimeOrigin::signed(ALICE),
				bv("alice/core-x"),
				ALICE,
				ModuleType::Wasm
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ModuleRegistry::create_package(
				RuntimeOrigin::root(),
				bv("nobody/core-x"),
				ALICE,
				ModuleType::Wasm
			),
			Error::<Test>::UnknownNamespace
		);
		assert_ok!(ModuleRegistry::create_package(
			RuntimeOrigin::root(),
			bv("alice/core-x"),
			ALICE,
			ModuleType::Wasm
		));
		assert_noop!(
			ModuleRegistry::create_package(
				RuntimeOrigin::root(),
				bv("alice/core-x"),
				ALICE,
				ModuleType::Wasm
			),
			Error::<Test>::PackageExists
		);
		assert_ok!(publish(ALICE, "alice/core-x", "0.1.0"));
		let p = ModuleRegistry::get_package("alice/core-x".into()).unwrap().unwrap();
		assert_eq!((p.info.module_type, p.info.version_count), (ModuleType::Wasm, 1));
	})
}

#[test]
fn maintainers_publish_and_lose_the_right() {
	new_test_ext().execute_with(|| {
		assert_ok!(claim(ALICE, "alice"));
		let add = |by: u64, who: u64| {
			ModuleRegistry::add_maintainer(RuntimeOrigin::signed(by), bv("alice"), who)
		};
		assert_noop!(publish(BOB, "alice/utils", "1.0.0"), Error::<Test>::NotMaintainer);
		assert_noop!(add(BOB, BOB), Error::<Test>::NotNamespaceOwner);
		assert_noop!(add(ALICE, ALICE), Error::<Test>::AlreadyMaintainer);
		assert_ok!(add(ALICE, BOB));
		assert_noop!(add(ALICE, BOB), Error::<Test>::AlreadyMaintainer);
		assert_ok!(add(ALICE, CHARLIE));
		assert_noop!(add(ALICE, PINNER), Error::<Test>::TooManyMaintainers);
		assert_ok!(publish(BOB, "alice/utils", "1.0.0"));
		assert_eq!(
			Modules::<Test>::get(entry_key("alice/utils", "1.0.0")).map(|r| r.info).unwrap().owner,
			BOB
		);
		let p = ModuleRegistry::get_package("alice/utils".into()).unwrap().unwrap();
		assert_eq!(p.info.owner, ALICE);
		assert!(p.maintainers.contains(&BOB) && p.maintainers.contains(&ALICE));

		assert_ok!(ModuleRegistry::remove_maintainer(
			RuntimeOrigin::signed(ALICE),
			bv("alice"),
			BOB
		));
		assert_noop!(
			ModuleRegistry::remove_maintainer(RuntimeOrigin::signed(ALICE), bv("alice"), BOB),
			Error::<Test>::NotMaintainer
		);
		assert_noop!(publish(BOB, "alice/utils", "1.0.1"), Error::<Test>::NotMaintainer);
		assert_noop!(
			ModuleRegistry::yank_version(
				RuntimeOrigin::signed(BOB),
				bv("alice/utils"),
				bv("1.0.0")
			),
			Error::<Test>::NotMaintainer
		);
		// The version Bob published stays, and so does his deposit for it.
		assert_eq!(resolved("alice/utils", "*").as_deref(), Some("1.0.0"));
	})
}

#[test]
fn namespaces_change_hands_in_two_steps() {
	new_test_ext().execute_with(|| {
		assert_ok!(claim(ALICE, "alice"));
		assert_ok!(ModuleRegistry::add_maintainer(
			RuntimeOrigin::signed(ALICE),
			bv("alice"),
			CHARLIE
		));
		let ns_deposit = namespace_deposit("alice");
		let offer = |by: u64, to: u64| {
			ModuleRegistry::transfer_namespace(RuntimeOrigin::signed(by), bv("alice"), to)
		};
		let accept =
			|by: u64| ModuleRegistry::accept_namespace(RuntimeOrigin::signed(by), bv("alice"));
		assert_noop!(accept(BOB), Error::<Test>::NoOffer);
		assert_noop!(offer(BOB, BOB), Error::<Test>::NotNamespaceOwner);
		assert_noop!(offer(ALICE, ALICE), Error::<Test>::AlreadyOwner);
		assert_ok!(offer(ALICE, BOB));
		assert_eq!(
			ModuleRegistry::get_namespace("alice".into()).unwrap().unwrap().offered_to,
			Some(BOB)
		);
		assert_noop!(accept(CHARLIE), Error::<Test>::NotOfferee);
		assert_ok!(ModuleRegistry::cancel_namespace_offer(
			RuntimeOrigin::signed(ALICE),
			bv("alice")
		));
		assert_noop!(
			ModuleRegistry::cancel_namespace_offer(RuntimeOrigin::signed(ALICE), bv("alice")),
			Error::<Test>::NoOffer
		);
		assert_noop!(accept(BOB), Error::<Test>::NoOffer);
		assert_ok!(offer(ALICE, BOB));
		assert_ok!(accept(BOB));
		assert_eq!(held(ALICE), 0);
		assert_eq!(held(BOB), ns_deposit);
		let ns = ModuleRegistry::get_namespace("alice".into()).unwrap().unwrap();
		assert_eq!(ns.info.unwrap().owner, BOB);
		assert!(ns.maintainers.is_empty(), "the old owner's maintainers do not carry over");
		assert!(NamespaceOffers::<Test>::iter().next().is_none());
		assert_noop!(publish(CHARLIE, "alice/utils", "1.0.0"), Error::<Test>::NotMaintainer);
		assert_noop!(publish(ALICE, "alice/utils", "1.0.0"), Error::<Test>::NotMaintainer);
		assert_ok!(publish(BOB, "alice/utils", "1.0.0"));
	})
}

#[test]
fn a_transfer_clears_verified_and_an_assigned_namespace_moves_only_with_the_admin() {
	new_test_ext().execute_with(|| {
		let verified = |ns: &str| {
			ModuleRegistry::get_namespace(ns.into()).unwrap().unwrap().info.unwrap().verified
		};
		// A claimed, verified namespace loses the flag when it changes hands.
		assert_ok!(claim(ALICE, "alice"));
		assert_ok!(ModuleRegistry::set_namespace_verified(
			RuntimeOrigin::root(),
			bv("alice"),
			true
		));
		assert_ok!(ModuleRegistry::transfer_namespace(
			RuntimeOrigin::signed(ALICE),
			bv("alice"),
			BOB
		));
		assert_ok!(ModuleRegistry::accept_namespace(RuntimeOrigin::signed(BOB), bv("alice")));
		assert!(!verified("alice"));

		// An assigned namespace cannot be offered by its owner.
		assert_ok!(ModuleRegistry::assign_namespace(RuntimeOrigin::root(), bv("official"), ALICE));
		assert_ok!(ModuleRegistry::add_maintainer(
			RuntimeOrigin::signed(ALICE),
			bv("official"),
			CHARLIE
		));
		assert_noop!(
			ModuleRegistry::transfer_namespace(RuntimeOrigin::signed(ALICE), bv("official"), BOB),
			Error::<Test>::AssignedNamespace
		);
		// An offer left from before the rule cannot be accepted either.
		NamespaceOffers::<Test>::insert(crate::Name::truncate_from(b"official".to_vec()), BOB);
		assert_noop!(
			ModuleRegistry::accept_namespace(RuntimeOrigin::signed(BOB), bv("official")),
			Error::<Test>::AssignedNamespace
		);
		NamespaceOffers::<Test>::remove(crate::Name::truncate_from(b"official".to_vec()));
		assert_noop!(
			ModuleRegistry::force_transfer_namespace(
				RuntimeOrigin::signed(ALICE),
				bv("official"),
				BOB
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ModuleRegistry::force_transfer_namespace(RuntimeOrigin::root(), bv("nobody"), BOB),
			Error::<Test>::UnknownNamespace
		);
		assert_ok!(ModuleRegistry::force_transfer_namespace(
			RuntimeOrigin::root(),
			bv("official"),
			BOB
		));
		let ns = ModuleRegistry::get_namespace("official".into()).unwrap().unwrap();
		assert_eq!(ns.info.unwrap().owner, BOB);
		assert!(ns.maintainers.is_empty());

		// The admin can also take a claimed namespace: its claim deposit goes back.
		let before = held(BOB);
		assert!(before > 0, "Bob holds the claim deposit of `alice`");
		assert_ok!(ModuleRegistry::force_transfer_namespace(
			RuntimeOrigin::root(),
			bv("alice"),
			CHARLIE
		));
		assert_eq!(held(BOB), 0);
		System::assert_last_event(
			Event::NamespaceForceTransferred {
				namespace: crate::Name::truncate_from(b"alice".to_vec()),
				from: BOB,
				to: CHARLIE,
			}
			.into(),
		);
		assert_noop!(
			ModuleRegistry::transfer_namespace(RuntimeOrigin::signed(CHARLIE), bv("alice"), BOB),
			Error::<Test>::AssignedNamespace
		);
	})
}

#[test]
fn the_open_namespace_belongs_to_first_publishers() {
	new_test_ext().execute_with(|| {
		assert_ok!(publish(BOB, "community/left-pad", "1.0.0"));
		assert_noop!(publish(ALICE, "community/left-pad", "1.0.1"), Error::<Test>::NotMaintainer);
		assert_noop!(
			ModuleRegistry::set_package_status(
				RuntimeOrigin::signed(ALICE),
				bv("community/left-pad"),
				PackageStatus::Inactive
			),
			Error::<Test>::NotMaintainer
		);
		assert_ok!(publish(BOB, "community/left-pad", "1.0.1"));
		assert_ok!(publish(ALICE, "community/right-pad", "1.0.0"));
		let p = ModuleRegistry::get_package("@community/left-pad".into()).unwrap().unwrap();
		assert_eq!((p.info.owner, p.maintainers.clone()), (BOB, vec![BOB]));
		assert_eq!(p.latest.as_deref(), Some(&b"1.0.1"[..]));
	})
}

#[test]
fn publish_refuses_bad_input_by_name() {
	new_test_ext().execute_with(|| {
		assert_ok!(claim(ALICE, "alice"));
		let ok_meta = r#"{"type":"wasm"}"#;
		let p = |name: &str, version: &str, cid: &str, sum: &[u8], meta: &str| {
			publish_with(ALICE, name, version, cid, sum, meta)
		};
		assert_noop!(p("alice", "1.0.0", CID, &SUM, ok_meta), Error::<Test>::InvalidName);
		assert_noop!(p("alice/Utils", "1.0.0", CID, &SUM, ok_meta), Error::<Test>::InvalidName);
		assert_noop!(p("a/b/c", "1.0.0", CID, &SUM, ok_meta), Error::<Test>::InvalidName);
		assert_noop!(p("nobody/x", "1.0.0", CID, &SUM, ok_meta), Error::<Test>::UnknownNamespace);
		for bad in ["1.0", "v1.0.0", "01.0.0", "1.0.0-", "", " 1.0.0", "^1.0.0"] {
			assert_noop!(p("alice/x", bad, CID, &SUM, ok_meta), Error::<Test>::InvalidVersion);
		}
		assert_noop!(
			p("alice/x", "1.0.0", CID, &[1; 31], ok_meta),
			Error::<Test>::BadChecksumLength
		);
		assert_noop!(p("alice/x", "1.0.0", "not-a-cid", &SUM, ok_meta), Error::<Test>::InvalidCid);
		assert_noop!(p("alice/x", "1.0.0", "", &SUM, ok_meta), Error::<Test>::InvalidCid);
		let identity = "bafkqaaa";
		assert_noop!(p("alice/x", "1.0.0", identity, &SUM, ok_meta), Error::<Test>::IdentityCid);
		assert_noop!(p("alice/x", "1.0.0", CID, &SUM, "{"), Error::<Test>::InvalidJson);
		assert_noop!(p("alice/x", "1.0.0", CID, &SUM, "[]"), Error::<Test>::JsonNotObject);
		assert_noop!(p("alice/x", "1.0.0", CID, &SUM, CID), Error::<Test>::InvalidJson);
		assert_noop!(
			p("alice/x", "1.0.0", CID, &SUM, r#"{"type":"exe"}"#),
			Error::<Test>::InvalidModuleType
		);
		// A CID text longer than any legal text of its base is refused before decoding, and
		// so is a path around a CID.
		let long_z = format!("z{}", "2".repeat(600));
		assert_noop!(p("alice/x", "1.0.0", &long_z, &SUM, ok_meta), Error::<Test>::InvalidCid);
		let path = format!("x/ipfs/{CID}");
		assert_noop!(p("alice/x", "1.0.0", &path, &SUM, ok_meta), Error::<Test>::InvalidCid);
		// Metadata cannot break out of its field to name another CID.
		let sneaky = r#"{}, "cid": "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG""#;
		assert_noop!(p("alice/x", "1.0.0", CID, &SUM, sneaky), Error::<Test>::InvalidJson);

		// The largest metadata is accepted, and a CIDv0 is rendered as IPFS writes it.
		let fits = format!(r#"{{"d":"{}"}}"#, "x".repeat(MAX_METADATA as usize - 8));
		assert_ok!(p("alice/x", "1.0.0", CID_V0, &SUM, &fits));
		let p2 = ModuleRegistry::get_package("alice/x".into()).unwrap().unwrap();
		assert_eq!(p2.info.module_type, ModuleType::Other);
		for i in 1..MAX_VERSIONS {
			assert_ok!(p("alice/x", &format!("1.0.{i}"), CID, &SUM, ok_meta));
		}
		assert_noop!(p("alice/x", "9.0.0", CID, &SUM, ok_meta), Error::<Test>::TooManyVersions);
	})
}

#[test]
fn the_first_version_sets_the_module_type() {
	new_test_ext().execute_with(|| {
		assert_ok!(claim(ALICE, "alice"));
		assert_ok!(publish_with(ALICE, "alice/img", "1.0.0", CID, &SUM, r#"{"type":"docker"}"#));
		assert_ok!(publish_with(ALICE, "alice/img", "1.1.0", CID, &SUM, r#"{"type":"python"}"#));
		let p = ModuleRegistry::get_package("alice/img".into()).unwrap().unwrap();
		assert_eq!(p.info.module_type, ModuleType::Docker);
		assert_ok!(ModuleRegistry::set_package_status(
			RuntimeOrigin::signed(ALICE),
			bv("alice/img"),
			PackageStatus::Maintenance
		));
		let p = ModuleRegistry::get_package("alice/img".into()).unwrap().unwrap();
		assert_eq!(p.info.status, PackageStatus::Maintenance);
		assert_noop!(
			ModuleRegistry::set_package_status(
				RuntimeOrigin::signed(ALICE),
				bv("alice/nothing"),
				PackageStatus::Active
			),
			Error::<Test>::UnknownPackage
		);
	})
}

#[test]
fn yank_and_deprecate_refuse_bad_input_by_name() {
	with_versions(|| {
		let yank = |name: &str, v: &str| {
			ModuleRegistry::yank_version(RuntimeOrigin::signed(ALICE), bv(name), bv(v))
		};
		assert_noop!(yank("alice/none", "1.0.0"), Error::<Test>::UnknownPackage);
		assert_noop!(yank("alice/utils", "3.0.0"), Error::<Test>::UnknownVersion);
		assert_noop!(yank("alice/utils", "x"), Error::<Test>::InvalidVersion);
		assert_ok!(yank("alice/utils", "1.0.0+any-build"));
		assert_noop!(yank("alice/utils", "1.0.0"), Error::<Test>::AlreadyYanked);
		assert_noop!(
			ModuleRegistry::unyank_version(
				RuntimeOrigin::signed(ALICE),
				bv("alice/utils"),
				bv("1.1.0")
			),
			Error::<Test>::NotYanked
		);
		let deprecate = |successor: Option<&str>, reason: &[u8]| {
			ModuleRegistry::deprecate(
				RuntimeOrigin::signed(ALICE),
				bv("alice/utils"),
				None,
				successor.map(bv),
				bv(reason),
			)
		};
		assert_noop!(deprecate(Some("not a name"), b"x"), Error::<Test>::InvalidSuccessor);
		assert_noop!(deprecate(Some("alice/tools@^x"), b"x"), Error::<Test>::InvalidSuccessor);
		assert_noop!(deprecate(None, &[0xff]), Error::<Test>::InvalidReason);
		assert_noop!(
			ModuleRegistry::deprecate(
				RuntimeOrigin::signed(BOB),
				bv("alice/utils"),
				None,
				None,
				bv(b"mine now")
			),
			Error::<Test>::NotMaintainer
		);
		assert_noop!(
			ModuleRegistry::undeprecate(
				RuntimeOrigin::signed(ALICE),
				bv("alice/utils"),
				Some(bv("1.0.0"))
			),
			Error::<Test>::NotDeprecated
		);
		assert_ok!(deprecate(Some("@alice/tools"), &[b'a'; 256]));
	})
}

#[test]
fn reads_list_versions_in_order_and_refuse_bad_queries() {
	with_versions(|| {
		let all: Vec<_> = ModuleRegistry::versions("alice/utils".into(), None, 100)
			.unwrap()
			.into_iter()
			.map(|v| String::from_utf8(v.record.version.to_vec()).unwrap())
			.collect();
		assert_eq!(all, ["1.0.0", "1.1.0", "1.2.0-rc.1", "2.0.0"]);
		let page: Vec<_> = ModuleRegistry::versions("alice/utils".into(), Some("1.1.0".into()), 2)
			.unwrap()
			.into_iter()
			.map(|v| v.record.version.to_vec())
			.collect();
		assert_eq!(page, [b"1.2.0-rc.1".to_vec(), b"2.0.0".to_vec()]);
		assert_eq!(ModuleRegistry::versions("alice/none".into(), None, 10), Ok(vec![]));
		assert_eq!(
			ModuleRegistry::versions("alice/utils".into(), Some("x".into()), 10),
			Err(QueryError::BadRange)
		);
		assert_eq!(ModuleRegistry::resolve("alice".into(), "*".into()), Err(QueryError::BadName));
		assert_eq!(
			ModuleRegistry::resolve("alice/utils".into(), "^^1".into()),
			Err(QueryError::BadRange)
		);
		assert_eq!(ModuleRegistry::resolve("alice/none".into(), "*".into()), Ok(None));
		let p = ModuleRegistry::get_package("alice/utils".into()).unwrap().unwrap();
		assert_eq!(p.latest.as_deref(), Some(&b"2.0.0"[..]));
		assert_eq!(p.info.version_count, 4);
		assert_eq!(ModuleRegistry::get_package("alice/none".into()), Ok(None));
		assert_eq!(Versions::<Test>::iter().count(), 4);
		assert_eq!(VersionEntries::<Test>::iter().count(), 4);
		assert_eq!(Packages::<Test>::iter().count(), 1);
	})
}

#[test]
fn packages_are_listed_page_by_page() {
	new_test_ext().execute_with(|| {
		assert_ok!(claim(ALICE, "alice"));
		for name in ["a", "b", "c", "d", "e"] {
			assert_ok!(publish(ALICE, &format!("alice/{name}"), "1.0.0"));
		}
		let mut seen = Vec::new();
		let mut after = None;
		loop {
			let page = ModuleRegistry::list_packages(after.clone(), 2).unwrap();
			if page.is_empty() {
				break;
			}
			assert!(page.len() <= 2);
			after = page.last().map(|p| p.package.clone());
			seen.extend(page.into_iter().map(|p| String::from_utf8(p.package).unwrap()));
		}
		seen.sort();
		assert_eq!(seen, ["alice/a", "alice/b", "alice/c", "alice/d", "alice/e"]);
		assert_eq!(
			ModuleRegistry::list_packages(Some(b"bad".to_vec()), 2),
			Err(QueryError::BadName)
		);
	})
}

/// The SemVer 2.0 specification's precedence example, and more, in ascending order.
const ORDERED: [&str; 14] = [
	"1.0.0-alpha",
	"1.0.0-alpha.1",
	"1.0.0-alpha.beta",
	"1.0.0-beta",
	"1.0.0-beta.2",
	"1.0.0-beta.11",
	"1.0.0-rc.1",
	"1.0.0",
	"1.0.1",
	"1.9.0+build.5",
	"1.10.0",
	"2.0.0-rc.1",
	"2.0.0-rc.2",
	"10.0.0",
];

fn texts(views: Vec<crate::VersionViewOf<Test>>) -> Vec<String> {
	views.into_iter().map(|v| String::from_utf8(v.record.version.to_vec()).unwrap()).collect()
}

fn latest(name: &str) -> Option<String> {
	let package = ModuleRegistry::get_package(name.into()).unwrap().unwrap();
	package.latest.map(|l| String::from_utf8(l).unwrap())
}

/// Published in a scrambled order, versions are listed, paged and resolved in precedence
/// order from the package's index; yanking takes a version out of resolution and unyanking
/// puts it back, and an exact range still names a yanked version.
#[test]
fn versions_are_indexed_in_precedence_order() {
	new_test_ext().execute_with(|| {
		assert_ok!(claim(ALICE, "alice"));
		for i in [7, 0, 13, 3, 9, 1, 5, 12, 10, 2, 8, 4, 6, 11] {
			assert_ok!(publish(ALICE, "alice/p", ORDERED[i]));
		}
		let all = texts(ModuleRegistry::versions("alice/p".into(), None, 100).unwrap());
		assert_eq!(all, ORDERED);
		// Pages of five, each after the last of the one before (build metadata ignored).
		let mut paged = Vec::new();
		let mut after: Option<Vec<u8>> = None;
		loop {
			let page = texts(ModuleRegistry::versions("alice/p".into(), after.clone(), 5).unwrap());
			if page.is_empty() {
				break;
			}
			after = page.last().map(|v| v.split('+').next().unwrap().as_bytes().to_vec());
			paged.extend(page);
		}
		assert_eq!(paged, ORDERED);
		assert_eq!(
			texts(
				ModuleRegistry::versions("alice/p".into(), Some("1.9.0+other".into()), 1).unwrap()
			),
			["1.10.0"]
		);

		assert_eq!(latest("alice/p").as_deref(), Some("10.0.0"));
		assert_eq!(resolved("alice/p", "^1").as_deref(), Some("1.10.0"));
		assert_eq!(resolved("alice/p", "~1.9").as_deref(), Some("1.9.0+build.5"));
		assert_eq!(resolved("alice/p", ">=1.0.0-beta, <1.0.0").as_deref(), Some("1.0.0-rc.1"));
		assert_eq!(resolved("alice/p", "^2.0.0-rc.1").as_deref(), Some("2.0.0-rc.2"));
		assert_eq!(resolved("alice/p", "<1").as_deref(), None);
		assert_eq!(resolved("alice/p", "^3"), None);

		let yank = |v: &str, yes: bool| {
			let call =
				if yes { ModuleRegistry::yank_version } else { ModuleRegistry::unyank_version };
			call(RuntimeOrigin::signed(ALICE), bv("alice/p"), bv(v))
		};
		assert_ok!(yank("10.0.0", true));
		assert_ok!(yank("2.0.0-rc.2", true));
		assert_eq!(latest("alice/p").as_deref(), Some("1.10.0"));
		assert_eq!(resolved("alice/p", "*").as_deref(), Some("1.10.0"));
		assert_eq!(resolved("alice/p", "^2.0.0-rc.1").as_deref(), Some("2.0.0-rc.1"));
		assert_eq!(resolved("alice/p", "10.0.0").as_deref(), Some("10.0.0"), "exact: yanked too");
		assert_eq!(resolved("alice/p", "=2.0.0-rc.2").as_deref(), Some("2.0.0-rc.2"));
		// Listing shows yanked versions; they stay in the order index.
		assert_eq!(texts(ModuleRegistry::versions("alice/p".into(), None, 100).unwrap()), ORDERED);
		assert_ok!(yank("10.0.0", false));
		assert_eq!(latest("alice/p").as_deref(), Some("10.0.0"));
		assert_eq!(resolved("alice/p", ">=2.0.0-rc.1").as_deref(), Some("10.0.0"));
	})
}

/// A range naming a version longer than any the chain stores cannot be searched by key: the
/// query is refused rather than scanning.
#[test]
fn queries_with_unkeyable_versions_are_refused() {
	with_versions(|| {
		let long = format!("1.0.0-{}", ["a"; 200].join("."));
		assert_eq!(
			ModuleRegistry::resolve("alice/utils".into(), format!("<{long}").into_bytes()),
			Err(QueryError::BadRange)
		);
		assert_eq!(
			ModuleRegistry::versions("alice/utils".into(), Some(long.into_bytes()), 10),
			Err(QueryError::BadRange)
		);
	})
}

/// Storage version 2 had no version index: the migration builds it from `Versions`, so every
/// read answers as before, and a second run does nothing.
#[test]
fn migration_to_v3_indexes_every_version() {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	with_versions(|| {
		assert_ok!(ModuleRegistry::yank_version(
			RuntimeOrigin::signed(ALICE),
			bv("alice/utils"),
			bv("2.0.0")
		));
		let ranges = ["*", "^1", "2.0.0", "^1.2.0-rc.1", ">=1.1, <2"];
		let before: Vec<_> = ranges.iter().map(|r| resolved("alice/utils", r)).collect();
		let listed = texts(ModuleRegistry::versions("alice/utils".into(), None, 100).unwrap());

		// The version 2 layout: no index rows, and namespace records without a package count.
		use crate::migrations::v3::v2_layout;
		let _ = crate::VersionOrder::<Test>::clear(u32::MAX, None);
		let _ = crate::LiveVersions::<Test>::clear(u32::MAX, None);
		// Version 2 priced a version's entry as a plain entry: hold that price again.
		use frame_support::traits::Consideration;
		let version_keys: Vec<_> = crate::VersionEntries::<Test>::iter_keys().collect();
		for key in &version_keys {
			let mut record = Modules::<Test>::get(key).unwrap();
			let len = record.info.value_len as usize;
			let fp = ModuleRegistry::entry_footprint(key.len(), len, true);
			record.ticket = record.ticket.update(&record.info.owner, fp).unwrap();
			record.info.deposit = deposit_cid(key.len(), len);
			Modules::<Test>::insert(key, record);
		}
		// Version 2 priced a claim on a record 4 bytes shorter: hold that price again.
		use codec::MaxEncodedLen;
		use sp_runtime::traits::Convert;
		let namespaces: Vec<_> = Namespaces::<Test>::iter().collect();
		let mut v2_deposits = Vec::new();
		for (name, info) in &namespaces {
			let v2_size = crate::NamespaceInfoOf::<Test>::max_encoded_len() - 4;
			let v2_fp = crate::footprint(1, name.len() + v2_size);
			let ticket = crate::NamespaceDeposits::<Test>::take(name).unwrap();
			let ticket = ticket.update(&info.owner, v2_fp).unwrap();
			crate::NamespaceDeposits::<Test>::insert(name, ticket);
			let v2_deposit = <Test as crate::Config>::DepositPrice::convert(v2_fp);
			assert!(v2_deposit < info.deposit, "the longer record costs more");
			v2_deposits.push(v2_deposit);
			v2_layout::Namespaces::<Test>::insert(
				name,
				v2_layout::NamespaceInfo {
					owner: info.owner,
					verified: info.verified,
					deposit: v2_deposit,
					created: info.created,
					maintainer_count: info.maintainer_count,
				},
			);
		}
		assert_eq!(
			held(ALICE),
			Modules::<Test>::iter().map(|(_, r)| r.info.deposit).sum::<u64>() +
				v2_deposits.iter().sum::<u64>()
		);
		StorageVersion::new(2).put::<ModuleRegistry>();
		assert!(ModuleRegistry::do_try_state().is_err());
		assert_eq!(resolved("alice/utils", "*"), None, "reads need the index");

		crate::migrations::v3::MigrateV2ToV3::<Test>::on_runtime_upgrade();
		assert_eq!(ModuleRegistry::on_chain_storage_version(), StorageVersion::new(3));
		assert_eq!(crate::VersionOrder::<Test>::iter().count(), 4);
		assert_eq!(crate::LiveVersions::<Test>::iter().count(), 3, "the yanked one is not live");
		assert_ok!(ModuleRegistry::do_try_state());
		assert_eq!(Namespaces::<Test>::iter().collect::<Vec<_>>(), namespaces);
		for key in &version_keys {
			let info = Modules::<Test>::get(key).unwrap().info;
			assert_eq!(info.deposit, version_deposit(key.len(), info.value_len as usize));
		}
		assert_eq!(namespaces[0].1.package_count, 1);
		let after: Vec<_> = ranges.iter().map(|r| resolved("alice/utils", r)).collect();
		assert_eq!(after, before);
		assert_eq!(before[0].as_deref(), Some("1.1.0"));
		assert_eq!(
			texts(ModuleRegistry::versions("alice/utils".into(), None, 100).unwrap()),
			listed
		);

		// A second run is a no-op: the version guard skips it.
		let _ = crate::LiveVersions::<Test>::clear(u32::MAX, None);
		crate::migrations::v3::MigrateV2ToV3::<Test>::on_runtime_upgrade();
		assert_eq!(crate::LiveVersions::<Test>::iter().count(), 0);
		crate::migrations::v3::MigrateV2ToV3::<Test>::on_runtime_upgrade();
		StorageVersion::new(2).put::<ModuleRegistry>();
		crate::migrations::v3::MigrateV2ToV3::<Test>::on_runtime_upgrade();
		assert_eq!(crate::LiveVersions::<Test>::iter().count(), 3);
	})
}

/// `try_state` notices an index that disagrees with the versions.
#[test]
fn try_state_checks_the_version_index() {
	with_versions(|| {
		let (key, identity) = crate::LiveVersions::<Test>::iter_prefix((
			crate::Name::truncate_from(b"alice".to_vec()),
			crate::Name::truncate_from(b"utils".to_vec()),
		))
		.next()
		.unwrap();
		let package = (
			crate::Name::truncate_from(b"alice".to_vec()),
			crate::Name::truncate_from(b"utils".to_vec()),
		);
		crate::LiveVersions::<Test>::remove(&package, key);
		assert!(ModuleRegistry::do_try_state().is_err());
		crate::LiveVersions::<Test>::insert(&package, key, identity);
		assert_ok!(ModuleRegistry::do_try_state());
		let stray =
			module_registry_primitives::order::order_key(&semver::Version::new(9, 9, 9)).unwrap();
		crate::VersionOrder::<Test>::insert(
			&package,
			stray,
			crate::VersionText::truncate_from(b"9.9.9".to_vec()),
		);
		assert!(ModuleRegistry::do_try_state().is_err());
		crate::VersionOrder::<Test>::remove(&package, stray);
	})
}

mod property {
	use super::*;
	use proptest::prelude::*;

	fn version() -> impl Strategy<Value = String> {
		(0u64..3, 0u64..3, 0u64..3, prop::option::of(0u64..2)).prop_map(
			|(a, b, c, pre)| match pre {
				Some(p) => format!("{a}.{b}.{c}-rc.{p}"),
				None => format!("{a}.{b}.{c}"),
			},
		)
	}

	fn range() -> impl Strategy<Value = String> {
		let op = prop::sample::select(vec!["", "=", "^", "~", ">=", "<", ">", "<="]);
		prop_oneof![
			Just("*".to_string()),
			(op.clone(), version()).prop_map(|(op, v)| format!("{op}{v}")),
			(version(), version()).prop_map(|(a, b)| format!(">={a}, <{b}")),
		]
	}

	proptest! {
		#![proptest_config(ProptestConfig::with_cases(48))]

		/// On random sets of published versions, random yanks and random ranges, the chain
		/// resolves to the highest version the `semver` crate says matches (skipping yanked
		/// ones unless the range is exact; `*` skipping pre-releases).
		#[test]
		fn resolution_agrees_with_semver(
			versions in prop::collection::btree_set(version(), 1..=24),
			yanks in prop::collection::vec(any::<bool>(), 24),
			range in range(),
		) {
			new_test_ext().execute_with(|| {
				assert_ok!(claim(ALICE, "alice"));
				for (v, yank) in versions.iter().zip(&yanks) {
					assert_ok!(publish(ALICE, "alice/p", v));
					if *yank {
						assert_ok!(ModuleRegistry::yank_version(
							RuntimeOrigin::signed(ALICE),
							bv("alice/p"),
							bv(v.clone())
						));
					}
				}
				let semver_range = if range == "*" {
					None
				} else if range.starts_with(|c: char| c.is_ascii_digit()) {
					Some(semver::VersionReq::parse(&format!("={range}")).unwrap())
				} else {
					Some(semver::VersionReq::parse(&range).unwrap())
				};
				let exact = semver_range.as_ref().is_some_and(|r| {
					r.comparators.len() == 1 && r.comparators[0].op == semver::Op::Exact
				});
				let expected = versions
					.iter()
					.zip(&yanks)
					.map(|(v, y)| (semver::Version::parse(v).unwrap(), *y))
					.filter(|(v, yanked)| {
						(!yanked || exact) &&
							match &semver_range {
								None => v.pre.is_empty(),
								Some(r) => r.matches(v),
							}
					})
					.map(|(v, _)| v)
					.max()
					.map(|v| v.to_string());
				assert_eq!(resolved("alice/p", &range), expected, "range {range}");
			});
		}
	}
}

/// Every argument of the registry's calls is bounded, so an oversize one is refused when the
/// transaction is decoded, before any of it is parsed (a 1 MiB `z…` CID used to be decoded
/// inside `publish_version`, quadratically, for a minute). The encoding is the one of the
/// `Vec<u8>` arguments the calls took before, so clients encode as they did.
#[test]
fn oversize_call_arguments_are_refused_at_decode() {
	use codec::{Compact, Decode, Encode};
	/// `publish_version` as the clients encode it, with every argument of the given lengths.
	fn publish(lens: [usize; 5]) -> Vec<u8> {
		let [name, version, cid, checksum, metadata] = lens;
		let mut call = RuntimeCall::ModuleRegistry(crate::Call::publish_version {
			name: bv("a/b"),
			version: bv("1.0.0"),
			cid: bv(CID),
			checksum: bv(SUM),
			size: 1,
			metadata: bv("{}"),
		})
		.encode();
		call.truncate(2); // pallet and call index
		for (len, fill) in
			[(name, b'a'), (version, b'1'), (cid, b'z'), (checksum, 7), (metadata, b' ')]
		{
			if fill == b' ' {
				1u64.encode_to(&mut call); // `size` comes before `metadata`
			}
			vec![fill; len].encode_to(&mut call);
		}
		call
	}
	let decodes = |bytes: Vec<u8>| RuntimeCall::decode(&mut bytes.as_slice()).is_ok();
	let fits = [130, 128, crate::validation::MAX_CID_TEXT_LEN, 32, MAX_METADATA as usize];
	assert!(decodes(publish(fits)), "every argument at its bound");
	for i in 0..5 {
		let mut over = fits;
		over[i] += 1;
		assert!(!decodes(publish(over)), "argument {i} one byte over its bound");
	}
	// A 1 MiB `z…` CID is refused by the length prefix alone.
	let mut huge = fits;
	huge[2] = 1 << 20;
	assert!(!decodes(publish(huge)));

	let namespace = |len: usize| {
		let mut call =
			RuntimeCall::ModuleRegistry(crate::Call::claim_namespace { namespace: bv("a") })
				.encode();
		call.truncate(2);
		Compact(len as u32).encode_to(&mut call);
		call.extend(vec![b'a'; len]);
		call
	};
	assert!(decodes(namespace(64)));
	assert!(!decodes(namespace(65)));

	let reason = |len: usize| {
		let mut call = RuntimeCall::ModuleRegistry(crate::Call::deprecate {
			name: bv("a/b"),
			version: None,
			successor: None,
			reason: bv("x"),
		})
		.encode();
		call.truncate(call.len() - 2);
		vec![b'r'; len].encode_to(&mut call);
		call
	};
	assert!(decodes(reason(256)));
	assert!(!decodes(reason(257)));
}

/// The admin's remedy for a lost key or a squatted name in the open namespace: the package
/// moves to a new owner, who alone publishes from then on. Packages of claimed namespaces move
/// with their namespace only.
#[test]
fn the_admin_can_move_a_community_package() {
	with_versions(|| {
		assert_ok!(publish(BOB, "community/left-pad", "1.0.0"));
		let package = || -> crate::PackageText { bv("community/left-pad") };
		assert_noop!(
			ModuleRegistry::force_transfer_package(RuntimeOrigin::signed(ALICE), package(), ALICE),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ModuleRegistry::force_transfer_package(RuntimeOrigin::root(), package(), BOB),
			Error::<Test>::AlreadyOwner
		);
		assert_ok!(ModuleRegistry::force_transfer_package(RuntimeOrigin::root(), package(), ALICE));
		System::assert_last_event(RuntimeEvent::ModuleRegistry(Event::PackageForceTransferred {
			namespace: crate::Name::truncate_from(b"community".to_vec()),
			name: crate::Name::truncate_from(b"left-pad".to_vec()),
			from: BOB,
			to: ALICE,
		}));
		assert_noop!(publish(BOB, "community/left-pad", "1.0.1"), Error::<Test>::NotMaintainer);
		assert_ok!(publish(ALICE, "community/left-pad", "1.0.1"));
		// Published versions keep their publisher.
		let v = ModuleRegistry::resolve("community/left-pad".into(), "1.0.0".into()).unwrap();
		assert_eq!(v.unwrap().record.publisher, BOB);

		assert_noop!(
			ModuleRegistry::force_transfer_package(RuntimeOrigin::root(), bv("alice/utils"), BOB),
			Error::<Test>::NamespacedPackage
		);
		assert_noop!(
			ModuleRegistry::force_transfer_package(
				RuntimeOrigin::root(),
				bv("community/none"),
				BOB
			),
			Error::<Test>::UnknownPackage
		);
	})
}

/// A namespace that holds no packages can be given up: its deposit comes back, its
/// maintainers and offer go, and the name is free to claim again. One with a package cannot
/// (packages are never deleted), nor can an assigned one.
#[test]
fn an_empty_namespace_can_be_released() {
	new_test_ext().execute_with(|| {
		let release = |who: u64, ns: &str| {
			ModuleRegistry::release_namespace(RuntimeOrigin::signed(who), bv(ns))
		};
		assert_ok!(claim(ALICE, "alice"));
		let deposit =
			Namespaces::<Test>::get(crate::Name::truncate_from(b"alice".to_vec())).unwrap().deposit;
		assert!(deposit > 0);
		let before = held(ALICE);
		assert_ok!(ModuleRegistry::add_maintainer(RuntimeOrigin::signed(ALICE), bv("alice"), BOB));
		assert_ok!(ModuleRegistry::transfer_namespace(
			RuntimeOrigin::signed(ALICE),
			bv("alice"),
			CHARLIE
		));
		assert_noop!(release(BOB, "alice"), Error::<Test>::NotNamespaceOwner);
		assert_noop!(release(ALICE, "nobody"), Error::<Test>::UnknownNamespace);
		assert_ok!(release(ALICE, "alice"));
		System::assert_last_event(RuntimeEvent::ModuleRegistry(Event::NamespaceReleased {
			namespace: crate::Name::truncate_from(b"alice".to_vec()),
			owner: ALICE,
			deposit,
		}));
		assert_eq!(held(ALICE), before - deposit);
		assert!(ModuleRegistry::get_namespace("alice".into()).unwrap().is_none());
		assert_eq!(crate::Maintainers::<Test>::iter().count(), 0);
		assert!(NamespaceOffers::<Test>::iter().next().is_none());
		// Free again, for anyone.
		assert_ok!(claim(BOB, "alice"));

		// A namespace with a package keeps it: the count says so.
		assert_ok!(publish(BOB, "alice/x", "1.0.0"));
		let info = Namespaces::<Test>::get(crate::Name::truncate_from(b"alice".to_vec())).unwrap();
		assert_eq!(info.package_count, 1);
		assert_noop!(release(BOB, "alice"), Error::<Test>::NamespaceNotEmpty);
		assert_ok!(ModuleRegistry::create_package(
			RuntimeOrigin::root(),
			bv("alice/core-y"),
			BOB,
			ModuleType::Other
		));
		let info = Namespaces::<Test>::get(crate::Name::truncate_from(b"alice".to_vec())).unwrap();
		assert_eq!(info.package_count, 2);

		// An assigned namespace is the admin's.
		assert_ok!(ModuleRegistry::assign_namespace(
			RuntimeOrigin::root(),
			bv("official"),
			CHARLIE
		));
		assert_noop!(release(CHARLIE, "official"), Error::<Test>::AssignedNamespace);
	})
}

fn publish_needing(who: u64, name: &str, version: &str, modules: &[&str]) -> DispatchResultAny {
	let list: Vec<String> = modules.iter().map(|m| format!("\"{m}\"")).collect();
	let metadata = format!(r#"{{"dependencies":{{"modules":[{}]}}}}"#, list.join(","));
	publish_with(who, name, version, CID, &SUM, &metadata)
}

type DispatchResultAny = frame_support::dispatch::DispatchResult;

#[test]
fn dependencies_must_exist_and_be_well_formed() {
	new_test_ext().execute_with(|| {
		assert_ok!(claim(ALICE, "alice"));
		assert_ok!(publish(ALICE, "alice/log", "1.0.0"));
		// A package may need itself (the resolver handles the cycle), even on its first
		// version, and packages that exist.
		assert_ok!(publish_needing(ALICE, "alice/app", "1.0.0", &["alice/log@^1", "alice/app@^1"]));
		let document = crate::ModuleRegistry::<Test>::get(entry_key("alice/app", "1.0.0")).unwrap();
		let text = String::from_utf8(document.to_vec()).unwrap();
		assert!(text.contains(r#""modules":["alice/log@^1","alice/app@^1"]"#), "{text}");

		// Each refusal changes nothing.
		let versions =
			|| ModuleRegistry::get_package("alice/app".into()).unwrap().unwrap().info.version_count;
		for (modules, error) in [
			(&["alice/missing@^1"][..], Error::<Test>::UnknownDependency),
			(&["alice/log@^1", "nobody/log"][..], Error::<Test>::UnknownDependency),
			(&["alice/log@^^1"][..], Error::<Test>::BadDependencies),
			(&["Alice/log"][..], Error::<Test>::BadDependencies),
			(&["alice/log@1", "@alice/log@2"][..], Error::<Test>::BadDependencies),
		] {
			assert_noop!(publish_needing(ALICE, "alice/app", "1.1.0", modules), error);
		}
		for metadata in [
			r#"{"dependencies":["alice/log"]}"#,
			r#"{"dependencies":{"module":["alice/log"]}}"#,
			r#"{"dependencies":{"runtime_min":"soon"}}"#,
		] {
			assert_noop!(
				publish_with(ALICE, "alice/app", "1.1.0", CID, &SUM, metadata),
				Error::<Test>::BadDependencies
			);
		}
		assert_eq!(versions(), 1);
	});
}

#[test]
fn dependencies_are_counted_before_they_are_read_and_the_unused_reads_are_refunded() {
	use frame_support::dispatch::GetDispatchInfo;
	new_test_ext().execute_with(|| {
		assert_ok!(claim(ALICE, "a"));
		let max = MAX_DEPENDENCIES as usize;
		// Unknown packages, one more than allowed: refused for the count, not the names.
		let names: Vec<String> = (0..=max).map(|i| format!("a/p{i}")).collect();
		let refs: Vec<&str> = names.iter().map(String::as_str).collect();
		assert_noop!(
			publish_needing(ALICE, "a/app", "1.0.0", &refs),
			Error::<Test>::TooManyDependencies
		);

		assert_ok!(publish(ALICE, "a/log", "1.0.0"));
		let call = |metadata: &str| crate::Call::<Test>::publish_version {
			name: bv("a/app"),
			version: bv("1.0.0"),
			cid: bv(CID),
			checksum: bv(SUM),
			size: 1,
			metadata: bv(metadata),
		};
		let metadata = r#"{"dependencies":{"modules":["a/log@1"]}}"#;
		let declared = call(metadata).get_dispatch_info().call_weight;
		let post = ModuleRegistry::publish_version(
			RuntimeOrigin::signed(ALICE),
			bv("a/app"),
			bv("1.0.0"),
			bv(CID),
			bv(SUM),
			1,
			bv(metadata),
		)
		.unwrap();
		let read = <Test as frame_system::Config>::DbWeight::get().reads(1);
		let unused = <Test as frame_system::Config>::DbWeight::get().reads(max as u64 - 1);
		assert_eq!(post.actual_weight, Some(declared - unused));
		assert!(read.ref_time() > 0);
	});
}
