// node:test suite against a real node: MODREG_NODE=ws://… node --test test/
// The end-to-end harness (tests/e2e) starts the node and runs this file.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { u8aToString } from '@polkadot/util';
import * as reg from '../src/index.js';

let api, alice, bob;
const run = Date.now().toString(36);
const key = (name) => `js-${run}-${name}`;

before(async () => {
  api = await reg.connect();
  alice = await reg.keypair('//Alice');
  bob = await reg.keypair('//Bob');
});

after(async () => { await api.disconnect(); });

test('register, then read through storage, runtime API and RPC', async () => {
  const value = { name: 'js-module', version: '1.0.0', cid: 'bafybeibwxyzmoduledata' };
  const events = await reg.register(api, alice, key('a'), value);
  assert.ok(events.some((e) => e.section === 'moduleRegistry' && e.method === 'ModuleRegistered'));
  const expected = JSON.stringify(value);
  assert.equal(u8aToString(await reg.get(api, key('a'))), expected);
  assert.equal(u8aToString(await reg.getViaRuntimeApi(api, key('a'))), expected);
  assert.equal(u8aToString(await reg.getViaRpc(api, key('a'))), expected);
  const info = await reg.info(api, key('a'));
  assert.equal(info.owner, alice.address);
  assert.equal(info.kind, 'Json');
  assert.equal(info.pinStatus, 'noPinnableCid');
  // The RPC's JSON shape: a balance as a decimal string, counters as numbers.
  assert.match(info.deposit, /^[1-9][0-9]*$/);
  assert.equal(info.updateCount, 0);
  assert.equal(info.cid, null);
});

test('update re-prices the deposit and counts', async () => {
  await reg.register(api, alice, key('u'), { name: 'short' });
  const before = await reg.info(api, key('u'));
  const events = await reg.register(api, alice, key('u'), { name: 'a much longer name than before' });
  assert.ok(events.some((e) => e.method === 'ModuleUpdated'));
  const after = await reg.info(api, key('u'));
  assert.equal(after.updateCount, 1);
  assert.ok(BigInt(after.deposit) > BigInt(before.deposit));
});

test('a non-owner gets the named pallet error and nothing changes', async () => {
  await reg.register(api, alice, key('owned'), { name: 'mine' });
  await assert.rejects(reg.remove(api, bob, key('owned')), (e) => e instanceof reg.RegistryError && e.name === 'NotOwner');
  assert.notEqual(await reg.get(api, key('owned')), null);
});

test('oversize and invalid values are refused with named errors', async () => {
  await assert.rejects(reg.register(api, alice, 'k'.repeat(65), { a: 1 }), (e) => e.name === 'KeyTooLong');
  await assert.rejects(reg.register(api, alice, key('big'), `{"a":"${'x'.repeat(65_536)}"}`), (e) => e.name === 'ValueTooLarge');
  await assert.rejects(reg.register(api, alice, key('bad'), '{"name": }'), (e) => e.name === 'InvalidJson');
  await assert.rejects(reg.register(api, alice, key('bad'), 'not-a-cid'), (e) => e.name === 'InvalidCid');
  assert.equal(await reg.get(api, key('bad')), null);
});

test('events decode from metadata', async () => {
  const events = await reg.register(api, alice, key('ev'), { name: 'ev' });
  const registered = events.find((e) => e.method === 'ModuleRegistered');
  assert.equal(registered.data[1], alice.address);
  assert.equal(registered.data[3], JSON.stringify({ name: 'ev' }).length);
});

test('transfer (offer, accept), list and remove with the deposit released', async () => {
  await reg.register(api, alice, key('t'), { name: 't' });
  await reg.transfer(api, alice, key('t'), bob.address);
  assert.equal((await reg.transferOffer(api, key('t'))).to, bob.address);
  assert.equal((await reg.info(api, key('t'))).owner, alice.address);
  await assert.rejects(reg.accept(api, alice, key('t')), { name: 'NotOfferee' });
  await reg.accept(api, bob, key('t'));
  assert.equal((await reg.transferOffer(api, key('t'))), null);
  assert.equal((await reg.info(api, key('t'))).owner, bob.address);
  const all = await reg.list(api, null, 256);
  assert.ok(all.some(([k]) => u8aToString(k) === key('t')));
  const heldBefore = await reg.held(api, bob.address);
  const { deposit } = await reg.info(api, key('t'));
  await reg.remove(api, bob, key('t'));
  assert.equal(await reg.held(api, bob.address), heldBefore - BigInt(deposit));
  assert.equal(await reg.info(api, key('t')), null);
});

test('a transaction replaced in the pool rejects with the pool outcome instead of hanging', async () => {
  // Both wait in the future queue (nonce + 1) until the third fills the gap, so the
  // replacement happens before any of them can be included, whatever the block timing.
  const nonce = (await api.rpc.system.accountNextIndex(bob.address)).toNumber();
  const first = reg.register(api, bob, key('usurped'), { n: 1 }, { nonce: nonce + 1, tip: 0 });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const second = reg.register(api, bob, key('usurper'), { n: 2 }, { nonce: nonce + 1, tip: 1_000_000_000 });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const third = reg.register(api, bob, key('gap'), { n: 3 }, { nonce });
  await assert.rejects(first, (e) => e instanceof reg.RegistryError && e.section === 'pool' && e.name === 'Usurped');
  await third;
  await second;
  assert.equal(await reg.get(api, key('usurped')), null);
  assert.notEqual(await reg.get(api, key('usurper')), null);
});

test('listing after an oversized key is refused, not restarted', async () => {
  await assert.rejects(reg.list(api, 'x'.repeat(65), 10), { name: 'StartAfterTooLong' });
});

// Adds `bytes` to the IPFS daemon the node pins from; returns the CIDv1 (raw leaves).
async function ipfsAdd (bytes) {
  const form = new FormData();
  form.append('file', new Blob([bytes]), 'content.bin');
  const url = `${process.env.IPFS_API_URL}/api/v0/add?cid-version=1&raw-leaves=true&pin=true`;
  const answer = await fetch(url, { method: 'POST', body: form });
  assert.equal(answer.status, 200);
  return (await answer.json()).Hash;
}

async function waitVerified (name, version) {
  for (let i = 0; i < 120; i++) {
    const found = await reg.resolve(api, name, `=${version}`);
    if (found && typeof found.pinStatus === 'object' && 'verified' in found.pinStatus) return found;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`${name}@${version} not verified`);
}

test('namespaces and versions: publish, resolve, yank, deprecate', async () => {
  assert.ok(process.env.IPFS_API_URL, 'set IPFS_API_URL to the daemon the node pins from');
  const ns = `js-${run}`;
  const name = `${ns}/kit`;
  await reg.claimNamespace(api, alice, ns);
  await assert.rejects(reg.claimNamespace(api, bob, ns), { name: 'NamespaceTaken' });
  assert.equal((await reg.getNamespace(api, ns)).owner, alice.address);

  const published = {};
  for (const version of ['1.0.0', '1.4.2', '2.0.0-alpha.1']) {
    const body = new TextEncoder().encode(`kit ${version} ${run}`);
    const cid = await ipfsAdd(body);
    const checksum = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
    await reg.publishVersion(api, alice, { name, version, cid, checksum, size: body.length, metadata: { type: 'wasm', description: 'a kit' } });
    published[version] = { cid, body };
  }
  for (const [version, { body }] of Object.entries(published)) {
    const found = await waitVerified(name, version);
    // The chain writes the CID as IPFS users do (base32 CIDv1), whatever base the daemon used;
    // it names exactly the bytes that were published.
    assert.match(found.cid, /^bafk/);
    const served = await fetch(`${process.env.IPFS_API_URL}/api/v0/cat?arg=${found.cid}`, { method: 'POST' });
    assert.deepEqual(new Uint8Array(await served.arrayBuffer()), body);
    assert.equal(found.size, body.length);
  }

  assert.equal((await reg.resolve(api, name, '^1')).version, '1.4.2');
  assert.equal((await reg.resolve(api, `@${name}`, '~1.0')).version, '1.0.0');
  assert.equal((await reg.resolve(api, name, '*')).version, '1.4.2');
  assert.equal((await reg.resolve(api, name, '>=2.0.0-alpha.0')).version, '2.0.0-alpha.1');
  assert.equal(await reg.resolve(api, name, '^3'), null);
  await assert.rejects(reg.resolve(api, name, '^^'), { name: 'BadArgument' });

  await reg.yank(api, alice, name, '1.4.2');
  assert.equal((await reg.resolve(api, name, '^1')).version, '1.0.0');
  assert.equal((await reg.resolve(api, name, '1.4.2')).yanked, true);
  await reg.yank(api, alice, name, '1.4.2', { undo: true });

  await reg.deprecate(api, alice, name, { successor: `${ns}/kit2@^1`, reason: 'renamed' });
  assert.deepEqual((await reg.resolve(api, name, '^1')).deprecated, { successor: `${ns}/kit2@^1`, reason: 'renamed' });
  await reg.undeprecate(api, alice, name);
  await reg.setPackageStatus(api, alice, name, 'Maintenance');

  const pkg = await reg.getPackage(api, name);
  assert.equal(pkg.moduleType, 'wasm');
  assert.equal(pkg.status, 'maintenance');
  assert.equal(pkg.latest, '1.4.2');
  assert.equal(pkg.deprecated, null);
  assert.deepEqual((await reg.versions(api, name)).map((v) => v.version), ['1.0.0', '1.4.2', '2.0.0-alpha.1']);

  await assert.rejects(
    reg.publishVersion(api, alice, { name, version: '1.0.0', cid: published['1.0.0'].cid, checksum: new Uint8Array(32), size: 1 }),
    { name: 'VersionExists' }
  );
  await assert.rejects(
    reg.publishVersion(api, bob, { name, version: '9.0.0', cid: published['1.0.0'].cid, checksum: new Uint8Array(32), size: 1 }),
    { name: 'NotMaintainer' }
  );
  // Metadata over the chain's limit is refused by name before anything is sent (the bounded
  // argument would make the transaction undecodable).
  const limit = api.consts.moduleRegistry.maxMetadataLength.toNumber();
  await assert.rejects(
    reg.publishVersion(api, alice, { name, version: '9.9.9', cid: published['1.0.0'].cid, checksum: new Uint8Array(32), size: 1, metadata: { d: 'x'.repeat(limit) } }),
    { name: 'MetadataTooLarge' }
  );
  // Any other oversize argument is refused by the pool: the call cannot be decoded.
  await assert.rejects(
    reg.publishVersion(api, alice, { name, version: '9.9.9', cid: 'z' + '2'.repeat(100_000), checksum: new Uint8Array(32), size: 1 }),
    (e) => /1002|Verification Error/i.test(String(e.message))
  );
});
