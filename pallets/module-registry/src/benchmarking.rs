//! Benchmarks for the registry pallet, parameterised by key length `k` and value length `v`.

use super::*;
use crate::Pallet as ModuleRegistryPallet;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{Consideration, EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::RawOrigin;

/// A key of exactly `len` bytes (at least one).
fn key_of(len: u32) -> Vec<u8> {
	vec![b'k'; len.max(1) as usize]
}

/// The worst case JSON value of exactly `len` bytes (at least 2): an object whose `custom` field
/// is an array of one-digit numbers, the most tokens per byte, after a `cid` field that parses
/// and is the dearest CID text to decode ([`worst_cid_text`]).
pub fn worst_case_json(len: u32) -> Vec<u8> {
	let head = [&br#"{"cid":""#[..], &worst_cid_text(), br#"","custom":["#].concat();
	worst_case_json_with(len, &head)
}

/// The worst case JSON value of exactly `len` bytes that names no CID.
pub fn worst_case_plain_json(len: u32) -> Vec<u8> {
	worst_case_json_with(len, br#"{"custom":["#)
}

/// A value of about `len` bytes that names a CID: the worst-case JSON with a `cid` field when
/// `len` leaves room for it, else the dearest raw CID text (the longest base58btc text of the
/// largest CID, 111 bytes; a base10 text is a JSON number, never a raw CID).
fn pinned_value(len: u32) -> Vec<u8> {
	let json = worst_case_json(len);
	if json.starts_with(br#"{"cid""#) {
		json
	} else {
		validation::longest_cid_text(validation::DEAREST_RAW_CID_BASE).into_bytes()
	}
}

/// A CID other than [`BENCH_CID`], for updates from one CID to another.
const OTHER_CID: &[u8] = b"bafkreiek2k73pkep277gaalrcrap7a6msq735tshvjhm5qnrjh5f3bnhbi";

fn worst_case_json_with(len: u32, head: &[u8]) -> Vec<u8> {
	let len = len as usize;
	if len < head.len() + 3 {
		let mut v = vec![b'{'];
		v.resize(len.saturating_sub(1).max(1), b' ');
		v.push(b'}');
		return v;
	}
	let mut v = head.to_vec();
	// Fill with "0," pairs, leaving room for a final "0]}".
	while v.len() + 2 + 3 <= len {
		v.extend_from_slice(b"0,");
	}
	v.extend_from_slice(b"0]}");
	while v.len() < len {
		v.insert(v.len() - 1, b' ');
	}
	v
}

/// Metadata of exactly `len` bytes that is as dear to check as metadata gets: references to
/// `packages` in `dependencies.modules` (as many as fit), whose ranges take the rest of the
/// bytes as comparators (at most 32 per range, the `semver` crate's limit). Per byte this is
/// five to twenty times dearer than [`worst_case_json`] (primitives'
/// `examples/metadata_cost.rs`); when `len` leaves no room for a reference, that is used.
pub fn worst_case_metadata(len: u32, packages: &[Vec<u8>]) -> Vec<u8> {
	let len = len as usize;
	let (head, tail) = (&br#"{"dependencies":{"modules":["#[..], &b"]}}"[..]);
	let mut items: Vec<Vec<u8>> = Vec::new();
	let mut used = head.len() + tail.len();
	for package in packages {
		let item = [&b"\""[..], package, b"@>=1\""].concat();
		let extra = item.len() + usize::from(!items.is_empty());
		if used + extra > len {
			break;
		}
		used += extra;
		items.push(item);
	}
	if items.is_empty() {
		return worst_case_json(len as u32);
	}
	// Comparators of one length, long enough that 31 per range take the bytes left.
	let per_range = (len - used).div_ceil(items.len() * 31);
	let tag = "a".repeat(per_range.saturating_sub(8));
	let comparator = if tag.is_empty() {
		b",<9.9.9".to_vec()
	} else {
		alloc::format!(",<9.9.9-{tag}").into_bytes()
	};
	'fill: for _ in 0..31 {
		for item in items.iter_mut() {
			if used + comparator.len() > len {
				break 'fill;
			}
			let quote = item.len() - 1;
			item.splice(quote..quote, comparator.iter().copied());
			used += comparator.len();
		}
	}
	let mut v = head.to_vec();
	v.extend(items.join(&b","[..]));
	v.extend_from_slice(tail);
	while v.len() < len {
		v.insert(v.len() - 1, b' ');
	}
	v
}

fn funded<T: Config>(
	name: &'static str,
	index: u32,
	key_len: usize,
	value_len: usize,
) -> T::AccountId {
	fund::<T>(account(name, index, 0), key_len, value_len)
}

/// Give `who` enough to hold the deposits of two entries: one of `key_len + value_len` bytes,
/// and one of the largest value.
fn fund<T: Config>(who: T::AccountId, key_len: usize, value_len: usize) -> T::AccountId {
	let entry = ModuleRegistryPallet::<T>::entry_footprint;
	T::Consideration::ensure_successful(&who, entry(key_len, value_len, true));
	T::Consideration::ensure_successful(
		&who,
		entry(key_len, T::MaxValueLength::get() as usize, true),
	);
	who
}

/// Register `value` under a key of `k` bytes for the whitelisted caller (the transaction's
/// signer, whose account FRAME reads and writes for the fee anyway), funded for a second value
/// of `v` bytes; answer the key and the caller.
fn registered<T: Config>(
	k: u32,
	v: u32,
	value: Option<&[u8]>,
) -> Result<(Vec<u8>, T::AccountId), BenchmarkError> {
	let key = key_of(k);
	let caller = fund::<T>(whitelisted_caller(), key.len(), v as usize);
	if let Some(value) = value {
		ModuleRegistryPallet::<T>::register_module(
			RawOrigin::Signed(caller.clone()).into(),
			key.clone(),
			value.to_vec(),
		)
		.map_err(|_| BenchmarkError::Stop("setup registration failed"))?;
	}
	Ok((key, caller))
}

/// The key, its owner and the account it is (or may be) offered to.
type Setup<T> =
	(Vec<u8>, <T as frame_system::Config>::AccountId, <T as frame_system::Config>::AccountId);

/// A worst-case (64 KiB) entry under a key of `k` bytes owned by a funded `caller`, and a funded
/// `receiver`; with `offered`, the caller has offered the entry to the receiver.
fn entry_and_receiver<T: Config>(k: u32, offered: bool) -> Result<Setup<T>, BenchmarkError> {
	let key = key_of(k);
	let value = worst_case_json(T::MaxValueLength::get());
	let caller = funded::<T>("caller", 0, key.len(), value.len());
	let receiver = funded::<T>("receiver", 1, key.len(), value.len());
	ModuleRegistryPallet::<T>::register_module(
		RawOrigin::Signed(caller.clone()).into(),
		key.clone(),
		value,
	)?;
	if offered {
		ModuleRegistryPallet::<T>::transfer_ownership(
			RawOrigin::Signed(caller.clone()).into(),
			key.clone(),
			receiver.clone(),
		)?;
	}
	Ok((key, caller, receiver))
}

/// A namespace name of the maximum length, distinct per `i`.
fn ns_of(i: u32) -> Vec<u8> {
	let mut name = alloc::format!("n{i}").into_bytes();
	name.resize(module_registry_primitives::registry::MAX_NAME_LEN, b'x');
	name
}

/// `ns/name` with both parts of the maximum length.
fn package_of(ns: &[u8]) -> Vec<u8> {
	let mut name = ns.to_vec();
	name.push(b'/');
	name.extend(core::iter::repeat_n(b'p', module_registry_primitives::registry::MAX_NAME_LEN));
	name
}

/// The longest version text, `MAJOR.MINOR.PATCH-` and pre-release identifiers; `n` varies it.
fn long_version(n: u32) -> Vec<u8> {
	let mut v = alloc::format!("{n}.0.0-").into_bytes();
	while v.len() + 2 <= module_registry_primitives::MAX_VERSION_LEN as usize {
		v.extend_from_slice(b"a.");
	}
	v.pop();
	v
}

const BENCH_CID: &[u8] = b"bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy";

/// The dearest CID text `publish_version` can be given: the longest legal text, in the base
/// whose decode costs the most, of a CID of the largest size the chain records.
fn worst_cid_text() -> Vec<u8> {
	validation::longest_cid_text(validation::DEAREST_CID_BASE).into_bytes()
}

/// A call argument within its bound.
fn arg<S: Get<u32>>(bytes: impl AsRef<[u8]>) -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(bytes.as_ref().to_vec())
}

/// The namespace, its owner and the publisher: a claimed namespace owned by a funded `owner`,
/// with `maintainers` maintainers, and a package
/// in it with one published version (by the last maintainer, or the owner).
fn namespace_with_package<T: Config>(maintainers: u32) -> Result<Setup<T>, BenchmarkError> {
	let ns = ns_of(0);
	let owner = funded::<T>("owner", 0, 64, T::MaxValueLength::get() as usize);
	ModuleRegistryPallet::<T>::claim_namespace(RawOrigin::Signed(owner.clone()).into(), arg(&ns))?;
	let mut publisher = owner.clone();
	for i in 0..maintainers {
		publisher = funded::<T>("maintainer", i, 64, T::MaxValueLength::get() as usize);
		ModuleRegistryPallet::<T>::add_maintainer(
			RawOrigin::Signed(owner.clone()).into(),
			arg(&ns),
			publisher.clone(),
		)?;
	}
	ModuleRegistryPallet::<T>::publish_version(
		RawOrigin::Signed(publisher.clone()).into(),
		arg(package_of(&ns)),
		arg(long_version(0)),
		arg(BENCH_CID),
		arg([7; 32]),
		1,
		arg(b"{}"),
	)?;
	Ok((ns, owner, publisher))
}

/// A namespace as stored.
fn stored_name(ns: &[u8]) -> module_registry_primitives::Name {
	module_registry_primitives::Name::truncate_from(ns.to_vec())
}

/// Validate and dispatch a pin report, as block import applies one.
// `ValidateUnsigned`: see the pallet's note on moving to `#[pallet::authorize]`.
#[allow(deprecated)]
fn apply_report<T: Config>(call: Call<T>) -> Result<(), BenchmarkError> {
	use frame_support::{pallet_prelude::TransactionSource, traits::UnfilteredDispatchable};
	use sp_runtime::traits::ValidateUnsigned;
	ModuleRegistryPallet::<T>::validate_unsigned(TransactionSource::External, &call)
		.map_err(|_| BenchmarkError::Stop("report refused"))?;
	call.dispatch_bypass_filter(RawOrigin::None.into())
		.map_err(|_| BenchmarkError::Stop("dispatch failed"))?;
	Ok(())
}

fn admin<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::RegistryAdmin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A new key with the worst-case JSON of `v` bytes, naming no CID: the value and its
	/// record written, the deposit held.
	#[benchmark]
	fn register_module(
		k: Linear<1, { T::MaxKeyLength::get() }>,
		v: Linear<2, { T::MaxValueLength::get() }>,
	) -> Result<(), BenchmarkError> {
		let (key, caller) = registered::<T>(k, v, None)?;
		let value = worst_case_plain_json(v);
		assert_eq!(value.len(), v as usize);

		#[extrinsic_call]
		register_module(RawOrigin::Signed(caller), key.clone(), value.clone());

		assert_eq!(ModuleRegistryPallet::<T>::get_module(key), Some(value));
		Ok(())
	}

	/// A new key whose value names a CID (the worst-case JSON with a `cid` field, or the raw
	/// CID below its length): also the reference count and the pinning queue.
	#[benchmark]
	fn register_pinned(
		k: Linear<1, { T::MaxKeyLength::get() }>,
		v: Linear<2, { T::MaxValueLength::get() }>,
	) -> Result<(), BenchmarkError> {
		let (key, caller) = registered::<T>(k, v, None)?;
		let value = pinned_value(v);

		#[extrinsic_call]
		register_module(RawOrigin::Signed(caller), key.clone(), value.clone());

		assert!(crate::PendingPins::<T>::contains_key(KeyOf::<T>::truncate_from(key)));
		Ok(())
	}

	/// JSON to JSON: the record read, value and record written, the deposit re-priced.
	#[benchmark]
	fn update_module(
		k: Linear<1, { T::MaxKeyLength::get() }>,
		v: Linear<2, { T::MaxValueLength::get() }>,
	) -> Result<(), BenchmarkError> {
		let (key, caller) = registered::<T>(k, v, Some(b"{}"))?;
		let value = worst_case_plain_json(v);

		#[extrinsic_call]
		register_module(RawOrigin::Signed(caller), key.clone(), value.clone());

		assert_eq!(ModuleRegistryPallet::<T>::get_module(key), Some(value));
		Ok(())
	}

	/// JSON to a value naming a CID: also the new CID's count and the queue.
	#[benchmark]
	fn update_json_to_cid(
		k: Linear<1, { T::MaxKeyLength::get() }>,
		v: Linear<2, { T::MaxValueLength::get() }>,
	) -> Result<(), BenchmarkError> {
		let (key, caller) = registered::<T>(k, v, Some(b"{}"))?;
		let value = pinned_value(v);

		#[extrinsic_call]
		register_module(RawOrigin::Signed(caller), key.clone(), value.clone());

		assert!(crate::PendingPins::<T>::contains_key(KeyOf::<T>::truncate_from(key)));
		Ok(())
	}

	/// From the only entry naming a CID to JSON naming none: the old count removed (the CID
	/// announced unreferenced) and the key taken off the queue.
	#[benchmark]
	fn update_cid_to_json(
		k: Linear<1, { T::MaxKeyLength::get() }>,
		v: Linear<2, { T::MaxValueLength::get() }>,
	) -> Result<(), BenchmarkError> {
		let (key, caller) = registered::<T>(k, v, Some(OTHER_CID))?;
		let value = worst_case_plain_json(v);

		#[extrinsic_call]
		register_module(RawOrigin::Signed(caller), key.clone(), value.clone());

		assert!(!crate::PendingPins::<T>::contains_key(KeyOf::<T>::truncate_from(key)));
		Ok(())
	}

	/// From the only entry naming one CID to a value naming another: both counts, the
	/// announcement and the queue.
	#[benchmark]
	fn update_cid_to_cid(
		k: Linear<1, { T::MaxKeyLength::get() }>,
		v: Linear<2, { T::MaxValueLength::get() }>,
	) -> Result<(), BenchmarkError> {
		let (key, caller) = registered::<T>(k, v, Some(OTHER_CID))?;
		let value = pinned_value(v);

		#[extrinsic_call]
		register_module(RawOrigin::Signed(caller), key.clone(), value.clone());

		assert_eq!(ModuleRegistryPallet::<T>::get_module(key), Some(value));
		Ok(())
	}

	#[benchmark]
	fn remove_module(k: Linear<1, { T::MaxKeyLength::get() }>) -> Result<(), BenchmarkError> {
		let key = key_of(k);
		let value = worst_case_json(T::MaxValueLength::get());
		let caller = fund::<T>(whitelisted_caller(), key.len(), value.len());
		ModuleRegistryPallet::<T>::register_module(
			RawOrigin::Signed(caller.clone()).into(),
			key.clone(),
			value,
		)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), key.clone());

		assert_eq!(ModuleRegistryPallet::<T>::get_module(key), None);
		Ok(())
	}

	/// An offer (the first step of a transfer): reads the entry, writes the offer.
	#[benchmark]
	fn transfer_ownership(k: Linear<1, { T::MaxKeyLength::get() }>) -> Result<(), BenchmarkError> {
		let (key, caller, receiver) = entry_and_receiver::<T>(k, false)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), key.clone(), receiver.clone());

		let offer = ModuleRegistryPallet::<T>::transfer_offer(key)
			.ok_or(BenchmarkError::Stop("no offer"))?;
		assert!(offer.to == receiver);
		Ok(())
	}

	/// Accepting an offer: holds the receiver's deposit and releases the old owner's.
	#[benchmark]
	fn accept_ownership(k: Linear<1, { T::MaxKeyLength::get() }>) -> Result<(), BenchmarkError> {
		let (key, _, receiver) = entry_and_receiver::<T>(k, true)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(receiver.clone()), key.clone());

		let info =
			ModuleRegistryPallet::<T>::module_info(key).ok_or(BenchmarkError::Stop("gone"))?;
		assert!(info.owner == receiver);
		Ok(())
	}

	#[benchmark]
	fn cancel_ownership_offer(
		k: Linear<1, { T::MaxKeyLength::get() }>,
	) -> Result<(), BenchmarkError> {
		let (key, caller, _) = entry_and_receiver::<T>(k, true)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), key.clone());

		assert!(ModuleRegistryPallet::<T>::transfer_offer(key).is_none());
		Ok(())
	}

	#[benchmark]
	fn force_remove_module(k: Linear<1, { T::MaxKeyLength::get() }>) -> Result<(), BenchmarkError> {
		let key = key_of(k);
		let value = worst_case_json(T::MaxValueLength::get());
		let caller = funded::<T>("caller", 0, key.len(), value.len());
		ModuleRegistryPallet::<T>::register_module(
			RawOrigin::Signed(caller).into(),
			key.clone(),
			value,
		)?;
		let origin =
			T::ForceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, key.clone());

		assert_eq!(ModuleRegistryPallet::<T>::get_module(key), None);
		Ok(())
	}

	/// A pinner's `Verified` report on a pending CID entry, with a real signature: the weight
	/// covers `validate_unsigned` (the pinner-set lookup, the report checks and the signature
	/// verification, which block import runs again for every report) and the dispatch.
	#[benchmark]
	fn report_pin_status() -> Result<(), BenchmarkError> {
		use frame_system::offchain::AppCrypto;
		use sp_runtime::{traits::IdentifyAccount, RuntimeAppPublic};

		let key = key_of(T::MaxKeyLength::get());
		let cid_text = b"bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy".to_vec();
		let owner = funded::<T>("owner", 0, key.len(), cid_text.len());
		ModuleRegistryPallet::<T>::register_module(
			RawOrigin::Signed(owner).into(),
			key.clone(),
			cid_text,
		)?;
		let app = <<T as Config>::AuthorityId as AppCrypto<T::Public, T::Signature>>::RuntimeAppPublic::generate_pair(None);
		let generic: <<T as Config>::AuthorityId as AppCrypto<T::Public, T::Signature>>::GenericPublic =
			app.into();
		let public: T::Public = generic.into();
		let pinner = public.clone().into_account();
		Pinners::<T>::mutate(|set| set.try_push(pinner.clone()))
			.map_err(|_| BenchmarkError::Stop("pinner set full"))?;
		let info = ModuleRegistryPallet::<T>::module_info(key.clone())
			.ok_or(BenchmarkError::Stop("not registered"))?;
		let report = PinReport {
			key: key.clone().try_into().map_err(|_| BenchmarkError::Stop("key too long"))?,
			update_count: info.update_count,
			attempt: info.pin_status.attempts(),
			cid: info.cid.ok_or(BenchmarkError::Stop("no cid"))?,
			outcome: PinOutcome::Verified,
			block_number: frame_system::Pallet::<T>::block_number(),
			public: public.clone(),
		};
		let signature = <<T as Config>::AuthorityId as AppCrypto<T::Public, T::Signature>>::sign(
			&codec::Encode::encode(&report),
			public,
		)
		.ok_or(BenchmarkError::Stop("cannot sign"))?;

		let call = Call::<T>::report_pin_status { report, signature };

		#[block]
		{
			apply_report::<T>(call)?;
		}

		let info =
			ModuleRegistryPallet::<T>::module_info(key).ok_or(BenchmarkError::Stop("gone"))?;
		assert!(matches!(info.pin_status, PinStatus::Verified { .. }));
		Ok(())
	}

	#[benchmark]
	fn add_pinner() -> Result<(), BenchmarkError> {
		let origin =
			T::ForceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		// Fill the set to one short of its limit: the membership check scans it.
		Pinners::<T>::kill();
		Pinners::<T>::mutate(|set| {
			for i in 0..T::MaxPinners::get().saturating_sub(1) {
				let _ = set.try_push(account("pinner", i, 0));
			}
		});
		let who: T::AccountId = account("new", 0, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(Pinners::<T>::get().contains(&who));
		Ok(())
	}

	#[benchmark]
	fn remove_pinner() -> Result<(), BenchmarkError> {
		let origin =
			T::ForceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		Pinners::<T>::kill();
		Pinners::<T>::mutate(|set| {
			for i in 0..T::MaxPinners::get() {
				let _ = set.try_push(account("pinner", i, 0));
			}
		});
		let who: T::AccountId = account("pinner", T::MaxPinners::get().saturating_sub(1), 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(!Pinners::<T>::get().contains(&who));
		Ok(())
	}

	#[benchmark]
	fn claim_namespace() -> Result<(), BenchmarkError> {
		let ns = ns_of(0);
		let caller = funded::<T>("caller", 0, 64, 64);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller), arg(&ns));

		assert!(ModuleRegistryPallet::<T>::get_namespace(ns).ok().flatten().is_some());
		Ok(())
	}

	#[benchmark]
	fn assign_namespace() -> Result<(), BenchmarkError> {
		let origin = admin::<T>()?;
		let ns = ns_of(0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, arg(&ns), account("owner", 0, 0));

		assert!(ModuleRegistryPallet::<T>::get_namespace(ns).ok().flatten().is_some());
		Ok(())
	}

	#[benchmark]
	fn set_namespace_verified() -> Result<(), BenchmarkError> {
		let (ns, _, _) = namespace_with_package::<T>(0)?;
		let origin = admin::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, arg(&ns), true);

		let view = ModuleRegistryPallet::<T>::get_namespace(ns).ok().flatten();
		assert!(view.and_then(|v| v.info).is_some_and(|i| i.verified));
		Ok(())
	}

	#[benchmark]
	fn add_maintainer() -> Result<(), BenchmarkError> {
		let (ns, owner, _) =
			namespace_with_package::<T>(T::MaxMaintainers::get().saturating_sub(1))?;
		let who: T::AccountId = account("new", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), arg(&ns), who.clone());

		assert!(Maintainers::<T>::contains_key(stored_name(&ns), who));
		Ok(())
	}

	#[benchmark]
	fn remove_maintainer() -> Result<(), BenchmarkError> {
		let (ns, owner, last) = namespace_with_package::<T>(T::MaxMaintainers::get())?;

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), arg(&ns), last.clone());

		assert!(!Maintainers::<T>::contains_key(stored_name(&ns), last));
		Ok(())
	}

	#[benchmark]
	fn transfer_namespace() -> Result<(), BenchmarkError> {
		let (ns, owner, _) = namespace_with_package::<T>(0)?;
		let to: T::AccountId = account("to", 0, 0);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), arg(&ns), to.clone());

		assert_eq!(NamespaceOffers::<T>::get(stored_name(&ns)), Some(to));
		Ok(())
	}

	/// With `m` maintainers to clear and a claim deposit to move.
	#[benchmark]
	fn accept_namespace(m: Linear<0, { T::MaxMaintainers::get() }>) -> Result<(), BenchmarkError> {
		let (ns, owner, _) = namespace_with_package::<T>(m)?;
		let to = funded::<T>("to", 0, 64, 64);
		ModuleRegistryPallet::<T>::transfer_namespace(
			RawOrigin::Signed(owner).into(),
			arg(&ns),
			to.clone(),
		)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(to.clone()), arg(&ns));

		let view = ModuleRegistryPallet::<T>::get_namespace(ns).ok().flatten();
		assert!(view.and_then(|v| v.info).is_some_and(|i| i.owner == to));
		Ok(())
	}

	#[benchmark]
	fn cancel_namespace_offer() -> Result<(), BenchmarkError> {
		let (ns, owner, _) = namespace_with_package::<T>(0)?;
		ModuleRegistryPallet::<T>::transfer_namespace(
			RawOrigin::Signed(owner.clone()).into(),
			arg(&ns),
			account("to", 0, 0),
		)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), arg(&ns));

		assert!(NamespaceOffers::<T>::get(stored_name(&ns)).is_none());
		Ok(())
	}

	#[benchmark]
	fn create_package() -> Result<(), BenchmarkError> {
		let (ns, owner, _) = namespace_with_package::<T>(0)?;
		let origin = admin::<T>()?;
		let mut name = ns.clone();
		name.extend_from_slice(b"/core-");
		name.resize(ns.len() + 1 + module_registry_primitives::registry::MAX_NAME_LEN, b'c');

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, arg(&name), owner, ModuleType::Wasm);

		assert!(ModuleRegistryPallet::<T>::get_package(name).ok().flatten().is_some());
		Ok(())
	}

	/// A maintainer (not the owner, so both the namespace and the maintainer list are read)
	/// publishes a second version with the longest names and version text, and metadata of
	/// `m` bytes of the dearest kind ([`worst_case_metadata`]: as many dependencies as fit, up
	/// to `MaxDependencies`, each read from storage), parsed as metadata and as the entry.
	#[benchmark]
	fn publish_version(
		m: Linear<2, { T::MaxMetadataLength::get() }>,
	) -> Result<(), BenchmarkError> {
		let (ns, owner, publisher) = namespace_with_package::<T>(T::MaxMaintainers::get())?;
		// Packages to depend on, with short names so that the most references fit.
		let max = (T::MaxDependencies::get() as usize)
			.min(module_registry_primitives::registry::MAX_DEPENDENCIES);
		let mut targets = Vec::new();
		if max > 0 {
			fund::<T>(owner.clone(), 64, T::MaxValueLength::get() as usize);
			ModuleRegistryPallet::<T>::claim_namespace(
				RawOrigin::Signed(owner.clone()).into(),
				arg(b"d"),
			)?;
		}
		for i in 0..max {
			let target = alloc::format!("d/p{i}").into_bytes();
			fund::<T>(owner.clone(), 64, T::MaxValueLength::get() as usize);
			ModuleRegistryPallet::<T>::publish_version(
				RawOrigin::Signed(owner.clone()).into(),
				arg(&target),
				arg(b"1.0.0"),
				arg(BENCH_CID),
				arg([7; 32]),
				1,
				arg(b"{}"),
			)?;
			targets.push(target);
		}
		let metadata = worst_case_metadata(m, &targets);
		let name = package_of(&ns);

		#[extrinsic_call]
		_(
			RawOrigin::Signed(publisher),
			arg(&name),
			arg(long_version(1)),
			arg(worst_cid_text()),
			arg([7; 32]),
			u64::MAX,
			arg(metadata),
		);

		let package = ModuleRegistryPallet::<T>::get_package(name).ok().flatten();
		assert_eq!(package.map(|p| p.info.version_count), Some(2));
		Ok(())
	}

	#[benchmark]
	fn yank_version() -> Result<(), BenchmarkError> {
		let (ns, _, publisher) = namespace_with_package::<T>(T::MaxMaintainers::get())?;

		#[extrinsic_call]
		_(RawOrigin::Signed(publisher), arg(package_of(&ns)), arg(long_version(0)));

		let v = ModuleRegistryPallet::<T>::versions(package_of(&ns), None, 1).unwrap_or_default();
		assert!(v.first().is_some_and(|v| v.record.yanked));
		Ok(())
	}

	#[benchmark]
	fn unyank_version() -> Result<(), BenchmarkError> {
		let (ns, _, publisher) = namespace_with_package::<T>(T::MaxMaintainers::get())?;
		ModuleRegistryPallet::<T>::yank_version(
			RawOrigin::Signed(publisher.clone()).into(),
			arg(package_of(&ns)),
			arg(long_version(0)),
		)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(publisher), arg(package_of(&ns)), arg(long_version(0)));

		let v = ModuleRegistryPallet::<T>::versions(package_of(&ns), None, 1).unwrap_or_default();
		assert!(v.first().is_some_and(|v| !v.record.yanked));
		Ok(())
	}

	/// One version, with the longest successor and reason.
	#[benchmark]
	fn deprecate() -> Result<(), BenchmarkError> {
		let (ns, _, publisher) = namespace_with_package::<T>(T::MaxMaintainers::get())?;
		let mut successor = package_of(&ns_of(1));
		successor.extend_from_slice(b"@>=1.0.0, <2.0.0");
		let reason = vec![b'r'; module_registry_primitives::MAX_NOTE_LEN as usize];

		#[extrinsic_call]
		_(
			RawOrigin::Signed(publisher),
			arg(package_of(&ns)),
			Some(arg(long_version(0))),
			Some(arg(successor)),
			arg(reason),
		);

		let v = ModuleRegistryPallet::<T>::versions(package_of(&ns), None, 1).unwrap_or_default();
		assert!(v.first().is_some_and(|v| v.deprecation.is_some()));
		Ok(())
	}

	#[benchmark]
	fn undeprecate() -> Result<(), BenchmarkError> {
		let (ns, _, publisher) = namespace_with_package::<T>(T::MaxMaintainers::get())?;
		ModuleRegistryPallet::<T>::deprecate(
			RawOrigin::Signed(publisher.clone()).into(),
			arg(package_of(&ns)),
			Some(arg(long_version(0))),
			None,
			arg(vec![b'r'; module_registry_primitives::MAX_NOTE_LEN as usize]),
		)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(publisher), arg(package_of(&ns)), Some(arg(long_version(0))));

		let v = ModuleRegistryPallet::<T>::versions(package_of(&ns), None, 1).unwrap_or_default();
		assert!(v.first().is_some_and(|v| v.deprecation.is_none()));
		Ok(())
	}

	#[benchmark]
	fn set_package_status() -> Result<(), BenchmarkError> {
		let (ns, _, publisher) = namespace_with_package::<T>(T::MaxMaintainers::get())?;

		#[extrinsic_call]
		_(RawOrigin::Signed(publisher), arg(package_of(&ns)), PackageStatus::Inactive);

		let package = ModuleRegistryPallet::<T>::get_package(package_of(&ns)).ok().flatten();
		assert!(package.is_some_and(|p| p.info.status == PackageStatus::Inactive));
		Ok(())
	}

	/// With `m` maintainers to clear, an offer to withdraw and a claim deposit to return.
	#[benchmark]
	fn release_namespace(m: Linear<0, { T::MaxMaintainers::get() }>) -> Result<(), BenchmarkError> {
		let ns = ns_of(0);
		let owner = funded::<T>("owner", 0, 64, 64);
		ModuleRegistryPallet::<T>::claim_namespace(
			RawOrigin::Signed(owner.clone()).into(),
			arg(&ns),
		)?;
		for i in 0..m {
			ModuleRegistryPallet::<T>::add_maintainer(
				RawOrigin::Signed(owner.clone()).into(),
				arg(&ns),
				account("maintainer", i, 0),
			)?;
		}
		ModuleRegistryPallet::<T>::transfer_namespace(
			RawOrigin::Signed(owner.clone()).into(),
			arg(&ns),
			account("to", 0, 0),
		)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), arg(&ns));

		assert!(ModuleRegistryPallet::<T>::get_namespace(ns).ok().flatten().is_none());
		Ok(())
	}

	/// A version entry with a settled verdict, sent back to the worker.
	#[benchmark]
	fn force_reverify() -> Result<(), BenchmarkError> {
		let _ = namespace_with_package::<T>(0)?;
		let key =
			VersionEntries::<T>::iter_keys().next().ok_or(BenchmarkError::Stop("no entry"))?;
		let by: T::AccountId = account("pinner", 0, 0);
		Modules::<T>::mutate(&key, |r| {
			if let Some(r) = r {
				r.info.pin_status = PinStatus::Verified { at: 1u32.into(), by };
			}
		});
		PendingPins::<T>::remove(&key);
		let origin = admin::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, key.clone());

		assert!(PendingPins::<T>::contains_key(&key));
		Ok(())
	}

	/// A package of the open namespace with the longest name.
	#[benchmark]
	fn force_transfer_package() -> Result<(), BenchmarkError> {
		let open = T::OpenNamespace::get();
		let mut name = open.as_bytes().to_vec();
		name.push(b'/');
		name.resize(open.len() + 1 + module_registry_primitives::registry::MAX_NAME_LEN, b'p');
		let publisher = funded::<T>("publisher", 0, 64, T::MaxValueLength::get() as usize);
		ModuleRegistryPallet::<T>::publish_version(
			RawOrigin::Signed(publisher).into(),
			arg(&name),
			arg(long_version(0)),
			arg(BENCH_CID),
			arg([7; 32]),
			1,
			arg(b"{}"),
		)?;
		let to: T::AccountId = account("to", 0, 0);
		let origin = admin::<T>()?;

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, arg(&name), to.clone());

		let package = ModuleRegistryPallet::<T>::get_package(name).ok().flatten();
		assert!(package.is_some_and(|p| p.info.owner == to));
		Ok(())
	}

	impl_benchmark_test_suite!(
		ModuleRegistryPallet,
		crate::mock::new_test_ext(),
		crate::mock::Test
	);
}

#[cfg(test)]
mod tests {
	#[test]
	fn worst_case_metadata_has_the_requested_length_and_is_valid() {
		use module_registry_primitives::registry;
		let packages: Vec<Vec<u8>> =
			(0..64).map(|i| alloc::format!("d/p{i}").into_bytes()).collect();
		for len in [2u32, 10, 30, 100, 1024, 4096, 16_384] {
			let v = super::worst_case_metadata(len, &packages);
			assert_eq!(v.len(), len as usize);
			let parsed = registry::parse_metadata(&v, 64).expect("valid metadata");
			let n = parsed.dependencies.modules.len();
			assert_eq!(n > 0, len >= 100, "len {len}: {n}");
			if len >= 1024 {
				assert_eq!(n, 64, "len {len}");
			}
		}
	}

	#[test]
	fn worst_case_json_has_the_requested_length_and_is_valid() {
		for len in [2u32, 10, 80, 81, 82, 1024, 65_536] {
			let v = super::worst_case_json(len);
			assert_eq!(v.len(), len as usize);
			assert!(crate::validation::classify(&v).is_ok(), "len {len}");
		}
	}
}
