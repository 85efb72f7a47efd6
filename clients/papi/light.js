// A polkadot-api client that reads the module registry chain through an embedded light client
// (smoldot) instead of an RPC node.
//
// What it trusts: the chain spec you give it, namely its genesis (the genesis state, hence the
// genesis hash and the initial Aura/GRANDPA authorities) and nothing else. From there smoldot
// follows the chain by checking block headers and GRANDPA finality justifications against the
// validator set, and checks every storage read and runtime API call against a Merkle proof of
// the state root of a header it verified. The peers it connects to (the spec's `bootNodes`, then
// whoever they tell it about) only supply data; a peer that lies is caught by those checks, so
// there is no RPC node whose answers are taken on trust.
//
// What it does not protect against: a spec whose genesis is not the chain you meant (get it from
// a source you trust), a supermajority of the validators finalizing something else, and peers
// that all refuse to answer (reads then wait or time out, rather than return wrong data). Until
// smoldot has caught up with the finalized chain after a start, reads wait for it.
//
//   import { createLightClient } from './light.js';
//   const { client, terminate } = await createLightClient(await readFile('spec.json', 'utf8'));
//   const api = client.getTypedApi(modreg);
//   ...
//   await terminate(); // destroys the client, then stops smoldot
//
// The spec must be the RAW chain spec (genesis storage inline, `module-registry-node
// export-chain-spec --chain … --raw`) with at least one reachable node in `bootNodes`
// (`/ip4/127.0.0.1/tcp/30333/p2p/<the node's peer id>`, from `system_localPeerId`).

import { Worker } from 'node:worker_threads';
import { createClient } from 'polkadot-api';
import { getSmProvider } from 'polkadot-api/sm-provider';
import { startFromWorker } from 'polkadot-api/smoldot/from-node-worker';

// smoldot runs in a worker thread (polkadot-api's own worker script, which calls smoldot's
// `start`), so its verification work does not block the caller's event loop, and so stopping it
// is final: smoldot 3.3's `terminate()` stops its executor but leaves timers re-arming that
// keep a Node.js process alive forever; terminating the worker thread ends them.
const SMOLDOT_WORKER = new URL(import.meta.resolve('polkadot-api/smoldot/node-worker'));

/**
 * A polkadot-api client connected through a fresh smoldot instance to the chain `chainSpecText`
 * (the raw chain spec, as JSON text) describes. Resolves once smoldot has accepted the spec (it
 * has built the genesis block from it; peers and finality come after); rejects when it refuses
 * it.
 *
 * @param {string} chainSpecText the raw chain spec, with bootnodes
 * @param {{ maxLogLevel?: number }} [options] smoldot's log level (0 none … 5 trace; default 2,
 *   warnings; it logs to the console)
 * @returns {Promise<{ client: import('polkadot-api').PolkadotClient, terminate: () => Promise<void> }>}
 *   `terminate` destroys the client, then stops smoldot; call it when done, or the process keeps
 *   running
 */
export async function createLightClient(chainSpecText, { maxLogLevel = 2 } = {}) {
  if (typeof chainSpecText !== 'string') throw new TypeError('createLightClient: the chain spec must be JSON text');
  const spec = JSON.parse(chainSpecText);
  if (!spec.genesis?.raw) {
    throw new Error('createLightClient: the chain spec is not raw (export it with `export-chain-spec --raw`)');
  }
  if (!Array.isArray(spec.bootNodes) || spec.bootNodes.length === 0) {
    throw new Error('createLightClient: the chain spec names no bootnode, so the light client would find no peer');
  }

  const worker = new Worker(SMOLDOT_WORKER);
  let stopping = false;
  let dead = false;
  // The worker script answers nothing when smoldot fails (a spec it refuses, a crash): the error
  // ends the worker, and the requests waiting on it are failed here instead of hanging.
  const died = new Promise((_, reject) => {
    worker.on('error', (error) => {
      if (stopping) return; // removing the chain at shutdown fails a read pending in the worker
      dead = true;
      reject(error);
    });
  });
  died.catch(() => {});
  const smoldot = startFromWorker(worker, { maxLogLevel });
  const addChain = async () => {
    const chain = await Promise.race([smoldot.addChain({ chainSpec: chainSpecText }), died]);
    return { ...chain, nextJsonRpcResponse: () => Promise.race([chain.nextJsonRpcResponse(), died]) };
  };

  let first;
  try {
    first = await addChain();
  } catch (error) {
    stopping = true;
    await worker.terminate();
    throw new Error(`smoldot refused the chain spec: ${error.message}`, { cause: error });
  }
  // The provider asks for a new chain per connection (it removes its chain when it disconnects,
  // and asks again to reconnect): the first is the one checked above. Once smoldot has died, it
  // gets no chain: reads wait (the caller's timeouts apply) rather than retry in a loop.
  const client = createClient(getSmProvider(() => {
    if (first) {
      const chain = first;
      first = undefined;
      return chain;
    }
    if (dead) {
      console.error('smoldot has stopped: this light client can no longer read the chain');
      return new Promise(() => {});
    }
    return addChain();
  }));

  let terminated;
  const terminate = () => {
    terminated ??= (async () => {
      stopping = true;
      client.destroy();
      await worker.terminate();
    })();
    return terminated;
  };
  return { client, terminate };
}
