#!/usr/bin/env bash
# Benchmark (not a test): the file-registry export/import/verify against coreutils baselines
# measured in the same run on the same files. Usage: scripts/bench-file-registry.sh [MiB] [files]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/env.sh
source scripts/env.sh
MIB="${1:-1024}"
FILES="${2:-1000}"
cargo build --locked --release -p file-registry >/dev/null
BIN="$CARGO_TARGET_DIR/release/file-registry"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
TREE="$WORK/tree"

echo "building a registry of ~${MIB} MiB in ${FILES} files under $WORK"
mkdir -p "$TREE"
cp -r clients/file-registry/examples/registry/. "$TREE/"
mkdir -p "$TREE/artifacts/bench"
PER=$((MIB * 1024 / FILES))
for i in $(seq 1 "$FILES"); do
	# Half random, half repetitive: realistic for checkpoints and JSONL.
	head -c $((PER * 512)) /dev/urandom >"$TREE/artifacts/bench/f$i.bin"
	# `yes` ends with SIGPIPE when head is done; that is expected.
	{ yes "{\"step\": $i, \"loss\": 0.5}" || true; } | head -c $((PER * 512)) >>"$TREE/artifacts/bench/f$i.bin"
done
"$BIN" seal "$TREE" >/dev/null
sync

# Seconds one command takes; the whole script fails (and says which command) if it fails.
t() {
	local s e
	s=$(date +%s.%N)
	if ! "$@" >/dev/null 2>"$WORK/stderr"; then
		echo "failed: $*" >&2
		cat "$WORK/stderr" >&2
		return 1
	fi
	e=$(date +%s.%N)
	echo "$e - $s" | bc
}
cd "$TREE"
LIST="$WORK/files.txt"
find registry artifacts VERSION -type f | sort >"$LIST"

base_hash=$(t sh -c "xargs -a '$LIST' sha256sum >'$WORK/sums.txt'")
base_tar=$(t tar czf "$WORK/base.tar.gz" -T "$LIST")
ours_export=$(t "$BIN" export "$TREE" -o "$WORK/ours.tar.gz")
base_check=$(t sha256sum -c "$WORK/sums.txt")
ours_verify=$(t "$BIN" verify "$TREE")
ours_import=$(t "$BIN" import "$WORK/ours.tar.gz" "$WORK/imported")
base_untar=$(t sh -c "mkdir -p '$WORK/untar' && tar xzf '$WORK/base.tar.gz' -C '$WORK/untar' && cd '$WORK/untar' && sha256sum -c '$WORK/sums.txt'")

ratio() { echo "scale=2; $1 / $2" | bc; }
printf '\n%-44s %8s %8s %6s\n' "operation" "ours s" "base s" "ratio"
printf '%-44s %8.2f %8.2f %6s\n' "export vs sha256sum + tar czf" "$ours_export" "$(echo "$base_hash + $base_tar" | bc)" "$(ratio "$ours_export" "$(echo "$base_hash + $base_tar" | bc)")"
printf '%-44s %8.2f %8.2f %6s\n' "verify vs sha256sum -c" "$ours_verify" "$base_check" "$(ratio "$ours_verify" "$base_check")"
printf '%-44s %8.2f %8.2f %6s\n' "import vs tar xzf + sha256sum -c" "$ours_import" "$base_untar" "$(ratio "$ours_import" "$base_untar")"
echo "archive: ours $(stat -c %s "$WORK/ours.tar.gz") bytes, tar czf $(stat -c %s "$WORK/base.tar.gz") bytes; $(nproc) cores"
