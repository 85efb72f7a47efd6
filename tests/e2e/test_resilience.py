"""Resilience: a node killed under write load, a two-node testnet whose second node restarts, and
a restart that loads the compiled runtime from ``--wasm-cache``.

Separate from ``test_chain.py`` so that pytest-xdist can run these slower tests beside it.
"""

import json
import os
import signal
import subprocess
import threading
from pathlib import Path

from harness import LOCAL_CHAIN, TEST_CHAIN, Node, free_port, log_path, wait_until
from test_cli import modreg_bin


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
    """The ``local`` preset's two authorities (its genesis with 2-second blocks instead of 6)."""
    alice_p2p = free_port()
    alice = Node(
        "local-alice",
        [*LOCAL_CHAIN, "--alice", "--tmp", "--node-key", "0" * 63 + "1", "--rpc-methods", "unsafe"],
        p2p_port=alice_p2p,
    )
    bob = None
    try:
        alice.wait_ready(blocks=0, timeout=240)
        peer_id = alice.rpc("system_localPeerId")
        bob = Node(
            "local-bob",
            [
                *LOCAL_CHAIN, "--bob", "--base-path", str(tmp_path / "bob"),
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

        # A light client whose only bootnode is Bob reads what was submitted to Alice, and
        # what it submits through its peers reaches Alice: no RPC node involved.
        spec = json.loads(Path(LOCAL_CHAIN[LOCAL_CHAIN.index("--chain") + 1]).read_text())
        spec["bootNodes"] = [f"/ip4/127.0.0.1/tcp/{bob.p2p_port}/p2p/{bob.rpc('system_localPeerId')}"]
        (tmp_path / "local-spec.json").write_text(json.dumps(spec))
        light_env = dict(
            os.environ, MODREG_LIGHT="1", MODREG_CHAIN_SPEC=str(tmp_path / "local-spec.json"),
            MODREG_NODE="ws://127.0.0.1:9", MODREG_CACHE_DIR=str(tmp_path / "light-cache"), MODREG_SURI="//Bob",
        )

        def light(*args):
            done = subprocess.run([modreg_bin(), "--json", *args], env=light_env, capture_output=True, text=True, timeout=300)
            assert done.returncode == 0, f"modreg --light {args}: {done.returncode}\n{done.stdout}\n{done.stderr}"
            return json.loads(done.stdout)

        assert json.loads(light("get", "testnet-key")["value"]) == {"name": "testnet"}
        light("register", "testnet-light", '{"name":"via a light client"}')
        assert reg_a.get(b"testnet-light") is not None

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


def test_a_second_start_loads_the_compiled_runtime_from_the_wasm_cache(tmp_path):
    """``--wasm-cache``: a first start on the ``test`` preset compiles the runtime (the genesis
    builder's two runs and the client's) and keeps the client's code; a second start with the same
    runtime, on the raw spec the suites use, compiles nothing. Both start the same chain."""
    cache = tmp_path / "wasm-cache"
    preset = ["--chain", "test", *TEST_CHAIN[2:]]
    compiled, genesis = [], []
    for name, args in (("wasm-cache-first", preset), ("wasm-cache-second", TEST_CHAIN)):
        log = log_path(name)
        log.unlink(missing_ok=True)  # the count below reads this start's log alone
        node = Node(name, args + ["-l", "wasmtime_internal_cranelift=debug"], wasm_cache=cache)
        try:
            node.wait_ready(blocks=1)
            genesis.append(node.rpc("chain_getBlockHash", [0]))
        finally:
            node.stop()
        compiled.append(sum(" compiled in " in line for line in log.read_text(errors="replace").splitlines()))
        assert any(p.is_file() for p in cache.rglob("*")), "the first start left nothing in the cache"
    assert genesis[0] == genesis[1], "the raw spec is not the test preset's chain"
    first, second = compiled
    assert first > 1000, f"the log does not show the runtime's compilation ({first} functions)"
    assert second == 0, f"the second start compiled {second} functions (the first {first})"
