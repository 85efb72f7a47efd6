"""Session fixtures: one IPFS daemon and one dev node shared by the suites, always torn down."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "clients" / "python"))

from harness import LIVE, TEST_CHAIN, Ipfs, Node  # noqa: E402


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failure (a per-test timeout included), attach the tails of the node and IPFS logs."""
    outcome = yield
    report = outcome.get_result()
    if report.failed:
        for process in list(LIVE):
            report.sections.append((f"log tail: {process.name} ({process.log_path})", process.tail(30)))


@pytest.fixture(scope="session")
def ipfs(tmp_path_factory):
    daemon = Ipfs(tmp_path_factory.mktemp("ipfs-repo"))
    daemon.start()
    yield daemon
    daemon.stop()


@pytest.fixture(scope="session")
def dev_node(ipfs):
    node = Node("dev-node", TEST_CHAIN, ipfs_api=ipfs.url)
    try:
        node.wait_ready(blocks=1)
        yield node
    finally:
        node.stop()


@pytest.fixture
def registry(dev_node):
    """A fresh connection per test, so one test's idle time cannot break another's socket."""
    from module_registry import Registry

    reg = Registry(dev_node.ws)
    yield reg
    reg.substrate.close()


@pytest.fixture(scope="session")
def alice():
    from module_registry import keypair

    return keypair("//Alice")


@pytest.fixture(scope="session")
def bob():
    from module_registry import keypair

    return keypair("//Bob")
