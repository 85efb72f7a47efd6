//! Storage version 1 → 2: one record per entry, and deposits that pay for the bookkeeping.
//!
//! Version 1 kept three items per entry besides the value: the [`ModuleInfo`] in `Modules`, the
//! deposit ticket in `Deposits`, and nothing that named the value without reading it. Version 2
//! keeps one [`EntryRecord`] in `Modules`: the same [`ModuleInfo`], the value's blake2-256 hash,
//! and the ticket. `Deposits` is gone. So registering a plain value writes two items, and the
//! removal and transfer events can name the value by hash and length.
//!
//! Version 1 priced a deposit on the key and value bytes only; version 2 prices it with
//! [`Pallet::entry_footprint`], which adds the record and, for a value naming a CID, its queue
//! and reference rows. The migration re-prices every entry's ticket. An owner who cannot cover
//! the difference keeps the old ticket and the old amount (nothing is taken, nothing fails); the
//! entry is re-priced at its next update, and the migration logs how many were kept.
//!
//! Nothing a user stored changes: values, owners, counters, CIDs and pin states are copied as
//! they are. Weight: per entry two reads (record and ticket), the value read to hash it, one
//! record write, one ticket removal, and the hold change. The migration runs in one block; a
//! chain with more entries than one block can re-encode should run it as a multi-block
//! migration instead (`pallet-migrations`). Version 0 → 1 ran before on every chain of ours.

use crate::{
	footprint, Config, EntryRecord, KeyOf, ModuleInfoOf, ModuleRegistry, Modules, Pallet, TicketOf,
};
use alloc::vec::Vec;
use frame_support::{
	migrations::VersionedMigration,
	pallet_prelude::*,
	traits::{Consideration, Footprint, UncheckedOnRuntimeUpgrade},
};
use sp_runtime::traits::{Convert, Hash};

/// The layout of storage version 1, for the migrations that read it.
pub mod v1_layout {
	use super::*;

	/// Version 1's `Modules`: the [`ModuleInfo`] alone.
	#[frame_support::storage_alias]
	pub type Modules<T: Config> =
		StorageMap<Pallet<T>, Blake2_128Concat, KeyOf<T>, ModuleInfoOf<T>>;

	/// Version 1's `Deposits`: the deposit ticket per key.
	#[frame_support::storage_alias]
	pub type Deposits<T: Config> = StorageMap<Pallet<T>, Blake2_128Concat, KeyOf<T>, TicketOf<T>>;
}

/// Version 1's price rule: one item of the key and value bytes.
pub fn v1_footprint(key_len: usize, value_len: usize) -> Footprint {
	footprint(1, key_len.saturating_add(value_len))
}

/// The migration's body, run only through [`MigrateV1ToV2`].
pub struct MergeEntryRecords<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for MergeEntryRecords<T> {
	fn on_runtime_upgrade() -> Weight {
		// Collect first: the records are rewritten under the same keys.
		let old: Vec<(KeyOf<T>, ModuleInfoOf<T>)> = v1_layout::Modules::<T>::iter().collect();
		let (mut moved, mut kept_price, mut without_ticket) = (0u64, 0u64, 0u64);
		for (key, mut info) in old {
			let value = ModuleRegistry::<T>::get(&key).unwrap_or_default();
			let value_hash = T::Hashing::hash(&value);
			let fp = Pallet::<T>::entry_footprint(key.len(), value.len(), info.cid.is_some());
			let ticket = match v1_layout::Deposits::<T>::take(&key) {
				Some(ticket) => {
					let backup = ticket.clone();
					match frame_support::storage::with_storage_layer(|| {
						ticket.update(&info.owner, fp)
					}) {
						Ok(ticket) => {
							info.deposit = T::DepositPrice::convert(fp);
							ticket
						},
						Err(_) => {
							kept_price += 1;
							backup
						},
					}
				},
				// Version 1's invariants rule this out. Should it happen, hold the deposit now;
				// if the owner cannot pay, leave the entry as it was, and say so.
				None => {
					without_ticket += 1;
					let Ok(ticket) = T::Consideration::new(&info.owner, fp) else {
						log::error!(
							target: "runtime::module-registry",
							"storage v2: entry 0x{} had no deposit ticket and its owner cannot pay \
							 one; left in the v1 layout",
							sp_core::hexdisplay::HexDisplay::from(&key.as_slice())
						);
						continue;
					};
					info.deposit = T::DepositPrice::convert(fp);
					ticket
				},
			};
			Modules::<T>::insert(&key, EntryRecord { info, value_hash, ticket });
			moved += 1;
		}
		log::info!(
			target: "runtime::module-registry",
			"storage v2: {moved} entries merged into one record each; {kept_price} kept their \
			 v1 deposit (the owner could not cover the re-pricing); {without_ticket} had no ticket"
		);
		// Per entry: record, ticket and value read, plus the holds; record written, ticket
		// removed, and the hold written.
		T::DbWeight::get().reads_writes(moved.saturating_mul(5), moved.saturating_mul(4))
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		use codec::Encode;
		Ok((v1_layout::Modules::<T>::iter_keys().count() as u64).encode())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		use codec::Decode;
		let before = u64::decode(&mut &state[..]).map_err(|_| "bad pre_upgrade state")?;
		let after = Modules::<T>::iter_keys().count() as u64;
		ensure!(before == after, "entries lost in the migration");
		ensure!(v1_layout::Deposits::<T>::iter_keys().next().is_none(), "tickets left behind");
		Pallet::<T>::do_try_state()
	}
}

/// Version 1 → 2, run once: checks and bumps the on-chain storage version.
pub type MigrateV1ToV2<T> = VersionedMigration<
	1,
	2,
	MergeEntryRecords<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;
