#!/usr/bin/env bash
# Runs every test: set-up, one build, the Rust test suites, then the end-to-end suites against a
# real node and a real IPFS daemon (Python, JavaScript and CLI clients included).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh

step() { printf '\n=== %s (%s)\n' "$*" "$(date +%T)"; }

step "build (binaries and test targets; one feature set)"
cargo build --locked --workspace --bins --tests --features "$FEATURES"

step "performance harness and scripts still build and parse (scripts/bench.sh runs them)"
"$CARGO_TARGET_DIR/debug/modreg-bench" --help >/dev/null
for script in scripts/*.sh; do bash -n "$script"; done

step "Rust tests"
cargo test --locked --workspace --features "$FEATURES"

step "end-to-end: real node + real IPFS"
export NODE_BIN E2E_LOGS="${E2E_LOGS:-$CARGO_TARGET_DIR/e2e-logs}"
export MODREG_BIN="$CARGO_TARGET_DIR/debug/modreg"
export GATEWAY_BIN="$CARGO_TARGET_DIR/debug/module-registry-gateway"
# Three workers (nodes mostly wait for blocks, so they share 2 cores), each with its own node,
# IPFS daemon and ports; a module's tests stay together on
# one worker (they share its node). A test that hangs fails after E2E_TIMEOUT seconds with the
# processes' log tails in its report.
"$PYTHON" -m pytest -v -p no:cacheprovider -n "${E2E_WORKERS:-3}" --dist loadfile --durations 15 \
	--timeout "${E2E_TIMEOUT:-600}" tests/e2e

step "all tests passed"
