"""Namespaces with `modreg` against the real node: claim, maintainers, two-step handover."""

import os

from test_registry import modreg


def test_namespaces_change_hands_and_maintainers(dev_node, ipfs, tmp_path):
    run = lambda *args, **kw: modreg(dev_node, ipfs, tmp_path, *args, **kw)  # noqa: E731
    bob = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty"
    charlie = "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y"
    run("namespace", "claim", "handover")
    assert "NamespaceTaken" in run("namespace", "claim", "handover", suri="//Bob", code=3)["error"]
    assert "ReservedName" in run("namespace", "claim", "official", code=3)["error"]
    run("namespace", "add-maintainer", "handover", charlie)
    assert run("namespace", "show", "handover")["maintainers"] == [charlie]
    art = tmp_path / "artifact.bin"
    art.write_bytes(os.urandom(4096))
    v = run("publish", str(art), "--name", "handover/tool", "--version", "0.1.0", suri="//Charlie")
    assert v["publisher"] == charlie

    run("namespace", "transfer", "handover", bob)
    assert run("namespace", "show", "handover")["offeredTo"] == bob
    run("namespace", "accept", "handover", suri="//Bob")
    shown = run("namespace", "show", "handover")
    assert shown["owner"] == bob and shown["maintainers"] == [] and shown["offeredTo"] is None
    # The old owner's maintainer lost the right; the new owner has it.
    refused = run("publish", str(art), "--name", "handover/tool", "--version", "0.2.0", suri="//Charlie", code=3)
    assert "NotMaintainer" in refused["error"]
    run("publish", str(art), "--name", "handover/tool", "--version", "0.2.0", suri="//Bob")
    assert run("resolve", "handover/tool@*")["version"] == "0.2.0"


def test_an_empty_namespace_is_released_and_claimed_again(dev_node, ipfs, tmp_path):
    """`modreg namespace release`: the deposit comes back and the name is free; a namespace that
    holds a package cannot be released (packages are never deleted)."""
    run = lambda *args, **kw: modreg(dev_node, ipfs, tmp_path, *args, **kw)  # noqa: E731
    bob = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty"
    run("namespace", "claim", "fleeting")
    shown = run("namespace", "show", "fleeting")
    assert shown["packageCount"] == 0 and int(shown["deposit"]) > 0
    assert "NotNamespaceOwner" in run("namespace", "release", "fleeting", suri="//Bob", code=3)["error"]
    run("namespace", "release", "fleeting")
    run("namespace", "show", "fleeting", code=1)
    run("namespace", "claim", "fleeting", suri="//Bob")
    assert run("namespace", "show", "fleeting")["owner"] == bob

    art = tmp_path / "artifact.bin"
    art.write_bytes(os.urandom(1024))
    run("publish", str(art), "--name", "fleeting/tool", "--version", "1.0.0", suri="//Bob")
    assert run("namespace", "show", "fleeting")["packageCount"] == 1
    refused = run("namespace", "release", "fleeting", suri="//Bob", code=3)
    assert "NamespaceNotEmpty" in refused["error"]
    assert run("resolve", "fleeting/tool@*")["version"] == "1.0.0"
