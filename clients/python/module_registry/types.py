"""Type definitions substrate-interface needs for the registry's runtime API.

substrate-interface reads metadata V14, which carries no runtime-API descriptions, so
``ModuleRegistryApi`` is declared here and merged into the type registry.
"""

TYPE_REGISTRY = {
    "types": {
        "ModuleValueKind": {"type": "enum", "value_list": ["Json", "Cid"]},
        "ModulePinFailure": {
            "type": "enum",
            "value_list": ["Timeout", "HttpError", "MalformedResponse", "HashMismatch", "Unsupported"],
        },
        "ModulePinVerified": {"type": "struct", "type_mapping": [["at", "u32"], ["by", "AccountId"]]},
        "ModulePinFailed": {"type": "struct", "type_mapping": [["reason", "ModulePinFailure"], ["attempts", "u32"]]},
        "ModulePinStatus": {
            "type": "enum",
            "type_mapping": [
                ["NoPinnableCid", "Null"],
                ["Pending", "Null"],
                ["Verified", "ModulePinVerified"],
                ["Failed", "ModulePinFailed"],
                ["Rejected", "ModulePinRejected"],
            ],
        },
        "ModulePinRejected": {"type": "struct", "type_mapping": [["reason", "ModulePinFailure"], ["at", "u32"]]},
        "ModuleTransferOffer": {"type": "struct", "type_mapping": [["to", "AccountId"], ["update_count", "u32"]]},
        "ModuleListError": {"type": "enum", "value_list": ["StartAfterTooLong"]},
        "ModuleListResult": {
            "type": "enum",
            "type_mapping": [["Ok", "Vec<(Vec<u8>, ModuleInfo)>"], ["Err", "ModuleListError"]],
        },
        "ModuleInfo": {
            "type": "struct",
            "type_mapping": [
                ["owner", "AccountId"],
                ["deposit", "u128"],
                ["created", "u32"],
                ["updated", "u32"],
                ["update_count", "u32"],
                ["value_len", "u32"],
                ["kind", "ModuleValueKind"],
                ["cid", "Option<Vec<u8>>"],
                ["pin_status", "ModulePinStatus"],
            ],
        },
    },
    "runtime_api": {
        "ModuleRegistryApi": {
            "methods": {
                "get_module": {
                    "description": "The value registered under key, as submitted.",
                    "params": [{"name": "key", "type": "Vec<u8>"}],
                    "type": "Option<Vec<u8>>",
                },
                "get_module_info": {
                    "description": "Owner, deposit, counters, kind, CID and pin status of key.",
                    "params": [{"name": "key", "type": "Vec<u8>"}],
                    "type": "Option<ModuleInfo>",
                },
                "list_modules": {
                    "description": "A page of entries after start_after.",
                    "params": [
                        {"name": "start_after", "type": "Option<Vec<u8>>"},
                        {"name": "limit", "type": "u32"},
                    ],
                    "type": "ModuleListResult",
                },
                "get_transfer_offer": {
                    "description": "The ownership offer waiting for its recipient under key.",
                    "params": [{"name": "key", "type": "Vec<u8>"}],
                    "type": "Option<ModuleTransferOffer>",
                },
            },
            "types": {},
        }
    },
}
