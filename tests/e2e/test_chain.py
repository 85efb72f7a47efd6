"""The chain end to end: register, read three ways, update, refuse, remove; a two-node testnet."""

import json
import os
import signal
import threading

import pytest

from harness import TEST_CHAIN, Node, free_port, wait_until
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
    assert info["pin_status"] == "NoPinnableCid"
    deposit = info["deposit"]
    assert deposit > 0
    assert registry.held(alice.ss58_address) == held_before + deposit

    updated = json.dumps({**METADATA, "version": "1.10.0"}).encode()
    events = registry.register(alice, key, updated)
    assert any(e["event"]["event_id"] == "ModuleUpdated" for e in events)
    assert registry.get(key) == updated
    assert registry.info(key)["update_count"] == 1

    # Bob is not the owner: the named pallet error reaches the client, nothing changes.
    with pytest.raises(errors.NotOwner):
        registry.remove(bob, key)
    assert registry.get(key) == updated

    # The update re-priced the deposit for the longer value.
    new_deposit = registry.info(key)["deposit"]
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


def test_a_node_killed_under_write_load_keeps_every_finalized_entry(tmp_path):
    from module_registry import Registry, keypair

    base = tmp_path / "chain"
    args = [a for a in TEST_CHAIN if a != "--tmp"] + ["--base-path", str(base)]
    node = Node("durable-node", args)
    included = {}  # key -> block number of inclusion
    stop = threading.Event()
    try:
        node.wait_ready(blocks=1)
        reg = Registry(node.ws)
        signer = keypair("//Alice")

        def write_load():
            i = 0
            while not stop.is_set():
                key = f"durable-{i}".encode()
                try:
                    reg.register(signer, key, {"n": i})
                    header = reg.substrate.get_block_header()["header"]
                    included[key] = header["number"]
                except Exception:  # noqa: BLE001 - the node is killed under it
                    return
                i += 1

        writer = threading.Thread(target=write_load, daemon=True)
        writer.start()
        wait_until(lambda: len(included) >= 5, 180, "five registrations included")
        finalized = node.finalized_number()
        safe = {k for k, n in dict(included).items() if n <= finalized}
        assert safe, (included, finalized)
        os.killpg(node.proc.proc.pid, signal.SIGKILL)
        node.proc.proc.wait(timeout=30)
        stop.set()
        writer.join(timeout=30)
        node.stop()

        node = Node("durable-node-restarted", args)
        node.wait_ready(blocks=finalized + 1)
        reg = Registry(node.ws)
        for key in sorted(safe):
            assert reg.get(key) is not None, f"{key!r} was finalized before the kill and is gone"
        # It produces and finalizes blocks again.
        wait_until(lambda: node.finalized_number() > finalized + 2, 120, "finality after the restart")
    finally:
        stop.set()
        node.stop()


def test_local_testnet_two_nodes_agree(tmp_path):
    alice_p2p = free_port()
    alice = Node(
        "local-alice",
        ["--chain", "local", "--alice", "--tmp", "--node-key", "0" * 63 + "1", "--rpc-methods", "unsafe"],
        p2p_port=alice_p2p,
    )
    bob = None
    try:
        alice.wait_ready(blocks=0, timeout=240)
        peer_id = alice.rpc("system_localPeerId")
        bob = Node(
            "local-bob",
            [
                "--chain", "local", "--bob", "--base-path", str(tmp_path / "bob"),
                "--node-key", "0" * 63 + "2",
                "--bootnodes", f"/ip4/127.0.0.1/tcp/{alice_p2p}/p2p/{peer_id}",
            ],
        )
        bob.wait_ready(blocks=0, timeout=240)
        # Both authorities take turns: blocks are produced and finalized, and both agree.
        wait_until(lambda: alice.finalized_number() >= 3 and bob.finalized_number() >= 3, 180, "finality on both nodes")
        number = min(alice.finalized_number(), bob.finalized_number())
        assert alice.rpc("chain_getBlockHash", [number]) == bob.rpc("chain_getBlockHash", [number])

        from module_registry import Registry, keypair

        reg_a, reg_b = Registry(alice.ws), Registry(bob.ws)
        value = b'{"name":"testnet"}'
        reg_a.register(keypair("//Alice"), b"testnet-key", value)
        # Bob's node sees the same value once it is finalized.
        def seen_finalized():
            head = bob.rpc("chain_getFinalizedHead")
            return reg_b.substrate.query("ModuleRegistry", "ModuleRegistry", [b"testnet-key"], block_hash=head).value
        assert wait_until(seen_finalized, 120, "the value finalized on Bob's node") in (value.decode(), "0x" + value.hex())

        # Bob goes down and a second entry is submitted to Alice meanwhile (alone, without peers,
        # she does not author, so it waits in her pool). Bob restarts on the same base path,
        # catches up, the entry is included and finalized, and both agree again.
        bob_args = bob.args
        bob.stop()
        call = reg_a.substrate.compose_call(
            call_module="ModuleRegistry",
            call_function="register_module",
            call_params={"key": b"testnet-while-bob-was-down", "data": b'{"name":"later"}'},
        )
        xt = reg_a.substrate.create_signed_extrinsic(call=call, keypair=keypair("//Alice"))
        reg_a.substrate.submit_extrinsic(xt, wait_for_inclusion=False)
        bob = Node("local-bob-restarted", bob_args)
        bob.wait_ready(blocks=0, timeout=240)
        reg_b = Registry(bob.ws)

        def agreed():
            number = min(alice.finalized_number(), bob.finalized_number())
            if alice.rpc("chain_getBlockHash", [number]) != bob.rpc("chain_getBlockHash", [number]):
                return False
            head = bob.rpc("chain_getFinalizedHead")
            return reg_b.substrate.query(
                "ModuleRegistry", "ModuleRegistry", [b"testnet-while-bob-was-down"], block_hash=head
            ).value
        wait_until(agreed, 240, "the restarted node to catch up and finalize the later entry")
        for key in (b"testnet-key", b"testnet-while-bob-was-down"):
            assert reg_a.get(key) == reg_b.get(key) is not None
    finally:
        alice.stop()
        if bob:
            bob.stop()
