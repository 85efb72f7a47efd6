"""High-level access to the module registry chain through substrate-interface."""

import json
import time

from substrateinterface import Keypair, SubstrateInterface
from substrateinterface.exceptions import SubstrateRequestException

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


class RpcError(Exception):
    """The node answered a ``moduleRegistry_*`` call with a JSON-RPC error (``code``, ``data``)."""

    def __init__(self, error):
        super().__init__(f"{error.get('message')} (code {error.get('code')}): {error.get('data')}")
        self.code = error.get("code")
        self.data = error.get("data")


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

    def get_via_rpc(self, key, at=None):
        """The value under ``key`` through the node's ``moduleRegistry_getModule`` RPC, at the
        block hash ``at`` (best block by default).

        Raises :class:`RpcError` when the node answers with an error (code 3: an unknown block).
        """
        params = ["0x" + as_bytes(key).hex()] + ([at] if at is not None else [])
        result = self._rpc("moduleRegistry_getModule", params)
        return None if result is None else bytes.fromhex(result[2:])

    def _rpc(self, method, params):
        try:
            answer = self.substrate.rpc_request(method, params)
        except SubstrateRequestException as e:
            # substrate-interface raises the JSON-RPC error object as the exception's argument.
            error = e.args[0] if e.args and isinstance(e.args[0], dict) else {"message": str(e)}
            raise RpcError(error) from e
        if "error" in answer:
            raise RpcError(answer["error"])
        return answer.get("result")

    def info(self, key):
        """What the chain records about ``key``, or ``None``, through ``moduleRegistry_getModuleInfo``.

        The node's documented JSON shape (docs/ARCHITECTURE.md, "RPC"): ``owner`` (SS58),
        ``deposit`` (decimal string), ``created``, ``updated``, ``updateCount``, ``valueLen``,
        ``kind`` (``Json``/``Cid``), ``cid`` (text, as IPFS prints it, or ``None``) and
        ``pinStatus`` (``"pending"``, ``"noPinnableCid"``, ``{"verified": {"at", "by"}}``,
        ``{"failed": {"reason", "attempts"}}`` or ``{"rejected": {"reason", "at"}}``).
        """
        return self._rpc("moduleRegistry_getModuleInfo", ["0x" + as_bytes(key).hex()])

    def info_raw(self, key):
        """The stored record of ``key`` as substrate-interface decodes it (``snake_case`` fields,
        the CID as bytes), through ``ModuleRegistryApi_get_module_info``; for nodes without the
        registry RPC."""
        return self.substrate.runtime_call("ModuleRegistryApi", "get_module_info", {"key": as_bytes(key)}).value

    def transfer_offer(self, key):
        """The pending ownership offer of ``key`` (``{"to", "updateCount"}``), or ``None``."""
        return self._rpc("moduleRegistry_getTransferOffer", ["0x" + as_bytes(key).hex()])

    def list(self, start_after=None, limit=100):
        """A page of ``(key, info)`` in storage order, through ``moduleRegistry_listModules``.

        ``info`` has the shape of :meth:`info`. Raises ``ValueError`` for a ``start_after``
        longer than any key can be.
        """
        after = "0x" + as_bytes(start_after).hex() if start_after is not None else None
        try:
            page = self._rpc("moduleRegistry_listModules", [after, limit])
        except RpcError as e:
            if e.code == 2:
                raise ValueError(f"StartAfterTooLong: {e}") from e
            raise
        return [(bytes.fromhex(entry["key"][2:]), entry["info"]) for entry in page]

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

    def wait_for_pin(self, key, timeout=120, states=("verified", "rejected")):
        """Poll until the pin status of ``key`` is one of ``states``; returns the status.

        ``verified`` and ``rejected`` are final; ``failed`` is a transient failure the chain
        retries, so wait for it only when that is what you want to see.
        """
        deadline = time.time() + timeout
        status = None
        while time.time() < deadline:
            info = self.info(key)
            status = info and info["pinStatus"]
            name = status if isinstance(status, str) else (next(iter(status)) if status else None)
            if name in states:
                return status
            time.sleep(1)
        raise TimeoutError(f"pin status of {key!r} still {status!r} after {timeout}s")


def keypair(suri):
    """A keypair from a secret URI such as ``//Alice``."""
    return Keypair.create_from_uri(suri)
