#!/usr/bin/env bash
# Regenerates pallets/module-registry/src/weights.rs from a real benchmark run of the node.
# Usage: scripts/benchmark-weights.sh [steps] [repeat]   (defaults 50 20; the committed file's
# header records what was used)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/env.sh
source scripts/env.sh
# The same build as scripts/test.sh, so the two share every artifact.
cargo build --locked --workspace --bins --tests --features "$FEATURES"
WASM="$(ls "$CARGO_TARGET_DIR"/debug/wbuild/module-registry-runtime/module_registry_runtime*.wasm | head -1)"
"$NODE_BIN" benchmark pallet \
	--runtime "$WASM" \
	--genesis-builder=runtime \
	--pallet pallet_module_registry \
	--extrinsic '*' \
	--steps "${1:-50}" \
	--repeat "${2:-20}" \
	--heap-pages 4096 \
	--template scripts/weight-template.hbs \
	--output pallets/module-registry/src/weights.rs
cargo fmt -p pallet-module-registry
