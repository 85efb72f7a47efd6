#!/usr/bin/env bash
# Installs everything a fresh machine needs to build and test the project.
#
# Idempotent: every step checks before it acts, so running it twice is cheap.
# - apt packages for native builds (protoc, clang, lld);
# - a wasm toolchain: if `rustup` already has a wasm target nothing is changed; otherwise the
#   Debian rust toolchain is linked into rustup as `debian` and given a self-built
#   `wasm32v1-none` sysroot (see docs/BUILD.md);
# - the npm IPFS daemon and client test dependencies (when their folders exist).
#
# It prints the environment the build needs as `export` lines; `scripts/env.sh` sources them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log() { printf '[setup] %s\n' "$*" >&2; }

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

apt_install() {
	local missing=()
	for pkg in "$@"; do
		dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
	done
	if [ "${#missing[@]}" -gt 0 ]; then
		log "apt-get install ${missing[*]}"
		$SUDO apt-get update -qq
		DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
	fi
}

# Native build dependencies of the node (litep2p needs protoc; bindgen needs libclang).
apt_install protobuf-compiler clang libclang-dev pkg-config libssl-dev make curl ca-certificates bc

WASM_TARGET=wasm32v1-none
has_rustup_wasm() {
	rustup target list --installed 2>/dev/null | grep -qx "$WASM_TARGET" &&
		rustup component list --installed 2>/dev/null | grep -q '^rust-src'
}

if has_rustup_wasm; then
	log "rustup has $WASM_TARGET and rust-src: using it"
else
	log "rustup lacks $WASM_TARGET: using the Debian toolchain with a self-built sysroot"
	apt_install rustc-web cargo-web rust-web-src lld-22
	if [ ! -e /usr/bin/rust-lld ]; then
		$SUDO ln -sf "$(command -v ld.lld-22 || echo /usr/lib/llvm-22/bin/ld.lld)" /usr/bin/rust-lld
	fi
	if ! rustup toolchain list | grep -q '^debian'; then
		rustup toolchain link debian /usr
	fi
	SYSROOT_LIB="/usr/lib/rustlib/$WASM_TARGET/lib"
	if ! ls "$SYSROOT_LIB"/libcore-*.rlib >/dev/null 2>&1; then
		log "building core/alloc for $WASM_TARGET (one time)"
		tmp="$(mktemp -d)"
		mkdir -p "$tmp/src"
		cat >"$tmp/Cargo.toml" <<'TOML'
[package]
name = "wasm-sysroot"
version = "0.0.0"
edition = "2021"
[lib]
path = "src/lib.rs"
[profile.release]
panic = "abort"
TOML
		cat >"$tmp/src/lib.rs" <<'RS'
#![no_std]
extern crate alloc;
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
	loop {}
}
RS
		(cd "$tmp" && RUSTFLAGS="-C embed-bitcode=yes" RUSTC_BOOTSTRAP=1 \
			rustup run debian cargo build -q --release --target "$WASM_TARGET" \
			-Zbuild-std=core,alloc)
		$SUDO mkdir -p "$SYSROOT_LIB"
		for lib in core alloc compiler_builtins; do
			$SUDO cp "$tmp"/target/"$WASM_TARGET"/release/deps/lib"$lib"-*.rlib "$SYSROOT_LIB"/
		done
		rm -rf "$tmp"
	fi
fi

command -v node >/dev/null || apt_install nodejs npm

# IPFS daemon (js-ipfs, Kubo-compatible RPC) and JS client deps, once their folders exist.
for dir in "$ROOT/tests/ipfs" "$ROOT/clients/js"; do
	if [ -f "$dir/package.json" ] && [ ! -d "$dir/node_modules" ]; then
		log "npm ci in ${dir#"$ROOT"/}"
		# npm 11 rejects js-ipfs's lockfile in `ci` ("Missing: headless@", an optional peer that
		# `install` resolves to nothing); fall back to `install` on the same lockfile, unsaved.
		(cd "$dir" && { npm ci --no-audit --no-fund --loglevel=error ||
			npm install --no-save --no-audit --no-fund --loglevel=error; })
	fi
done

# Python client and its test dependencies.
if [ -f "$ROOT/clients/python/pyproject.toml" ]; then
	if ! python3 -c 'import module_registry, pytest, substrateinterface' >/dev/null 2>&1; then
		log "pip install clients/python"
		python3 -m pip install -q -e "$ROOT/clients/python[test]"
	fi
fi

log "done"
