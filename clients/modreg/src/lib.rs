//! The `modreg` library: the parts of the command line that other tools of the project reuse.
//!
//! - [`attest`]: attestation bundles, made from any node and verified offline.
//! - [`chain`]: the node (subxt's dynamic API and the `moduleRegistry_*` RPC methods).
//! - [`content`]: IPFS access and the content cache, every block checked against its CID.
//! - [`dag`]: the dag-pb / UnixFS decoding that the checks rest on.
//! - [`graph`]: dependency graphs, resolved with PubGrub under the registry's rule.
//! - [`light`]: the light-client mode (smoldot), every answer proven against finality.
//! - [`metadata`]: version metadata as `modreg sync` and the gateway's indexer read it.
//!
//! `module-registry-gateway` serves content through the same code, so the gateway and the CLI
//! cannot disagree on what verified content is.

pub mod attest;
pub mod chain;
pub mod content;
pub mod dag;
pub mod graph;
pub mod light;
pub mod metadata;
