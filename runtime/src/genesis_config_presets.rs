//! Genesis presets: `development` (Alice alone), `local_testnet` (Alice and Bob) and `test`
//! (Alice alone, 1-second blocks, for the end-to-end tests).
//!
//! Besides the pallets' sections, the genesis config of this runtime takes one top-level field,
//! `blockTimeMs`: the block time in milliseconds (an even number from [`MIN_BLOCK_TIME_MS`] to
//! [`MAX_BLOCK_TIME_MS`]; 6000 when absent). It is written once at genesis and never again.

use crate::{
	AccountId, BalancesConfig, ModuleRegistryConfig, RuntimeGenesisConfig, SudoConfig, UNIT,
};
use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// The shortest block time a genesis may choose, in milliseconds.
pub const MIN_BLOCK_TIME_MS: u64 = 500;
/// The longest block time a genesis may choose, in milliseconds.
pub const MAX_BLOCK_TIME_MS: u64 = 60_000;
/// The top-level genesis field that sets the block time.
pub const BLOCK_TIME_FIELD: &str = "blockTimeMs";
/// The block time of the `test` preset.
pub const TEST_BLOCK_TIME_MS: u64 = 1_000;
/// The name of the `test` preset.
pub const TEST_RUNTIME_PRESET: &str = "test";

/// Build the genesis state from `config` (JSON): the pallets' sections as usual, then the block
/// time from `blockTimeMs` when present.
pub fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
	let mut json: Value =
		serde_json::from_slice(&config).map_err(|e| alloc::format!("invalid genesis JSON: {e}"))?;
	let block_time = match json.as_object_mut().and_then(|o| o.remove(BLOCK_TIME_FIELD)) {
		None => None,
		Some(v) => {
			let ms = v
				.as_u64()
				.filter(|ms| (MIN_BLOCK_TIME_MS..=MAX_BLOCK_TIME_MS).contains(ms) && ms % 2 == 0);
			Some(ms.ok_or_else(|| {
				alloc::format!(
					"{BLOCK_TIME_FIELD} must be an even number of milliseconds from \
					 {MIN_BLOCK_TIME_MS} to {MAX_BLOCK_TIME_MS}, got {v}"
				)
			})?)
		},
	};
	let rest = serde_json::to_vec(&json).map_err(|e| alloc::format!("{e}"))?;
	frame_support::genesis_builder_helper::build_state::<RuntimeGenesisConfig>(rest)?;
	if let Some(ms) = block_time {
		crate::configs::BlockTimeMs::set(&ms);
	}
	Ok(())
}

/// Endowment of every well-known development account: one million units.
pub const ENDOWMENT: u128 = 1_000_000 * UNIT;

fn testnet_genesis(
	initial_authorities: Vec<(AuraId, GrandpaId)>,
	endowed_accounts: Vec<AccountId>,
	root: AccountId,
	pinners: Vec<AccountId>,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed_accounts.iter().cloned().map(|k| (k, ENDOWMENT)).collect::<Vec<_>>(),
		},
		aura: pallet_aura::GenesisConfig {
			authorities: initial_authorities.iter().map(|x| x.0.clone()).collect::<Vec<_>>(),
		},
		grandpa: pallet_grandpa::GenesisConfig {
			authorities: initial_authorities.iter().map(|x| (x.1.clone(), 1)).collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: Some(root) },
		module_registry: ModuleRegistryConfig { pinners },
	})
}

fn authority(aura: Sr25519Keyring, grandpa: Ed25519Keyring) -> (AuraId, GrandpaId) {
	(aura.public().into(), grandpa.public().into())
}

/// The `development` preset: Alice authors, finalizes and pins alone, and is sudo.
pub fn development_config_genesis() -> Value {
	testnet_genesis(
		vec![authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		Sr25519Keyring::Alice.to_account_id(),
		vec![Sr25519Keyring::Alice.to_account_id()],
	)
}

/// The `local_testnet` preset: Alice and Bob are authorities and pinners; Alice is sudo.
pub fn local_config_genesis() -> Value {
	testnet_genesis(
		vec![
			authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			authority(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		Sr25519Keyring::Alice.to_account_id(),
		vec![Sr25519Keyring::Alice.to_account_id(), Sr25519Keyring::Bob.to_account_id()],
	)
}

/// The `test` preset: the development chain with 1-second blocks, so that end-to-end tests do
/// not wait for 6-second blocks. Not for anything but tests.
pub fn test_config_genesis() -> Value {
	let mut patch = development_config_genesis();
	if let Some(map) = patch.as_object_mut() {
		map.insert(BLOCK_TIME_FIELD.into(), TEST_BLOCK_TIME_MS.into());
	}
	patch
}

/// The preset named `id`, as JSON bytes.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		TEST_RUNTIME_PRESET => test_config_genesis(),
		_ => return None,
	};
	Some(
		serde_json::to_string(&patch)
			.expect("serialization to json is expected to work. qed.")
			.into_bytes(),
	)
}

/// The names of the presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(TEST_RUNTIME_PRESET),
	]
}
