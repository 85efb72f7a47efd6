//! The registry's naming and version rules, shared by the runtime and every client: names in
//! namespaces, SemVer 2.0 versions (through the `semver` crate, which builds without std), the
//! range syntax of the registry protocol, and the one resolution rule.
//!
//! - **Names** ([`validate_name`]): namespaces and package names alike are `[a-z][a-z0-9-]*`,
//!   1–[`MAX_NAME_LEN`] characters. A package is written `ns/name`; `@ns/name` is accepted too
//!   ([`PackageName::parse`]).
//! - **Versions** ([`parse_version`]): SemVer 2.0, pre-release and build metadata allowed.
//!   Versions that differ only in build metadata are the same version ([`same_version`]).
//! - **Ranges** ([`Range::parse`]): `2.2.0` (exactly that version), `=2.2.0`, `^2.2`, `~2.2.0`,
//!   `>=2.0.0`, `<3`, conjunctions separated by commas or spaces (`>=1.2, <2` or `>=1.2 <2`),
//!   and `*` or `latest`. A bare version means *exactly* that version here, unlike Cargo's
//!   default caret.
//! - **Resolution** ([`resolve`]): the highest version that matches and is not yanked.
//!   Pre-releases match only when the range names a pre-release of the same
//!   `MAJOR.MINOR.PATCH` (the `semver` crate's rule); `*` and `latest` never pick one. An exact
//!   range still resolves a yanked version (crates.io semantics): the caller flags it.
//! - **Dependencies** ([`parse_metadata`], [`Dependencies`]): what a version needs, declared in
//!   its metadata as `{"dependencies": {"runtime_min": "0.5.0", "modules": ["ns/name@range"]}}`
//!   and checked at publish; clients read a version's graph edges back with the same function.

use crate::types::ModuleType;
use alloc::{string::String, vec::Vec};
use core::fmt;

pub use semver::Version;

/// Longest namespace or package name.
pub const MAX_NAME_LEN: usize = 64;

/// Longest range text: eight comparators of versions as long as the chain stores, and then
/// some. Longer text is refused before it is split, so a query's cost is bounded before parsing.
pub const MAX_RANGE_LEN: usize = 1024;

/// Why a name was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameError {
	/// The name is empty.
	Empty,
	/// The name is longer than [`MAX_NAME_LEN`].
	TooLong,
	/// The first character is not a lowercase ASCII letter.
	BadStart,
	/// A character other than `a-z`, `0-9` or `-`.
	BadChar,
	/// A package is `ns/name` (or `@ns/name`): the `/` is missing, or there are two.
	NotQualified,
}

impl fmt::Display for NameError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		f.write_str(match self {
			NameError::Empty => "a name cannot be empty",
			NameError::TooLong => "a name is at most 64 characters",
			NameError::BadStart => "a name starts with a lowercase letter",
			NameError::BadChar => "a name holds only a-z, 0-9 and '-'",
			NameError::NotQualified => "a package is written ns/name (or @ns/name)",
		})
	}
}

/// Check a namespace or package name: `[a-z][a-z0-9-]*`, 1–64 characters.
pub fn validate_name(name: &str) -> Result<(), NameError> {
	let bytes = name.as_bytes();
	match bytes.first() {
		None => return Err(NameError::Empty),
		Some(b) if !b.is_ascii_lowercase() => return Err(NameError::BadStart),
		Some(_) => {},
	}
	if bytes.len() > MAX_NAME_LEN {
		return Err(NameError::TooLong);
	}
	if !bytes.iter().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-') {
		return Err(NameError::BadChar);
	}
	Ok(())
}

/// Whether `name` starts with one of `prefixes` (such as `cognitive-`, `cm-`, `core-`).
pub fn has_reserved_prefix<P: AsRef<str>>(name: &str, prefixes: &[P]) -> bool {
	prefixes.iter().any(|p| name.starts_with(p.as_ref()))
}

/// Whether a namespace is kept for the registry admin, who alone assigns it:
/// - one of `reserved` (`official`), or one of them followed by `-` (`official-tools`);
/// - a package-name prefix of `prefixes` without its trailing `-` (`core` for `core-`), or a
///   name that starts with one (`core-ai`).
///
/// `corex` or `cmx` are free: only the whole word is kept.
pub fn is_reserved_namespace<R: AsRef<str>, P: AsRef<str>>(
	name: &str,
	reserved: &[R],
	prefixes: &[P],
) -> bool {
	let word = |stem: &str| {
		name == stem || name.strip_prefix(stem).is_some_and(|rest| rest.starts_with('-'))
	};
	reserved.iter().any(|r| word(r.as_ref())) ||
		prefixes.iter().any(|p| word(p.as_ref().trim_end_matches('-')))
}

/// A package name: namespace and name, both valid names.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct PackageName {
	/// The namespace (`alice` in `alice/utils`).
	pub namespace: String,
	/// The name within it (`utils`).
	pub name: String,
}

impl PackageName {
	/// Parse `ns/name` or `@ns/name`.
	pub fn parse(text: &str) -> Result<PackageName, NameError> {
		let text = text.strip_prefix('@').unwrap_or(text);
		let (namespace, name) = text.split_once('/').ok_or(NameError::NotQualified)?;
		if name.contains('/') {
			return Err(NameError::NotQualified);
		}
		validate_name(namespace)?;
		validate_name(name)?;
		Ok(PackageName { namespace: namespace.into(), name: name.into() })
	}
}

impl fmt::Display for PackageName {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		write!(f, "{}/{}", self.namespace, self.name)
	}
}

/// Why a version or a range was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VersionError {
	/// Not a SemVer 2.0 version.
	BadVersion,
	/// Not a range of the registry protocol.
	BadRange,
}

/// Parse a SemVer 2.0 version (pre-release and build metadata allowed).
pub fn parse_version(text: &str) -> Result<Version, VersionError> {
	Version::parse(text).map_err(|_| VersionError::BadVersion)
}

/// Whether `a` and `b` are the same version: equal but for build metadata.
pub fn same_version(a: &Version, b: &Version) -> bool {
	a.cmp_precedence(b).is_eq()
}

/// A version range of the registry protocol.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Range {
	/// `*` or `latest`: the highest version that is neither yanked nor a pre-release.
	Latest,
	/// Comparators that must all hold.
	Req(semver::VersionReq),
}

impl Range {
	/// Parse a range (see the module docs for the syntax).
	pub fn parse(text: &str) -> Result<Range, VersionError> {
		if text.len() > MAX_RANGE_LEN {
			return Err(VersionError::BadRange);
		}
		let text = text.trim();
		if text == "*" || text == "latest" {
			return Ok(Range::Latest);
		}
		// Split on commas and spaces, then glue an operator written apart from its version
		// (`>= 1.2`) back onto it.
		let mut parts: Vec<String> = Vec::new();
		let mut pending_op: Option<&str> = None;
		for token in text.split(|c: char| c == ',' || c.is_whitespace()).filter(|t| !t.is_empty()) {
			if matches!(token, "=" | ">" | ">=" | "<" | "<=" | "~" | "^") {
				if pending_op.replace(token).is_some() {
					return Err(VersionError::BadRange);
				}
				continue;
			}
			let mut part = String::from(pending_op.take().unwrap_or(""));
			// A bare version is exact: `2.2.0` means `=2.2.0`.
			if part.is_empty() && token.starts_with(|c: char| c.is_ascii_digit()) {
				part.push('=');
			}
			part.push_str(token);
			parts.push(part);
		}
		if pending_op.is_some() || parts.is_empty() {
			return Err(VersionError::BadRange);
		}
		let joined = parts.join(", ");
		semver::VersionReq::parse(&joined).map(Range::Req).map_err(|_| VersionError::BadRange)
	}

	/// Whether `version` satisfies the range (yanks aside).
	pub fn matches(&self, version: &Version) -> bool {
		match self {
			Range::Latest => version.pre.is_empty(),
			Range::Req(req) => req.matches(version),
		}
	}

	/// Whether the range names exactly one version (`=1.2.3`, or `1.2.3`, with every part),
	/// so that a yanked version still resolves.
	pub fn is_exact(&self) -> bool {
		match self {
			Range::Latest => false,
			Range::Req(req) => match req.comparators.as_slice() {
				[c] => c.op == semver::Op::Exact && c.minor.is_some() && c.patch.is_some(),
				_ => false,
			},
		}
	}
}

/// Pick the version a range resolves to among `candidates` (version, yanked): the highest that
/// matches and is not yanked; for an exact range, the matching version even if it is yanked.
/// Returns the index of the chosen candidate.
pub fn resolve<'a, I>(range: &Range, candidates: I) -> Option<usize>
where
	I: IntoIterator<Item = (&'a Version, bool)>,
{
	let exact = range.is_exact();
	let mut best: Option<(usize, &'a Version)> = None;
	for (i, (version, yanked)) in candidates.into_iter().enumerate() {
		if (yanked && !exact) || !range.matches(version) {
			continue;
		}
		if best.is_none_or(|(_, b)| version.cmp_precedence(b).is_gt()) {
			best = Some((i, version));
		}
	}
	best.map(|(i, _)| i)
}

/// Split `ns/name@range` (or `@ns/name@range`) into the name and the range text, without
/// checking either; `None` when there is no range.
pub fn split_reference(text: &str) -> (&str, Option<&str>) {
	let text = text.trim_start_matches('@');
	match text.split_once('@') {
		Some((name, range)) => (name, Some(range)),
		None => (text, None),
	}
}

/// A dependency or successor reference: `ns/name@range` (the range defaults to `latest`).
pub fn parse_reference(text: &str) -> Result<(PackageName, Range), ReferenceError> {
	let (name, range) = split_reference(text);
	let range = match range {
		Some(range) => Range::parse(range).map_err(ReferenceError::Range)?,
		None => Range::Latest,
	};
	Ok((PackageName::parse(name).map_err(ReferenceError::Name)?, range))
}

/// Why a `ns/name@range` reference was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReferenceError {
	/// The package name.
	Name(NameError),
	/// The range.
	Range(VersionError),
}

/// A content checksum as the protocol writes it: `sha256:<64 lowercase hex>`.
pub fn checksum_text(digest: &[u8; 32]) -> String {
	const HEX: &[u8; 16] = b"0123456789abcdef";
	let mut out = String::with_capacity(7 + 64);
	out.push_str("sha256:");
	for b in digest {
		out.push(HEX[(b >> 4) as usize] as char);
		out.push(HEX[(b & 15) as usize] as char);
	}
	out
}

/// Why a version's metadata was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MetadataError {
	/// Not JSON (or not UTF-8).
	InvalidJson,
	/// JSON whose top level is not an object.
	NotObject,
	/// The `type` field is not one of docker, native, python, wasm, other.
	UnknownType,
	/// The `dependencies` field ([`parse_metadata`]).
	Dependencies(DependencyError),
}

/// The fields of version metadata the chain reads; every other field is accepted unread.
#[derive(serde::Deserialize)]
struct MetadataFields {
	#[serde(default, rename = "type")]
	/// Its text when it is a string; any other JSON value is read through without building a
	/// tree (an allocation per node for up to 16 KiB of metadata).
	module_type: Option<Loose>,
	/// Read without building a tree and without keeping more than [`MAX_DEPENDENCIES`] + 1
	/// references, whatever the metadata holds; checked by [`dependencies_from`].
	#[serde(default)]
	dependencies: Option<DependenciesField>,
}

/// Any JSON value, kept only when it is a string or `null` (nested items are read through with
/// `IgnoredAny`).
enum Loose {
	Str(String),
	Null,
	Other,
}

impl<'de> serde::Deserialize<'de> for Loose {
	fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
		use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
		struct V;
		impl<'de> Visitor<'de> for V {
			type Value = Loose;
			fn expecting(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
				f.write_str("any JSON value")
			}
			fn visit_str<E>(self, text: &str) -> Result<Loose, E> {
				Ok(Loose::Str(text.into()))
			}
			fn visit_unit<E>(self) -> Result<Loose, E> {
				Ok(Loose::Null)
			}
			fn visit_bool<E>(self, _: bool) -> Result<Loose, E> {
				Ok(Loose::Other)
			}
			fn visit_i64<E>(self, _: i64) -> Result<Loose, E> {
				Ok(Loose::Other)
			}
			fn visit_u64<E>(self, _: u64) -> Result<Loose, E> {
				Ok(Loose::Other)
			}
			fn visit_f64<E>(self, _: f64) -> Result<Loose, E> {
				Ok(Loose::Other)
			}
			fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
				while seq.next_element::<IgnoredAny>()?.is_some() {}
				Ok(Loose::Other)
			}
			fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
				while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
				Ok(Loose::Other)
			}
		}
		deserializer.deserialize_any(V)
	}
}

/// `dependencies.modules` as read: its strings, at most [`MAX_DEPENDENCIES`] + 1 of them (the
/// rest are read through, counted, never kept); `None` when it is not a list of strings.
struct ModulesField(Option<(Vec<String>, usize)>);

impl<'de> serde::Deserialize<'de> for ModulesField {
	fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
		use serde::de::{IgnoredAny, SeqAccess, Visitor};
		struct V;
		impl<'de> Visitor<'de> for V {
			type Value = ModulesField;
			fn expecting(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
				f.write_str("a list of references")
			}
			fn visit_unit<E>(self) -> Result<ModulesField, E> {
				Ok(ModulesField(Some((Vec::new(), 0))))
			}
			fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ModulesField, A::Error> {
				let (mut kept, mut count, mut strings) = (Vec::new(), 0usize, true);
				loop {
					if kept.len() > MAX_DEPENDENCIES {
						if seq.next_element::<IgnoredAny>()?.is_none() {
							break;
						}
					} else {
						match seq.next_element::<Loose>()? {
							None => break,
							Some(Loose::Str(text)) => kept.push(text),
							Some(_) => strings = false,
						}
					}
					count += 1;
				}
				Ok(ModulesField(strings.then_some((kept, count))))
			}
			fn visit_map<A: serde::de::MapAccess<'de>>(
				self,
				mut map: A,
			) -> Result<ModulesField, A::Error> {
				while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
				Ok(ModulesField(None))
			}
			fn visit_str<E>(self, _: &str) -> Result<ModulesField, E> {
				Ok(ModulesField(None))
			}
			fn visit_bool<E>(self, _: bool) -> Result<ModulesField, E> {
				Ok(ModulesField(None))
			}
			fn visit_i64<E>(self, _: i64) -> Result<ModulesField, E> {
				Ok(ModulesField(None))
			}
			fn visit_u64<E>(self, _: u64) -> Result<ModulesField, E> {
				Ok(ModulesField(None))
			}
			fn visit_f64<E>(self, _: f64) -> Result<ModulesField, E> {
				Ok(ModulesField(None))
			}
		}
		deserializer.deserialize_any(V)
	}
}

/// The `dependencies` field as read (see [`Dependencies`] for what it must be).
struct DependenciesField {
	/// Only `runtime_min` and `modules`, each at most once, and the field an object.
	shape_ok: bool,
	runtime_min: Option<Loose>,
	modules: Option<ModulesField>,
}

impl<'de> serde::Deserialize<'de> for DependenciesField {
	fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
		use serde::de::{IgnoredAny, MapAccess, SeqAccess, Visitor};
		struct V;
		const BAD: DependenciesField =
			DependenciesField { shape_ok: false, runtime_min: None, modules: None };
		impl<'de> Visitor<'de> for V {
			type Value = DependenciesField;
			fn expecting(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
				f.write_str("the dependencies object")
			}
			fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
				let mut out =
					DependenciesField { shape_ok: true, runtime_min: None, modules: None };
				while let Some(key) = map.next_key::<Loose>()? {
					match key {
						Loose::Str(k) if k == "runtime_min" && out.runtime_min.is_none() =>
							out.runtime_min = Some(map.next_value::<Loose>()?),
						Loose::Str(k) if k == "modules" && out.modules.is_none() =>
							out.modules = Some(map.next_value::<ModulesField>()?),
						_ => {
							out.shape_ok = false;
							map.next_value::<IgnoredAny>()?;
						},
					}
				}
				Ok(out)
			}
			fn visit_unit<E>(self) -> Result<Self::Value, E> {
				Ok(DependenciesField { shape_ok: true, runtime_min: None, modules: None })
			}
			fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
				while seq.next_element::<IgnoredAny>()?.is_some() {}
				Ok(BAD)
			}
			fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
				Ok(BAD)
			}
			fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
				Ok(BAD)
			}
			fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
				Ok(BAD)
			}
			fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
				Ok(BAD)
			}
			fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
				Ok(BAD)
			}
		}
		deserializer.deserialize_any(V)
	}
}

/// Check a version's metadata (a JSON object) and read its module type: the `type` field
/// (`docker`, `native`, `python`, `wasm` or `other`), [`ModuleType::Other`] when absent.
///
/// The `dependencies` field is not checked here; [`parse_metadata`] checks both.
pub fn metadata_module_type(metadata: &[u8]) -> Result<ModuleType, MetadataError> {
	module_type_of(&metadata_fields(metadata)?)
}

fn metadata_fields(metadata: &[u8]) -> Result<MetadataFields, MetadataError> {
	let text = core::str::from_utf8(metadata).map_err(|_| MetadataError::InvalidJson)?;
	if !text.trim_start().starts_with('{') {
		return Err(match serde_json::from_str::<serde::de::IgnoredAny>(text) {
			Ok(_) => MetadataError::NotObject,
			Err(_) => MetadataError::InvalidJson,
		});
	}
	serde_json::from_str(text).map_err(|_| MetadataError::InvalidJson)
}

fn module_type_of(fields: &MetadataFields) -> Result<ModuleType, MetadataError> {
	match &fields.module_type {
		None => Ok(ModuleType::Other),
		Some(Loose::Str(name)) => ModuleType::from_name(name).ok_or(MetadataError::UnknownType),
		Some(Loose::Null | Loose::Other) => Err(MetadataError::UnknownType),
	}
}

/// Most module dependencies one version may declare (the runtime's `MaxDependencies` may be
/// lower; never higher, since clients size their reads by it).
pub const MAX_DEPENDENCIES: usize = 128;

/// What a version needs, from the `dependencies` field of its metadata (the registry protocol's
/// entry schema):
///
/// ```json
/// {"dependencies": {"runtime_min": "0.5.0", "modules": ["acme/log@^1.2", "acme/fmt"]}}
/// ```
///
/// Both members are optional, and so is the field (no dependencies). `modules` lists
/// references `ns/name@range` ([`parse_reference`]; without `@range` it is `latest`), each
/// package at most once. No other member is allowed, so that a misspelt `module` is an error
/// rather than a version that silently needs nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dependencies {
	/// The lowest runtime version the module runs on.
	pub runtime_min: Option<Version>,
	/// The modules it needs, in the order written.
	pub modules: Vec<Dependency>,
}

/// One module dependency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dependency {
	/// The package.
	pub package: PackageName,
	/// The range it must satisfy.
	pub range: Range,
	/// The range as written (`latest` when the reference had none).
	pub range_text: String,
}

impl fmt::Display for Dependency {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		write!(f, "{}@{}", self.package, self.range_text)
	}
}

/// Why a version's `dependencies` were refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DependencyError {
	/// `dependencies` is not an object of `runtime_min` (a string) and `modules` (an array of
	/// strings), or has another member.
	Shape,
	/// `runtime_min` is not a SemVer version.
	RuntimeMin,
	/// `modules[index]` is not a reference `ns/name@range`.
	Reference {
		/// Its position in `modules`.
		index: usize,
		/// What is wrong with it.
		error: ReferenceError,
	},
	/// `modules[index]` names a package named before.
	Duplicate {
		/// Its position in `modules`.
		index: usize,
	},
	/// More modules than allowed.
	TooMany,
}

impl fmt::Display for DependencyError {
	fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
		match self {
			DependencyError::Shape => f.write_str(
				"dependencies must be an object with runtime_min (a version) and modules (an \
				 array of \"ns/name@range\" strings), nothing else",
			),
			DependencyError::RuntimeMin =>
				f.write_str("dependencies.runtime_min is not a SemVer version"),
			DependencyError::Reference { index, error: ReferenceError::Name(e) } =>
				write!(f, "dependencies.modules[{index}]: {e}"),
			DependencyError::Reference { index, error: ReferenceError::Range(_) } =>
				write!(f, "dependencies.modules[{index}]: not a range of the registry protocol"),
			DependencyError::Duplicate { index } =>
				write!(f, "dependencies.modules[{index}] names a package listed before"),
			DependencyError::TooMany => write!(f, "more than the allowed number of dependencies"),
		}
	}
}

/// A version's metadata as the chain checks it: its module type and its dependencies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Metadata {
	/// The `type` field ([`metadata_module_type`]).
	pub module_type: ModuleType,
	/// The `dependencies` field ([`Dependencies`]).
	pub dependencies: Dependencies,
}

/// Check a version's metadata whole: a JSON object, its `type`, and its `dependencies` (at most
/// `max_dependencies` modules, never more than [`MAX_DEPENDENCIES`]). This is the check
/// `publish_version` makes; clients make it before they submit and when they read a version's
/// dependencies back.
pub fn parse_metadata(metadata: &[u8], max_dependencies: usize) -> Result<Metadata, MetadataError> {
	let fields = metadata_fields(metadata)?;
	let module_type = module_type_of(&fields)?;
	let dependencies = match &fields.dependencies {
		None => Dependencies::default(),
		Some(field) => dependencies_from(field, max_dependencies.min(MAX_DEPENDENCIES))
			.map_err(MetadataError::Dependencies)?,
	};
	Ok(Metadata { module_type, dependencies })
}

fn dependencies_from(
	field: &DependenciesField,
	max: usize,
) -> Result<Dependencies, DependencyError> {
	if !field.shape_ok {
		return Err(DependencyError::Shape);
	}
	let runtime_min = match &field.runtime_min {
		None | Some(Loose::Null) => None,
		Some(Loose::Str(text)) =>
			Some(parse_version(text).map_err(|_| DependencyError::RuntimeMin)?),
		Some(Loose::Other) => return Err(DependencyError::Shape),
	};
	let (listed, count) = match &field.modules {
		None => (&[][..], 0),
		Some(ModulesField(Some((kept, count)))) => (&kept[..], *count),
		Some(ModulesField(None)) => return Err(DependencyError::Shape),
	};
	// Count before parsing: the cost of what follows is bounded by `max`.
	if count > max {
		return Err(DependencyError::TooMany);
	}
	let mut modules: Vec<Dependency> = Vec::with_capacity(listed.len());
	for (index, text) in listed.iter().enumerate() {
		// References are printable ASCII: a newline (or U+2028) in a range would let a
		// publisher forge lines in the output of the tools that print dependencies.
		if !text.bytes().all(|b| (0x20..=0x7e).contains(&b)) {
			return Err(DependencyError::Reference {
				index,
				error: ReferenceError::Range(VersionError::BadRange),
			});
		}
		let (package, range) =
			parse_reference(text).map_err(|error| DependencyError::Reference { index, error })?;
		if modules.iter().any(|m| m.package == package) {
			return Err(DependencyError::Duplicate { index });
		}
		let range_text = split_reference(text).1.unwrap_or("latest").trim().into();
		modules.push(Dependency { package, range, range_text });
	}
	Ok(Dependencies { runtime_min, modules })
}

/// The first byte of every version entry's key. New plain keys starting with it are refused
/// (`Error::ReservedKey`); it is never valid UTF-8, so no text key is affected.
pub const VERSION_KEY_PREFIX: u8 = 0xFF;

/// The key of the entry holding version `identity` (its text without build metadata) of
/// `package` (`ns/name`): `0xFF ‖ blake2_256("ns/name@identity")`, 33 bytes. Clients that prove
/// a version's document (attestations) compute the same key.
pub fn version_entry_key(package: &str, identity: &str) -> [u8; 33] {
	let mut key = [0u8; 33];
	key[0] = VERSION_KEY_PREFIX;
	key[1..].copy_from_slice(&sp_crypto_hashing::blake2_256(
		alloc::format!("{package}@{identity}").as_bytes(),
	));
	key
}

/// A version's identity: its text without build metadata, which is how the chain keys it (so
/// `1.0.0+a` and `1.0.0+b` are one version).
pub fn version_identity(version: &Version) -> String {
	use alloc::string::ToString;
	let mut v = version.clone();
	v.build = semver::BuildMetadata::EMPTY;
	v.to_string()
}

#[cfg(test)]
mod tests {
	use super::*;
	use alloc::{format, string::ToString};

	fn deps(json: &str) -> Result<Dependencies, MetadataError> {
		parse_metadata(json.as_bytes(), 3).map(|m| m.dependencies)
	}

	#[test]
	fn dependencies_are_read_and_checked() {
		assert_eq!(deps("{}"), Ok(Dependencies::default()));
		assert_eq!(deps(r#"{"dependencies": {}}"#), Ok(Dependencies::default()));
		assert_eq!(deps(r#"{"dependencies": {"modules": null}}"#), Ok(Dependencies::default()));
		let d = deps(
			r#"{"type": "wasm", "dependencies": {"runtime_min": "0.5.0",
			    "modules": ["acme/log@^1.2", "@acme/fmt", "acme/cli@ >=1, <3 "]}}"#,
		)
		.unwrap();
		assert_eq!(d.runtime_min, Some(v("0.5.0")));
		let written: Vec<String> = d.modules.iter().map(|m| m.to_string()).collect();
		assert_eq!(written, ["acme/log@^1.2", "acme/fmt@latest", "acme/cli@>=1, <3"]);
		assert_eq!(d.modules[0].range, Range::parse("^1.2").unwrap());
		assert_eq!(d.modules[1].range, Range::Latest);

		let shape = Err(MetadataError::Dependencies(DependencyError::Shape));
		for bad in [
			r#"{"dependencies": []}"#,
			r#"{"dependencies": "acme/log"}"#,
			r#"{"dependencies": {"module": ["acme/log"]}}"#,
			r#"{"dependencies": {"modules": "acme/log"}}"#,
			r#"{"dependencies": {"modules": [1]}}"#,
			r#"{"dependencies": {"runtime_min": 5}}"#,
		] {
			assert_eq!(deps(bad), shape, "{bad}");
		}
		let err = |e| Err(MetadataError::Dependencies(e));
		assert_eq!(
			deps(r#"{"dependencies": {"runtime_min": "five"}}"#),
			err(DependencyError::RuntimeMin)
		);
		assert_eq!(
			deps(r#"{"dependencies": {"modules": ["acme/log", "Acme/x"]}}"#),
			err(DependencyError::Reference {
				index: 1,
				error: ReferenceError::Name(NameError::BadStart)
			})
		);
		assert_eq!(
			deps(r#"{"dependencies": {"modules": ["acme/log@^^1"]}}"#),
			err(DependencyError::Reference {
				index: 0,
				error: ReferenceError::Range(VersionError::BadRange)
			})
		);
		assert_eq!(
			deps(r#"{"dependencies": {"modules": ["acme/log@1", "@acme/log@2"]}}"#),
			err(DependencyError::Duplicate { index: 1 })
		);
		assert_eq!(
			deps(r#"{"dependencies": {"modules": ["a/a", "a/b", "a/c", "a/d"]}}"#),
			err(DependencyError::TooMany)
		);
		// The count is checked before any reference is parsed, and the crate-wide cap holds
		// whatever the caller asks for.
		let many: Vec<String> = (0..=MAX_DEPENDENCIES).map(|i| format!("\"a/p{i}\"")).collect();
		let json = format!(r#"{{"dependencies": {{"modules": [{}]}}}}"#, many.join(","));
		assert_eq!(
			parse_metadata(json.as_bytes(), usize::MAX).map(|_| ()),
			Err(MetadataError::Dependencies(DependencyError::TooMany))
		);
		// A key twice, a list of thousands (counted, not kept), a newline in a range.
		assert_eq!(deps(r#"{"dependencies": {"modules": [], "modules": []}}"#), shape);
		let json = format!(r#"{{"dependencies": {{"modules": [{}"a/a"]}}}}"#, "1,".repeat(5000));
		assert_eq!(deps(&json), shape);
		let json =
			format!(r#"{{"dependencies": {{"modules": [{}]}}}}"#, ["\"a/a\""; 5000].join(","));
		assert_eq!(deps(&json), err(DependencyError::TooMany));
		assert_eq!(
			deps(r#"{"dependencies": {"modules": ["acme/log@^1\u2028acme/evil 6.6.6"]}}"#),
			err(DependencyError::Reference {
				index: 0,
				error: ReferenceError::Range(VersionError::BadRange)
			})
		);
		// The type is still checked, and the old entry point ignores dependencies.
		assert_eq!(
			deps(r#"{"type": "rust", "dependencies": {}}"#),
			Err(MetadataError::UnknownType)
		);
		assert_eq!(
			metadata_module_type(br#"{"dependencies": 7}"#),
			Ok(crate::types::ModuleType::Other)
		);
	}

	fn v(s: &str) -> Version {
		Version::parse(s).unwrap()
	}

	#[test]
	fn names() {
		for ok in ["a", "alice", "utils-2", "a-b-c", &"x".repeat(64)] {
			assert_eq!(validate_name(ok), Ok(()), "{ok}");
		}
		assert_eq!(validate_name(""), Err(NameError::Empty));
		assert_eq!(validate_name(&"x".repeat(65)), Err(NameError::TooLong));
		for bad in ["1abc", "-a", "Alice", "_a"] {
			assert_eq!(validate_name(bad), Err(NameError::BadStart), "{bad}");
		}
		for bad in ["a_b", "aB", "a.b", "a b", "ü"] {
			assert!(validate_name(bad).is_err(), "{bad}");
		}
		assert!(has_reserved_prefix("core-utils", &["cognitive-", "cm-", "core-"]));
		assert!(!has_reserved_prefix("corely", &["cognitive-", "cm-", "core-"]));
	}

	#[test]
	fn metadata_types() {
		assert_eq!(metadata_module_type(b"{}"), Ok(ModuleType::Other));
		assert_eq!(metadata_module_type(br#" {"type":"wasm","x":[1]}"#), Ok(ModuleType::Wasm));
		assert_eq!(metadata_module_type(br#"{"type":"docker"}"#), Ok(ModuleType::Docker));
		assert_eq!(metadata_module_type(br#"{"type":"Docker"}"#), Err(MetadataError::UnknownType));
		assert_eq!(metadata_module_type(br#"{"type":3}"#), Err(MetadataError::UnknownType));
		assert_eq!(metadata_module_type(b"[1]"), Err(MetadataError::NotObject));
		assert_eq!(metadata_module_type(b"\"x\""), Err(MetadataError::NotObject));
		assert_eq!(metadata_module_type(b"{"), Err(MetadataError::InvalidJson));
		assert_eq!(metadata_module_type(b"nope"), Err(MetadataError::InvalidJson));
		assert_eq!(metadata_module_type(b"\xff"), Err(MetadataError::InvalidJson));
		let twice = br#"{"type":"wasm","type":"docker"}"#;
		assert_eq!(metadata_module_type(twice), Err(MetadataError::InvalidJson));
		// A non-string type of any shape is read through, not built.
		assert_eq!(metadata_module_type(br#"{"type":null}"#), Ok(ModuleType::Other));
		for other in [r#"{"type":[1,[2,{"a":"b"}]]}"#, r#"{"type":{"k":1}}"#, r#"{"type":true}"#] {
			assert_eq!(metadata_module_type(other.as_bytes()), Err(MetadataError::UnknownType));
		}
		let wide = format!(r#"{{"type":[{}0]}}"#, "[0],".repeat(3_000));
		assert_eq!(metadata_module_type(wide.as_bytes()), Err(MetadataError::UnknownType));
		// Deep nesting is read through too (it was `InvalidJson` past serde_json's tree depth
		// limit of 128; refused either way).
		let deep = format!(r#"{{"type":{}{}}}"#, "[".repeat(5_000), "]".repeat(5_000));
		assert_eq!(metadata_module_type(deep.as_bytes()), Err(MetadataError::UnknownType));
		assert_eq!(metadata_module_type(br#"{"type":[1,]}"#), Err(MetadataError::InvalidJson));
	}

	#[test]
	fn version_identity_drops_build_metadata() {
		assert_eq!(version_identity(&v("1.2.3+build.5")), "1.2.3");
		assert_eq!(version_identity(&v("1.2.3-rc.1+x")), "1.2.3-rc.1");
		assert_eq!(version_identity(&v("1.2.3")), "1.2.3");
	}

	#[test]
	fn reserved_namespaces() {
		let reserved = ["official", "verified"];
		let prefixes = ["cognitive-", "cm-", "core-"];
		for kept in [
			"official",
			"official-x",
			"verified-tools",
			"cm",
			"cm-x",
			"core",
			"core-ai",
			"cognitive",
			"cognitive-x",
		] {
			assert!(is_reserved_namespace(kept, &reserved, &prefixes), "{kept}");
		}
		for free in ["officials", "corex", "cmx", "alice", "cognitiveai", "xcore"] {
			assert!(!is_reserved_namespace(free, &reserved, &prefixes), "{free}");
		}
	}

	#[test]
	fn package_names() {
		let p = PackageName::parse("@alice/utils").unwrap();
		assert_eq!((p.namespace.as_str(), p.name.as_str()), ("alice", "utils"));
		assert_eq!(PackageName::parse("alice/utils").unwrap(), p);
		assert_eq!(p.to_string(), "alice/utils");
		assert_eq!(PackageName::parse("utils"), Err(NameError::NotQualified));
		assert_eq!(PackageName::parse("a/b/c"), Err(NameError::NotQualified));
		assert_eq!(PackageName::parse("Alice/utils"), Err(NameError::BadStart));
		assert_eq!(PackageName::parse("alice/"), Err(NameError::Empty));
	}

	#[test]
	fn versions_and_build_metadata() {
		assert!(parse_version("2.3.0-beta.1+build.5").is_ok());
		for bad in ["1.2", "v1.2.3", "01.2.3", "1.2.3-", ""] {
			assert_eq!(parse_version(bad), Err(VersionError::BadVersion), "{bad}");
		}
		assert!(same_version(&v("1.2.3+a"), &v("1.2.3+b")));
		assert!(same_version(&v("1.2.3"), &v("1.2.3+b")));
		assert!(!same_version(&v("1.2.3-rc.1"), &v("1.2.3")));
	}

	#[test]
	fn the_protocol_ranges() {
		let all = ["1.0.0", "2.1.0", "2.2.0", "2.2.5", "2.9.0", "3.0.0-beta.1", "3.0.0"].map(v);
		let pick = |range: &str| {
			let r = Range::parse(range).unwrap();
			resolve(&r, all.iter().map(|x| (x, false))).map(|i| all[i].to_string())
		};
		assert_eq!(pick("2.2.0").as_deref(), Some("2.2.0"));
		assert_eq!(pick("=2.2.0").as_deref(), Some("2.2.0"));
		assert_eq!(pick("^2.2.0").as_deref(), Some("2.9.0"));
		assert_eq!(pick("~2.2.0").as_deref(), Some("2.2.5"));
		assert_eq!(pick(">=2.0.0").as_deref(), Some("3.0.0"));
		assert_eq!(pick(">= 2.0.0, <3").as_deref(), Some("2.9.0"));
		assert_eq!(pick(">=2.0.0 <2.2.0").as_deref(), Some("2.1.0"));
		assert_eq!(pick("<2").as_deref(), Some("1.0.0"));
		assert_eq!(pick("*").as_deref(), Some("3.0.0"));
		assert_eq!(pick("latest").as_deref(), Some("3.0.0"));
		// Pre-releases only when the range names one of the same MAJOR.MINOR.PATCH.
		assert_eq!(pick("^3.0.0-beta.0").as_deref(), Some("3.0.0"));
		assert_eq!(pick("=3.0.0-beta.1").as_deref(), Some("3.0.0-beta.1"));
		assert_eq!(pick("4.0.0"), None);
		for bad in ["", ">=", "^x", "2.2.0 >=", "1.2.3.4", ">= >= 1.0.0"] {
			assert_eq!(Range::parse(bad), Err(VersionError::BadRange), "{bad:?}");
		}
	}

	#[test]
	fn yanked_versions_are_skipped_unless_asked_for_exactly() {
		let all = [v("1.0.0"), v("1.1.0"), v("1.2.0")];
		let yanked = [false, false, true];
		let pick = |range: &str| {
			resolve(&Range::parse(range).unwrap(), all.iter().zip(yanked.iter().copied()))
		};
		assert_eq!(pick("^1"), Some(1));
		assert_eq!(pick("latest"), Some(1));
		assert_eq!(pick("1.2.0"), Some(2));
		assert_eq!(pick("=1.2"), None, "a partial exact range is a range, not a pin");
		assert!(Range::parse("1.2.0").unwrap().is_exact());
		assert!(!Range::parse("=1.2").unwrap().is_exact());
	}

	#[test]
	fn references_and_checksums() {
		let (name, range) = parse_reference("@alice/utils@^1.2").unwrap();
		assert_eq!(name.to_string(), "alice/utils");
		assert!(range.matches(&v("1.9.0")) && !range.matches(&v("2.0.0")));
		assert_eq!(parse_reference("alice/utils").unwrap().1, Range::Latest);
		assert!(matches!(parse_reference("alice@1.0.0"), Err(ReferenceError::Name(_))));
		assert!(matches!(parse_reference("alice/utils@nope"), Err(ReferenceError::Range(_))));
		assert_eq!(checksum_text(&[0xab; 32]), format!("sha256:{}", "ab".repeat(32)));
		// A range's length is bounded before it is split.
		let long = format!(">=1.0.0{}", ", >=1.0.0".repeat(MAX_RANGE_LEN / 9 + 1));
		assert!(long.len() > MAX_RANGE_LEN);
		assert_eq!(Range::parse(&long), Err(VersionError::BadRange));
		let padded = format!("{:<width$}", ">=1.0.0", width = MAX_RANGE_LEN);
		assert!(Range::parse(&padded).is_ok());
		assert_eq!(Range::parse(&format!("{padded} ")), Err(VersionError::BadRange));
	}

	mod property {
		use super::*;
		use proptest::prelude::*;

		const OPS: [&str; 7] = ["=", ">", ">=", "<", "<=", "~", "^"];
		const PRE: [&str; 3] = ["alpha.1", "beta.2", "rc.1"];

		fn version() -> impl Strategy<Value = Version> {
			(0u64..3, 0u64..4, 0u64..4, prop::option::weighted(0.25, 0usize..3)).prop_map(
				|(a, b, c, pre)| {
					let mut text = format!("{a}.{b}.{c}");
					if let Some(p) = pre {
						text.push('-');
						text.push_str(PRE[p]);
					}
					Version::parse(&text).unwrap()
				},
			)
		}

		/// One comparator: (operator index, version, write `=` as a bare version).
		fn comparator() -> impl Strategy<Value = (usize, Version, bool)> {
			(0usize..OPS.len(), version(), any::<bool>())
		}

		proptest! {
			/// Resolution agrees with the `semver` crate's own `VersionReq::matches`, given the
			/// range in Cargo's syntax built independently of our parser, plus the yank rule.
			#[test]
			fn resolution_matches_the_semver_crate(
				versions in prop::collection::btree_set(version(), 0..12),
				yanks in prop::collection::vec(any::<bool>(), 12),
				comparators in prop::collection::vec(comparator(), 1..3),
				comma in any::<bool>(),
			) {
				let versions: Vec<Version> = versions.into_iter().collect();
				let ours_text: Vec<String> = comparators
					.iter()
					.map(|(op, v, bare)| if OPS[*op] == "=" && *bare { v.to_string() } else { format!("{}{v}", OPS[*op]) })
					.collect();
				let ours_text = ours_text.join(if comma { ", " } else { " " });
				let cargo_text: Vec<String> =
					comparators.iter().map(|(op, v, _)| format!("{}{v}", OPS[*op])).collect();
				let req = semver::VersionReq::parse(&cargo_text.join(", ")).unwrap();
				let exact = comparators.len() == 1 && OPS[comparators[0].0] == "=";

				let range = Range::parse(&ours_text).unwrap();
				let got = resolve(&range, versions.iter().zip(yanks.iter().copied()));

				let mut expected: Option<usize> = None;
				for (i, v) in versions.iter().enumerate() {
					if (yanks[i] && !exact) || !req.matches(v) {
						continue;
					}
					if expected.is_none_or(|e| v.cmp_precedence(&versions[e]).is_gt()) {
						expected = Some(i);
					}
				}
				prop_assert_eq!(got, expected, "range {:?} over {:?}", ours_text, versions);
			}
		}
	}
}
