"""Runs the JavaScript client's node:test suite (clients/js/test) against the dev node."""

import os
import re
import subprocess
from pathlib import Path

JS = Path(__file__).resolve().parents[2] / "clients" / "js"


def test_js_suite_passes_against_the_real_node(dev_node, ipfs):
    result = subprocess.run(
        ["node", "--test", "--test-timeout=120000", "test/"],
        cwd=JS,
        env=dict(os.environ, MODREG_NODE=dev_node.ws, IPFS_API_URL=ipfs.url),
        capture_output=True,
        text=True,
        timeout=600,
    )
    print(result.stdout[-6000:])
    print(result.stderr[-3000:])
    assert result.returncode == 0, "the node:test suite failed (output above)"
    assert "# fail 0" in result.stdout
    # A suite that runs nothing must not pass: a broken glob or import would look green.
    passed = re.search(r"^# pass (\d+)$", result.stdout, re.M)
    assert passed and int(passed.group(1)) >= 5, "the node:test suite ran (almost) no tests"
