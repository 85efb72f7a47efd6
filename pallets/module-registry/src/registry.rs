//! The registry layer: namespaces, packages and immutable SemVer versions.
//!
//! A published version is stored *as an entry*: its document
//! (`{"cid", "package", "version", "checksum", "size", "metadata"}`) goes through
//! [`Pallet::do_register`] under the key [`version_entry_key`], so it is validated, priced,
//! held and pinned exactly like any entry. That entry is sealed: the plain calls refuse it
//! ([`Error::SealedEntry`]), so a published version never changes. Records of namespaces,
//! packages and versions live in [`Namespaces`], [`Packages`] and [`Versions`].
//!
//! The name, version and range rules, and the one resolution rule, are
//! [`module_registry_primitives::registry`], shared with every client.

use crate::{pallet::*, *};
use alloc::{
	format,
	string::{String, ToString},
	vec::Vec,
};
use frame_support::{
	ensure,
	pallet_prelude::*,
	traits::{Consideration, Footprint},
};
use module_registry_primitives::{
	order::{self, LiveIndex},
	registry::{self as rules, Range, Version},
};
use sp_runtime::traits::{Convert, Zero};

pub use module_registry_primitives::registry::{version_entry_key, VERSION_KEY_PREFIX};

/// The arguments of `publish_version`, as submitted.
pub struct Publication {
	/// `ns/name` or `@ns/name`.
	pub name: Vec<u8>,
	/// SemVer 2.0 text.
	pub version: Vec<u8>,
	/// The content's CID as text.
	pub cid: Vec<u8>,
	/// SHA-256 of the content bytes.
	pub checksum: Vec<u8>,
	/// Length of the content bytes.
	pub size: u64,
	/// A JSON object.
	pub metadata: Vec<u8>,
}

/// A package name as parsed and as stored.
pub struct Parsed {
	/// `ns/name`, canonical (no `@`).
	pub text: String,
	/// The storage key.
	pub key: PackageKey,
}

impl Parsed {
	/// The package stored under `key` (its parts were checked when it was created).
	fn from_key(key: PackageKey) -> Parsed {
		let text =
			format!("{}/{}", String::from_utf8_lossy(&key.0), String::from_utf8_lossy(&key.1));
		Parsed { text, key }
	}

	fn namespace(&self) -> &Name {
		&self.key.0
	}
	fn name(&self) -> &Name {
		&self.key.1
	}
}

/// A version as parsed.
struct ParsedVersion {
	/// The text as submitted, build metadata included.
	full: VersionText,
	/// The text without build metadata: the storage key.
	identity: VersionText,
}

fn bounded_name(text: &str) -> Name {
	// A valid name is at most MAX_NAME_LEN bytes, the bound of `Name`.
	Name::truncate_from(text.as_bytes().to_vec())
}

impl<T: Config> Pallet<T> {
	/// Refuse the plain calls on the entries of published versions, and the registration of
	/// new keys with the version prefix (`new_key`: the caller would create `key`).
	pub fn ensure_plain_key(key: &KeyOf<T>, may_create: bool) -> DispatchResult {
		if key.first() != Some(&VERSION_KEY_PREFIX) {
			return Ok(());
		}
		ensure!(!VersionEntries::<T>::contains_key(key), Error::<T>::SealedEntry);
		if may_create {
			ensure!(Modules::<T>::contains_key(key), Error::<T>::ReservedKey);
		}
		Ok(())
	}

	/// Parse `ns/name` or `@ns/name`.
	pub fn parse_package(name: &[u8]) -> Result<Parsed, Error<T>> {
		let text = core::str::from_utf8(name).map_err(|_| Error::<T>::InvalidName)?;
		let parsed = rules::PackageName::parse(text).map_err(|_| Error::<T>::InvalidName)?;
		let key = (bounded_name(&parsed.namespace), bounded_name(&parsed.name));
		Ok(Parsed { text: parsed.to_string(), key })
	}

	/// Parse a namespace name.
	pub fn parse_namespace(namespace: &[u8]) -> Result<Name, Error<T>> {
		let text = core::str::from_utf8(namespace).map_err(|_| Error::<T>::InvalidName)?;
		rules::validate_name(text).map_err(|_| Error::<T>::InvalidName)?;
		Ok(bounded_name(text))
	}

	fn parse_version(version: &[u8]) -> Result<(Version, ParsedVersion), Error<T>> {
		let full =
			VersionText::try_from(version.to_vec()).map_err(|_| Error::<T>::InvalidVersion)?;
		let text = core::str::from_utf8(version).map_err(|_| Error::<T>::InvalidVersion)?;
		let parsed = rules::parse_version(text).map_err(|_| Error::<T>::InvalidVersion)?;
		let identity = VersionText::truncate_from(rules::version_identity(&parsed).into_bytes());
		Ok((parsed, ParsedVersion { full, identity }))
	}

	/// A version's keys in [`VersionOrder`] and [`LiveVersions`]; `None` only for a version far
	/// longer than [`VersionText`] holds.
	pub(crate) fn index_keys(version: &Version) -> Option<(OrderKey, (bool, OrderKey))> {
		let key = order::order_key(version)?;
		Some((key, (!version.pre.is_empty(), order::negate(&key))))
	}

	fn is_open(namespace: &Name) -> bool {
		namespace.as_slice() == T::OpenNamespace::get().as_bytes()
	}

	/// Whether `who` may publish to, yank, deprecate and set the status of `package`:
	/// in the open namespace its owner; elsewhere the namespace owner and its maintainers.
	fn ensure_maintainer(
		who: &T::AccountId,
		package: &Parsed,
		info: Option<&PackageInfoOf<T>>,
	) -> DispatchResult {
		if Self::is_open(package.namespace()) {
			if let Some(info) = info {
				ensure!(&info.owner == who, Error::<T>::NotMaintainer);
			}
			return Ok(());
		}
		let ns = Namespaces::<T>::get(package.namespace()).ok_or(Error::<T>::UnknownNamespace)?;
		ensure!(
			&ns.owner == who || Maintainers::<T>::contains_key(package.namespace(), who),
			Error::<T>::NotMaintainer
		);
		Ok(())
	}

	/// What a namespace's claim deposit pays for: its record (at its largest) and its key.
	pub(crate) fn namespace_footprint(namespace: &Name) -> Footprint {
		crate::footprint(1, namespace.len().saturating_add(NamespaceInfoOf::<T>::max_encoded_len()))
	}

	fn owned_namespace(
		who: &T::AccountId,
		namespace: &[u8],
	) -> Result<(Name, NamespaceInfoOf<T>), DispatchError> {
		let namespace = Self::parse_namespace(namespace)?;
		let info = Namespaces::<T>::get(&namespace).ok_or(Error::<T>::UnknownNamespace)?;
		ensure!(&info.owner == who, Error::<T>::NotNamespaceOwner);
		Ok((namespace, info))
	}

	pub(crate) fn do_claim_namespace(who: T::AccountId, namespace: Vec<u8>) -> DispatchResult {
		let namespace = Self::parse_namespace(&namespace)?;
		let text = core::str::from_utf8(&namespace).unwrap_or_default();
		ensure!(
			!Self::is_open(&namespace) &&
				!rules::is_reserved_namespace(
					text,
					T::ReservedNamespaces::get(),
					T::ReservedPrefixes::get()
				),
			Error::<T>::ReservedName
		);
		ensure!(!Namespaces::<T>::contains_key(&namespace), Error::<T>::NamespaceTaken);
		let fp = Self::namespace_footprint(&namespace);
		let ticket = T::Consideration::new(&who, fp)?;
		let deposit = T::DepositPrice::convert(fp);
		NamespaceDeposits::<T>::insert(&namespace, ticket);
		let created = frame_system::Pallet::<T>::block_number();
		let info = NamespaceInfo {
			owner: who.clone(),
			verified: false,
			deposit,
			created,
			maintainer_count: 0,
			package_count: 0,
		};
		Namespaces::<T>::insert(&namespace, info);
		Self::deposit_event(Event::NamespaceClaimed { namespace, owner: who, deposit });
		Ok(())
	}

	pub(crate) fn do_assign_namespace(namespace: Vec<u8>, owner: T::AccountId) -> DispatchResult {
		let namespace = Self::parse_namespace(&namespace)?;
		ensure!(!Self::is_open(&namespace), Error::<T>::ReservedName);
		ensure!(!Namespaces::<T>::contains_key(&namespace), Error::<T>::NamespaceTaken);
		let created = frame_system::Pallet::<T>::block_number();
		let info = NamespaceInfo {
			owner: owner.clone(),
			verified: false,
			deposit: Zero::zero(),
			created,
			maintainer_count: 0,
			package_count: 0,
		};
		Namespaces::<T>::insert(&namespace, info);
		Self::deposit_event(Event::NamespaceAssigned { namespace, owner });
		Ok(())
	}

	pub(crate) fn do_set_namespace_verified(namespace: Vec<u8>, verified: bool) -> DispatchResult {
		let namespace = Self::parse_namespace(&namespace)?;
		Namespaces::<T>::try_mutate(&namespace, |info| -> DispatchResult {
			info.as_mut().ok_or(Error::<T>::UnknownNamespace)?.verified = verified;
			Ok(())
		})?;
		Self::deposit_event(Event::NamespaceVerified { namespace, verified });
		Ok(())
	}

	pub(crate) fn do_add_maintainer(
		owner: T::AccountId,
		namespace: Vec<u8>,
		who: T::AccountId,
	) -> DispatchResult {
		let (namespace, mut info) = Self::owned_namespace(&owner, &namespace)?;
		ensure!(
			who != owner && !Maintainers::<T>::contains_key(&namespace, &who),
			Error::<T>::AlreadyMaintainer
		);
		ensure!(info.maintainer_count < T::MaxMaintainers::get(), Error::<T>::TooManyMaintainers);
		info.maintainer_count += 1;
		Maintainers::<T>::insert(&namespace, &who, ());
		Namespaces::<T>::insert(&namespace, info);
		Self::deposit_event(Event::MaintainerAdded { namespace, who });
		Ok(())
	}

	pub(crate) fn do_remove_maintainer(
		owner: T::AccountId,
		namespace: Vec<u8>,
		who: T::AccountId,
	) -> DispatchResult {
		let (namespace, mut info) = Self::owned_namespace(&owner, &namespace)?;
		ensure!(Maintainers::<T>::take(&namespace, &who).is_some(), Error::<T>::NotMaintainer);
		info.maintainer_count = info.maintainer_count.saturating_sub(1);
		Namespaces::<T>::insert(&namespace, info);
		Self::deposit_event(Event::MaintainerRemoved { namespace, who });
		Ok(())
	}

	pub(crate) fn do_transfer_namespace(
		owner: T::AccountId,
		namespace: Vec<u8>,
		to: T::AccountId,
	) -> DispatchResult {
		let (namespace, _) = Self::owned_namespace(&owner, &namespace)?;
		ensure!(to != owner, Error::<T>::AlreadyOwner);
		// A namespace the admin assigned carries no claim deposit; it moves only with the admin
		// (`force_transfer_namespace`).
		ensure!(NamespaceDeposits::<T>::contains_key(&namespace), Error::<T>::AssignedNamespace);
		NamespaceOffers::<T>::insert(&namespace, &to);
		Self::deposit_event(Event::NamespaceOffered { namespace, from: owner, to });
		Ok(())
	}

	pub(crate) fn do_accept_namespace(who: T::AccountId, namespace: Vec<u8>) -> DispatchResult {
		let namespace = Self::parse_namespace(&namespace)?;
		let mut info = Namespaces::<T>::get(&namespace).ok_or(Error::<T>::UnknownNamespace)?;
		let to = NamespaceOffers::<T>::get(&namespace).ok_or(Error::<T>::NoOffer)?;
		ensure!(to == who, Error::<T>::NotOfferee);
		let from = info.owner.clone();
		// An offer of an assigned namespace made before spec 105 (when `transfer_namespace`
		// did not refuse one) cannot be accepted either: the admin moves it.
		let old = NamespaceDeposits::<T>::take(&namespace).ok_or(Error::<T>::AssignedNamespace)?;
		let fp = Self::namespace_footprint(&namespace);
		let ticket = T::Consideration::new(&who, fp)?;
		old.drop(&from)?;
		NamespaceDeposits::<T>::insert(&namespace, ticket);
		// The new owner holds the current price, whatever the old owner paid.
		info.deposit = T::DepositPrice::convert(fp);
		let _ = Maintainers::<T>::clear_prefix(&namespace, T::MaxMaintainers::get(), None);
		NamespaceOffers::<T>::remove(&namespace);
		info.owner = who.clone();
		info.maintainer_count = 0;
		// The admin vouched for the old owner, not for whoever they hand the name to.
		info.verified = false;
		Namespaces::<T>::insert(&namespace, info);
		Self::deposit_event(Event::NamespaceTransferred { namespace, from, to: who });
		Ok(())
	}

	/// Move a namespace to `to` by the admin's decision; see `force_transfer_namespace`.
	pub(crate) fn do_force_transfer_namespace(
		namespace: Vec<u8>,
		to: T::AccountId,
	) -> DispatchResult {
		let namespace = Self::parse_namespace(&namespace)?;
		let mut info = Namespaces::<T>::get(&namespace).ok_or(Error::<T>::UnknownNamespace)?;
		let from = info.owner.clone();
		ensure!(to != from, Error::<T>::AlreadyOwner);
		// The old owner's claim deposit is returned; the namespace is held as an assigned one.
		if let Some(ticket) = NamespaceDeposits::<T>::take(&namespace) {
			ticket.drop(&from)?;
		}
		let _ = Maintainers::<T>::clear_prefix(&namespace, T::MaxMaintainers::get(), None);
		NamespaceOffers::<T>::remove(&namespace);
		info.owner = to.clone();
		info.maintainer_count = 0;
		info.verified = false;
		info.deposit = Zero::zero();
		Namespaces::<T>::insert(&namespace, info);
		Self::deposit_event(Event::NamespaceForceTransferred { namespace, from, to });
		Ok(())
	}

	/// Move a package of the open namespace; see `force_transfer_package`.
	pub(crate) fn do_force_transfer_package(name: Vec<u8>, to: T::AccountId) -> DispatchResult {
		let package = Self::parse_package(&name)?;
		let mut info = Packages::<T>::get(&package.key).ok_or(Error::<T>::UnknownPackage)?;
		ensure!(Self::is_open(package.namespace()), Error::<T>::NamespacedPackage);
		let from = core::mem::replace(&mut info.owner, to.clone());
		ensure!(from != to, Error::<T>::AlreadyOwner);
		Packages::<T>::insert(&package.key, info);
		let (namespace, name) = package.key;
		Self::deposit_event(Event::PackageForceTransferred { namespace, name, from, to });
		Ok(())
	}

	/// Give up a namespace that holds no packages; see `release_namespace`.
	pub(crate) fn do_release_namespace(owner: T::AccountId, namespace: Vec<u8>) -> DispatchResult {
		let (namespace, info) = Self::owned_namespace(&owner, &namespace)?;
		ensure!(info.package_count == 0, Error::<T>::NamespaceNotEmpty);
		// An assigned namespace carries no deposit and is the admin's to move.
		let ticket =
			NamespaceDeposits::<T>::take(&namespace).ok_or(Error::<T>::AssignedNamespace)?;
		ticket.drop(&owner)?;
		let _ = Maintainers::<T>::clear_prefix(&namespace, T::MaxMaintainers::get(), None);
		NamespaceOffers::<T>::remove(&namespace);
		Namespaces::<T>::remove(&namespace);
		Self::deposit_event(Event::NamespaceReleased { namespace, owner, deposit: info.deposit });
		Ok(())
	}

	pub(crate) fn do_cancel_namespace_offer(
		owner: T::AccountId,
		namespace: Vec<u8>,
	) -> DispatchResult {
		let (namespace, _) = Self::owned_namespace(&owner, &namespace)?;
		let to = NamespaceOffers::<T>::take(&namespace).ok_or(Error::<T>::NoOffer)?;
		Self::deposit_event(Event::NamespaceOfferCancelled { namespace, owner, to });
		Ok(())
	}

	pub(crate) fn do_create_package(
		name: Vec<u8>,
		owner: T::AccountId,
		module_type: ModuleType,
	) -> DispatchResult {
		let package = Self::parse_package(&name)?;
		ensure!(!Packages::<T>::contains_key(&package.key), Error::<T>::PackageExists);
		ensure!(
			Self::is_open(package.namespace()) ||
				Namespaces::<T>::contains_key(package.namespace()),
			Error::<T>::UnknownNamespace
		);
		Self::insert_package(&package, owner, module_type, 0);
		Ok(())
	}

	fn insert_package(
		package: &Parsed,
		owner: T::AccountId,
		module_type: ModuleType,
		version_count: u32,
	) {
		let info = PackageInfo {
			owner: owner.clone(),
			module_type,
			status: PackageStatus::Active,
			deprecation: None,
			version_count,
			created: frame_system::Pallet::<T>::block_number(),
		};
		Packages::<T>::insert(&package.key, info);
		Namespaces::<T>::mutate(package.namespace(), |ns| {
			if let Some(ns) = ns {
				ns.package_count = ns.package_count.saturating_add(1);
			}
		});
		Self::deposit_event(Event::PackageCreated {
			namespace: package.namespace().clone(),
			name: package.name().clone(),
			owner,
			module_type,
		});
	}

	/// Publish a version; see the `publish_version` call.
	/// Publish a version; returns how many dependency packages it read (for the weight).
	pub fn do_publish(who: T::AccountId, p: Publication) -> Result<u32, DispatchError> {
		let package = Self::parse_package(&p.name)?;
		let (parsed_version, version) = Self::parse_version(&p.version)?;
		// A version of at most 128 characters always has keys; refuse before any write.
		let (order_key, live_key) =
			Self::index_keys(&parsed_version).ok_or(Error::<T>::InvalidVersion)?;
		let checksum: [u8; 32] =
			p.checksum.as_slice().try_into().map_err(|_| Error::<T>::BadChecksumLength)?;
		ensure!(
			p.metadata.len() <= T::MaxMetadataLength::get() as usize,
			Error::<T>::MetadataTooLarge
		);
		let max_dependencies = T::MaxDependencies::get() as usize;
		let parsed = rules::parse_metadata(&p.metadata, max_dependencies).map_err(|e| match e {
			rules::MetadataError::InvalidJson => Error::<T>::InvalidJson,
			rules::MetadataError::NotObject => Error::<T>::JsonNotObject,
			rules::MetadataError::UnknownType => Error::<T>::InvalidModuleType,
			rules::MetadataError::Dependencies(rules::DependencyError::TooMany) =>
				Error::<T>::TooManyDependencies,
			rules::MetadataError::Dependencies(_) => Error::<T>::BadDependencies,
		})?;
		let module_type = parsed.module_type;
		let cid_text = core::str::from_utf8(&p.cid).map_err(|_| Error::<T>::InvalidCid)?;
		let cid = validation::parse_cid(cid_text).map_err(|e| match e {
			validation::ValueError::IdentityCid => Error::<T>::IdentityCid,
			_ => Error::<T>::InvalidCid,
		})?;
		let cid_text = validation::cid_to_string(&cid).ok_or(Error::<T>::InvalidCid)?;

		// Every dependency must exist (as crates.io refuses unknown dependencies); a package may
		// name itself (the resolver handles the cycle), which may not exist yet.
		let mut dependency_reads = 0u32;
		for dependency in &parsed.dependencies.modules {
			let (namespace, name) = (&dependency.package.namespace, &dependency.package.name);
			let key = (bounded_name(namespace), bounded_name(name));
			if key == package.key {
				continue;
			}
			dependency_reads += 1;
			ensure!(Packages::<T>::contains_key(&key), Error::<T>::UnknownDependency);
		}

		let existing = Packages::<T>::get(&package.key);
		match &existing {
			Some(info) => {
				Self::ensure_maintainer(&who, &package, Some(info))?;
				ensure!(
					!Versions::<T>::contains_key(&package.key, &version.identity),
					Error::<T>::VersionExists
				);
				ensure!(info.version_count < T::MaxVersions::get(), Error::<T>::TooManyVersions);
			},
			None => {
				let name = core::str::from_utf8(package.name()).unwrap_or_default();
				ensure!(
					!rules::has_reserved_prefix(name, T::ReservedPrefixes::get()),
					Error::<T>::ReservedName
				);
				Self::ensure_maintainer(&who, &package, None)?;
			},
		}

		let identity = core::str::from_utf8(&version.identity).unwrap_or_default();
		let full = core::str::from_utf8(&version.full).unwrap_or_default();
		let entry_key = KeyOf::<T>::try_from(version_entry_key(&package.text, identity).to_vec())
			.map_err(|_| Error::<T>::KeyTooLong)?;
		// Only a binary key registered before the registry layer existed could be here.
		ensure!(!Modules::<T>::contains_key(&entry_key), Error::<T>::ReservedKey);
		let metadata = core::str::from_utf8(&p.metadata).map_err(|_| Error::<T>::InvalidJson)?;
		let document = format!(
			"{{\"cid\":\"{cid_text}\",\"package\":\"{}\",\"version\":\"{full}\",\
			 \"checksum\":\"{}\",\"size\":{},\"metadata\":{metadata}}}",
			package.text,
			rules::checksum_text(&checksum),
			p.size,
		);
		let value = Self::bound_value(document.into_bytes())?;
		Self::do_register_with(
			who.clone(),
			entry_key.clone(),
			value,
			Self::version_rows_footprint(),
		)?;

		match existing {
			Some(mut info) => {
				info.version_count += 1;
				Packages::<T>::insert(&package.key, info);
			},
			None => {
				let owner = if Self::is_open(package.namespace()) {
					who.clone()
				} else {
					// `ensure_maintainer` found the namespace.
					Namespaces::<T>::get(package.namespace()).map_or(who.clone(), |ns| ns.owner)
				};
				Self::insert_package(&package, owner, module_type, 1);
			},
		}
		let record = VersionRecord {
			version: version.full.clone(),
			checksum,
			size: p.size,
			publisher: who.clone(),
			published_at: frame_system::Pallet::<T>::block_number(),
			yanked: false,
			deprecation: None,
		};
		Versions::<T>::insert(&package.key, &version.identity, record);
		VersionOrder::<T>::insert(&package.key, order_key, &version.identity);
		LiveVersions::<T>::insert(&package.key, live_key, &version.identity);
		VersionEntries::<T>::insert(&entry_key, (package.key.clone(), version.identity));
		Self::deposit_event(Event::VersionPublished {
			namespace: package.key.0,
			name: package.key.1,
			version: version.full,
			cid,
			entry_key,
			publisher: who,
		});
		Ok(dependency_reads)
	}

	/// The package and the identity of one of its versions, for a maintainer.
	fn maintained_version(
		who: &T::AccountId,
		name: &[u8],
		version: &[u8],
	) -> Result<(Parsed, VersionText, VersionRecordOf<T>), DispatchError> {
		Self::maintained_version_parsed(who, name, version).map(|(p, _, i, r)| (p, i, r))
	}

	fn maintained_version_parsed(
		who: &T::AccountId,
		name: &[u8],
		version: &[u8],
	) -> Result<(Parsed, Version, VersionText, VersionRecordOf<T>), DispatchError> {
		let (package, _) = Self::maintained_package(who, name)?;
		let (parsed, version) = Self::parse_version(version)?;
		let record = Versions::<T>::get(&package.key, &version.identity)
			.ok_or(Error::<T>::UnknownVersion)?;
		Ok((package, parsed, version.identity, record))
	}

	fn maintained_package(
		who: &T::AccountId,
		name: &[u8],
	) -> Result<(Parsed, PackageInfoOf<T>), DispatchError> {
		let package = Self::parse_package(name)?;
		let info = Packages::<T>::get(&package.key).ok_or(Error::<T>::UnknownPackage)?;
		Self::ensure_maintainer(who, &package, Some(&info))?;
		Ok((package, info))
	}

	pub(crate) fn do_set_yanked(
		who: T::AccountId,
		name: Vec<u8>,
		version: Vec<u8>,
		yanked: bool,
	) -> DispatchResult {
		let (package, parsed, identity, mut record) =
			Self::maintained_version_parsed(&who, &name, &version)?;
		if yanked {
			ensure!(!record.yanked, Error::<T>::AlreadyYanked);
		} else {
			ensure!(record.yanked, Error::<T>::NotYanked);
		}
		let (_, live_key) = Self::index_keys(&parsed).ok_or(Error::<T>::InvalidVersion)?;
		if yanked {
			LiveVersions::<T>::remove(&package.key, live_key);
		} else {
			LiveVersions::<T>::insert(&package.key, live_key, &identity);
		}
		record.yanked = yanked;
		let version = record.version.clone();
		Versions::<T>::insert(&package.key, &identity, record);
		let (namespace, name) = package.key;
		Self::deposit_event(if yanked {
			Event::VersionYanked { namespace, name, version }
		} else {
			Event::VersionUnyanked { namespace, name, version }
		});
		Ok(())
	}

	pub(crate) fn do_deprecate(
		who: T::AccountId,
		name: Vec<u8>,
		version: Option<Vec<u8>>,
		successor: Option<Vec<u8>>,
		reason: Vec<u8>,
	) -> DispatchResult {
		let successor = successor
			.map(|s| -> Result<Note, Error<T>> {
				let text = core::str::from_utf8(&s).map_err(|_| Error::<T>::InvalidSuccessor)?;
				rules::parse_reference(text).map_err(|_| Error::<T>::InvalidSuccessor)?;
				Note::try_from(s).map_err(|_| Error::<T>::InvalidSuccessor)
			})
			.transpose()?;
		ensure!(core::str::from_utf8(&reason).is_ok(), Error::<T>::InvalidReason);
		let reason = Note::try_from(reason).map_err(|_| Error::<T>::InvalidReason)?;
		let deprecation = Deprecation { successor: successor.clone(), reason };
		let version = match version {
			None => {
				let (package, mut info) = Self::maintained_package(&who, &name)?;
				info.deprecation = Some(deprecation);
				Packages::<T>::insert(&package.key, info);
				let (namespace, name) = package.key;
				Self::deposit_event(Event::Deprecated {
					namespace,
					name,
					version: None,
					successor,
				});
				return Ok(());
			},
			Some(version) => version,
		};
		let (package, identity, mut record) = Self::maintained_version(&who, &name, &version)?;
		record.deprecation = Some(deprecation);
		let version = record.version.clone();
		Versions::<T>::insert(&package.key, &identity, record);
		let (namespace, name) = package.key;
		Self::deposit_event(Event::Deprecated {
			namespace,
			name,
			version: Some(version),
			successor,
		});
		Ok(())
	}

	pub(crate) fn do_undeprecate(
		who: T::AccountId,
		name: Vec<u8>,
		version: Option<Vec<u8>>,
	) -> DispatchResult {
		let version = match version {
			None => {
				let (package, mut info) = Self::maintained_package(&who, &name)?;
				ensure!(info.deprecation.take().is_some(), Error::<T>::NotDeprecated);
				Packages::<T>::insert(&package.key, info);
				let (namespace, name) = package.key;
				Self::deposit_event(Event::Undeprecated { namespace, name, version: None });
				return Ok(());
			},
			Some(version) => version,
		};
		let (package, identity, mut record) = Self::maintained_version(&who, &name, &version)?;
		ensure!(record.deprecation.take().is_some(), Error::<T>::NotDeprecated);
		let version = record.version.clone();
		Versions::<T>::insert(&package.key, &identity, record);
		let (namespace, name) = package.key;
		Self::deposit_event(Event::Undeprecated { namespace, name, version: Some(version) });
		Ok(())
	}

	pub(crate) fn do_set_package_status(
		who: T::AccountId,
		name: Vec<u8>,
		status: PackageStatus,
	) -> DispatchResult {
		let (package, mut info) = Self::maintained_package(&who, &name)?;
		info.status = status;
		Packages::<T>::insert(&package.key, info);
		let (namespace, name) = package.key;
		Self::deposit_event(Event::PackageStatusSet { namespace, name, status });
		Ok(())
	}

	// ---- reads behind the runtime API ----

	fn query_package(name: &[u8]) -> Result<Parsed, QueryError> {
		Self::parse_package(name).map_err(|_| QueryError::BadName)
	}

	/// The version `range` resolves to among the package's versions that are not yanked, by
	/// [`order::resolve_indexed`]: one seek and one read per search, whatever the number of
	/// versions. Its identity, or `None`.
	fn resolve_live(
		package: &PackageKey,
		range: &Range,
	) -> Result<Option<VersionText>, QueryError> {
		let index = StorageIndex::<T>(package.clone(), PhantomData);
		let chosen = order::resolve_indexed(range, &index).map_err(|_| QueryError::BadRange)?;
		Ok(chosen
			.version
			.map(|v| VersionText::truncate_from(rules::version_identity(&v).into_bytes())))
	}

	fn version_view(
		package: &Parsed,
		identity: &VersionText,
		record: VersionRecordOf<T>,
		package_deprecation: Option<&Deprecation>,
	) -> Option<VersionViewOf<T>> {
		let identity = core::str::from_utf8(identity).ok()?;
		let entry_key = version_entry_key(&package.text, identity).to_vec();
		let info = Modules::<T>::get(KeyOf::<T>::try_from(entry_key.clone()).ok()?)?.info;
		let deprecation = record.deprecation.clone().or_else(|| package_deprecation.cloned());
		Some(VersionView {
			package: package.text.clone().into_bytes(),
			record,
			cid: info.cid?,
			entry_key,
			pin_status: info.pin_status,
			deprecation,
		})
	}

	/// The version `range` resolves to in package `name` (`ns/name` or `@ns/name`): the
	/// highest that matches and is not yanked; for an exact range, that version even if it is
	/// yanked. `Ok(None)` when nothing matches or the package does not exist.
	pub fn resolve(name: Vec<u8>, range: Vec<u8>) -> Result<Option<VersionViewOf<T>>, QueryError> {
		let package = Self::query_package(&name)?;
		let range = core::str::from_utf8(&range).map_err(|_| QueryError::BadRange)?;
		let range = Range::parse(range).map_err(|_| QueryError::BadRange)?;
		let Some(info) = Packages::<T>::get(&package.key) else { return Ok(None) };
		// An exact range names one version and resolves it even when it is yanked.
		let identity = match range.exact_version() {
			Some(exact) => VersionText::try_from(rules::version_identity(&exact).into_bytes()).ok(),
			None => Self::resolve_live(&package.key, &range)?,
		};
		Ok(identity.and_then(|identity| {
			let record = Versions::<T>::get(&package.key, &identity)?;
			Self::version_view(&package, &identity, record, info.deprecation.as_ref())
		}))
	}

	/// Up to `limit` versions (at most `MaxListLimit`) of package `name` in ascending
	/// precedence, after version `start_after` when given.
	pub fn versions(
		name: Vec<u8>,
		start_after: Option<Vec<u8>>,
		limit: u32,
	) -> Result<Vec<VersionViewOf<T>>, QueryError> {
		let package = Self::query_package(&name)?;
		let after = start_after
			.map(|a| {
				let text = core::str::from_utf8(&a).map_err(|_| QueryError::BadRange)?;
				rules::parse_version(text).map_err(|_| QueryError::BadRange)
			})
			.transpose()?;
		let Some(info) = Packages::<T>::get(&package.key) else { return Ok(Vec::new()) };
		let limit = limit.min(T::MaxListLimit::get()) as usize;
		let identities = match after {
			Some(after) => {
				let key = order::order_key(&after).ok_or(QueryError::BadRange)?;
				VersionOrder::<T>::iter_prefix_from(
					&package.key,
					VersionOrder::<T>::hashed_key_for(&package.key, key),
				)
			},
			None => VersionOrder::<T>::iter_prefix(&package.key),
		};
		Ok(identities
			.take(limit)
			.filter_map(|(_, identity)| {
				let record = Versions::<T>::get(&package.key, &identity)?;
				Self::version_view(&package, &identity, record, info.deprecation.as_ref())
			})
			.collect())
	}

	/// Package `name`: its record, who may publish, the version `latest` resolves to, and
	/// whether its namespace is verified.
	pub fn get_package(name: Vec<u8>) -> Result<Option<PackageViewOf<T>>, QueryError> {
		let package = Self::query_package(&name)?;
		Ok(Packages::<T>::get(&package.key).map(|info| Self::package_view(package, info)))
	}

	fn package_view(package: Parsed, info: PackageInfoOf<T>) -> PackageViewOf<T> {
		// `latest` is the first live release: the head of the package's live index.
		let latest = LiveVersions::<T>::iter_prefix(&package.key)
			.next()
			.filter(|((prerelease, _), _)| !prerelease)
			.and_then(|(_, identity)| Versions::<T>::get(&package.key, &identity))
			.map(|record| record.version.to_vec());
		let (maintainers, verified) = if Self::is_open(package.namespace()) {
			(alloc::vec![info.owner.clone()], false)
		} else {
			match Namespaces::<T>::get(package.namespace()) {
				Some(ns) => {
					let mut who = alloc::vec![ns.owner];
					who.extend(Maintainers::<T>::iter_key_prefix(package.namespace()));
					(who, ns.verified)
				},
				None => (Vec::new(), false),
			}
		};
		PackageView { package: package.text.into_bytes(), info, maintainers, latest, verified }
	}

	/// Up to `limit` packages (at most `MaxListLimit`) in storage order, after the package
	/// `start_after` (`ns/name`) when given; pass the last name of a page to get the next.
	pub fn list_packages(
		start_after: Option<Vec<u8>>,
		limit: u32,
	) -> Result<Vec<PackageViewOf<T>>, QueryError> {
		let limit = limit.min(T::MaxListLimit::get()) as usize;
		let iter = match start_after {
			Some(after) => {
				let after = Self::query_package(&after)?;
				Packages::<T>::iter_from(Packages::<T>::hashed_key_for(&after.key))
			},
			None => Packages::<T>::iter(),
		};
		Ok(iter
			.take(limit)
			.map(|(key, info)| Self::package_view(Parsed::from_key(key), info))
			.collect())
	}

	/// Namespace `namespace`: its record, maintainers and pending offer; the open namespace
	/// answers with no record and `open: true`.
	pub fn get_namespace(namespace: Vec<u8>) -> Result<Option<NamespaceViewOf<T>>, QueryError> {
		let name = Self::parse_namespace(&namespace).map_err(|_| QueryError::BadName)?;
		if Self::is_open(&name) {
			return Ok(Some(NamespaceView {
				namespace,
				info: None,
				maintainers: Vec::new(),
				offered_to: None,
				open: true,
			}));
		}
		let Some(info) = Namespaces::<T>::get(&name) else { return Ok(None) };
		Ok(Some(NamespaceView {
			namespace,
			info: Some(info),
			maintainers: Maintainers::<T>::iter_key_prefix(&name).collect(),
			offered_to: NamespaceOffers::<T>::get(&name),
			open: false,
		}))
	}

	/// The registry layer's invariants: every version has its sealed entry (with a CID) and
	/// the entry maps back to it; package version counts match; namespace maintainer counts
	/// and claim deposits match; offers belong to live namespaces.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state_registry() -> Result<(), sp_runtime::TryRuntimeError> {
		let mut versions = 0u32;
		let mut per_namespace = alloc::collections::BTreeMap::<Name, u32>::new();
		for (package, info) in Packages::<T>::iter() {
			*per_namespace.entry(package.0.clone()).or_default() += 1;
			ensure!(
				core::str::from_utf8(&package.0).is_ok() &&
					core::str::from_utf8(&package.1).is_ok(),
				"package name not UTF-8"
			);
			let text = Parsed::from_key(package.clone()).text;
			let mut count = 0u32;
			let mut live = 0u32;
			for (identity, record) in Versions::<T>::iter_prefix(&package) {
				count += 1;
				let id = core::str::from_utf8(&identity).map_err(|_| "version not UTF-8")?;
				let parsed = rules::parse_version(id).map_err(|_| "version identity not SemVer")?;
				let (order_key, live_key) =
					Self::index_keys(&parsed).ok_or("version without order keys")?;
				ensure!(
					VersionOrder::<T>::get(&package, order_key).as_ref() == Some(&identity),
					"version missing from VersionOrder"
				);
				let in_live = LiveVersions::<T>::get(&package, live_key);
				ensure!(
					in_live.as_ref() == (!record.yanked).then_some(&identity),
					"LiveVersions differs from the yanked flags"
				);
				live += u32::from(!record.yanked);
				let key = KeyOf::<T>::try_from(version_entry_key(&text, id).to_vec())
					.map_err(|_| "entry key too long")?;
				let entry = Modules::<T>::get(&key).ok_or("version without its entry")?;
				ensure!(entry.info.cid.is_some(), "version entry without a CID");
				ensure!(
					VersionEntries::<T>::get(&key) == Some((package.clone(), identity)),
					"version entry not sealed"
				);
			}
			ensure!(count == info.version_count, "version_count differs from the versions");
			ensure!(
				VersionOrder::<T>::iter_key_prefix(&package).count() as u32 == count,
				"VersionOrder has rows of no version"
			);
			ensure!(
				LiveVersions::<T>::iter_key_prefix(&package).count() as u32 == live,
				"LiveVersions has rows of no live version"
			);
			versions += count;
		}
		ensure!(Versions::<T>::iter_keys().count() as u32 == versions, "version of no package");
		ensure!(
			VersionEntries::<T>::iter_keys().count() as u32 == versions,
			"sealed entry of no version"
		);
		ensure!(
			VersionOrder::<T>::iter_keys().count() as u32 == versions,
			"VersionOrder row of no package"
		);
		for (namespace, info) in Namespaces::<T>::iter() {
			let count = Maintainers::<T>::iter_key_prefix(&namespace).count() as u32;
			ensure!(count == info.maintainer_count, "maintainer_count differs");
			ensure!(
				per_namespace.get(&namespace).copied().unwrap_or(0) == info.package_count,
				"package_count differs from the packages"
			);
			ensure!(count <= T::MaxMaintainers::get(), "too many maintainers");
			let ticket = NamespaceDeposits::<T>::contains_key(&namespace);
			let priced = T::DepositPrice::convert(Self::namespace_footprint(&namespace));
			ensure!(
				if ticket { info.deposit == priced } else { info.deposit.is_zero() },
				"namespace deposit differs from its ticket"
			);
		}
		for namespace in NamespaceDeposits::<T>::iter_keys() {
			ensure!(Namespaces::<T>::contains_key(&namespace), "deposit of no namespace");
		}
		for namespace in Maintainers::<T>::iter_keys().map(|(ns, _)| ns) {
			ensure!(Namespaces::<T>::contains_key(&namespace), "maintainer of no namespace");
		}
		for namespace in NamespaceOffers::<T>::iter_keys() {
			ensure!(Namespaces::<T>::contains_key(&namespace), "offer of no namespace");
		}
		Ok(())
	}
}

/// A package's rows of [`LiveVersions`], as the index [`order::resolve_indexed`] searches.
struct StorageIndex<T>(PackageKey, PhantomData<T>);

impl<T: Config> LiveIndex for StorageIndex<T> {
	type Iter = alloc::boxed::Box<dyn Iterator<Item = Version>>;

	fn below(&self, prerelease: bool, before: Option<&OrderKey>) -> Self::Iter {
		// Rows are `(class, negated key)`: those after `(class, !before)` have keys below
		// `before`. Without a bound, start after the all-zero key, which no version has.
		let start = before.map(order::negate).unwrap_or([0u8; order::ORDER_KEY_LEN]);
		let raw = LiveVersions::<T>::hashed_key_for(&self.0, (prerelease, start));
		alloc::boxed::Box::new(
			LiveVersions::<T>::iter_prefix_from(&self.0, raw)
				.take_while(move |((class, _), _)| *class == prerelease)
				.filter_map(|(_, identity)| {
					rules::parse_version(core::str::from_utf8(&identity).ok()?).ok()
				}),
		)
	}
}
