//! # Module Registry Pallet
//!
//! A bounded key/value registry of module metadata and IPFS CIDs, with owners and held deposits.
//!
//! ## Overview
//!
//! Each key (at most [`Config::MaxKeyLength`] bytes) maps to a value (at most
//! [`Config::MaxValueLength`] bytes) that is either
//! - UTF-8 JSON module metadata whose top level is an object. The schema is open: `name`,
//!   `version`, `author`, `cid`, `entrypoint`, `args` and `custom` are recommended, not required;
//!   or
//! - a raw IPFS CID string: CIDv0 (`Qm…`) or a multibase CIDv1 (`bafy…`, `zb2…`, …).
//!
//! The value bytes are stored exactly as submitted in the [`ModuleRegistry`] map, so a plain
//! storage query returns them. Beside it, [`Modules`] keeps a [`ModuleInfo`] per key: owner,
//! deposit, blocks, update counter, value kind, the CID to pin and its pin status.
//!
//! Registering holds a deposit from the caller through [`Config::Consideration`]: a base amount
//! plus an amount per byte of key and value. Updating re-prices it, removing releases it, and
//! transferring moves it to the new owner.
//!
//! The validation rules for values are in the [`validation`] module. Every refusal is a distinct
//! [`Error`], and leaves storage and balances unchanged.
//!
//! ### Example
//!
//! Register metadata, read it back through the runtime-API functions, update it, and remove it:
#![doc = docify::embed!("src/tests.rs", user_journey)]
//!
//! ## Low level details
//!
//! - Calls take `Vec<u8>` and convert to bounded vectors inside, so an oversize key or value fails
//!   with [`Error::KeyTooLong`] or [`Error::ValueTooLarge`] instead of a decode failure.
//! - Weights come from [`Config::WeightInfo`], with the key and value lengths passed in.
//! - Events carry the key, the owner, the blake2-256 hash of the value and its length, never the
//!   value itself.
//! - The read functions behind the runtime API are [`Pallet::get_module`],
//!   [`Pallet::module_info`] and [`Pallet::list_modules`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
pub mod offchain;
#[cfg(test)]
mod offchain_tests;
#[cfg(test)]
mod tests;
pub mod types;
pub mod validation;
pub mod weights;

pub use offchain::{crypto, DEFAULT_IPFS_API, IPFS_API_STORAGE_KEY, KEY_TYPE};
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

use alloc::vec::Vec;
use frame_support::traits::{fungible::Inspect, Footprint};

/// The balance type of the pallet's currency.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;

/// The deposit ticket type.
pub type TicketOf<T> = <T as Config>::Consideration;

/// A registry key, bounded by the runtime's `MaxKeyLength`.
pub type KeyOf<T> = frame_support::BoundedVec<u8, <T as Config>::MaxKeyLength>;

/// A registry value, bounded by the runtime's `MaxValueLength`.
pub type ValueOf<T> = frame_support::BoundedVec<u8, <T as Config>::MaxValueLength>;

/// The stored information about an entry.
pub type ModuleInfoOf<T> = ModuleInfo<
	<T as frame_system::Config>::AccountId,
	BalanceOf<T>,
	frame_system::pallet_prelude::BlockNumberFor<T>,
>;

/// A pin report that passed the checks: the bounded key, the entry and the pinner's account.
pub type CheckedReport<T> = (KeyOf<T>, ModuleInfoOf<T>, <T as frame_system::Config>::AccountId);

/// The footprint a deposit is priced on: one item of `key_len + value_len` bytes.
pub fn footprint(key_len: usize, value_len: usize) -> Footprint {
	Footprint::from_parts(1, key_len.saturating_add(value_len))
}

// Pin reports are validated with `ValidateUnsigned`, deprecated in favour of
// `#[pallet::authorize]`. Authorized calls travel as v5 "general" transactions, which
// substrate-interface (v4 only) cannot decode inside blocks; bare v4 extrinsics keep every client
// working. Move to `#[pallet::authorize]` once the clients decode v5 (before April 2027).
#[allow(deprecated)]
// The `validate_unsigned` expansion binds a unit value.
#[allow(clippy::let_unit_value)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{Consideration, Footprint},
	};
	use frame_system::{
		offchain::{AppCrypto, CreateBare, SignedPayload, SigningTypes},
		pallet_prelude::*,
	};
	use sp_runtime::traits::{Convert, Hash, IdentifyAccount};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: CreateBare<Call<Self>> + SigningTypes + frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>>
			+ IsType<<Self as frame_system::Config>::RuntimeEvent>
			+ TryInto<Event<Self>>;

		/// The currency deposits are held in; used to name the balance type.
		type Currency: Inspect<Self::AccountId>;

		/// The deposit ticket: holds funds for the footprint of an entry. In a runtime this is
		/// `HoldConsideration<_, Balances, HoldReason, DepositPrice>` with the same price as
		/// [`Config::DepositPrice`].
		type Consideration: Consideration<Self::AccountId, Footprint>;

		/// The price of a footprint. Must match the price inside [`Config::Consideration`]; it
		/// is what entries report as their deposit.
		type DepositPrice: Convert<Footprint, BalanceOf<Self>>;

		/// Origin allowed to remove any entry (root in the runtime).
		type ForceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Longest key, in bytes.
		#[pallet::constant]
		type MaxKeyLength: Get<u32>;

		/// Longest value, in bytes.
		#[pallet::constant]
		type MaxValueLength: Get<u32>;

		/// Most entries one `list_modules` call returns.
		#[pallet::constant]
		type MaxListLimit: Get<u32>;

		/// The key pinners sign their reports with ([`crypto::PinnerAuthId`] in a runtime).
		type AuthorityId: AppCrypto<Self::Public, Self::Signature>;

		/// Most accounts in the pinner set.
		#[pallet::constant]
		type MaxPinners: Get<u32>;

		/// Most entries one off-chain worker run pins and checks.
		#[pallet::constant]
		type MaxPinsPerBlock: Get<u32>;

		/// Failed attempts after which an entry stays `Failed` and is no longer retried (until
		/// its value is updated).
		#[pallet::constant]
		type MaxPinAttempts: Get<u32>;

		/// Deadline of each IPFS HTTP request, in milliseconds.
		#[pallet::constant]
		type IpfsTimeoutMs: Get<u64>;

		/// Priority of pin reports in the transaction pool.
		#[pallet::constant]
		type UnsignedPriority: Get<TransactionPriority>;

		/// Weights of this pallet's calls.
		type WeightInfo: WeightInfo;
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A new key was registered.
		ModuleRegistered {
			key: KeyOf<T>,
			owner: T::AccountId,
			value_hash: T::Hash,
			value_len: u32,
			kind: ValueKind,
			deposit: BalanceOf<T>,
		},
		/// The owner replaced the value of a key.
		ModuleUpdated {
			key: KeyOf<T>,
			owner: T::AccountId,
			value_hash: T::Hash,
			value_len: u32,
			kind: ValueKind,
			deposit: BalanceOf<T>,
			update_count: u32,
		},
		/// The owner removed a key; its deposit was released.
		ModuleRemoved { key: KeyOf<T>, owner: T::AccountId, refunded: BalanceOf<T> },
		/// A key changed owner; the deposit is now held from the new owner.
		OwnershipTransferred { key: KeyOf<T>, from: T::AccountId, to: T::AccountId },
		/// The privileged origin removed a key; its deposit was released to the owner.
		ModuleForceRemoved { key: KeyOf<T>, owner: T::AccountId, refunded: BalanceOf<T> },
		/// A pinner pinned the entry's CID and checked its root block.
		PinVerified { key: KeyOf<T>, cid: CidBytes, by: T::AccountId },
		/// A pinner could not pin or check the entry's CID. `will_retry` is false once the
		/// attempts reach `MaxPinAttempts`.
		PinFailed {
			key: KeyOf<T>,
			cid: CidBytes,
			reason: PinFailure,
			attempts: u32,
			will_retry: bool,
		},
		/// No entry refers to this CID any more; pinners unpin it.
		CidUnreferenced { cid: CidBytes },
		/// An account joined the pinner set.
		PinnerAdded { who: T::AccountId },
		/// An account left the pinner set.
		PinnerRemoved { who: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The key is empty. Use a non-empty key.
		EmptyKey,
		/// The key is longer than `MaxKeyLength`. Use a shorter key.
		KeyTooLong,
		/// The value is empty. Submit JSON metadata or a CID.
		EmptyValue,
		/// The value is longer than `MaxValueLength`. Store large content on IPFS and register
		/// its CID instead.
		ValueTooLarge,
		/// The value is not valid UTF-8. Values are JSON text or CID strings.
		InvalidUtf8,
		/// The value starts with `{` but is not valid JSON. Check it with a JSON parser.
		InvalidJson,
		/// The value is JSON but its top level is not an object. Wrap it in an object.
		JsonNotObject,
		/// The value is neither JSON nor a CID that parses. Submit a CIDv0 (`Qm…`) or a
		/// multibase CIDv1, with no surrounding whitespace.
		InvalidCid,
		/// The CID uses the identity hash, which inlines content instead of naming it. Add the
		/// content to IPFS and register the CID of a real hash.
		IdentityCid,
		/// The caller does not own this key. Only the owner may update, remove or transfer it.
		NotOwner,
		/// No entry exists under this key.
		NotFound,
		/// The new owner is already the owner.
		AlreadyOwner,
		/// The account is not in the pinner set. Root adds pinners with `add_pinner`.
		NotPinner,
		/// The account is already in the pinner set.
		AlreadyPinner,
		/// The pinner set is full (`MaxPinners`). Remove a pinner first.
		TooManyPinners,
		/// The report is about an older value or another CID than the entry's current one.
		StaleReport,
		/// The entry is not waiting for a report: it is verified, or out of retries.
		ReportNotNeeded,
	}

	/// A reason for the pallet placing a hold on funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The deposit for a registry entry.
		#[codec(index = 0)]
		ModuleDeposit,
	}

	/// The registry: key to the value bytes exactly as submitted.
	#[pallet::storage]
	pub type ModuleRegistry<T: Config> =
		StorageMap<_, Blake2_128Concat, KeyOf<T>, ValueOf<T>, OptionQuery>;

	/// Per key: owner, deposit, blocks, counters, kind, CID and pin status.
	#[pallet::storage]
	pub type Modules<T: Config> = StorageMap<_, Blake2_128Concat, KeyOf<T>, ModuleInfoOf<T>>;

	/// Per key: the deposit ticket holding the owner's funds.
	#[pallet::storage]
	pub type Deposits<T: Config> = StorageMap<_, Blake2_128Concat, KeyOf<T>, TicketOf<T>>;

	/// Keys whose CID waits for the off-chain worker (`Pending`, or `Failed` with retries left).
	#[pallet::storage]
	pub type PendingPins<T: Config> = StorageMap<_, Blake2_128Concat, KeyOf<T>, (), OptionQuery>;

	/// How many entries refer to each CID. A CID is unpinned when its count drops to zero.
	#[pallet::storage]
	pub type CidRefs<T: Config> = StorageMap<_, Blake2_128Concat, CidBytes, u32, ValueQuery>;

	/// The accounts whose signed pin reports are accepted. Managed by `ForceOrigin`.
	#[pallet::storage]
	pub type Pinners<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxPinners>, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The initial pinner set.
		pub pinners: Vec<T::AccountId>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			let pinners = BoundedVec::<T::AccountId, T::MaxPinners>::try_from(self.pinners.clone())
				.expect("genesis pinners exceed MaxPinners");
			Pinners::<T>::put(pinners);
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Pins and checks a batch of pending CIDs, and unpins unreferenced ones; see
		/// [`crate::offchain`].
		fn offchain_worker(now: BlockNumberFor<T>) {
			Self::run_pinning_worker(now);
		}
	}

	#[pallet::validate_unsigned]
	impl<T: Config> ValidateUnsigned for Pallet<T> {
		type Call = Call<T>;

		/// Accepts a pin report only when its signer is an authorised pinner, it is about the
		/// entry's current value, the entry waits for one, and the signature is valid. Its tag
		/// keeps at most one report per entry value in the pool.
		fn validate_unsigned(_source: TransactionSource, call: &Self::Call) -> TransactionValidity {
			let Call::report_pin_status { report, signature } = call else {
				return InvalidTransaction::Call.into();
			};
			let (key, _, _) = Self::check_report(report).map_err(|e| match e {
				Error::<T>::NotPinner => InvalidTransaction::BadSigner,
				Error::<T>::StaleReport | Error::<T>::NotFound => InvalidTransaction::Stale,
				_ => InvalidTransaction::Custom(REPORT_NOT_NEEDED),
			})?;
			if !SignedPayload::<T>::verify::<T::AuthorityId>(report, signature.clone()) {
				return InvalidTransaction::BadProof.into();
			}
			ValidTransaction::with_tag_prefix("ModuleRegistryPinReport")
				.priority(T::UnsignedPriority::get())
				.and_provides((key, report.update_count))
				.longevity(5)
				.propagate(true)
				.build()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register `data` under `key`, or replace the value of a key the caller owns.
		///
		/// - Origin: signed.
		/// - A new key holds a deposit for `key.len() + data.len()` bytes; an update re-prices
		///   it, holding more or releasing the difference, and resets the pin status.
		/// - Errors: `EmptyKey`, `KeyTooLong`, `EmptyValue`, `ValueTooLarge`, `InvalidUtf8`,
		///   `InvalidJson`, `JsonNotObject`, `InvalidCid`, `IdentityCid`, `NotOwner`, or a
		///   balance error when the deposit cannot be held.
		/// - Events: `ModuleRegistered` or `ModuleUpdated`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_module(key.len() as u32, data.len() as u32))]
		pub fn register_module(
			origin: OriginFor<T>,
			key: Vec<u8>,
			data: Vec<u8>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let key = Self::bound_key(key)?;
			let value = Self::bound_value(data)?;
			Self::do_register(who, key, value)
		}

		/// Remove a key the caller owns and release its deposit.
		///
		/// - Origin: signed, the owner.
		/// - Errors: `EmptyKey`, `KeyTooLong`, `NotFound`, `NotOwner`.
		/// - Events: `ModuleRemoved`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_module(key.len() as u32))]
		pub fn remove_module(origin: OriginFor<T>, key: Vec<u8>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let key = Self::bound_key(key)?;
			let info = Modules::<T>::get(&key).ok_or(Error::<T>::NotFound)?;
			ensure!(info.owner == who, Error::<T>::NotOwner);
			let refunded = Self::do_remove(&key, &info)?;
			Self::deposit_event(Event::ModuleRemoved { key, owner: who, refunded });
			Ok(())
		}

		/// Give a key the caller owns to `new_owner`.
		///
		/// - Origin: signed, the owner.
		/// - The deposit is held from `new_owner` first, then released to the old owner; if
		///   `new_owner` cannot afford it nothing changes.
		/// - Errors: `EmptyKey`, `KeyTooLong`, `NotFound`, `NotOwner`, `AlreadyOwner`, or a
		///   balance error.
		/// - Events: `OwnershipTransferred`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::transfer_ownership(key.len() as u32))]
		pub fn transfer_ownership(
			origin: OriginFor<T>,
			key: Vec<u8>,
			new_owner: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let key = Self::bound_key(key)?;
			let mut info = Modules::<T>::get(&key).ok_or(Error::<T>::NotFound)?;
			ensure!(info.owner == who, Error::<T>::NotOwner);
			ensure!(new_owner != who, Error::<T>::AlreadyOwner);
			let fp = footprint(key.len(), info.value_len as usize);
			let new_ticket = T::Consideration::new(&new_owner, fp)?;
			if let Some(old_ticket) = Deposits::<T>::take(&key) {
				old_ticket.drop(&who)?;
			}
			Deposits::<T>::insert(&key, new_ticket);
			info.owner = new_owner.clone();
			Modules::<T>::insert(&key, info);
			Self::deposit_event(Event::OwnershipTransferred { key, from: who, to: new_owner });
			Ok(())
		}

		/// Remove any key, releasing its deposit to its owner.
		///
		/// - Origin: [`Config::ForceOrigin`].
		/// - Errors: `EmptyKey`, `KeyTooLong`, `NotFound`.
		/// - Events: `ModuleForceRemoved`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::force_remove_module(key.len() as u32))]
		pub fn force_remove_module(origin: OriginFor<T>, key: Vec<u8>) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			let key = Self::bound_key(key)?;
			let info = Modules::<T>::get(&key).ok_or(Error::<T>::NotFound)?;
			let refunded = Self::do_remove(&key, &info)?;
			Self::deposit_event(Event::ModuleForceRemoved { key, owner: info.owner, refunded });
			Ok(())
		}

		/// Record what a pinner found about an entry's CID.
		///
		/// - Origin: none. Submitted by the off-chain worker as an unsigned transaction carrying
		///   a payload signed by a pinner key; `validate_unsigned` checks the signer is in
		///   [`Pinners`], the report is current, and the signature.
		/// - `Verified` sets the status to `Verified { at, by }`; `Failed` counts the attempt and
		///   stops retrying at `MaxPinAttempts`.
		/// - Errors: `NotFound`, `NotPinner`, `StaleReport`, `ReportNotNeeded`.
		/// - Events: `PinVerified` or `PinFailed`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::report_pin_status())]
		pub fn report_pin_status(
			origin: OriginFor<T>,
			report: PinReport<T::Public, BlockNumberFor<T>>,
			_signature: T::Signature,
		) -> DispatchResult {
			ensure_none(origin)?;
			let (key, info, pinner) = Self::check_report(&report)?;
			Self::do_record_pin(key, info, pinner, report.outcome);
			Ok(())
		}

		/// Add `who` to the pinner set.
		///
		/// - Origin: [`Config::ForceOrigin`].
		/// - Errors: `AlreadyPinner`, `TooManyPinners`.
		/// - Events: `PinnerAdded`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::add_pinner())]
		pub fn add_pinner(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			Pinners::<T>::try_mutate(|set| -> DispatchResult {
				ensure!(!set.contains(&who), Error::<T>::AlreadyPinner);
				set.try_push(who.clone()).map_err(|_| Error::<T>::TooManyPinners)?;
				Ok(())
			})?;
			Self::deposit_event(Event::PinnerAdded { who });
			Ok(())
		}

		/// Remove `who` from the pinner set.
		///
		/// - Origin: [`Config::ForceOrigin`].
		/// - Errors: `NotPinner`.
		/// - Events: `PinnerRemoved`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::remove_pinner())]
		pub fn remove_pinner(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::ForceOrigin::ensure_origin(origin)?;
			Pinners::<T>::try_mutate(|set| -> DispatchResult {
				let pos = set.iter().position(|p| p == &who).ok_or(Error::<T>::NotPinner)?;
				set.remove(pos);
				Ok(())
			})?;
			Self::deposit_event(Event::PinnerRemoved { who });
			Ok(())
		}
	}

	/// `InvalidTransaction::Custom` code of a report about an entry that waits for none.
	pub const REPORT_NOT_NEEDED: u8 = 1;

	impl<T: Config> SignedPayload<T> for PinReport<T::Public, BlockNumberFor<T>> {
		fn public(&self) -> T::Public {
			self.public.clone()
		}
	}

	impl<T: Config> Pallet<T> {
		/// Check and bound a key.
		pub fn bound_key(key: Vec<u8>) -> Result<KeyOf<T>, Error<T>> {
			ensure!(!key.is_empty(), Error::<T>::EmptyKey);
			KeyOf::<T>::try_from(key).map_err(|_| Error::<T>::KeyTooLong)
		}

		/// Check the length of a value and bound it; its content is checked by `classify`.
		pub fn bound_value(data: Vec<u8>) -> Result<ValueOf<T>, Error<T>> {
			ensure!(!data.is_empty(), Error::<T>::EmptyValue);
			ValueOf::<T>::try_from(data).map_err(|_| Error::<T>::ValueTooLarge)
		}

		/// Classify a value, mapping refusals to the pallet's errors.
		pub fn classify(value: &[u8]) -> Result<validation::Classified, Error<T>> {
			use validation::ValueError;
			validation::classify(value).map_err(|e| match e {
				ValueError::Empty => Error::<T>::EmptyValue,
				ValueError::InvalidUtf8 => Error::<T>::InvalidUtf8,
				ValueError::InvalidJson => Error::<T>::InvalidJson,
				ValueError::JsonNotObject => Error::<T>::JsonNotObject,
				ValueError::InvalidCid => Error::<T>::InvalidCid,
				ValueError::IdentityCid => Error::<T>::IdentityCid,
			})
		}

		/// Insert or update `key` for `who`. Shared by the call and by benchmarks.
		pub fn do_register(who: T::AccountId, key: KeyOf<T>, value: ValueOf<T>) -> DispatchResult {
			let classified = Self::classify(&value)?;
			let now = frame_system::Pallet::<T>::block_number();
			let value_len = value.len() as u32;
			let value_hash = T::Hashing::hash(&value);
			let fp = footprint(key.len(), value.len());
			let deposit = T::DepositPrice::convert(fp);
			let pin_status = if classified.cid.is_some() {
				PinStatus::Pending
			} else {
				PinStatus::NoPinnableCid
			};

			match Modules::<T>::get(&key) {
				Some(mut info) => {
					ensure!(info.owner == who, Error::<T>::NotOwner);
					let ticket = match Deposits::<T>::take(&key) {
						Some(ticket) => ticket.update(&who, fp)?,
						None => T::Consideration::new(&who, fp)?,
					};
					Deposits::<T>::insert(&key, ticket);
					Self::track_cid(&key, info.cid.as_ref(), classified.cid.as_ref());
					info.deposit = deposit;
					info.updated = now;
					info.update_count = info.update_count.saturating_add(1);
					info.value_len = value_len;
					info.kind = classified.kind;
					info.cid = classified.cid;
					info.pin_status = pin_status;
					let update_count = info.update_count;
					Modules::<T>::insert(&key, info);
					ModuleRegistry::<T>::insert(&key, value);
					Self::deposit_event(Event::ModuleUpdated {
						key,
						owner: who,
						value_hash,
						value_len,
						kind: classified.kind,
						deposit,
						update_count,
					});
				},
				None => {
					let ticket = T::Consideration::new(&who, fp)?;
					Deposits::<T>::insert(&key, ticket);
					Self::track_cid(&key, None, classified.cid.as_ref());
					Modules::<T>::insert(
						&key,
						ModuleInfo {
							owner: who.clone(),
							deposit,
							created: now,
							updated: now,
							update_count: 0,
							value_len,
							kind: classified.kind,
							cid: classified.cid,
							pin_status,
						},
					);
					ModuleRegistry::<T>::insert(&key, value);
					Self::deposit_event(Event::ModuleRegistered {
						key,
						owner: who,
						value_hash,
						value_len,
						kind: classified.kind,
						deposit,
					});
				},
			}
			Ok(())
		}

		/// Delete every record of `key` and release its deposit to the owner in `info`.
		pub fn do_remove(
			key: &KeyOf<T>,
			info: &ModuleInfoOf<T>,
		) -> Result<BalanceOf<T>, DispatchError> {
			if let Some(ticket) = Deposits::<T>::take(key) {
				ticket.drop(&info.owner)?;
			}
			Self::track_cid(key, info.cid.as_ref(), None);
			Modules::<T>::remove(key);
			ModuleRegistry::<T>::remove(key);
			Ok(info.deposit)
		}

		/// Move `key` from CID `old` to CID `new`: adjust reference counts, announce CIDs nobody
		/// refers to any more, and queue `key` for the pinning worker when it has a CID.
		pub(crate) fn track_cid(key: &KeyOf<T>, old: Option<&CidBytes>, new: Option<&CidBytes>) {
			if old != new {
				if let Some(old) = old {
					let left = CidRefs::<T>::mutate_exists(old, |count| {
						let c = count.unwrap_or(0).saturating_sub(1);
						*count = if c == 0 { None } else { Some(c) };
						c
					});
					if left == 0 {
						Self::deposit_event(Event::CidUnreferenced { cid: old.clone() });
					}
				}
				if let Some(new) = new {
					CidRefs::<T>::mutate(new, |c| *c = c.saturating_add(1));
				}
			}
			if new.is_some() {
				PendingPins::<T>::insert(key, ());
			} else {
				PendingPins::<T>::remove(key);
			}
		}

		/// Check a pin report against the chain: the signer is a pinner, the report is about the
		/// entry's current value and CID, and the entry waits for a report.
		pub fn check_report(
			report: &PinReport<T::Public, BlockNumberFor<T>>,
		) -> Result<CheckedReport<T>, Error<T>> {
			let pinner = report.public.clone().into_account();
			ensure!(Pinners::<T>::get().contains(&pinner), Error::<T>::NotPinner);
			let key = Self::bound_key(report.key.clone())?;
			let info = Modules::<T>::get(&key).ok_or(Error::<T>::NotFound)?;
			ensure!(
				info.update_count == report.update_count && info.cid.as_ref() == Some(&report.cid),
				Error::<T>::StaleReport
			);
			ensure!(PendingPins::<T>::contains_key(&key), Error::<T>::ReportNotNeeded);
			Ok((key, info, pinner))
		}

		/// Apply a checked report to the entry's pin status.
		pub(crate) fn do_record_pin(
			key: KeyOf<T>,
			mut info: ModuleInfoOf<T>,
			pinner: T::AccountId,
			outcome: PinOutcome,
		) {
			let cid = info.cid.clone().unwrap_or_default();
			match outcome {
				PinOutcome::Verified => {
					let at = frame_system::Pallet::<T>::block_number();
					info.pin_status = PinStatus::Verified { at, by: pinner.clone() };
					PendingPins::<T>::remove(&key);
					Modules::<T>::insert(&key, info);
					Self::deposit_event(Event::PinVerified { key, cid, by: pinner });
				},
				PinOutcome::Failed(reason) => {
					let attempts = match info.pin_status {
						PinStatus::Failed { attempts, .. } => attempts.saturating_add(1),
						_ => 1,
					};
					let will_retry = attempts < T::MaxPinAttempts::get();
					if !will_retry {
						PendingPins::<T>::remove(&key);
					}
					info.pin_status = PinStatus::Failed { reason, attempts };
					Modules::<T>::insert(&key, info);
					Self::deposit_event(Event::PinFailed {
						key,
						cid,
						reason,
						attempts,
						will_retry,
					});
				},
			}
		}

		/// The value bytes under `key`, as submitted.
		pub fn get_module(key: Vec<u8>) -> Option<Vec<u8>> {
			let key = KeyOf::<T>::try_from(key).ok()?;
			ModuleRegistry::<T>::get(key).map(|v| v.into_inner())
		}

		/// The full storage key of `key`'s value in [`ModuleRegistry`], or `None` for a key longer
		/// than `MaxKeyLength` (which cannot be stored). For readers outside the runtime: the
		/// node's `moduleRegistry_getModule` reads values with it instead of calling the runtime.
		pub fn value_storage_key(key: &[u8]) -> Option<Vec<u8>> {
			let key = KeyOf::<T>::try_from(key.to_vec()).ok()?;
			Some(ModuleRegistry::<T>::hashed_key_for(key))
		}

		/// The information recorded about `key`.
		pub fn module_info(key: Vec<u8>) -> Option<ModuleInfoOf<T>> {
			let key = KeyOf::<T>::try_from(key).ok()?;
			Modules::<T>::get(key)
		}

		/// Up to `limit` entries (at most `MaxListLimit`) in storage order, starting after
		/// `start_after` when given. Pass the last key of a page to get the next one.
		pub fn list_modules(
			start_after: Option<Vec<u8>>,
			limit: u32,
		) -> Vec<(Vec<u8>, ModuleInfoOf<T>)> {
			let limit = limit.min(T::MaxListLimit::get()) as usize;
			let iter = match start_after.and_then(|k| KeyOf::<T>::try_from(k).ok()) {
				Some(after) => Modules::<T>::iter_from(Modules::<T>::hashed_key_for(after)),
				None => Modules::<T>::iter(),
			};
			iter.take(limit).map(|(k, info)| (k.into_inner(), info)).collect()
		}
	}
}
