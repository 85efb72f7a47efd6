"""Runs the polkadot-api descriptors' node:test suite (clients/papi/test) against the dev node."""

import os
import re
import subprocess
from pathlib import Path

PAPI = Path(__file__).resolve().parents[2] / "clients" / "papi"


def test_papi_suite_passes_against_the_real_node(dev_node):
    result = subprocess.run(
        ["node", "--test", "--test-timeout=400000", "test/"],
        cwd=PAPI,
        env=dict(os.environ, MODREG_NODE=dev_node.ws),
        capture_output=True,
        text=True,
        timeout=600,
    )
    print(result.stdout[-6000:])
    print(result.stderr[-3000:])
    assert result.returncode == 0, "the polkadot-api suite failed (output above)"
    assert "# fail 0" in result.stdout
    passed = re.search(r"^# pass (\d+)$", result.stdout, re.M)
    assert passed and int(passed.group(1)) >= 4, "the polkadot-api suite ran (almost) no tests"


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
