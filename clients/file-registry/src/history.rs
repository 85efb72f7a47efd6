//! Promotion and rollback: append-only history, re-signed entries, refreshed `hashes.json`.

use crate::{
	model::{Kind, Model, Tag},
	report::Report,
	tree::{self, sign_entry, write_atomic},
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
	/// Reading or writing failed.
	#[error(transparent)]
	Io(#[from] io::Error),
}

/// The current time as ISO-8601 with the local offset.
pub fn now() -> String {
	chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

fn model_path(root: &Path, id: &str) -> std::path::PathBuf {
	root.join("registry").join(Kind::Model.folder()).join(format!("{id}.json"))
}

fn load(root: &Path, id: &str) -> Result<(Value, Model), HistoryError> {
	let report = tree::verify_tree(root, &|_| {})?;
	if !report.is_ok() {
		return Err(HistoryError::NotVerified(report));
	}
	let path = model_path(root, id);
	let bytes = fs::read(&path).map_err(|_| HistoryError::UnknownModel(id.into()))?;
	let raw: Value = serde_json::from_slice(&bytes).map_err(io::Error::other)?;
	let model: Model = serde_json::from_value(raw.clone()).map_err(io::Error::other)?;
	Ok((raw, model))
}

fn save(path: &Path, mut value: Value) -> io::Result<()> {
	sign_entry(&mut value);
	let mut text = serde_json::to_string_pretty(&value).map_err(io::Error::other)?;
	text.push('\n');
	write_atomic(path, text.as_bytes())
}

/// Point every workspace's mapping for `capability` at `model_id`, re-signing what changed.
fn update_workspaces(root: &Path, capability: &str, model_id: &str, at: &str) -> io::Result<()> {
	let dir = root.join("registry").join(Kind::Workspace.folder());
	let Ok(read) = fs::read_dir(&dir) else { return Ok(()) };
	let mut paths: Vec<_> = read.filter_map(|e| e.ok().map(|e| e.path())).collect();
	paths.sort();
	for path in paths {
		let mut ws: Value = serde_json::from_slice(&fs::read(&path)?).map_err(io::Error::other)?;
		let Some(mapping) = ws.get_mut("mapping").and_then(Value::as_object_mut) else { continue };
		if mapping.contains_key(capability) {
			mapping.insert(capability.into(), Value::String(model_id.into()));
			ws["updated_at"] = Value::String(at.into());
			save(&path, ws)?;
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
	let (mut raw, model) = load(root, model_id)?;
	let tag_value = serde_json::to_value(tag).map_err(io::Error::other)?;
	append(
		&mut raw,
		json!({"version": model.version, "tag": tag_value, "at": at, "seed": seed_of(&model), "metrics_delta": {}}),
	);
	save(&model_path(root, model_id), raw)?;
	if tag == Tag::Production {
		update_workspaces(root, model.capability.as_str(), model_id, at)?;
	}
	tree::write_hashes(root)?;
	Ok(())
}

/// Roll the model back to `version`, which must appear in its history: a new `production`
/// entry for that version is appended (history is never rewritten), the model's `version`
/// becomes it, and the workspaces' mapping for its capability points at the model.
pub fn rollback(root: &Path, model_id: &str, version: &str, at: &str) -> Result<(), HistoryError> {
	let (mut raw, model) = load(root, model_id)?;
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
	save(&model_path(root, model_id), raw)?;
	update_workspaces(root, model.capability.as_str(), model_id, at)?;
	tree::write_hashes(root)?;
	Ok(())
}
