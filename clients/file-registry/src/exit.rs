//! The exit codes of every command-line tool of the project: `modreg`, `file-registry` (and the
//! file-registry commands `modreg` flattens in), and the Python client's `python -m
//! module_registry`, which repeats these numbers (its tests check them). They are a public
//! promise; docs/EXIT_CODES.md is the table users read.

/// Done.
pub const OK: u8 = 0;
/// What was asked for does not exist: no such key, package, version, namespace, model, or
/// nothing in the cache or the index (with `--offline`).
pub const NOT_FOUND: u8 = 1;
/// Bad command line or bad input (clap's own code for the former).
pub const USAGE: u8 = 2;
/// The chain refused the call (the pallet error is printed).
pub const REFUSED: u8 = 3;
/// The node, the gateway or the IPFS daemon cannot be reached.
pub const UNREACHABLE: u8 = 4;
/// Verification failed: content that does not match its CID, checksum or size, or a file
/// registry or archive with problems (the report lists them).
pub const VERIFICATION: u8 = 5;
/// Timed out waiting for the chain (for example for `Verified`).
pub const TIMEOUT: u8 = 6;
/// `install --locked`, and the lockfile would change.
pub const LOCKED: u8 = 7;
/// Any other error: a local file that cannot be read or written, an occupied destination, a
/// corrupt cache or index.
pub const OTHER: u8 = 8;
/// No set of versions satisfies every dependency (`modreg install`); the explanation says
/// which requirements collide.
pub const CONFLICT: u8 = 9;
