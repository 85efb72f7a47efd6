#!/usr/bin/env bash
# The performance harness (docs/PERFORMANCE.md): builds the release node and `modreg-bench`,
# starts the test IPFS daemon, and runs every figure against its same-run baseline.
#
# Usage: scripts/bench.sh [--quick] [--build] [modreg-bench options, e.g. --only latency]
#   --quick  smaller runs that finish in a few minutes (noisier figures)
#   --build  also time a warm run of the README's test command (scripts/test.sh)
# Results: target/bench/results.json (or under --work-dir DIR); logs beside it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TIME_BUILD=0
WORK="$ROOT/target/bench"
ARGS=()
while [ $# -gt 0 ]; do
	case "$1" in
	--build) TIME_BUILD=1 ;;
	--work-dir) WORK="$2"; shift ;;
	--work-dir=*) WORK="${1#--work-dir=}" ;;
	*) ARGS+=("$1") ;;
	esac
	shift
done

bash scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh
# Release builds, one cargo call each so each keeps its own feature set between runs. The node
# carries `runtime-benchmarks` for `benchmark pallet` (figure 4); docs/PERFORMANCE.md says why
# that does not change the other figures.
cargo build --locked --release -p module-registry-node --features module-registry-node/runtime-benchmarks
cargo build --locked --release -p module-registry-bench
cargo build --locked --release -p modreg
RELEASE="$CARGO_TARGET_DIR/release"
WASM="$(ls "$RELEASE"/wbuild/module-registry-runtime/module_registry_runtime.compact.compressed.wasm)"

mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"
IPFS_PID=""
cleanup() {
	[ -n "$IPFS_PID" ] && kill "$IPFS_PID" 2>/dev/null || true
	wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM
rm -rf "$WORK/ipfs-repo"
E2E_LOGS="$WORK" python3 tests/e2e/harness.py ipfs --repo "$WORK/ipfs-repo" >"$WORK/ipfs.url" &
IPFS_PID=$!
for _ in $(seq 1 120); do
	[ -s "$WORK/ipfs.url" ] && break
	kill -0 "$IPFS_PID" 2>/dev/null || { echo "IPFS daemon did not start; see $WORK/ipfs.log" >&2; exit 1; }
	sleep 1
done

"$RELEASE/modreg-bench" --node "$RELEASE/module-registry-node" --runtime-wasm "$WASM" \
	--ipfs-api "$(cat "$WORK/ipfs.url")" --modreg "$RELEASE/modreg" --work-dir "$WORK" "${ARGS[@]}"

if [ "$TIME_BUILD" = 1 ]; then
	echo
	echo "== 6. Build: warm run of the README's test command =="
	start=$(date +%s)
	./scripts/test.sh >"$WORK/test-run.log" 2>&1
	echo "scripts/test.sh (warm): $(($(date +%s) - start)) s; log $WORK/test-run.log"
	echo "Cold figure: docs/BUILD.md (a fresh target dir cannot be timed inside this run)."
fi
