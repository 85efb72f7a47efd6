// node:test suite of the typed polkadot-api descriptors against a real node:
// MODREG_NODE=ws://… node --test test/   (tests/e2e/test_papi_client.py starts the node and runs it)

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { Binary, CompatibilityLevel, createClient } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import { WebSocket } from 'ws';
import { getPolkadotSigner } from 'polkadot-api/signer';
import { sr25519CreateDerive } from '@polkadot-labs/hdkd';
import { DEV_MINI_SECRET, ss58Address } from '@polkadot-labs/hdkd-helpers';
import { decAnyMetadata, unifyMetadata } from '@polkadot-api/substrate-bindings';
import { modreg } from '@polkadot-api/descriptors';

let client, api;
const derive = sr25519CreateDerive(DEV_MINI_SECRET);
const account = (path) => {
  const pair = derive(path);
  return { address: ss58Address(pair.publicKey), signer: getPolkadotSigner(pair.publicKey, 'Sr25519', pair.sign) };
};
const alice = account('//Alice');
const bob = account('//Bob');
const run = Date.now().toString(36);
const key = (name) => Binary.fromText(`papi-${run}-${name}`);
const text = (value) => Binary.fromText(typeof value === 'string' ? value : JSON.stringify(value));
const moduleError = (done) => {
  assert.equal(done.ok, false, 'the call was expected to fail');
  assert.equal(done.dispatchError.type, 'Module');
  assert.equal(done.dispatchError.value.type, 'ModuleRegistry');
  return done.dispatchError.value.value.type;
};

before(() => {
  client = createClient(getWsProvider(process.env.MODREG_NODE ?? 'ws://127.0.0.1:9944', { websocketClass: WebSocket }));
  api = client.getTypedApi(modreg);
});

after(() => client.destroy());

// The metadata with every constant's value blanked: types, calls, storage, events, errors and
// runtime APIs, which descriptors type, and not the values a chain spec may set.
const shape = (bytes) => {
  const metadata = unifyMetadata(decAnyMetadata(bytes));
  for (const pallet of metadata.pallets) for (const c of pallet.constants) c.value = '';
  return JSON.stringify(metadata, (_, v) => (typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v));
};

test('the checked-in descriptors are the running runtime\'s (else: npm run generate)', async () => {
  const head = await client.getFinalizedBlock();
  const live = await client.getMetadata(head.hash);
  const checkedIn = new Uint8Array(await readFile(new URL('../.papi/metadata/modreg.scale', import.meta.url)));
  assert.ok(shape(live) === shape(checkedIn),
    'the node\'s metadata differs from .papi/metadata/modreg.scale: run `npm run generate` in clients/papi');
  const statics = await api.getStaticApis();
  for (const call of ['register_module', 'remove_module', 'transfer_ownership', 'accept_ownership', 'publish_version']) {
    assert.ok(statics.compat.tx.ModuleRegistry[call].isCompatible(CompatibilityLevel.Identical), call);
  }
  assert.ok(statics.compat.apis.ModuleRegistryApi.get_module.isCompatible(CompatibilityLevel.Identical));
  assert.ok(statics.compat.query.ModuleRegistry.Modules.isCompatible(CompatibilityLevel.Identical));
  assert.equal(statics.constants.ModuleRegistry.MaxValueLength, 65_536);
});

test('register, then the same bytes from storage, the runtime API and the event', async () => {
  const value = { name: 'papi-module', version: '1.0.0' };
  const done = await api.tx.ModuleRegistry.register_module({ key: key('a'), data: text(value) }).signAndSubmit(alice.signer);
  assert.equal(done.ok, true, JSON.stringify(done.dispatchError));
  const registered = api.event.ModuleRegistry.ModuleRegistered.filter(done.events);
  assert.equal(registered.length, 1);
  assert.equal(Binary.toText(registered[0].payload.key), Binary.toText(key('a')));
  assert.equal(registered[0].payload.owner, alice.address);
  assert.equal(registered[0].payload.value_len, JSON.stringify(value).length);

  const at = done.block.hash;
  const stored = await api.query.ModuleRegistry.ModuleRegistry.getValue(key('a'), { at });
  assert.equal(Binary.toText(stored), JSON.stringify(value));
  const viaApi = await api.apis.ModuleRegistryApi.get_module(key('a'), { at });
  assert.equal(Binary.toText(viaApi), JSON.stringify(value));
  const info = await api.apis.ModuleRegistryApi.get_module_info(key('a'), { at });
  assert.equal(info.owner, alice.address);
  assert.equal(info.kind.type, 'Json');
  assert.equal(info.pin_status.type, 'NoPinnableCid');
  assert.ok(info.deposit > 0n, 'a held deposit, as a bigint');
  const record = await api.query.ModuleRegistry.Modules.getValue(key('a'), { at });
  assert.equal(record.info.deposit, info.deposit);
});

test('a pallet error comes back by name, and nothing changes', async () => {
  await api.tx.ModuleRegistry.register_module({ key: key('owned'), data: text({ name: 'mine' }) }).signAndSubmit(alice.signer);
  const done = await api.tx.ModuleRegistry.remove_module({ key: key('owned') }).signAndSubmit(bob.signer);
  assert.equal(moduleError(done), 'NotOwner');
  assert.notEqual(await api.query.ModuleRegistry.ModuleRegistry.getValue(key('owned'), { at: done.block.hash }), undefined);

  const bad = await api.tx.ModuleRegistry.register_module({ key: key('bad'), data: text('{"name": }') }).signAndSubmit(alice.signer);
  assert.equal(moduleError(bad), 'InvalidJson');
  assert.equal(await api.query.ModuleRegistry.ModuleRegistry.getValue(key('bad'), { at: bad.block.hash }), undefined);
});

test('ownership moves only when the recipient accepts', async () => {
  const k = key('moving');
  await api.tx.ModuleRegistry.register_module({ key: k, data: text({ name: 'moving' }) }).signAndSubmit(alice.signer);
  const offered = await api.tx.ModuleRegistry.transfer_ownership({ key: k, new_owner: bob.address }).signAndSubmit(alice.signer);
  assert.equal(offered.ok, true, JSON.stringify(offered.dispatchError));
  const offer = await api.apis.ModuleRegistryApi.get_transfer_offer(k, { at: offered.block.hash });
  assert.equal(offer.to, bob.address);
  assert.equal((await api.apis.ModuleRegistryApi.get_module_info(k, { at: offered.block.hash })).owner, alice.address);

  const accepted = await api.tx.ModuleRegistry.accept_ownership({ key: k }).signAndSubmit(bob.signer);
  assert.equal(accepted.ok, true, JSON.stringify(accepted.dispatchError));
  assert.equal((await api.apis.ModuleRegistryApi.get_module_info(k, { at: accepted.block.hash })).owner, bob.address);
  assert.equal(await api.apis.ModuleRegistryApi.get_transfer_offer(k, { at: accepted.block.hash }), undefined);
});
