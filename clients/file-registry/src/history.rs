//! Promotion and rollback: append-only history, re-signed entries, refreshed `hashes.json`,
//! all written in one step ([`crate::txn`]): a failure half-way leaves the tree as it was.

use crate::{
	model::{is_semver, is_valid_id, Kind, Model, Tag},
	report::Report,
	tree::{self, sign_entry},
	txn::{self, TxnError},
};
use serde_json::{json, Value};
use std::{fs, io, path::Path};

/// Why a promotion or rollback did not happen.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
	/// The tree does not verify; fix it first so the new signatures mean something.
	#[error("the registry does not verify: {} problem(s)", .0.problems.len())]
	NotVerified(Report),
	/// No model has this id.
	#[error("no model {0:?} in registry/models")]
	UnknownModel(String),
	/// The version never appears in the model's promotion history.
	#[error("model {model:?} has no version {version:?} in its promotion history")]
	UnknownVersion {
		/// The model.
		model: String,
		/// The version asked for.
		version: String,
	},
	/// The model id is not a valid id (it could name a path outside `registry/models`).
	#[error("{0:?} is not a model id (1-128 ASCII letters, digits, '_', '-', '.', starting with a letter or digit)")]
	InvalidId(String),
	/// The version is not a semantic version.
	#[error("{0:?} is not a semantic version")]
	InvalidVersion(String),
	/// Another operation is changing the tree.
	#[error("another operation is changing this registry (process {0}); try again when it ends, or remove .file-registry.lock if no such process runs")]
	Locked(u32),
	/// Reading or writing failed; the tree is as it was.
	#[error(transparent)]
	Io(#[from] io::Error),
}

impl From<TxnError> for HistoryError {
	fn from(e: TxnError) -> Self {
		match e {
			TxnError::Locked { pid } => HistoryError::Locked(pid),
			TxnError::Io(e) => HistoryError::Io(e),
		}
	}
}

/// The current time as ISO-8601 with the local offset.
pub fn now() -> String {
	chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

fn load(root: &Path, id: &str) -> Result<(Value, Model), HistoryError> {
	let report = tree::verify_tree(root, &|_| {})?;
	if !report.is_ok() {
		return Err(HistoryError::NotVerified(report));
	}
	let path = root.join(model_rel(id));
	let bytes = fs::read(&path).map_err(|_| HistoryError::UnknownModel(id.into()))?;
	let raw: Value = serde_json::from_slice(&bytes).map_err(io::Error::other)?;
	let model: Model = serde_json::from_value(raw.clone()).map_err(io::Error::other)?;
	Ok((raw, model))
}

/// The files one operation changes, committed together with the matching `hashes.json`.
struct Changes<'a> {
	root: &'a Path,
	rule: crate::canonical::Rule,
	files: Vec<(String, Vec<u8>)>,
}

impl<'a> Changes<'a> {
	fn new(root: &'a Path) -> io::Result<Self> {
		Ok(Changes { root, rule: tree::tree_rule(root)?, files: Vec::new() })
	}

	/// Re-sign `value` with the tree's canonical rule and stage it as `rel`.
	fn entry(&mut self, rel: String, mut value: Value) -> io::Result<()> {
		sign_entry(self.rule, &mut value);
		let mut text = serde_json::to_string_pretty(&value).map_err(io::Error::other)?;
		text.push('\n');
		self.files.push((rel, text.into_bytes()));
		Ok(())
	}

	/// Add `hashes.json` with the new files' checksums, and write everything in one step.
	fn commit(mut self) -> io::Result<()> {
		let mut report = Report::default();
		let mut hashes = tree::read_hashes(self.root, &mut report)
			.ok_or_else(|| io::Error::other(format!("hashes.json: {report}")))?;
		for (rel, bytes) in &self.files {
			hashes.insert(rel.clone(), tree::checksum_of(bytes));
		}
		self.files.push((tree::HASHES_FILE.into(), tree::hashes_json(&hashes)?));
		txn::commit(self.root, &self.files)
	}
}

fn model_rel(id: &str) -> String {
	format!("registry/{}/{id}.json", Kind::Model.folder())
}

/// Point every workspace's mapping for `capability` at `model_id`, re-signing what changed.
fn update_workspaces(
	changes: &mut Changes,
	capability: &str,
	model_id: &str,
	at: &str,
) -> io::Result<()> {
	let dir = changes.root.join("registry").join(Kind::Workspace.folder());
	let Ok(read) = fs::read_dir(&dir) else { return Ok(()) };
	let mut names: Vec<_> = read.filter_map(|e| e.ok().map(|e| e.file_name())).collect();
	names.sort();
	for name in names {
		let name = name.to_string_lossy().into_owned();
		let mut ws: Value =
			serde_json::from_slice(&fs::read(dir.join(&name))?).map_err(io::Error::other)?;
		let Some(mapping) = ws.get_mut("mapping").and_then(Value::as_object_mut) else { continue };
		if mapping.contains_key(capability) {
			mapping.insert(capability.into(), Value::String(model_id.into()));
			ws["updated_at"] = Value::String(at.into());
			changes.entry(format!("registry/{}/{name}", Kind::Workspace.folder()), ws)?;
		}
	}
	Ok(())
}

fn append(raw: &mut Value, entry: Value) {
	if let Some(history) = raw.get_mut("promotion_history").and_then(Value::as_array_mut) {
		history.push(entry);
	}
}

fn seed_of(model: &Model) -> i64 {
	model.promotion_history.last().map(|p| p.seed).unwrap_or(0)
}

/// Append a promotion of the model's current version to `tag`. A `production` promotion also
/// points the workspaces' mapping for the model's capability at it.
pub fn promote(root: &Path, model_id: &str, tag: Tag, at: &str) -> Result<(), HistoryError> {
	if !is_valid_id(model_id) {
		return Err(HistoryError::InvalidId(model_id.into()));
	}
	txn::locked(root, || promote_locked(root, model_id, tag, at))
}

fn promote_locked(root: &Path, model_id: &str, tag: Tag, at: &str) -> Result<(), HistoryError> {
	let (mut raw, model) = load(root, model_id)?;
	let mut changes = Changes::new(root)?;
	let tag_value = serde_json::to_value(tag).map_err(io::Error::other)?;
	append(
		&mut raw,
		json!({"version": model.version, "tag": tag_value, "at": at, "seed": seed_of(&model), "metrics_delta": {}}),
	);
	changes.entry(model_rel(model_id), raw)?;
	if tag == Tag::Production {
		update_workspaces(&mut changes, model.capability.as_str(), model_id, at)?;
	}
	changes.commit()?;
	Ok(())
}

/// Roll the model back to `version`, which must appear in its history: a new `production`
/// entry for that version is appended (history is never rewritten), the model's `version`
/// becomes it, and the workspaces' mapping for its capability points at the model.
pub fn rollback(root: &Path, model_id: &str, version: &str, at: &str) -> Result<(), HistoryError> {
	if !is_valid_id(model_id) {
		return Err(HistoryError::InvalidId(model_id.into()));
	}
	if !is_semver(version) {
		return Err(HistoryError::InvalidVersion(version.into()));
	}
	txn::locked(root, || rollback_locked(root, model_id, version, at))
}

fn rollback_locked(
	root: &Path,
	model_id: &str,
	version: &str,
	at: &str,
) -> Result<(), HistoryError> {
	let (mut raw, model) = load(root, model_id)?;
	let mut changes = Changes::new(root)?;
	let Some(previous) = model.promotion_history.iter().rev().find(|p| p.version == version) else {
		return Err(HistoryError::UnknownVersion {
			model: model_id.into(),
			version: version.into(),
		});
	};
	append(
		&mut raw,
		json!({
			"version": version,
			"tag": "production",
			"at": at,
			"seed": previous.seed,
			"metrics_delta": {},
			"rollback_from": model.version,
		}),
	);
	raw["version"] = Value::String(version.into());
	changes.entry(model_rel(model_id), raw)?;
	update_workspaces(&mut changes, model.capability.as_str(), model_id, at)?;
	changes.commit()?;
	Ok(())
}
