//! The `file-registry` command line, as a library so that `modreg` flattens the same
//! subcommands into its own (`modreg verify`, `modreg export`, …) instead of keeping a copy.
//!
//! Exit codes ([`crate::exit`], the project's one table): 0 success; 5 the registry or archive
//! has problems (the report says which); 2 bad command line (clap's own); 8 another error (I/O,
//! unknown model, invalid id, occupied destination). With `--json` every outcome, errors
//! included, is one JSON document.

use crate::{archive, history, model::Tag, ArchiveError, HistoryError, Limits, Report};
use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use std::{io::IsTerminal, path::PathBuf};

/// Parse the command line of `P`. A bad command line exits with code 2, as clap does, but when
/// `--json` is among the arguments the error is one JSON document on standard output
/// (`{"ok": false, "error": …, "code": 2}`) like every other outcome in that mode. Help and
/// version requests print as usual. `file-registry` and `modreg` both use it.
pub fn parse_args<P: clap::Parser>() -> P {
	match P::try_parse() {
		Ok(p) => p,
		Err(e) => {
			use clap::error::ErrorKind;
			let wants_json = std::env::args_os().any(|a| a == "--json");
			if !wants_json || matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion)
			{
				e.exit();
			}
			let message = e.render().to_string();
			let first = message.lines().next().unwrap_or_default().trim_start_matches("error: ");
			println!(
				"{}",
				serde_json::json!({"ok": false, "error": first, "usage": message, "code": e.exit_code()})
			);
			std::process::exit(e.exit_code());
		},
	}
}

/// The limits of [`Limits`] as command-line options.
#[derive(Args, Debug, Clone, Copy)]
pub struct LimitArgs {
	/// Largest total of unpacked bytes.
	#[arg(long, default_value_t = Limits::default().max_total_bytes)]
	pub max_total_bytes: u64,
	/// Largest single file.
	#[arg(long, default_value_t = Limits::default().max_file_bytes)]
	pub max_file_bytes: u64,
	/// Most entries.
	#[arg(long, default_value_t = Limits::default().max_entries)]
	pub max_entries: u64,
	/// Largest entry JSON (registry/<kind>/<id>.json), refused before it is read.
	#[arg(long, default_value_t = Limits::default().max_entry_bytes)]
	pub max_entry_bytes: u64,
	/// Largest ratio of unpacked to compressed bytes.
	#[arg(long, default_value_t = Limits::default().max_ratio)]
	pub max_ratio: u64,
}

impl From<LimitArgs> for Limits {
	fn from(a: LimitArgs) -> Limits {
		Limits {
			max_total_bytes: a.max_total_bytes,
			max_file_bytes: a.max_file_bytes,
			max_entries: a.max_entries,
			max_entry_bytes: a.max_entry_bytes,
			max_ratio: a.max_ratio,
		}
	}
}

/// The file-registry subcommands. `modreg` flattens them into its own command line.
#[derive(Subcommand, Debug)]
pub enum Command {
	/// Recompute every checksum and report every problem.
	Verify {
		/// The registry root.
		dir: PathBuf,
		/// Limits against hostile input.
		#[command(flatten)]
		limits: LimitArgs,
	},
	/// Write a deterministic archive of a tree that verifies.
	Export {
		/// The registry root.
		dir: PathBuf,
		/// The archive to write.
		#[arg(short, long)]
		output: PathBuf,
	},
	/// Unpack and verify an archive beside `dir`, then move it into place atomically.
	Import {
		/// The archive.
		archive: PathBuf,
		/// The destination folder (must not exist or be empty, unless --replace).
		dir: PathBuf,
		/// Limits against hostile input.
		#[command(flatten)]
		limits: LimitArgs,
		/// Move an existing destination aside to `<dir>.previous-<time>` instead of refusing.
		#[arg(long)]
		replace: bool,
		/// Also write the remediation report (JSON) to this file when the import is refused.
		#[arg(long)]
		report: Option<PathBuf>,
	},
	/// For authors: fill file checksums, re-sign every entry and rewrite hashes.json. Trusts the
	/// tree as it is; never use it to silence a failed verification.
	Seal {
		/// The registry root.
		dir: PathBuf,
	},
	/// Append a promotion of a model's current version.
	Promote {
		/// The model id.
		model_id: String,
		/// The new tag.
		#[arg(long, value_enum)]
		tag: Tag,
		/// The registry root.
		#[arg(long, default_value = ".")]
		dir: PathBuf,
		/// The time to record (ISO-8601); now by default.
		#[arg(long)]
		at: Option<String>,
	},
	/// Append a rollback of a model to an earlier version of its history.
	Rollback {
		/// The model id.
		model_id: String,
		/// The version to return to.
		#[arg(long = "to")]
		to: String,
		/// The registry root.
		#[arg(long, default_value = ".")]
		dir: PathBuf,
		/// The time to record (ISO-8601); now by default.
		#[arg(long)]
		at: Option<String>,
	},
}

/// Exit code: done.
pub const SUCCESS: u8 = crate::exit::OK;
/// Exit code: the registry or archive has problems.
pub const PROBLEMS: u8 = crate::exit::VERIFICATION;
/// Exit code: another error.
pub const FAILURE: u8 = crate::exit::OTHER;

fn bar(json: bool, len: u64, what: &str) -> ProgressBar {
	if json || !std::io::stderr().is_terminal() {
		return ProgressBar::hidden();
	}
	let pb = ProgressBar::new(len);
	pb.set_style(
		ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({eta})")
			.expect("valid template")
			.progress_chars("=> "),
	);
	pb.set_message(what.to_string());
	pb
}

fn print_report(json: bool, report: &Report) {
	if json {
		println!("{}", serde_json::to_string_pretty(&report.to_json()).expect("json"));
	} else {
		eprint!("{report}");
	}
}

fn count_files(dir: &std::path::Path) -> u64 {
	let mut scratch = Report::default();
	crate::tree::list_files(dir, &mut scratch).map(|f| f.len() as u64).unwrap_or(0)
}

/// Run one subcommand; returns its exit code (see the module docs). With `json`, every outcome,
/// errors included, is one JSON document on standard output.
pub fn run(command: Command, json: bool) -> u8 {
	let fail = |e: &dyn std::fmt::Display| {
		if json {
			println!("{}", serde_json::json!({"ok": false, "error": e.to_string()}));
		} else {
			eprintln!("error: {e}");
		}
		FAILURE
	};
	match command {
		Command::Verify { dir, limits } => {
			let pb = bar(json, count_files(&dir), "hashing");
			match crate::tree::verify_tree_with(&dir, &limits.into(), &|n| pb.inc(n)) {
				Ok(report) => {
					pb.finish_and_clear();
					print_report(json, &report);
					if report.is_ok() {
						SUCCESS
					} else {
						PROBLEMS
					}
				},
				Err(e) => fail(&e),
			}
		},
		Command::Export { dir, output } => {
			let pb = bar(json, count_files(&dir) + 1, "archiving");
			match archive::export(&dir, &output, &|n| pb.inc(n)) {
				Ok(bytes) => {
					pb.finish_and_clear();
					if json {
						println!(
							"{}",
							serde_json::json!({"ok": true, "archive": output, "bytes": bytes})
						);
					} else {
						eprintln!("exported {bytes} bytes to {}", output.display());
					}
					SUCCESS
				},
				Err(ArchiveError::Refused(report)) => {
					pb.finish_and_clear();
					if !json {
						eprintln!("export refused: the tree does not verify");
					}
					print_report(json, &report);
					PROBLEMS
				},
				Err(e) => fail(&e),
			}
		},
		Command::Import { archive: path, dir, limits, replace, report } => {
			let limits: Limits = limits.into();
			let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
			let pb = bar(json, size.saturating_mul(4), "unpacking");
			match archive::import(&path, &dir, limits, replace, &|n| pb.inc(n)) {
				Ok(aside) => {
					pb.finish_and_clear();
					if json {
						println!(
							"{}",
							serde_json::json!({"ok": true, "dir": dir, "previous": aside})
						);
					} else {
						eprintln!("imported into {}", dir.display());
						if let Some(a) = aside {
							eprintln!("the previous tree was moved to {}", a.display());
						}
					}
					SUCCESS
				},
				Err(ArchiveError::Refused(r)) => {
					pb.finish_and_clear();
					if let Some(file) = report {
						let text = serde_json::to_string_pretty(&r.to_json()).expect("json");
						if let Err(e) = std::fs::write(&file, text) {
							eprintln!("could not write the report to {}: {e}", file.display());
						}
					}
					if !json {
						eprintln!("import refused; {} is untouched", dir.display());
					}
					print_report(json, &r);
					PROBLEMS
				},
				Err(e) => fail(&e),
			}
		},
		Command::Seal { dir } => match crate::tree::seal(&dir) {
			Ok(()) => {
				if json {
					println!("{}", serde_json::json!({"ok": true}));
				} else {
					eprintln!("sealed {}", dir.display());
				}
				SUCCESS
			},
			Err(e) => fail(&e),
		},
		Command::Promote { model_id, tag, dir, at } => {
			let at = at.unwrap_or_else(history::now);
			finish_history(json, history::promote(&dir, &model_id, tag, &at), fail)
		},
		Command::Rollback { model_id, to, dir, at } => {
			let at = at.unwrap_or_else(history::now);
			finish_history(json, history::rollback(&dir, &model_id, &to, &at), fail)
		},
	}
}

fn finish_history(
	json: bool,
	result: Result<(), HistoryError>,
	fail: impl Fn(&dyn std::fmt::Display) -> u8,
) -> u8 {
	match result {
		Ok(()) => {
			if json {
				println!("{}", serde_json::json!({"ok": true}));
			} else {
				eprintln!("done; the registry verifies");
			}
			SUCCESS
		},
		Err(HistoryError::NotVerified(report)) => {
			print_report(json, &report);
			PROBLEMS
		},
		Err(e) => fail(&e),
	}
}
