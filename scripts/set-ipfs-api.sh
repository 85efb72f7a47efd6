#!/usr/bin/env bash
# Points a running node's pinning worker at another IPFS API, without a restart.
# Usage: scripts/set-ipfs-api.sh <ipfs-api-url> [node-http-rpc-url]
set -euo pipefail
URL="${1:?usage: $0 <ipfs-api-url> [node-http-rpc-url]}"
RPC="${2:-http://127.0.0.1:9944}"
python3 - "$URL" "$RPC" <<'PY'
import json, sys, urllib.request

url, rpc = sys.argv[1].rstrip("/"), sys.argv[2]
if not url.startswith(("http://", "https://")):
    sys.exit(f"not an http(s) URL: {url}")
data = url.encode()
n = len(data)
# SCALE compact length prefix (the worker decodes a Vec<u8>).
if n < 1 << 6:
    prefix = bytes([n << 2])
elif n < 1 << 14:
    prefix = ((n << 2) | 1).to_bytes(2, "little")
else:
    prefix = ((n << 2) | 2).to_bytes(4, "little")
body = {
    "id": 1, "jsonrpc": "2.0", "method": "offchain_localStorageSet",
    "params": ["PERSISTENT", "0x" + b"module-registry::ipfs-api".hex(), "0x" + (prefix + data).hex()],
}
req = urllib.request.Request(rpc, json.dumps(body).encode(), {"Content-Type": "application/json"})
answer = json.load(urllib.request.urlopen(req, timeout=10))
if "error" in answer:
    sys.exit(f"the node refused: {answer['error']}")
print(f"pinning worker now uses {url}")
PY
