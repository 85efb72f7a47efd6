"""The seed document's Python example, verbatim, followed by signing and submitting.

Calls: ModuleRegistry.register_module through substrate-interface's compose_call.
Run:   python clients/python/examples/seed_example.py [ws://127.0.0.1:9944]
(against a running dev chain: `./scripts/dev.sh`).
"""
import json
import sys

from substrateinterface import Keypair

# ---- verbatim from the seed document ----
from substrateinterface import SubstrateInterface

substrate = SubstrateInterface(
    url="ws://127.0.0.1:9944",
    type_registry_preset='substrate-node-template'
)

# Register module
metadata = {
    "name": "text-gen-v1",
    "cid": "bafybeibwxyzmoduledata",
    "entrypoint": "main.py",
    "args": {"max_tokens": 512}
}
key = b"text-gen-v1"
value = json.dumps(metadata).encode("utf-8")

substrate.compose_call(
    call_module='ModuleRegistry',
    call_function='register_module',
    call_params={'key': key, 'data': value}
)
# ---- end of the verbatim part ----

# The seed stops at composing; sign and submit the same call.
if len(sys.argv) > 1:
    substrate = SubstrateInterface(url=sys.argv[1], type_registry_preset='substrate-node-template')
call = substrate.compose_call(
    call_module='ModuleRegistry',
    call_function='register_module',
    call_params={'key': key, 'data': value}
)
extrinsic = substrate.create_signed_extrinsic(call=call, keypair=Keypair.create_from_uri("//Alice"))
receipt = substrate.submit_extrinsic(extrinsic, wait_for_inclusion=True)
if not receipt.is_success:
    sys.exit(f"failed: {receipt.error_message}")
print(f"registered {key.decode()} in block {receipt.block_hash}")
