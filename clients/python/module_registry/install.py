"""Install packages by name and range, with everything they depend on, and the lockfile
``modreg install`` uses.

``modreg.lock`` is documented in clients/README.md ("Installing and the lockfile") and in
``modreg``'s ``install`` module: version 2 holds the whole dependency graph. This module does
not resolve graphs itself: it asks ``modreg lock`` (the Rust resolver, PubGrub under the chain's
rule, reading the chain at one finalized block) for the lockfile, so both tools lock the same
graph from the same inputs byte for byte. ``modreg`` is found through ``MODREG_BIN``, else on
``PATH``. ``modreg lock`` checks every lock entry it keeps against the chain's record.

Content comes from the IPFS daemon's ``cat`` and must have the SHA-256 and the size the chain
recorded (which the chain took from the publisher, and which ``modreg`` checks block by block
against the CID as well). Tarballs are unpacked into a temporary folder and moved into place
when complete; only folders and regular files, no absolute paths, no ``..``, no links, at most
``max_unpacked`` bytes. Each package goes to the lockfile's ``path`` under ``to``. Unlike
``modreg install`` there is no offline cache.
"""

import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path, PurePosixPath

LOCKFILE = "modreg.lock"
LOCKFILE_VERSION = 2
MAX_ENTRIES = 100_000

# docs/EXIT_CODES.md
_EXIT_NOT_FOUND = 1
_EXIT_USAGE = 2
_EXIT_VERIFICATION = 5
_EXIT_LOCKED = 7
_EXIT_CONFLICT = 9


class LockChanged(Exception):
    """``locked=True`` and the lockfile would change (``modreg``'s exit code 7)."""


class VerificationError(Exception):
    """The content does not match what the chain recorded, or the archive is refused."""


class DependencyConflict(Exception):
    """No set of versions satisfies every dependency (``modreg``'s exit code 9); the message is
    the resolver's explanation."""


def load_lock(project):
    path = Path(project) / LOCKFILE
    if not path.exists():
        return {"lockfileVersion": LOCKFILE_VERSION, "requests": [], "packages": []}
    lock = json.loads(path.read_text())
    if lock.get("lockfileVersion") not in (1, LOCKFILE_VERSION):
        raise ValueError(f"{path} has lockfileVersion {lock.get('lockfileVersion')}; this client reads 1 and 2")
    return lock


def modreg_binary():
    """The ``modreg`` executable: ``MODREG_BIN``, else ``modreg`` on ``PATH``."""
    found = os.environ.get("MODREG_BIN") or shutil.which("modreg")
    if not found:
        raise FileNotFoundError("modreg is needed to resolve dependency graphs: set MODREG_BIN or put it on PATH")
    return found


# A request as ``modreg`` takes it: ``[@]ns/name[@range]``, the range printable text. Checked
# here too, so that nothing in a package argument reads as an option.
_REQUEST = re.compile(r"@?[a-z][a-z0-9-]{0,63}/[a-z][a-z0-9-]{0,63}(@[ -~]{1,1024})?")


def lock(registry, packages=(), project=".", locked=False, write=True):
    """Resolve the project's graph with ``modreg lock`` and return ``(lockfile, warnings,
    text)``: the lockfile as JSON, the warnings, and the file's exact text when it changed
    (``None`` when it did not, or with ``locked``). It is written to ``project`` when ``write``
    (else the caller writes ``text`` when it is done). Raises :class:`LockChanged`,
    :class:`VerificationError`, :class:`DependencyConflict`, ``LookupError`` or ``ValueError``
    as ``modreg`` exits 7, 5, 9, 1 or 2."""
    for package in packages:
        if not isinstance(package, str) or not _REQUEST.fullmatch(package):
            raise ValueError(f"bad package request {package!r}: write ns/name@range")
    command = [modreg_binary(), "--json", "--node", registry.substrate.url, "lock", f"--project={project}"]
    if locked:
        command.append("--locked")
    if not write:
        command.append("--dry-run")
    command += ["--", *packages]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    try:
        answer = json.loads(result.stdout)
    except ValueError:
        answer = {"error": (result.stderr or result.stdout).strip()}
    if result.returncode != 0:
        error = answer.get("error", "")
        raise {
            _EXIT_LOCKED: LockChanged,
            _EXIT_VERIFICATION: VerificationError,
            _EXIT_CONFLICT: DependencyConflict,
            _EXIT_NOT_FOUND: LookupError,
            _EXIT_USAGE: ValueError,
        }.get(result.returncode, RuntimeError)(error)
    text = answer["lockfileText"] if answer.get("lockfileChanged") else None
    return answer["lockfile"], answer.get("warnings", []), text


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
    cid = urllib.parse.quote(str(entry["cid"]), safe="")
    request = urllib.request.Request(f"{ipfs_url}/api/v0/cat?arg={cid}", data=b"", method="POST")
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


# The longest GNU long-name member and the largest PAX header read (as `modreg` does).
MAX_LONG_NAME = 4096
MAX_PAX_HEADER = 64 * 1024


def _scan_headers(archive):
    """Walk the tar headers of a ``.tar.gz`` once, streaming, before ``tarfile`` sees it, and
    refuse what ``tarfile`` would read whole or misread: member types other than files, folders,
    GNU long names (at most 4 KiB) and PAX headers (at most 64 KiB, and no ``size``, ``linkpath``
    or ``GNU.sparse.*`` records, which move where the next header is); global PAX headers,
    Solaris ``X`` and sparse members; malformed sizes; more than ``MAX_ENTRIES`` members.
    ``modreg install`` applies the same rules (8 MB of gzip could otherwise ask for 8 GiB)."""
    allowed = {b"0": 0, b"\0": 0, b"7": 0, b"5": 0, b"L": MAX_LONG_NAME, b"x": MAX_PAX_HEADER}
    members = 0
    with gzip.open(archive, "rb") as stream:
        while True:
            header = stream.read(512)
            if len(header) < 512 or header == bytes(512):
                return
            members += 1
            if members > MAX_ENTRIES:
                raise VerificationError(f"more than {MAX_ENTRIES} entries")
            kind = header[156:157]
            if kind not in allowed:
                raise VerificationError(f"a tar member of type {kind!r} is refused (only files, folders, long names)")
            raw_size = header[124:136].rstrip(b"\0 ")
            if not re.fullmatch(rb"[0-7]{1,11}", raw_size):
                raise VerificationError("a tar header with a malformed size")
            size = int(raw_size, 8)
            limit = allowed[kind]
            if limit and size > limit:
                raise VerificationError(f"a tar {kind.decode()!r} member of {size} bytes (at most {limit})")
            if kind == b"x":
                body = stream.read(size)
                for key in re.findall(rb"(?:^|\n)\d+ ([^=\n]+)=", body):
                    if key in (b"size", b"linkpath") or key.startswith(b"GNU.sparse."):
                        raise VerificationError(f"a PAX {key.decode(errors='replace')!r} record is refused")
                left = (size + 511) // 512 * 512 - size
            else:
                left = (size + 511) // 512 * 512
            while left:
                chunk = stream.read(min(left, 1 << 16))
                if not chunk:
                    return
                left -= len(chunk)


def _unpack(archive, dest, max_unpacked):
    total = 0
    _scan_headers(archive)
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


_LINE_PATH = re.compile(r"[a-z][a-z0-9-]*/[a-z][a-z0-9-]*(@[0-9]{1,20}(\.[0-9]{1,20}){0,2})?")


def install(registry, ipfs_url, packages=(), project=".", to="modreg_modules", locked=False, max_unpacked=1 << 30):
    """Install ``packages`` (``"ns/name@range"``) with everything they depend on, or with none
    the project's requests from the lockfile.

    Returns one ``{"name", "version", "path", "warnings"}`` per package of the graph. Raises
    :class:`LockChanged` with ``locked=True`` when the lockfile would change,
    :class:`VerificationError` when content does not match the chain or a lock entry disagrees
    with the chain's record of its version, :class:`DependencyConflict` when no set of versions
    fits, :class:`DestinationError` when the install path goes through a symbolic link,
    ``LookupError`` when a package does not exist.
    """
    project = Path(project)
    # The lockfile is written once everything is installed, as modreg install does.
    graph, warnings, text = lock(registry, packages, project, locked, write=False)
    root = Path(to) if Path(to).is_absolute() else project / to
    plan = []
    for entry in graph["packages"]:
        path = entry.get("path") or entry["name"]
        if not _LINE_PATH.fullmatch(path) or path.split("@")[0] != entry["name"]:
            raise VerificationError(f"{LOCKFILE}: {entry['name']} is to be installed at {path!r}")
        namespace, last = path.split("/")
        dest = root / namespace / last
        check_destination(project, root, dest)
        plan.append((entry, dest))
    results = []
    for entry, dest in plan:
        name = entry["name"]
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
                shutil.move(blob, staged / name.split("/")[1])
            if dest.exists():
                shutil.rmtree(dest)
            os.replace(staged, dest)
        mine = [w for w in warnings if w.startswith(f"{name}@{entry['version']} ")]
        results.append({"name": name, "version": entry["version"], "path": str(dest), "warnings": mine})
    if text is not None:
        _write_lock_text(project, text)
    return results


def _write_lock_text(project, text):
    path = Path(project) / LOCKFILE
    fd, tmp = tempfile.mkstemp(prefix=f".{LOCKFILE}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w") as out:
            out.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
