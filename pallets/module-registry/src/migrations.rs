//! Storage migrations, in order. A runtime runs them all: each checks and bumps the on-chain
//! storage version, so one that already ran does nothing.

pub mod v1;
pub mod v2;
pub mod v3;
