"""`module-registry-gateway` end to end: a real node and IPFS daemon, content published with
`modreg`, the gateway indexing it into SQLite and into a real PostgreSQL cluster; the REST API
checked against the chain's own answers, writes with and without the token, a gateway killed
mid-sync, and the browse page in a real headless Chromium."""

import gzip
import hashlib
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

from harness import TEST_CHAIN, Gateway, Ipfs, Node, Postgres, wait_until
from test_cli import modreg_bin

TOKEN = "gateway-test-token-0123456789"


def modreg(world, *args, suri="//Alice", code=0):
    env = dict(
        os.environ,
        MODREG_NODE=world["node"].ws,
        IPFS_API_URL=world["ipfs"].url,
        MODREG_CACHE_DIR=str(world["tmp"] / "cache"),
        MODREG_SURI=suri,
        MODREG_INDEX=str(world["tmp"] / "index.sqlite"),
    )
    result = subprocess.run([modreg_bin(), "--json", *args], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == code, f"modreg {args}: exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """One node and IPFS daemon with two packages (a yanked version, a deprecated package) and
    two plain entries, shared by the tests of this module."""
    tmp = tmp_path_factory.mktemp("gateway")
    ipfs = Ipfs(tmp / "ipfs", name="ipfs-gw").start()
    node = Node("dev-node-gw", TEST_CHAIN, ipfs_api=ipfs.url)
    gateways = []
    w = {"tmp": tmp, "ipfs": ipfs, "node": node, "gateways": gateways}
    try:
        node.wait_ready(blocks=1)
        modreg(w, "namespace", "claim", "gw")
        src = tmp / "src"
        src.mkdir()
        meta = tmp / "meta.json"
        meta.write_text(json.dumps({
            "type": "wasm", "description": "finds text in files fast", "keywords": ["search", "text"],
            "author": "Ann Example", "tier": "exec",
        }))
        published = {}
        for version in ["1.0.0", "1.1.0", "2.0.0"]:
            (src / "README").write_text(f"search-tool {version}\n")
            published[version] = modreg(w, "publish", str(src), "--name", "gw/search-tool", "--version", version, "--metadata", str(meta))
        # Chain data is untrusted: the page must show this as text, not run it.
        meta.write_text(json.dumps({
            "type": "native", "description": "packs archives <img src=x onerror=document.title='pwned'>",
            "keywords": ["archive"], "author": "Bo",
            "dependencies": {"runtime_min": "0.5.0", "modules": ["gw/search-tool@^1"]},
        }))
        (src / "README").write_text("zip-util\n")
        published["zip"] = modreg(w, "publish", str(src), "--name", "gw/zip-util", "--version", "0.1.0", "--metadata", str(meta))
        modreg(w, "yank", "gw/search-tool", "2.0.0")
        modreg(w, "deprecate", "gw/zip-util", "--successor", "gw/search-tool@^1", "--reason", "merged")
        modreg(w, "register", "plain-json", json.dumps({"name": "plain", "description": "a plain entry"}))
        w["published"] = published
        yield w
    finally:
        for g in gateways:
            g.stop()
        node.stop()
        ipfs.stop()


def start_gateway(world, name, **kw):
    g = Gateway(name, world["node"], world["ipfs"], world["tmp"] / name, **kw)
    world["gateways"].append(g)
    return g.wait_synced(world["node"])


def blake2_256(data):
    return hashlib.blake2b(data, digest_size=32).digest()


def test_rest_api_on_sqlite(world):
    node = world["node"]
    g = start_gateway(world, "gw-sqlite", extra=["--header-read-timeout-secs", "2"])
    health = g.health()
    assert health["ok"] is True and health["database"] == "sqlite" and health["lag"] <= 2, health

    listing = g.get("/v1/modules")
    assert listing["total"] == 2
    assert [m["name"] for m in listing["modules"]] == ["gw/search-tool", "gw/zip-util"]
    assert [m["name"] for m in g.get("/v1/modules?keyword=archive")["modules"]] == ["gw/zip-util"]
    assert [m["name"] for m in g.get("/v1/modules?type=wasm")["modules"]] == ["gw/search-tool"]
    assert [m["name"] for m in g.get("/v1/modules?status=deprecated")["modules"]] == ["gw/zip-util"]
    assert g.get("/v1/modules?namespace=nobody")["total"] == 0
    assert g.get("/v1/modules?per_page=1&page=2")["modules"][0]["name"] == "gw/zip-util"
    for bad in ["/v1/modules?type=java", "/v1/modules?per_page=0", "/v1/modules?page=x", "/v1/modules?status=gone"]:
        assert g.get(bad, expect=400)["error"] == "BadRequest"
    # Errors that axum answers before a handler runs are JSON too.
    assert g.get("/v1/search?q=a&q=b", expect=400)["error"] == "BadRequest"
    status, headers, body = g.request("DELETE", "/v1/modules")
    assert status == 405 and body["error"] == "MethodNotAllowed", (status, body)
    assert "GET" in headers.get("Allow", ""), headers

    # The module: latest is 1.1.0 (2.0.0 is yanked), every version listed, the protocol entry.
    m = g.get("/v1/modules/gw/search-tool")
    chain_latest = node.rpc("moduleRegistry_resolve", ["gw/search-tool", "latest"])
    assert m["latest"] == chain_latest["version"] == "1.1.0"
    assert m["versions"] == ["2.0.0", "1.1.0", "1.0.0"] and m["yanked"] == ["2.0.0"]
    e = m["entry"]
    assert e["identity"] == {"name": "search-tool", "namespace": "gw", "version": "1.1.0", "spec_version": None}
    assert e["metadata"]["description"] == "finds text in files fast"
    assert e["distribution"]["cid"] == chain_latest["cid"]
    assert e["distribution"]["checksum"] == chain_latest["checksum"]
    assert e["distribution"]["size_bytes"] == chain_latest["size"]
    assert e["distribution"]["tarball"] == f"{g.url}/v1/content/{chain_latest['cid']}"
    assert e["quality"]["yanked"] is False and e["quality"]["deprecated"] is False
    assert "verified" in e["quality"]["pin_status"]
    assert e["timestamps"]["published_at"].endswith("Z") and e["timestamps"]["created_at"]

    # The audit trail names the block and the extrinsic that published it: check them on chain.
    audit = e["audit"]
    assert audit["block"] == chain_latest["publishedAt"] and audit["publisher"] == chain_latest["publisher"]
    block_hash = node.rpc("chain_getBlockHash", [audit["block"]])
    extrinsics = node.rpc("chain_getBlock", [block_hash])["block"]["extrinsics"]
    ext = bytes.fromhex(extrinsics[audit["extrinsic"]][2:])
    assert "0x" + blake2_256(ext).hex() == audit["extrinsicHash"]

    # Versions and ranges, by the chain's rule.
    versions = g.get("/v1/modules/gw/search-tool/versions")["versions"]
    assert {v["version"]: v["yanked"] for v in versions} == {"2.0.0": True, "1.1.0": False, "1.0.0": False}
    for rng in ["^1", "~1.0", "*", "=2.0.0", ">=1.0.0, <1.1.0", "1.0.0"]:
        ours = g.get(f"/v1/modules/gw/search-tool/{quote(rng, safe='')}")
        theirs = node.rpc("moduleRegistry_resolve", ["gw/search-tool", rng])
        assert ours["resolved"] == theirs["version"], rng
    assert g.get("/v1/modules/gw/search-tool/^3", expect=404)["error"] == "NotFound"
    assert g.get("/v1/modules/gw/search-tool/not-a-range", expect=400)["error"] == "BadRequest"
    assert g.get("/v1/modules/gw/nothing", expect=404)["error"] == "NotFound"
    assert g.get("/v1/modules/GW/Bad_Name", expect=400)["error"] == "BadRequest"

    # The deprecated package carries its successor.
    z = g.get("/v1/modules/gw/zip-util")["entry"]
    assert z["quality"]["deprecated"] is True and z["quality"]["successor"] == "gw/search-tool@^1"
    assert z["timestamps"]["deprecated_at"]

    # Dependencies as published, and the reverse: who depends on a module, paged.
    assert z["dependencies"] == {"runtime_min": "0.5.0", "modules": ["gw/search-tool@^1"]}
    dependents = g.get("/v1/modules/gw/search-tool/dependents")
    assert dependents == {
        "name": "gw/search-tool",
        "dependents": [{"name": "gw/zip-util", "version": "0.1.0", "range": "^1"}],
        "next": None,
    }
    assert g.get("/v1/modules/gw/zip-util/dependents")["dependents"] == []
    assert g.get("/v1/modules/gw/search-tool/dependents?after=gw/zip-util@0.1.0")["dependents"] == []
    for bad in ["?after=nonsense", "?per_page=0", "?after=Bad/Name@1.0.0"]:
        assert g.get("/v1/modules/gw/search-tool/dependents" + bad, expect=400)["error"] == "BadRequest"

    # An attestation of a version, served beside it and verified offline by modreg against the
    # chain spec's genesis validators (the gateway is not trusted for it).
    bundle = g.get("/v1/modules/gw/search-tool/1.1.0/attestation")
    assert bundle["format"] == "modreg-attestation/1" and bundle["version"] == "1.1.0"
    bundle_path = world["tmp"] / "search-tool.attestation.json"
    bundle_path.write_text(json.dumps(bundle))
    spec = TEST_CHAIN[TEST_CHAIN.index("--chain") + 1]
    verified = modreg(
        world, "verify-attestation", str(bundle_path), "gw/search-tool@1.1.0", "--chain-spec", spec, "--allow-dev-keys"
    )["verified"]
    on_chain = modreg(world, "resolve", "gw/search-tool@=1.1.0")
    assert (verified["cid"], verified["checksum"], verified["size"]) == (on_chain["cid"], on_chain["checksum"], on_chain["size"])
    assert g.get("/v1/modules/gw/search-tool/9.9.9/attestation", expect=404)["error"] == "NotFound"
    assert g.get("/v1/modules/gw/search-tool/not-a-version/attestation", expect=400)["error"] == "BadRequest"

    # Search: ranked, scored, prefix matching; punctuation is not query syntax.
    s = g.get("/v1/search?q=search")
    assert [r["name"] for r in s["results"]] == ["gw/search-tool"] and s["results"][0]["score"] > 0
    assert [r["name"] for r in g.get("/v1/search?q=arch")["results"]] == ["gw/zip-util"]
    assert g.get("/v1/search?q=Ann%20text")["total"] == 1
    assert g.get("/v1/search?q=onerror")["total"] == 1  # found as text, served as text
    # A one-letter word matches whole words only (as a prefix it would scan most of a large
    # index); two letters are a prefix again. Words past the eighth are ignored.
    assert g.get("/v1/search?q=s")["total"] == 0
    assert g.get("/v1/search?q=se")["results"][0]["name"] == "gw/search-tool"
    many = "search " + " ".join(["zzz"] * 20)
    assert g.get(f"/v1/search?q={quote('search ' + 'tool ' * 7 + 'zzz')}")["total"] == 1
    assert g.get(f"/v1/search?q={quote(many)}")["total"] == 0
    assert g.get("/v1/search?q=%22search%22*%20(")["total"] == 1
    assert g.get("/v1/search", expect=400)["error"] == "BadRequest"

    cats = {c["name"]: c["modules"] for c in g.get("/v1/categories")["categories"]}
    assert cats["search"] == ["gw/search-tool"] and cats["archive"] == ["gw/zip-util"]

    # index.json: §3 shape, with an ETag that answers 304.
    status, headers, index = g.request("GET", "/v1/index.json")
    assert status == 200 and headers["ETag"].startswith('"')
    assert set(index["modules"]) == {"gw/search-tool", "gw/zip-util"}
    assert index["stats"]["total_modules"] == 2 and index["stats"]["total_versions"] == 4
    assert index["categories"]["text"]["modules"] == ["gw/search-tool"]
    assert g.request("GET", "/v1/index.json", headers={"If-None-Match": headers["ETag"]})[0] == 304

    # Plain entries and their status; keys are text unless hex is asked for.
    entry = g.get("/v1/entries/plain-json")
    assert entry["value"] == {"name": "plain", "description": "a plain entry"}
    assert entry["info"]["kind"] == "Json" and entry["audit"]["extrinsicHash"]
    assert g.get("/v1/entries/" + "0x" + b"plain-json".hex() + "?encoding=hex")["key"] == entry["key"]
    assert g.get("/v1/entries/0x706c61696e2d6a736f6e", expect=404)["error"] == "NotFound"
    assert g.get("/v1/entries/plain-json/status")["state"] == "noPinnableCid"
    version_key = versions[1]["entryKey"]
    st = g.get(f"/v1/entries/{version_key}/status?encoding=hex")
    assert st["state"] == "verified" and st["cid"] == chain_latest["cid"]

    # Content: the bytes IPFS holds for the CID, matching the chain's checksum; other CIDs and
    # junk are refused.
    status, headers, body = g.request("GET", f"/v1/content/{chain_latest['cid']}")
    assert status == 200 and "sha256:" + hashlib.sha256(body).hexdigest() == chain_latest["checksum"]
    assert int(headers["Content-Length"]) == chain_latest["size"]
    foreign = world["ipfs"].add(b"not in the registry")
    assert g.get(f"/v1/content/{foreign}", expect=404)["error"] == "NotFound"
    assert g.get("/v1/content/not-a-cid", expect=400)["error"] == "BadRequest"
    # Served as a download that browsers do not sniff; the CID is the ETag, so a client that
    # has the bytes gets 304 without the gateway fetching anything; HEAD answers from the index.
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Disposition"] == f'attachment; filename="{chain_latest["cid"]}"'
    etag = headers["ETag"]
    status, again, body = g.request("GET", f"/v1/content/{chain_latest['cid']}", headers={"If-None-Match": etag})
    assert status == 304 and not body and again["ETag"] == etag
    status, head, body = g.request("HEAD", f"/v1/content/{chain_latest['cid']}")
    assert status == 200 and not body and int(head["Content-Length"]) == chain_latest["size"]
    # A plain entry can name any CID: by default only the content of published versions is
    # served (an open IPFS gateway is an abuse magnet).
    entry_cid = world["ipfs"].add(b"an entry's content, twenty-nine bytes or so")
    modreg(world, "register", "gw-entry-cid", entry_cid)
    g.wait_synced(node, timeout=60)
    assert g.get(f"/v1/content/{entry_cid}", expect=404)["error"] == "NotFound"
    # A client that trickles a request's headers (slowloris) is cut off after the header-read
    # timeout instead of holding a connection for ever.
    host, port = g.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=15) as slow:
        slow.sendall(b"GET /v1/modules HTTP/1.1\r\nHost: x\r\n")
        started = time.monotonic()
        answer = slow.recv(1024)
        waited = time.monotonic() - started
    assert answer == b"" or answer.startswith(b"HTTP/1.1 408"), answer
    assert 1.0 < waited < 12, waited
    # Large answers are compressed for clients that accept it.
    request = urllib.request.Request(g.url + "/v1/index.json", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        assert answer.headers["Content-Encoding"] == "gzip"
        assert json.loads(gzip.decompress(answer.read()))["stats"]["total_modules"] == 2
    # The browse page says where scripts, styles and requests may come from.
    status, page_headers, _ = g.request("GET", "/")
    assert status == 200 and "script-src 'self'" in page_headers["Content-Security-Policy"]
    assert g.get("/v1/nothing/here", expect=404)["error"] == "NotFound"

    # Writes are off on this gateway.
    status, _, body = g.request("POST", "/v1/entries", {"key": "x", "value": {"a": 1}})
    assert status == 403 and body["error"] == "WritesDisabled"

    # It follows the chain: a new version shows up within a few blocks.
    src = world["tmp"] / "src"
    (src / "README").write_text("search-tool 1.2.0\n")
    modreg(world, "publish", str(src), "--name", "gw/search-tool", "--version", "1.2.0")
    g.wait_synced(node, timeout=60)
    assert g.get("/v1/modules/gw/search-tool")["latest"] == "1.2.0"
    assert g.health()["lag"] <= 2

    # `modreg sync --gateway`: the whole index in one request; then offline reads agree with the
    # chain.
    synced = modreg(world, "sync", "--gateway", g.url)
    assert synced["packages"] == 2 and synced["versions"] == 5 and synced["source"] == g.url
    for rng in ["^1", "=2.0.0", "~1.0"]:
        offline = modreg(world, "resolve", f"gw/search-tool@{rng}", "--offline")
        assert offline["version"] == node.rpc("moduleRegistry_resolve", ["gw/search-tool", rng])["version"]
    hits = modreg(world, "search", "archives", "--offline")["results"]
    assert [h["name"] for h in hits] == ["gw/zip-util"]
    assert modreg(world, "sync", "--gateway", g.url + "/nothing", code=1)["ok"] is False
    assert modreg(world, "sync", "--gateway", "http://127.0.0.1:9", code=4)["ok"] is False


def test_writes_need_the_token_and_map_pallet_errors(world):
    node = world["node"]
    g = start_gateway(world, "gw-writes", extra=["--signer", "//Bob", "--api-token", TOKEN])
    auth = {"Authorization": f"Bearer {TOKEN}"}

    def on_chain(key):
        return node.rpc("moduleRegistry_getModule", ["0x" + key.encode().hex()])

    for headers in [None, {"Authorization": "Bearer wrong-token-wrong-token"}, {"Authorization": TOKEN}]:
        status, hdrs, body = g.request("POST", "/v1/entries", {"key": "bob-entry", "value": {"v": 1}}, headers)
        assert status == 401 and body["error"] == "Unauthorized" and hdrs.get("WWW-Authenticate") == "Bearer"
    assert on_chain("bob-entry") is None
    # The token is checked before the body is read: a large body without it is a 401 (it was a
    # 413 from reading it first), and with it a body over 512 KiB is a 413.
    try:
        status, _, body = g.request("POST", "/v1/entries", b"{" + b" " * (3 << 20) + b"}", None)
        assert status == 401 and body["error"] == "Unauthorized", (status, body)
    except (ConnectionError, OSError):
        pass  # the gateway answered 401 and closed while the client was still sending
    status, _, body = g.request("POST", "/v1/entries", b"{" + b" " * (600 << 10) + b"}", auth)
    assert status == 413 and body["error"] == "PayloadTooLarge", (status, body)

    status, _, body = g.request("POST", "/v1/entries", {"key": "bob-entry", "value": {"v": 1}}, auth)
    assert status == 201 and body["blockHash"].startswith("0x"), body
    assert bytes.fromhex(on_chain("bob-entry")[2:]) == b'{"v":1}'
    status, _, body = g.request("POST", "/v1/entries", {"key": "bob-entry", "value": {"v": 2}}, auth)
    assert status == 409 and body["error"] == "Conflict"
    status, _, body = g.request("PUT", "/v1/entries/bob-entry", {"value": "{\"v\": 2}"}, auth)
    assert status == 200, body
    assert json.loads(bytes.fromhex(on_chain("bob-entry")[2:])) == {"v": 2}

    # Pallet errors come back by name with a 4xx status, and change nothing.
    status, _, body = g.request("PUT", "/v1/entries/bob-entry", {"value": "{not json"}, auth)
    assert status == 422 and body["error"] == "InvalidJson", body
    status, _, body = g.request("DELETE", "/v1/entries/plain-json", None, auth)  # Alice's
    assert status == 403 and body["error"] == "NotOwner", body
    assert on_chain("plain-json") is not None
    status, _, body = g.request("PUT", "/v1/modules/gw/search-tool/status", {"status": "inactive"}, auth)
    assert status == 403 and body["error"] in ("NotMaintainer", "NotNamespaceOwner"), body
    status, _, body = g.request("PUT", "/v1/modules/gw/search-tool/status", {"status": "sleeping"}, auth)
    assert status == 400
    status, _, body = g.request("POST", "/v1/entries", b"{broken", auth)
    assert status == 400 and body["error"] == "BadRequest"
    status, _, body = g.request("POST", "/v1/entries", b" " * (3 << 20), auth)
    assert status == 413 and body["error"] == "PayloadTooLarge", (status, body)

    status, _, body = g.request("DELETE", "/v1/entries/bob-entry", None, auth)
    assert status == 200 and on_chain("bob-entry") is None
    g.wait_synced(node, timeout=60)
    assert g.get("/v1/entries/bob-entry", expect=404)["error"] == "NotFound"


def comparable(index):
    index = dict(index)
    index.pop("block")
    return index


def test_postgres_matches_sqlite_and_a_killed_gateway_resumes(world):
    node = world["node"]
    pg = Postgres()
    try:
        url = pg.create_db("registry")
        public = ["--public-url", "http://registry.example"]
        on_pg = start_gateway(world, "gw-pg", database=url, extra=public)
        on_sqlite = start_gateway(world, "gw-sqlite-ref", extra=public)
        assert on_pg.health()["database"] == "postgres"
        assert comparable(on_pg.get("/v1/index.json")) == comparable(on_sqlite.get("/v1/index.json"))
        assert on_pg.get("/v1/search?q=search")["results"][0]["name"] == "gw/search-tool"
        assert on_pg.get("/v1/search?q=arch")["results"][0]["name"] == "gw/zip-util"
        assert on_pg.get("/v1/modules/gw/search-tool/^1")["resolved"] == "1.2.0"
        assert int(pg.psql("registry", "SELECT COUNT(*) FROM versions")) == 5
        assert on_pg.get("/v1/modules/gw/search-tool/dependents")["dependents"][0]["name"] == "gw/zip-util"

        # A second replica on the same database serves reads but does not index.
        replica = start_gateway(world, "gw-pg-2", database=url, extra=public)
        assert replica.health()["indexing"] is False and on_pg.health()["indexing"] is True
        # Behind a load balancer's health check both replicas are healthy: the follower too
        # answers 200, with the node reachable and the index's height.
        for gw in (replica, on_pg):
            wait_until(lambda gw=gw: gw.request("GET", "/healthz")[0] == 200, 30, f"{gw.name} healthy")
            health = gw.health()
            assert health["ok"] is True and health["chainReachable"] is True, health
            assert health["indexedHeight"] > 0
        assert replica.get("/v1/modules")["total"] == 2

        # Kill a gateway mid-sync (small batches make the catch-up long), start it again on the
        # same folder: it resumes and ends with the same index as one that never stopped.
        data = world["tmp"] / "gw-killed"
        slow = Gateway("gw-killed", node, world["ipfs"], data, extra=[*public, "--batch-blocks", "2"])
        world["gateways"].append(slow)
        wait_until(lambda: slow.health().get("indexedHeight", -1) > 4, 60, "a first batch", interval=0.05)
        assert slow.health()["indexedHeight"] < node.finalized_number()
        slow.kill()
        again = Gateway("gw-killed-2", node, world["ipfs"], data, extra=public)
        world["gateways"].append(again)
        again.wait_synced(node)
        on_sqlite.wait_synced(node)
        assert comparable(again.get("/v1/index.json")) == comparable(on_sqlite.get("/v1/index.json"))
    finally:
        pg.stop()


def test_browse_page_in_headless_chromium(world):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    g = start_gateway(world, "gw-browser")
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    profile = world["tmp"] / "chromium-profile"
    for flag in [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", "--window-size=1200,900",
    ]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    try:
        wait = WebDriverWait(driver, 30)
        driver.get(g.url + "/")
        cards = lambda: [c.get_attribute("data-name") for c in driver.find_elements(By.CSS_SELECTOR, "#results .card")]  # noqa: E731
        wait.until(lambda _: cards() == ["gw/search-tool", "gw/zip-util"])

        # Typing narrows the results as you type.
        box = driver.find_element(By.ID, "q")
        box.send_keys("arch")
        wait.until(lambda _: cards() == ["gw/zip-util"])
        card = driver.find_element(By.CSS_SELECTOR, '#results .card[data-name="gw/zip-util"]')
        assert "Deprecated" in card.text and "gw/search-tool@^1" in card.text
        assert "<img src=x" in card.text and not driver.find_elements(By.CSS_SELECTOR, "#results img")
        assert driver.title != "pwned"
        box.clear()
        box.send_keys("nothing-matches-this")
        wait.until(lambda _: driver.find_element(By.CSS_SELECTOR, "#results .empty").is_displayed())

        box.clear()
        box.send_keys("search")
        wait.until(lambda _: cards() == ["gw/search-tool"])
        card = driver.find_element(By.CSS_SELECTOR, '#results .card[data-name="gw/search-tool"]')
        assert "v1.2.0" in card.text and "pin: verified" in card.text
        card.click()
        wait.until(lambda _: driver.find_elements(By.CSS_SELECTOR, "#module tr.version"))
        rows = {r.get_attribute("data-version"): r.get_attribute("class") for r in driver.find_elements(By.CSS_SELECTOR, "#module tr.version")}
        assert set(rows) == {"2.0.0", "1.2.0", "1.1.0", "1.0.0"} and "yanked" in rows["2.0.0"] and "yanked" not in rows["1.1.0"]
        assert driver.find_element(By.CSS_SELECTOR, "#module pre.install").text == "modreg install gw/search-tool@^1.2.0"
        # 1.2.0 was published without metadata: the page keeps the description of 1.1.0.
        page = driver.find_element(By.ID, "module").text
        assert "finds text in files fast" in page and "null" not in page.split()
        # Its dependents, linked; following one shows that module's dependencies, linked back.
        dependent = driver.find_element(By.CSS_SELECTOR, "#module ul.dependents a")
        assert dependent.text == "gw/zip-util@0.1.0" and "needs ^1" in driver.find_element(By.CSS_SELECTOR, "#module ul.dependents").text
        dependent.click()
        wait.until(lambda _: driver.find_elements(By.CSS_SELECTOR, "#module ul.dependencies a"))
        link = driver.find_element(By.CSS_SELECTOR, "#module ul.dependencies a")
        assert link.text == "gw/search-tool@^1" and link.get_attribute("href").endswith("#/m/gw/search-tool")
        link.click()
        wait.until(lambda _: driver.find_elements(By.CSS_SELECTOR, "#module ul.dependents a"))
        assert not driver.find_element(By.ID, "results").is_displayed()
        shot = Path(os.environ.get("E2E_LOGS", ".")) / "gateway-browse.png"
        shot.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(shot))
        assert shot.stat().st_size > 10_000
        # Chain data is text, never markup.
        assert not driver.find_elements(By.CSS_SELECTOR, "#module script, #results script")
    finally:
        driver.quit()
