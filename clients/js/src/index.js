// Client of the module registry chain on @polkadot/api.
//
// Calls, storage queries and events come from the chain's metadata; the runtime API
// `api.call.moduleRegistryApi.*` comes from metadata V15+ (no hand-written types). Only the
// node's custom JSON-RPC methods (`moduleRegistry_*`) need the `rpc` definitions below.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { isU8a, stringToU8a, u8aToHex, u8aToU8a } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';

/** Definitions of the node's custom RPC methods. */
export const RPC = {
  moduleRegistry: {
    getModule: {
      description: 'The value registered under key, as submitted',
      params: [
        { name: 'key', type: 'Bytes' },
        { name: 'at', type: 'Hash', isOptional: true }
      ],
      type: 'Option<Bytes>'
    },
    getModuleInfo: {
      description: 'Owner, deposit, counters, kind, CID and pin status of key',
      params: [
        { name: 'key', type: 'Bytes' },
        { name: 'at', type: 'Hash', isOptional: true }
      ],
      type: 'Json'
    },
    listModules: {
      description: 'A page of entries after startAfter',
      params: [
        { name: 'startAfter', type: 'Option<Bytes>' },
        { name: 'limit', type: 'Option<u32>' },
        { name: 'at', type: 'Hash', isOptional: true }
      ],
      type: 'Json'
    },
    getTransferOffer: {
      description: 'The ownership offer waiting for its recipient under key',
      params: [
        { name: 'key', type: 'Bytes' },
        { name: 'at', type: 'Hash', isOptional: true }
      ],
      type: 'Json'
    },
    resolve: {
      description: 'The version a range resolves to in package name',
      params: [
        { name: 'name', type: 'Text' },
        { name: 'range', type: 'Text' },
        { name: 'at', type: 'Hash', isOptional: true }
      ],
      type: 'Json'
    },
    versions: {
      description: 'A page of versions of package name, lowest first',
      params: [
        { name: 'name', type: 'Text' },
        { name: 'startAfter', type: 'Option<Text>' },
        { name: 'limit', type: 'Option<u32>' },
        { name: 'at', type: 'Hash', isOptional: true }
      ],
      type: 'Json'
    },
    getPackage: {
      description: 'Package name: owner, maintainers, type, status, deprecation, latest',
      params: [
        { name: 'name', type: 'Text' },
        { name: 'at', type: 'Hash', isOptional: true }
      ],
      type: 'Json'
    },
    getNamespace: {
      description: 'Namespace: owner, maintainers, verified, deposit, pending offer',
      params: [
        { name: 'namespace', type: 'Text' },
        { name: 'at', type: 'Hash', isOptional: true }
      ],
      type: 'Json'
    }
  }
};

/** A dispatch error of the chain, named after the pallet error (e.g. `NotOwner`). */
export class RegistryError extends Error {
  constructor (name, docs, section, events) {
    super(docs ? `${name}: ${docs}` : name);
    this.name = name;
    this.section = section;
    this.events = events;
  }
}

/** Connect to a node. */
export async function connect (url = process.env.MODREG_NODE || 'ws://127.0.0.1:9944') {
  const api = await ApiPromise.create({ provider: new WsProvider(url), rpc: RPC, noInitWarn: true });
  await api.isReady;
  return api;
}

/** A sr25519 keypair from a secret URI such as `//Alice`. */
export async function keypair (suri) {
  await cryptoWaitReady();
  return new Keyring({ type: 'sr25519' }).addFromUri(suri);
}

/** Bytes from a Uint8Array, a string (UTF-8) or a JSON-serialisable object. */
export function toBytes (data) {
  if (isU8a(data)) return data;
  if (typeof data === 'string') return stringToU8a(data);
  return stringToU8a(JSON.stringify(data));
}

// A `Bytes` argument as hex: @polkadot/api reads a Uint8Array given for `Bytes` as already
// SCALE-encoded (length prefix included), and a hex string as the raw bytes.
const arg = (data) => u8aToHex(toBytes(data));

// Pool outcomes after which the transaction will never be included.
const FINAL_FAILURES = ['isInvalid', 'isDropped', 'isUsurped', 'isFinalityTimeout'];

// Sign and send `tx`; resolves with the events once it is in a block, rejects with a
// `RegistryError` named after the pallet error, or after the pool outcome (`Invalid`, `Dropped`,
// `Usurped`, `FinalityTimeout`) when it will never be included. `options` goes to `signAndSend`
// (`nonce`, `tip`, `era`).
function submit (api, signer, tx, options = {}) {
  return new Promise((resolve, reject) => {
    let unsub = () => {};
    tx.signAndSend(signer, options, ({ status, events, dispatchError }) => {
      if (FINAL_FAILURES.some((f) => status[f])) {
        unsub();
        reject(new RegistryError(status.type, `the transaction pool reports ${status.type}: it will not be included`, 'pool', []));
        return;
      }
      if (!status.isInBlock && !status.isFinalized) return;
      unsub();
      const decoded = events.map(({ event }) => ({ section: event.section, method: event.method, data: event.data.toJSON() }));
      if (dispatchError) {
        if (dispatchError.isModule) {
          const meta = api.registry.findMetaError(dispatchError.asModule);
          reject(new RegistryError(meta.name, meta.docs.join(' '), meta.section, decoded));
        } else {
          reject(new RegistryError(dispatchError.type, dispatchError.toString(), 'system', decoded));
        }
        return;
      }
      resolve(decoded);
    }).then((u) => { unsub = u; }, reject);
  });
}

/** Insert or update `key`; resolves with the block's events once included. */
export function register (api, signer, key, data, options = {}) {
  return submit(api, signer, api.tx.moduleRegistry.registerModule(arg(key), arg(data)), options);
}

/** Remove `key` (owner only); the deposit is released. */
export function remove (api, signer, key, options = {}) {
  return submit(api, signer, api.tx.moduleRegistry.removeModule(arg(key)), options);
}

/** Offer `key` to `newOwner` (an SS58 address); nothing moves until they accept. */
export function transfer (api, signer, key, newOwner, options = {}) {
  return submit(api, signer, api.tx.moduleRegistry.transferOwnership(arg(key), newOwner), options);
}

/** Accept the ownership offer of `key` made to `signer`; the deposit is then held from it. */
export function accept (api, signer, key, options = {}) {
  return submit(api, signer, api.tx.moduleRegistry.acceptOwnership(arg(key)), options);
}

/** Withdraw the pending ownership offer of `key` (owner only). */
export function cancelOffer (api, signer, key, options = {}) {
  return submit(api, signer, api.tx.moduleRegistry.cancelOwnershipOffer(arg(key)), options);
}

/** The pending ownership offer of `key` (`{ to, updateCount }`), or null. */
export async function transferOffer (api, key) {
  const value = await api.query.moduleRegistry.transferOffers(arg(key));
  return value.isSome ? value.unwrap().toJSON() : null;
}

/** The value under `key` from a storage query, or null. */
export async function get (api, key) {
  const value = await api.query.moduleRegistry.moduleRegistry(arg(key));
  return value.isSome ? u8aToU8a(value.unwrap().toU8a(true)) : null;
}

/** The value under `key` through the runtime API (`ModuleRegistryApi_get_module`). */
export async function getViaRuntimeApi (api, key) {
  const result = await api.call.moduleRegistryApi.getModule(arg(key));
  // @polkadot/api 16 hands the raw `state_call` output (a `Bytes`) to `Option<Bytes>`, which
  // takes a `Bytes` as its already-decoded inner value; decode the raw bytes properly.
  const raw = result.isSome ? result.unwrap().toU8a(true) : new Uint8Array([0]);
  const value = api.createType('Option<Bytes>', raw);
  return value.isSome ? u8aToU8a(value.unwrap().toU8a(true)) : null;
}

/** The value under `key` through the node's `moduleRegistry_getModule` RPC. */
export async function getViaRpc (api, key) {
  const value = await api.rpc.moduleRegistry.getModule(arg(key));
  return value.isSome ? u8aToU8a(value.unwrap().toU8a(true)) : null;
}

/**
 * What the chain records about `key`, or null, through `moduleRegistry_getModuleInfo`: the node's
 * documented JSON shape (docs/ARCHITECTURE.md, "RPC"). `owner` is SS58, `deposit` a decimal
 * string (use `BigInt(info.deposit)`), `cid` text as IPFS prints it, `pinStatus` one of
 * `'pending'`, `'noPinnableCid'`, `{ verified: { at, by } }`, `{ failed: { reason, attempts } }`,
 * `{ rejected: { reason, at } }`.
 */
export async function info (api, key) {
  // `.raw`: the answer as the node sent it (the `Json` codec would turn arrays into maps).
  return await api.rpc.moduleRegistry.getModuleInfo.raw(arg(key));
}

/**
 * A page of `[key, info]` (key as bytes, info as in `info`) through `moduleRegistry_listModules`;
 * throws `StartAfterTooLong` for a `startAfter` longer than any key.
 */
export async function list (api, startAfter = null, limit = 100) {
  let page;
  try {
    page = await api.rpc.moduleRegistry.listModules.raw(startAfter === null ? null : arg(startAfter), limit);
  } catch (e) {
    if (/longer than the longest key/.test(String(e.message))) {
      throw new RegistryError('StartAfterTooLong', 'list_modules refused startAfter', 'moduleRegistry', []);
    }
    throw e;
  }
  return page.map(({ key, info }) => [u8aToU8a(key), info]);
}

/** The amount held from `address` (registry deposits included). */
export async function held (api, address) {
  const { data } = await api.query.system.account(address);
  return data.reserved.toBigInt();
}

// -- the registry layer: namespaces, packages, versions ------------------------------------

const optArg = (data) => (data === null || data === undefined ? null : arg(data));

/** Claim a free namespace; a deposit is held. Rejects with `NamespaceTaken`, `ReservedName`, … */
export function claimNamespace (api, signer, namespace, options = {}) {
  return submit(api, signer, api.tx.moduleRegistry.claimNamespace(arg(namespace)), options);
}

/** Let `who` (SS58) publish in `namespace` (owner only). */
export function addMaintainer (api, signer, namespace, who, options = {}) {
  return submit(api, signer, api.tx.moduleRegistry.addMaintainer(arg(namespace), who), options);
}

/** Take that right away (owner only). */
export function removeMaintainer (api, signer, namespace, who, options = {}) {
  return submit(api, signer, api.tx.moduleRegistry.removeMaintainer(arg(namespace), who), options);
}

/** Offer `namespace` to `to`; nothing moves until they `acceptNamespace`. */
export function transferNamespace (api, signer, namespace, to, options = {}) {
  return submit(api, signer, api.tx.moduleRegistry.transferNamespace(arg(namespace), to), options);
}

/** Accept a namespace offered to `signer`; its maintainer list is cleared. */
export function acceptNamespace (api, signer, namespace, options = {}) {
  return submit(api, signer, api.tx.moduleRegistry.acceptNamespace(arg(namespace)), options);
}

/**
 * Publish an immutable version of package `name` (`ns/name`): `cid` text, `checksum` the 32-byte
 * SHA-256 of the content (a Uint8Array or `'sha256:<hex>'`), `size` its length, `metadata` an
 * object (its `type` sets a new package's module type). Rejects with `VersionExists`, …
 */
export async function publishVersion (api, signer, { name, version, cid, checksum, size, metadata = {} }, options = {}) {
  const sum = typeof checksum === 'string' ? '0x' + checksum.replace(/^sha256:/, '') : u8aToHex(checksum);
  // The call's arguments are bounded: an oversize one makes the transaction undecodable, which
  // the pool refuses without a pallet error. Metadata is the one a user can grow by accident,
  // so its limit (the chain's own constant) gets the named error here.
  const meta = toBytes(metadata);
  const limit = api.consts.moduleRegistry.maxMetadataLength.toNumber();
  if (meta.length > limit) {
    throw new RegistryError('MetadataTooLarge', `metadata is ${meta.length} bytes; the chain takes at most ${limit}`, 'moduleRegistry', []);
  }
  const tx = api.tx.moduleRegistry.publishVersion(arg(name), arg(version), arg(cid), sum, size, u8aToHex(meta));
  return submit(api, signer, tx, options);
}

/** Yank `version` (ranges skip it, an exact request still resolves it); `undo` restores it. */
export function yank (api, signer, name, version, { undo = false } = {}, options = {}) {
  const call = undo ? api.tx.moduleRegistry.unyankVersion : api.tx.moduleRegistry.yankVersion;
  return submit(api, signer, call(arg(name), arg(version)), options);
}

/** Deprecate package `name`, or one `version`; `successor` is `ns/name@range`. */
export function deprecate (api, signer, name, { version = null, successor = null, reason = '' } = {}, options = {}) {
  const tx = api.tx.moduleRegistry.deprecate(arg(name), optArg(version), optArg(successor), arg(reason));
  return submit(api, signer, tx, options);
}

/** Lift the deprecation of package `name` or of one `version`. */
export function undeprecate (api, signer, name, version = null, options = {}) {
  return submit(api, signer, api.tx.moduleRegistry.undeprecate(arg(name), optArg(version)), options);
}

/** Set a package's status: `'Active'`, `'Maintenance'` or `'Inactive'`. */
export function setPackageStatus (api, signer, name, status, options = {}) {
  return submit(api, signer, api.tx.moduleRegistry.setPackageStatus(arg(name), status), options);
}

// A registry query through the node's RPC; a bad name or range (error code 2) is a
// `RegistryError` named `BadArgument`.
async function query (method, ...params) {
  try {
    return await method.raw(...params);
  } catch (e) {
    if (/not a valid/.test(String(e.message))) {
      throw new RegistryError('BadArgument', String(e.message), 'moduleRegistry', []);
    }
    throw e;
  }
}

/**
 * The version `range` resolves to in package `name`, or null (`moduleRegistry_resolve`):
 * `{ name, version, cid, checksum, size, yanked, deprecated, pinStatus, publisher, publishedAt,
 * entryKey }`.
 */
export function resolve (api, name, range = 'latest') {
  return query(api.rpc.moduleRegistry.resolve, name, range);
}

/** Every version of package `name`, lowest first. */
export async function versions (api, name) {
  const out = [];
  for (;;) {
    const after = out.length ? out[out.length - 1].version : null;
    const page = await query(api.rpc.moduleRegistry.versions, name, after, 100);
    if (!page.length) return out;
    out.push(...page);
  }
}

/** Package `name`, or null (`moduleRegistry_getPackage`). */
export function getPackage (api, name) {
  return query(api.rpc.moduleRegistry.getPackage, name);
}

/** Namespace `namespace`, or null (`moduleRegistry_getNamespace`). */
export function getNamespace (api, namespace) {
  return query(api.rpc.moduleRegistry.getNamespace, namespace);
}
