//! Storage version 2 → 3: each package's versions in precedence order, and each namespace's
//! package count.
//!
//! Version 2 answered `resolve`, `versions`, `get_package` and `list_packages` by reading,
//! parsing and sorting every version of a package on each call. Version 3 keeps two indexes
//! beside [`Versions`]: [`VersionOrder`] (every version, ascending) and [`LiveVersions`] (the
//! versions that are not yanked, highest first), so each read seeks to where its answer is.
//! The migration writes both rows for every existing version.
//!
//! [`NamespaceInfo`] gains `package_count`, so that a namespace with no packages can be
//! released (`release_namespace`); the migration counts each namespace's packages. The record
//! is 4 bytes longer, so a claim deposit, which pays for the record at its largest, costs
//! 4 × the per-byte price more: the migration re-prices every claim's ticket. An owner who
//! cannot cover the difference keeps the old ticket and amount (nothing is taken, nothing
//! fails; `try_state` then names the namespace, and the next transfer re-prices it), as the v2
//! migration did for entries.
//!
//! A published version's entry deposit now also pays for the version's own rows (its record
//! and the two index rows, [`Pallet::version_rows_footprint`]): the migration re-prices every
//! version entry's ticket the same way, keeping the old price for an owner who cannot cover
//! the difference. Nothing a user stored changes.
//!
//! A version whose identity does not parse cannot have been published (the pallet parses it
//! before storing); should one exist, the migration logs it by package and `try_state` reports
//! it, since such a version could never be resolved. A namespace record that does not decode in
//! the version 2 layout is logged and kept as it is (`translate` would drop it), and
//! `try_state` reports it.
//!
//! Weight: per version one read and two writes; per package one read; per namespace one read
//! and one write. It runs in one block: the dev and local chains hold a few hundred rows at
//! most; a chain with more should run the same body through `pallet-migrations` as a stepped
//! migration.

use crate::{
	Config, LiveVersions, Modules, Name, NamespaceDeposits, NamespaceInfo, NamespaceInfoOf,
	Namespaces, Packages, Pallet, VersionEntries, VersionOrder, Versions,
};
use alloc::{collections::BTreeMap, vec::Vec};
use frame_support::{
	migrations::VersionedMigration,
	pallet_prelude::*,
	traits::{Consideration, UncheckedOnRuntimeUpgrade},
};
use module_registry_primitives::registry as rules;
use sp_runtime::traits::Convert;

/// The layout of storage version 2, for the migration that reads it.
pub mod v2_layout {
	use super::*;

	/// Version 2's namespace record (no package count): the same record version 1 of the
	/// runtime API answers with.
	pub use module_registry_primitives::api_v1::NamespaceInfo;

	/// Version 2's namespace record for a runtime.
	pub type NamespaceInfoOf<T> = NamespaceInfo<
		<T as frame_system::Config>::AccountId,
		crate::BalanceOf<T>,
		frame_system::pallet_prelude::BlockNumberFor<T>,
	>;

	/// Version 2's `Namespaces`.
	#[frame_support::storage_alias]
	pub type Namespaces<T: Config> =
		StorageMap<Pallet<T>, Blake2_128Concat, Name, NamespaceInfoOf<T>>;
}

/// The migration's body, run only through [`MigrateV2ToV3`].
pub struct IndexVersions<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for IndexVersions<T> {
	fn on_runtime_upgrade() -> Weight {
		let (mut indexed, mut failed) = (0u64, 0u64);
		for (package, identity, record) in Versions::<T>::iter() {
			let keys = core::str::from_utf8(&identity)
				.ok()
				.and_then(|text| rules::parse_version(text).ok())
				.and_then(|version| Pallet::<T>::index_keys(&version));
			let Some((order_key, live_key)) = keys else {
				failed += 1;
				log::error!(
					target: "runtime::module-registry",
					"storage v3: a version of {}/{} is not SemVer and cannot be indexed",
					sp_core::hexdisplay::HexDisplay::from(&package.0.as_slice()),
					sp_core::hexdisplay::HexDisplay::from(&package.1.as_slice()),
				);
				continue;
			};
			VersionOrder::<T>::insert(&package, order_key, &identity);
			if !record.yanked {
				LiveVersions::<T>::insert(&package, live_key, &identity);
			}
			indexed += 1;
		}

		// Version entries pay for the version's rows from now on.
		let (mut entries_repriced, mut entries_kept) = (0u64, 0u64);
		let keys: Vec<_> = VersionEntries::<T>::iter_keys().collect();
		for key in &keys {
			let Some(mut record) = Modules::<T>::get(key) else { continue };
			let fp =
				Pallet::<T>::version_entry_footprint(key.len(), record.info.value_len as usize);
			let backup = record.ticket.clone();
			let owner = record.info.owner.clone();
			match frame_support::storage::with_storage_layer(|| backup.clone().update(&owner, fp)) {
				Ok(ticket) => {
					record.ticket = ticket;
					record.info.deposit = T::DepositPrice::convert(fp);
					Modules::<T>::insert(key, record);
					entries_repriced += 1;
				},
				Err(_) => entries_kept += 1,
			}
		}

		let mut counts = BTreeMap::<Name, u32>::new();
		let mut packages = 0u64;
		for (namespace, _) in Packages::<T>::iter_keys() {
			*counts.entry(namespace).or_default() += 1;
			packages += 1;
		}
		// Read every record first: a record that does not decode stays as it is (logged)
		// instead of being dropped, as `translate` would.
		let names: Vec<Name> = v2_layout::Namespaces::<T>::iter_keys().collect();
		let (mut namespaces, mut undecodable, mut repriced, mut kept_price) =
			(0u64, 0u64, 0u64, 0u64);
		for name in names {
			let Some(old) = v2_layout::Namespaces::<T>::get(&name) else {
				undecodable += 1;
				log::error!(
					target: "runtime::module-registry",
					"storage v3: namespace {} does not decode in the v2 layout; left as it is",
					sp_core::hexdisplay::HexDisplay::from(&name.as_slice()),
				);
				continue;
			};
			// A claim's ticket pays for the longer record from now on.
			let mut deposit = old.deposit;
			if let Some(ticket) = NamespaceDeposits::<T>::take(&name) {
				let fp = Pallet::<T>::namespace_footprint(&name);
				let backup = ticket.clone();
				let ticket = match frame_support::storage::with_storage_layer(|| {
					ticket.update(&old.owner, fp)
				}) {
					Ok(ticket) => {
						deposit = T::DepositPrice::convert(fp);
						repriced += 1;
						ticket
					},
					Err(_) => {
						kept_price += 1;
						log::warn!(
							target: "runtime::module-registry",
							"storage v3: the owner of namespace {} cannot cover its re-priced \
							 deposit; it keeps the old one",
							sp_core::hexdisplay::HexDisplay::from(&name.as_slice()),
						);
						backup
					},
				};
				NamespaceDeposits::<T>::insert(&name, ticket);
			}
			let info: NamespaceInfoOf<T> = NamespaceInfo {
				owner: old.owner,
				verified: old.verified,
				deposit,
				created: old.created,
				maintainer_count: old.maintainer_count,
				package_count: counts.get(&name).copied().unwrap_or(0),
			};
			Namespaces::<T>::insert(&name, info);
			namespaces += 1;
		}
		log::info!(
			target: "runtime::module-registry",
			"storage v3: {indexed} versions indexed in precedence order ({failed} could not be); \
			 {namespaces} namespaces counted their packages ({undecodable} did not decode), \
			 {repriced} claim deposits re-priced ({kept_price} kept the old price); \
			 {entries_repriced} version entries re-priced ({entries_kept} kept the old price)"
		);
		// Namespaces: key listing, record read, ticket read and hold; record, ticket and hold
		// written.
		let ns_rows = namespaces + undecodable;
		// Version entries: key listing, record and hold read; record and hold written.
		let entry_rows = keys.len() as u64;
		let reads = indexed + failed + packages + ns_rows.saturating_mul(4) + entry_rows * 3;
		let writes = indexed.saturating_mul(2) +
			namespaces.saturating_mul(3) +
			entries_repriced.saturating_mul(2);
		T::DbWeight::get().reads_writes(reads, writes)
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(_state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		Pallet::<T>::do_try_state()
	}
}

/// Version 2 → 3, run once: checks and bumps the on-chain storage version.
pub type MigrateV2ToV3<T> =
	VersionedMigration<2, 3, IndexVersions<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
