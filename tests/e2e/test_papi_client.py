"""Runs the polkadot-api descriptors' node:test suite (clients/papi/test) against the dev node,
the light-client tests in it through an embedded smoldot that has the node as its bootnode, and
the two examples (`example.js` over WebSocket, `example-light.js` through the light client)."""

import hashlib
import os
import re
import subprocess

from harness import ROOT, run_node_tests, wait_until
from test_light import light_spec

PAPI = ROOT / "clients" / "papi"


def test_papi_suite_passes_against_the_real_node(dev_node, tmp_path):
    # 4 tests over WebSocket (descriptors.test.js) and 3 through the light client (light.test.js,
    # which skips itself, and so would pass fewer, without MODREG_CHAIN_SPEC).
    spec = light_spec(dev_node, tmp_path / "spec.json")
    run_node_tests(PAPI, {"MODREG_NODE": dev_node.ws, "MODREG_CHAIN_SPEC": str(spec)}, min_passed=7, test_timeout_ms=400000)


def test_papi_example_runs_against_the_real_node(dev_node):
    """The README's example, as a user would run it: `node example.js`."""
    result = subprocess.run(
        ["node", "example.js"],
        cwd=PAPI,
        env=dict(os.environ, MODREG_NODE=dev_node.ws),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "registered papi-example-" in result.stdout, result.stdout
    assert '{"name":"papi-example","version":"1.0.0"}' in result.stdout, result.stdout


def test_papi_light_example_reads_and_resolves_through_smoldot(dev_node, registry, alice, ipfs, tmp_path):
    """`MODREG_CHAIN_SPEC=spec.json node example-light.js`: an entry and a package written through
    the node, read back through the light client, which is given no RPC address at all."""
    registry.register(alice, "papi-light-example", {"name": "papi-light-example", "version": "2.0.0"})
    registry.claim_namespace(alice, "papi-light-example")
    body = os.urandom(512) + b"papi light example"
    cid = ipfs.add(body, cid_version=1, raw_leaves=True)
    registry.publish_version(alice, "papi-light-example/tool", "1.3.0", cid, hashlib.sha256(body).digest(), len(body))
    included = dev_node.best_number()
    # The light client syncs to the finalized chain its peer announces: let that include the writes.
    wait_until(lambda: dev_node.finalized_number() >= included + 2, 60, "the writes to be finalized")
    spec = light_spec(dev_node, tmp_path / "spec.json")

    def example(**env):
        env = {k: v for k, v in os.environ.items() if k != "MODREG_NODE"} | {"MODREG_CHAIN_SPEC": str(spec), **env}
        result = subprocess.run(
            ["node", "example-light.js"], cwd=PAPI, env=env, capture_output=True, text=True, timeout=180
        )
        assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout}\n{result.stderr[-3000:]}"
        return result.stdout

    out = example(MODREG_KEY="papi-light-example", MODREG_PACKAGE="papi-light-example/tool", MODREG_RANGE="^1")
    genesis = dev_node.rpc("chain_getBlockHash", [0])
    assert f"genesis {genesis}" in out, out
    block = re.search(r"^finalized block #(\d+) (0x[0-9a-f]{64})$", out, re.M)
    assert block, out
    number, block_hash = int(block.group(1)), block.group(2)
    assert number >= included, f"read at #{number}, before the writes (#{included})\n{out}"
    assert dev_node.rpc("chain_getBlockHash", [number]) == block_hash, "the light client read at a block the node does not have"
    assert 'entry papi-light-example: {"name":"papi-light-example","version":"2.0.0"}' in out, out
    expected = (
        f"resolve papi-light-example/tool@^1: 1.3.0 cid {cid} checksum 0x{hashlib.sha256(body).hexdigest()} "
        f"size {len(body)} publisher {alice.ss58_address}"
    )
    assert expected in out, out

    out = example(MODREG_KEY="papi-light-nothing", MODREG_PACKAGE="papi-light-example/tool", MODREG_RANGE="^2")
    assert "entry papi-light-nothing: none" in out, out
    assert "resolve papi-light-example/tool@^2: no match" in out, out
    out = example(MODREG_PACKAGE="papi-light-example/tool", MODREG_RANGE="^^")
    assert "resolve papi-light-example/tool@^^: error BadRange" in out, out
