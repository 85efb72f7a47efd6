"""Install packages by name and range, with the lockfile ``modreg install`` uses.

``modreg.lock`` is documented in clients/README.md ("Installing and the lockfile"); this module
reads and writes the same format, so a project can switch between the two tools. Resolution is
the chain's (``moduleRegistry_resolve``): this module has no version rules of its own. Whether a
locked version still satisfies a range is asked of the chain too, as the conjunction
``<range>, =<locked version>``, which resolves exactly when the locked version matches the
range and is not yanked.

Content comes from the IPFS daemon's ``cat`` and must have the SHA-256 and the size the chain
recorded (which the chain took from the publisher, and which ``modreg`` checks block by block
against the CID as well). Tarballs are unpacked into a temporary folder and moved into place
when complete; only folders and regular files, no absolute paths, no ``..``, no links, at most
``max_unpacked`` bytes. Unlike ``modreg install`` there is no offline cache.
"""

import hashlib
import json
import os
import shutil
import tarfile
import tempfile
import urllib.request
from pathlib import Path, PurePosixPath

LOCKFILE = "modreg.lock"
LOCKFILE_VERSION = 1
MAX_ENTRIES = 100_000


class LockChanged(Exception):
    """``locked=True`` and the lockfile would change (``modreg``'s exit code 7)."""


class VerificationError(Exception):
    """The content does not match what the chain recorded, or the archive is refused."""


def load_lock(project):
    path = Path(project) / LOCKFILE
    if not path.exists():
        return {"lockfileVersion": LOCKFILE_VERSION, "packages": []}
    lock = json.loads(path.read_text())
    if lock.get("lockfileVersion") != LOCKFILE_VERSION:
        raise ValueError(f"{path} has lockfileVersion {lock.get('lockfileVersion')}; this client reads 1")
    return lock


def save_lock(project, lock):
    path = Path(project) / LOCKFILE
    lock["packages"].sort(key=lambda p: p["name"])
    # A new file under a random name, created exclusively: a link planted in a cloned
    # repository under a guessable name cannot redirect the write.
    fd, tmp = tempfile.mkstemp(prefix=f".{LOCKFILE}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w") as out:
            out.write(json.dumps(lock, indent=2, ensure_ascii=False) + "\n")
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _split(reference):
    name, _, range_ = reference.lstrip("@").partition("@")
    return name, range_ or "latest"


def _locked_from(range_, found):
    return {
        "name": found["name"],
        "range": range_,
        "version": found["version"],
        "cid": found["cid"],
        "checksum": found["checksum"],
        "size": found["size"],
        "block": found["publishedAt"],
        "publisher": found.get("publisher"),
    }


_CHECKED_FIELDS = ("name", "version", "cid", "checksum", "size", "block", "publisher")


def check_against_chain(entry, found):
    """Compare a lock entry with the chain's record of its version (``found``: the answer of
    ``resolve(name, "=version")``, ``None`` when the chain has no such version). Raises
    :class:`VerificationError` (``modreg``'s exit code 5) naming every field that differs, or
    when the chain lacks the version. A field the entry does not have (``publisher`` in
    lockfiles written before 2026-12-07) is not compared."""
    if found is None:
        raise VerificationError(
            f"{entry['name']}@{entry['version']} is in {LOCKFILE} but the chain has no such version: "
            "is this the chain the lockfile was made on?"
        )
    chain = _locked_from(entry.get("range", "latest"), found)
    differ = [
        f"{field} {entry[field]!r} (chain: {chain[field]!r})"
        for field in _CHECKED_FIELDS
        if (field in entry or field != "publisher") and entry.get(field) != chain[field]
    ]
    if differ:
        raise VerificationError(
            f"{LOCKFILE} disagrees with the chain about {entry['name']}@{entry['version']}: "
            + ", ".join(differ)
            + "; refusing to install what the lockfile says"
        )


def _fetch(ipfs_url, entry, dest):
    digest, size = hashlib.sha256(), 0
    request = urllib.request.Request(f"{ipfs_url}/api/v0/cat?arg={entry['cid']}", data=b"", method="POST")
    with urllib.request.urlopen(request, timeout=120) as answer, open(dest, "wb") as out:
        while chunk := answer.read(1 << 16):
            digest.update(chunk)
            size += len(chunk)
            if size > entry["size"]:
                break
            out.write(chunk)
    checksum = "sha256:" + digest.hexdigest()
    if checksum != entry["checksum"] or size != entry["size"]:
        raise VerificationError(
            f"{entry['name']}@{entry['version']}: got {checksum} ({size} bytes), the chain recorded "
            f"{entry['checksum']} ({entry['size']} bytes)"
        )


def _unpack(archive, dest, max_unpacked):
    total = 0
    with tarfile.open(archive, "r:gz") as tar:
        members = tar.getmembers()
        if len(members) > MAX_ENTRIES:
            raise VerificationError(f"more than {MAX_ENTRIES} entries")
        for m in members:
            parts = PurePosixPath(m.name).parts
            if m.name.startswith("/") or ".." in parts:
                raise VerificationError(f"{m.name}: leaves the install folder")
            if not (m.isfile() or m.isdir()):
                raise VerificationError(f"{m.name}: only folders and regular files are allowed")
            total += m.size
            if total > max_unpacked:
                raise VerificationError(f"unpacks to more than {max_unpacked} bytes")
        # The checks above already refuse what the "data" filter would; the filter (Python
        # 3.11.4+, and Debian's backport) is a second guard where the interpreter has it.
        if hasattr(tarfile, "data_filter"):
            tar.extractall(dest, members=members, filter="data")
        else:
            tar.extractall(dest, members=members)


class DestinationError(Exception):
    """The install path goes through a symbolic link, or a file is in the way (``modreg``'s exit
    code 8)."""


def check_destination(project, root, dest):
    """Refuse to install through a symbolic link: with ``modreg_modules/acme -> /home/me``,
    installing ``acme/projects`` would replace ``/home/me/projects``. Every component from below
    the project folder (or from the install folder, when it lies outside the project) down to
    ``dest`` must be a real folder or not exist yet."""
    project, root, dest = Path(project), Path(root), Path(dest)
    base = project if root.is_relative_to(project) else root.parent
    path = base
    for part in dest.relative_to(base).parts:
        if part in ("..", ".", "/"):
            raise DestinationError(f"{dest}: the install path must be plain folder names")
        path = path / part
        if path.is_symlink():
            raise DestinationError(
                f"{path} is a symbolic link: the install does not go through links (it would replace "
                "what the link points to); remove it"
            )
        if path.exists() and not path.is_dir() and path != dest:
            raise DestinationError(f"{path} is in the way: it is not a folder")


def install(registry, ipfs_url, packages=(), project=".", to="modreg_modules", locked=False, max_unpacked=1 << 30):
    """Install ``packages`` (``"ns/name@range"``), or with none exactly what the lockfile names.

    Returns one ``{"name", "version", "path", "warnings"}`` per package. Raises
    :class:`LockChanged` with ``locked=True`` when the lockfile would change,
    :class:`VerificationError` when content does not match the chain or a lock entry disagrees
    with the chain's record of its version (:func:`check_against_chain`),
    :class:`DestinationError` when the install path goes through a symbolic link,
    ``LookupError`` when nothing matches a range.
    """
    project = Path(project)
    lock = load_lock(project)
    lock["packages"].sort(key=lambda p: p["name"])
    before = json.dumps(lock, sort_keys=True)
    requests = [_split(p) for p in packages] or [(p["name"], p["range"]) for p in lock["packages"]]
    if not requests:
        raise ValueError(f"nothing to install: name packages or add them to {LOCKFILE}")
    root = Path(to) if Path(to).is_absolute() else project / to
    results = []
    # First every package is resolved and every lock entry checked against the chain; only then
    # is anything fetched or installed, so a tampered entry stops the install before any folder
    # is replaced.
    plan = []
    for name, range_ in requests:
        canonical = name.lstrip("@")
        previous = next((p for p in lock["packages"] if p["name"] == canonical), None)
        entry = None
        if previous is not None:
            if not packages:
                entry = dict(previous)
            else:
                floor = ">=0.0.0" if range_ in ("*", "latest") else range_
                if registry.resolve(canonical, f"{floor}, ={previous['version']}") is not None:
                    entry = dict(previous, range=range_)
        if entry is None:
            found = registry.resolve(canonical, range_)
            if found is None:
                raise LookupError(f"no version of {canonical} matches {range_!r}")
            entry = _locked_from(range_, found)
        status = registry.resolve(canonical, "=" + entry["version"])
        if previous is not None and entry["version"] == previous["version"]:
            # The lock entry is an input (a pull request can edit it): it must say what the
            # chain says. An entry from before locks named the publisher gets it now, except
            # with ``locked=True``, which must not change the lockfile.
            check_against_chain(entry, status)
            if "publisher" not in entry and not locked:
                entry["publisher"] = status.get("publisher")
        if locked and entry != previous:
            raise LockChanged(f"{LOCKFILE} would change for {canonical} (to {entry['version']})")
        warnings = []
        if status and status["yanked"]:
            warnings.append(f"{canonical}@{entry['version']} is yanked; installed because it is pinned exactly")
        if status and status["deprecated"]:
            d = status["deprecated"]
            warnings.append(f"{canonical}@{entry['version']} is deprecated ({d['reason']}); use {d['successor']}")
        plan.append((canonical, entry, warnings))

    for canonical, entry, warnings in plan:
        dest = root.joinpath(*canonical.split("/"))
        check_destination(project, root, dest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".modreg-install-", dir=dest.parent) as work:
            blob = Path(work) / "content"
            _fetch(ipfs_url, entry, blob)
            staged = Path(work) / "staged"
            staged.mkdir()
            with open(blob, "rb") as f:
                gzip = f.read(2) == b"\x1f\x8b"
            if gzip:
                _unpack(blob, staged, max_unpacked)
            else:
                shutil.move(blob, staged / canonical.split("/")[1])
            if dest.exists():
                shutil.rmtree(dest)
            os.replace(staged, dest)
        lock["packages"] = sorted(
            [p for p in lock["packages"] if p["name"] != canonical] + [entry], key=lambda p: p["name"]
        )
        results.append({"name": canonical, "version": entry["version"], "path": str(dest), "warnings": warnings})
    if json.dumps(lock, sort_keys=True) != before:
        save_lock(project, lock)
    return results
