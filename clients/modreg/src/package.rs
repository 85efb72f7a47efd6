//! Packing a folder into the tarball a version publishes.
//!
//! The tarball is reproducible: entries in byte order of their paths, every header with mtime 0,
//! uid and gid 0, no user or group names, mode 0644 (0755 for folders and executables), and
//! gzip without a timestamp. So the same folder always gives the same bytes, the same SHA-256
//! and the same CID. Symbolic links and other special files are refused: a package holds only
//! folders and regular files.

use sha2::{Digest, Sha256};
use std::{
	fs, io,
	io::{Read, Write},
	path::{Path, PathBuf},
};

/// A packed folder: the tarball on disk, its SHA-256 and its length.
pub struct Packed {
	/// The tarball; removed when dropped.
	pub file: tempfile::NamedTempFile,
	/// SHA-256 of the tarball's bytes.
	pub sha256: [u8; 32],
	/// Its length in bytes.
	pub size: u64,
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
	for entry in fs::read_dir(dir)? {
		let entry = entry?;
		let kind = entry.file_type()?;
		let path = entry.path();
		if kind.is_dir() {
			out.push(path.clone());
			walk(root, &path, out)?;
		} else if kind.is_file() {
			out.push(path);
		} else {
			let shown = path.strip_prefix(root).unwrap_or(&path).display().to_string();
			return Err(io::Error::other(format!(
				"{shown}: only folders and regular files can be packed (no links or devices)"
			)));
		}
	}
	Ok(())
}

/// Pack `dir` (its content, not the folder itself) into a reproducible `.tar.gz`.
pub fn pack_dir(dir: &Path) -> io::Result<Packed> {
	let mut paths = Vec::new();
	walk(dir, dir, &mut paths)?;
	paths.sort();
	let file = tempfile::Builder::new().prefix("modreg-").suffix(".tar.gz").tempfile()?;
	let gz = flate2::GzBuilder::new().mtime(0).write(file.reopen()?, flate2::Compression::best());
	let mut tar = tar::Builder::new(gz);
	tar.mode(tar::HeaderMode::Deterministic);
	for path in &paths {
		let name = path.strip_prefix(dir).map_err(io::Error::other)?;
		let meta = fs::metadata(path)?;
		let mut header = tar::Header::new_ustar();
		header.set_mtime(0);
		header.set_uid(0);
		header.set_gid(0);
		if meta.is_dir() {
			header.set_entry_type(tar::EntryType::Directory);
			header.set_mode(0o755);
			header.set_size(0);
			tar.append_data(&mut header, name, io::empty())?;
		} else {
			#[cfg(unix)]
			let executable = std::os::unix::fs::PermissionsExt::mode(&meta.permissions()) & 0o111 != 0;
			#[cfg(not(unix))]
			let executable = false;
			header.set_entry_type(tar::EntryType::Regular);
			header.set_mode(if executable { 0o755 } else { 0o644 });
			header.set_size(meta.len());
			tar.append_data(&mut header, name, fs::File::open(path)?)?;
		}
	}
	tar.into_inner()?.finish()?.flush()?;
	let (sha256, size) = hash_file(file.path())?;
	Ok(Packed { file, sha256, size })
}

/// SHA-256 and length of a file, read in chunks.
pub fn hash_file(path: &Path) -> io::Result<([u8; 32], u64)> {
	let mut reader = fs::File::open(path)?;
	let mut hasher = Sha256::new();
	let mut buf = vec![0u8; 1 << 16];
	let mut size = 0u64;
	loop {
		let n = reader.read(&mut buf)?;
		if n == 0 {
			break;
		}
		hasher.update(&buf[..n]);
		size += n as u64;
	}
	Ok((hasher.finalize().into(), size))
}

#[cfg(test)]
mod tests {
	use super::*;

	fn tree() -> tempfile::TempDir {
		let dir = tempfile::tempdir().unwrap();
		fs::create_dir_all(dir.path().join("src/nested")).unwrap();
		fs::write(dir.path().join("README.md"), "# demo\n").unwrap();
		fs::write(dir.path().join("src/lib.py"), "print('hi')\n").unwrap();
		fs::write(dir.path().join("src/nested/data.bin"), [0u8, 1, 2, 255]).unwrap();
		dir
	}

	#[test]
	fn packing_is_reproducible_and_complete() {
		let a = tree();
		let first = pack_dir(a.path()).unwrap();
		// Other timestamps and another creation order give the same bytes.
		let b = tempfile::tempdir().unwrap();
		fs::create_dir_all(b.path().join("src/nested")).unwrap();
		fs::write(b.path().join("src/nested/data.bin"), [0u8, 1, 2, 255]).unwrap();
		std::thread::sleep(std::time::Duration::from_millis(1100));
		fs::write(b.path().join("src/lib.py"), "print('hi')\n").unwrap();
		fs::write(b.path().join("README.md"), "# demo\n").unwrap();
		let second = pack_dir(b.path()).unwrap();
		assert_eq!(first.sha256, second.sha256);
		assert_eq!(first.size, fs::metadata(first.file.path()).unwrap().len());

		let gz = flate2::read::GzDecoder::new(fs::File::open(first.file.path()).unwrap());
		let mut archive = tar::Archive::new(gz);
		let names: Vec<String> = archive
			.entries()
			.unwrap()
			.map(|e| e.unwrap().path().unwrap().display().to_string())
			.collect();
		assert_eq!(names, ["README.md", "src", "src/lib.py", "src/nested", "src/nested/data.bin"]);

		fs::write(a.path().join("README.md"), "# changed\n").unwrap();
		assert_ne!(pack_dir(a.path()).unwrap().sha256, first.sha256);
	}

	#[cfg(unix)]
	#[test]
	fn links_are_refused() {
		let dir = tree();
		std::os::unix::fs::symlink("/etc/passwd", dir.path().join("src/evil")).unwrap();
		let err = pack_dir(dir.path()).err().expect("a link is refused");
		assert!(err.to_string().contains("src/evil"), "{err}");
	}
}
