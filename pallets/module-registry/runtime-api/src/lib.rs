//! Runtime API of `pallet-module-registry`.
//!
//! [`ModuleRegistryApi`] reads the registry at a block: a value as submitted, the information
//! recorded about a key, a paginated listing and a pending ownership offer. The node's
//! `moduleRegistry_*` RPC methods and clients calling `state_call`
//! (`ModuleRegistryApi_get_module`, …) go through it.
//!
//! Versions: 1 had `list_modules` return a bare page (and restart from the beginning for a
//! `start_after` too long to be a key); 2 returns `Result<page, ListError>` and adds
//! `get_transfer_offer`.
//!
//! [`PackageRegistryApi`] reads the registry layer: resolve a range, list versions, read a
//! package or a namespace. Names are `ns/name` (or `@ns/name`) as UTF-8 bytes. Versions: 2
//! (spec 106) added `package_count` to the namespace record `get_namespace` answers with.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use module_registry_primitives::{
	api_v1, ListError, ModuleInfo, NamespaceView, PackageView, PinFailure, PinStatus, QueryError,
	TransferOffer, ValueKind, VersionView,
};

/// A page of `list_modules`: keys with their information, in storage order.
pub type ModulePage<AccountId, Balance, BlockNumber> =
	Vec<(Vec<u8>, ModuleInfo<AccountId, Balance, BlockNumber>)>;

sp_api::decl_runtime_apis! {
	/// Read access to the module registry.
	#[api_version(2)]
	pub trait ModuleRegistryApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// The value bytes registered under `key`, exactly as submitted, or `None`.
		fn get_module(key: Vec<u8>) -> Option<Vec<u8>>;

		/// Owner, deposit, blocks, counters, kind, CID and pin status of `key`, or `None`.
		fn get_module_info(key: Vec<u8>) -> Option<ModuleInfo<AccountId, Balance, BlockNumber>>;

		/// Version 1 of `list_modules`: an over-long `start_after` listed from the beginning.
		#[changed_in(2)]
		fn list_modules(
			start_after: Option<Vec<u8>>,
			limit: u32,
		) -> ModulePage<AccountId, Balance, BlockNumber>;

		/// Up to `limit` entries (capped by the pallet's `MaxListLimit`) in storage order,
		/// starting after the key `start_after` when given. Pass the last key of a page to get
		/// the next; an empty page means the end. A `start_after` longer than the pallet's
		/// `MaxKeyLength` is `Err(StartAfterTooLong)`.
		fn list_modules(
			start_after: Option<Vec<u8>>,
			limit: u32,
		) -> Result<ModulePage<AccountId, Balance, BlockNumber>, ListError>;

		/// The ownership offer waiting for its recipient under `key`, or `None` (version 2).
		fn get_transfer_offer(key: Vec<u8>) -> Option<TransferOffer<AccountId>>;
	}

	/// Read access to the registry layer: namespaces, packages and versions.
	#[api_version(2)]
	pub trait PackageRegistryApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// The version `range` resolves to in package `name`: the highest that matches and is
		/// not yanked (an exact range returns a yanked version too); `Ok(None)` when nothing
		/// matches or there is no such package.
		fn resolve(
			name: Vec<u8>,
			range: Vec<u8>,
		) -> Result<Option<VersionView<AccountId, BlockNumber>>, QueryError>;

		/// Up to `limit` versions (capped by `MaxListLimit`) in ascending SemVer precedence,
		/// after version `start_after` when given.
		fn versions(
			name: Vec<u8>,
			start_after: Option<Vec<u8>>,
			limit: u32,
		) -> Result<Vec<VersionView<AccountId, BlockNumber>>, QueryError>;

		/// A package: record, maintainers, latest version, verified namespace.
		fn get_package(name: Vec<u8>) -> Result<Option<PackageView<AccountId, BlockNumber>>, QueryError>;

		/// Up to `limit` packages (capped by `MaxListLimit`) in storage order, after the package
		/// `start_after` when given; an empty page means the end.
		fn list_packages(
			start_after: Option<Vec<u8>>,
			limit: u32,
		) -> Result<Vec<PackageView<AccountId, BlockNumber>>, QueryError>;

		/// Version 1 of `get_namespace` (runtimes before spec 106): the record had no package
		/// count.
		#[changed_in(2)]
		fn get_namespace(
			namespace: Vec<u8>,
		) -> Result<Option<api_v1::NamespaceView<AccountId, Balance, BlockNumber>>, QueryError>;

		/// A namespace: record (with its package count since version 2), maintainers, pending
		/// offer, and whether it is open.
		fn get_namespace(
			namespace: Vec<u8>,
		) -> Result<Option<NamespaceView<AccountId, Balance, BlockNumber>>, QueryError>;
	}
}
