//! What checking a version's metadata costs per byte, for the shapes a publisher controls: the
//! pallet benchmark's worst case (an array of one-digit numbers, the most JSON tokens per byte)
//! against metadata that is nothing but `dependencies` (64 references with the longest ranges
//! that fit). `publish_version`'s weight is linear in the metadata's length and measured with
//! the first shape; this example shows whether the second stays under it.
//!
//! Run: `cargo run --release -p module-registry-primitives --example metadata_cost`.

use module_registry_primitives::registry::{self, MAX_DEPENDENCIES};
use std::{hint::black_box, time::Instant};

/// Nanoseconds per call of `f`: the best of five rounds of about 20 ms each.
fn per_call(mut f: impl FnMut()) -> f64 {
	let mut best = f64::MAX;
	for _ in 0..5 {
		let start = Instant::now();
		let mut n = 0u32;
		while start.elapsed().as_millis() < 20 {
			f();
			n += 1;
		}
		best = best.min(start.elapsed().as_nanos() as f64 / n as f64);
	}
	best
}

fn numbers(len: usize) -> Vec<u8> {
	let mut v = br#"{"custom":["#.to_vec();
	while v.len() + 5 <= len {
		v.extend_from_slice(b"0,");
	}
	v.extend_from_slice(b"0]}");
	v
}

/// `count` references whose ranges are conjunctions of short comparators, filling `len` bytes.
fn dependencies(len: usize, count: usize) -> Vec<u8> {
	let per = (len - 40) / count;
	let mut items = Vec::new();
	for i in 0..count {
		// `semver` takes at most 32 comparators; longer pre-release tags fill the rest.
		let tag = "a".repeat((per / 30).saturating_sub(8).max(1));
		let mut item = format!("\"a/p{i}@>=1");
		while item.len() + 9 + tag.len() < per {
			item.push_str(&format!(",<9.9.9-{tag}"));
		}
		item.push('"');
		items.push(item);
	}
	format!(r#"{{"dependencies":{{"modules":[{}]}}}}"#, items.join(",")).into_bytes()
}

fn main() {
	println!("{:>8} {:>14} {:>14} {:>8}", "bytes", "numbers ns/B", "deps ns/B", "ratio");
	for len in [1024usize, 4096, 16_384] {
		let a = numbers(len);
		let b = dependencies(len, MAX_DEPENDENCIES.min(64));
		if let Err(e) = registry::parse_metadata(&b, 64) {
			panic!("{len}: {e:?} {}", String::from_utf8_lossy(&b[..200]))
		}
		let ta = per_call(|| {
			black_box(registry::parse_metadata(black_box(&a), 64).ok());
		}) / a.len() as f64;
		let tb = per_call(|| {
			black_box(registry::parse_metadata(black_box(&b), 64).ok());
		}) / b.len() as f64;
		println!("{:>8} {:>14.2} {:>14.2} {:>8.2}", len, ta, tb, tb / ta);
	}
}
