#!/usr/bin/env bash
# Fuzzes the chain's input rules (module-registry-primitives): every target for SECONDS seconds
# (default 120) on inputs up to 64 KiB, the largest value the chain takes. A panic or an input
# slower than the per-input limit (primitives/fuzz/src/lib.rs) stops the run with the input saved
# under pallets/module-registry/primitives/fuzz/artifacts/. Not part of CI: it needs nightly and
# cargo-fuzz (`cargo install cargo-fuzz`), and a useful run is minutes per target.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_PER_TARGET="${1:-120}"
cd "$ROOT/pallets/module-registry/primitives/fuzz"
for target in parse_cid classify_value registry_text; do
	printf '\n=== fuzz %s for %s s\n' "$target" "$SECONDS_PER_TARGET"
	cargo +nightly fuzz run -O "$target" -- -max_len=65536 -len_control=0 \
		-max_total_time="$SECONDS_PER_TARGET" -print_final_stats=1
done
