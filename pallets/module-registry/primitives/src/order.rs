//! Version order keys: a byte form of a version whose byte order is SemVer precedence, and the
//! resolution rule of [`crate::registry::resolve`] run over an ordered index in a bounded
//! number of steps.
//!
//! The chain keeps each package's versions in storage maps keyed by [`order_key`] (with the
//! `Identity` hasher, so the trie's key order is precedence order). [`resolve_indexed`] then
//! finds what [`crate::registry::resolve`] would pick among thousands of versions by seeking
//! to the upper bound of the range and reading one entry per search, instead of reading and
//! sorting every version.
//!
//! # The code
//! `MAJOR`, `MINOR`, `PATCH` as 8 big-endian bytes each; then for a release one byte `0xFF`;
//! for a pre-release each dot-separated identifier — numeric: `0x01`, its length, its digits;
//! otherwise `0x02`, its bytes, `0x00` — and a final `0x00`. The code is prefix-free (no code is
//! the beginning of another), so padding it with zeros to [`ORDER_KEY_LEN`] bytes keeps the
//! order, and bitwise negation ([`descending_key`]) reverses it. Build metadata is not part of
//! the code: `1.0.0+a` and `1.0.0+b` are one version.

use crate::registry::{Range, Version};
use alloc::vec::Vec;
use semver::{Comparator, Op};

/// Length of an order key. The code of a version of at most 128 characters (the chain's
/// bound) is at most 24 + 1.5 × 122 + 3 bytes, well below this.
pub const ORDER_KEY_LEN: usize = 224;

/// A version's code, zero-padded: byte order is precedence order.
pub type OrderKey = [u8; ORDER_KEY_LEN];

const RELEASE: u8 = 0xFF;
const NUMERIC: u8 = 0x01;
const ALPHANUMERIC: u8 = 0x02;
const END: u8 = 0x00;

fn tuple_code(major: u64, minor: u64, patch: u64) -> Vec<u8> {
	let mut code = Vec::with_capacity(32);
	code.extend_from_slice(&major.to_be_bytes());
	code.extend_from_slice(&minor.to_be_bytes());
	code.extend_from_slice(&patch.to_be_bytes());
	code
}

/// The unpadded code of a version (see the module docs).
pub fn version_code(version: &Version) -> Vec<u8> {
	let mut code = tuple_code(version.major, version.minor, version.patch);
	if version.pre.is_empty() {
		code.push(RELEASE);
		return code;
	}
	for id in version.pre.as_str().split('.') {
		if id.bytes().all(|b| b.is_ascii_digit()) {
			code.push(NUMERIC);
			// A SemVer identifier is shorter than the version text; a longer one than 255
			// bytes saturates, which only a version far past the chain's bound could reach.
			code.push(u8::try_from(id.len()).unwrap_or(u8::MAX));
			code.extend_from_slice(id.as_bytes());
		} else {
			code.push(ALPHANUMERIC);
			code.extend_from_slice(id.as_bytes());
			code.push(END);
		}
	}
	code.push(END);
	code
}

fn pad(code: &[u8]) -> Option<OrderKey> {
	// One byte is left free so that `after` never carries into the code.
	if code.len() >= ORDER_KEY_LEN {
		return None;
	}
	let mut key = [0u8; ORDER_KEY_LEN];
	key[..code.len()].copy_from_slice(code);
	Some(key)
}

/// The order key of `version`; `None` when its code does not fit (a version longer than any
/// the chain stores).
pub fn order_key(version: &Version) -> Option<OrderKey> {
	pad(&version_code(version))
}

/// The key of `version` in an index kept highest first: the bitwise negation of
/// [`order_key`].
pub fn descending_key(version: &Version) -> Option<OrderKey> {
	order_key(version).map(|k| negate(&k))
}

/// Bitwise negation of a key: turns an ascending bound into a descending one.
pub fn negate(key: &OrderKey) -> OrderKey {
	let mut out = *key;
	out.iter_mut().for_each(|b| *b = !*b);
	out
}

/// The smallest key greater than the key of a version: the next value of the padding.
fn after(key: &OrderKey) -> OrderKey {
	let mut out = *key;
	for b in out.iter_mut().rev() {
		let (v, carry) = b.overflowing_add(1);
		*b = v;
		if !carry {
			break;
		}
	}
	out
}

/// Below every version `major.minor.patch[-…]`, above every smaller triple.
fn tuple_low(major: u64, minor: u64, patch: u64) -> OrderKey {
	pad(&tuple_code(major, minor, patch)).expect("24 bytes fit")
}

fn next_major(major: u64) -> Option<OrderKey> {
	major.checked_add(1).map(|m| tuple_low(m, 0, 0))
}

fn next_minor(major: u64, minor: u64) -> Option<OrderKey> {
	match minor.checked_add(1) {
		Some(m) => Some(tuple_low(major, m, 0)),
		None => next_major(major),
	}
}

fn next_patch(major: u64, minor: u64, patch: u64) -> Option<OrderKey> {
	match patch.checked_add(1) {
		Some(p) => Some(tuple_low(major, minor, p)),
		None => next_minor(major, minor),
	}
}

/// A half-open interval of keys: `lo` inclusive (`None`: from the lowest), `hi` exclusive
/// (`None`: to the highest).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interval {
	/// Inclusive lower bound.
	pub lo: Option<OrderKey>,
	/// Exclusive upper bound.
	pub hi: Option<OrderKey>,
}

impl Interval {
	const ALL: Interval = Interval { lo: None, hi: None };

	fn new(lo: Option<OrderKey>, hi: Option<OrderKey>) -> Option<Interval> {
		Some(Interval { lo, hi }).filter(|i| !i.is_empty())
	}

	fn is_empty(&self) -> bool {
		matches!((&self.lo, &self.hi), (Some(lo), Some(hi)) if lo >= hi)
	}

	fn intersect(self, other: Interval) -> Option<Interval> {
		let lo = match (self.lo, other.lo) {
			(Some(a), Some(b)) => Some(a.max(b)),
			(a, b) => a.or(b),
		};
		let hi = match (self.hi, other.hi) {
			(Some(a), Some(b)) => Some(a.min(b)),
			(a, b) => a.or(b),
		};
		Interval::new(lo, hi)
	}

	/// Whether `key` lies below the interval.
	fn is_below(&self, key: &OrderKey) -> bool {
		self.lo.as_ref().is_some_and(|lo| key < lo)
	}
}

/// Why a range cannot be searched by key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RangeTooLong;

/// The keys a comparator's matches lie in: among releases, and among pre-releases (before the
/// `semver` crate's rule that a pre-release must also share its triple with a comparator that
/// names a pre-release). `None` is the empty set. These are exact, not just bounds: every
/// version in the interval satisfies the comparator (the property tests check it), so the
/// first entry an index search meets either matches or ends the search.
fn comparator_intervals(
	c: &Comparator,
) -> Result<(Option<Interval>, Option<Interval>), RangeTooLong> {
	let m = c.major;
	let both = |i: Option<Interval>| Ok((i, i));
	let (minor, patch) = match (c.minor, c.patch) {
		(None, _) => {
			let low = Some(tuple_low(m, 0, 0));
			return match c.op {
				Op::Exact | Op::Wildcard | Op::Tilde =>
					Ok((Interval::new(low, next_major(m)), None)),
				Op::Caret => both(Interval::new(low, next_major(m))),
				Op::Greater => both(next_major(m).and_then(|lo| Interval::new(Some(lo), None))),
				Op::GreaterEq => Ok((
					Interval::new(low, None),
					next_major(m).and_then(|lo| Interval::new(Some(lo), None)),
				)),
				Op::Less => both(Interval::new(None, low)),
				Op::LessEq => Ok((Interval::new(None, next_major(m)), Interval::new(None, low))),
				_ => both(Some(Interval::ALL)),
			};
		},
		(Some(minor), None) => (minor, None),
		(Some(minor), Some(patch)) => (minor, Some(patch)),
	};
	let Some(patch) = patch else {
		let low = Some(tuple_low(m, minor, 0));
		let next = next_minor(m, minor);
		return match c.op {
			Op::Exact | Op::Wildcard | Op::Tilde => Ok((Interval::new(low, next), None)),
			Op::Caret if m > 0 => both(Interval::new(low, next_major(m))),
			Op::Caret => both(Interval::new(low, next)),
			Op::Greater => both(next.and_then(|lo| Interval::new(Some(lo), None))),
			Op::GreaterEq =>
				Ok((Interval::new(low, None), next.and_then(|lo| Interval::new(Some(lo), None)))),
			Op::Less => both(Interval::new(None, low)),
			Op::LessEq => Ok((Interval::new(None, next), Interval::new(None, low))),
			_ => both(Some(Interval::ALL)),
		};
	};
	let version =
		Version { major: m, minor, patch, pre: c.pre.clone(), build: semver::BuildMetadata::EMPTY };
	let key = order_key(&version).ok_or(RangeTooLong)?;
	both(match c.op {
		Op::Exact | Op::Wildcard => Interval::new(Some(key), Some(after(&key))),
		Op::Greater => Interval::new(Some(after(&key)), None),
		Op::GreaterEq => Interval::new(Some(key), None),
		Op::Less => Interval::new(None, Some(key)),
		Op::LessEq => Interval::new(None, Some(after(&key))),
		Op::Tilde => Interval::new(Some(key), next_minor(m, minor)),
		Op::Caret if m > 0 => Interval::new(Some(key), next_major(m)),
		Op::Caret if minor > 0 => Interval::new(Some(key), next_minor(m, minor)),
		Op::Caret => Interval::new(Some(key), next_patch(m, minor, patch)),
		_ => Some(Interval::ALL),
	})
}

/// Where a range's matches can lie: one interval among releases, and one per triple whose
/// pre-releases the range admits.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchPlan {
	/// Releases: `None` when none can match.
	pub releases: Option<Interval>,
	/// Pre-releases, each interval within one `MAJOR.MINOR.PATCH`.
	pub prereleases: Vec<Interval>,
}

impl Range {
	/// The intervals of keys that hold this range's matches. Fails when a comparator names a
	/// version whose code does not fit an [`OrderKey`] (far longer than the chain's 128
	/// characters).
	pub fn search_plan(&self) -> Result<SearchPlan, RangeTooLong> {
		let req = match self {
			Range::Latest =>
				return Ok(SearchPlan { releases: Some(Interval::ALL), prereleases: Vec::new() }),
			Range::Req(req) => req,
		};
		let mut releases = Some(Interval::ALL);
		let mut pre = Some(Interval::ALL);
		for c in &req.comparators {
			let (r, p) = comparator_intervals(c)?;
			releases = releases.zip(r).and_then(|(a, b)| a.intersect(b));
			pre = pre.zip(p).and_then(|(a, b)| a.intersect(b));
		}
		let mut prereleases: Vec<Interval> = Vec::new();
		if let Some(pre) = pre {
			for c in req.comparators.iter().filter(|c| !c.pre.is_empty()) {
				let (Some(minor), Some(patch)) = (c.minor, c.patch) else { continue };
				// The pre-releases of this triple lie between its low and its release.
				let release = Version::new(c.major, minor, patch);
				let triple = Interval {
					lo: Some(tuple_low(c.major, minor, patch)),
					hi: Some(order_key(&release).expect("a release fits")),
				};
				if let Some(i) = pre.intersect(triple) {
					if !prereleases.contains(&i) {
						prereleases.push(i);
					}
				}
			}
		}
		Ok(SearchPlan { releases, prereleases })
	}

	/// For an exact range (see [`Range::is_exact`]), the one version it names, without build
	/// metadata.
	pub fn exact_version(&self) -> Option<Version> {
		if !self.is_exact() {
			return None;
		}
		let Range::Req(req) = self else { return None };
		let c = req.comparators.first()?;
		Some(Version {
			major: c.major,
			minor: c.minor?,
			patch: c.patch?,
			pre: c.pre.clone(),
			build: semver::BuildMetadata::EMPTY,
		})
	}
}

/// An index of the versions resolution may pick (those not yanked), kept highest first.
pub trait LiveIndex {
	/// Iterator over versions, highest first.
	type Iter: Iterator<Item = Version>;
	/// The live releases (`prerelease` false) or pre-releases (`true`) whose order key is
	/// below `before` (all of them for `None`), highest first.
	fn below(&self, prerelease: bool, before: Option<&OrderKey>) -> Self::Iter;
}

/// What [`resolve_indexed`] picked, and how many index entries it read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolution {
	/// The chosen version.
	pub version: Option<Version>,
	/// Index entries read over all searches.
	pub steps: u32,
}

/// The resolution rule of [`crate::registry::resolve`] over an index of live versions: the
/// highest non-yanked version that matches. (An exact range also resolves a yanked version;
/// the caller looks that version up directly, see [`Range::exact_version`].) Reads at most
/// one entry past the end of each search of the plan: one for releases and one per
/// pre-release triple the range names.
pub fn resolve_indexed<I: LiveIndex>(range: &Range, index: &I) -> Result<Resolution, RangeTooLong> {
	let plan = range.search_plan()?;
	let mut steps = 0u32;
	let mut best: Option<Version> = None;
	let searches = plan
		.releases
		.into_iter()
		.map(|i| (false, i))
		.chain(plan.prereleases.into_iter().map(|i| (true, i)));
	for (prerelease, interval) in searches {
		for version in index.below(prerelease, interval.hi.as_ref()) {
			steps += 1;
			let Some(key) = order_key(&version) else { continue };
			if interval.is_below(&key) {
				break;
			}
			// Every version in the interval matches; the check keeps the answer right
			// should an interval ever be wider than the rule.
			if range.matches(&version) {
				if best.as_ref().is_none_or(|b| version.cmp_precedence(b).is_gt()) {
					best = Some(version);
				}
				break;
			}
		}
	}
	Ok(Resolution { version: best, steps })
}

#[cfg(test)]
mod tests {
	use super::*;
	use alloc::{collections::BTreeMap, format, string::String, vec};

	fn v(s: &str) -> Version {
		Version::parse(s).unwrap()
	}

	/// A live index in memory: descending key → version.
	struct Memory(BTreeMap<OrderKey, Version>, BTreeMap<OrderKey, Version>);

	impl Memory {
		fn new<'a>(versions: impl IntoIterator<Item = &'a Version>) -> Memory {
			let mut m = Memory(BTreeMap::new(), BTreeMap::new());
			for version in versions {
				let map = if version.pre.is_empty() { &mut m.0 } else { &mut m.1 };
				map.insert(descending_key(version).unwrap(), version.clone());
			}
			m
		}
	}

	impl LiveIndex for Memory {
		type Iter = vec::IntoIter<Version>;
		fn below(&self, prerelease: bool, before: Option<&OrderKey>) -> Self::Iter {
			let map = if prerelease { &self.1 } else { &self.0 };
			let items: Vec<Version> = match before {
				// Descending keys strictly after the negated bound: codes strictly below it.
				Some(b) => map
					.range((core::ops::Bound::Excluded(negate(b)), core::ops::Bound::Unbounded))
					.map(|(_, v)| v.clone())
					.collect(),
				None => map.values().cloned().collect(),
			};
			items.into_iter()
		}
	}

	#[test]
	fn keys_follow_precedence() {
		// The SemVer 2.0 specification's own example, in order.
		let ordered = [
			"1.0.0-alpha",
			"1.0.0-alpha.1",
			"1.0.0-alpha.beta",
			"1.0.0-beta",
			"1.0.0-beta.2",
			"1.0.0-beta.11",
			"1.0.0-rc.1",
			"1.0.0",
			"1.0.1-0",
			"1.0.1",
			"1.1.0",
			"2.0.0-a-b",
			"2.0.0",
			"18446744073709551615.0.0",
		];
		for pair in ordered.windows(2) {
			assert!(order_key(&v(pair[0])) < order_key(&v(pair[1])), "{pair:?}");
			assert!(descending_key(&v(pair[0])) > descending_key(&v(pair[1])), "{pair:?}");
		}
		assert_eq!(order_key(&v("1.0.0+a")), order_key(&v("1.0.0+b")));
	}

	#[test]
	fn the_longest_chain_version_fits() {
		// 128 characters of one-character identifiers: the densest code.
		let mut text = String::from("1.0.0-a");
		while text.len() + 2 <= 128 {
			text.push_str(".a");
		}
		let code = version_code(&v(&text));
		assert!(code.len() < ORDER_KEY_LEN, "{} bytes", code.len());
		let huge = format!("1.0.0-{}", "a.".repeat(200) + "a");
		assert_eq!(order_key(&v(&huge)), None);
		assert_eq!(Range::parse(&format!("<{huge}")).unwrap().search_plan(), Err(RangeTooLong));
	}

	#[test]
	fn exact_ranges_name_their_version() {
		assert_eq!(Range::parse("1.2.3-rc.1").unwrap().exact_version(), Some(v("1.2.3-rc.1")));
		assert_eq!(Range::parse("=1.2").unwrap().exact_version(), None);
		assert_eq!(Range::parse("^1.2.3").unwrap().exact_version(), None);
	}

	#[test]
	fn thousands_of_prereleases_cost_one_step() {
		let mut versions: Vec<Version> = (0..2000).map(|i| v(&format!("9.9.9-x.{i}"))).collect();
		versions.push(v("1.0.0"));
		versions.push(v("9.9.9-y"));
		let index = Memory::new(&versions);
		for (range, want) in [("latest", "1.0.0"), ("^1", "1.0.0"), ("^9.9.9-x.5", "9.9.9-y")] {
			let got = resolve_indexed(&Range::parse(range).unwrap(), &index).unwrap();
			assert_eq!(got.version, Some(v(want)), "{range}");
			assert!(got.steps <= 2, "{range}: {} steps", got.steps);
		}
		let none = resolve_indexed(&Range::parse("^2").unwrap(), &index).unwrap();
		assert_eq!(none, Resolution { version: None, steps: 1 });
	}

	mod property {
		use super::*;
		use crate::registry::resolve;
		use proptest::prelude::*;

		const OPS: [&str; 8] = ["=", ">", ">=", "<", "<=", "~", "^", ""];
		const PRE: [&str; 6] = ["alpha", "alpha.1", "alpha.beta", "beta.11", "beta.2", "0"];

		fn version() -> impl Strategy<Value = Version> {
			(0u64..2, 0u64..2, 0u64..2, prop::option::weighted(0.5, 0usize..PRE.len())).prop_map(
				|(a, b, c, pre)| {
					let mut text = format!("{a}.{b}.{c}");
					if let Some(p) = pre {
						text.push('-');
						text.push_str(PRE[p]);
					}
					v(&text)
				},
			)
		}

		/// A comparator in the registry's syntax, with partial versions and wildcards.
		fn comparator() -> impl Strategy<Value = String> {
			(0usize..OPS.len(), version(), 0u8..5).prop_map(|(op, version, form)| {
				let (a, b) = (version.major, version.minor);
				let op = OPS[op];
				match form {
					0 => format!("{op}{a}"),
					1 => format!("{op}{a}.{b}"),
					2 if op.is_empty() => format!("{a}.{b}.*"),
					2 => format!("{op}{a}.{b}"),
					_ if op.is_empty() => format!("={version}"),
					_ => format!("{op}{version}"),
				}
			})
		}

		proptest! {
			#![proptest_config(ProptestConfig::with_cases(8192))]

			/// The indexed search picks what the linear rule picks, in at most one step per
			/// search of the plan.
			#[test]
			fn indexed_resolution_is_the_rule(
				versions in prop::collection::btree_set(version(), 0..24),
				yanks in prop::collection::vec(any::<bool>(), 24),
				comparators in prop::collection::vec(comparator(), 1..4),
			) {
				let Ok(range) = Range::parse(&comparators.join(", ")) else { return Ok(()) };
				let versions: Vec<Version> = versions.into_iter().collect();
				let live: Vec<&Version> =
					versions.iter().zip(&yanks).filter(|(_, y)| !**y).map(|(v, _)| v).collect();
				let linear = resolve(&range, versions.iter().zip(yanks.iter().copied()))
					.map(|i| versions[i].clone());
				let indexed = match range.exact_version() {
					Some(exact) => versions.iter().find(|v| v.cmp_precedence(&exact).is_eq()).cloned(),
					None => {
						let plan = range.search_plan().unwrap();
						let searches = plan.releases.iter().count() + plan.prereleases.len();
						let got = resolve_indexed(&range, &Memory::new(live)).unwrap();
						prop_assert!(got.steps as usize <= searches,
							"{} steps for {} searches: {:?}", got.steps, searches, comparators);
						got.version
					},
				};
				prop_assert_eq!(indexed, linear, "range {:?} over {:?}", comparators, versions);
			}

			/// Key order is precedence order.
			#[test]
			fn key_order_is_precedence(a in version(), b in version()) {
				prop_assert_eq!(order_key(&a).cmp(&order_key(&b)), a.cmp_precedence(&b));
			}
		}
	}
}
