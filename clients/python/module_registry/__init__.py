"""Python client of the module registry chain.

>>> from module_registry import Registry, keypair
>>> reg = Registry("ws://127.0.0.1:9944")
>>> reg.register(keypair("//Alice"), b"my-module", {"name": "m", "version": "1.0.0"})
>>> reg.get(b"my-module")
"""

from . import errors, install
from .client import Registry, RpcError, as_bytes, keypair, to_bytes
from .types import TYPE_REGISTRY

__all__ = ["Registry", "RpcError", "errors", "install", "keypair", "as_bytes", "to_bytes", "TYPE_REGISTRY"]
