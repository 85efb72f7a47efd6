# Sourced by the project's scripts: the environment every build and test uses.
#
# - CARGO_TARGET_DIR lives outside the clone so CI runs on the same machine reuse it.
# - WASM_BUILD_TOOLCHAIN points substrate-wasm-builder at the project's copy of the Debian
#   toolchain (`modreg-wasm`, under ~/.cache/module-registry-chain/wasm-toolchain) only when rustup
#   has no wasm target (see scripts/setup.sh and docs/BUILD.md); otherwise nothing is changed.
# - FEATURES is the one feature set used for build and test, so nothing is compiled twice. The
#   node and runtime are the deployable build (no `runtime-benchmarks`: the wasm the node embeds
#   is the one users run); only the pallet's benchmark tests need the feature, and it does not
#   reach the wasm, which the wasm builder compiles with the runtime's own features.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/module-registry-chain/target}"
# With the target dir outside the clone, the wasm builder cannot find our Cargo.lock by itself;
# without it the runtime would be built against freshly resolved (unlocked) versions.
WASM_BUILD_WORKSPACE_HINT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export WASM_BUILD_WORKSPACE_HINT
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32v1-none &&
	rustup toolchain list 2>/dev/null | grep -q '^modreg-wasm'; then
	export WASM_BUILD_TOOLCHAIN="${WASM_BUILD_TOOLCHAIN:-modreg-wasm}"
fi
export FEATURES="pallet-module-registry/runtime-benchmarks"
export NODE_BIN="$CARGO_TARGET_DIR/debug/module-registry-node"
# frame-benchmarking-cli builds a second wasm runtime used only by `benchmark storage`, which this
# node does not offer; skipping it saves minutes on every cold build.
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1
# The project's Python virtual environment (scripts/setup.sh creates it).
export MODREG_VENV="${MODREG_VENV:-$HOME/.cache/module-registry-chain/venv}"
export PYTHON="$MODREG_VENV/bin/python"
