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
