//! The dependency graph from the command line's side: the chain as a [`Source`] at one
//! finalized block, the lockfile made from a [`Resolution`], the install layout, and `modreg
//! tree` / `modreg why` over a lockfile.

use crate::{
	chain::Chain,
	install::{self, LockEdge, LockRequest, Locked, Lockfile},
	Failure,
};
use file_registry::exit;
use modreg::graph::{Candidate, Line, Resolution, Source};
use module_registry_primitives::registry::{self, Dependency, PackageName, Version};
use serde_json::Value as Json;
use std::{
	cell::RefCell,
	collections::{BTreeMap, HashMap, HashSet},
	rc::Rc,
};
use subxt::rpcs::client::rpc_params;

/// A consistent snapshot of the registry the resolver reads: the chain at one finalized block,
/// or the synced local index.
pub trait Snapshot {
	/// The resolver's view of it.
	fn as_source(&self) -> &dyn Source;
	/// The record of `version` of `package` (`moduleRegistry_versions`' shape), once
	/// [`Source::versions`] read the package.
	fn view(&self, package: &str, version: &Version) -> Option<Json>;
	/// The block's hash and number.
	fn block(&self) -> (String, u64);
}

impl Snapshot for ChainSource<'_> {
	fn as_source(&self) -> &dyn Source {
		self
	}
	fn view(&self, package: &str, version: &Version) -> Option<Json> {
		ChainSource::view(self, package, version)
	}
	fn block(&self) -> (String, u64) {
		(self.at.clone(), self.number)
	}
}

/// The chain at one block. The solver is synchronous: each read waits on the node's answer with
/// `Handle::block_on`, so a resolution must run off the runtime's worker threads (inside
/// [`off_runtime`]), where the connection's tasks go on.
pub struct ChainSource<'a> {
	chain: &'a Chain,
	/// The block every read names (`0x…`).
	pub at: String,
	/// Its number.
	pub number: u64,
	/// Every version read, as `moduleRegistry_versions` answers it, by package.
	views: RefCell<HashMap<String, Rc<Views>>>,
	/// Version documents read ahead ([`ChainSource::prefetch`]), by package and version.
	documents: RefCell<HashMap<(String, Version), Vec<u8>>>,
}

/// How many reads [`ChainSource::prefetch`] keeps in flight.
const PREFETCH_CONCURRENCY: usize = 16;

/// Most packages [`ChainSource::prefetch`] reads ahead; the resolver reads the rest itself.
const PREFETCH_PACKAGES: usize = 5_000;

/// One package's versions as the node listed them, and where each version is in the list.
struct Views {
	list: Vec<Json>,
	by_version: HashMap<Version, usize>,
}

impl<'a> ChainSource<'a> {
	/// The chain at its finalized head.
	pub async fn finalized(chain: &'a Chain) -> Result<ChainSource<'a>, Failure> {
		let head = chain.rpc("chain_getFinalizedHead", rpc_params![]).await?;
		let at = head
			.as_str()
			.ok_or_else(|| Failure(exit::UNREACHABLE, "chain_getFinalizedHead: no hash".into()))?
			.to_owned();
		let header = chain.rpc("chain_getHeader", rpc_params![&at]).await?;
		let number = header["number"]
			.as_str()
			.and_then(|n| u64::from_str_radix(n.trim_start_matches("0x"), 16).ok())
			.unwrap_or_default();
		Ok(ChainSource {
			chain,
			at,
			number,
			views: RefCell::default(),
			documents: RefCell::default(),
		})
	}

	/// Read ahead, many reads at a time, what the resolver will most likely ask for: from the
	/// requested packages down, each package's versions and the document of its newest
	/// version that is neither yanked nor a pre-release, and the packages that document names.
	/// The resolver itself reads one thing at a time, each a round trip; a graph of 500
	/// packages took 22 s that way. Failures here are left for the resolver to meet and report.
	pub async fn prefetch(&self, roots: &[Dependency]) {
		use futures::stream::{self, StreamExt};
		let mut seen: HashSet<String> = HashSet::new();
		let mut frontier: Vec<PackageName> = roots
			.iter()
			.map(|d| d.package.clone())
			.filter(|p| seen.insert(p.to_string()))
			.collect();
		while !frontier.is_empty() && seen.len() <= PREFETCH_PACKAGES {
			let lists: Vec<(PackageName, Option<Vec<Json>>)> = stream::iter(frontier.drain(..))
				.map(|package| async move {
					let name = package.to_string();
					let list = self
						.chain
						.all_pages("moduleRegistry_versions", &[&name], "version", Some(&self.at))
						.await
						.ok();
					(package, list)
				})
				.buffer_unordered(PREFETCH_CONCURRENCY)
				.collect()
				.await;
			let mut wanted = Vec::new();
			for (package, list) in lists {
				let Some(views) = list.and_then(|l| self.store_views(&package, l).ok()) else {
					continue;
				};
				let newest = views
					.by_version
					.iter()
					.filter(|(v, &i)| v.pre.is_empty() && views.list[i]["yanked"] != true)
					.max_by(|a, b| a.0.cmp(b.0));
				if let Some((version, &i)) = newest {
					let key = views.list[i]["entryKey"].as_str().unwrap_or_default().to_owned();
					wanted.push((package, version.clone(), key));
				}
			}
			let documents: Vec<(PackageName, Version, Option<Json>)> = stream::iter(wanted)
				.map(|(package, version, key)| async move {
					let doc = self
						.chain
						.rpc("moduleRegistry_getModule", rpc_params![&key, &self.at])
						.await
						.ok();
					(package, version, doc)
				})
				.buffer_unordered(PREFETCH_CONCURRENCY)
				.collect()
				.await;
			for (package, version, doc) in documents {
				let Some(bytes) = doc
					.as_ref()
					.and_then(|d| d.as_str())
					.and_then(|h| hex::decode(h.trim_start_matches("0x")).ok())
				else {
					continue;
				};
				let name = package.to_string();
				if let Ok(needs) = document_dependencies(&name, &version, &bytes) {
					for d in needs.modules {
						if seen.insert(d.package.to_string()) {
							frontier.push(d.package);
						}
					}
				}
				self.documents.borrow_mut().insert((name, version), bytes);
			}
		}
	}

	/// Keep a package's versions as the node listed them, checked.
	fn store_views(&self, package: &PackageName, list: Vec<Json>) -> Result<Rc<Views>, String> {
		let name = package.to_string();
		let mut by_version = HashMap::with_capacity(list.len());
		for (i, view) in list.iter().enumerate() {
			let text = view["version"].as_str().unwrap_or_default();
			let version = Version::parse(text)
				.map_err(|_| format!("the node lists {name} version {text:?}, not SemVer"))?;
			if view["name"].as_str() != Some(name.as_str()) {
				return Err(format!("the node answered for {} when asked for {name}", view["name"]));
			}
			by_version.insert(version, i);
		}
		let found = Rc::new(Views { list, by_version });
		self.views.borrow_mut().insert(name, found.clone());
		Ok(found)
	}

	fn block_on<T>(&self, f: impl std::future::Future<Output = T>) -> T {
		tokio::runtime::Handle::current().block_on(f)
	}

	/// The chain's record of `version` of `package`, as read while resolving.
	pub fn view(&self, package: &str, version: &Version) -> Option<Json> {
		let views = self.views.borrow().get(package)?.clone();
		views.by_version.get(version).map(|&i| views.list[i].clone())
	}

	fn views_of(&self, package: &PackageName) -> Result<Rc<Views>, String> {
		let name = package.to_string();
		if let Some(found) = self.views.borrow().get(&name) {
			return Ok(found.clone());
		}
		let list = self
			.block_on(self.chain.all_pages(
				"moduleRegistry_versions",
				&[&name],
				"version",
				Some(&self.at),
			))
			.map_err(|e| format!("reading the versions of {name}: {e}"))?;
		self.store_views(package, list)
	}
}

impl Source for ChainSource<'_> {
	fn versions(&self, package: &PackageName) -> Result<Vec<Candidate>, String> {
		let views = self.views_of(package)?;
		Ok(views
			.by_version
			.iter()
			.map(|(version, &i)| Candidate {
				version: version.clone(),
				yanked: views.list[i]["yanked"] == true,
			})
			.collect())
	}

	fn dependencies(
		&self,
		package: &PackageName,
		version: &Version,
	) -> Result<Result<registry::Dependencies, String>, String> {
		self.views_of(package)?;
		let name = package.to_string();
		if let Some(bytes) = self.documents.borrow().get(&(name.clone(), version.clone())) {
			return Ok(document_dependencies(&name, version, bytes));
		}
		let view = self.view(&name, version).ok_or_else(|| format!("{name}@{version} is gone"))?;
		let key = view["entryKey"].as_str().unwrap_or_default().to_owned();
		let doc = self
			.block_on(self.chain.rpc("moduleRegistry_getModule", rpc_params![&key, &self.at]))
			.map_err(|e| format!("reading {name}@{version}: {e}"))?;
		// Every version has its document: a node that answers none is not believed to mean "no
		// dependencies".
		let bytes = doc
			.as_str()
			.and_then(|h| hex::decode(h.trim_start_matches("0x")).ok())
			.ok_or_else(|| format!("the node has no document for {name}@{version}"))?;
		Ok(document_dependencies(&name, version, &bytes))
	}
}

/// The dependencies in a version document's bytes, read as the chain reads them: the
/// `metadata` member is handed as written to [`registry::parse_metadata`] (a JSON value the
/// chain accepted, such as `1e400` elsewhere in the metadata, does not stop a client that would
/// build a tree of it). A document without readable metadata rules the version out.
pub fn document_dependencies(
	name: &str,
	version: &Version,
	bytes: &[u8],
) -> Result<registry::Dependencies, String> {
	#[derive(serde::Deserialize)]
	struct Document<'a> {
		#[serde(borrow)]
		metadata: Option<&'a serde_json::value::RawValue>,
	}
	let document: Document = serde_json::from_slice(bytes)
		.map_err(|e| format!("the document of {name}@{version} is unreadable ({e})"))?;
	let metadata = document
		.metadata
		.ok_or_else(|| format!("the document of {name}@{version} has no metadata"))?;
	parse_dependencies(name, version, metadata.get().as_bytes())
}

fn parse_dependencies(
	name: &str,
	version: &Version,
	metadata: &[u8],
) -> Result<registry::Dependencies, String> {
	registry::parse_metadata(metadata, registry::MAX_DEPENDENCIES).map(|m| m.dependencies).map_err(
		|e| match e {
			registry::MetadataError::Dependencies(e) =>
				format!("{name}@{version} declares unreadable dependencies: {e}"),
			other => format!("{name}@{version} has unreadable metadata ({other:?})"),
		},
	)
}

/// Run `f`, which reads a [`ChainSource`], off the runtime's worker threads: one hand-over for
/// the whole resolution (a `block_in_place` per read cost about 15 ms each, most of a
/// 500-package graph's time).
pub fn off_runtime<T>(f: impl FnOnce() -> T) -> T {
	tokio::task::block_in_place(f)
}

/// `metadata` as `sync` stored it (`null` when the document could not be read, which rules the
/// version out rather than reading as "needs nothing").
pub fn dependencies_of(
	name: &str,
	version: &Version,
	metadata: &Json,
) -> Result<registry::Dependencies, String> {
	if metadata.is_null() {
		return Err(format!("the metadata of {name}@{version} was unreadable when synced"));
	}
	let bytes = serde_json::to_vec(metadata).unwrap_or_default();
	parse_dependencies(name, version, &bytes)
}

/// Where each node of the graph goes under `--to`: `ns/name`, and `ns/name@LINE` for every line
/// of a package but its highest.
pub fn layout(resolution: &Resolution) -> BTreeMap<(String, Version), String> {
	let mut out = BTreeMap::new();
	let mut by_package: BTreeMap<&str, Vec<&Version>> = BTreeMap::new();
	for (package, version) in resolution.nodes.keys() {
		by_package.entry(package).or_default().push(version);
	}
	for (package, versions) in by_package {
		// The highest line by its versions (1.x above 0.3.x), not by the enum's order.
		let highest = versions.iter().map(|v| Line::of(v)).max_by_key(|l| l.token());
		for version in versions {
			let line = Line::of(version);
			let path = if Some(line) == highest {
				package.to_string()
			} else {
				format!("{package}@{line}")
			};
			out.insert((package.to_string(), version.clone()), path);
		}
	}
	out
}

/// The lockfile of a resolved graph: each node's record as the chain gave it while resolving.
pub fn lockfile(
	source: &dyn Snapshot,
	resolution: &Resolution,
	requests: &[Dependency],
) -> Result<Lockfile, Failure> {
	let paths = layout(resolution);
	let mut packages = Vec::new();
	for ((name, version), edges) in &resolution.nodes {
		let view = source.view(name, version).ok_or_else(|| {
			Failure(exit::OTHER, format!("{name}@{version} was resolved but not read"))
		})?;
		let mut entry = install::locked_from_rpc(&view)?;
		entry.path = paths[&(name.clone(), version.clone())].clone();
		entry.dependencies = edges
			.iter()
			.map(|e| LockEdge {
				name: e.package.clone(),
				range: e.range.clone(),
				version: e.version.to_string(),
			})
			.collect();
		packages.push(entry);
	}
	packages.sort_by(|a, b| {
		let v = |p: &Locked| Version::parse(&p.version).ok();
		a.name.cmp(&b.name).then_with(|| v(a).cmp(&v(b)))
	});
	let (at, number) = source.block();
	Ok(Lockfile {
		lockfile_version: install::LOCKFILE_VERSION,
		block: Some(at),
		block_number: Some(number),
		requests: requests
			.iter()
			.map(|r| LockRequest { name: r.package.to_string(), range: r.range_text.clone() })
			.collect(),
		packages,
	})
}

/// `modreg outdated`: each locked package with a newer version — `wanted`, the highest
/// non-yanked version of its compatible line that every range on it (the edges into it and a
/// request naming it) admits, and `latest`, the highest non-yanked release — as JSON rows
/// `{name, current, wanted, latest, path}` (`wanted`/`latest` `null` when not newer).
pub fn outdated(source: &dyn Snapshot, lock: &Lockfile) -> Result<Vec<Json>, Failure> {
	let mut rows = Vec::new();
	for p in &lock.packages {
		let Ok(current) = Version::parse(&p.version) else { continue };
		let package = PackageName::parse(&p.name)
			.map_err(|e| Failure(exit::VERIFICATION, format!("{}: {e}", p.name)))?;
		let mut ranges: Vec<registry::Range> = Vec::new();
		for parent in &lock.packages {
			for edge in &parent.dependencies {
				if edge.name == p.name && edge.version == p.version {
					ranges.extend(registry::Range::parse(&edge.range).ok());
				}
			}
		}
		for request in &lock.requests {
			if root_of(lock, request).is_some_and(|root| label(root) == label(p)) {
				ranges.extend(registry::Range::parse(&request.range).ok());
			}
		}
		let candidates =
			source.as_source().versions(&package).map_err(|e| Failure(exit::UNREACHABLE, e))?;
		let live = candidates.iter().filter(|c| !c.yanked).map(|c| &c.version);
		let line = Line::of(&current);
		let wanted = live
			.clone()
			.filter(|v| Line::of(v) == line && ranges.iter().all(|r| r.matches(v)))
			.max()
			.filter(|v| **v > current);
		let latest = live.filter(|v| v.pre.is_empty()).max().filter(|v| **v > current);
		if wanted.is_some() || latest.is_some() {
			rows.push(serde_json::json!({
				"name": p.name, "current": p.version, "path": p.path,
				"wanted": wanted.map(|v| v.to_string()), "latest": latest.map(|v| v.to_string()),
			}));
		}
	}
	Ok(rows)
}

/// Deepest level `tree` and `why` descend to: a lockfile is an input, and a chain of edges as
/// long as it likes must not exhaust the stack.
pub const MAX_DEPTH: usize = 256;

/// Most paths `why` prints: the number of paths through a graph can grow exponentially.
pub const MAX_PATHS: usize = 100;

/// `modreg tree`: the lockfile's graph from its requests down, as `cargo tree` prints it: a
/// package shown before (anywhere) is shown again as `name@version (*)` without its
/// dependencies, so the output is linear in the graph's size. With `invert`, the packages that
/// depend on `invert`, up to the requests.
pub fn tree(lock: &Lockfile, invert: Option<&str>, depth: usize) -> Result<Vec<String>, Failure> {
	let depth = depth.min(MAX_DEPTH);
	let mut lines = Vec::new();
	let mut shown = HashSet::new();
	match invert {
		None =>
			for request in &lock.requests {
				let Some(root) = root_of(lock, request) else {
					lines.push(format!(
						"{}@{} (not in {})",
						request.name,
						request.range,
						install::LOCKFILE
					));
					continue;
				};
				down(lock, root, 0, depth, &mut shown, &mut lines);
			},
		Some(target) => {
			let target = PackageName::parse(target)
				.map_err(|e| Failure(exit::USAGE, format!("bad package {target:?}: {e}")))?
				.to_string();
			let found: Vec<&Locked> = lock.packages.iter().filter(|p| p.name == target).collect();
			if found.is_empty() {
				return Err(Failure(
					exit::NOT_FOUND,
					format!("{target} is not in {}", install::LOCKFILE),
				));
			}
			for p in found {
				up(lock, p, None, 0, depth, &mut shown, &mut lines);
			}
		},
	}
	Ok(lines)
}

/// The node a request resolved to: the highest locked version of the package its range admits.
fn root_of<'a>(lock: &'a Lockfile, request: &LockRequest) -> Option<&'a Locked> {
	let range = registry::Range::parse(&request.range).ok()?;
	lock.packages
		.iter()
		.filter(|p| p.name == request.name)
		.filter(|p| Version::parse(&p.version).is_ok_and(|v| range.matches(&v)))
		.max_by_key(|p| Version::parse(&p.version).ok())
}

fn label(p: &Locked) -> String {
	format!("{}@{}", p.name, p.version)
}

fn down(
	lock: &Lockfile,
	p: &Locked,
	level: usize,
	depth: usize,
	shown: &mut HashSet<String>,
	out: &mut Vec<String>,
) {
	let indent = "    ".repeat(level);
	let me = label(p);
	if !shown.insert(me.clone()) {
		out.push(format!("{indent}{me} (*)"));
		return;
	}
	out.push(format!("{indent}{me}"));
	if level >= depth {
		return;
	}
	for edge in &p.dependencies {
		match lock.get(&edge.name, &edge.version) {
			Some(child) => down(lock, child, level + 1, depth, shown, out),
			None => out.push(format!("{indent}    {}@{} (missing)", edge.name, edge.version)),
		}
	}
}

fn up(
	lock: &Lockfile,
	p: &Locked,
	via: Option<&str>,
	level: usize,
	depth: usize,
	shown: &mut HashSet<String>,
	out: &mut Vec<String>,
) {
	let indent = "    ".repeat(level);
	let me = label(p);
	let needs = via.map(|range| format!(" needs {range}")).unwrap_or_default();
	if !shown.insert(me.clone()) {
		out.push(format!("{indent}{me} (*){needs}"));
		return;
	}
	let requested: Vec<String> = lock
		.requests
		.iter()
		.filter(|r| root_of(lock, r).is_some_and(|root| label(root) == me))
		.map(|r| format!("{}@{}", r.name, r.range))
		.collect();
	let note = if requested.is_empty() {
		String::new()
	} else {
		format!(" (requested as {})", requested.join(", "))
	};
	out.push(format!("{indent}{me}{needs}{note}"));
	if level >= depth {
		return;
	}
	for parent in &lock.packages {
		for edge in &parent.dependencies {
			if edge.name == p.name && edge.version == p.version {
				let range = format!("{}@{}", edge.name, edge.range);
				up(lock, parent, Some(&range), level + 1, depth, shown, out);
			}
		}
	}
}

/// `modreg why ns/name`: paths from a request down to the package (at most [`MAX_PATHS`]).
pub fn why(lock: &Lockfile, target: &str) -> Result<Vec<String>, Failure> {
	let target = PackageName::parse(target)
		.map_err(|e| Failure(exit::USAGE, format!("bad package {target:?}: {e}")))?
		.to_string();
	// The nodes from which the target can be reached: the walk descends only into them, so
	// every step it takes leads to a path, and the work is bounded by the paths printed.
	let mut parents: HashMap<String, Vec<String>> = HashMap::new();
	for p in &lock.packages {
		for e in &p.dependencies {
			parents.entry(format!("{}@{}", e.name, e.version)).or_default().push(label(p));
		}
	}
	let mut reach: HashSet<String> =
		lock.packages.iter().filter(|p| p.name == target).map(label).collect();
	let mut queue: Vec<String> = reach.iter().cloned().collect();
	while let Some(node) = queue.pop() {
		for parent in parents.get(&node).into_iter().flatten() {
			if reach.insert(parent.clone()) {
				queue.push(parent.clone());
			}
		}
	}
	let mut paths = Vec::new();
	for request in &lock.requests {
		if let Some(root) = root_of(lock, request).filter(|r| reach.contains(&label(r))) {
			let mut trail =
				vec![format!("{}@{} (requested {})", root.name, root.version, request.range)];
			let mut on_path = HashSet::from([label(root)]);
			walk(lock, root, &target, &reach, &mut trail, &mut on_path, &mut paths);
		}
	}
	if paths.is_empty() {
		return Err(Failure(
			exit::NOT_FOUND,
			format!("nothing in {} needs {target}", install::LOCKFILE),
		));
	}
	Ok(paths)
}

#[allow(clippy::too_many_arguments)]
fn walk(
	lock: &Lockfile,
	p: &Locked,
	target: &str,
	reach: &HashSet<String>,
	trail: &mut Vec<String>,
	on_path: &mut HashSet<String>,
	out: &mut Vec<String>,
) {
	if out.len() >= MAX_PATHS {
		return;
	}
	if p.name == target {
		out.push(trail.join(" -> "));
		if out.len() == MAX_PATHS {
			out.push(format!("… (only the first {MAX_PATHS} paths are shown)"));
		}
		return;
	}
	if trail.len() >= MAX_DEPTH {
		return;
	}
	for edge in &p.dependencies {
		let Some(child) = lock.get(&edge.name, &edge.version) else { continue };
		if !reach.contains(&label(child)) || !on_path.insert(label(child)) {
			continue;
		}
		trail.push(format!("{}@{} (needs {})", edge.name, edge.version, edge.range));
		walk(lock, child, target, reach, trail, on_path, out);
		trail.pop();
		on_path.remove(&label(child));
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	fn node(name: &str, version: &str, needs: &[(&str, &str)]) -> Locked {
		Locked {
			name: name.into(),
			range: None,
			version: version.into(),
			cid: String::new(),
			checksum: String::new(),
			size: 0,
			block: 0,
			publisher: None,
			path: name.into(),
			dependencies: needs
				.iter()
				.map(|(n, v)| LockEdge {
					name: (*n).into(),
					range: "^1".into(),
					version: (*v).into(),
				})
				.collect(),
		}
	}

	/// A ladder: every package of a level needs both of the next. The paths number 2^levels;
	/// `tree` prints each package once, `why` stops at its cap, and nothing recurses deeper than
	/// its bound (a lockfile is an input).
	#[test]
	fn tree_and_why_stay_linear_and_bounded_on_hostile_graphs() {
		let levels = 40;
		let name = |level: usize, side: usize| format!("l/p{level}x{side}");
		let mut packages = Vec::new();
		for level in 0..levels {
			for side in 0..2 {
				let next: Vec<(String, &str)> = if level + 1 < levels {
					vec![(name(level + 1, 0), "1.0.0"), (name(level + 1, 1), "1.0.0")]
				} else {
					Vec::new()
				};
				let next: Vec<(&str, &str)> = next.iter().map(|(n, v)| (n.as_str(), *v)).collect();
				packages.push(node(&name(level, side), "1.0.0", &next));
			}
		}
		let lock = Lockfile {
			lockfile_version: install::LOCKFILE_VERSION,
			requests: vec![LockRequest { name: name(0, 0), range: "^1".into() }],
			packages,
			..Lockfile::default()
		};
		let lines = tree(&lock, None, usize::MAX).unwrap();
		assert!(lines.len() < 4 * levels, "{} lines", lines.len());
		assert_eq!(lines[0], "l/p0x0@1.0.0");
		assert!(lines.iter().any(|l| l.ends_with("(*)")));
		let inverted = tree(&lock, Some(&name(levels - 1, 1)), usize::MAX).unwrap();
		assert!(inverted.len() < 4 * levels, "{} lines", inverted.len());
		let paths = why(&lock, &name(levels - 1, 0)).unwrap();
		assert_eq!(paths.len(), MAX_PATHS + 1);
		// A target nothing reaches is found absent without walking the 2^40 paths.
		assert_eq!(why(&lock, "l/absent").unwrap_err().0, exit::NOT_FOUND);
		assert!(paths[MAX_PATHS].contains("only the first"));

		// A chain far deeper than the bound: no stack overflow, output cut at the bound.
		let chain: Vec<Locked> = (0..5_000)
			.map(|i| {
				let next = format!("c/p{}", i + 1);
				node(&format!("c/p{i}"), "1.0.0", &[(next.as_str(), "1.0.0")])
			})
			.collect();
		let lock = Lockfile {
			lockfile_version: install::LOCKFILE_VERSION,
			requests: vec![LockRequest { name: "c/p0".into(), range: "^1".into() }],
			packages: chain,
			..Lockfile::default()
		};
		assert_eq!(tree(&lock, None, usize::MAX).unwrap().len(), MAX_DEPTH + 1);
		assert!(why(&lock, "c/p4999").is_err());
		assert_eq!(
			why(&lock, "c/p3").unwrap(),
			["c/p0@1.0.0 (requested ^1) -> c/p1@1.0.0 (needs ^1) -> c/p2@1.0.0 (needs ^1) -> \
			 c/p3@1.0.0 (needs ^1)"]
		);
	}
}

#[cfg(test)]
mod layout_tests {
	use super::*;
	use modreg::graph::Edge;

	#[test]
	fn the_highest_line_gets_the_plain_path() {
		let mut r = Resolution::default();
		for v in ["0.3.1", "1.2.0", "0.0.4"] {
			r.nodes.insert(("a/x".into(), Version::parse(v).unwrap()), Vec::<Edge>::new());
		}
		let paths = layout(&r);
		let at = |v: &str| paths[&("a/x".to_string(), Version::parse(v).unwrap())].clone();
		assert_eq!(at("1.2.0"), "a/x");
		assert_eq!(at("0.3.1"), "a/x@0.3");
		assert_eq!(at("0.0.4"), "a/x@0.0.4");
	}

	#[test]
	fn documents_are_read_as_the_chain_reads_them() {
		let v = Version::new(1, 0, 0);
		// A number no f64 holds elsewhere in the metadata: the chain accepted it, so do we.
		let doc = br#"{"cid":"x","metadata":{"pad":1e400,"dependencies":{"modules":["a/b@^1"]}}}"#;
		let needs = document_dependencies("a/x", &v, doc).unwrap();
		assert_eq!(needs.modules[0].to_string(), "a/b@^1");
		// Unreadable documents rule the version out, with the reason.
		assert!(document_dependencies("a/x", &v, b"{\"cid\":1}")
			.unwrap_err()
			.contains("no metadata"));
		assert!(document_dependencies("a/x", &v, b"not json").unwrap_err().contains("unreadable"));
		assert!(dependencies_of("a/x", &v, &Json::Null).is_err());
	}
}
