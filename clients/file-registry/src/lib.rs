//! # file-registry
//!
//! Verify, export and import a file-based model registry as a deterministic, checksummed
//! archive, and promote or roll back models without ever rewriting history.
//!
//! A registry tree holds `registry/{neural_nets,models,datasets,workspaces}/<id>.json`,
//! `artifacts/...`, `hashes.json` (every file's `SHA256:<hex>`) and `VERSION`. Each entry carries
//! a `checksum` over its [canonical JSON](canonical) form. The main operations are
//! [`verify_tree`], [`export`], [`import`], [`promote`] and [`rollback`]; problems come back as a
//! [`Report`] of [`Problem`]s, each naming its file and what to do.
//!
//! ```no_run
//! use file_registry::{export, import, verify_tree, Limits};
//! use std::path::Path;
//!
//! let report = verify_tree(Path::new("my-registry"), &|_| {})?;
//! assert!(report.is_ok(), "{report}");
//! export(Path::new("my-registry"), Path::new("registry.tar.gz"), &|_| {})?;
//! import(Path::new("registry.tar.gz"), Path::new("copy"), Limits::default(), false, &|_| {})?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The format, with the example under `examples/registry`, is described in
//! `docs/FILE_REGISTRY.md`.

#![deny(missing_docs)]

pub mod archive;
pub mod canonical;
pub mod cli;
pub mod exit;
pub mod history;
pub mod model;
pub mod pgz;
pub mod report;
pub mod tree;
pub mod txn;

pub use archive::{export, import, ArchiveError, Limits};
pub use history::{promote, rollback, HistoryError};
pub use model::{Entry, Kind, Tag};
pub use report::{Problem, Report};
pub use tree::verify_tree;
