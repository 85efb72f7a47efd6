"""The `modreg` CLI against the real node and IPFS: publish → Verified → fetch, offline, tampering."""

import json
import os
import subprocess
from pathlib import Path

import pytest

from harness import ROOT, TEST_CHAIN, Ipfs, Node


def modreg_bin():
    path = os.environ.get("MODREG_BIN") or str(ROOT / "target" / "debug" / "modreg")
    assert Path(path).exists(), f"build the CLI first: {path}"
    return path


@pytest.fixture
def pair(tmp_path):
    ipfs = Ipfs(tmp_path / "ipfs", name="ipfs-cli").start()
    node = Node("dev-node-cli", TEST_CHAIN, ipfs_api=ipfs.url)
    try:
        node.wait_ready(blocks=1)
        yield ipfs, node
    finally:
        node.stop()
        ipfs.stop()


def run(node, ipfs, cache, *args, check=True):
    env = dict(os.environ, MODREG_NODE=node.ws, IPFS_API_URL=ipfs.url, MODREG_CACHE_DIR=str(cache))
    result = subprocess.run([modreg_bin(), "--json", *args], env=env, capture_output=True, text=True, timeout=300)
    if check:
        assert result.returncode == 0, f"modreg {args}: {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


def test_publish_fetch_offline_and_tampering(pair, tmp_path):
    ipfs, node = pair
    cache = tmp_path / "cache"
    # Three chunks of 256 KiB: a dag-pb root over raw leaves, so checking the root block alone
    # would not catch a tampered leaf.
    payload = os.urandom(700_000)
    source = tmp_path / "model.bin"
    source.write_bytes(payload)

    published = json.loads(run(node, ipfs, cache, "publish", str(source), "--key", "cli-model").stdout)
    assert published["key"] == "cli-model"
    info = json.loads(run(node, ipfs, cache, "info", "cli-model").stdout)
    # The node RPC's JSON shape, so every client prints the same thing.
    assert info["keyText"] == "cli-model" and info["key"] == "0x" + b"cli-model".hex()
    assert "verified" in info["info"]["pinStatus"]
    assert info["info"]["cid"] == published["cid"]
    assert int(info["info"]["deposit"]) > 0

    out = tmp_path / "fetched.bin"
    run(node, ipfs, cache, "fetch", "cli-model", "-o", str(out))
    assert out.read_bytes() == payload

    # With the daemon stopped, --offline serves the verified cached copy.
    ipfs.stop()
    out2 = tmp_path / "offline.bin"
    run(node, ipfs, cache, "fetch", "cli-model", "--offline", "-o", str(out2))
    assert out2.read_bytes() == payload

    # A tampered block, a leaf in the middle of the file, is detected and never served.
    blocks = sorted((cache / "blocks").iterdir())
    assert len(blocks) == 4, blocks  # the root and three leaves
    root = cache / "blocks" / published["cid"]
    leaf = next(b for b in blocks if b != root and b.stat().st_size == 262_144)
    original = leaf.read_bytes()
    leaf.write_bytes(b"tampered" + original[8:])
    bad = run(node, ipfs, cache, "fetch", "cli-model", "--offline", "-o", str(tmp_path / "bad.bin"), check=False)
    assert bad.returncode == 5, bad.stdout + bad.stderr  # verification failed (EXIT_CODES.md)
    assert not (tmp_path / "bad.bin").exists()
    assert "does not match its CID" in bad.stderr
    assert not leaf.exists()
    # Online again, the block is fetched again and the file is whole.
    ipfs.start()
    again = tmp_path / "again.bin"
    run(node, ipfs, cache, "fetch", "cli-model", "-o", str(again))
    assert again.read_bytes() == payload
    assert leaf.read_bytes() == original

    # A directory: published as one CID, fetched back as the same tree.
    tree = tmp_path / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "a.txt").write_bytes(b"alpha")
    (tree / "sub" / "big.bin").write_bytes(os.urandom(300_000))
    run(node, ipfs, cache, "publish", str(tree), "--key", "cli-dir")
    fetched = tmp_path / "fetched-tree"
    done = json.loads(run(node, ipfs, cache, "fetch", "cli-dir", "-o", str(fetched)).stdout)
    assert done["directory"] is True and done["files"] == 2
    for rel in ("a.txt", "sub/big.bin"):
        assert (fetched / rel).read_bytes() == (tree / rel).read_bytes(), rel
    to_stdout = run(node, ipfs, cache, "fetch", "cli-dir", check=False)
    assert to_stdout.returncode != 0 and "pass -o DIR" in to_stdout.stdout + to_stdout.stderr

    # Progress bars: drawn on a terminal, never with --quiet, never when stderr is not a terminal.
    def on_terminal(*args):
        """Run modreg (without --json) with standard error on a pseudo-terminal; return what it drew."""
        import pty
        fresh = tmp_path / f"cache-{len(args)}-{args[0]}"
        env = dict(os.environ, MODREG_NODE=node.ws, IPFS_API_URL=ipfs.url, MODREG_CACHE_DIR=str(fresh))
        leader, follower = pty.openpty()
        import fcntl, struct, termios
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))
        try:
            done = subprocess.run([modreg_bin(), *args], env=env, stdout=subprocess.PIPE, stderr=follower, timeout=300)
            os.close(follower)
            drawn = b""
            while True:
                try:
                    chunk = os.read(leader, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                drawn += chunk
        finally:
            os.close(leader)
        assert done.returncode == 0, drawn
        return drawn.decode("utf-8", "replace")

    drawn = on_terminal("fetch", "cli-dir", "-o", str(tmp_path / "with-bar"))
    assert "fetching" in drawn, drawn
    quiet = on_terminal("--quiet", "fetch", "cli-dir", "-o", str(tmp_path / "quiet"))
    assert "fetching" not in quiet, quiet
    piped = run(node, ipfs, tmp_path / "cache-piped", "fetch", "cli-dir", "-o", str(tmp_path / "piped"))
    assert "fetching" not in piped.stderr


def test_register_get_search_and_errors(pair, tmp_path):
    ipfs, node = pair
    cache = tmp_path / "cache"
    meta = {"name": "Searchable Thing", "description": "finds needles", "keywords": ["hay"]}
    run(node, ipfs, cache, "register", "cli-search", json.dumps(meta))
    got = json.loads(run(node, ipfs, cache, "get", "cli-search").stdout)
    assert json.loads(got["value"]) == meta
    hits = json.loads(run(node, ipfs, cache, "search", "needles").stdout)
    assert [h["keyText"] for h in hits] == ["cli-search"]
    assert json.loads(run(node, ipfs, cache, "search", "HAY").stdout)[0]["keyText"] == "cli-search"
    listed = json.loads(run(node, ipfs, cache, "list").stdout)
    assert any(r["keyText"] == "cli-search" for r in listed)

    # Bob may not remove Alice's key: exit code 3 with the pallet error named.
    refused = run(node, ipfs, cache, "--suri", "//Bob", "remove", "cli-search", check=False)
    assert refused.returncode == 3
    assert "NotOwner" in refused.stdout
    missing = run(node, ipfs, cache, "get", "no-such-key", check=False)
    assert missing.returncode == 1
    invalid = run(node, ipfs, cache, "register", "cli-bad", "{not json", check=False)
    assert invalid.returncode == 3 and "InvalidJson" in invalid.stdout

    bob = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty"
    run(node, ipfs, cache, "transfer", "cli-search", bob)
    # An offer only: Bob cannot remove it until he accepts.
    early = run(node, ipfs, cache, "--suri", "//Bob", "remove", "cli-search", check=False)
    assert early.returncode == 3 and "NotOwner" in early.stdout
    run(node, ipfs, cache, "--suri", "//Bob", "accept", "cli-search")
    run(node, ipfs, cache, "--suri", "//Bob", "remove", "cli-search")
    assert run(node, ipfs, cache, "get", "cli-search", check=False).returncode == 1


def test_file_registry_commands(tmp_path):
    example = ROOT / "clients" / "file-registry" / "examples" / "registry"
    archive = tmp_path / "r.tar.gz"
    env = dict(os.environ)
    for args in (["verify", str(example)], ["export", str(example), "-o", str(archive)], ["import", str(archive), str(tmp_path / "copy")]):
        result = subprocess.run([modreg_bin(), "--json", *args], env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
    result = subprocess.run(
        [modreg_bin(), "promote", "model_pred_mlp_0007", "--tag", "production", "--dir", str(tmp_path / "copy")],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert subprocess.run([modreg_bin(), "verify", str(tmp_path / "copy")], capture_output=True).returncode == 0
    # The same command line as `file-registry` (flattened in, not a copy): its limits, its exit
    # codes, one JSON document per outcome, errors included.
    refused = subprocess.run(
        [modreg_bin(), "--json", "import", "--max-entry-bytes", "10", str(archive), str(tmp_path / "small")],
        capture_output=True, text=True,
    )
    assert refused.returncode == 5, refused.stdout + refused.stderr  # problems found
    report = json.loads(refused.stdout)
    assert report["ok"] is False and any(p["kind"] == "entry_too_large" for p in report["problems"])
    assert not (tmp_path / "small").exists()
    bad_id = subprocess.run(
        [modreg_bin(), "--json", "promote", "../../etc/passwd", "--tag", "staging", "--dir", str(tmp_path / "copy")],
        capture_output=True, text=True,
    )
    assert bad_id.returncode == 8
    assert "not a model id" in json.loads(bad_id.stdout)["error"]
    # A bad command line in --json mode is a JSON document too (exit code 2, as clap's).
    usage = subprocess.run([modreg_bin(), "--json", "no-such-command"], capture_output=True, text=True)
    assert usage.returncode == 2
    assert json.loads(usage.stdout)["ok"] is False
    fr_help = subprocess.run([modreg_bin(), "import", "--help"], capture_output=True, text=True).stdout
    assert "--max-ratio" in fr_help and "--replace" in fr_help
