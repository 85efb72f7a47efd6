"""Start and stop the real processes the end-to-end suites talk to.

- ``Ipfs``: the js-ipfs daemon from ``tests/ipfs`` (a Kubo-compatible HTTP RPC), in a fresh repo
  on free ports.
- ``Node``: ``module-registry-node`` (``$NODE_BIN``), a single-authority node of the ``test``
  preset (the development chain with 1-second blocks, ``TEST_CHAIN``) or an authority of the
  ``local`` preset (``LOCAL_CHAIN``, with 2-second blocks), on free ports. Both run from raw
  chain specs the node exports once per binary (``raw_chain_spec``).

Nodes share one wasmtime cache (``--wasm-cache``, ``$E2E_WASM_CACHE``, default
``$CARGO_TARGET_DIR/wasm-cache``), so only the first start of a runtime compiles it.

Every process writes its log under ``$E2E_LOGS`` (default ``target/e2e-logs``) and is stopped at
teardown, on failure too.
"""

import atexit
import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOGS = Path(os.environ.get("E2E_LOGS", ROOT / "target" / "e2e-logs"))
# Cargo's target directory: binaries, and what the suites keep between runs.
TARGET = Path(os.environ.get("CARGO_TARGET_DIR") or ROOT / "target")
WASM_CACHE = Path(os.environ.get("E2E_WASM_CACHE") or TARGET / "wasm-cache")
# Under pytest-xdist each worker has its own processes; their logs must not share a file.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")


def node_binary():
    return os.environ.get("NODE_BIN") or str(ROOT / "target" / "debug" / "module-registry-node")


def raw_chain_spec(preset, block_time_ms=None):
    """The chain spec of the runtime preset ``preset`` in raw form, with the genesis field
    ``blockTimeMs`` set when ``block_time_ms`` is given; exported by the node once per binary
    into ``$CARGO_TARGET_DIR/e2e-chain-specs``.

    A raw spec holds the genesis storage itself, so a node started on it does not run the
    runtime's genesis builder, which compiles the runtime twice with an executor of its own
    (outside ``--wasm-cache``): about 3 seconds of CPU saved on every node start."""
    binary = Path(node_binary())
    if not binary.is_file():
        raise RuntimeError(f"no node binary at {binary}: build it first (scripts/test.sh does) or set NODE_BIN")
    stat = binary.stat()
    specs = TARGET / "e2e-chain-specs"
    identity = f"{stat.st_size}-{stat.st_mtime_ns}"
    path = specs / f"{preset}-{block_time_ms or 'preset'}-{identity}.json"
    if path.exists():
        return path
    specs.mkdir(parents=True, exist_ok=True)
    scratch = specs / f".{path.stem}.{os.getpid()}"
    source = preset

    def export(*args):
        done = subprocess.run([binary, "export-chain-spec", *args], capture_output=True, timeout=300)
        if done.returncode != 0:
            raise RuntimeError(f"export-chain-spec {' '.join(args)}: exit {done.returncode}\n{done.stderr.decode(errors='replace')}")
        return done.stdout

    try:
        if block_time_ms is not None:
            plain = json.loads(export("--chain", preset))
            plain["genesis"]["runtimeGenesis"]["patch"]["blockTimeMs"] = block_time_ms
            source = specs / f".{path.stem}.{os.getpid()}.plain"
            source.write_text(json.dumps(plain))
        export("--chain", str(source), "--raw", "--output", str(scratch))
        os.replace(scratch, path)  # atomic: xdist workers may export at the same time
    finally:
        scratch.unlink(missing_ok=True)
        if source != preset:
            source.unlink(missing_ok=True)
    for old in specs.glob("*.json"):  # specs of earlier binaries
        if not old.name.endswith(f"-{identity}.json"):
            old.unlink(missing_ok=True)
    return path


# A single-authority chain like ``--dev``, but with 1-second blocks chosen at genesis (the
# runtime's ``test`` preset), so the suites do not wait for 6-second blocks.
TEST_CHAIN = [
    "--chain", str(raw_chain_spec("test")), "--alice", "--force-authoring", "--unsafe-force-node-key-generation", "--tmp",
]
# The two-authority ``local`` testnet, with 2-second blocks instead of its 6.
LOCAL_CHAIN = ["--chain", str(raw_chain_spec("local", block_time_ms=2000))]

# Every process started and not yet stopped, so an interrupted run leaves no orphans.
LIVE = []


def stop_all():
    """Stop every process this interpreter started (at exit and on SIGTERM/SIGHUP)."""
    for process in list(LIVE):
        try:
            process.stop()
        except Exception:  # noqa: BLE001 - keep stopping the others
            pass


def _on_signal(signum, _frame):
    stop_all()
    raise SystemExit(128 + signum)


atexit.register(stop_all)
for _sig in (signal.SIGTERM, signal.SIGHUP):
    try:
        signal.signal(_sig, _on_signal)
    except ValueError:  # not the main thread
        pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_post(url, data=b"", timeout=30, headers=None):
    req = urllib.request.Request(url, data=data, method="POST", headers=headers or {})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return resp.read()


class ProcessExited(RuntimeError):
    """A process the test waits on is gone: waiting longer cannot help."""


def wait_until(check, timeout, what, interval=0.5):
    deadline = time.time() + timeout
    last = None
    while time.time() < deadline:
        try:
            result = check()
            if result:
                return result
        except ProcessExited:
            raise
        except Exception as e:  # noqa: BLE001 - keep polling until the deadline
            last = e
        time.sleep(interval)
    raise TimeoutError(f"timed out after {timeout}s waiting for {what} (last error: {last})")


def log_path(name):
    """The log file of the process called ``name`` (one per pytest-xdist worker); a process
    started again under the same name appends to it."""
    return LOGS / (f"{name}-{WORKER}.log" if WORKER else f"{name}.log")


class Process:
    """A child process with its own log file and process group."""

    def __init__(self, name, args, env=None, cwd=None):
        LOGS.mkdir(parents=True, exist_ok=True)
        self.name = name
        self.log_path = log_path(name)
        self.log = open(self.log_path, "ab")
        # Its own process group (session), so stopping it stops everything it started.
        self.proc = subprocess.Popen(
            args, stdout=self.log, stderr=subprocess.STDOUT, env=env, cwd=cwd, start_new_session=True
        )
        LIVE.append(self)

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        if self.alive():
            try:
                os.killpg(self.proc.pid, signal.SIGINT)
                self.proc.wait(timeout=20)
            except Exception:  # noqa: BLE001 - escalate below
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(timeout=10)
        self.log.close()
        if self in LIVE:
            LIVE.remove(self)

    def tail(self, n=40):
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""


class Ipfs:
    """A js-ipfs daemon in a fresh repo."""

    CLI = ROOT / "tests" / "ipfs" / "node_modules" / "ipfs" / "src" / "cli.js"

    def __init__(self, repo, api_port=None, name="ipfs"):
        self.repo = Path(repo)
        self.api_port = api_port or free_port()
        self.gateway_port = free_port()
        self.name = name
        self.proc = None
        self.env = dict(os.environ, IPFS_PATH=str(self.repo))
        if not (self.repo / "config").exists():
            subprocess.run(["node", str(self.CLI), "init"], env=self.env, check=True, capture_output=True)
        config_path = self.repo / "config"
        config = json.loads(config_path.read_text())
        config["Bootstrap"] = []
        config.setdefault("Addresses", {})
        config["Addresses"]["Delegates"] = []
        config["Addresses"]["Swarm"] = []
        config["Addresses"]["API"] = f"/ip4/127.0.0.1/tcp/{self.api_port}"
        config["Addresses"]["Gateway"] = f"/ip4/127.0.0.1/tcp/{self.gateway_port}"
        # js-ipfs also serves a gRPC-over-websocket API (default 5003): give each daemon its own.
        config["Addresses"]["RPC"] = f"/ip4/127.0.0.1/tcp/{free_port()}"
        config_path.write_text(json.dumps(config, indent=2))

    @property
    def url(self):
        return f"http://127.0.0.1:{self.api_port}"

    def start(self, timeout=90):
        # Preload is on by default and contacts public preload nodes, which nothing here can reach.
        self.proc = Process(self.name, ["node", str(self.CLI), "daemon", "--enable-preload=false"], env=self.env)
        wait_until(lambda: self.version(), timeout, f"IPFS API on {self.url}\n{self.proc.tail()}")
        return self

    def stop(self):
        if self.proc:
            self.proc.stop()
            self.proc = None

    def version(self):
        return json.loads(http_post(f"{self.url}/api/v0/version", timeout=5))

    def add(self, content, cid_version=0, raw_leaves=False, timeout=120):
        """Add ``content`` (bytes); returns its CID string (base32 for CIDv1)."""
        boundary = "----modreg-e2e-boundary"
        body = (
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode() + content + f"\r\n--{boundary}--\r\n".encode()
        query = f"cid-version={cid_version}&raw-leaves={'true' if raw_leaves else 'false'}"
        if cid_version == 1:
            query += "&cid-base=base32"
        answer = http_post(
            f"{self.url}/api/v0/add?{query}",
            body,
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
            timeout=timeout,
        )
        return json.loads(answer.splitlines()[-1])["Hash"]

    def pins(self):
        """Recursively pinned CIDs, CIDv1 in base32 (js-ipfs lists them in base58btc)."""
        answer = json.loads(http_post(f"{self.url}/api/v0/pin/ls?type=recursive", timeout=10))
        return {canonical_cid(c) for c in answer.get("Keys", {})}


def canonical_cid(text):
    """CIDv0 stays `Qm…`; a multibase CIDv1 is rendered in base32 (`b…`), as the chain does."""
    import base64

    import base58

    if text.startswith("z"):
        raw = base58.b58decode(text[1:])
        return "b" + base64.b32encode(raw).decode().lower().rstrip("=")
    return text


class Node:
    """A ``module-registry-node`` process."""

    def __init__(self, name, args, rpc_port=None, p2p_port=None, ipfs_api=None, wasm_cache=WASM_CACHE):
        self.binary = node_binary()
        self.rpc_port = rpc_port or free_port()
        self.p2p_port = p2p_port or free_port()
        self.name = name
        self.args = list(args)
        full = [
            self.binary,
            *args,
            "--rpc-port", str(self.rpc_port),
            "--port", str(self.p2p_port),
            "--no-prometheus",
            "--no-telemetry",
            "--no-mdns",
            "--rpc-cors", "all",
        ]
        if ipfs_api:
            full += ["--ipfs-api", ipfs_api]
        if wasm_cache:
            full += ["--wasm-cache", str(wasm_cache)]
        self.proc = Process(name, full, env=dict(os.environ, RUST_LOG=os.environ.get("RUST_LOG", "info,runtime::module-registry=debug")))

    @property
    def ws(self):
        return f"ws://127.0.0.1:{self.rpc_port}"

    @property
    def http(self):
        return f"http://127.0.0.1:{self.rpc_port}"

    def rpc(self, method, params=None):
        body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": params or []}).encode()
        answer = json.loads(http_post(self.http, body, headers={"Content-Type": "application/json"}))
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']}")
        return answer["result"]

    def best_number(self):
        return int(self.rpc("chain_getHeader")["number"], 16)

    def finalized_number(self):
        head = self.rpc("chain_getFinalizedHead")
        return int(self.rpc("chain_getHeader", [head])["number"], 16)

    def wait_ready(self, blocks=1, timeout=240):
        def ready():
            if not self.proc.alive():
                raise ProcessExited(f"{self.name} exited:\n{self.proc.tail()}")
            return self.best_number() >= blocks

        wait_until(ready, timeout, f"{self.name} to produce {blocks} block(s)\n{self.proc.tail()}")
        return self

    def wait_blocks(self, count, timeout=None):
        start = self.best_number()
        wait_until(lambda: self.best_number() >= start + count, timeout or 12 * count + 30, f"{count} more blocks")

    def stop(self):
        self.proc.stop()


def run_node_tests(client_dir, env, min_passed, test_timeout_ms):
    """Run a client's ``node --test`` suite (``client_dir/test``) and assert that it passed and
    ran at least ``min_passed`` tests: a broken glob or import must not look green."""
    result = subprocess.run(
        ["node", "--test", f"--test-timeout={test_timeout_ms}", "test/"],
        cwd=client_dir,
        env=dict(os.environ, **env),
        capture_output=True,
        text=True,
        timeout=600,
    )
    print(result.stdout[-6000:])
    print(result.stderr[-3000:])
    assert result.returncode == 0, f"the node:test suite in {client_dir} failed (output above)"
    assert "# fail 0" in result.stdout
    passed = re.search(r"^# pass (\d+)$", result.stdout, re.M)
    assert passed and int(passed.group(1)) >= min_passed, "the node:test suite ran (almost) no tests"


def http(method, url, body=None, headers=None, timeout=60):
    """``(status, headers, bytes)`` of a request (headers by case-insensitive name); an HTTP error
    status is an answer, not an error."""
    data = body if body is None or isinstance(body, bytes) else json.dumps(body).encode()
    hdrs = dict(headers or {})
    if data is not None and "Content-Type" not in hdrs:
        hdrs["Content-Type"] = "application/json"
    req = urllib.request.Request(url, data=data, method=method, headers=hdrs)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


class Gateway:
    """A ``module-registry-gateway`` process (``$GATEWAY_BIN``) following ``node``."""

    def __init__(self, name, node, ipfs, data_dir, database=None, extra=(), port=None):
        self.binary = os.environ.get("GATEWAY_BIN") or str(TARGET / "debug" / "module-registry-gateway")
        self.port = port or free_port()
        self.name = name
        args = [
            self.binary,
            "--node", node.ws,
            "--ipfs", ipfs.url,
            "--listen", f"127.0.0.1:{self.port}",
            "--data-dir", str(data_dir),
            *(["--database", database] if database else []),
            *extra,
        ]
        self.proc = Process(name, args, env=dict(os.environ, RUST_LOG=os.environ.get("GATEWAY_LOG", "info")))

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def request(self, method, path, body=None, headers=None):
        """``(status, headers, JSON or bytes)``."""
        status, hdrs, raw = http(method, self.url + path, body, headers)
        if hdrs.get("Content-Type", "").startswith("application/json") and raw:
            return status, hdrs, json.loads(raw)
        return status, hdrs, raw

    def get(self, path, expect=200, headers=None):
        status, _, body = self.request("GET", path, headers=headers)
        assert status == expect, f"GET {path}: {status} (expected {expect}): {body!r:.500}"
        return body

    def health(self):
        return self.request("GET", "/healthz")[2]

    def wait_synced(self, node, timeout=180):
        """Until the index has reached the node's finalized block as it is now."""
        target = node.finalized_number()

        def synced():
            if not self.proc.alive():
                raise ProcessExited(f"{self.name} exited:\n{self.proc.tail()}")
            return self.health().get("indexedHeight", -1) >= target

        wait_until(synced, timeout, f"{self.name} to index block #{target}\n{self.proc.tail()}")
        return self

    def kill(self):
        """SIGKILL: no chance to finish anything."""
        os.killpg(self.proc.proc.pid, signal.SIGKILL)
        self.proc.proc.wait(timeout=10)
        self.proc.stop()

    def stop(self):
        self.proc.stop()


class Postgres:
    """A throwaway PostgreSQL cluster (Debian's ``postgresql``): ``initdb`` in a temporary
    folder, the server on a free loopback port, trust authentication, removed at stop. As root
    the server runs as the ``postgres`` user (PostgreSQL refuses to run as root)."""

    def __init__(self):
        import glob
        import shutil
        import tempfile

        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not bins:
            raise RuntimeError("PostgreSQL is not installed: run scripts/setup.sh (Debian package postgresql)")
        self.bin = Path(bins[-1]).parent
        self.base = Path(tempfile.mkdtemp(prefix="modreg-pg-"))
        self.port = free_port()
        self.as_user = []
        if os.geteuid() == 0:
            self.as_user = ["runuser", "-u", "postgres", "--"]
            shutil.chown(self.base, "postgres", "postgres")
        data = self.base / "data"
        subprocess.run(
            [*self.as_user, str(self.bin / "initdb"), "-D", str(data), "--auth=trust", "-U", "postgres",
             "-E", "UTF8", "--no-sync"],
            check=True, capture_output=True, timeout=120,
        )
        self.proc = Process(
            "postgres",
            [*self.as_user, str(self.bin / "postgres"), "-D", str(data), "-p", str(self.port),
             "-k", str(self.base), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"],
        )
        wait_until(
            lambda: subprocess.run(
                [str(self.bin / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port)], capture_output=True
            ).returncode == 0,
            60, "PostgreSQL to accept connections",
        )

    def create_db(self, name):
        subprocess.run(
            [str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name],
            check=True, capture_output=True, timeout=60,
        )
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def psql(self, db, sql):
        out = subprocess.run(
            [str(self.bin / "psql"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", db,
             "-At", "-c", sql],
            check=True, capture_output=True, text=True, timeout=60,
        )
        return out.stdout.strip()

    def stop(self):
        import shutil

        self.proc.stop()
        shutil.rmtree(self.base, ignore_errors=True)


def main(argv=None):
    """``python3 tests/e2e/harness.py ipfs --repo DIR [--port N]``: run the test IPFS daemon in
    the foreground for shell scripts (``scripts/dev.sh``, ``scripts/bench.sh``). Prints the API
    URL once it answers; SIGINT/SIGTERM stop it."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("what", choices=["ipfs"])
    parser.add_argument("--repo", required=True, help="IPFS repository (created if missing)")
    parser.add_argument("--port", type=int, help="API port (default: a free one)")
    args = parser.parse_args(argv)
    daemon = Ipfs(args.repo, api_port=args.port).start()
    stop = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.append(True))
    print(daemon.url, flush=True)
    try:
        while not stop and daemon.proc.alive():
            time.sleep(0.5)
    finally:
        daemon.stop()
    return 0 if stop else 1


if __name__ == "__main__":
    raise SystemExit(main())
