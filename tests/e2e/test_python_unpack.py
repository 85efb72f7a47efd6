"""The Python client's unpacking of hostile tarballs (no node needed): GNU long-name and PAX
members are bounded before ``tarfile`` reads them whole, as ``modreg install`` bounds them."""

import io
import tarfile

import pytest

from module_registry import install
from module_registry.install import VerificationError


def tarball(path, members):
    """``members``: (tarfile type, header name, body) written as raw members."""
    with tarfile.open(path, "w:gz", format=tarfile.GNU_FORMAT) as tar:
        for kind, name, body in members:
            info = tarfile.TarInfo(name)
            info.type = kind
            info.size = len(body)
            info.mode = 0o644
            # addfile would turn a long name into its own member: write the header by hand.
            tar.fileobj.write(info.tobuf(tarfile.GNU_FORMAT))
            tar.fileobj.write(body)
            tar.fileobj.write(bytes((512 - len(body) % 512) % 512))
            tar.offset += 512 + (len(body) + 511) // 512 * 512
    return path


def test_a_long_name_is_unpacked(tmp_path):
    deep = "/".join(["segment-of-a-long-path"] * 8) + "/file.txt"
    src = tmp_path / "ok.tar.gz"
    with tarfile.open(src, "w:gz", format=tarfile.GNU_FORMAT) as tar:
        info = tarfile.TarInfo(deep)
        info.size = 4
        tar.addfile(info, io.BytesIO(b"deep"))
    install._unpack(src, tmp_path / "out", 1 << 20)
    assert (tmp_path / "out" / deep).read_bytes() == b"deep"


@pytest.mark.parametrize("kind", [tarfile.GNUTYPE_LONGNAME, tarfile.XHDTYPE])
def test_an_oversized_long_name_member_is_refused_before_it_is_read(tmp_path, kind):
    src = tarball(tmp_path / "huge.tar.gz", [(kind, "././@LongLink", b"a" * (1 << 20)), (tarfile.REGTYPE, "x", b"x")])
    with pytest.raises(VerificationError, match="at most"):
        install._unpack(src, tmp_path / "out", 1 << 30)
    assert not (tmp_path / "out" / "x").exists()


def pax(records):
    out = b""
    for key, value in records:
        body = f" {key}={value}\n".encode()
        n = len(body) + 1
        while len(str(n).encode() + body) != n:
            n += 1
        out += str(n).encode() + body
    return out


@pytest.mark.parametrize(
    "members, why",
    [
        ([(b"X", "solaris", b"a" * 100), (tarfile.REGTYPE, "x", b"x")], "type"),
        ([(tarfile.XGLTYPE, "global", pax([("comment", "x")])), (tarfile.REGTYPE, "x", b"x")], "type"),
        ([(tarfile.GNUTYPE_SPARSE, "sparse", b""), (tarfile.REGTYPE, "x", b"x")], "type"),
        ([(tarfile.SYMTYPE, "link", b""), (tarfile.REGTYPE, "x", b"x")], "type"),
        ([(tarfile.XHDTYPE, "pax", pax([("size", "99999")])), (tarfile.REGTYPE, "x", b"x")], "size"),
        ([(tarfile.XHDTYPE, "pax", pax([("GNU.sparse.major", "1")])), (tarfile.REGTYPE, "x", b"x")], "GNU.sparse"),
    ],
)
def test_members_tarfile_would_misread_are_refused(tmp_path, members, why):
    src = tarball(tmp_path / "odd.tar.gz", [(k if isinstance(k, bytes) else k, n, b) for k, n, b in members])
    with pytest.raises(VerificationError, match=why):
        install._unpack(src, tmp_path / "out", 1 << 30)


def test_a_pax_path_is_still_accepted(tmp_path):
    deep = "/".join(["segment-of-a-long-path"] * 8) + "/file.txt"
    src = tarball(tmp_path / "pax.tar.gz", [(tarfile.XHDTYPE, "pax", pax([("path", deep)])), (tarfile.REGTYPE, "short", b"pax")])
    install._unpack(src, tmp_path / "out", 1 << 20)
    assert (tmp_path / "out" / deep).read_bytes() == b"pax"
