// Register an entry with the typed polkadot-api descriptors, then read it back three ways.
// Run against a dev node: MODREG_NODE=ws://127.0.0.1:9944 node example.js
import { Binary, createClient } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { WebSocket } from 'ws';
import { getPolkadotSigner } from 'polkadot-api/signer';
import { sr25519CreateDerive } from '@polkadot-labs/hdkd';
import { DEV_MINI_SECRET } from '@polkadot-labs/hdkd-helpers';
import { modreg } from '@polkadot-api/descriptors';

// `ws` supplies the WebSocket that Node.js 20 lacks (Node.js 22 and browsers have their own).
const url = process.env.MODREG_NODE ?? 'ws://127.0.0.1:9944';
const client = createClient(getWsProvider(url, { websocketClass: WebSocket }));
const api = client.getTypedApi(modreg);
const alice = sr25519CreateDerive(DEV_MINI_SECRET)('//Alice');
const signer = getPolkadotSigner(alice.publicKey, 'Sr25519', alice.sign);

try {
  const key = Binary.fromText(`papi-example-${Date.now().toString(36)}`);
  const data = Binary.fromText(JSON.stringify({ name: 'papi-example', version: '1.0.0' }));
  const done = await api.tx.ModuleRegistry.register_module({ key, data }).signAndSubmit(signer);
  if (!done.ok) throw new Error(`refused: ${JSON.stringify(done.dispatchError)}`);
  console.log(`registered ${Binary.toText(key)} in block #${done.block.number}`);

  // The same bytes from storage, from the runtime API, and the entry's record.
  const at = done.block.hash;
  const stored = await api.query.ModuleRegistry.ModuleRegistry.getValue(key, { at });
  const viaApi = await api.apis.ModuleRegistryApi.get_module(key, { at });
  const record = await api.query.ModuleRegistry.Modules.getValue(key, { at });
  console.log(Binary.toText(stored));
  console.log(Binary.toText(viaApi) === Binary.toText(stored) ? 'runtime API agrees' : 'MISMATCH');
  console.log(`owner ${record.info.owner}, deposit ${record.info.deposit}`);
} finally {
  client.destroy();
}
