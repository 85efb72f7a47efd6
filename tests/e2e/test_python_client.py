"""The Python client (substrate-interface) against the real node."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from module_registry import errors

ROOT = Path(__file__).resolve().parents[2]


def test_round_trip_json_through_every_read_path(registry, alice):
    doc = {"name": "py-module", "version": "2.0.0", "args": {"lr": 0.01}, "custom": {"ü": [1, 2]}}
    events = registry.register(alice, b"py-round-trip", doc)
    assert any(e["event"]["event_id"] == "ModuleRegistered" for e in events)
    for read in (registry.get, registry.get_via_runtime_api, registry.get_via_rpc):
        assert json.loads(read(b"py-round-trip")) == doc
    raw = registry.info_raw(b"py-round-trip")
    info = registry.info(b"py-round-trip")
    assert raw["owner"] == info["owner"] == alice.ss58_address
    assert int(info["deposit"]) == raw["deposit"]
    assert info["updateCount"] == raw["update_count"] == 0
    keys = [k for k, _ in registry.list_all()]
    assert b"py-round-trip" in keys


def test_update_counts_and_reprices(registry, alice):
    registry.register(alice, b"py-update", {"name": "a"})
    first = registry.info(b"py-update")
    events = registry.register(alice, b"py-update", {"name": "a much longer name"})
    assert any(e["event"]["event_id"] == "ModuleUpdated" for e in events)
    second = registry.info(b"py-update")
    assert second["updateCount"] == 1
    assert int(second["deposit"]) > int(first["deposit"])


@pytest.mark.parametrize(
    "key,value,error",
    [
        (b"py-bad-json", b'{"name": }', errors.InvalidJson),
        (b"py-not-object", b"[1, 2, 3]", errors.JsonNotObject),
        (b"py-bad-cid", b"bafy-not-a-cid", errors.InvalidCid),
        (b"k" * 65, b"{}", errors.KeyTooLong),
        (b"py-too-big", b'{"a":"' + b"x" * 65_536 + b'"}', errors.ValueTooLarge),
        (b"py-empty", b"", errors.EmptyValue),
    ],
)
def test_bad_input_raises_the_named_error_and_stores_nothing(registry, alice, key, value, error):
    with pytest.raises(error) as caught:
        registry.register(alice, key, value)
    assert caught.value.name == error.__name__
    assert registry.get(key[:64]) is None


def test_non_owner_cannot_update_remove_or_transfer(registry, alice, bob):
    registry.register(alice, b"py-owned", {"name": "mine"})
    with pytest.raises(errors.NotOwner):
        registry.register(bob, b"py-owned", {"name": "stolen"})
    with pytest.raises(errors.NotOwner):
        registry.remove(bob, b"py-owned")
    with pytest.raises(errors.NotOwner):
        registry.transfer(bob, b"py-owned", bob.ss58_address)
    assert json.loads(registry.get(b"py-owned")) == {"name": "mine"}
    with pytest.raises(errors.NotFound):
        registry.remove(alice, b"py-never-registered")


def test_transfer_is_an_offer_that_moves_the_deposit_only_when_accepted(registry, alice, bob):
    registry.register(alice, b"py-transfer", {"name": "t"})
    deposit = int(registry.info(b"py-transfer")["deposit"])
    alice_held, bob_held = registry.held(alice.ss58_address), registry.held(bob.ss58_address)
    registry.transfer(alice, b"py-transfer", bob.ss58_address)
    # An offer: visible through the runtime API, nothing moved yet.
    assert registry.transfer_offer(b"py-transfer")["to"] == bob.ss58_address
    assert registry.info(b"py-transfer")["owner"] == alice.ss58_address
    assert registry.held(bob.ss58_address) == bob_held
    with pytest.raises(errors.NotOfferee):
        registry.accept(alice, b"py-transfer")
    registry.accept(bob, b"py-transfer")
    assert registry.info(b"py-transfer")["owner"] == bob.ss58_address
    assert registry.transfer_offer(b"py-transfer") is None
    assert registry.held(alice.ss58_address) == alice_held - deposit
    assert registry.held(bob.ss58_address) == bob_held + deposit


def test_an_offer_can_be_cancelled(registry, alice, bob):
    registry.register(alice, b"py-offer-cancel", {"name": "t"})
    registry.transfer(alice, b"py-offer-cancel", bob.ss58_address)
    registry.cancel_offer(alice, b"py-offer-cancel")
    assert registry.transfer_offer(b"py-offer-cancel") is None
    with pytest.raises(errors.NoOffer):
        registry.accept(bob, b"py-offer-cancel")


def test_listing_after_an_oversized_key_is_refused(registry):
    with pytest.raises(ValueError, match="StartAfterTooLong"):
        registry.list(b"x" * 65, 10)
    with pytest.raises(Exception, match="longer than the longest key"):
        answer = registry.substrate.rpc_request("moduleRegistry_listModules", ["0x" + "78" * 65, 10])
        raise RuntimeError(answer.get("error", {}).get("message", ""))


def test_the_command_line(dev_node):
    env = dict(os.environ, MODREG_NODE=dev_node.ws, PYTHONPATH=str(ROOT / "clients" / "python"))
    cli = [sys.executable, "-m", "module_registry"]
    done = subprocess.run(cli + ["register", "py-cli", '{"name":"cli"}'], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    got = subprocess.run(cli + ["get", "py-cli"], env=env, capture_output=True, text=True)
    assert json.loads(got.stdout) == {"name": "cli"}
    # --hex: the key as hex bytes; without it, a hex-looking key is text.
    as_hex = subprocess.run(cli + ["--hex", "get", "0x" + b"py-cli".hex()], env=env, capture_output=True, text=True)
    assert json.loads(as_hex.stdout) == {"name": "cli"}, as_hex.stderr
    as_text = subprocess.run(cli + ["get", "0x" + b"py-cli".hex()], env=env, capture_output=True, text=True)
    assert as_text.returncode == 1
    refused = subprocess.run(cli + ["--suri", "//Bob", "remove", "py-cli"], env=env, capture_output=True, text=True)
    assert refused.returncode == 3 and "NotOwner" in refused.stderr  # docs/EXIT_CODES.md
    # No node there: one line and exit code 4, not a traceback.
    down = subprocess.run(cli + ["--url", "ws://127.0.0.1:9", "get", "py-cli"], env=env, capture_output=True, text=True)
    assert down.returncode == 4, down.stderr
    assert "cannot reach the node" in down.stderr and "Traceback" not in down.stderr


def test_a_text_key_is_its_utf8_bytes_and_rpc_errors_raise(registry, alice):
    from module_registry import RpcError

    # A key that looks like hex is still text: "0x41" is four bytes, not one.
    registry.register(alice, "0x41", {"name": "hex-looking key"})
    assert json.loads(registry.get(b"0x41"))["name"] == "hex-looking key"
    assert registry.get(b"A") is None
    assert any(key == b"0x41" for key, _ in registry.list_all())
    # An RPC error is an exception, not None.
    with pytest.raises(RpcError) as refused:
        registry.get_via_rpc(b"0x41", at="0x" + "11" * 32)
    assert refused.value.code == 3


def test_the_seed_example_runs_verbatim(dev_node, registry, tmp_path):
    # The seed's code hard-codes ws://127.0.0.1:9944. Rather than bind that port (a dev chain may
    # hold it), run a copy whose only change is the node's address.
    source = (ROOT / "clients" / "python" / "examples" / "seed_example.py").read_text()
    assert source.count('url="ws://127.0.0.1:9944"') == 1
    example = tmp_path / "seed_example.py"
    example.write_text(source.replace('url="ws://127.0.0.1:9944"', f'url="{dev_node.ws}"'))
    result = subprocess.run([sys.executable, str(example)], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    value = registry.get(b"text-gen-v1")
    assert json.loads(value)["name"] == "text-gen-v1"
    assert registry.info(b"text-gen-v1")["pinStatus"] == "noPinnableCid"
