#!/usr/bin/env bash
# Regenerates pallets/module-registry/src/weights.rs from a real benchmark run of the node.
# Usage: scripts/benchmark-weights.sh [steps] [repeat]   (defaults 50 20; the committed file's
# header records what was used)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/env.sh
source scripts/env.sh
# Weights come from an optimised node: a debug node runs host functions (trie, hashing) unoptimised
# and over-estimates. This is the same release build as scripts/bench.sh.
cargo build --locked --release -p module-registry-node --features module-registry-node/runtime-benchmarks
RELEASE="$CARGO_TARGET_DIR/release"
WASM="$(ls "$RELEASE"/wbuild/module-registry-runtime/module_registry_runtime.compact.compressed.wasm)"
"$RELEASE/module-registry-node" benchmark pallet \
	--runtime "$WASM" \
	--genesis-builder=runtime \
	--pallet pallet_module_registry \
	--extrinsic '*' \
	--steps "${1:-50}" \
	--repeat "${2:-20}" \
	--heap-pages 4096 \
	--template scripts/weight-template.hbs \
	--output pallets/module-registry/src/weights.rs
# The project formats with nightly rustfmt (rustfmt.toml uses unstable options).
cargo +nightly fmt -p pallet-module-registry 2>/dev/null || cargo fmt -p pallet-module-registry
