"""High-level access to the module registry chain through substrate-interface."""

import base64
import json
import time

import base58
from substrateinterface import Keypair, SubstrateInterface

from . import errors
from .types import TYPE_REGISTRY

PALLET = "ModuleRegistry"


def to_bytes(value):
    """Turn what substrate-interface returns for a ``Vec<u8>`` into bytes.

    scalecodec returns valid UTF-8 as ``str`` and anything else as ``0x``-hex.
    """
    if value is None:
        return None
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if isinstance(value, list):
        return bytes(value)
    if isinstance(value, str):
        if value.startswith("0x"):
            try:
                return bytes.fromhex(value[2:])
            except ValueError:
                pass
        return value.encode("utf-8")
    raise TypeError(f"cannot read bytes from {type(value).__name__}")


def as_bytes(data):
    """Accept ``bytes``, ``str`` (UTF-8) or a JSON-serialisable ``dict``/``list``."""
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    if isinstance(data, str):
        return data.encode("utf-8")
    return json.dumps(data, separators=(",", ":")).encode("utf-8")


def cid_to_text(cid):
    """Render a binary CID as IPFS does: base58btc for CIDv0, base32 (``b…``) for CIDv1."""
    if cid is None:
        return None
    if len(cid) == 34 and cid[0] == 0x12 and cid[1] == 0x20:
        return base58.b58encode(cid).decode()
    return "b" + base64.b32encode(cid).decode().lower().rstrip("=")


class Registry:
    """A connection to a node, with the registry's calls, queries and runtime API."""

    def __init__(self, url="ws://127.0.0.1:9944", substrate=None):
        if substrate is None:
            substrate = SubstrateInterface(url=url, type_registry=TYPE_REGISTRY)
        else:
            substrate.runtime_config.update_type_registry(TYPE_REGISTRY)
        self.substrate = substrate

    # -- transactions -----------------------------------------------------------------------

    def _submit(self, keypair, function, params):
        call = self.substrate.compose_call(call_module=PALLET, call_function=function, call_params=params)
        extrinsic = self.substrate.create_signed_extrinsic(call=call, keypair=keypair)
        receipt = self.substrate.submit_extrinsic(extrinsic, wait_for_inclusion=True)
        events = [e.value for e in receipt.triggered_events]
        if not receipt.is_success:
            raise errors.from_dispatch_error(receipt.error_message, events)
        return events

    def register(self, keypair, key, data):
        """Insert or update ``key``; waits for inclusion and returns the events.

        ``data`` is JSON metadata (``dict`` or text) or a CID string. Raises the exception named
        after the pallet error (e.g. ``errors.InvalidJson``) when the chain refuses it.
        """
        return self._submit(keypair, "register_module", {"key": as_bytes(key), "data": as_bytes(data)})

    def remove(self, keypair, key):
        """Remove ``key`` (owner only); its deposit is released."""
        return self._submit(keypair, "remove_module", {"key": as_bytes(key)})

    def transfer(self, keypair, key, new_owner):
        """Offer ``key`` to ``new_owner`` (an SS58 address); nothing moves until they accept."""
        return self._submit(keypair, "transfer_ownership", {"key": as_bytes(key), "new_owner": new_owner})

    def accept(self, keypair, key):
        """Accept the ownership offer of ``key`` made to ``keypair``; its deposit is held from it."""
        return self._submit(keypair, "accept_ownership", {"key": as_bytes(key)})

    def cancel_offer(self, keypair, key):
        """Withdraw the pending ownership offer of ``key`` (owner only)."""
        return self._submit(keypair, "cancel_ownership_offer", {"key": as_bytes(key)})

    # -- reads ------------------------------------------------------------------------------

    def get(self, key):
        """The value under ``key`` as bytes (a plain storage query), or ``None``."""
        result = self.substrate.query(PALLET, "ModuleRegistry", [as_bytes(key)])
        return to_bytes(result.value)

    def get_via_runtime_api(self, key):
        """The value under ``key`` through ``ModuleRegistryApi_get_module`` (``state_call``)."""
        result = self.substrate.runtime_call("ModuleRegistryApi", "get_module", {"key": as_bytes(key)})
        return to_bytes(result.value)

    def get_via_rpc(self, key):
        """The value under ``key`` through the node's ``moduleRegistry_getModule`` RPC."""
        answer = self.substrate.rpc_request("moduleRegistry_getModule", ["0x" + as_bytes(key).hex()])
        return to_bytes(answer.get("result"))

    def info(self, key):
        """Owner, deposit, blocks, counters, kind, CID (as text) and pin status, or ``None``."""
        result = self.substrate.query(PALLET, "Modules", [as_bytes(key)])
        return self._info(result.value)

    def info_via_runtime_api(self, key):
        """Like :meth:`info`, through ``ModuleRegistryApi_get_module_info``."""
        result = self.substrate.runtime_call("ModuleRegistryApi", "get_module_info", {"key": as_bytes(key)})
        return self._info(result.value)

    @staticmethod
    def _info(value):
        if value is None:
            return None
        info = dict(value)
        info["cid"] = cid_to_text(to_bytes(info.get("cid")))
        return info

    def transfer_offer(self, key):
        """The pending ownership offer of ``key`` (``{"to", "update_count"}``), or ``None``."""
        result = self.substrate.runtime_call("ModuleRegistryApi", "get_transfer_offer", {"key": as_bytes(key)})
        return result.value

    def list(self, start_after=None, limit=100):
        """A page of ``(key, info)`` in storage order, through the runtime API.

        Raises ``ValueError`` for a ``start_after`` longer than any key can be.
        """
        params = {"start_after": as_bytes(start_after) if start_after is not None else None, "limit": limit}
        result = self.substrate.runtime_call("ModuleRegistryApi", "list_modules", params).value
        if "Err" in result:
            raise ValueError(f"list_modules refused start_after: {result['Err']}")
        return [(to_bytes(k), self._info(v)) for k, v in result["Ok"]]

    def list_all(self, page=100):
        """Every entry, paging through :meth:`list`."""
        out, after = [], None
        while True:
            batch = self.list(after, page)
            if not batch:
                return out
            out.extend(batch)
            after = batch[-1][0]

    def held(self, address):
        """The amount held (reserved) from ``address``, which includes registry deposits."""
        return self.substrate.query("System", "Account", [address]).value["data"]["reserved"]

    def free(self, address):
        """The free balance of ``address``."""
        return self.substrate.query("System", "Account", [address]).value["data"]["free"]

    def wait_for_pin(self, key, timeout=120, states=("Verified", "Rejected")):
        """Poll until the pin status of ``key`` is one of ``states``; returns the status.

        ``Verified`` and ``Rejected`` are final; ``Failed`` is a transient failure the chain
        retries, so wait for it only when that is what you want to see.
        """
        deadline = time.time() + timeout
        status = None
        while time.time() < deadline:
            info = self.info(key)
            status = info and info["pin_status"]
            name = status if isinstance(status, str) else (next(iter(status)) if status else None)
            if name in states:
                return status
            time.sleep(1)
        raise TimeoutError(f"pin status of {key!r} still {status!r} after {timeout}s")


def keypair(suri):
    """A keypair from a secret URI such as ``//Alice``."""
    return Keypair.create_from_uri(suri)
