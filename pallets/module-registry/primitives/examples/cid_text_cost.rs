//! What a CID text costs to parse: the longest legal text of every base the chain accepts,
//! against the unbounded path the chain had before issue 35 (the `cid` crate given any text).
//!
//! Run: `cargo run --release -p module-registry-primitives --example cid_text_cost`.
//! Native figures; the runtime pays roughly the same order in wasm. The pallet's
//! `publish_version` benchmark uses the dearest base this prints
//! (`validation::DEAREST_CID_BASE`).

use module_registry_primitives::validation::{self, Base};
use std::{hint::black_box, time::Instant};

const BASES: [Base; 24] = [
	Base::Base2,
	Base::Base8,
	Base::Base10,
	Base::Base16Lower,
	Base::Base16Upper,
	Base::Base32Lower,
	Base::Base32Upper,
	Base::Base32PadLower,
	Base::Base32PadUpper,
	Base::Base32HexLower,
	Base::Base32HexUpper,
	Base::Base32HexPadLower,
	Base::Base32HexPadUpper,
	Base::Base32Z,
	Base::Base36Lower,
	Base::Base36Upper,
	Base::Base45,
	Base::Base58Flickr,
	Base::Base58Btc,
	Base::Base64,
	Base::Base64Pad,
	Base::Base64Url,
	Base::Base64UrlPad,
	Base::Base256Emoji,
];

/// Nanoseconds per call of `f`: the best of five rounds of about 20 ms each, so another process
/// taking the core for a moment does not count.
fn mean_ns(mut f: impl FnMut()) -> f64 {
	(0..5)
		.map(|_| {
			let start = Instant::now();
			let mut runs = 0u64;
			while start.elapsed().as_millis() < 20 || runs < 3 {
				f();
				runs += 1;
			}
			start.elapsed().as_nanos() as f64 / runs as f64
		})
		.fold(f64::INFINITY, f64::min)
}

fn main() {
	println!("{:<20} {:>6} {:>12}", "base (longest text)", "bytes", "ns/parse");
	let mut dearest = (Base::Base2, 0.0);
	for base in BASES {
		let text = validation::longest_cid_text(base);
		assert!(validation::parse_cid(&text).is_ok(), "{base:?} parses");
		let ns = mean_ns(|| {
			black_box(validation::parse_cid(black_box(&text))).ok();
		});
		if ns > dearest.1 {
			dearest = (base, ns);
		}
		println!("{:<20} {:>6} {:>12.0}", format!("{base:?}"), text.len(), ns);
	}
	println!("dearest: {:?} at {:.0} ns", dearest.0, dearest.1);
	let chosen = validation::longest_cid_text(validation::DEAREST_CID_BASE);
	let chosen_ns = mean_ns(|| {
		black_box(validation::parse_cid(black_box(&chosen))).ok();
	});
	println!(
		"validation::DEAREST_CID_BASE ({:?}, the benchmarks' worst case) at {chosen_ns:.0} ns: {:.0}% of the dearest",
		validation::DEAREST_CID_BASE,
		100.0 * chosen_ns / dearest.1
	);

	println!("\nrefusals (base58btc `z…` text of any length) and the old unbounded path:");
	println!("{:>9} {:>16} {:>22}", "bytes", "parse_cid ns", "old Cid::try_from ns");
	for len in [112usize, 1_024, 4_096, 16_384, 65_536] {
		let text = format!("z{}", "2".repeat(len - 1));
		let ours = mean_ns(|| {
			black_box(validation::parse_cid(black_box(&text))).ok();
		});
		let old = mean_ns(|| {
			black_box(cid::Cid::try_from(black_box(text.as_str()))).ok();
		});
		println!("{len:>9} {ours:>16.0} {old:>22.0}");
	}
}
