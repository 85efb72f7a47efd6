// node:test suite of the light-client mode (light.js): reads through an embedded smoldot that
// syncs from the chain spec, compared with what the RPC node says.
// MODREG_CHAIN_SPEC=spec.json MODREG_NODE=ws://… node --test test/
// spec.json: the node's raw chain spec with the node as a bootnode (tests/e2e/test_papi_client.py
// writes it and runs this suite). Without MODREG_CHAIN_SPEC these tests are skipped.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Binary, createClient } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { WebSocket } from 'ws';
import { getPolkadotSigner } from 'polkadot-api/signer';
import { sr25519CreateDerive } from '@polkadot-labs/hdkd';
import { DEV_MINI_SECRET, ss58Address } from '@polkadot-labs/hdkd-helpers';
import { modreg } from '@polkadot-api/descriptors';
import { createLightClient } from '../light.js';

const SPEC = process.env.MODREG_CHAIN_SPEC;
const skip = SPEC ? false : 'MODREG_CHAIN_SPEC is not set (a raw chain spec with the node as bootnode)';

let rpc, rpcApi, light, lightApi, terminate;
// A development account of its own: `node --test` may run descriptors.test.js (Alice and Bob)
// at the same time, and two processes signing for one account would race for its nonce.
const pair = sr25519CreateDerive(DEV_MINI_SECRET)('//Charlie');
const charlie = { address: ss58Address(pair.publicKey), signer: getPolkadotSigner(pair.publicKey, 'Sr25519', pair.sign) };
const run = Date.now().toString(36);
const text = (value) => Binary.fromText(value);
const show = (value) => JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? `${v}n` : v instanceof Uint8Array ? Binary.toText(v) : v));

before(async () => {
  if (skip) return;
  rpc = createClient(getWsProvider(process.env.MODREG_NODE ?? 'ws://127.0.0.1:9944', { websocketClass: WebSocket }));
  rpcApi = rpc.getTypedApi(modreg);
  ({ client: light, terminate } = await createLightClient(await readFile(SPEC, 'utf8')));
  lightApi = light.getTypedApi(modreg);
});

after(async () => {
  await terminate?.();
  rpc?.destroy();
});

// The light client's finalized block once it has reached `number` (it follows the node's
// finality with a short lag).
const lightFinalized = async (number, ms = 30_000) => {
  const deadline = Date.now() + ms;
  for (;;) {
    const block = await light.getFinalizedBlock();
    if (block.number >= number) return block;
    if (Date.now() > deadline) throw new Error(`the light client did not finalize #${number} within ${ms} ms (at #${block.number})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

// A CIDv1 (raw codec, SHA-256) naming `bytes`: as text (base32, for `publish_version`) and in
// binary (what the runtime API returns).
const rawCid = (bytes) => {
  const digest = createHash('sha256').update(bytes).digest();
  const cid = Buffer.concat([Buffer.from([0x01, 0x55, 0x12, 0x20]), digest]);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let bits = 0, acc = 0, out = 'b';
  for (const byte of cid) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(acc >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(acc << (5 - bits)) & 31];
  return { cid: out, binary: new Uint8Array(cid), checksum: digest };
};

test('the light client follows the node\'s chain: same genesis, same finalized blocks', { skip }, async () => {
  const [lightSpec, rpcGenesis] = await Promise.all([light.getChainSpecData(), rpc._request('chain_getBlockHash', [0])]);
  assert.match(rpcGenesis, /^0x[0-9a-f]{64}$/);
  assert.equal(lightSpec.genesisHash, rpcGenesis, 'the spec describes another chain than the node\'s');

  const block = await lightFinalized(1, 60_000);
  assert.ok(block.number >= 1, 'the light client finalized a block past genesis');
  // The node has that block, under the same hash, and it is final there too.
  assert.equal(await rpc._request('chain_getBlockHash', [block.number]), block.hash);
  const rpcFinalized = await rpc.getFinalizedBlock();
  assert.ok(rpcFinalized.number >= block.number, `the light client is ahead of the node's finality (#${block.number} > #${rpcFinalized.number})`);
});

test('an entry registered through the node reads back through the light client', { skip }, async () => {
  const key = text(`papi-light-${run}`);
  const value = JSON.stringify({ name: 'papi-light', version: '1.0.0' });
  const before = await lightFinalized(1);
  assert.equal(await lightApi.apis.ModuleRegistryApi.get_module(key, { at: before.hash }), undefined,
    'the key is new, so not registered before this test');

  const done = await rpcApi.tx.ModuleRegistry.register_module({ key, data: text(value) }).signAndSubmit(charlie.signer);
  assert.equal(done.ok, true, JSON.stringify(done.dispatchError));
  const block = await lightFinalized(done.block.number);
  const got = await lightApi.apis.ModuleRegistryApi.get_module(key, { at: block.hash });
  assert.notEqual(got, undefined, `the light client does not see the entry at #${block.number}`);
  assert.equal(Binary.toText(got), value);
  const info = await lightApi.apis.ModuleRegistryApi.get_module_info(key, { at: block.hash });
  assert.equal(info.owner, charlie.address);
  assert.equal(info.kind.type, 'Json');
});

test('resolve through the light client: a published package, no match, bad name and bad range', { skip }, async () => {
  const ns = `papi-light-${run}`;
  const name = `${ns}/tool`;
  const claimed = await rpcApi.tx.ModuleRegistry.claim_namespace({ namespace: text(ns) }).signAndSubmit(charlie.signer);
  assert.equal(claimed.ok, true, JSON.stringify(claimed.dispatchError));
  const published = {};
  let last;
  for (const version of ['1.0.0', '1.2.0', '2.0.0-beta.1']) {
    const { cid, binary, checksum } = rawCid(Buffer.from(`${name} ${version} ${run}`));
    last = await rpcApi.tx.ModuleRegistry.publish_version({
      name: text(name), version: text(version), cid: text(cid), checksum, size: 100n + BigInt(version.length), metadata: text('{}'),
    }).signAndSubmit(charlie.signer);
    assert.equal(last.ok, true, `${version}: ${JSON.stringify(last.dispatchError)}`);
    published[version] = { cid: binary, checksum: `0x${checksum.toString('hex')}`, size: 100n + BigInt(version.length) };
  }

  const at = (await lightFinalized(last.block.number)).hash;
  const resolve = (n, range) => lightApi.apis.PackageRegistryApi.resolve(text(n), text(range), { at });

  const found = await resolve(name, '^1');
  assert.equal(found.success, true, show(found.value));
  assert.notEqual(found.value, undefined, `${name}@^1 resolved to nothing through the light client`);
  assert.equal(Binary.toText(found.value.package), name);
  assert.equal(Binary.toText(found.value.record.version), '1.2.0');
  assert.deepEqual(found.value.cid, published['1.2.0'].cid);
  assert.equal(found.value.record.checksum, published['1.2.0'].checksum);
  assert.equal(found.value.record.size, published['1.2.0'].size);
  assert.equal(found.value.record.publisher, charlie.address);
  assert.equal(found.value.record.yanked, false);
  // What the node answers (at its own finalized block, which the RPC client still holds; the
  // version's pin status may have moved on there, as the node tries to pin its CID).
  const viaRpc = await rpcApi.apis.PackageRegistryApi.resolve(text(name), text('^1'));
  assert.equal(viaRpc.success, true);
  const unpinned = ({ pin_status, ...rest }) => rest; // eslint-disable-line no-unused-vars
  assert.deepEqual(unpinned(found.value), unpinned(viaRpc.value));

  assert.equal(Binary.toText((await resolve(name, '~1.0')).value.record.version), '1.0.0');
  assert.equal(Binary.toText((await resolve(name, '>=2.0.0-beta.0')).value.record.version), '2.0.0-beta.1');
  assert.deepEqual(await resolve(name, '^3'), { success: true, value: undefined });
  assert.deepEqual(await resolve(`${ns}/nothing-here`, '*'), { success: true, value: undefined });
  assert.deepEqual(await resolve(name, '^^'), { success: false, value: { type: 'BadRange', value: undefined } });
  assert.deepEqual(await resolve('Not A Name', '*'), { success: false, value: { type: 'BadName', value: undefined } });
});
