"""The registry layer from Python (substrate-interface): publish versions of content added to the
real IPFS daemon, resolve ranges, yank and deprecate, and see each version reach `Verified`."""

import hashlib
import os

import pytest

from module_registry import errors


def test_versions_from_python(registry, alice, bob, ipfs):
    registry.claim_namespace(alice, "py")
    with pytest.raises(errors.NamespaceTaken):
        registry.claim_namespace(bob, "py")
    with pytest.raises(errors.InvalidName):
        registry.claim_namespace(bob, "Py")

    contents = {}
    for version in ["0.9.0", "1.0.0", "1.0.1", "1.1.0-beta.1"]:
        body = os.urandom(2048) + version.encode()
        cid = ipfs.add(body, cid_version=1, raw_leaves=True)
        contents[version] = (cid, body)
        registry.publish_version(
            alice,
            "py/lib",
            version,
            cid,
            hashlib.sha256(body).digest(),
            len(body),
            {"description": "a library", "type": "python", "license": "MIT"},
        )
    for version in contents:
        assert "verified" in registry.wait_for_version("py/lib", version, timeout=120)

    found = registry.resolve("@py/lib", "^1.0")
    cid, body = contents["1.0.1"]
    assert found["version"] == "1.0.1" and found["cid"] == cid
    assert found["checksum"] == "sha256:" + hashlib.sha256(body).hexdigest() and found["size"] == len(body)
    assert found["publisher"] == alice.ss58_address and found["yanked"] is False
    assert registry.resolve("py/lib", "~1.0.0")["version"] == "1.0.1"
    assert registry.resolve("py/lib", "<1")["version"] == "0.9.0"
    assert registry.resolve("py/lib", "^1.1.0-beta.0")["version"] == "1.1.0-beta.1"
    assert registry.resolve("py/lib", ">=2") is None
    with pytest.raises(ValueError):
        registry.resolve("py/lib", "not a range")

    # The version document is an ordinary entry under the version's key.
    doc = registry.get_via_rpc(bytes.fromhex(found["entryKey"][2:]))
    assert b'"package":"py/lib"' in doc and b'"license":"MIT"' in doc

    registry.yank(alice, "py/lib", "1.0.1")
    assert registry.resolve("py/lib", "^1.0")["version"] == "1.0.0"
    assert registry.resolve("py/lib", "1.0.1")["yanked"] is True
    with pytest.raises(errors.AlreadyYanked):
        registry.yank(alice, "py/lib", "1.0.1")
    with pytest.raises(errors.NotMaintainer):
        registry.yank(bob, "py/lib", "1.0.0")

    registry.deprecate(alice, "py/lib", reason="use py/lib2", successor="py/lib2@^1")
    assert registry.resolve("py/lib", "*")["deprecated"] == {"successor": "py/lib2@^1", "reason": "use py/lib2"}
    registry.undeprecate(alice, "py/lib")
    assert registry.resolve("py/lib", "*")["deprecated"] is None
    registry.set_package_status(alice, "py/lib", "Inactive")

    package = registry.package("py/lib")
    assert package["status"] == "inactive" and package["moduleType"] == "python"
    assert package["latest"] == "1.0.0" and package["versionCount"] == 4
    assert [v["version"] for v in registry.versions("py/lib")] == ["0.9.0", "1.0.0", "1.0.1", "1.1.0-beta.1"]
    assert registry.namespace("community")["open"] is True
    assert registry.namespace("nobody-has-this") is None

    cid, body = contents["1.0.0"]
    with pytest.raises(errors.VersionExists):
        registry.publish_version(alice, "py/lib", "1.0.0+again", cid, hashlib.sha256(body).digest(), len(body))
    with pytest.raises(errors.BadChecksumLength):
        registry.publish_version(alice, "py/lib", "3.0.0", cid, b"short", len(body))
    with pytest.raises(errors.InvalidJson):
        registry.publish_version(alice, "py/lib", "3.0.0", cid, bytes(32), 1, "{not json")
