"""The registry layer end to end with `modreg`: namespaces, immutable versions of a real folder
pinned and verified on IPFS, range resolution, yank and deprecation, against the real node."""

import gzip
import hashlib
import io
import json
import os
import subprocess
import tarfile

from harness import http_post
from test_cli import modreg_bin


def modreg(node, ipfs, tmp_path, *args, suri="//Alice", code=0):
    env = dict(
        os.environ,
        MODREG_NODE=node.ws,
        IPFS_API_URL=ipfs.url,
        MODREG_CACHE_DIR=str(tmp_path / "cache"),
        MODREG_SURI=suri,
        MODREG_INDEX=str(tmp_path / "index.sqlite"),
    )
    result = subprocess.run([modreg_bin(), "--json", *args], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == code, f"modreg {args}: exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    # Every command in --json mode prints one JSON document, failures included.
    return json.loads(result.stdout)


def test_publish_resolve_yank_deprecate(dev_node, ipfs, tmp_path):
    run = lambda *args, **kw: modreg(dev_node, ipfs, tmp_path, *args, **kw)  # noqa: E731
    assert run("namespace", "claim", "e2e")["ok"] is True
    ns = run("namespace", "show", "e2e")
    assert ns["owner"] and not ns["open"] and int(ns["deposit"]) > 0

    src = tmp_path / "pkg"
    (src / "lib").mkdir(parents=True)
    (src / "lib" / "util.py").write_text("def add(a, b):\n    return a + b\n")
    meta = tmp_path / "meta.json"
    meta.write_text(json.dumps({"type": "python", "description": "adds numbers", "keywords": ["math"]}))
    published = {}
    for version in ["1.0.0", "1.1.0", "1.2.0-rc.1", "2.0.0"]:
        (src / "VERSION").write_text(version + "\n")
        v = run("publish", str(src), "--name", "e2e/adder", "--version", version, "--metadata", str(meta))
        assert v["version"] == version and "verified" in v["pinStatus"], v
        published[version] = v

    # The checksum and size on chain are those of the bytes IPFS serves for the CID, and those
    # bytes are the folder as a tarball.
    v1 = published["1.0.0"]
    body = http_post(f"{ipfs.url}/api/v0/cat?arg={v1['cid']}")
    assert v1["checksum"] == "sha256:" + hashlib.sha256(body).hexdigest()
    assert v1["size"] == len(body)
    with tarfile.open(fileobj=io.BytesIO(gzip.decompress(body)), mode="r:") as tar:
        assert sorted(tar.getnames()) == ["VERSION", "lib", "lib/util.py"]
        assert tar.extractfile("VERSION").read() == b"1.0.0\n"
    assert len({v["cid"] for v in published.values()}) == 4

    def resolved(ref):
        return run("resolve", ref)["version"]

    assert resolved("e2e/adder@^1") == "1.1.0"
    assert resolved("@e2e/adder@~1.0") == "1.0.0"
    assert resolved("e2e/adder@>=1.0.0") == "2.0.0"
    assert resolved("e2e/adder@*") == "2.0.0"
    assert resolved("e2e/adder@^1.2.0-rc.0") == "1.2.0-rc.1"
    assert run("resolve", "e2e/adder", ">=1.1, <2")["version"] == "1.1.0"
    assert run("resolve", "e2e/adder@^3", code=1)["ok"] is False

    # Yank 2.0.0: `*` moves back, the exact version still resolves, flagged.
    run("yank", "e2e/adder", "2.0.0")
    assert resolved("e2e/adder@*") == "1.1.0"
    exact = run("resolve", "e2e/adder@2.0.0")
    assert exact["version"] == "2.0.0" and exact["yanked"] is True
    run("yank", "e2e/adder", "2.0.0", "--undo")
    assert resolved("e2e/adder@latest") == "2.0.0"

    # Deprecate 1.0.0 with a successor; the package itself is not deprecated.
    run("deprecate", "e2e/adder", "--version", "1.0.0", "--successor", "e2e/adder@^2", "--reason", "overflow bug")
    dep = run("resolve", "e2e/adder@=1.0.0")["deprecated"]
    assert dep == {"successor": "e2e/adder@^2", "reason": "overflow bug"}
    assert run("resolve", "e2e/adder@^1")["deprecated"] is None

    versions = run("versions", "e2e/adder")
    assert [v["version"] for v in versions] == ["1.0.0", "1.1.0", "1.2.0-rc.1", "2.0.0"]
    assert all("verified" in v["pinStatus"] for v in versions)
    package = run("package", "e2e/adder")
    assert package["moduleType"] == "python" and package["latest"] == "2.0.0"
    assert package["versionCount"] == 4 and package["status"] == "active"
    run("status", "e2e/adder", "maintenance")
    assert run("package", "e2e/adder")["status"] == "maintenance"

    # A published version never changes, and only maintainers publish.
    again = run("publish", str(src), "--name", "e2e/adder", "--version", "1.0.0+rebuild", code=3)
    assert "VersionExists" in again["error"]
    bob = run("publish", str(src), "--name", "e2e/adder", "--version", "3.0.0", suri="//Bob", code=3)
    assert "NotMaintainer" in bob["error"]
    assert run("resolve", "E2E/adder@*", code=2)["ok"] is False
    assert run("publish", str(src), "--name", "e2e/adder", "--version", "1.0", code=2)["ok"] is False

    # The local index: one sync, then search, info and resolve work without the node, and say
    # how old they are.
    synced = run("sync")
    assert synced["packages"] >= 1 and synced["versions"] >= 4
    offline = ["--node", "ws://127.0.0.1:9"]  # nothing listens there
    found = run(*offline, "search", "adds numbers", "--offline")
    assert [r["name"] for r in found["results"]][:1] == ["e2e/adder"]
    assert found["results"][0]["score"] > 0 and found["index"]["block"] == synced["block"]
    assert run(*offline, "search", "math", "--offline")["results"][0]["name"] == "e2e/adder"
    assert run(*offline, "search", "nothing-like-this", "--offline", code=1)["ok"] is False
    info = run(*offline, "info", "e2e/adder", "--offline")
    assert [v["version"] for v in info["versions"]] == ["1.0.0", "1.1.0", "1.2.0-rc.1", "2.0.0"]
    assert info["index"]["ageSeconds"] < 600
    assert run(*offline, "resolve", "e2e/adder@^1", "--offline")["version"] == "1.1.0"
    assert run(*offline, "resolve", "e2e/adder@*", "--offline")["version"] == "2.0.0"
    # Without --offline the unreachable node is an error (exit 4).
    assert run(*offline, "resolve", "e2e/adder@^1", code=4)["ok"] is False
