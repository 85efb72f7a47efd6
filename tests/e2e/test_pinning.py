"""The pinning off-chain worker against a real IPFS daemon and the real node."""

import base64
import hashlib
import os

import pytest

from harness import TEST_CHAIN, Ipfs, Node, wait_until


def status_name(status):
    return status if isinstance(status, str) else next(iter(status))


def pin_status(registry, key):
    return registry.info(key)["pinStatus"]


def wait_status(registry, key, name, timeout=90):
    return wait_until(
        lambda: status_name(pin_status(registry, key)) == name and pin_status(registry, key),
        timeout,
        f"{key!r} to become {name}",
    )


def test_cids_and_metadata_are_verified_within_a_few_blocks(ipfs, dev_node, registry, alice):
    v0 = ipfs.add(os.urandom(300_000))  # chunked: a dag-pb root block (CIDv0 `Qm…`)
    v1 = ipfs.add(os.urandom(1_000), cid_version=1, raw_leaves=True)  # a single raw block
    assert v0.startswith("Qm") and v1.startswith("bafk")
    meta_cid = ipfs.add(b'{"weights": [1, 2, 3]}', cid_version=1, raw_leaves=True)

    registry.register(alice, b"pin-v0", v0)
    registry.register(alice, b"pin-v1", v1)
    registry.register(alice, b"pin-meta", {"name": "with-cid", "version": "1.0.0", "cid": meta_cid})
    included = dev_node.best_number()
    for key, cid in [(b"pin-v0", v0), (b"pin-v1", v1), (b"pin-meta", meta_cid)]:
        status = wait_status(registry, key, "verified")
        assert status["verified"]["by"] == alice.ss58_address
        assert registry.info(key)["cid"] == cid
        # Within a few blocks of inclusion.
        assert status["verified"]["at"] - included <= 4, status
    assert {v0, v1, meta_cid} <= ipfs.pins()


def raw_cid_of(content):
    """The CIDv1 (raw codec, sha2-256, base32) IPFS gives ``content`` added as one raw block."""
    digest = hashlib.sha256(content).digest()
    return "b" + base64.b32encode(bytes([1, 0x55, 0x12, 0x20]) + digest).decode().lower().rstrip("=")


def test_content_that_arrives_late_is_waited_for_then_verified(ipfs, dev_node, registry, alice):
    # The CID is registered before anyone has the content: the daemon searches until each
    # request's deadline. That is progress, not failure: no strike, no report.
    content = os.urandom(4_000)
    cid = raw_cid_of(content)
    registry.register(alice, b"pin-late", cid)
    start = dev_node.best_number()
    dev_node.wait_blocks(4)
    assert pin_status(registry, b"pin-late") == "pending"
    assert "still fetching" in dev_node.proc.log_path.read_text(errors="replace")
    # The content shows up later; the worker's next try (back-off of a few blocks) verifies it.
    assert ipfs.add(content, cid_version=1, raw_leaves=True) == cid
    status = wait_status(registry, b"pin-late", "verified", timeout=240)
    assert status["verified"]["at"] > start + 4


def test_a_50_mib_file_ends_verified(ipfs, registry, alice):
    cid = ipfs.add(os.urandom(50 * 1024 * 1024), timeout=600)
    assert cid.startswith("Qm")
    registry.register(alice, b"pin-50mib", cid)
    wait_status(registry, b"pin-50mib", "verified", timeout=240)
    assert cid in ipfs.pins()


def test_removing_the_last_entry_unpins_its_cid(ipfs, registry, alice, bob):
    cid = ipfs.add(os.urandom(500), cid_version=1, raw_leaves=True)
    registry.register(alice, b"unpin-a", cid)
    registry.register(bob, b"unpin-b", cid)
    wait_status(registry, b"unpin-a", "verified")
    assert cid in ipfs.pins()
    registry.remove(alice, b"unpin-a")
    # Bob still refers to it: it stays pinned.
    registry.substrate.get_block_header()
    assert cid in ipfs.pins()
    registry.remove(bob, b"unpin-b")
    wait_until(lambda: cid not in ipfs.pins(), 60, "the unreferenced CID to be unpinned")


@pytest.fixture
def own_pair(tmp_path):
    """A separate IPFS daemon and node, since this test stops the daemon."""
    ipfs = Ipfs(tmp_path / "ipfs", name="ipfs-restart").start()
    node = Node("dev-node-restart", TEST_CHAIN, ipfs_api=ipfs.url)
    try:
        node.wait_ready(blocks=1)
        yield ipfs, node
    finally:
        node.stop()
        ipfs.stop()


def test_entries_verify_after_the_daemon_comes_back(own_pair, alice):
    from module_registry import Registry

    ipfs, node = own_pair
    registry = Registry(node.ws)
    cid = ipfs.add(os.urandom(2_000), cid_version=1, raw_leaves=True)
    other = ipfs.add(os.urandom(2_000), cid_version=1, raw_leaves=True)
    ipfs.stop()
    registry.register(alice, b"restart-1", cid)
    registry.register(alice, b"restart-2", other)
    # Blocks keep coming; the entries wait, not blamed for the daemon being down.
    node.wait_blocks(3)
    assert node.proc.alive()
    assert status_name(pin_status(registry, b"restart-1")) == "pending"
    assert "unreachable" in node.proc.log_path.read_text(errors="replace")
    ipfs.start()
    wait_status(registry, b"restart-1", "verified")
    wait_status(registry, b"restart-2", "verified")


def test_an_included_pin_report_cannot_be_replayed_in_either_extrinsic_format(ipfs, dev_node, registry, alice):
    # The attack from the review: take the pin report the worker got included, and submit the
    # same bytes again, and the same call re-encoded as a v5 bare extrinsic (a new hash, so the
    # pool's duplicate check does not see it). Both must be refused as stale.
    cid = ipfs.add(os.urandom(1_500), cid_version=1, raw_leaves=True)
    registry.register(alice, b"pin-replay", cid)
    status = wait_status(registry, b"pin-replay", "verified")
    block_hash = dev_node.rpc("chain_getBlockHash", [status["verified"]["at"]])
    decoded = registry.substrate.get_block(block_hash=block_hash)["extrinsics"]
    index = next(
        i for i, xt in enumerate(decoded) if xt.value["call"]["call_function"] == "report_pin_status"
    )
    raw = bytes.fromhex(dev_node.rpc("chain_getBlock", [block_hash])["block"]["extrinsics"][index][2:])
    # A SCALE compact length, then the version byte: 0x04 (bare v4) as the node submitted it.
    prefix = {0: 1, 1: 2, 2: 4}[raw[0] & 3]
    assert raw[prefix] == 0x04
    as_v5 = raw[:prefix] + b"\x05" + raw[prefix + 1 :]
    assert as_v5 != raw
    # The exact bytes: the pool still remembers their hash ("Already Imported") or, once it has
    # forgotten, the runtime finds the report stale ("outdated").
    with pytest.raises(RuntimeError) as refused:
        dev_node.rpc("author_submitExtrinsic", ["0x" + raw.hex()])
    assert any(w in str(refused.value).lower() for w in ("already imported", "outdated")), refused.value
    # The re-encoded copy has a hash the pool never saw: only the runtime's check can stop it.
    with pytest.raises(RuntimeError) as refused:
        dev_node.rpc("author_submitExtrinsic", ["0x" + as_v5.hex()])
    assert "outdated" in str(refused.value).lower(), refused.value
    dev_node.wait_blocks(2)
    assert pin_status(registry, b"pin-replay") == status


def test_an_update_to_another_cid_pins_the_new_one_and_unpins_the_old(ipfs, registry, alice):
    first = ipfs.add(os.urandom(700), cid_version=1, raw_leaves=True)
    second = ipfs.add(os.urandom(700), cid_version=1, raw_leaves=True)
    registry.register(alice, b"pin-moves", first)
    wait_status(registry, b"pin-moves", "verified")
    assert first in ipfs.pins()
    registry.register(alice, b"pin-moves", second)
    assert status_name(pin_status(registry, b"pin-moves")) in ("pending", "verified")
    wait_status(registry, b"pin-moves", "verified")
    assert registry.info(b"pin-moves")["cid"] == second
    wait_until(lambda: second in ipfs.pins() and first not in ipfs.pins(), 60, "the old CID unpinned")
