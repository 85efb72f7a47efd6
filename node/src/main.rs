//! `module-registry-node`: the node of the module registry chain.

#![warn(missing_docs)]
// `sc_cli::Error`, the SDK's error type every subcommand returns, is large by design.
#![allow(clippy::result_large_err)]

mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
