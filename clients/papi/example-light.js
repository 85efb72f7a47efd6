// Read the registry through an embedded light client (smoldot): no RPC node is trusted, every
// answer is checked against a finalized block's state root (see light.js).
//
//   MODREG_CHAIN_SPEC=spec.json node example-light.js
//   MODREG_CHAIN_SPEC=spec.json MODREG_KEY=my-module MODREG_PACKAGE=acme/tool MODREG_RANGE=^1 node example-light.js
//
// spec.json: the chain's RAW spec with a node to connect to in `bootNodes`, e.g.
//   module-registry-node export-chain-spec --chain dev --raw > spec.json
//   then "bootNodes": ["/ip4/127.0.0.1/tcp/30333/p2p/<peer id from system_localPeerId>"]
// MODREG_KEY: an entry's key to read (optional); MODREG_PACKAGE: a package to resolve (optional),
// against MODREG_RANGE (default `*`).
import { readFile } from 'node:fs/promises';
import { Binary } from 'polkadot-api';
import { modreg } from '@polkadot-api/descriptors';
import { createLightClient } from './light.js';

const specPath = process.env.MODREG_CHAIN_SPEC;
if (!specPath) {
  console.error('set MODREG_CHAIN_SPEC to the chain\'s raw spec (with a bootnode): see the comment at the top');
  process.exit(2);
}
const { client, terminate } = await createLightClient(await readFile(specPath, 'utf8'));

// The runtime API returns a CID in binary; IPFS prints a CIDv0 (a bare SHA-256 multihash) in
// base58btc (`Qm…`), a CIDv1 in base32 (`b…`), as the node's RPC does.
const cidText = (bytes) => {
  if (bytes.length === 34 && bytes[0] === 0x12 && bytes[1] === 0x20) {
    const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
    let n = BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
    let out = '';
    for (; n > 0n; n /= 58n) out = alphabet[Number(n % 58n)] + out;
    return out; // a multihash starts with 0x12, so there are no leading zero bytes to keep
  }
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let bits = 0, acc = 0, out = 'b';
  for (const byte of bytes) {
    acc = ((acc << 8) | byte) & 0xffff;
    bits += 8;
    for (; bits >= 5; bits -= 5) out += alphabet[(acc >>> (bits - 5)) & 31];
  }
  return bits > 0 ? out + alphabet[(acc << (5 - bits)) & 31] : out;
};

// Syncing starts from the spec's genesis; give up rather than wait forever for unreachable peers.
const within = (promise, ms, what) =>
  Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`no ${what} within ${ms / 1000} s`)), ms).unref())]);

try {
  const { name, genesisHash } = await client.getChainSpecData();
  console.log(`light client on ${name}, genesis ${genesisHash}`);
  const api = client.getTypedApi(modreg);
  const block = await within(client.getFinalizedBlock(), 120_000, 'finalized block from the light client');
  console.log(`finalized block #${block.number} ${block.hash}`);
  const at = block.hash; // every read below is at this block, proven against its state root

  if (process.env.MODREG_KEY) {
    const key = process.env.MODREG_KEY;
    const value = await api.apis.ModuleRegistryApi.get_module(Binary.fromText(key), { at });
    console.log(value === undefined ? `entry ${key}: none` : `entry ${key}: ${Binary.toText(value)}`);
  }

  if (process.env.MODREG_PACKAGE) {
    const name = process.env.MODREG_PACKAGE;
    const range = process.env.MODREG_RANGE ?? '*';
    const found = await api.apis.PackageRegistryApi.resolve(Binary.fromText(name), Binary.fromText(range), { at });
    if (!found.success) {
      console.log(`resolve ${name}@${range}: error ${found.value.type}`); // BadName or BadRange
    } else if (found.value === undefined) {
      console.log(`resolve ${name}@${range}: no match`);
    } else {
      const { record, cid } = found.value;
      console.log(`resolve ${name}@${range}: ${Binary.toText(record.version)} cid ${cidText(cid)} ` +
        `checksum ${record.checksum} size ${record.size} publisher ${record.publisher}${record.yanked ? ' (yanked)' : ''}`);
    }
  }
} finally {
  await terminate();
}
