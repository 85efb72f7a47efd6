//! Benchmarks for the registry pallet, parameterised by key length `k` and value length `v`.

use super::*;
use crate::Pallet as ModuleRegistryPallet;
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::{Consideration, EnsureOrigin, Get};
use frame_system::RawOrigin;

/// A key of exactly `len` bytes (at least one).
fn key_of(len: u32) -> Vec<u8> {
	vec![b'k'; len.max(1) as usize]
}

/// The worst case JSON value of exactly `len` bytes (at least 2): an object whose `custom` field
/// is an array of one-digit numbers, the most tokens per byte, after a `cid` field that parses.
pub fn worst_case_json(len: u32) -> Vec<u8> {
	let len = len as usize;
	let head =
		br#"{"cid":"bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy","custom":["#;
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

fn funded<T: Config>(
	name: &'static str,
	index: u32,
	key_len: usize,
	value_len: usize,
) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	T::Consideration::ensure_successful(&who, footprint(key_len, value_len));
	T::Consideration::ensure_successful(
		&who,
		footprint(key_len, T::MaxValueLength::get() as usize),
	);
	who
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

#[benchmarks]
mod benchmarks {
	use super::*;

	/// The update path with the worst-case JSON: it reads the old entry and re-prices the
	/// deposit, so it costs at least as much as a first registration.
	#[benchmark]
	fn register_module(
		k: Linear<1, { T::MaxKeyLength::get() }>,
		v: Linear<2, { T::MaxValueLength::get() }>,
	) -> Result<(), BenchmarkError> {
		let key = key_of(k);
		let value = worst_case_json(v);
		assert_eq!(value.len(), v as usize);
		let caller = funded::<T>("caller", 0, key.len(), value.len());
		ModuleRegistryPallet::<T>::register_module(
			RawOrigin::Signed(caller.clone()).into(),
			key.clone(),
			b"{}".to_vec(),
		)?;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), key.clone(), value.clone());

		assert_eq!(ModuleRegistryPallet::<T>::get_module(key), Some(value));
		Ok(())
	}

	#[benchmark]
	fn remove_module(k: Linear<1, { T::MaxKeyLength::get() }>) -> Result<(), BenchmarkError> {
		let key = key_of(k);
		let value = worst_case_json(T::MaxValueLength::get());
		let caller = funded::<T>("caller", 0, key.len(), value.len());
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

	/// A pinner's `Verified` report on a pending CID entry; the signature was checked by
	/// `validate_unsigned` before dispatch and is not part of this weight.
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

		#[extrinsic_call]
		_(RawOrigin::None, report, signature);

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

	impl_benchmark_test_suite!(
		ModuleRegistryPallet,
		crate::mock::new_test_ext(),
		crate::mock::Test
	);
}

#[cfg(test)]
mod tests {
	#[test]
	fn worst_case_json_has_the_requested_length_and_is_valid() {
		for len in [2u32, 10, 80, 81, 82, 1024, 65_536] {
			let v = super::worst_case_json(len);
			assert_eq!(v.len(), len as usize);
			assert!(crate::validation::classify(&v).is_ok(), "len {len}");
		}
	}
}
