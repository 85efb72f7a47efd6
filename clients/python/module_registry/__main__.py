"""``python -m module_registry``: a small command line over :class:`Registry`.

Exit codes follow the project's one table (docs/EXIT_CODES.md, ``file_registry::exit`` in the
Rust tools): 0 done; 1 no such key (``get``); 2 a bad command line or input; 3 the chain refused
the call (the pallet error is named); 4 the node cannot be reached.
"""

import argparse
import json
import os
import sys

from . import errors
from .client import Registry, keypair

# docs/EXIT_CODES.md
EXIT_NOT_FOUND = 1
EXIT_USAGE = 2
EXIT_REFUSED = 3
EXIT_UNREACHABLE = 4


def _show(value):
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return "0x" + value.hex()
    return value


def main(argv=None):
    p = argparse.ArgumentParser(prog="module-registry", description=__doc__)
    p.add_argument("--url", default=os.environ.get("MODREG_NODE", "ws://127.0.0.1:9944"))
    p.add_argument("--suri", default=os.environ.get("MODREG_SURI", "//Alice"), help="signing key")
    p.add_argument(
        "--hex",
        action="store_true",
        help="keys are given as hex bytes (0x optional); otherwise a key is its UTF-8 text, even if it looks like hex",
    )
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("register", help="insert or update a key")
    r.add_argument("key")
    r.add_argument("value", help="JSON text, a CID, or @file to read it from a file")
    for name in ("get", "info", "remove"):
        sub.add_parser(name).add_argument("key")
    t = sub.add_parser("transfer", help="offer a key to another account")
    t.add_argument("key")
    t.add_argument("new_owner")
    sub.add_parser("accept", help="accept an ownership offer made to --suri").add_argument("key")
    sub.add_parser("cancel-offer", help="withdraw a pending ownership offer").add_argument("key")
    sub.add_parser("list")
    args = p.parse_args(argv)
    if getattr(args, "key", None) is not None and args.hex:
        try:
            args.key = bytes.fromhex(args.key[2:] if args.key.startswith("0x") else args.key)
        except ValueError:
            p.error(f"--hex: {args.key!r} is not hex")

    try:
        reg = Registry(args.url)
    except (OSError, ConnectionError) as e:
        print(f"error: cannot reach the node at {args.url}: {e}", file=sys.stderr)
        return EXIT_UNREACHABLE
    except Exception as e:  # websocket-client raises its own exception types
        if type(e).__module__.startswith("websocket"):
            print(f"error: cannot reach the node at {args.url}: {e}", file=sys.stderr)
            return EXIT_UNREACHABLE
        raise
    try:
        if args.cmd == "register":
            value = args.value
            if value.startswith("@"):
                with open(value[1:], "rb") as f:
                    value = f.read()
            events = reg.register(keypair(args.suri), args.key, value)
            print(json.dumps({"ok": True, "events": [e["event"]["event_id"] for e in events]}))
        elif args.cmd == "get":
            value = reg.get(args.key)
            if value is None:
                print(f"no module {args.key!r}", file=sys.stderr)
                return EXIT_NOT_FOUND
            print(_show(value))
        elif args.cmd == "info":
            print(json.dumps(reg.info(args.key), default=str, indent=2))
        elif args.cmd == "remove":
            reg.remove(keypair(args.suri), args.key)
            print(json.dumps({"ok": True}))
        elif args.cmd == "transfer":
            reg.transfer(keypair(args.suri), args.key, args.new_owner)
            print(json.dumps({"ok": True, "offered_to": args.new_owner}))
        elif args.cmd == "accept":
            reg.accept(keypair(args.suri), args.key)
            print(json.dumps({"ok": True}))
        elif args.cmd == "cancel-offer":
            reg.cancel_offer(keypair(args.suri), args.key)
            print(json.dumps({"ok": True}))
        elif args.cmd == "list":
            for key, info in reg.list_all():
                print(json.dumps({"key": _show(key), **info}, default=str))
    except errors.ModuleRegistryError as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_REFUSED
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return EXIT_USAGE
    return 0


if __name__ == "__main__":
    sys.exit(main())
