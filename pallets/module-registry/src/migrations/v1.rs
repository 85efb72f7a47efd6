//! Storage version 0 → 1: pinning that finishes.
//!
//! In version 0 an entry whose pin failed `MaxPinAttempts` times stayed `Failed` and left the
//! pinning queue for good, even when every failure was a timeout of content that was still on
//! its way. Version 1 keeps `Failed` for transient failures that are retried, and adds the final
//! [`PinStatus::Rejected`](crate::PinStatus::Rejected) for content that is provably wrong or
//! never arrived within `PinHorizon`.
//!
//! The migration puts every `Failed` entry that had left the queue back into
//! [`PendingPins`](crate::PendingPins), with its value unchanged, so the worker judges it again
//! under the new rules (a real mismatch ends `Rejected` after one more try). Nothing a user
//! stored changes; no type's encoding changes. Weight: one read per entry, one write per entry
//! requeued. It reads the version-1 layout of the records ([`super::v2::v1_layout`]), which
//! version 2 changed.

use super::v2::v1_layout::Modules;
use crate::{Config, Pallet, PendingPins, PinStatus};
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

/// The migration's body, run only through [`MigrateV0ToV1`].
pub struct RequeueFailedPins<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for RequeueFailedPins<T> {
	fn on_runtime_upgrade() -> Weight {
		let mut reads = 0u64;
		let mut writes = 0u64;
		for (key, info) in Modules::<T>::iter() {
			reads = reads.saturating_add(2);
			let failed = matches!(info.pin_status, PinStatus::Failed { .. });
			if failed && info.cid.is_some() && !PendingPins::<T>::contains_key(&key) {
				PendingPins::<T>::insert(&key, ());
				writes = writes.saturating_add(1);
			}
		}
		log::info!(
			target: "runtime::module-registry",
			"storage v1: requeued {writes} failed pins of {} entries",
			reads / 2
		);
		T::DbWeight::get().reads_writes(reads, writes)
	}

	// The invariants are checked after the last migration (`v2`): they are those of the latest
	// layout, which the entries only have after it.
}

/// Version 0 → 1, run once: checks and bumps the on-chain storage version.
pub type MigrateV0ToV1<T> = VersionedMigration<
	0,
	1,
	RequeueFailedPins<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;
