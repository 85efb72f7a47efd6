//! Typed registry entries, with the fields of the file-registry document.
//!
//! Entries are parsed from JSON with serde; a missing field or a field of the wrong type is a
//! [`Problem::InvalidEntry`](crate::Problem::InvalidEntry) naming the file and the field. Fields
//! beyond the documented ones are kept (and covered by the checksum) but not interpreted.

// Field names and meanings are those of the format document (docs/FILE_REGISTRY.md).
#![allow(missing_docs)]

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The four kinds of entries, one folder each under `registry/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
	/// `registry/neural_nets/<id>.json`
	NeuralNet,
	/// `registry/models/<id>.json`
	Model,
	/// `registry/datasets/<id>.json`
	Dataset,
	/// `registry/workspaces/<id>.json`
	Workspace,
}

impl Kind {
	/// Every kind, in folder order.
	pub const ALL: [Kind; 4] = [Kind::NeuralNet, Kind::Model, Kind::Dataset, Kind::Workspace];

	/// The folder under `registry/`.
	pub fn folder(self) -> &'static str {
		match self {
			Kind::NeuralNet => "neural_nets",
			Kind::Model => "models",
			Kind::Dataset => "datasets",
			Kind::Workspace => "workspaces",
		}
	}

	/// The kind whose folder is `name`.
	pub fn from_folder(name: &str) -> Option<Kind> {
		Kind::ALL.into_iter().find(|k| k.folder() == name)
	}
}

/// A file an entry refers to, with its checksum.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileRef {
	/// Path from the registry root; backslashes are accepted and read as `/`.
	pub path: String,
	/// `SHA256:<hex>` of the file.
	pub checksum: String,
}

impl FileRef {
	/// The path with forward slashes.
	pub fn normalized_path(&self) -> String {
		normalize_path(&self.path)
	}
}

/// Turn a document path (`artifacts\\metrics\\x.json`) into the archive form
/// (`artifacts/metrics/x.json`).
pub fn normalize_path(path: &str) -> String {
	path.replace('\\', "/")
}

/// `hardware_profile` of a neural net.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HardwareProfile {
	/// CPU family, e.g. `x86_64`.
	pub cpu: String,
	/// GPU, or `none`.
	pub gpu: String,
	/// RAM in MiB.
	pub ram_mb: u64,
	/// VRAM in MiB.
	pub vram_mb: u64,
}

/// `registry/neural_nets/<id>.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NeuralNet {
	pub id: String,
	pub name: String,
	pub architecture_id: String,
	pub config: Map<String, Value>,
	pub seed: i64,
	pub created_at: String,
	pub checksum: String,
	#[serde(default)]
	pub notes: String,
	pub hardware_profile: HardwareProfile,
}

/// What a model does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Capability {
	Chat,
	Vision,
	Speech,
	Predictor,
}

impl Capability {
	/// The name used in documents and workspace mappings.
	pub fn as_str(self) -> &'static str {
		match self {
			Capability::Chat => "chat",
			Capability::Vision => "vision",
			Capability::Speech => "speech",
			Capability::Predictor => "predictor",
		}
	}
}

/// Promotion tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Tag {
	Candidate,
	Staging,
	Production,
}

/// `io_schema` of a model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IoSchema {
	pub inputs: Vec<String>,
	pub outputs: Vec<String>,
}

/// One step of a model's promotion history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Promotion {
	pub version: String,
	pub tag: Tag,
	pub at: String,
	pub seed: i64,
	#[serde(default)]
	pub metrics_delta: Map<String, Value>,
}

/// `compatibility` of a model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Compatibility {
	pub signature: String,
	#[serde(default)]
	pub module_requirements: Map<String, Value>,
}

/// `artifacts` of a model.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ModelArtifacts {
	#[serde(default)]
	pub checkpoints: Vec<FileRef>,
	#[serde(default)]
	pub reports: Vec<FileRef>,
}

/// `registry/models/<id>.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Model {
	pub id: String,
	pub name: String,
	pub version: String,
	pub nn_id: String,
	pub capability: Capability,
	pub task: String,
	pub io_schema: IoSchema,
	pub dataset_ids: Vec<String>,
	#[serde(default)]
	pub hyperparameters: Map<String, Value>,
	#[serde(default)]
	pub resources: Map<String, Value>,
	#[serde(default)]
	pub metrics: Map<String, Value>,
	pub promotion_history: Vec<Promotion>,
	pub compatibility: Compatibility,
	pub artifacts: ModelArtifacts,
	pub created_at: String,
	pub checksum: String,
}

/// Where a dataset comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
	Local,
	Synthetic,
}

/// `registry/datasets/<id>.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
	pub id: String,
	pub name: String,
	pub origin: Origin,
	pub schema: Map<String, Value>,
	pub splits: Map<String, Value>,
	pub license: String,
	pub seed: i64,
	pub files: Vec<FileRef>,
	pub created_at: String,
	pub checksum: String,
}

/// `registry/workspaces/<id>.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
	pub id: String,
	pub name: String,
	pub selected_modules: Vec<String>,
	/// Capability to model id.
	pub mapping: Map<String, Value>,
	#[serde(default)]
	pub guardrails: Map<String, Value>,
	#[serde(default)]
	pub panels_enabled: Map<String, Value>,
	pub created_at: String,
	pub updated_at: String,
	pub checksum: String,
}

/// A parsed entry of any kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
	NeuralNet(NeuralNet),
	Model(Model),
	Dataset(Dataset),
	Workspace(Workspace),
}

impl Entry {
	/// Parse `value` as an entry of `kind`.
	pub fn parse(kind: Kind, value: &Value) -> Result<Entry, serde_json::Error> {
		let v = value.clone();
		Ok(match kind {
			Kind::NeuralNet => Entry::NeuralNet(serde_json::from_value(v)?),
			Kind::Model => Entry::Model(serde_json::from_value(v)?),
			Kind::Dataset => Entry::Dataset(serde_json::from_value(v)?),
			Kind::Workspace => Entry::Workspace(serde_json::from_value(v)?),
		})
	}

	/// The entry's `id`.
	pub fn id(&self) -> &str {
		match self {
			Entry::NeuralNet(e) => &e.id,
			Entry::Model(e) => &e.id,
			Entry::Dataset(e) => &e.id,
			Entry::Workspace(e) => &e.id,
		}
	}

	/// The entry's recorded `checksum`.
	pub fn checksum(&self) -> &str {
		match self {
			Entry::NeuralNet(e) => &e.checksum,
			Entry::Model(e) => &e.checksum,
			Entry::Dataset(e) => &e.checksum,
			Entry::Workspace(e) => &e.checksum,
		}
	}

	/// The files the entry refers to.
	pub fn file_refs(&self) -> Vec<&FileRef> {
		match self {
			Entry::Model(m) => m.artifacts.checkpoints.iter().chain(&m.artifacts.reports).collect(),
			Entry::Dataset(d) => d.files.iter().collect(),
			_ => Vec::new(),
		}
	}
}

/// Whether `v` is a semantic version (SemVer 2.0, through the `semver` crate).
pub fn is_semver(v: &str) -> bool {
	semver::Version::parse(v).is_ok()
}

/// Longest entry id.
pub const MAX_ID_LEN: usize = 128;

/// Whether `id` is a valid entry id: it names the file `<id>.json`, so it is 1–128 ASCII
/// letters, digits, `_`, `-` and `.`, starting with a letter or digit (so never `.`, `..`, a
/// hidden file or a path: no `/` or `\\`).
pub fn is_valid_id(id: &str) -> bool {
	let mut bytes = id.bytes();
	id.len() <= MAX_ID_LEN &&
		bytes.next().is_some_and(|b| b.is_ascii_alphanumeric()) &&
		bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn semver() {
		for ok in ["0.1.0", "1.2.3-alpha1", "1.2.3+build.5"] {
			assert!(is_semver(ok), "{ok}");
		}
		for bad in ["1.2", "v1.2.3", "1.2.x", "", "1.2.3-", "01.2.3", "1.2.3 "] {
			assert!(!is_semver(bad), "{bad}");
		}
	}

	#[test]
	fn ids() {
		for ok in ["model_pred_mlp_0007", "ds.v2", "A-1"] {
			assert!(is_valid_id(ok), "{ok}");
		}
		let long = "a".repeat(MAX_ID_LEN + 1);
		for bad in ["", ".", "..", "../x", "a/b", "a\\b", ".hidden", "_x", "é", &long] {
			assert!(!is_valid_id(bad), "{bad}");
		}
	}

	#[test]
	fn backslash_paths_are_normalised() {
		assert_eq!(
			normalize_path("artifacts\\metrics\\chat\\m.json"),
			"artifacts/metrics/chat/m.json"
		);
	}
}
