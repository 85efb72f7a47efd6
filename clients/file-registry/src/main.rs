//! `file-registry`: verify, export, import, promote and roll back a file-based registry.
//!
//! Exit codes: 0 success; 1 the registry or archive has problems (the report says which);
//! 2 bad command line; 3 another error (I/O, unknown model, occupied destination).

use clap::{Parser, Subcommand};
use file_registry::{archive, history, model::Tag, ArchiveError, HistoryError, Limits, Report};
use indicatif::{ProgressBar, ProgressStyle};
use std::{io::IsTerminal, path::PathBuf, process::ExitCode};

#[derive(Parser)]
#[command(name = "file-registry", version, about)]
struct Cli {
	/// Print machine-readable JSON instead of text.
	#[arg(long, global = true)]
	json: bool,
	#[command(subcommand)]
	command: Command,
}

#[derive(Subcommand)]
enum Command {
	/// Recompute every checksum and report every problem.
	Verify {
		/// The registry root.
		dir: PathBuf,
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
		/// Largest total of unpacked bytes.
		#[arg(long, default_value_t = Limits::default().max_total_bytes)]
		max_total_bytes: u64,
		/// Largest single file.
		#[arg(long, default_value_t = Limits::default().max_file_bytes)]
		max_file_bytes: u64,
		/// Most entries.
		#[arg(long, default_value_t = Limits::default().max_entries)]
		max_entries: u64,
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

const PROBLEMS: u8 = 1;
const FAILURE: u8 = 3;

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
	file_registry::tree::list_files(dir, &mut scratch).map(|f| f.len() as u64).unwrap_or(0)
}

fn main() -> ExitCode {
	let cli = Cli::parse();
	let json = cli.json;
	let fail = |e: &dyn std::fmt::Display| {
		if json {
			println!("{}", serde_json::json!({"ok": false, "error": e.to_string()}));
		} else {
			eprintln!("error: {e}");
		}
		ExitCode::from(FAILURE)
	};
	match cli.command {
		Command::Verify { dir } => {
			let pb = bar(json, count_files(&dir), "hashing");
			match file_registry::verify_tree(&dir, &|n| pb.inc(n)) {
				Ok(report) => {
					pb.finish_and_clear();
					print_report(json, &report);
					if report.is_ok() {
						ExitCode::SUCCESS
					} else {
						ExitCode::from(PROBLEMS)
					}
				},
				Err(e) => fail(&e),
			}
		},
		Command::Export { dir, output } => {
			let pb = bar(json, count_files(&dir), "verifying");
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
					ExitCode::SUCCESS
				},
				Err(ArchiveError::Refused(report)) => {
					pb.finish_and_clear();
					if !json {
						eprintln!("export refused: the tree does not verify");
					}
					print_report(json, &report);
					ExitCode::from(PROBLEMS)
				},
				Err(e) => fail(&e),
			}
		},
		Command::Import {
			archive: path,
			dir,
			max_total_bytes,
			max_file_bytes,
			max_entries,
			replace,
			report,
		} => {
			let limits = Limits { max_total_bytes, max_file_bytes, max_entries };
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
					ExitCode::SUCCESS
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
					ExitCode::from(PROBLEMS)
				},
				Err(e) => fail(&e),
			}
		},
		Command::Seal { dir } => match file_registry::tree::seal(&dir) {
			Ok(()) => {
				if json {
					println!("{}", serde_json::json!({"ok": true}));
				} else {
					eprintln!("sealed {}", dir.display());
				}
				ExitCode::SUCCESS
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
	fail: impl Fn(&dyn std::fmt::Display) -> ExitCode,
) -> ExitCode {
	match result {
		Ok(()) => {
			if json {
				println!("{}", serde_json::json!({"ok": true}));
			} else {
				eprintln!("done; the registry verifies");
			}
			ExitCode::SUCCESS
		},
		Err(HistoryError::NotVerified(report)) => {
			print_report(json, &report);
			ExitCode::from(PROBLEMS)
		},
		Err(e) => fail(&e),
	}
}
