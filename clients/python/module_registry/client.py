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

    # -- the registry layer: namespaces, packages, versions ----------------------------------

    def claim_namespace(self, keypair, namespace):
        """Claim a free namespace; a deposit is held. Raises ``errors.NamespaceTaken``,
        ``errors.ReservedName`` or ``errors.InvalidName``."""
        return self._submit(keypair, "claim_namespace", {"namespace": as_bytes(namespace)})

    def add_maintainer(self, keypair, namespace, who):
        """Let ``who`` (SS58) publish in ``namespace`` (owner only)."""
        return self._submit(keypair, "add_maintainer", {"namespace": as_bytes(namespace), "who": who})

    def remove_maintainer(self, keypair, namespace, who):
        """Take that right away (owner only)."""
        return self._submit(keypair, "remove_maintainer", {"namespace": as_bytes(namespace), "who": who})

    def transfer_namespace(self, keypair, namespace, to):
        """Offer ``namespace`` to ``to``; nothing moves until they :meth:`accept_namespace`."""
        return self._submit(keypair, "transfer_namespace", {"namespace": as_bytes(namespace), "to": to})

    def accept_namespace(self, keypair, namespace):
        """Accept a namespace offered to ``keypair``; its maintainer list is cleared."""
        return self._submit(keypair, "accept_namespace", {"namespace": as_bytes(namespace)})

    def release_namespace(self, keypair, namespace):
        """Give up ``namespace`` (owner only) while it holds no packages: the claim deposit is
        returned and anyone may claim the name again. Raises ``errors.NamespaceNotEmpty``."""
        return self._submit(keypair, "release_namespace", {"namespace": as_bytes(namespace)})

    def publish_version(self, keypair, name, version, cid, checksum, size, metadata=None):
        """Publish an immutable version of package ``name`` (``ns/name``).

        ``cid`` is the content's CID (text), ``checksum`` the 32-byte SHA-256 of the content
        bytes (``bytes`` or ``"sha256:<hex>"``), ``size`` their length, ``metadata`` a ``dict``
        (or JSON text; its ``type`` sets a new package's module type). Raises
        ``errors.VersionExists`` when the version is published already.
        """
        if isinstance(checksum, str):
            checksum = bytes.fromhex(checksum.removeprefix("sha256:"))
        meta = as_bytes(metadata if metadata is not None else {})
        # The call's arguments are bounded: an oversize one makes the transaction undecodable,
        # which the pool refuses without a pallet error. Metadata is the one a user can grow by
        # accident, so its limit (the chain's own constant) gets the named error here.
        limit = self.substrate.get_constant(PALLET, "MaxMetadataLength").value
        if len(meta) > limit:
            raise errors.MetadataTooLarge(
                "MetadataTooLarge", f"metadata is {len(meta)} bytes; the chain takes at most {limit}"
            )
        params = {
            "name": as_bytes(name),
            "version": as_bytes(version),
            "cid": as_bytes(cid),
            "checksum": bytes(checksum),
            "size": int(size),
            "metadata": meta,
        }
        return self._submit(keypair, "publish_version", params)

    def yank(self, keypair, name, version, undo=False):
        """Yank ``version`` (ranges skip it; an exact request still resolves it), or restore it."""
        function = "unyank_version" if undo else "yank_version"
        return self._submit(keypair, function, {"name": as_bytes(name), "version": as_bytes(version)})

    def deprecate(self, keypair, name, reason="", version=None, successor=None):
        """Deprecate package ``name``, or one ``version`` of it; ``successor`` is ``ns/name@range``."""
        params = {
            "name": as_bytes(name),
            "version": None if version is None else as_bytes(version),
            "successor": None if successor is None else as_bytes(successor),
            "reason": as_bytes(reason),
        }
        return self._submit(keypair, "deprecate", params)

    def undeprecate(self, keypair, name, version=None):
        """Lift the deprecation of package ``name`` or of one ``version``."""
        params = {"name": as_bytes(name), "version": None if version is None else as_bytes(version)}
        return self._submit(keypair, "undeprecate", params)

    def set_package_status(self, keypair, name, status):
        """Set ``status``: ``"Active"``, ``"Maintenance"`` or ``"Inactive"``."""
        return self._submit(keypair, "set_package_status", {"name": as_bytes(name), "status": status})

    def _registry_query(self, method, params):
        try:
            return self._rpc(method, params)
        except RpcError as e:
            if e.code == 2:
                raise ValueError(str(e)) from e
            raise

    def resolve(self, name, range_="latest"):
        """The version ``range_`` resolves to in package ``name``, or ``None``, through
        ``moduleRegistry_resolve``: ``{"name", "version", "cid", "checksum", "size", "yanked",
        "deprecated", "pinStatus", "publisher", "publishedAt", "entryKey"}``. Raises
        ``ValueError`` for a bad name or range."""
        return self._registry_query("moduleRegistry_resolve", [name, range_])

    def versions(self, name):
        """Every version of package ``name``, lowest first (paging ``moduleRegistry_versions``)."""
        out = []
        while True:
            after = out[-1]["version"] if out else None
            page = self._registry_query("moduleRegistry_versions", [name, after, 100])
            if not page:
                return out
            out.extend(page)

    def package(self, name):
        """Package ``name`` (owner, maintainers, moduleType, status, deprecated, latest,
        versionCount, created, verified), or ``None``."""
        return self._registry_query("moduleRegistry_getPackage", [name])

    def namespace(self, namespace):
        """Namespace ``namespace`` (open, owner, maintainers, verified, deposit, created,
        offeredTo), or ``None``."""
        return self._registry_query("moduleRegistry_getNamespace", [namespace])

    def wait_for_version(self, name, version, timeout=120, states=("verified", "rejected")):
        """Poll until the pin status of ``name`` at exactly ``version`` is one of ``states``."""
        return _poll_pin(lambda: self.resolve(name, "=" + version), f"{name}@{version}", timeout, states)

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
        return _poll_pin(lambda: self.info(key), repr(key), timeout, states)


def _poll_pin(read, what, timeout, states):
    """Call ``read`` (an entry or a version in the RPC's shape) every second until its
    ``pinStatus`` is one of ``states``; return that status or raise ``TimeoutError``."""
    deadline = time.time() + timeout
    status = None
    while time.time() < deadline:
        found = read()
        status = found and found["pinStatus"]
        name = status if isinstance(status, str) else (next(iter(status)) if status else None)
        if name in states:
            return status
        time.sleep(1)
    raise TimeoutError(f"pin status of {what} still {status!r} after {timeout}s")


def keypair(suri):
    """A keypair from a secret URI such as ``//Alice``."""
    return Keypair.create_from_uri(suri)
