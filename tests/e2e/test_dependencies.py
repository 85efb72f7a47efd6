"""Dependency graphs end to end, on the real chain and IPFS daemon: dependencies declared in
``module.json`` and checked at publish; ``modreg install`` resolving the whole graph (a diamond
that shares one copy, two majors side by side, cycles), the lockfile version 2, ``--locked``
across new releases and yanks, a conflict explained, ``tree``/``why``, the Python client locking
the same graph, and ``--offline`` from the lockfile and the cache."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from test_cli import modreg_bin, pair  # noqa: F401  (pair is a fixture)


def modreg(node, ipfs, cwd, cache, *args, code=0):
    env = dict(os.environ, MODREG_NODE=node.ws, IPFS_API_URL=ipfs.url, MODREG_CACHE_DIR=str(cache), MODREG_SURI="//Alice")
    result = subprocess.run([modreg_bin(), "--json", *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=300)
    assert result.returncode == code, f"modreg {args}: exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return json.loads(result.stdout) if result.stdout.strip() else {}


def nodes(lock):
    return sorted(f"{p['name']}@{p['version']}" for p in lock["packages"])


def test_dependency_graphs(pair, tmp_path):  # noqa: F811
    ipfs, node = pair
    cache = tmp_path / "cache"
    project = tmp_path / "project"
    project.mkdir()
    run = lambda *args, **kw: modreg(node, ipfs, project, cache, *args, **kw)  # noqa: E731

    def publish(name, version, needs=(), code=0, runtime_min="0.5.0"):
        src = tmp_path / "src" / name.replace("/", "-") / version
        src.mkdir(parents=True, exist_ok=True)
        (src / "module.json").write_text(
            json.dumps({"type": "other", "description": name, "dependencies": {"runtime_min": runtime_min, "modules": list(needs)}})
        )
        (src / "VERSION").write_text(f"{name} {version}\n")
        return run("publish", str(src), "--name", name, "--version", version, code=code)

    run("namespace", "claim", "dg")
    # Dependencies must exist when a version is published (crates.io's rule; the chain refuses
    # with UnknownDependency, and modreg says so before it adds anything to IPFS) ...
    refused = publish("dg/app", "1.0.0", ["dg/log@^1"], code=2)
    assert "UnknownDependency" in refused["error"] and "dg/log" in refused["error"], refused
    # ... and be well formed, which modreg checks before it spends anything.
    bad = publish("dg/app", "1.0.0", ["dg/log@^^1"], code=2)
    assert "dependencies.modules[0]" in bad["error"], bad

    publish("dg/log", "1.0.0")
    publish("dg/log", "1.1.0")
    publish("dg/log", "2.0.0")
    publish("dg/fmt", "0.3.0", ["dg/log@^1.0"])
    publish("dg/web", "1.0.0", ["dg/log@^1.1", "dg/fmt@^0.3"])
    publish("dg/cli", "1.0.0", ["dg/log@^2"])
    publish("dg/util", "1.0.0")
    publish("dg/core", "1.0.0", ["dg/util@^1"])
    publish("dg/util", "1.0.1", ["dg/core@^1"])  # a cycle: core -> util -> core
    # A package may name itself: a cycle of one.
    publish("dg/app", "1.0.0", ["dg/web@^1", "dg/cli@^1", "dg/fmt@^0.3", "dg/core@^1", "dg/app@^1"])

    # The chain keeps what each version needs; the document says it verbatim.
    out = run("install", "dg/app@^1")
    lock = json.loads((project / "modreg.lock").read_text())
    assert lock["lockfileVersion"] == 2 and lock["requests"] == [{"name": "dg/app", "range": "^1"}]
    # The diamond (web and fmt both need log ^1) shares one 1.x copy; cli's ^2 gets its own.
    assert nodes(lock) == [
        "dg/app@1.0.0",
        "dg/cli@1.0.0",
        "dg/core@1.0.0",
        "dg/fmt@0.3.0",
        "dg/log@1.1.0",
        "dg/log@2.0.0",
        "dg/util@1.0.1",
        "dg/web@1.0.0",
    ]
    assert len(out["installed"]) == 8
    by = {f"{p['name']}@{p['version']}": p for p in lock["packages"]}
    assert by["dg/log@2.0.0"]["path"] == "dg/log" and by["dg/log@1.1.0"]["path"] == "dg/log@1"
    assert {"name": "dg/log", "range": "^1.1", "version": "1.1.0"} in by["dg/web@1.0.0"]["dependencies"]
    assert {"name": "dg/log", "range": "^2", "version": "2.0.0"} in by["dg/cli@1.0.0"]["dependencies"]
    assert {"name": "dg/app", "range": "^1", "version": "1.0.0"} in by["dg/app@1.0.0"]["dependencies"]
    assert {"name": "dg/core", "range": "^1", "version": "1.0.0"} in by["dg/util@1.0.1"]["dependencies"]
    modules = project / "modreg_modules" / "dg"
    assert (modules / "log" / "VERSION").read_text() == "dg/log 2.0.0\n"
    assert (modules / "log@1" / "VERSION").read_text() == "dg/log 1.1.0\n"
    assert sorted(p.name for p in modules.iterdir()) == ["app", "cli", "core", "fmt", "log", "log@1", "util", "web"]

    # tree and why read the lockfile.
    tree = run("tree")["lines"]
    assert tree[0] == "dg/app@1.0.0" and "    dg/web@1.0.0" in tree and "        dg/log@1.1.0" in tree
    assert any(line.strip() == "dg/app@1.0.0 (*)" for line in tree), tree
    inverted = run("tree", "--invert", "dg/log")["lines"]
    assert any("dg/cli@1.0.0" in line for line in inverted) and any("dg/fmt@0.3.0" in line for line in inverted)
    why = run("why", "dg/log")["paths"]
    assert any("dg/cli@1.0.0" in p and p.endswith("dg/log@2.0.0 (needs ^2)") for p in why), why
    assert run("why", "dg/nothing", code=1)["ok"] is False

    # A new compatible release of a transitive dependency does not move a locked graph.
    good = (project / "modreg.lock").read_text()
    publish("dg/log", "1.2.0")
    assert run("install", "--locked")["lockfileChanged"] is False
    assert (project / "modreg.lock").read_text() == good
    assert run("install")["lockfileChanged"] is False
    # outdated shows it: wanted is the newest its ranges admit in its line, latest the newest.
    rows = {r["name"] + "@" + r["current"]: r for r in run("outdated")["outdated"]}
    assert rows["dg/log@1.1.0"]["wanted"] == "1.2.0" and rows["dg/log@1.1.0"]["latest"] == "2.0.0", rows
    assert "dg/log@2.0.0" not in rows and "dg/app@1.0.0" not in rows
    # Its locked version yanked: --locked still installs it, with a warning; install moves on.
    run("yank", "dg/log", "1.1.0")
    kept = run("install", "--locked")
    assert any(w.startswith("dg/log@1.1.0 is yanked") for w in kept["warnings"]), kept
    assert (project / "modreg.lock").read_text() == good
    moved = run("install")
    assert moved["lockfileChanged"] is True
    moved_lock = json.loads((project / "modreg.lock").read_text())
    assert "dg/log@1.2.0" in nodes(moved_lock) and "dg/log@1.1.0" not in nodes(moved_lock)
    assert (modules / "log@1" / "VERSION").read_text() == "dg/log 1.2.0\n"
    assert moved_lock["block"] != lock["block"]

    # A conflict: two ranges in one compatible line that no version satisfies together. The
    # explanation names both sides; nothing is installed or locked.
    publish("dg/old", "1.0.0", ["dg/log@~1.0"])
    publish("dg/new", "1.0.0", ["dg/log@^1.1"])
    other = tmp_path / "other"
    other.mkdir()
    clash = modreg(node, ipfs, other, cache, "install", "dg/old@1.0.0", "dg/new@1", code=9)
    assert "dg/old 1.0.0 depends on dg/log ~1.0" in clash["error"], clash["error"]
    assert "dg/new 1.0.0 depends on dg/log ^1.1" in clash["error"], clash["error"]
    assert not (other / "modreg.lock").exists() and not (other / "modreg_modules").exists()

    # The Python client locks through modreg's resolver: the same lockfile from the same
    # inputs (byte for byte after canonical JSON, the block it was resolved at aside).
    os.environ.setdefault("MODREG_BIN", modreg_bin())
    from module_registry import Registry
    from module_registry import install as py_install

    py_project = tmp_path / "py"
    py_project.mkdir()
    reg = Registry(node.ws)
    try:
        done = py_install.install(reg, ipfs.url, ["dg/app@^1"], project=py_project)
        assert sorted(f"{d['name']}@{d['version']}" for d in done) == nodes(moved_lock)
        with pytest.raises(py_install.DependencyConflict, match="dg/log"):
            py_install.install(reg, ipfs.url, ["dg/old@1.0.0", "dg/new@1"], project=tmp_path / "py-other")
    finally:
        reg.substrate.close()
    rust_project = tmp_path / "rust"
    rust_project.mkdir()
    modreg(node, ipfs, rust_project, cache, "install", "dg/app@^1")

    def canonical(path):
        lk = json.loads(path.read_text())
        lk.pop("block"), lk.pop("blockNumber")
        return json.dumps(lk, sort_keys=True, separators=(",", ":"))

    assert canonical(py_project / "modreg.lock") == canonical(rust_project / "modreg.lock")
    for d in done:
        rel = Path(d["path"]).relative_to(py_project / "modreg_modules")
        assert (Path(d["path"]) / "VERSION").read_bytes() == (rust_project / "modreg_modules" / rel / "VERSION").read_bytes()

    # Offline, the lockfile and the cache reproduce the whole tree.
    shutil.rmtree(project / "modreg_modules")
    offline = run("install", "--offline")
    assert sorted(f"{i['name']}@{i['version']}" for i in offline["installed"]) == nodes(moved_lock)
    assert (modules / "log@1" / "VERSION").read_text() == "dg/log 1.2.0\n"

    # A version that needs a newer runtime than the one named is not chosen.
    publish("dg/log", "1.3.0", runtime_min="9.0.0")
    rt = tmp_path / "runtime"
    rt.mkdir()
    picked = modreg(node, ipfs, rt, cache, "install", "dg/fmt@^0.3", "--runtime-version", "1.0.0")
    assert sorted(f"{i['name']}@{i['version']}" for i in picked["installed"]) == ["dg/fmt@0.3.0", "dg/log@1.2.0"]
    newest = modreg(node, ipfs, rt, cache, "lock", "dg/fmt@^0.3", "--dry-run")
    assert "dg/log@1.2.0" in nodes(newest["lockfile"]), "the lockfile's version is kept"
    fresh = tmp_path / "runtime-fresh"
    fresh.mkdir()
    assert "dg/log@1.3.0" in nodes(modreg(node, ipfs, fresh, cache, "lock", "dg/fmt@^0.3")["lockfile"])
    too_old = modreg(node, ipfs, fresh, cache, "lock", "dg/fmt@^0.3", "--runtime-version", "0.1.0", "--dry-run", code=9)
    assert "needs runtime 0.5.0 or later" in too_old["error"], too_old["error"]

    # From the synced local index, without the node: the same graph as the node resolves.
    index = str(tmp_path / "index.sqlite")
    modreg(node, ipfs, fresh, cache, "--index", index, "sync")
    offline = modreg(node, ipfs, fresh, cache, "--index", index, "lock", "dg/app@^1", "--offline", "--dry-run")
    online = modreg(node, ipfs, fresh, cache, "lock", "dg/app@^1", "--dry-run")
    assert nodes(offline["lockfile"]) == nodes(online["lockfile"])
    assert offline["lockfile"]["packages"] == online["lockfile"]["packages"]
