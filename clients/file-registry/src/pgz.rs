//! Parallel gzip for export: the stream is cut into fixed-size blocks, each compressed on its
//! own core as an independent gzip member (as `pigz --independent` does), and the members are
//! written in order. A gzip file may hold several members; every gzip reader (`gzip -d`,
//! `tar xzf`, flate2's `MultiGzDecoder`) reads them as one stream. Blocks are cut at fixed
//! offsets and each member has a fixed header (no name, mtime 0, OS "unknown"), so the same
//! input always gives the same bytes, whatever the number of cores.

use flate2::{Compression, GzBuilder};
use rayon::prelude::*;
use std::io::{self, Write};

/// Bytes per gzip member.
pub const BLOCK: usize = 1 << 20;

/// A `Write` that gzips what it is given, in parallel.
pub struct ParallelGz<W: Write> {
	out: W,
	level: Compression,
	current: Vec<u8>,
	pending: Vec<Vec<u8>>,
	batch: usize,
	members: u64,
}

impl<W: Write> ParallelGz<W> {
	/// Compress into `out` at `level`.
	pub fn new(out: W, level: Compression) -> Self {
		ParallelGz {
			out,
			level,
			current: Vec::with_capacity(BLOCK),
			pending: Vec::new(),
			batch: 4 * rayon::current_num_threads().max(1),
			members: 0,
		}
	}

	fn compress_pending(&mut self) -> io::Result<()> {
		let level = self.level;
		let compressed: Vec<io::Result<Vec<u8>>> =
			self.pending.par_iter().map(|block| member(block, level)).collect();
		for c in compressed {
			self.out.write_all(&c?)?;
			self.members += 1;
		}
		self.pending.clear();
		Ok(())
	}

	/// Compress what is left and return the inner writer.
	pub fn finish(mut self) -> io::Result<W> {
		if !self.current.is_empty() || self.members + self.pending.len() as u64 == 0 {
			let last = std::mem::take(&mut self.current);
			self.pending.push(last);
		}
		self.compress_pending()?;
		self.out.flush()?;
		Ok(self.out)
	}
}

fn member(block: &[u8], level: Compression) -> io::Result<Vec<u8>> {
	let mut gz = GzBuilder::new()
		.mtime(0)
		.operating_system(255)
		.write(Vec::with_capacity(block.len() / 2 + 64), level);
	gz.write_all(block)?;
	gz.finish()
}

impl<W: Write> Write for ParallelGz<W> {
	fn write(&mut self, mut buf: &[u8]) -> io::Result<usize> {
		let n = buf.len();
		while !buf.is_empty() {
			let room = BLOCK - self.current.len();
			let take = room.min(buf.len());
			self.current.extend_from_slice(&buf[..take]);
			buf = &buf[take..];
			if self.current.len() == BLOCK {
				let full = std::mem::replace(&mut self.current, Vec::with_capacity(BLOCK));
				self.pending.push(full);
				if self.pending.len() >= self.batch {
					self.compress_pending()?;
				}
			}
		}
		Ok(n)
	}

	fn flush(&mut self) -> io::Result<()> {
		// Members are cut at fixed offsets only; flushing early would change the bytes.
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use std::io::Read;

	#[test]
	fn members_read_back_as_one_stream_and_are_deterministic() {
		let data: Vec<u8> = (0..(3 * BLOCK + 12345)).map(|i| (i % 251) as u8).collect();
		let run = || {
			let mut gz = ParallelGz::new(Vec::new(), Compression::new(6));
			// Odd-sized writes: the cut points do not depend on them.
			for chunk in data.chunks(7777) {
				gz.write_all(chunk).unwrap();
			}
			gz.finish().unwrap()
		};
		let (a, b) = (run(), run());
		assert_eq!(a, b);
		let mut back = Vec::new();
		flate2::read::MultiGzDecoder::new(&a[..]).read_to_end(&mut back).unwrap();
		assert_eq!(back, data);
		// An empty stream is still a valid gzip file.
		let empty = ParallelGz::new(Vec::new(), Compression::new(6)).finish().unwrap();
		let mut back = Vec::new();
		flate2::read::MultiGzDecoder::new(&empty[..]).read_to_end(&mut back).unwrap();
		assert!(back.is_empty());
	}
}
