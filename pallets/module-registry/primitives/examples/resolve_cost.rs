//! What resolving a range costs in a package of many versions: the chain's rule over its
//! ordered index ([`order::resolve_indexed`], storage version 3) against the path it replaced
//! (read every version, parse it, keep the best: [`registry::resolve`] over all of them).
//!
//! Run: `cargo run --release -p module-registry-primitives --example resolve_cost`.
//!
//! The package is the attack issue 35 names: one release line buried under thousands of
//! throwaway pre-releases. "rows" is how many index entries (on chain: storage reads) each path
//! touches; the times are native and in memory, so on chain the gap is wider (each row is a
//! trie read).

use module_registry_primitives::{
	order::{self, LiveIndex, OrderKey},
	registry::{self, Range, Version},
};
use std::{collections::BTreeMap, hint::black_box, ops::Bound, time::Instant};

/// A live index in memory: the negated key, as the chain's `LiveVersions` orders it.
struct Memory {
	releases: BTreeMap<OrderKey, Version>,
	prereleases: BTreeMap<OrderKey, Version>,
}

impl LiveIndex for Memory {
	type Iter = std::vec::IntoIter<Version>;
	fn below(&self, prerelease: bool, before: Option<&OrderKey>) -> Self::Iter {
		let map = if prerelease { &self.prereleases } else { &self.releases };
		let start = before.map_or(Bound::Unbounded, |b| Bound::Excluded(order::negate(b)));
		// The chain reads rows lazily; two are the most any search here takes.
		let rows: Vec<Version> =
			map.range((start, Bound::Unbounded)).take(2).map(|(_, v)| v.clone()).collect();
		rows.into_iter()
	}
}

/// Nanoseconds per call of `f`: the best of five rounds of about 20 ms each.
fn per_call(mut f: impl FnMut()) -> f64 {
	let mut best = f64::MAX;
	for _ in 0..5 {
		let start = Instant::now();
		let mut calls = 0u64;
		while start.elapsed().as_millis() < 20 {
			f();
			calls += 1;
		}
		best = best.min(start.elapsed().as_nanos() as f64 / calls as f64);
	}
	best
}

fn main() {
	println!(
		"{:>8} {:>22} {:>12} {:>10} {:>12} {:>10} {:>8}",
		"versions", "range", "old ns", "old rows", "new ns", "new rows", "ratio"
	);
	for count in [16usize, 1_024, 16_384] {
		// One release line (1.0.0 … 1.9.0) and the rest pre-releases of 9.9.9.
		let mut texts: Vec<String> = (0..10).map(|i| format!("1.{i}.0")).collect();
		texts.extend((0..count.saturating_sub(10)).map(|i| format!("9.9.9-x.{i}")));
		let versions: Vec<Version> = texts.iter().map(|t| Version::parse(t).unwrap()).collect();
		let mut index = Memory { releases: BTreeMap::new(), prereleases: BTreeMap::new() };
		for v in &versions {
			let map = if v.pre.is_empty() { &mut index.releases } else { &mut index.prereleases };
			map.insert(order::descending_key(v).unwrap(), v.clone());
		}
		for text in ["latest", "^1.2", "^9.9.9-x.0"] {
			let range = Range::parse(text).unwrap();
			// Before: every row read and parsed, then the rule applied to all of them.
			let old_ns = per_call(|| {
				let parsed: Vec<Version> =
					texts.iter().map(|t| registry::parse_version(t).unwrap()).collect();
				black_box(registry::resolve(&range, parsed.iter().map(|v| (v, false))));
			});
			let mut steps = 0;
			let new_ns = per_call(|| {
				let got = order::resolve_indexed(&range, &index).unwrap();
				steps = got.steps;
				black_box(got);
			});
			let linear = registry::resolve(&range, versions.iter().map(|v| (v, false)))
				.map(|i| versions[i].clone());
			let indexed = order::resolve_indexed(&range, &index).unwrap().version;
			assert_eq!(indexed, linear, "both paths pick the same version");
			println!(
				"{count:>8} {text:>22} {old_ns:>12.0} {count:>10} {new_ns:>12.0} {steps:>10} {:>7.0}x",
				old_ns / new_ns
			);
		}
	}
}
