//! Runtime API of `pallet-module-registry`.
//!
//! [`ModuleRegistryApi`] reads the registry at a block: a value as submitted, the information
//! recorded about a key, and a paginated listing. The node's `moduleRegistry_*` RPC methods and
//! clients calling `state_call` (`ModuleRegistryApi_get_module`, …) go through it.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_module_registry::{ModuleInfo, PinFailure, PinStatus, ValueKind};

sp_api::decl_runtime_apis! {
	/// Read access to the module registry.
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

		/// Up to `limit` entries (capped by the pallet's `MaxListLimit`) in storage order,
		/// starting after the key `start_after` when given. Pass the last key of a page to get
		/// the next; an empty page means the end.
		fn list_modules(
			start_after: Option<Vec<u8>>,
			limit: u32,
		) -> Vec<(Vec<u8>, ModuleInfo<AccountId, Balance, BlockNumber>)>;
	}
}
