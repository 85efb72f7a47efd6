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
	collections::{BTreeMap, HashMap},
};
use subxt::rpcs::client::rpc_params;

/// The chain at one block. The solver is synchronous; each read blocks this worker thread on
/// the node's answer (`block_in_place`, so the runtime's other tasks go on).
pub struct ChainSource<'a> {
	chain: &'a Chain,
	/// The block every read names (`0x…`).
	pub at: String,
	/// Its number.
	pub number: u64,
	/// Every version read, as `moduleRegistry_versions` answers it, by package.
	views: RefCell<HashMap<String, Vec<Json>>>,
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
		Ok(ChainSource { chain, at, number, views: RefCell::default() })
	}

	fn block_on<T>(&self, f: impl std::future::Future<Output = T>) -> T {
		tokio::task::block_in_place(|| tokio::runtime::Handle::current().block_on(f))
	}

	/// The chain's record of `version` of `package`, as read while resolving.
	pub fn view(&self, package: &str, version: &Version) -> Option<Json> {
		self.views
			.borrow()
			.get(package)?
			.iter()
			.find(|v| {
				v["version"].as_str().and_then(|t| Version::parse(t).ok()).as_ref() == Some(version)
			})
			.cloned()
	}

	fn views_of(&self, package: &PackageName) -> Result<Vec<Json>, String> {
		let name = package.to_string();
		if let Some(found) = self.views.borrow().get(&name) {
			return Ok(found.clone());
		}
		let found = self
			.block_on(self.chain.all_pages(
				"moduleRegistry_versions",
				&[&name],
				"version",
				Some(&self.at),
			))
			.map_err(|e| format!("reading the versions of {name}: {e}"))?;
		self.views.borrow_mut().insert(name, found.clone());
		Ok(found)
	}
}

impl Source for ChainSource<'_> {
	fn versions(&self, package: &PackageName) -> Result<Vec<Candidate>, String> {
		let mut out = Vec::new();
		for view in self.views_of(package)? {
			let text = view["version"].as_str().unwrap_or_default();
			let version = Version::parse(text)
				.map_err(|_| format!("the node lists {package} version {text:?}, not SemVer"))?;
			out.push(Candidate { version, yanked: view["yanked"] == true });
		}
		Ok(out)
	}

	fn dependencies(
		&self,
		package: &PackageName,
		version: &Version,
	) -> Result<Vec<Dependency>, String> {
		self.views_of(package)?;
		let name = package.to_string();
		let view = self.view(&name, version).ok_or_else(|| format!("{name}@{version} is gone"))?;
		let key = view["entryKey"].as_str().unwrap_or_default().to_owned();
		let doc = self
			.block_on(self.chain.rpc("moduleRegistry_getModule", rpc_params![&key, &self.at]))
			.map_err(|e| format!("reading {name}@{version}: {e}"))?;
		dependencies_of(&name, version, &modreg::metadata::document_metadata(&doc))
	}
}

/// The dependencies a version's metadata declares, checked by the chain's own rule.
pub fn dependencies_of(
	name: &str,
	version: &Version,
	metadata: &Json,
) -> Result<Vec<Dependency>, String> {
	if metadata.is_null() {
		return Ok(Vec::new());
	}
	let bytes = serde_json::to_vec(metadata).unwrap_or_default();
	registry::parse_metadata(&bytes, registry::MAX_DEPENDENCIES)
		.map(|m| m.dependencies.modules)
		.map_err(|e| match e {
			registry::MetadataError::Dependencies(e) =>
				format!("{name}@{version} (published before dependencies were checked): {e}"),
			other => format!("{name}@{version}: unreadable metadata ({other:?})"),
		})
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
		let highest = versions.iter().map(|v| Line::of(v)).max();
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
	source: &ChainSource,
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
	Ok(Lockfile {
		lockfile_version: install::LOCKFILE_VERSION,
		block: Some(source.at.clone()),
		block_number: Some(source.number),
		requests: requests
			.iter()
			.map(|r| LockRequest { name: r.package.to_string(), range: r.range_text.clone() })
			.collect(),
		packages,
	})
}

/// `modreg tree`: the lockfile's graph from its requests down, as `cargo tree` prints it.
/// With `invert`, the packages that depend on `invert`, up to the requests.
pub fn tree(lock: &Lockfile, invert: Option<&str>, depth: usize) -> Result<Vec<String>, Failure> {
	let mut lines = Vec::new();
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
				let mut seen = Vec::new();
				down(lock, root, "", depth, &mut seen, &mut lines);
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
				let mut seen = Vec::new();
				up(lock, p, "", depth, &mut seen, &mut lines);
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
	indent: &str,
	depth: usize,
	seen: &mut Vec<String>,
	out: &mut Vec<String>,
) {
	let me = label(p);
	if seen.contains(&me) {
		out.push(format!("{indent}{me} (*)"));
		return;
	}
	out.push(format!("{indent}{me}"));
	if seen.len() >= depth {
		return;
	}
	seen.push(me);
	for edge in &p.dependencies {
		match lock.get(&edge.name, &edge.version) {
			Some(child) => down(lock, child, &format!("{indent}    "), depth, seen, out),
			None => out.push(format!("{indent}    {}@{} (missing)", edge.name, edge.version)),
		}
	}
	seen.pop();
}

fn up(
	lock: &Lockfile,
	p: &Locked,
	indent: &str,
	depth: usize,
	seen: &mut Vec<String>,
	out: &mut Vec<String>,
) {
	let me = label(p);
	let requested = lock
		.requests
		.iter()
		.filter(|r| root_of(lock, r).is_some_and(|root| label(root) == me))
		.map(|r| format!("{}@{}", r.name, r.range))
		.collect::<Vec<_>>();
	let note = if requested.is_empty() {
		String::new()
	} else {
		format!(" (requested as {})", requested.join(", "))
	};
	if seen.contains(&me) {
		out.push(format!("{indent}{me} (*)"));
		return;
	}
	out.push(format!("{indent}{me}{note}"));
	if seen.len() >= depth {
		return;
	}
	seen.push(me.clone());
	for parent in &lock.packages {
		for edge in &parent.dependencies {
			if edge.name == p.name && edge.version == p.version {
				let line = format!("{indent}    ");
				let before = out.len();
				up(lock, parent, &line, depth, seen, out);
				if let Some(first) = out.get_mut(before) {
					*first = format!("{first} needs {}@{}", edge.name, edge.range);
				}
			}
		}
	}
	seen.pop();
}

/// `modreg why ns/name`: every path from a request down to the package.
pub fn why(lock: &Lockfile, target: &str) -> Result<Vec<String>, Failure> {
	let target = PackageName::parse(target)
		.map_err(|e| Failure(exit::USAGE, format!("bad package {target:?}: {e}")))?
		.to_string();
	let mut paths = Vec::new();
	for request in &lock.requests {
		if let Some(root) = root_of(lock, request) {
			let mut trail =
				vec![format!("{}@{} (requested {})", root.name, root.version, request.range)];
			walk(lock, root, &target, &mut trail, &mut paths);
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

fn walk(lock: &Lockfile, p: &Locked, target: &str, trail: &mut Vec<String>, out: &mut Vec<String>) {
	if p.name == target {
		out.push(trail.join(" -> "));
		return;
	}
	for edge in &p.dependencies {
		let step = format!("{}@{} (needs {})", edge.name, edge.version, edge.range);
		if trail.iter().any(|t| t.starts_with(&format!("{}@{} ", edge.name, edge.version))) {
			continue;
		}
		if let Some(child) = lock.get(&edge.name, &edge.version) {
			trail.push(step);
			walk(lock, child, target, trail, out);
			trail.pop();
		}
	}
}
