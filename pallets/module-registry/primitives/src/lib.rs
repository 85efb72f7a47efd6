//! Types and rules of the module registry that the runtime and its clients share.
//!
//! The pallet, its runtime API, the node's RPC and the Rust clients all depend on this crate
//! instead of on one another, so a rule is written once:
//!
//! - [`types`]: the records the pallet stores and the runtime API returns ([`ModuleInfo`],
//!   [`PinStatus`], [`TransferOffer`], …) and the signed [`PinReport`];
//! - [`registry`]: names in namespaces, SemVer versions, the range syntax and the one
//!   resolution rule of the registry layer;
//! - [`order`]: order keys that sort versions by precedence, and the resolution rule run
//!   over such an ordered index in a bounded number of reads;
//! - [`validation`]: how a submitted value is classified (JSON metadata or a raw CID), how a CID
//!   is parsed into the binary form the chain records, and how that form is rendered back as
//!   text;
//! - [`json`]: the single-pass, allocation-free JSON checker the classification runs on.
//!
//! The crate is `no_std` (with `alloc`), like the `sp-*` primitives of polkadot-sdk; the `std`
//! feature (on by default) adds `serde` support for the types.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod json;
pub mod order;
pub mod registry;
pub mod types;
pub mod validation;

pub use types::*;
