"""Runs the polkadot-api descriptors' node:test suite (clients/papi/test) against the dev node."""

import os
import subprocess

from harness import ROOT, run_node_tests

PAPI = ROOT / "clients" / "papi"


def test_papi_suite_passes_against_the_real_node(dev_node):
    run_node_tests(PAPI, {"MODREG_NODE": dev_node.ws}, min_passed=4, test_timeout_ms=400000)


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
