#!/usr/bin/env bash
# Sets up, builds, and runs a development chain next to an IPFS daemon, with the registry
# gateway (REST API, search, browse page) following it; prints the endpoints. Ctrl-C stops all. Extra arguments go to the node (e.g. `--base-path /tmp/chain` to keep state).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

bash scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh
# The same build as scripts/test.sh, so the two share every artifact.
cargo build --locked --workspace --bins --tests --features "$FEATURES"

IPFS_API_PORT="${IPFS_API_PORT:-5001}"
RPC_PORT="${RPC_PORT:-9944}"
P2P_PORT="${P2P_PORT:-30333}"
GATEWAY_PORT="${GATEWAY_PORT:-8080}"
DATA="${MODREG_DATA:-$HOME/.local/share/module-registry-chain}"
LOGS="$DATA/logs"
mkdir -p "$LOGS"

# The IPFS daemon (js-ipfs, Kubo-compatible RPC), set up as the end-to-end tests set theirs up.
# With Kubo installed, run `ipfs daemon` instead and set IPFS_API_PORT to its port.
E2E_LOGS="$LOGS" python3 tests/e2e/harness.py ipfs --repo "$DATA/ipfs" --port "$IPFS_API_PORT" \
	>"$LOGS/ipfs.url" &
IPFS_PID=$!
NODE_PID=""
GATEWAY_PID=""
cleanup() {
	[ -n "$GATEWAY_PID" ] && kill "$GATEWAY_PID" 2>/dev/null || true
	[ -n "$NODE_PID" ] && kill "$NODE_PID" 2>/dev/null || true
	kill "$IPFS_PID" 2>/dev/null || true
	wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM
for _ in $(seq 1 120); do
	[ -s "$LOGS/ipfs.url" ] && break
	kill -0 "$IPFS_PID" 2>/dev/null || { echo "IPFS daemon did not start; see $LOGS/ipfs.log" >&2; exit 1; }
	sleep 1
done

IPFS_API_URL="$(head -n1 "$LOGS/ipfs.url")"
IPFS_GATEWAY="$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1]))["Addresses"]["Gateway"].split("/"); print(f"http://{a[2]}:{a[4]}")' "$DATA/ipfs/config")"

# Archive state, so the gateway can index from genesis however long the chain has run; the
# compiled runtime kept between runs (--wasm-cache, shared with the end-to-end suites).
"$NODE_BIN" --dev --state-pruning archive-canonical --rpc-port "$RPC_PORT" --port "$P2P_PORT" \
	--wasm-cache "$CARGO_TARGET_DIR/wasm-cache" --ipfs-api "http://127.0.0.1:$IPFS_API_PORT" "$@" \
	>"$LOGS/node.log" 2>&1 &
NODE_PID=$!
for _ in $(seq 1 240); do
	curl -sf -H 'Content-Type: application/json' \
		-d '{"id":1,"jsonrpc":"2.0","method":"chain_getHeader"}' "http://127.0.0.1:$RPC_PORT" \
		| grep -q '"number":"0x[0-9a-f]*[1-9a-f]' && break
	kill -0 "$NODE_PID" 2>/dev/null || { tail -30 "$LOGS/node.log"; exit 1; }
	sleep 1
done

# The chain spec a light client (`modreg --light`, polkadot-api's smoldot provider) starts from:
# the dev chain's raw genesis with this node as its bootnode (`--dev` makes a new node key, so
# the spec is written again on every start).
PEER_ID="$(curl -sf -H 'Content-Type: application/json' \
	-d '{"id":1,"jsonrpc":"2.0","method":"system_localPeerId"}' "http://127.0.0.1:$RPC_PORT" \
	| python3 -c 'import json,sys; print(json.load(sys.stdin)["result"])')"
"$NODE_BIN" export-chain-spec --chain dev --raw 2>/dev/null \
	| python3 -c 'import json,sys; s=json.load(sys.stdin); s["bootNodes"]=[sys.argv[1]]; json.dump(s, open(sys.argv[2], "w"))' \
		"/ip4/127.0.0.1/tcp/$P2P_PORT/p2p/$PEER_ID" "$DATA/dev-spec.json"

# `--dev` starts a new chain each time, so the gateway's index starts again too.
"$CARGO_TARGET_DIR/debug/module-registry-gateway" --node "ws://127.0.0.1:$RPC_PORT" \
	--ipfs "$IPFS_API_URL" --listen "127.0.0.1:$GATEWAY_PORT" --data-dir "$DATA/gateway" --reindex \
	>"$LOGS/gateway.log" 2>&1 &
GATEWAY_PID=$!
for _ in $(seq 1 60); do
	curl -sf "http://127.0.0.1:$GATEWAY_PORT/healthz" >/dev/null && break
	kill -0 "$GATEWAY_PID" 2>/dev/null || { tail -30 "$LOGS/gateway.log"; exit 1; }
	sleep 1
done

cat <<EOT

Module registry dev chain is running.
  Node RPC (WebSocket + HTTP): ws://127.0.0.1:$RPC_PORT
  Polkadot-JS Apps:            https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A$RPC_PORT
  IPFS API (Kubo RPC):         $IPFS_API_URL
  IPFS gateway:                $IPFS_GATEWAY
  Registry gateway (browse):   http://127.0.0.1:$GATEWAY_PORT/  (REST API under /v1, docs/GATEWAY.md)
  Light-client chain spec:     $DATA/dev-spec.json  (modreg --light --chain-spec $DATA/dev-spec.json …)
  Logs:                        $LOGS/node.log, $LOGS/ipfs.log, $LOGS/gateway.log
The IPFS daemon is offline (no bootstrap peers, no swarm, no preload): it pins only content
added to it. To pin from the network, run a networked daemon (Kubo) and pass --ipfs-api.
Press Ctrl-C to stop.
EOT
wait "$NODE_PID"
