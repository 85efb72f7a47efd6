#!/usr/bin/env bash
# Installs everything a fresh machine needs to build and test the project.
#
# Idempotent: every step checks before it acts, so running it twice is cheap.
# - apt packages for native builds (protoc, clang, lld);
# - a wasm toolchain: if `rustup` already has a wasm target nothing is changed; otherwise the
#   Debian rust toolchain is linked into rustup as `debian` and given a self-built
#   `wasm32v1-none` sysroot (see docs/BUILD.md);
# - Node.js (version checked), the npm IPFS daemon and the JS client's packages, each from its
#   lockfile;
# - a Python virtual environment with the Python client and its test dependencies;
# - the gateway's test dependencies: PostgreSQL (the tests start a throwaway cluster with
#   `initdb`; the Debian package's own cluster is not used) and Chromium with ChromeDriver for the
#   browse page's browser test.
#
# It prints the environment the build needs as `export` lines; `scripts/env.sh` sources them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE_DIR="${MODREG_CACHE:-$HOME/.cache/module-registry-chain}"
mkdir -p "$CACHE_DIR"
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

# The gateway's end-to-end tests: a real PostgreSQL server and a real headless browser.
apt_install postgresql chromium chromium-driver

WASM_TARGET=wasm32v1-none
has_rustup_wasm() {
	rustup target list --installed 2>/dev/null | grep -qx "$WASM_TARGET" &&
		rustup component list --installed 2>/dev/null | grep -q '^rust-src'
}

if has_rustup_wasm; then
	log "rustup has $WASM_TARGET and rust-src: using it"
else
	# Debian's second toolchain (with the std sources) is copied into a toolchain directory of
	# the project's cache, whose sysroot also holds core/alloc built for $WASM_TARGET; rustup
	# knows it as `modreg-wasm`. Nothing is written under /usr except by apt.
	log "rustup lacks $WASM_TARGET: using the Debian toolchain with a self-built sysroot"
	apt_install rustc-web cargo-web rust-web-src lld-22
	TOOLCHAIN="$CACHE_DIR/wasm-toolchain"
	HOST_LIB=/usr/lib/rustlib/x86_64-unknown-linux-gnu
	mkdir -p "$TOOLCHAIN/bin" "$TOOLCHAIN/lib/rustlib/$WASM_TARGET/lib" "$TOOLCHAIN/lib/rustlib/bin"
	# rustc would take /usr as its sysroot (where its librustc_driver lives), so this toolchain's
	# rustc runs Debian's with `--sysroot` set to this directory; cargo stays where it is.
	printf '#!/bin/sh\nexec /usr/bin/rustc --sysroot "%s" "$@"\n' "$TOOLCHAIN" >"$TOOLCHAIN/bin/rustc.new"
	chmod +x "$TOOLCHAIN/bin/rustc.new"
	mv "$TOOLCHAIN/bin/rustc.new" "$TOOLCHAIN/bin/rustc"
	ln -sfn /usr/bin/cargo "$TOOLCHAIN/bin/cargo"
	ln -sfn "$HOST_LIB" "$TOOLCHAIN/lib/rustlib/x86_64-unknown-linux-gnu"
	ln -sfn /usr/lib/rustlib/src "$TOOLCHAIN/lib/rustlib/src"
	[ -e /usr/lib/rustlib/etc ] && ln -sfn /usr/lib/rustlib/etc "$TOOLCHAIN/lib/rustlib/etc"
	# The wasm linker: Debian's lld-22 ships /usr/bin/rust-lld; older packages only ld.lld-22.
	LLD="$(command -v rust-lld || command -v ld.lld-22 || echo /usr/lib/llvm-22/bin/ld.lld)"
	ln -sfn "$LLD" "$TOOLCHAIN/bin/rust-lld"
	RUSTUP_TOOLCHAINS="${RUSTUP_HOME:-$HOME/.rustup}/toolchains"
	if [ "$(readlink "$RUSTUP_TOOLCHAINS/modreg-wasm" 2>/dev/null)" != "$TOOLCHAIN" ]; then
		rustup toolchain link modreg-wasm "$TOOLCHAIN"
	fi
	SYSROOT_LIB="$TOOLCHAIN/lib/rustlib/$WASM_TARGET/lib"
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
			rustup run modreg-wasm cargo build -q --release --target "$WASM_TARGET" \
			-Zbuild-std=core,alloc)
		for lib in core alloc compiler_builtins; do
			cp "$tmp"/target/"$WASM_TARGET"/release/deps/lib"$lib"-*.rlib "$SYSROOT_LIB"/
		done
		rm -rf "$tmp"
	fi
fi

# Node.js: js-ipfs and the JS client's `node --test --test-timeout` need Node 20.11 or newer.
command -v node >/dev/null || apt_install nodejs npm
NODE_VERSION="$(node --version | sed 's/^v//')"
if ! printf '%s\n' 20.11.0 "$NODE_VERSION" | sort -C -V; then
	log "Node.js $NODE_VERSION is too old: the IPFS daemon and the JS tests need 20.11 or newer"
	log "(install a newer one, for example Debian's nodejs from bookworm-backports, and re-run)"
	exit 1
fi

# npm packages: installed exactly from their lockfiles (`npm ci`), again whenever a lockfile
# changes (a stamp in node_modules holds the hash of the lockfile it was installed from). A
# lockfile that does not install is an error, never silently re-resolved.
lock_hash() { sha256sum "$1" | cut -d' ' -f1; }
for dir in "$ROOT/tests/ipfs" "$ROOT/clients/js" "$ROOT/clients/papi"; do
	[ -f "$dir/package-lock.json" ] || continue
	stamp="$dir/node_modules/.modreg-lockfile-sha256"
	want="$(lock_hash "$dir/package-lock.json")"
	if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
		log "npm ci in ${dir#"$ROOT"/}"
		if ! (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error); then
			log "npm ci failed in ${dir#"$ROOT"/}: its package-lock.json does not install as it is"
			exit 1
		fi
		echo "$want" >"$stamp"
	fi
done

# Python: a project virtual environment (Debian's Python refuses system-wide installs, PEP 668),
# reinstalled when the client's pyproject.toml changes.
VENV="${MODREG_VENV:-$CACHE_DIR/venv}"
if [ -f "$ROOT/clients/python/pyproject.toml" ]; then
	if [ ! -x "$VENV/bin/python" ]; then
		if ! python3 -m venv "$VENV" 2>/dev/null; then
			apt_install python3-venv
			rm -rf "$VENV"
			python3 -m venv "$VENV"
		fi
	fi
	stamp="$VENV/.modreg-pyproject-sha256"
	want="$(lock_hash "$ROOT/clients/python/pyproject.toml")"
	if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
		log "pip install clients/python[test] into $VENV"
		"$VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$ROOT/clients/python[test]"
		echo "$want" >"$stamp"
	fi
fi

log "done"
