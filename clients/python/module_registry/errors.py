"""Exceptions raised by the client, one class per pallet error.

A dispatch error of the registry pallet comes back as an instance of the class named after the
pallet error, e.g. ``NotOwner`` or ``ValueTooLarge``; all derive from ``ModuleRegistryError``.
Errors of other pallets (balances, system) are ``DispatchError``.
"""


class ModuleRegistryError(Exception):
    """An extrinsic of the registry pallet failed."""

    def __init__(self, name, docs="", events=None):
        super().__init__(f"{name}: {docs}" if docs else name)
        self.name = name
        self.docs = docs
        self.events = events or []


class DispatchError(ModuleRegistryError):
    """A dispatch error outside the registry pallet (e.g. insufficient balance)."""


PALLET_ERRORS = [
    "EmptyKey", "KeyTooLong", "EmptyValue", "ValueTooLarge", "InvalidUtf8", "InvalidJson",
    "JsonNotObject", "InvalidCid", "IdentityCid", "NotOwner", "NotFound", "AlreadyOwner",
    "NotPinner", "AlreadyPinner", "TooManyPinners", "StaleReport", "ReportNotNeeded",
    "ReportExpired", "ReportTooEarly", "NoOffer", "NotOfferee", "OfferOutdated",
    # The registry layer (namespaces, packages, versions).
    "ReservedKey", "SealedEntry", "InvalidName", "ReservedName", "NamespaceTaken",
    "UnknownNamespace", "NotNamespaceOwner", "NotMaintainer", "AlreadyMaintainer",
    "TooManyMaintainers", "InvalidVersion", "VersionExists", "UnknownPackage", "UnknownVersion",
    "PackageExists", "BadChecksumLength", "MetadataTooLarge", "InvalidModuleType",
    "TooManyVersions", "AlreadyYanked", "NotYanked", "InvalidSuccessor", "InvalidReason",
    "NotDeprecated", "AssignedNamespace", "TooManyReports",
    # The admin's remedies (spec 106).
    "NothingToVerify", "VerificationPending", "NamespacedPackage", "NamespaceNotEmpty",
]

# One class per pallet error, so callers can `except errors.NotOwner`.
for _name in PALLET_ERRORS:
    globals()[_name] = type(_name, (ModuleRegistryError,), {"__doc__": f"The pallet error {_name}."})


def from_dispatch_error(error_message, events=None):
    """Build the matching exception from substrate-interface's ``error_message`` dict."""
    error_message = error_message or {}
    name = error_message.get("name") or "Unknown"
    docs = error_message.get("docs") or ""
    if isinstance(docs, list):
        docs = " ".join(docs)
    cls = globals().get(name) if name in PALLET_ERRORS else None
    if cls is None:
        return DispatchError(name, docs, events)
    return cls(name, docs, events)
