//! Chain specifications: each names a genesis preset of the runtime.

use module_registry_runtime::WASM_BINARY;
use sc_service::ChainType;

/// The chain specification of this node.
pub type ChainSpec = sc_service::GenericChainSpec;

fn wasm() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"the runtime wasm binary is not available (was the node built with SKIP_WASM_BUILD?)"
			.to_string()
	})
}

/// `--dev`: Alice alone authors and finalizes.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Module Registry Development")
		.with_id("module_registry_dev")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

/// `--chain test`: like `--dev` (Alice alone), with 1-second blocks; for the end-to-end tests.
pub fn test_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Module Registry Test")
		.with_id("module_registry_test")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_preset_name(
			module_registry_runtime::genesis_config_presets::TEST_RUNTIME_PRESET,
		)
		.with_properties(properties())
		.build())
}

/// `--chain local`: Alice and Bob, two processes on loopback.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Module Registry Local Testnet")
		.with_id("module_registry_local")
		.with_chain_type(ChainType::Local)
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.with_properties(properties())
		.build())
}

fn properties() -> sc_chain_spec::Properties {
	let mut p = sc_chain_spec::Properties::new();
	p.insert("tokenSymbol".into(), "UNIT".into());
	p.insert("tokenDecimals".into(), 12.into());
	p.insert("ss58Format".into(), 42.into());
	p
}
