// A WebSocket JSON-RPC proxy in front of a real node that lies about one version: answers of
// `moduleRegistry_resolve` and `moduleRegistry_versions` naming NAME@VERSION get the CID,
// checksum and size of other content. It stands for a compromised RPC node (or anyone between a
// client and a `ws://` node) in tests/e2e/test_light.py.
//
// usage: node lying_rpc_proxy.mjs PORT UPSTREAM_WS NAME VERSION CID CHECKSUM SIZE
// Prints "listening PORT" once it accepts connections, and "lied" each time it rewrote an answer.
import { createRequire } from "node:module";

const require = createRequire(new URL("../../clients/papi/package.json", import.meta.url));
const { WebSocket, WebSocketServer } = require("ws");

const [port, upstream, name, version, cid, checksum, size] = process.argv.slice(2);
const LIES = new Set(["moduleRegistry_resolve", "moduleRegistry_versions"]);

function rewrite(item) {
  if (item && item.name === name && item.version === version) {
    item.cid = cid;
    item.checksum = checksum;
    item.size = Number(size);
    console.log("lied");
    return true;
  }
  return false;
}

const server = new WebSocketServer({ host: "127.0.0.1", port: Number(port) });
server.on("listening", () => console.log(`listening ${server.address().port}`));
server.on("connection", (client) => {
  const node = new WebSocket(upstream);
  const pending = [];
  const watched = new Set();
  node.on("open", () => pending.splice(0).forEach((m) => node.send(m)));
  client.on("message", (data) => {
    const text = data.toString();
    try {
      const request = JSON.parse(text);
      if (LIES.has(request.method)) watched.add(request.id);
    } catch {}
    if (node.readyState === WebSocket.OPEN) node.send(text);
    else pending.push(text);
  });
  node.on("message", (data) => {
    let text = data.toString();
    try {
      const answer = JSON.parse(text);
      if (answer.id !== undefined && watched.delete(answer.id) && answer.result) {
        const items = Array.isArray(answer.result) ? answer.result : [answer.result];
        if (items.map(rewrite).some(Boolean)) text = JSON.stringify(answer);
      }
    } catch {}
    client.send(text);
  });
  client.on("close", () => node.close());
  node.on("close", () => client.close());
  node.on("error", () => client.close());
  client.on("error", () => node.close());
});
