//! Weights for `pallet_module_registry`.
//!
//! PROVISIONAL: estimated by hand until the node's `benchmark pallet` run replaces this file
//! (see `scripts/benchmark-weights.sh`).

#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(missing_docs)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed for `pallet_module_registry`.
pub trait WeightInfo {
	fn register_module(k: u32, v: u32) -> Weight;
	fn remove_module(k: u32) -> Weight;
	fn transfer_ownership(k: u32) -> Weight;
	fn force_remove_module(k: u32) -> Weight;
	fn report_pin_status() -> Weight;
	fn add_pinner() -> Weight;
	fn remove_pinner() -> Weight;
}

/// Weights for `pallet_module_registry` using the Substrate node and recommended hardware.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn register_module(k: u32, v: u32) -> Weight {
		Weight::from_parts(60_000_000, 3_600)
			.saturating_add(Weight::from_parts(10_000, 1).saturating_mul(k.into()))
			.saturating_add(Weight::from_parts(20_000, 1).saturating_mul(v.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn remove_module(k: u32) -> Weight {
		Weight::from_parts(50_000_000, 3_600)
			.saturating_add(Weight::from_parts(10_000, 1).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn transfer_ownership(k: u32) -> Weight {
		Weight::from_parts(70_000_000, 6_000)
			.saturating_add(Weight::from_parts(10_000, 1).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn force_remove_module(k: u32) -> Weight {
		Weight::from_parts(50_000_000, 3_600)
			.saturating_add(Weight::from_parts(10_000, 1).saturating_mul(k.into()))
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn report_pin_status() -> Weight {
		Weight::from_parts(40_000_000, 4_000)
			.saturating_add(T::DbWeight::get().reads(3_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn add_pinner() -> Weight {
		Weight::from_parts(20_000_000, 2_000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn remove_pinner() -> Weight {
		Weight::from_parts(20_000_000, 2_000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
}

// For backwards compatibility and tests.
impl WeightInfo for () {
	fn register_module(k: u32, v: u32) -> Weight {
		Weight::from_parts(60_000_000, 3_600)
			.saturating_add(Weight::from_parts(10_000, 1).saturating_mul(k.into()))
			.saturating_add(Weight::from_parts(20_000, 1).saturating_mul(v.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn remove_module(k: u32) -> Weight {
		Weight::from_parts(50_000_000, 3_600)
			.saturating_add(Weight::from_parts(10_000, 1).saturating_mul(k.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn transfer_ownership(k: u32) -> Weight {
		Weight::from_parts(70_000_000, 6_000)
			.saturating_add(Weight::from_parts(10_000, 1).saturating_mul(k.into()))
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn force_remove_module(k: u32) -> Weight {
		Weight::from_parts(50_000_000, 3_600)
			.saturating_add(Weight::from_parts(10_000, 1).saturating_mul(k.into()))
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn report_pin_status() -> Weight {
		Weight::from_parts(40_000_000, 4_000)
			.saturating_add(RocksDbWeight::get().reads(3_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn add_pinner() -> Weight {
		Weight::from_parts(20_000_000, 2_000)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn remove_pinner() -> Weight {
		Weight::from_parts(20_000_000, 2_000)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
}
