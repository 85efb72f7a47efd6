//! Dependency graphs: every package a project needs, resolved at once by one resolver.
//!
//! A version declares what it needs in its metadata (`dependencies.modules`, a list of
//! `ns/name@range`; the chain checks the list at publish, see
//! [`module_registry_primitives::registry::parse_metadata`]). [`resolve`] turns the project's
//! requests into a [`Resolution`]: which versions to install and, for every version in it, which
//! version each of its dependencies resolved to. The search is PubGrub (the `pubgrub` crate, the
//! solver uv uses); when there is no solution, its derivation is the error message, in words
//! ("acme/app 1.2.0 depends on acme/log ^2, …").
//!
//! # The rule
//!
//! - **Per edge, the chain's rule.** A range admits the versions it matches that are not yanked;
//!   an exact range (`=1.2.3`) also admits a yanked version, and so does a version the
//!   lockfile holds when the caller allows it ([`Preferences::allow_locked_yanked`], which
//!   `install --locked` sets; a plain `install` moves off a yanked version). Pre-releases match only a range that names one, and `*`/`latest`
//!   never does ([`Range::matches`]).
//! - **Unification: one version per package per compatible line**, Cargo's rule. A line is
//!   what SemVer calls compatible: the same MAJOR for 1.0.0 and later, the same MINOR for 0.x,
//!   the same PATCH for 0.0.x ([`Line`]). Two edges into one line share one version (the
//!   highest that satisfies both); edges into different lines (`^1` and `^2`) get one version
//!   each, installed side by side. A range that spans lines (`>=1`, `latest`) picks one line:
//!   the highest that leads to a solution.
//! - **Preference.** Among admissible versions the highest is tried first, except that a
//!   version the lockfile holds is kept while it is admissible, so a new compatible release of
//!   a dependency does not move an installed project until it asks (`install` of that package,
//!   or without the lock).
//! - Cycles (a package needing itself, or `a → b → a`) are ordinary edges: each version is
//!   chosen once. A version whose own requirement on its line excludes itself cannot be chosen.
//!
//! All reads go through a [`Source`]; the command line's reads all name one finalized block, so
//! a graph is a consistent snapshot of the chain.

use module_registry_primitives::registry::{
	Dependencies as Needed, Dependency, PackageName, Range, Version,
};
use pubgrub::{
	DefaultStringReporter, Dependencies, DependencyConstraints, DependencyProvider,
	PackageResolutionStatistics, PubGrubError, Ranges, Reporter, VersionSet,
};
use std::{
	cell::RefCell,
	cmp::Reverse,
	collections::{BTreeMap, HashMap},
	fmt,
};

/// A line of compatible versions: the versions that unify into one (see the module docs).
/// Lines order by their versions: `0.0.4` < `0.3` < `1` < `2`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Line {
	/// `MAJOR` of a version 1.0.0 or later.
	Major(u64),
	/// `MINOR` of a 0.x version (x ≥ 1).
	Minor(u64),
	/// `PATCH` of a 0.0.x version.
	Patch(u64),
}

impl Line {
	/// The line of `version`.
	pub fn of(version: &Version) -> Line {
		if version.major > 0 {
			Line::Major(version.major)
		} else if version.minor > 0 {
			Line::Minor(version.minor)
		} else {
			Line::Patch(version.patch)
		}
	}

	/// The version that stands for the line in a choice between lines; higher lines give
	/// higher versions.
	pub fn token(self) -> Version {
		match self {
			Line::Major(m) => Version::new(m, 0, 0),
			Line::Minor(m) => Version::new(0, m, 0),
			Line::Patch(p) => Version::new(0, 0, p),
		}
	}
}

impl Ord for Line {
	fn cmp(&self, other: &Line) -> std::cmp::Ordering {
		self.token().cmp(&other.token())
	}
}

impl PartialOrd for Line {
	fn partial_cmp(&self, other: &Line) -> Option<std::cmp::Ordering> {
		Some(self.cmp(other))
	}
}

impl fmt::Display for Line {
	/// `1`, `0.3`, `0.0.4`: how the install layout names a second line of a package.
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			Line::Major(m) => write!(f, "{m}"),
			Line::Minor(m) => write!(f, "0.{m}"),
			Line::Patch(p) => write!(f, "0.0.{p}"),
		}
	}
}

/// One version of a package, as a [`Source`] lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
	/// The version.
	pub version: Version,
	/// Whether it is yanked.
	pub yanked: bool,
}

/// Where the resolver reads the registry: the chain at one block, or the local index.
pub trait Source {
	/// Every version of `package` (empty when there is no such package).
	fn versions(&self, package: &PackageName) -> Result<Vec<Candidate>, String>;
	/// What `version` of `package` declares it needs (the modules, and the lowest runtime it
	/// runs on): `Err` when the registry cannot be read,
	/// `Ok(Err(why))` when the version's dependencies cannot be (metadata published before the
	/// chain checked them, in another shape): that version is then not chosen.
	fn dependencies(
		&self,
		package: &PackageName,
		version: &Version,
	) -> Result<Result<Needed, String>, String>;
}

/// How much work one resolution may do before it gives up: versions whose dependencies it
/// reads. A hostile graph (many versions, each needing something that cannot be satisfied) can
/// make PubGrub try them one by one; this bounds the reads, and the time, it spends.
pub const MAX_STEPS: usize = 5_000;

/// What the lockfile holds, how far to trust it, and how much work to spend.
#[derive(Clone, Debug)]
pub struct Preferences {
	/// Versions to keep while they are admissible, by package (`ns/name`).
	pub locked: BTreeMap<String, Vec<Version>>,
	/// Let a locked version be chosen even though it is yanked (`install --locked`).
	pub allow_locked_yanked: bool,
	/// Most versions whose dependencies are read ([`MAX_STEPS`] by default).
	pub max_steps: usize,
	/// The runtime the modules will run on (`install --runtime-version`): a version whose
	/// `runtime_min` is higher is not chosen.
	pub runtime: Option<Version>,
}

impl Default for Preferences {
	fn default() -> Preferences {
		Preferences {
			locked: BTreeMap::new(),
			allow_locked_yanked: false,
			max_steps: MAX_STEPS,
			runtime: None,
		}
	}
}

impl Preferences {
	fn holds(&self, package: &str, version: &Version) -> bool {
		self.locked.get(package).is_some_and(|vs| vs.contains(version))
	}
}

/// One resolved edge: a requirement and the version that fills it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Edge {
	/// `ns/name`.
	pub package: String,
	/// The range as written.
	pub range: String,
	/// The version chosen for it.
	pub version: Version,
}

/// A solved graph.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Resolution {
	/// The project's requests, resolved, in the order given.
	pub roots: Vec<Edge>,
	/// Every package version of the graph (`ns/name`, version) with its resolved dependencies.
	pub nodes: BTreeMap<(String, Version), Vec<Edge>>,
}

impl Resolution {
	/// The versions of `package` in the graph, lowest first (more than one only when the graph
	/// needs several lines).
	pub fn versions_of(&self, package: &str) -> Vec<&Version> {
		self.nodes.keys().filter(|(p, _)| p == package).map(|(_, v)| v).collect()
	}
}

/// Why a graph could not be resolved.
#[derive(Debug)]
pub enum GraphError {
	/// No set of versions satisfies every requirement; the text explains why, in PubGrub's
	/// words.
	Conflict(String),
	/// The registry could not be read.
	Source(String),
	/// The resolution read the dependencies of [`MAX_STEPS`] versions without an answer.
	TooHard(String),
}

impl fmt::Display for GraphError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			GraphError::Conflict(why) =>
				write!(f, "no set of versions satisfies every requirement:\n{why}"),
			GraphError::Source(e) | GraphError::TooHard(e) => f.write_str(e),
		}
	}
}

impl std::error::Error for GraphError {}

/// Resolve `requests` (the project's direct requirements) with everything they need.
pub fn resolve(
	source: &dyn Source,
	requests: &[Dependency],
	preferences: &Preferences,
) -> Result<Resolution, GraphError> {
	let provider = Provider {
		source,
		requests,
		preferences,
		versions: RefCell::default(),
		dependencies: RefCell::default(),
		constraints: RefCell::default(),
		steps: std::cell::Cell::new(0),
	};
	let selected = match pubgrub::resolve(&provider, Pkg::Root, Version::new(0, 0, 0)) {
		Ok(selected) => selected,
		Err(PubGrubError::NoSolution(mut tree)) => {
			tree.collapse_no_versions();
			let text = DefaultStringReporter::report(&tree);
			let text = text
				.replace(ROOT_VERSION_TEXT, ROOT_TEXT)
				.replace("the project is forbidden", "the project's requests cannot all be met");
			return Err(GraphError::Conflict(text));
		},
		Err(PubGrubError::ErrorInShouldCancel(source)) => return Err(GraphError::TooHard(source.0)),
		Err(PubGrubError::ErrorRetrievingDependencies { source, .. }) |
		Err(PubGrubError::ErrorChoosingVersion { source, .. }) =>
			return Err(GraphError::Source(source.0)),
	};
	// Read the edges back: each requirement lands on the version chosen for its line.
	let target = |dependency: &Dependency| -> Result<Edge, GraphError> {
		let (pkg, _) = provider.constraint(dependency).map_err(|e| GraphError::Source(e.0))?;
		let line_pkg = match pkg {
			Pkg::Pick { name, .. } => {
				let token = selected
					.get(&Pkg::Pick { name: name.clone(), range: dependency.range_text.clone() });
				let token = token.ok_or_else(|| missing(dependency))?;
				Pkg::Line { name, line: Line::of(token) }
			},
			other => other,
		};
		let version = selected.get(&line_pkg).ok_or_else(|| missing(dependency))?;
		Ok(Edge {
			package: dependency.package.to_string(),
			range: dependency.range_text.clone(),
			version: version.clone(),
		})
	};
	let mut resolution = Resolution::default();
	for request in requests {
		resolution.roots.push(target(request)?);
	}
	for (pkg, version) in selected.iter() {
		let Pkg::Line { name, .. } = pkg else { continue };
		let package = PackageName::parse(name).map_err(|e| GraphError::Source(e.to_string()))?;
		let needs = provider.needs(&package, version).map_err(|e| GraphError::Source(e.0))?;
		let needs = needs.as_ref().as_ref().map_err(|why| GraphError::Source(why.clone()))?;
		let edges = needs.modules.iter().map(target).collect::<Result<Vec<_>, _>>()?;
		resolution.nodes.insert((name.clone(), version.clone()), edges);
	}
	Ok(resolution)
}

fn missing(dependency: &Dependency) -> GraphError {
	GraphError::Source(format!("the resolver chose nothing for {dependency}"))
}

/// How the project appears in explanations.
const ROOT_TEXT: &str = "the project";
const ROOT_VERSION_TEXT: &str = "the project 0.0.0";

/// A package as the solver sees it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Pkg {
	/// The project; its dependencies are the requests.
	Root,
	/// One line of a package: its versions unify.
	Line { name: String, line: Line },
	/// A requirement that spans lines: its "versions" are the lines ([`Line::token`]), each
	/// depending on that line of the package.
	Pick { name: String, range: String },
}

impl fmt::Display for Pkg {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			Pkg::Root => f.write_str(ROOT_TEXT),
			Pkg::Line { name, .. } => f.write_str(name),
			Pkg::Pick { name, range } => write!(f, "{name}@{range} (a line of)"),
		}
	}
}

/// A set of versions, named by the range it came from when it came from one.
#[derive(Clone, Debug)]
struct Req {
	set: Ranges<Version>,
	label: Option<String>,
}

impl Req {
	/// The set of `versions`, in one pass when they come sorted (`Ranges::from_iter` appends).
	fn of(versions: impl IntoIterator<Item = Version>, label: &str) -> Req {
		use std::ops::Bound::Included;
		let mut versions: Vec<Version> = versions.into_iter().collect();
		versions.sort();
		let set = versions.into_iter().map(|v| (Included(v.clone()), Included(v))).collect();
		Req { set, label: Some(label.to_string()) }
	}

	/// The admitted versions among `all` (every version of the package, highest first) as runs:
	/// one interval per stretch of consecutive admitted versions, broken at each existing version
	/// that is not admitted. As exact as [`Req::of`] for every version that exists, and as small
	/// as the gaps: a package of 16,384 versions with none yanked is one interval, not 16,384.
	fn runs(all: &[Candidate], admitted: impl Fn(&Candidate) -> bool, label: &str) -> Req {
		use std::ops::Bound::Included;
		let mut runs: Vec<(Version, Version)> = Vec::new();
		let mut open: Option<(Version, Version)> = None;
		for c in all.iter().rev() {
			if admitted(c) {
				open = Some(match open.take() {
					Some((low, _)) => (low, c.version.clone()),
					None => (c.version.clone(), c.version.clone()),
				});
			} else if let Some(run) = open.take() {
				runs.push(run);
			}
		}
		runs.extend(open);
		let set = runs.into_iter().map(|(low, high)| (Included(low), Included(high))).collect();
		Req { set, label: Some(label.to_string()) }
	}
}

impl PartialEq for Req {
	fn eq(&self, other: &Req) -> bool {
		self.set == other.set
	}
}

impl Eq for Req {}

impl fmt::Display for Req {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		if let Some(label) = &self.label {
			return f.write_str(label);
		}
		// Sets the solver derived: list single versions as versions.
		let mut parts = Vec::new();
		for (low, high) in self.set.iter() {
			use std::ops::Bound::*;
			parts.push(match (low, high) {
				(Included(a), Included(b)) if a == b => a.to_string(),
				(Unbounded, Unbounded) => "any version".into(),
				(Included(a), Unbounded) => format!(">={a}"),
				(Excluded(a), Unbounded) => format!(">{a}"),
				(Unbounded, Excluded(b)) => format!("<{b}"),
				(Unbounded, Included(b)) => format!("<={b}"),
				(low, high) => {
					let low = match low {
						Included(a) => format!(">={a}"),
						Excluded(a) => format!(">{a}"),
						Unbounded => String::new(),
					};
					let high = match high {
						Included(b) => format!("<={b}"),
						Excluded(b) => format!("<{b}"),
						Unbounded => String::new(),
					};
					format!("{low}, {high}")
				},
			});
		}
		if parts.is_empty() {
			f.write_str("no version")
		} else {
			f.write_str(&parts.join(" or "))
		}
	}
}

impl pubgrub::VersionSet for Req {
	type V = Version;
	fn empty() -> Req {
		Req { set: Ranges::empty(), label: None }
	}
	fn singleton(v: Version) -> Req {
		Req { set: Ranges::singleton(v), label: None }
	}
	fn complement(&self) -> Req {
		Req { set: self.set.complement(), label: None }
	}
	fn intersection(&self, other: &Req) -> Req {
		Req { set: self.set.intersection(&other.set), label: None }
	}
	fn contains(&self, v: &Version) -> bool {
		self.set.contains(v)
	}
	fn full() -> Req {
		Req { set: Ranges::full(), label: None }
	}
	fn union(&self, other: &Req) -> Req {
		Req { set: self.set.union(&other.set), label: None }
	}
	fn is_disjoint(&self, other: &Req) -> bool {
		self.set.is_disjoint(&other.set)
	}
	fn subset_of(&self, other: &Req) -> bool {
		self.set.subset_of(&other.set)
	}
}

/// A [`Source`] error carried through the solver.
#[derive(Debug)]
struct SourceError(String);

impl fmt::Display for SourceError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(&self.0)
	}
}

impl std::error::Error for SourceError {}

struct Provider<'a> {
	source: &'a dyn Source,
	requests: &'a [Dependency],
	preferences: &'a Preferences,
	versions: RefCell<HashMap<String, std::rc::Rc<Vec<Candidate>>>>,
	dependencies: RefCell<HashMap<(String, Version), Needs>>,
	/// Each requirement's solver form, by (package, range text).
	constraints: RefCell<HashMap<(String, String), (Pkg, Req)>>,
	/// Versions whose dependencies were asked for.
	steps: std::cell::Cell<usize>,
}

type Needs = std::rc::Rc<Result<Needed, String>>;

impl Provider<'_> {
	fn versions_of(
		&self,
		package: &PackageName,
	) -> Result<std::rc::Rc<Vec<Candidate>>, SourceError> {
		let key = package.to_string();
		if let Some(found) = self.versions.borrow().get(&key) {
			return Ok(found.clone());
		}
		let mut found = self.source.versions(package).map_err(SourceError)?;
		// Highest first: choosing a version stops at the first that fits.
		found.sort_by(|a, b| b.version.cmp(&a.version));
		let found = std::rc::Rc::new(found);
		self.versions.borrow_mut().insert(key, found.clone());
		Ok(found)
	}

	fn needs(&self, package: &PackageName, version: &Version) -> Result<Needs, SourceError> {
		let key = (package.to_string(), version.clone());
		if let Some(found) = self.dependencies.borrow().get(&key) {
			return Ok(found.clone());
		}
		self.steps.set(self.steps.get() + 1);
		let found =
			std::rc::Rc::new(self.source.dependencies(package, version).map_err(SourceError)?);
		self.dependencies.borrow_mut().insert(key, found.clone());
		Ok(found)
	}

	/// Whether a requirement admits a version (the chain's per-edge rule and the preferences).
	fn admits(&self, dependency: &Dependency, name: &str, c: &Candidate) -> bool {
		dependency.range.matches(&c.version) &&
			(!c.yanked ||
				dependency.range.is_exact() ||
				(self.preferences.allow_locked_yanked &&
					self.preferences.holds(name, &c.version)))
	}

	/// The solver's form of a requirement: a line and its admitted versions when they lie in
	/// one line, else a choice between the lines they span (none when nothing is admitted).
	fn constraint(&self, dependency: &Dependency) -> Result<(Pkg, Req), SourceError> {
		let key = (dependency.package.to_string(), dependency.range_text.clone());
		if let Some(found) = self.constraints.borrow().get(&key) {
			return Ok(found.clone());
		}
		let found = self.compute_constraint(dependency)?;
		self.constraints.borrow_mut().insert(key, found.clone());
		Ok(found)
	}

	fn compute_constraint(&self, dependency: &Dependency) -> Result<(Pkg, Req), SourceError> {
		let all = self.versions_of(&dependency.package)?;
		// Scanning a package's versions is work too: a hostile graph can make many edges into
		// packages of thousands of versions.
		self.steps.set(self.steps.get() + all.len() / 1000);
		let name = dependency.package.to_string();
		let admits = |c: &Candidate| self.admits(dependency, &name, c);
		let mut lines: Vec<Line> =
			all.iter().filter(|c| admits(c)).map(|c| Line::of(&c.version)).collect();
		lines.sort();
		lines.dedup();
		Ok(match lines.as_slice() {
			[line] => {
				let line = *line;
				let in_line = |c: &Candidate| Line::of(&c.version) == line && admits(c);
				let req = Req::runs(&all, in_line, &dependency.range_text);
				(Pkg::Line { name: name.clone(), line }, req)
			},
			_ => (
				Pkg::Pick { name: name.clone(), range: dependency.range_text.clone() },
				Req::of(lines.iter().map(|l| l.token()), &dependency.range_text),
			),
		})
	}

	/// The requirement a `Pick` package stands for.
	fn pick_request(&self, name: &str, range: &str) -> Result<Dependency, SourceError> {
		let package = PackageName::parse(name).map_err(|e| SourceError(e.to_string()))?;
		let parsed = Range::parse(range).map_err(|_| SourceError(format!("bad range {range}")))?;
		Ok(Dependency { package, range: parsed, range_text: range.to_string() })
	}

	fn constraints(&self, needs: &[Dependency]) -> Result<Vec<(Pkg, Req)>, SourceError> {
		let mut out: Vec<(Pkg, Req)> = Vec::new();
		for dependency in needs {
			let (pkg, req) = self.constraint(dependency)?;
			// Two requirements on one line (through different ranges) must both hold.
			match out.iter_mut().find(|(p, _)| *p == pkg) {
				Some((_, before)) =>
					*before = Req {
						set: before.set.intersection(&req.set),
						label: Some(format!("{before} and {req}")),
					},
				None => out.push((pkg, req)),
			}
		}
		Ok(out)
	}
}

impl DependencyProvider for Provider<'_> {
	type P = Pkg;
	type V = Version;
	type VS = Req;
	type M = String;
	type Priority = (u32, Reverse<usize>);
	type Err = SourceError;

	fn should_cancel(&self) -> Result<(), SourceError> {
		let max = self.preferences.max_steps;
		if self.steps.get() > max {
			return Err(SourceError(format!(
				"gave up after reading the dependencies of {max} versions: the graph is too \
				 hard to resolve (narrow the ranges requested)"
			)));
		}
		Ok(())
	}

	fn prioritize(
		&self,
		package: &Pkg,
		range: &Req,
		stats: &PackageResolutionStatistics,
	) -> Self::Priority {
		// Packages in conflict first, then the most constrained (fewest pieces of range left:
		// a set of admitted versions is one piece per version).
		let left = match package {
			Pkg::Root => 0,
			Pkg::Line { .. } => range.set.iter().count(),
			Pkg::Pick { .. } => usize::MAX,
		};
		(stats.conflict_count(), Reverse(left))
	}

	fn choose_version(&self, package: &Pkg, range: &Req) -> Result<Option<Version>, SourceError> {
		match package {
			Pkg::Root => Ok(Some(Version::new(0, 0, 0))),
			Pkg::Line { name, line } => {
				let parsed = PackageName::parse(name).map_err(|e| SourceError(e.to_string()))?;
				let versions = self.versions_of(&parsed)?;
				let locked = self.preferences.locked.get(name).into_iter().flatten();
				let locked = locked.filter(|v| Line::of(v) == *line && range.contains(v)).max();
				if locked.is_some() {
					return Ok(locked.cloned());
				}
				// Highest first (the cache's order): the first that fits.
				Ok(versions
					.iter()
					.map(|c| &c.version)
					.find(|v| Line::of(v) == *line && range.contains(v))
					.cloned())
			},
			Pkg::Pick { name, .. } => {
				let locked = self.preferences.locked.get(name).into_iter().flatten();
				let preferred =
					locked.map(|v| Line::of(v).token()).filter(|t| range.contains(t)).max();
				if preferred.is_some() {
					return Ok(preferred);
				}
				// The highest line the range still allows.
				let parsed = PackageName::parse(name).map_err(|e| SourceError(e.to_string()))?;
				let versions = self.versions_of(&parsed)?;
				Ok(versions
					.iter()
					.map(|c| Line::of(&c.version).token())
					.filter(|t| range.contains(t))
					.max())
			},
		}
	}

	fn get_dependencies(
		&self,
		package: &Pkg,
		version: &Version,
	) -> Result<Dependencies<Pkg, Req, String>, SourceError> {
		match package {
			Pkg::Root =>
				Ok(Dependencies::Available(self.constraints(self.requests)?.into_iter().collect())),
			Pkg::Line { name, line } => {
				let parsed = PackageName::parse(name).map_err(|e| SourceError(e.to_string()))?;
				let needs = self.needs(&parsed, version)?;
				let needs = match needs.as_ref() {
					Ok(needs) => needs,
					Err(why) => return Ok(Dependencies::Unavailable(format!("because {why}"))),
				};
				if let (Some(min), Some(runtime)) = (&needs.runtime_min, &self.preferences.runtime)
				{
					if min > runtime {
						return Ok(Dependencies::Unavailable(format!(
							"because it needs runtime {min} or later (this is {runtime})"
						)));
					}
				}
				let mut constraints = self.constraints(&needs.modules)?;
				// A requirement on its own line is met or broken by this very version.
				let own = Pkg::Line { name: name.clone(), line: *line };
				if let Some(at) = constraints.iter().position(|(p, _)| *p == own) {
					let (_, req) = constraints.remove(at);
					if !req.contains(version) {
						return Ok(Dependencies::Unavailable(format!(
							"because it requires {name} {req}, which excludes itself"
						)));
					}
				}
				Ok(Dependencies::Available(constraints.into_iter().collect()))
			},
			Pkg::Pick { name, range } => {
				let request = self.pick_request(name, range)?;
				let all = self.versions_of(&request.package)?;
				let line = Line::of(version);
				let in_line =
					|c: &Candidate| Line::of(&c.version) == line && self.admits(&request, name, c);
				let constraint =
					(Pkg::Line { name: name.clone(), line }, Req::runs(&all, in_line, range));
				Ok(Dependencies::Available(DependencyConstraints::from_iter([constraint])))
			},
		}
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use module_registry_primitives::registry;

	/// A registry in memory: package → version → (yanked, dependencies).
	#[derive(Default, Clone, Debug)]
	pub struct Memory(pub BTreeMap<String, BTreeMap<Version, (bool, Vec<String>)>>);

	impl Memory {
		pub fn add(&mut self, package: &str, version: &str, needs: &[&str]) -> &mut Self {
			self.0.entry(package.into()).or_default().insert(
				Version::parse(version).unwrap(),
				(false, needs.iter().map(|s| s.to_string()).collect()),
			);
			self
		}
		pub fn yank(&mut self, package: &str, version: &str) -> &mut Self {
			self.0
				.get_mut(package)
				.unwrap()
				.get_mut(&Version::parse(version).unwrap())
				.unwrap()
				.0 = true;
			self
		}
	}

	fn dep(text: &str) -> Dependency {
		let (package, range) = registry::parse_reference(text).unwrap();
		let range_text = registry::split_reference(text).1.unwrap_or("latest").to_string();
		Dependency { package, range, range_text }
	}

	impl Source for Memory {
		fn versions(&self, package: &PackageName) -> Result<Vec<Candidate>, String> {
			Ok(self
				.0
				.get(&package.to_string())
				.into_iter()
				.flatten()
				.map(|(v, (yanked, _))| Candidate { version: v.clone(), yanked: *yanked })
				.collect())
		}
		fn dependencies(
			&self,
			package: &PackageName,
			version: &Version,
		) -> Result<Result<Needed, String>, String> {
			let (_, needs) = &self.0[&package.to_string()][version];
			if needs.iter().any(|d| d == "unreadable") {
				return Ok(Err(format!("{package}@{version} has unreadable metadata")));
			}
			let runtime_min = needs.iter().find_map(|d| d.strip_prefix("runtime>="));
			Ok(Ok(Needed {
				runtime_min: runtime_min.map(|v| Version::parse(v).unwrap()),
				modules: needs
					.iter()
					.filter(|d| !d.starts_with("runtime>="))
					.map(|d| dep(d))
					.collect(),
			}))
		}
	}

	fn solve(memory: &Memory, requests: &[&str]) -> Result<Resolution, GraphError> {
		let requests: Vec<Dependency> = requests.iter().map(|r| dep(r)).collect();
		resolve(memory, &requests, &Preferences::default())
	}

	fn chosen(r: &Resolution) -> Vec<String> {
		r.nodes.keys().map(|(p, v)| format!("{p}@{v}")).collect()
	}

	#[test]
	fn a_diamond_with_compatible_ranges_installs_one_copy() {
		let mut m = Memory::default();
		m.add("a/app", "1.0.0", &["a/web@^1", "a/cli@^1"])
			.add("a/web", "1.0.0", &["a/log@^1.1"])
			.add("a/cli", "1.0.0", &["a/log@~1.2.0", "a/fmt@^0.3"])
			.add("a/log", "1.1.0", &[])
			.add("a/log", "1.2.3", &["a/fmt@^0.3.1"])
			.add("a/log", "1.3.0", &[])
			.add("a/fmt", "0.3.0", &[])
			.add("a/fmt", "0.3.4", &[])
			.add("a/fmt", "0.4.0", &[]);
		let r = solve(&m, &["a/app@^1"]).unwrap();
		assert_eq!(
			chosen(&r),
			["a/app@1.0.0", "a/cli@1.0.0", "a/fmt@0.3.4", "a/log@1.2.3", "a/web@1.0.0"]
		);
		let web = &r.nodes[&("a/web".into(), Version::new(1, 0, 0))];
		assert_eq!(web[0].version, Version::new(1, 2, 3));
		assert_eq!(r.roots[0].version, Version::new(1, 0, 0));
	}

	#[test]
	fn two_majors_install_side_by_side_and_cycles_once() {
		let mut m = Memory::default();
		m.add("a/app", "1.0.0", &["a/log@^1", "a/old@1"])
			.add("a/old", "1.0.0", &["a/log@^2", "a/app@^1"])
			.add("a/log", "1.4.0", &["a/log@^1"])
			.add("a/log", "2.0.0", &[]);
		let r = solve(&m, &["a/app"]).unwrap();
		assert_eq!(chosen(&r), ["a/app@1.0.0", "a/log@1.4.0", "a/log@2.0.0", "a/old@1.0.0"]);
		assert_eq!(r.versions_of("a/log").len(), 2);
	}

	#[test]
	fn a_conflict_names_both_sides() {
		let mut m = Memory::default();
		m.add("a/app", "1.2.0", &["a/log@^2", "a/cli@^3"])
			.add("a/cli", "3.0.0", &["a/log@=2.0.0"])
			.add("a/log", "2.0.0", &[])
			.add("a/log", "2.1.0", &[])
			.yank("a/log", "2.1.0");
		// The yanked 2.1.0 is out of reach for ^2 but 2.0.0 satisfies both.
		assert_eq!(solve(&m, &["a/app"]).unwrap().versions_of("a/log"), [&Version::new(2, 0, 0)]);

		// ^1 and ^2 are two lines: both are installed, no conflict.
		m.add("a/cli", "3.0.0", &["a/log@^1"]).add("a/log", "1.0.0", &[]);
		assert_eq!(solve(&m, &["a/app@^1"]).unwrap().versions_of("a/log").len(), 2);
		// Two ranges in one line that no version satisfies together: a conflict.
		m.add("a/app", "1.2.0", &["a/log@^2.1", "a/cli@^3"]);
		m.add("a/log", "2.1.0", &[]).add("a/cli", "3.0.0", &["a/log@~2.0"]);
		let Err(GraphError::Conflict(why)) = solve(&m, &["a/app@^1"]) else {
			panic!("expected a conflict")
		};
		assert!(why.contains("a/app 1.2.0 depends on a/log ^2.1"), "{why}");
		assert!(why.contains("a/cli 3.0.0 depends on a/log ~2.0"), "{why}");
		// Unknown packages and empty ranges are conflicts too, named.
		let Err(GraphError::Conflict(why)) = solve(&m, &["a/nothing@^1"]) else { panic!() };
		assert!(why.contains("a/nothing"), "{why}");
	}

	#[test]
	fn locked_versions_are_kept_and_yanked_ones_only_when_allowed() {
		let mut m = Memory::default();
		m.add("a/app", "1.0.0", &["a/log@^1"]).add("a/log", "1.0.0", &[]).add(
			"a/log",
			"1.1.0",
			&[],
		);
		let requests = [dep("a/app@^1")];
		let mut prefs = Preferences::default();
		prefs.locked.insert("a/log".into(), vec![Version::new(1, 0, 0)]);
		let r = resolve(&m, &requests, &prefs).unwrap();
		assert_eq!(r.versions_of("a/log"), [&Version::new(1, 0, 0)]);
		m.yank("a/log", "1.0.0");
		let r = resolve(&m, &requests, &prefs).unwrap();
		assert_eq!(r.versions_of("a/log"), [&Version::new(1, 1, 0)]);
		prefs.allow_locked_yanked = true;
		let r = resolve(&m, &requests, &prefs).unwrap();
		assert_eq!(r.versions_of("a/log"), [&Version::new(1, 0, 0)]);
	}

	#[test]
	fn a_range_across_lines_picks_the_highest_line_that_works() {
		let mut m = Memory::default();
		m.add("a/app", "1.0.0", &["a/log@>=1", "a/cli@1"])
			.add("a/cli", "1.0.0", &["a/log@^1"])
			.add("a/log", "1.5.0", &[])
			.add("a/log", "2.0.0", &["a/nothing@^9"]);
		let r = solve(&m, &["a/app"]).unwrap();
		assert_eq!(r.versions_of("a/log"), [&Version::new(1, 5, 0)]);
		let app = &r.nodes[&("a/app".into(), Version::new(1, 0, 0))];
		assert_eq!(
			app[0],
			Edge { package: "a/log".into(), range: ">=1".into(), version: Version::new(1, 5, 0) }
		);
	}

	#[test]
	fn unreadable_dependencies_rule_a_version_out_and_hard_graphs_give_up() {
		let mut m = Memory::default();
		m.add("a/x", "1.0.0", &[]).add("a/x", "1.1.0", &["unreadable"]);
		assert_eq!(chosen(&solve(&m, &["a/x@^1"]).unwrap()), ["a/x@1.0.0"]);
		let Err(GraphError::Conflict(why)) = solve(&m, &["a/x@=1.1.0"]) else { panic!() };
		assert!(why.contains("unreadable metadata"), "{why}");

		// Many versions, each needing what cannot be had: bounded work, then a named error.
		let mut m = Memory::default();
		m.add("a/y", "1.0.0", &[]);
		for i in 0..300 {
			let v = format!("1.0.{i}");
			m.add("a/x", &v, &["a/y@^2"]);
		}
		let prefs = Preferences { max_steps: 200, ..Preferences::default() };
		let Err(GraphError::TooHard(why)) = resolve(&m, &[dep("a/x@^1")], &prefs) else {
			panic!("expected to give up")
		};
		assert!(why.contains("200 versions"), "{why}");
		// Under the budget, the same graph is a plain conflict.
		let prefs = Preferences { max_steps: 400, ..Preferences::default() };
		assert!(matches!(resolve(&m, &[dep("a/x@^1")], &prefs), Err(GraphError::Conflict(_))));
	}

	#[test]
	fn versions_that_need_a_newer_runtime_are_not_chosen() {
		let mut m = Memory::default();
		m.add("a/x", "1.0.0", &["runtime>=0.4.0"]).add("a/x", "1.1.0", &["runtime>=0.6.0"]);
		let requests = [dep("a/x@^1")];
		let at = |runtime: &str| Preferences {
			runtime: Some(Version::parse(runtime).unwrap()),
			..Preferences::default()
		};
		assert_eq!(
			resolve(&m, &requests, &Preferences::default()).unwrap().roots[0].version,
			Version::new(1, 1, 0)
		);
		assert_eq!(
			resolve(&m, &requests, &at("0.5.0")).unwrap().roots[0].version,
			Version::new(1, 0, 0)
		);
		let Err(GraphError::Conflict(why)) = resolve(&m, &requests, &at("0.3.0")) else { panic!() };
		assert!(why.contains("needs runtime 0.4.0 or later"), "{why}");
	}

	#[test]
	fn a_version_that_excludes_itself_is_not_chosen() {
		let mut m = Memory::default();
		m.add("a/x", "1.0.0", &[]).add("a/x", "1.1.0", &["a/x@=1.0.0"]);
		let r = solve(&m, &["a/x@^1"]).unwrap();
		assert_eq!(chosen(&r), ["a/x@1.0.0"]);
	}

	pub mod property {
		use super::*;
		use proptest::prelude::*;

		/// Every assignment of one admitted version (or none) per (package, line): the model
		/// brute-forced, for graphs small enough.
		fn brute_force(m: &Memory, requests: &[Dependency]) -> bool {
			// Candidate (package, version) pairs.
			let all: Vec<(String, Version, bool)> = m
				.0
				.iter()
				.flat_map(|(p, vs)| vs.iter().map(move |(v, (y, _))| (p.clone(), v.clone(), *y)))
				.collect();
			let n = all.len();
			assert!(n <= 14);
			'subsets: for mask in 0u32..(1 << n) {
				let chosen: Vec<&(String, Version, bool)> =
					(0..n).filter(|i| mask & (1 << i) != 0).map(|i| &all[i]).collect();
				// One version per line.
				for (i, a) in chosen.iter().enumerate() {
					for b in &chosen[i + 1..] {
						if a.0 == b.0 && Line::of(&a.1) == Line::of(&b.1) {
							continue 'subsets;
						}
					}
				}
				let satisfied = |d: &Dependency| {
					chosen.iter().any(|(p, v, y)| {
						*p == d.package.to_string() &&
							d.range.matches(v) && (!*y || d.range.is_exact())
					})
				};
				if !requests.iter().all(satisfied) {
					continue;
				}
				let closed = chosen.iter().all(|(p, v, _)| {
					m.0[p][v].1.iter().all(|d| {
						let d = dep(d);
						// Edges land on the chosen version of the line their range admits.
						satisfied(&d)
					})
				});
				if closed {
					return true;
				}
			}
			false
		}

		fn graph() -> impl Strategy<Value = (Memory, Vec<Dependency>)> {
			let names = ["a/a", "a/b", "a/c", "a/d"];
			let versions = ["0.1.0", "0.1.1", "1.0.0", "1.1.0", "2.0.0"];
			let ranges = ["^0.1", "^1", "^1.1", "=1.0.0", "^2", ">=1", "latest", "~0.1.1"];
			let version = (0..4usize, 0..versions.len(), any::<bool>());
			let edges = proptest::collection::vec((0..4usize, 0..ranges.len()), 0..3);
			(proptest::collection::vec((version, edges), 1..12), 0..4usize, 0..ranges.len())
				.prop_map(move |(rows, root, root_range)| {
					let mut m = Memory::default();
					for ((p, v, yanked), edges) in rows {
						let needs: Vec<String> = edges
							.iter()
							.map(|(d, r)| format!("{}@{}", names[*d], ranges[*r]))
							.collect();
						let needs: Vec<&str> = needs.iter().map(String::as_str).collect();
						let mut needs = needs;
						needs.sort();
						needs.dedup_by(|a, b| a.split('@').next() == b.split('@').next());
						m.add(names[p], versions[v], &needs);
						if yanked {
							m.yank(names[p], versions[v]);
						}
					}
					let request = dep(&format!("{}@{}", names[root], ranges[root_range]));
					(m, vec![request])
				})
				.prop_filter("small enough to brute-force", |(m, _)| {
					m.0.values().map(|v| v.len()).sum::<usize>() <= 14
				})
		}

		proptest! {
			#![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]
			#[test]
			fn solutions_satisfy_every_edge_and_conflicts_are_real((m, requests) in graph()) {
				match resolve(&m, &requests, &Preferences::default()) {
					Ok(r) => {
						// One version per line, every edge admitted by its range.
						let mut lines = std::collections::BTreeSet::new();
						for (p, v) in r.nodes.keys() {
							prop_assert!(lines.insert((p.clone(), Line::of(v))), "{p} twice");
						}
						let check = |e: &Edge| {
							let d = dep(&format!("{}@{}", e.package, e.range));
							let yanked = m.0[&e.package][&e.version].0;
							d.range.matches(&e.version) && (!yanked || d.range.is_exact())
								&& r.nodes.contains_key(&(e.package.clone(), e.version.clone()))
						};
						for e in r.roots.iter().chain(r.nodes.values().flatten()) {
							prop_assert!(check(e), "edge {e:?} in {r:?}");
						}
						for ((p, v), edges) in &r.nodes {
							prop_assert_eq!(edges.len(), m.0[p][v].1.len());
						}
					},
					Err(GraphError::Conflict(why)) =>
						prop_assert!(!brute_force(&m, &requests), "missed a solution: {why}\n{m:?}"),
					Err(e) => prop_assert!(false, "{e}"),
				}
			}
		}
	}
}
