//! All-or-nothing changes to a registry tree.
//!
//! `promote`, `rollback` and `seal` change several files at once (an entry, the workspaces
//! that point at it, `hashes.json`). [`commit`] makes that one step: either every file has its
//! new content, or the tree is exactly as it was.
//!
//! 1. It takes `.file-registry.lock` in the tree root (created exclusively, holding the process
//!    id): a second operation on the same tree is refused with [`TxnError::Locked`] instead of
//!    interleaving its writes. A lock left by a process that no longer runs is taken over.
//! 2. Each new content is written to `<file>.fr-new` and fsynced; each file it replaces is
//!    hard-linked to `<file>.fr-old`.
//! 3. The journal `.file-registry.journal` (the list of files) is written and fsynced: the
//!    commit point.
//! 4. Each `<file>.fr-new` is renamed over `<file>`. If a rename fails, the files already
//!    replaced are renamed back from their `.fr-old` links and every temporary file is removed.
//! 5. The folders are fsynced, the `.fr-old` links, the journal and the lock removed.
//!
//! A process killed before step 3 leaves only temporary files, which the next operation
//! removes: the tree is as it was. Killed after step 3, the next operation finishes the renames
//! from the journal ([`recover`]): the change is complete. `verify` reports a pending journal as
//! [`crate::Problem::Interrupted`] until then.

use std::{
	cell::Cell,
	fs,
	io::{self, Write},
	path::{Path, PathBuf},
};

/// The lock file in the tree root.
pub const LOCK_FILE: &str = ".file-registry.lock";
/// The journal in the tree root.
pub const JOURNAL_FILE: &str = ".file-registry.journal";
const NEW: &str = "fr-new";
const OLD: &str = "fr-old";

/// Why a change was not made.
#[derive(Debug, thiserror::Error)]
pub enum TxnError {
	/// Another operation holds the tree's lock.
	#[error("another operation is changing this registry (process {pid}); try again when it ends, or remove .file-registry.lock if no such process runs")]
	Locked {
		/// The process holding the lock.
		pid: u32,
	},
	/// Reading or writing failed; the tree is as it was.
	#[error(transparent)]
	Io(#[from] io::Error),
}

thread_local! {
	static FAULT: Cell<Option<&'static str>> = const { Cell::new(None) };
}

/// For tests: make the operation on this thread fail at `point` (for example
/// `"commit:rename"`, after the first file was replaced), as a full disk or a failing device
/// would. `None` clears it.
#[doc(hidden)]
pub fn inject_fault(point: Option<&'static str>) {
	FAULT.with(|f| f.set(point));
}

/// Fails when a test asked for a fault at `point`.
pub(crate) fn fault(point: &'static str) -> io::Result<()> {
	if FAULT.with(|f| f.get()) == Some(point) {
		return Err(io::Error::other(format!("injected fault at {point}")));
	}
	Ok(())
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
	let mut name = path.file_name().unwrap_or_default().to_os_string();
	name.push(".");
	name.push(suffix);
	path.with_file_name(name)
}

fn sync_dir(dir: &Path) -> io::Result<()> {
	fs::File::open(dir)?.sync_all()
}

/// The tree's lock, released when dropped.
struct Lock(PathBuf);

impl Lock {
	fn take(root: &Path) -> Result<Lock, TxnError> {
		let path = root.join(LOCK_FILE);
		for _ in 0..2 {
			match fs::OpenOptions::new().write(true).create_new(true).open(&path) {
				Ok(mut f) => {
					write!(f, "{}", std::process::id())?;
					f.sync_all()?;
					return Ok(Lock(path));
				},
				Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
					let pid = fs::read_to_string(&path)
						.ok()
						.and_then(|t| t.trim().parse::<u32>().ok())
						.unwrap_or(0);
					if pid != 0 && Path::new(&format!("/proc/{pid}")).exists() {
						return Err(TxnError::Locked { pid });
					}
					// Left by a process that is gone: take it over.
					fs::remove_file(&path)?;
				},
				Err(e) => return Err(e.into()),
			}
		}
		Err(TxnError::Locked { pid: 0 })
	}
}

impl Drop for Lock {
	fn drop(&mut self) {
		let _ = fs::remove_file(&self.0);
	}
}

/// Finish or clean up an operation that was interrupted on the tree at `root`: with a journal,
/// the renames it lists are completed; without one, temporary files are removed.
pub fn recover(root: &Path) -> io::Result<()> {
	let journal = root.join(JOURNAL_FILE);
	if let Ok(text) = fs::read_to_string(&journal) {
		for rel in text.lines().filter(|l| !l.is_empty()) {
			let path = root.join(rel);
			let new = with_suffix(&path, NEW);
			if new.exists() {
				fs::rename(&new, &path)?;
			}
			let _ = fs::remove_file(with_suffix(&path, OLD));
		}
		sync_dir(root)?;
		fs::remove_file(&journal)?;
	}
	remove_temporaries(root)
}

/// Remove every `*.fr-new` and `*.fr-old` file of the tree (left by an interrupted operation
/// that had not reached its commit point).
fn remove_temporaries(root: &Path) -> io::Result<()> {
	fn walk(dir: &Path) -> io::Result<()> {
		let Ok(read) = fs::read_dir(dir) else { return Ok(()) };
		for e in read {
			let e = e?;
			let ft = e.file_type()?;
			let path = e.path();
			if ft.is_dir() {
				walk(&path)?;
			} else if ft.is_file() {
				let name = e.file_name();
				let name = name.to_string_lossy();
				if name.ends_with(&format!(".{NEW}")) || name.ends_with(&format!(".{OLD}")) {
					fs::remove_file(&path)?;
				}
			}
		}
		Ok(())
	}
	for folder in crate::tree::TREE_FOLDERS {
		walk(&root.join(folder))?;
	}
	for top in [crate::tree::HASHES_FILE, crate::tree::VERSION_FILE] {
		for suffix in [NEW, OLD] {
			let _ = fs::remove_file(with_suffix(&root.join(top), suffix));
		}
	}
	Ok(())
}

/// Hold the tree's lock while `f` runs, after finishing any interrupted operation.
pub fn locked<T, E: From<TxnError>>(root: &Path, f: impl FnOnce() -> Result<T, E>) -> Result<T, E> {
	let _lock = Lock::take(root).map_err(E::from)?;
	recover(root).map_err(|e| E::from(TxnError::Io(e)))?;
	f()
}

/// Replace the files of `changes` (paths relative to `root`, new contents) in one step. The
/// caller holds the lock ([`locked`]).
pub fn commit(root: &Path, changes: &[(String, Vec<u8>)]) -> io::Result<()> {
	let paths: Vec<PathBuf> = changes.iter().map(|(rel, _)| root.join(rel)).collect();
	let cleanup = |upto_new: usize| {
		for path in &paths[..upto_new] {
			let _ = fs::remove_file(with_suffix(path, NEW));
			let _ = fs::remove_file(with_suffix(path, OLD));
		}
	};
	// 2. Stage the new contents and keep the old ones.
	for (i, ((_, bytes), path)) in changes.iter().zip(&paths).enumerate() {
		let staged = (|| {
			let mut f = fs::File::create(with_suffix(path, NEW))?;
			f.write_all(bytes)?;
			f.sync_all()?;
			if path.exists() {
				let old = with_suffix(path, OLD);
				let _ = fs::remove_file(&old);
				fs::hard_link(path, &old)?;
			}
			fault("commit:stage")
		})();
		if let Err(e) = staged {
			cleanup(i + 1);
			return Err(e);
		}
	}
	// 3. The commit point.
	let journal = root.join(JOURNAL_FILE);
	let written = (|| {
		let mut f = fs::File::create(&journal)?;
		for (rel, _) in changes {
			writeln!(f, "{rel}")?;
		}
		f.sync_all()?;
		sync_dir(root)
	})();
	if let Err(e) = written {
		let _ = fs::remove_file(&journal);
		cleanup(paths.len());
		return Err(e);
	}
	// 4. Replace, undoing on failure.
	for (i, path) in paths.iter().enumerate() {
		let step = if i == 1 { fault("commit:rename") } else { Ok(()) }
			.and_then(|()| fs::rename(with_suffix(path, NEW), path));
		if let Err(e) = step {
			for done in &paths[..i] {
				let old = with_suffix(done, OLD);
				if old.exists() {
					let _ = fs::rename(&old, done);
				} else {
					let _ = fs::remove_file(done);
				}
			}
			cleanup(paths.len());
			let _ = fs::remove_file(&journal);
			return Err(e);
		}
	}
	// 5. Make it durable, then tidy up.
	let mut dirs: Vec<&Path> = paths.iter().filter_map(|p| p.parent()).collect();
	dirs.sort();
	dirs.dedup();
	for dir in dirs {
		sync_dir(dir)?;
	}
	for path in &paths {
		let _ = fs::remove_file(with_suffix(path, OLD));
	}
	fs::remove_file(&journal)?;
	sync_dir(root)
}
