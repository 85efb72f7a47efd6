//! `file-registry`: verify, export, import, promote and roll back a file-based registry.
//!
//! Exit codes: 0 success; 1 the registry or archive has problems (the report says which);
//! 2 bad command line; 3 another error (I/O, unknown model, invalid id, occupied destination).

use std::process::ExitCode;

#[derive(clap::Parser)]
#[command(name = "file-registry", version, about)]
struct Cli {
	/// Print machine-readable JSON instead of text.
	#[arg(long, global = true)]
	json: bool,
	#[command(subcommand)]
	command: file_registry::cli::Command,
}

fn main() -> ExitCode {
	let cli: Cli = file_registry::cli::parse_args();
	ExitCode::from(file_registry::cli::run(cli.command, cli.json))
}
