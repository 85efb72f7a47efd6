//! The registry protocol's shapes (`registry-protocol-spec` §2 entry, §3 index), rebuilt from
//! what the indexer stored. Nothing here reads the chain or the database: the callers pass the
//! rows and the block times in, so the shapes are unit-tested on their own.

use crate::db::{PackageListing, StoredVersion, Touch};
use module_registry_primitives::registry;
use serde_json::{json, Value as Json};
use std::{cmp::Ordering, collections::HashMap};

/// The `$schema` of an entry.
pub const ENTRY_SCHEMA: &str = "https://cognitive-modules.dev/schema/registry-entry-v1.json";
/// The `$schema` of the index.
pub const INDEX_SCHEMA: &str = "https://cognitive-modules.dev/schema/registry-v2.json";

/// RFC 3339 (UTC, milliseconds) of `ms` since the epoch, or `null`.
pub fn rfc3339(ms: Option<i64>) -> Json {
	let Some(ms) = ms.filter(|ms| *ms > 0) else { return Json::Null };
	let Ok(t) = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ms) * 1_000_000) else {
		return Json::Null;
	};
	t.format(&time::format_description::well_known::Rfc3339).map(Json::String).unwrap_or(Json::Null)
}

/// Versions newest first by SemVer precedence (unparsable ones last, by text).
pub fn sort_newest_first(versions: &mut [StoredVersion]) {
	versions.sort_by(|a, b| {
		let (va, vb) = (version_text(a), version_text(b));
		match (registry::parse_version(va), registry::parse_version(vb)) {
			(Ok(x), Ok(y)) => y.cmp_precedence(&x).then_with(|| vb.cmp(va)),
			(Ok(_), Err(_)) => Ordering::Less,
			(Err(_), Ok(_)) => Ordering::Greater,
			(Err(_), Err(_)) => va.cmp(vb),
		}
	});
}

/// The version text of a stored version.
pub fn version_text(v: &StoredVersion) -> &str {
	v.json["version"].as_str().unwrap_or_default()
}

/// Why [`resolve`] found nothing.
#[derive(Debug, PartialEq)]
pub enum ResolveError {
	/// The range does not parse.
	BadRange(String),
	/// No version matches.
	NoMatch,
}

/// The version `range` selects among `versions`, by the chain's own rule
/// (`module_registry_primitives::registry::resolve`: highest match, yanked ones only when pinned
/// exactly, pre-releases only when named).
pub fn resolve<'a>(
	versions: &'a [StoredVersion],
	range: &str,
) -> Result<&'a StoredVersion, ResolveError> {
	let range =
		registry::Range::parse(range).map_err(|e| ResolveError::BadRange(format!("{e:?}")))?;
	let parsed: Vec<(registry::Version, bool, usize)> = versions
		.iter()
		.enumerate()
		.filter_map(|(i, v)| {
			let version = registry::parse_version(version_text(v)).ok()?;
			Some((version, v.json["yanked"] == true, i))
		})
		.collect();
	let best = registry::resolve(&range, parsed.iter().map(|(v, y, _)| (v, *y)))
		.ok_or(ResolveError::NoMatch)?;
	Ok(&versions[parsed[best].2])
}

/// What an entry needs besides the package and version rows.
pub struct Context<'a> {
	/// The gateway's public base URL (`http://host:port`), for download links.
	pub public_url: &'a str,
	/// Whether the package's namespace is verified.
	pub verified_namespace: bool,
	/// Block number → time (ms since the epoch), for the blocks the entry mentions.
	pub block_times: &'a HashMap<i64, i64>,
}

fn audit(touch: &Touch, publisher: &Json) -> Json {
	json!({
		"publisher": publisher,
		"block": touch.block,
		"extrinsic": touch.extrinsic,
		"extrinsicHash": touch.extrinsic_hash,
	})
}

/// The protocol entry of `version` of `package`.
pub fn protocol_entry(package: &PackageListing, version: &StoredVersion, cx: &Context) -> Json {
	let name = package.json["name"].as_str().unwrap_or_default();
	let (namespace, short) = name.split_once('/').unwrap_or(("", name));
	let v = &version.json;
	let mut metadata = match &version.metadata {
		Json::Object(o) => Json::Object(o.clone()),
		_ => json!({}),
	};
	// The metadata as published, plus the package facts the chain holds.
	if let Json::Object(m) = &mut metadata {
		m.entry("description").or_insert_with(|| json!(package.description));
		m.insert("module_type".into(), package.json["moduleType"].clone());
	}
	let deprecated =
		if v["deprecated"].is_null() { &package.json["deprecated"] } else { &v["deprecated"] };
	let time_of = |block: Option<i64>| rfc3339(block.and_then(|b| cx.block_times.get(&b).copied()));
	let cid = v["cid"].as_str().unwrap_or_default();
	json!({
		"$schema": ENTRY_SCHEMA,
		"identity": {
			"name": short,
			"namespace": namespace,
			"version": v["version"],
			"spec_version": version.metadata.get("spec_version").cloned().unwrap_or(Json::Null),
		},
		"metadata": metadata,
		"quality": {
			"verified": cx.verified_namespace,
			"verified_namespace": cx.verified_namespace,
			"pin_status": v["pinStatus"],
			"yanked": v["yanked"],
			"deprecated": !deprecated.is_null(),
			"successor": deprecated.get("successor").cloned().unwrap_or(Json::Null),
			"deprecation_reason": deprecated.get("reason").cloned().unwrap_or(Json::Null),
			"status": package.json["status"],
		},
		"dependencies": version.metadata.get("dependencies").cloned()
			.unwrap_or_else(|| json!({"runtime_min": null, "modules": []})),
		"distribution": {
			"cid": cid,
			"checksum": v["checksum"],
			"size_bytes": v["size"],
			"tarball": format!("{}/v1/content/{cid}", cx.public_url),
		},
		"timestamps": {
			"created_at": time_of(package.json["created"].as_i64()),
			"updated_at": time_of(Some(package.touch.block)),
			"published_at": time_of(v["publishedAt"].as_i64()),
			"deprecated_at": rfc3339(package.deprecated_at),
		},
		"audit": audit(&version.published_by, &v["publisher"]),
	})
}

/// A package as it appears in lists and search results.
pub fn summary(package: &PackageListing) -> Json {
	let p = &package.json;
	let name = p["name"].as_str().unwrap_or_default();
	let (namespace, short) = name.split_once('/').unwrap_or(("", name));
	json!({
		"name": name,
		"namespace": namespace,
		"shortName": short,
		"description": package.description,
		"keywords": package.keywords,
		"author": package.author,
		"tier": package.tier,
		"latest": p["latest"],
		"versionCount": p["versionCount"],
		"moduleType": p["moduleType"],
		"status": p["status"],
		"deprecated": p["deprecated"],
		"verified": p["verified"],
		"pinStatus": package.latest_pin,
	})
}

/// The version list item of `GET …/versions`.
pub fn version_item(version: &StoredVersion, block_times: &HashMap<i64, i64>) -> Json {
	let mut item = version.json.clone();
	if let Json::Object(o) = &mut item {
		let at = version.json["publishedAt"].as_i64().and_then(|b| block_times.get(&b).copied());
		o.insert("publishedTime".into(), rfc3339(at));
		o.insert("audit".into(), audit(&version.published_by, &version.json["publisher"]));
	}
	item
}

/// The newest version an entry should describe: what `latest` names, else the newest by
/// precedence. `versions` must be sorted newest first.
pub fn current<'a>(
	package: &PackageListing,
	versions: &'a [StoredVersion],
) -> Option<&'a StoredVersion> {
	let latest = package.json["latest"].as_str();
	versions.iter().find(|v| Some(version_text(v)) == latest).or(versions.first())
}

#[cfg(test)]
mod tests {
	use super::*;

	fn version(text: &str, yanked: bool) -> StoredVersion {
		StoredVersion {
			json: json!({"version": text, "yanked": yanked, "cid": "bafy", "checksum": "sha256:00",
				"size": 3, "publishedAt": 7, "publisher": "5G", "pinStatus": "pending",
				"deprecated": null}),
			metadata: json!({"description": "d", "keywords": ["k"]}),
			published_by: Touch {
				block: 7,
				extrinsic: Some(1),
				extrinsic_hash: Some("0xab".into()),
			},
			block: 7,
		}
	}

	#[test]
	fn resolution_follows_the_chain_rule() {
		let vs = vec![
			version("1.0.0", false),
			version("1.2.0", true),
			version("1.1.0", false),
			version("2.0.0-rc.1", false),
		];
		assert_eq!(version_text(resolve(&vs, "^1").unwrap()), "1.1.0");
		assert_eq!(version_text(resolve(&vs, "=1.2.0").unwrap()), "1.2.0");
		assert!(matches!(resolve(&vs, "^3"), Err(ResolveError::NoMatch)));
		assert!(matches!(resolve(&vs, "not a range"), Err(ResolveError::BadRange(_))));
	}

	#[test]
	fn newest_first() {
		let mut vs = vec![
			version("1.10.0", false),
			version("1.9.0", false),
			version("x", false),
			version("2.0.0", false),
		];
		sort_newest_first(&mut vs);
		let order: Vec<_> = vs.iter().map(version_text).collect();
		assert_eq!(order, ["2.0.0", "1.10.0", "1.9.0", "x"]);
	}

	#[test]
	fn entry_shape() {
		let package = PackageListing {
			json: json!({"name": "acme/tool", "latest": "1.0.0", "created": 7, "moduleType": "wasm",
				"status": "active", "deprecated": {"successor": "acme/tool2@^1", "reason": "old"}}),
			latest_pin: json!("pending"),
			description: "d".into(),
			keywords: vec!["k".into()],
			author: "a".into(),
			tier: None,
			deprecated_at: Some(1_700_000_000_000),
			touch: Touch { block: 7, ..Default::default() },
		};
		let times = HashMap::from([(7, 1_700_000_000_000)]);
		let cx = Context { public_url: "http://gw", verified_namespace: true, block_times: &times };
		let e = protocol_entry(&package, &version("1.0.0", false), &cx);
		assert_eq!(e["identity"]["namespace"], "acme");
		assert_eq!(e["identity"]["name"], "tool");
		assert_eq!(e["distribution"]["tarball"], "http://gw/v1/content/bafy");
		assert_eq!(e["quality"]["successor"], "acme/tool2@^1");
		assert_eq!(e["timestamps"]["created_at"], "2023-11-14T22:13:20Z");
		assert_eq!(e["audit"]["extrinsicHash"], "0xab");
		assert_eq!(rfc3339(None), Json::Null);
	}
}
