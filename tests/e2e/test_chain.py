"""The chain end to end: register, read three ways, update, refuse, remove; the 64 KiB limit.

The two-node testnet and the kill -9 test are in ``test_resilience.py``.
"""

import base64
import hashlib
import json
import os
import subprocess
import time

import pytest
from substrateinterface.exceptions import SubstrateRequestException

from module_registry import errors
from module_registry.client import to_bytes

METADATA = {
    "name": "ExampleModule",
    "version": "1.0.0",
    "author": "ModuleDeveloper",
    "cid": "bafybeibwxyzmoduledata",
    "entrypoint": "main.py",
    "args": {"learning_rate": 0.01, "epochs": 10},
    "custom": {"description": "An example module", "tags": ["machine learning", "example"]},
}


def test_pallet_is_in_metadata(registry):
    registry.substrate.init_runtime()
    pallets = [p.name for p in registry.substrate.metadata.pallets]
    assert "ModuleRegistry" in pallets


def test_the_node_runs_the_deployable_runtime(dev_node, registry):
    """The tests run what operators deploy: no benchmarking in the runtime or the node, and the
    transaction extensions every signer sees."""
    with pytest.raises(RuntimeError, match="(?i)not found|does not exist|unknown"):
        dev_node.rpc("state_call", ["Benchmark_benchmark_metadata", "0x00"])
    assert dev_node.rpc("state_call", ["Core_version", "0x"]).startswith("0x")
    registry.substrate.init_runtime()
    extensions = list(registry.substrate.metadata.get_signed_extensions())
    assert extensions == [
        "CheckNonZeroSender",
        "CheckSpecVersion",
        "CheckTxVersion",
        "CheckGenesis",
        "CheckMortality",
        "CheckNonce",
        "CheckWeight",
        "ChargeTransactionPayment",
        "WeightReclaim",
    ]
    binary = os.environ.get("NODE_BIN") or dev_node.binary
    done = subprocess.run([binary, "benchmark", "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode != 0, "the deployable node has no benchmark subcommand"


def test_rpc_answers_in_the_documented_json_shape(dev_node, registry, alice):
    # A CIDv1 (raw, sha2-256) of bytes nobody adds to IPFS: it stays pending, which is fine here.
    digest = hashlib.sha256(b"rpc-shape").digest()
    cid = "b" + base64.b32encode(bytes([1, 0x55, 0x12, 0x20]) + digest).decode().lower().rstrip("=")
    registry.register(alice, b"rpc-shape", cid)
    registry.register(alice, b"rpc-\xff\xfe", {"name": "binary key"})
    info = dev_node.rpc("moduleRegistry_getModuleInfo", ["0x" + b"rpc-shape".hex()])
    assert set(info) == {
        "owner", "deposit", "created", "updated", "updateCount", "valueLen", "kind", "cid", "pinStatus"
    }
    assert info["owner"] == alice.ss58_address
    assert isinstance(info["deposit"], str) and int(info["deposit"]) > 0
    assert info["cid"] == cid and info["kind"] == "Cid" and info["valueLen"] == len(cid)
    page = dev_node.rpc("moduleRegistry_listModules", [None, 1000])
    by_key = {entry["key"]: entry for entry in page}
    assert by_key["0x" + b"rpc-shape".hex()]["keyText"] == "rpc-shape"
    listed = by_key["0x" + b"rpc-shape".hex()]["info"]
    assert {k: v for k, v in listed.items() if k != "pinStatus"} == {
        k: v for k, v in info.items() if k != "pinStatus"
    }
    # A key that is not UTF-8 has only its hex form.
    assert by_key["0x" + b"rpc-\xff\xfe".hex()]["keyText"] is None
    assert dev_node.rpc("moduleRegistry_getModuleInfo", ["0x" + b"rpc-none".hex()]) is None


def test_register_read_update_refuse_remove(registry, alice, bob):
    key = b"e2e-chain-journey"
    value = json.dumps(METADATA).encode()
    held_before = registry.held(alice.ss58_address)

    events = registry.register(alice, key, value)
    assert any(e["event"]["event_id"] == "ModuleRegistered" for e in events)

    # Three ways to read: a plain storage query, the runtime API (state_call), the custom RPC.
    assert registry.get(key) == value
    assert registry.get_via_runtime_api(key) == value
    assert registry.get_via_rpc(key) == value
    info = registry.info(key)
    assert info["owner"] == alice.ss58_address
    assert info["kind"] == "Json"
    assert info["pinStatus"] == "noPinnableCid"
    # The RPC's JSON shape: balances as decimal strings, counters as numbers.
    assert isinstance(info["deposit"], str)
    deposit = int(info["deposit"])
    assert deposit > 0
    assert registry.held(alice.ss58_address) == held_before + deposit

    updated = json.dumps({**METADATA, "version": "1.10.0"}).encode()
    events = registry.register(alice, key, updated)
    assert any(e["event"]["event_id"] == "ModuleUpdated" for e in events)
    assert registry.get(key) == updated
    assert registry.info(key)["updateCount"] == 1

    # Bob is not the owner: the named pallet error reaches the client, nothing changes.
    with pytest.raises(errors.NotOwner):
        registry.remove(bob, key)
    assert registry.get(key) == updated

    # The update re-priced the deposit for the longer value.
    new_deposit = int(registry.info(key)["deposit"])
    assert new_deposit > deposit
    assert registry.held(alice.ss58_address) == held_before + new_deposit

    events = registry.remove(alice, key)
    assert any(e["event"]["event_id"] == "ModuleRemoved" for e in events)
    assert registry.get(key) is None
    assert registry.get_via_rpc(key) is None
    assert registry.info(key) is None
    # The whole deposit is back.
    assert registry.held(alice.ss58_address) == held_before


def test_get_module_rpc_reads_the_requested_block(registry, alice):
    """The node serves moduleRegistry_getModule from the state (no runtime call): it must still
    answer for the block asked, agree with the runtime API there, and refuse nothing silently."""
    key = b"e2e-rpc-at"
    first, second = b'{"v": 1}', b'{"v": 2}'
    registry.register(alice, key, first)
    at_first = registry.substrate.get_chain_head()
    registry.register(alice, key, second)

    def rpc(params):
        return registry.substrate.rpc_request("moduleRegistry_getModule", params)["result"]

    assert bytes.fromhex(rpc(["0x" + key.hex(), at_first])[2:]) == first
    assert bytes.fromhex(rpc(["0x" + key.hex()])[2:]) == second
    by_runtime = registry.substrate.runtime_call(
        "ModuleRegistryApi", "get_module", {"key": key}, block_hash=at_first
    )
    assert to_bytes(by_runtime.value) == first
    # A key longer than MaxKeyLength cannot be stored: null, as from the runtime API.
    assert rpc(["0x" + "61" * 65]) is None
    assert rpc(["0x" + b"e2e-rpc-never-registered".hex()]) is None
    registry.remove(alice, key)


def test_a_value_of_exactly_64_kib_is_accepted_and_one_byte_more_is_refused(registry, alice):
    head = b'{"pad":"'
    at_limit = head + b"x" * (65_536 - len(head) - 2) + b'"}'
    assert len(at_limit) == 65_536
    registry.register(alice, b"e2e-64kib", at_limit)
    assert registry.get(b"e2e-64kib") == at_limit
    over = head + b"x" * (65_537 - len(head) - 2) + b'"}'
    with pytest.raises(errors.ValueTooLarge):
        registry.register(alice, b"e2e-64kib-over", over)
    assert registry.get(b"e2e-64kib-over") is None


def _block_gaps_ms(registry, first, last):
    """Milliseconds between the timestamps of consecutive blocks ``first``..``last``."""
    stamps = []
    for number in range(first, last + 1):
        block_hash = registry.substrate.get_block_hash(number)
        stamps.append(registry.substrate.query("Timestamp", "Now", block_hash=block_hash).value)
    return [b - a for a, b in zip(stamps, stamps[1:])]


def test_oversize_cid_texts_are_refused_without_stalling_blocks(dev_node, registry, alice):
    """Issue 35's critical item, tried as an attacker would on a real node: a ``publish_version``
    whose cid is 1 MiB of ``z…`` (it held the chain at one block for 150 s while the runtime
    decoded it as base58) and a ``register_module`` with a 64 KiB ``z…`` value (about 400x
    under-charged). Both are refused and the next blocks arrive on time."""
    block_ms = int.from_bytes(bytes.fromhex(dev_node.rpc("state_call", ["AuraApi_slot_duration", "0x"])[2:]), "little")
    before = dev_node.best_number()

    huge = "z" + "2" * ((1 << 20) - 1)
    started = time.monotonic()
    with pytest.raises(SubstrateRequestException) as refused:
        registry.publish_version(alice, "hostile/pkg", "1.0.0", huge, bytes(32), 1)
    # The pool cannot even decode it: the call's `cid` argument is bounded. The runtime's
    # `validate_transaction` stops at the codec error (the node logs "Bad input data provided
    # to validate_transaction: Codec error"; the RPC answer carries a shortened trace).
    error = refused.value.args[0]
    assert error["code"] == 1002, error
    assert "validate_transaction" in error["message"], error
    assert time.monotonic() - started < 30, "the refusal itself took long"

    # Metadata over the chain's limit gets its named error from the client before anything is
    # sent (the bounded argument would make the transaction undecodable).
    limit = registry.substrate.get_constant("ModuleRegistry", "MaxMetadataLength").value
    with pytest.raises(errors.MetadataTooLarge):
        registry.publish_version(alice, "hostile/pkg", "1.0.0", "bafkqaaa", bytes(32), 1, {"d": "x" * limit})

    value = "z" + "2" * (64 * 1024 - 1)
    with pytest.raises(errors.InvalidCid):
        registry.register(alice, b"hostile-z", value)
    assert registry.get(b"hostile-z") is None

    dev_node.wait_blocks(3)
    after = dev_node.best_number()
    gaps = _block_gaps_ms(registry, before, after)
    # Aura slots: a block that took too long to build would leave a gap of two slots or more.
    assert max(gaps) < 2 * block_ms, f"block gaps {gaps} ms with {block_ms} ms slots"
