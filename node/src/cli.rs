//! Command line of the node.

/// Node subcommands.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Key management CLI utilities.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),

	/// Export the chain specification.
	ExportChainSpec(sc_cli::ExportChainSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Remove the whole chain.
	PurgeChain(sc_cli::PurgeChainCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Benchmarks: `benchmark pallet` regenerates the pallets' `weights.rs`. Only in the
	/// benchmark build (`--features runtime-benchmarks`, see scripts/benchmark-weights.sh).
	#[cfg(feature = "runtime-benchmarks")]
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Database meta columns information.
	ChainInfo(sc_cli::ChainInfoCmd),
}

/// Options of the node itself, beside Substrate's `RunCmd`.
#[derive(Debug, Clone, clap::Args)]
pub struct RegistryOptions {
	/// The IPFS HTTP RPC (Kubo API) the off-chain worker pins through.
	///
	/// Written to the node's off-chain local storage at start-up, where the worker reads it on
	/// every block; without the flag a value set earlier (or at run time over RPC) is kept.
	#[arg(long = "ipfs-api", value_name = "URL")]
	pub ipfs_api: Option<String>,

	/// Keep the runtime's compiled machine code in this directory (wasmtime's cache).
	///
	/// A node compiles the runtime's wasm when it starts, a few seconds of CPU; with the flag, a
	/// later start with the same runtime and node binary loads the code instead. Entries are
	/// keyed by the runtime's code and the compiler's version and settings, so a stale entry
	/// is never used, and several nodes may share one directory. A directory that cannot be
	/// created is a warning in the log, and the node compiles as without the flag. Off by default.
	#[arg(long = "wasm-cache", value_name = "DIR")]
	pub wasm_cache: Option<std::path::PathBuf>,
}

/// The node's command line.
#[derive(Debug, clap::Parser)]
pub struct Cli {
	/// A subcommand; without one the node runs.
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	/// Substrate's node options.
	#[clap(flatten)]
	pub run: sc_cli::RunCmd,

	/// The registry's own options.
	#[clap(flatten)]
	pub registry: RegistryOptions,
}
