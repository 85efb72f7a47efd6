"""Runs the JavaScript client's node:test suite (clients/js/test) against the dev node."""

from harness import ROOT, run_node_tests


def test_js_suite_passes_against_the_real_node(dev_node, ipfs):
    run_node_tests(
        ROOT / "clients" / "js",
        {"MODREG_NODE": dev_node.ws, "IPFS_API_URL": ipfs.url},
        min_passed=5,
        test_timeout_ms=120000,
    )
