import { Enum, GetEnum, SizedHex, SS58String, ResultPayload, FixedSizeArray, TxCallData } from "polkadot-api";
type AnonymousEnum<T extends {}> = T & {
    __anonymous: true;
};
type MyTuple<T> = [T, ...T[]];
type SeparateUndefined<T> = undefined extends T ? undefined | Exclude<T, undefined> : T;
type Anonymize<T> = SeparateUndefined<T extends string | number | bigint | boolean | void | undefined | null | symbol | Uint8Array | Enum<any> ? T : T extends AnonymousEnum<infer V> ? Enum<V> : T extends MyTuple<any> ? {
    [K in keyof T]: T[K];
} : T extends [] ? [] : T extends FixedSizeArray<infer L, infer T> ? number extends L ? Array<T> : FixedSizeArray<L, T> : {
    [K in keyof T & string]: T[K];
}>;
export type I5sesotjlssv2d = {
    "nonce": number;
    "consumers": number;
    "providers": number;
    "sufficients": number;
    "data": Anonymize<I1q8tnt1cluu5j>;
};
export type I1q8tnt1cluu5j = {
    "free": bigint;
    "reserved": bigint;
    "frozen": bigint;
    "flags": bigint;
};
export type Iffmde3ekjedi9 = {
    "normal": Anonymize<I4q39t5hn830vp>;
    "operational": Anonymize<I4q39t5hn830vp>;
    "mandatory": Anonymize<I4q39t5hn830vp>;
};
export type I4q39t5hn830vp = {
    "ref_time": bigint;
    "proof_size": bigint;
};
export type I4mddgoa69c0a2 = Array<DigestItem>;
export type DigestItem = Enum<{
    "PreRuntime": [SizedHex<4>, Uint8Array];
    "Consensus": [SizedHex<4>, Uint8Array];
    "Seal": [SizedHex<4>, Uint8Array];
    "Other": Uint8Array;
    "RuntimeEnvironmentUpdated": undefined;
}>;
export declare const DigestItem: GetEnum<DigestItem>;
export type I54eogqir3am6a = Array<{
    "phase": Phase;
    "event": Enum<{
        "System": Anonymize<I4n6rnmqi6eah0>;
        "Grandpa": GrandpaEvent;
        "Balances": Anonymize<I403ou4jjj68ch>;
        "TransactionPayment": TransactionPaymentEvent;
        "Sudo": Anonymize<Ijgk7lat5sdgr>;
        "Preimage": PreimageEvent;
        "ModuleRegistry": Anonymize<If0n2u689hubhs>;
    }>;
    "topics": Anonymize<Ic5m5lp1oioo8r>;
}>;
export type Phase = Enum<{
    "ApplyExtrinsic": number;
    "Finalization": undefined;
    "Initialization": undefined;
}>;
export declare const Phase: GetEnum<Phase>;
export type I4n6rnmqi6eah0 = AnonymousEnum<{
    /**
     * An extrinsic completed successfully.
     */
    "ExtrinsicSuccess": Anonymize<Ia82mnkmeo2rhc>;
    /**
     * An extrinsic failed.
     */
    "ExtrinsicFailed": Anonymize<Idn1fcbgo3pped>;
    /**
     * `:code` was updated to the code with the given hash.
     */
    "CodeUpdated": Anonymize<I1jm8m1rh9e20v>;
    /**
     * A new account was created.
     */
    "NewAccount": Anonymize<Icbccs0ug47ilf>;
    /**
     * An account was reaped.
     */
    "KilledAccount": Anonymize<Icbccs0ug47ilf>;
    /**
     * On on-chain remark happened.
     */
    "Remarked": Anonymize<I855j4i3kr8ko1>;
    /**
     * An upgrade was authorized.
     */
    "UpgradeAuthorized": Anonymize<Ibgl04rn6nbfm6>;
    /**
     * An invalid authorized upgrade was rejected while trying to apply it.
     */
    "RejectedInvalidAuthorizedUpgrade": Anonymize<Idirc1lqob49kd>;
}>;
export type Ia82mnkmeo2rhc = {
    "dispatch_info": Anonymize<Ic9s8f85vjtncc>;
};
export type Ic9s8f85vjtncc = {
    "weight": Anonymize<I4q39t5hn830vp>;
    "class": DispatchClass;
    "pays_fee": Enum<{
        "Yes": undefined;
        "No": undefined;
    }>;
};
export type DispatchClass = Enum<{
    "Normal": undefined;
    "Operational": undefined;
    "Mandatory": undefined;
}>;
export declare const DispatchClass: GetEnum<DispatchClass>;
export type Idn1fcbgo3pped = {
    "dispatch_error": Anonymize<I389s3pjm4l7pc>;
    "dispatch_info": Anonymize<Ic9s8f85vjtncc>;
};
export type I389s3pjm4l7pc = AnonymousEnum<{
    "Other": undefined;
    "CannotLookup": undefined;
    "BadOrigin": undefined;
    "Module": Enum<{
        "System": Anonymize<I5o0s7c8q1cc9b>;
        "Timestamp": undefined;
        "Aura": undefined;
        "Grandpa": Anonymize<I7q8i0pp1gkas6>;
        "Balances": Anonymize<Idj13i7adlomht>;
        "TransactionPayment": undefined;
        "Sudo": Anonymize<Iaug04qjhbli00>;
        "Preimage": Anonymize<I4cfhml1prt4lu>;
        "ModuleRegistry": Anonymize<I8e6mecfofeljn>;
    }>;
    "ConsumerRemaining": undefined;
    "NoProviders": undefined;
    "TooManyConsumers": undefined;
    "Token": TokenError;
    "Arithmetic": ArithmeticError;
    "Transactional": TransactionalError;
    "Exhausted": undefined;
    "Corruption": undefined;
    "Unavailable": undefined;
    "RootNotAllowed": undefined;
    "Trie": Enum<{
        "InvalidStateRoot": undefined;
        "IncompleteDatabase": undefined;
        "ValueAtIncompleteKey": undefined;
        "DecoderError": undefined;
        "InvalidHash": undefined;
        "DuplicateKey": undefined;
        "ExtraneousNode": undefined;
        "ExtraneousValue": undefined;
        "ExtraneousHashReference": undefined;
        "InvalidChildReference": undefined;
        "ValueMismatch": undefined;
        "IncompleteProof": undefined;
        "RootMismatch": undefined;
        "DecodeError": undefined;
    }>;
}>;
export type I5o0s7c8q1cc9b = AnonymousEnum<{
    /**
     * The name of specification does not match between the current runtime
     * and the new runtime.
     */
    "InvalidSpecName": undefined;
    /**
     * The specification version is not allowed to decrease between the current runtime
     * and the new runtime.
     */
    "SpecVersionNeedsToIncrease": undefined;
    /**
     * Failed to extract the runtime version from the new runtime.
     *
     * Either calling `Core_version` or decoding `RuntimeVersion` failed.
     */
    "FailedToExtractRuntimeVersion": undefined;
    /**
     * Suicide called when the account has non-default composite data.
     */
    "NonDefaultComposite": undefined;
    /**
     * There is a non-zero reference count preventing the account from being purged.
     */
    "NonZeroRefCount": undefined;
    /**
     * The origin filter prevent the call to be dispatched.
     */
    "CallFiltered": undefined;
    /**
     * A multi-block migration is ongoing and prevents the current code from being replaced.
     */
    "MultiBlockMigrationsOngoing": undefined;
    /**
     * No upgrade authorized.
     */
    "NothingAuthorized": undefined;
    /**
     * The submitted code is not authorized.
     */
    "Unauthorized": undefined;
}>;
export type I7q8i0pp1gkas6 = AnonymousEnum<{
    /**
     * Attempt to signal GRANDPA pause when the authority set isn't live
     * (either paused or already pending pause).
     */
    "PauseFailed": undefined;
    /**
     * Attempt to signal GRANDPA resume when the authority set isn't paused
     * (either live or already pending resume).
     */
    "ResumeFailed": undefined;
    /**
     * Attempt to signal GRANDPA change with one already pending.
     */
    "ChangePending": undefined;
    /**
     * Cannot signal forced change so soon after last.
     */
    "TooSoon": undefined;
    /**
     * A key ownership proof provided as part of an equivocation report is invalid.
     */
    "InvalidKeyOwnershipProof": undefined;
    /**
     * An equivocation proof provided as part of an equivocation report is invalid.
     */
    "InvalidEquivocationProof": undefined;
    /**
     * A given equivocation report is valid but already previously reported.
     */
    "DuplicateOffenceReport": undefined;
}>;
export type Idj13i7adlomht = AnonymousEnum<{
    /**
     * Vesting balance too high to send value.
     */
    "VestingBalance": undefined;
    /**
     * Account liquidity restrictions prevent withdrawal.
     */
    "LiquidityRestrictions": undefined;
    /**
     * Balance too low to send value.
     */
    "InsufficientBalance": undefined;
    /**
     * Value too low to create account due to existential deposit.
     */
    "ExistentialDeposit": undefined;
    /**
     * Transfer/payment would kill account.
     */
    "Expendability": undefined;
    /**
     * A vesting schedule already exists for this account.
     */
    "ExistingVestingSchedule": undefined;
    /**
     * Beneficiary account must pre-exist.
     */
    "DeadAccount": undefined;
    /**
     * Number of named reserves exceed `MaxReserves`.
     */
    "TooManyReserves": undefined;
    /**
     * Number of holds exceed `VariantCountOf<T::RuntimeHoldReason>`.
     */
    "TooManyHolds": undefined;
    /**
     * Number of freezes exceed `MaxFreezes`.
     */
    "TooManyFreezes": undefined;
    /**
     * The issuance cannot be modified since it is already deactivated.
     */
    "IssuanceDeactivated": undefined;
    /**
     * The delta cannot be zero.
     */
    "DeltaZero": undefined;
}>;
export type Iaug04qjhbli00 = AnonymousEnum<{
    /**
     * Sender must be the Sudo account.
     */
    "RequireSudo": undefined;
}>;
export type I4cfhml1prt4lu = AnonymousEnum<{
    /**
     * Preimage is too large to store on-chain.
     */
    "TooBig": undefined;
    /**
     * Preimage has already been noted on-chain.
     */
    "AlreadyNoted": undefined;
    /**
     * The user is not authorized to perform this action.
     */
    "NotAuthorized": undefined;
    /**
     * The preimage cannot be removed since it has not yet been noted.
     */
    "NotNoted": undefined;
    /**
     * A preimage may not be removed when there are outstanding requests.
     */
    "Requested": undefined;
    /**
     * The preimage request cannot be removed since no outstanding requests exist.
     */
    "NotRequested": undefined;
    /**
     * More than `MAX_HASH_UPGRADE_BULK_COUNT` hashes were requested to be upgraded at once.
     */
    "TooMany": undefined;
    /**
     * Too few hashes were requested to be upgraded (i.e. zero).
     */
    "TooFew": undefined;
}>;
export type I8e6mecfofeljn = AnonymousEnum<{
    /**
     * The key is empty. Use a non-empty key.
     */
    "EmptyKey": undefined;
    /**
     * The key is longer than `MaxKeyLength`. Use a shorter key.
     */
    "KeyTooLong": undefined;
    /**
     * The value is empty. Submit JSON metadata or a CID.
     */
    "EmptyValue": undefined;
    /**
     * The value is longer than `MaxValueLength`. Store large content on IPFS and register
     * its CID instead.
     */
    "ValueTooLarge": undefined;
    /**
     * The value is not valid UTF-8. Values are JSON text or CID strings.
     */
    "InvalidUtf8": undefined;
    /**
     * The value starts with `{` but is not valid JSON. Check it with a JSON parser.
     */
    "InvalidJson": undefined;
    /**
     * The value is JSON but its top level is not an object. Wrap it in an object.
     */
    "JsonNotObject": undefined;
    /**
     * The value is neither JSON nor a CID that parses. Submit a CIDv0 (`Qm…`) or a
     * multibase CIDv1, with no surrounding whitespace.
     */
    "InvalidCid": undefined;
    /**
     * The CID uses the identity hash, which inlines content instead of naming it. Add the
     * content to IPFS and register the CID of a real hash.
     */
    "IdentityCid": undefined;
    /**
     * The caller does not own this key. Only the owner may update, remove or transfer it.
     */
    "NotOwner": undefined;
    /**
     * No entry exists under this key.
     */
    "NotFound": undefined;
    /**
     * The new owner is already the owner.
     */
    "AlreadyOwner": undefined;
    /**
     * The account is not in the pinner set. Root adds pinners with `add_pinner`.
     */
    "NotPinner": undefined;
    /**
     * The account is already in the pinner set.
     */
    "AlreadyPinner": undefined;
    /**
     * The pinner set is full (`MaxPinners`). Remove a pinner first.
     */
    "TooManyPinners": undefined;
    /**
     * The report is about an older value, another CID, or an attempt the chain already
     * counted. Copies of an applied report fail with this.
     */
    "StaleReport": undefined;
    /**
     * The entry is not waiting for a report: it is verified or rejected.
     */
    "ReportNotNeeded": undefined;
    /**
     * The report names a block in the future or more than `ReportWindow` blocks ago.
     * Workers report on the block they read; a kept report cannot be replayed later.
     */
    "ReportExpired": undefined;
    /**
     * A `Timeout` report arrived before `PinHorizon` blocks passed since the value was
     * set: content may still arrive, so the entry keeps waiting.
     */
    "ReportTooEarly": undefined;
    /**
     * No ownership offer is pending for this key. The owner makes one with
     * `transfer_ownership`.
     */
    "NoOffer": undefined;
    /**
     * The pending ownership offer is for another account.
     */
    "NotOfferee": undefined;
    /**
     * The value changed after the offer was made; ask the owner to offer it again.
     */
    "OfferOutdated": undefined;
    /**
     * New keys starting with the byte `0xFF` are reserved for published versions.
     */
    "ReservedKey": undefined;
    /**
     * The entry holds a published version, which never changes: yank or deprecate it.
     */
    "SealedEntry": undefined;
    /**
     * Not a valid name: namespaces and package names are `[a-z][a-z0-9-]*`, 1–64
     * characters, and a package is `ns/name` (or `@ns/name`).
     */
    "InvalidName": undefined;
    /**
     * The namespace or package-name prefix is reserved for the registry admin.
     */
    "ReservedName": undefined;
    /**
     * The namespace is already claimed.
     */
    "NamespaceTaken": undefined;
    /**
     * No such namespace. Claim it first with `claim_namespace`.
     */
    "UnknownNamespace": undefined;
    /**
     * Only the namespace owner may do this.
     */
    "NotNamespaceOwner": undefined;
    /**
     * The caller may not publish or manage this package: they are neither the namespace
     * owner nor one of its maintainers (in the open namespace: not the package owner).
     */
    "NotMaintainer": undefined;
    /**
     * The account is already a maintainer (or the owner).
     */
    "AlreadyMaintainer": undefined;
    /**
     * The namespace has `MaxMaintainers` maintainers. Remove one first.
     */
    "TooManyMaintainers": undefined;
    /**
     * Not a SemVer 2.0 version (at most 128 characters), e.g. `1.2.3` or `2.0.0-rc.1`.
     */
    "InvalidVersion": undefined;
    /**
     * This version is published already (build metadata does not make a new version).
     * Versions never change: publish a new one.
     */
    "VersionExists": undefined;
    /**
     * No such package.
     */
    "UnknownPackage": undefined;
    /**
     * The package has no such version.
     */
    "UnknownVersion": undefined;
    /**
     * The package already exists.
     */
    "PackageExists": undefined;
    /**
     * The checksum is not 32 bytes: give the SHA-256 digest of the content.
     */
    "BadChecksumLength": undefined;
    /**
     * The metadata is longer than `MaxMetadataLength`.
     */
    "MetadataTooLarge": undefined;
    /**
     * The metadata's `type` is not one of docker, native, python, wasm, other.
     */
    "InvalidModuleType": undefined;
    /**
     * The package has `MaxVersions` versions.
     */
    "TooManyVersions": undefined;
    /**
     * The version is already yanked.
     */
    "AlreadyYanked": undefined;
    /**
     * The version is not yanked.
     */
    "NotYanked": undefined;
    /**
     * The successor is not a `ns/name@range` reference (at most 256 bytes).
     */
    "InvalidSuccessor": undefined;
    /**
     * The reason is not UTF-8 text of at most 256 bytes.
     */
    "InvalidReason": undefined;
    /**
     * There is no deprecation to lift.
     */
    "NotDeprecated": undefined;
    /**
     * The admin assigned this namespace (it carries no claim deposit): only the admin can
     * move it, with `force_transfer_namespace`.
     */
    "AssignedNamespace": undefined;
    /**
     * The pinner already has `2 × MaxPinsPerBlock` reports in this block; the report waits
     * for the next one.
     */
    "TooManyReports": undefined;
    /**
     * The entry names no CID: there is nothing to pin or verify.
     */
    "NothingToVerify": undefined;
    /**
     * The entry already waits for the pinning worker.
     */
    "VerificationPending": undefined;
    /**
     * The package lives in a claimed namespace, whose owner and maintainers publish to it:
     * it moves with its namespace (`force_transfer_namespace`).
     */
    "NamespacedPackage": undefined;
    /**
     * The namespace holds packages, which are never deleted: it cannot be released.
     */
    "NamespaceNotEmpty": undefined;
    /**
     * The metadata's `dependencies` are not `{"runtime_min": version, "modules":
     * ["ns/name@range", …]}` with each package once and valid names and ranges.
     */
    "BadDependencies": undefined;
    /**
     * The metadata declares more than `MaxDependencies` module dependencies.
     */
    "TooManyDependencies": undefined;
    /**
     * A dependency names a package the registry does not have. Publish it first.
     */
    "UnknownDependency": undefined;
}>;
export type TokenError = Enum<{
    "FundsUnavailable": undefined;
    "OnlyProvider": undefined;
    "BelowMinimum": undefined;
    "CannotCreate": undefined;
    "UnknownAsset": undefined;
    "Frozen": undefined;
    "Unsupported": undefined;
    "CannotCreateHold": undefined;
    "NotExpendable": undefined;
    "Blocked": undefined;
}>;
export declare const TokenError: GetEnum<TokenError>;
export type ArithmeticError = Enum<{
    "Underflow": undefined;
    "Overflow": undefined;
    "DivisionByZero": undefined;
}>;
export declare const ArithmeticError: GetEnum<ArithmeticError>;
export type TransactionalError = Enum<{
    "LimitReached": undefined;
    "NoLayer": undefined;
}>;
export declare const TransactionalError: GetEnum<TransactionalError>;
export type I1jm8m1rh9e20v = {
    "hash": SizedHex<32>;
};
export type Icbccs0ug47ilf = {
    "account": SS58String;
};
export type I855j4i3kr8ko1 = {
    "sender": SS58String;
    "hash": SizedHex<32>;
};
export type Ibgl04rn6nbfm6 = {
    "code_hash": SizedHex<32>;
    "check_version": boolean;
};
export type Idirc1lqob49kd = {
    "code_hash": SizedHex<32>;
    "error": Anonymize<I389s3pjm4l7pc>;
};
export type GrandpaEvent = Enum<{
    /**
     * New authority set has been applied.
     */
    "NewAuthorities": Anonymize<I5768ac424h061>;
    /**
     * Current authority set has been paused.
     */
    "Paused": undefined;
    /**
     * Current authority set has been resumed.
     */
    "Resumed": undefined;
}>;
export declare const GrandpaEvent: GetEnum<GrandpaEvent>;
export type I5768ac424h061 = {
    "authority_set": Anonymize<I3geksg000c171>;
};
export type I3geksg000c171 = Array<[SizedHex<32>, bigint]>;
export type I403ou4jjj68ch = AnonymousEnum<{
    /**
     * An account was created with some free balance.
     */
    "Endowed": Anonymize<Icv68aq8841478>;
    /**
     * An account was removed whose balance was non-zero but below ExistentialDeposit,
     * resulting in an outright loss.
     */
    "DustLost": Anonymize<Ic262ibdoec56a>;
    /**
     * Transfer succeeded.
     */
    "Transfer": Anonymize<Iflcfm9b6nlmdd>;
    /**
     * A balance was set by root.
     */
    "BalanceSet": Anonymize<Ijrsf4mnp3eka>;
    /**
     * Some balance was reserved (moved from free to reserved).
     */
    "Reserved": Anonymize<Id5fm4p8lj5qgi>;
    /**
     * Some balance was unreserved (moved from reserved to free).
     */
    "Unreserved": Anonymize<Id5fm4p8lj5qgi>;
    /**
     * Some balance was moved from the reserve of the first account to the second account.
     * Final argument indicates the destination balance type.
     */
    "ReserveRepatriated": Anonymize<I8tjvj9uq4b7hi>;
    /**
     * Some amount was deposited (e.g. for transaction fees).
     */
    "Deposit": Anonymize<Id5fm4p8lj5qgi>;
    /**
     * Some amount was withdrawn from the account (e.g. for transaction fees).
     */
    "Withdraw": Anonymize<Id5fm4p8lj5qgi>;
    /**
     * Some amount was removed from the account (e.g. for misbehavior).
     */
    "Slashed": Anonymize<Id5fm4p8lj5qgi>;
    /**
     * Some amount was minted into an account.
     */
    "Minted": Anonymize<Id5fm4p8lj5qgi>;
    /**
     * Some credit was balanced and added to the TotalIssuance.
     */
    "MintedCredit": Anonymize<I3qt1hgg4djhgb>;
    /**
     * Some amount was burned from an account.
     */
    "Burned": Anonymize<Id5fm4p8lj5qgi>;
    /**
     * Some debt has been dropped from the Total Issuance.
     */
    "BurnedDebt": Anonymize<I3qt1hgg4djhgb>;
    /**
     * Some amount was suspended from an account (it can be restored later).
     */
    "Suspended": Anonymize<Id5fm4p8lj5qgi>;
    /**
     * Some amount was restored into an account.
     */
    "Restored": Anonymize<Id5fm4p8lj5qgi>;
    /**
     * An account was upgraded.
     */
    "Upgraded": Anonymize<I4cbvqmqadhrea>;
    /**
     * Total issuance was increased by `amount`, creating a credit to be balanced.
     */
    "Issued": Anonymize<I3qt1hgg4djhgb>;
    /**
     * Total issuance was decreased by `amount`, creating a debt to be balanced.
     */
    "Rescinded": Anonymize<I3qt1hgg4djhgb>;
    /**
     * Some balance was locked.
     */
    "Locked": Anonymize<Id5fm4p8lj5qgi>;
    /**
     * Some balance was unlocked.
     */
    "Unlocked": Anonymize<Id5fm4p8lj5qgi>;
    /**
     * Some balance was frozen.
     */
    "Frozen": Anonymize<Id5fm4p8lj5qgi>;
    /**
     * Some balance was thawed.
     */
    "Thawed": Anonymize<Id5fm4p8lj5qgi>;
    /**
     * The `TotalIssuance` was forcefully changed.
     */
    "TotalIssuanceForced": Anonymize<I4fooe9dun9o0t>;
    /**
     * Some balance was placed on hold.
     */
    "Held": Anonymize<I5iefk1r8ucu3d>;
    /**
     * Held balance was burned from an account.
     */
    "BurnedHeld": Anonymize<I5iefk1r8ucu3d>;
    /**
     * A transfer of `amount` on hold from `source` to `dest` was initiated.
     */
    "TransferOnHold": Anonymize<Ifnkn053neb42f>;
    /**
     * The `transferred` balance is placed on hold at the `dest` account.
     */
    "TransferAndHold": Anonymize<Ie9dqmc4irvl5g>;
    /**
     * Some balance was released from hold.
     */
    "Released": Anonymize<I5iefk1r8ucu3d>;
    /**
     * An unexpected/defensive event was triggered.
     */
    "Unexpected": Anonymize<Iph9c4rn81ub2>;
}>;
export type Icv68aq8841478 = {
    "account": SS58String;
    "free_balance": bigint;
};
export type Ic262ibdoec56a = {
    "account": SS58String;
    "amount": bigint;
};
export type Iflcfm9b6nlmdd = {
    "from": SS58String;
    "to": SS58String;
    "amount": bigint;
};
export type Ijrsf4mnp3eka = {
    "who": SS58String;
    "free": bigint;
};
export type Id5fm4p8lj5qgi = {
    "who": SS58String;
    "amount": bigint;
};
export type I8tjvj9uq4b7hi = {
    "from": SS58String;
    "to": SS58String;
    "amount": bigint;
    "destination_status": BalanceStatus;
};
export type BalanceStatus = Enum<{
    "Free": undefined;
    "Reserved": undefined;
}>;
export declare const BalanceStatus: GetEnum<BalanceStatus>;
export type I3qt1hgg4djhgb = {
    "amount": bigint;
};
export type I4cbvqmqadhrea = {
    "who": SS58String;
};
export type I4fooe9dun9o0t = {
    "old": bigint;
    "new": bigint;
};
export type I5iefk1r8ucu3d = {
    "reason": Anonymize<I7nbgf5ih2u62b>;
    "who": SS58String;
    "amount": bigint;
};
export type I7nbgf5ih2u62b = AnonymousEnum<{
    "Preimage": PreimagePalletHoldReason;
    "ModuleRegistry": Enum<{
        "ModuleDeposit": undefined;
    }>;
}>;
export type PreimagePalletHoldReason = Enum<{
    "Preimage": undefined;
}>;
export declare const PreimagePalletHoldReason: GetEnum<PreimagePalletHoldReason>;
export type Ifnkn053neb42f = {
    "reason": Anonymize<I7nbgf5ih2u62b>;
    "source": SS58String;
    "dest": SS58String;
    "amount": bigint;
};
export type Ie9dqmc4irvl5g = {
    "reason": Anonymize<I7nbgf5ih2u62b>;
    "source": SS58String;
    "dest": SS58String;
    "transferred": bigint;
};
export type Iph9c4rn81ub2 = AnonymousEnum<{
    "BalanceUpdated": undefined;
    "FailedToMutateAccount": undefined;
}>;
export type TransactionPaymentEvent = Enum<{
    /**
     * A transaction fee `actual_fee`, of which `tip` was added to the minimum inclusion fee,
     * has been paid by `who`.
     */
    "TransactionFeePaid": Anonymize<Ier2cke86dqbr2>;
}>;
export declare const TransactionPaymentEvent: GetEnum<TransactionPaymentEvent>;
export type Ier2cke86dqbr2 = {
    "who": SS58String;
    "actual_fee": bigint;
    "tip": bigint;
};
export type Ijgk7lat5sdgr = AnonymousEnum<{
    /**
     * A sudo call just took place.
     */
    "Sudid": Anonymize<Ibhbsd1mp4uat0>;
    /**
     * The sudo key has been updated.
     */
    "KeyChanged": Anonymize<I5rtkmhm2dng4u>;
    /**
     * The key was permanently removed.
     */
    "KeyRemoved": undefined;
    /**
     * A [sudo_as](Pallet::sudo_as) call just took place.
     */
    "SudoAsDone": Anonymize<Ibhbsd1mp4uat0>;
}>;
export type Ibhbsd1mp4uat0 = {
    /**
     * The result of the call made by the sudo user.
     */
    "sudo_result": Anonymize<I9fb4e9qgp25kf>;
};
export type I9fb4e9qgp25kf = ResultPayload<undefined, Anonymize<I389s3pjm4l7pc>>;
export type I5rtkmhm2dng4u = {
    /**
     * The old sudo key (if one was previously set).
     */
    "old"?: Anonymize<Ihfphjolmsqq1>;
    /**
     * The new sudo key (if one was set).
     */
    "new": SS58String;
};
export type Ihfphjolmsqq1 = (SS58String) | undefined;
export type PreimageEvent = Enum<{
    /**
     * A preimage has been noted.
     */
    "Noted": Anonymize<I1jm8m1rh9e20v>;
    /**
     * A preimage has been requested.
     */
    "Requested": Anonymize<I1jm8m1rh9e20v>;
    /**
     * A preimage has ben cleared.
     */
    "Cleared": Anonymize<I1jm8m1rh9e20v>;
}>;
export declare const PreimageEvent: GetEnum<PreimageEvent>;
export type If0n2u689hubhs = AnonymousEnum<{
    /**
     * A new key was registered.
     */
    "ModuleRegistered": Anonymize<I804ch2hkdol1d>;
    /**
     * The owner replaced the value of a key.
     */
    "ModuleUpdated": Anonymize<I55er3kka9erlk>;
    /**
     * The owner removed a key; its deposit was released. `value_hash` and `value_len` name
     * the value that was removed.
     */
    "ModuleRemoved": Anonymize<I60f84grjb9v39>;
    /**
     * The owner offered a key to `to`, who may accept it with `accept_ownership`. The offer
     * is for the value named by `value_hash` and `value_len`.
     */
    "OwnershipOffered": Anonymize<I8bbtgqc0g0jv4>;
    /**
     * The owner withdrew an ownership offer before it was accepted.
     */
    "OwnershipOfferCancelled": Anonymize<I6rqgmuomq42eg>;
    /**
     * `to` accepted a key; the deposit is now held from `to` and was released to `from`.
     */
    "OwnershipTransferred": Anonymize<I8bbtgqc0g0jv4>;
    /**
     * The privileged origin removed a key; its deposit was released to the owner.
     */
    "ModuleForceRemoved": Anonymize<I60f84grjb9v39>;
    /**
     * A pinner pinned the entry's CID and checked its root block.
     */
    "PinVerified": Anonymize<Iboa8adgnuuuaq>;
    /**
     * A pinner could not pin or check the entry's CID. `will_retry` is false when the
     * failure is final ([`PinStatus::Rejected`]).
     */
    "PinFailed": Anonymize<I4r2k36bdrbl00>;
    /**
     * No entry refers to this CID any more; pinners unpin it.
     */
    "CidUnreferenced": Anonymize<I7ass86blamist>;
    /**
     * An account joined the pinner set.
     */
    "PinnerAdded": Anonymize<I4cbvqmqadhrea>;
    /**
     * An account left the pinner set.
     */
    "PinnerRemoved": Anonymize<I4cbvqmqadhrea>;
    /**
     * An account claimed a namespace, holding `deposit`.
     */
    "NamespaceClaimed": Anonymize<Ic6hjctrmipd77>;
    /**
     * The registry admin gave a namespace to `owner` (no deposit).
     */
    "NamespaceAssigned": Anonymize<I9ajaslal4k89p>;
    /**
     * The registry admin set or cleared a namespace's `verified` flag.
     */
    "NamespaceVerified": Anonymize<Iel604g1468nrj>;
    /**
     * The namespace owner added a maintainer.
     */
    "MaintainerAdded": Anonymize<Ienr6kq4o6mdf8>;
    /**
     * The namespace owner removed a maintainer.
     */
    "MaintainerRemoved": Anonymize<Ienr6kq4o6mdf8>;
    /**
     * The owner offered a namespace to `to`, who may accept it with `accept_namespace`.
     */
    "NamespaceOffered": Anonymize<I50mk7sn12gtl7>;
    /**
     * The owner withdrew a namespace offer.
     */
    "NamespaceOfferCancelled": Anonymize<I6ff7mlknkhe0u>;
    /**
     * `to` accepted a namespace; its maintainer list was cleared.
     */
    "NamespaceTransferred": Anonymize<I50mk7sn12gtl7>;
    /**
     * A package was created, by its first publication or by the admin.
     */
    "PackageCreated": Anonymize<Ieoeon8f6e07r0>;
    /**
     * A version was published. Its document is the entry under `entry_key`.
     */
    "VersionPublished": Anonymize<I4362n2kni47op>;
    /**
     * A version was yanked: ranges skip it, an exact request still resolves it.
     */
    "VersionYanked": Anonymize<Icccvlnqfjn3g4>;
    /**
     * A yanked version was restored.
     */
    "VersionUnyanked": Anonymize<Icccvlnqfjn3g4>;
    /**
     * A package (`version: None`) or one version was deprecated.
     */
    "Deprecated": Anonymize<I30mo878vefnpr>;
    /**
     * A deprecation was lifted.
     */
    "Undeprecated": Anonymize<I1idngl74p6tpq>;
    /**
     * A maintainer set a package's status.
     */
    "PackageStatusSet": Anonymize<I32sphb7ac0idm>;
    /**
     * The admin moved a namespace to `to`; its maintainers, offer, `verified` flag and
     * claim deposit (returned to `from`) were cleared.
     */
    "NamespaceForceTransferred": Anonymize<I50mk7sn12gtl7>;
    /**
     * The admin sent an entry (a plain one or a version's) back to the pinning worker;
     * `previous` is the status it had.
     */
    "ReverificationRequested": Anonymize<I6k694b83of16b>;
    /**
     * The owner gave up a namespace that held no packages; its claim deposit was returned.
     */
    "NamespaceReleased": Anonymize<Ic6hjctrmipd77>;
    /**
     * The admin moved a package of the open namespace to `to`.
     */
    "PackageForceTransferred": Anonymize<Id2q24cc70kd9>;
}>;
export type I804ch2hkdol1d = {
    "key": Uint8Array;
    "owner": SS58String;
    "value_hash": SizedHex<32>;
    "value_len": number;
    "kind": Anonymize<I92o1spjpubl55>;
    "deposit": bigint;
};
export type I92o1spjpubl55 = AnonymousEnum<{
    "Json": undefined;
    "Cid": undefined;
}>;
export type I55er3kka9erlk = {
    "key": Uint8Array;
    "owner": SS58String;
    "value_hash": SizedHex<32>;
    "value_len": number;
    "kind": Anonymize<I92o1spjpubl55>;
    "deposit": bigint;
    "update_count": number;
};
export type I60f84grjb9v39 = {
    "key": Uint8Array;
    "owner": SS58String;
    "value_hash": SizedHex<32>;
    "value_len": number;
    "refunded": bigint;
};
export type I8bbtgqc0g0jv4 = {
    "key": Uint8Array;
    "from": SS58String;
    "to": SS58String;
    "value_hash": SizedHex<32>;
    "value_len": number;
};
export type I6rqgmuomq42eg = {
    "key": Uint8Array;
    "owner": SS58String;
    "to": SS58String;
};
export type Iboa8adgnuuuaq = {
    "key": Uint8Array;
    "cid": Uint8Array;
    "by": SS58String;
};
export type I4r2k36bdrbl00 = {
    "key": Uint8Array;
    "cid": Uint8Array;
    "reason": Anonymize<I33ukus11gusg1>;
    "attempts": number;
    "will_retry": boolean;
};
export type I33ukus11gusg1 = AnonymousEnum<{
    "Timeout": undefined;
    "HttpError": undefined;
    "MalformedResponse": undefined;
    "HashMismatch": undefined;
    "Unsupported": undefined;
}>;
export type I7ass86blamist = {
    "cid": Uint8Array;
};
export type Ic6hjctrmipd77 = {
    "namespace": Uint8Array;
    "owner": SS58String;
    "deposit": bigint;
};
export type I9ajaslal4k89p = {
    "namespace": Uint8Array;
    "owner": SS58String;
};
export type Iel604g1468nrj = {
    "namespace": Uint8Array;
    "verified": boolean;
};
export type Ienr6kq4o6mdf8 = {
    "namespace": Uint8Array;
    "who": SS58String;
};
export type I50mk7sn12gtl7 = {
    "namespace": Uint8Array;
    "from": SS58String;
    "to": SS58String;
};
export type I6ff7mlknkhe0u = {
    "namespace": Uint8Array;
    "owner": SS58String;
    "to": SS58String;
};
export type Ieoeon8f6e07r0 = {
    "namespace": Uint8Array;
    "name": Uint8Array;
    "owner": SS58String;
    "module_type": Anonymize<I95nm1janfim0l>;
};
export type I95nm1janfim0l = AnonymousEnum<{
    "Docker": undefined;
    "Native": undefined;
    "Python": undefined;
    "Wasm": undefined;
    "Other": undefined;
}>;
export type I4362n2kni47op = {
    "namespace": Uint8Array;
    "name": Uint8Array;
    "version": Uint8Array;
    "cid": Uint8Array;
    "entry_key": Uint8Array;
    "publisher": SS58String;
};
export type Icccvlnqfjn3g4 = {
    "namespace": Uint8Array;
    "name": Uint8Array;
    "version": Uint8Array;
};
export type I30mo878vefnpr = {
    "namespace": Uint8Array;
    "name": Uint8Array;
    "version"?: Anonymize<Iabpgqcjikia83>;
    "successor"?: Anonymize<Iabpgqcjikia83>;
};
export type Iabpgqcjikia83 = (Uint8Array) | undefined;
export type I1idngl74p6tpq = {
    "namespace": Uint8Array;
    "name": Uint8Array;
    "version"?: Anonymize<Iabpgqcjikia83>;
};
export type I32sphb7ac0idm = {
    "namespace": Uint8Array;
    "name": Uint8Array;
    "status": Anonymize<Ieg1iee3q68om6>;
};
export type Ieg1iee3q68om6 = AnonymousEnum<{
    "Active": undefined;
    "Maintenance": undefined;
    "Inactive": undefined;
}>;
export type I6k694b83of16b = {
    "key": Uint8Array;
    "previous": Anonymize<Ibq7b9v1g0glha>;
};
export type Ibq7b9v1g0glha = AnonymousEnum<{
    "NoPinnableCid": undefined;
    "Pending": undefined;
    "Verified": {
        "at": number;
        "by": SS58String;
    };
    "Failed": {
        "reason": Anonymize<I33ukus11gusg1>;
        "attempts": number;
    };
    "Rejected": {
        "reason": Anonymize<I33ukus11gusg1>;
        "at": number;
    };
}>;
export type Id2q24cc70kd9 = {
    "namespace": Uint8Array;
    "name": Uint8Array;
    "from": SS58String;
    "to": SS58String;
};
export type Ic5m5lp1oioo8r = Array<SizedHex<32>>;
export type I95g6i7ilua7lq = Array<Anonymize<I9jd27rnpm8ttv>>;
export type I9jd27rnpm8ttv = FixedSizeArray<2, number>;
export type Ieniouoqkq4icf = {
    "spec_version": number;
    "spec_name": string;
};
export type GrandpaStoredState = Enum<{
    "Live": undefined;
    "PendingPause": {
        "scheduled_at": number;
        "delay": number;
    };
    "Paused": undefined;
    "PendingResume": {
        "scheduled_at": number;
        "delay": number;
    };
}>;
export declare const GrandpaStoredState: GetEnum<GrandpaStoredState>;
export type I7pe2me3i3vtn9 = {
    "scheduled_at": number;
    "delay": number;
    "next_authorities": Anonymize<I3geksg000c171>;
    "forced"?: Anonymize<I4arjljr6dpflb>;
};
export type I4arjljr6dpflb = (number) | undefined;
export type I8ds64oj6581v0 = Array<{
    "id": SizedHex<8>;
    "amount": bigint;
    "reasons": BalancesTypesReasons;
}>;
export type BalancesTypesReasons = Enum<{
    "Fee": undefined;
    "Misc": undefined;
    "All": undefined;
}>;
export declare const BalancesTypesReasons: GetEnum<BalancesTypesReasons>;
export type Ia7pdug7cdsg8g = Array<{
    "id": SizedHex<8>;
    "amount": bigint;
}>;
export type I502n21815m7g7 = Array<{
    "id": Anonymize<I7nbgf5ih2u62b>;
    "amount": bigint;
}>;
export type I9bin2jc70qt6q = Array<Anonymize<I3qt1hgg4djhgb>>;
export type TransactionPaymentReleases = Enum<{
    "V1Ancient": undefined;
    "V2": undefined;
}>;
export declare const TransactionPaymentReleases: GetEnum<TransactionPaymentReleases>;
export type PreimageOldRequestStatus = Enum<{
    "Unrequested": {
        "deposit": Anonymize<I95l2k9b1re95f>;
        "len": number;
    };
    "Requested": {
        "deposit"?: Anonymize<I92hdo1clkbp4g>;
        "count": number;
        "len"?: Anonymize<I4arjljr6dpflb>;
    };
}>;
export declare const PreimageOldRequestStatus: GetEnum<PreimageOldRequestStatus>;
export type I95l2k9b1re95f = [SS58String, bigint];
export type I92hdo1clkbp4g = (Anonymize<I95l2k9b1re95f>) | undefined;
export type PreimageRequestStatus = Enum<{
    "Unrequested": {
        "ticket": Anonymize<I95l2k9b1re95f>;
        "len": number;
    };
    "Requested": {
        "maybe_ticket"?: Anonymize<I92hdo1clkbp4g>;
        "count": number;
        "maybe_len"?: Anonymize<I4arjljr6dpflb>;
    };
}>;
export declare const PreimageRequestStatus: GetEnum<PreimageRequestStatus>;
export type I4pact7n2e9a0i = [SizedHex<32>, number];
export type I4eu9vqki5tdjm = {
    "info": Anonymize<I7nn69jf2i5men>;
    "value_hash": SizedHex<32>;
    "ticket": bigint;
};
export type I7nn69jf2i5men = {
    "owner": SS58String;
    "deposit": bigint;
    "created": number;
    "updated": number;
    "update_count": number;
    "value_len": number;
    "kind": Anonymize<I92o1spjpubl55>;
    "cid"?: Anonymize<Iabpgqcjikia83>;
    "pin_status": Anonymize<Ibq7b9v1g0glha>;
};
export type Ic6oh1ospoikg7 = {
    "to": SS58String;
    "update_count": number;
};
export type Ich9k8jluesn8b = {
    "owner": SS58String;
    "verified": boolean;
    "deposit": bigint;
    "created": number;
    "maintainer_count": number;
    "package_count": number;
};
export type I4p8l84tk038s = [Uint8Array, SS58String];
export type I5as9vgkd1oho5 = {
    "owner": SS58String;
    "module_type": Anonymize<I95nm1janfim0l>;
    "status": Anonymize<Ieg1iee3q68om6>;
    "deprecation"?: Anonymize<Idu5gra84ufg09>;
    "version_count": number;
    "created": number;
};
export type Idu5gra84ufg09 = ({
    "successor"?: Anonymize<Iabpgqcjikia83>;
    "reason": Uint8Array;
}) | undefined;
export type Idkbvh6dahk1v7 = FixedSizeArray<2, Uint8Array>;
export type I5ooth7b527cfv = {
    "version": Uint8Array;
    "checksum": SizedHex<32>;
    "size": bigint;
    "publisher": SS58String;
    "published_at": number;
    "yanked": boolean;
    "deprecation"?: Anonymize<Idu5gra84ufg09>;
};
export type I4si96ncpv5kgs = [Anonymize<Idkbvh6dahk1v7>, Uint8Array];
export type Ib3knhckkmgsj = [Anonymize<Idkbvh6dahk1v7>, SizedHex<224>];
export type Ibufagrrmuegb0 = [Anonymize<Idkbvh6dahk1v7>, [boolean, SizedHex<224>]];
export type Ia2lhg7l2hilo3 = Array<SS58String>;
export type In7a38730s6qs = {
    "base_block": Anonymize<I4q39t5hn830vp>;
    "max_block": Anonymize<I4q39t5hn830vp>;
    "per_class": {
        "normal": {
            "base_extrinsic": Anonymize<I4q39t5hn830vp>;
            "max_extrinsic"?: (Anonymize<I4q39t5hn830vp>) | undefined;
            "max_total"?: (Anonymize<I4q39t5hn830vp>) | undefined;
            "reserved"?: (Anonymize<I4q39t5hn830vp>) | undefined;
        };
        "operational": {
            "base_extrinsic": Anonymize<I4q39t5hn830vp>;
            "max_extrinsic"?: (Anonymize<I4q39t5hn830vp>) | undefined;
            "max_total"?: (Anonymize<I4q39t5hn830vp>) | undefined;
            "reserved"?: (Anonymize<I4q39t5hn830vp>) | undefined;
        };
        "mandatory": {
            "base_extrinsic": Anonymize<I4q39t5hn830vp>;
            "max_extrinsic"?: (Anonymize<I4q39t5hn830vp>) | undefined;
            "max_total"?: (Anonymize<I4q39t5hn830vp>) | undefined;
            "reserved"?: (Anonymize<I4q39t5hn830vp>) | undefined;
        };
    };
};
export type Ibtil0ss5munbk = {
    "max": {
        "normal": number;
        "operational": number;
        "mandatory": number;
    };
    "max_header_size"?: Anonymize<I4arjljr6dpflb>;
};
export type I9s0ave7t0vnrk = {
    "read": bigint;
    "write": bigint;
};
export type I4fo08joqmcqnm = {
    "spec_name": string;
    "impl_name": string;
    "authoring_version": number;
    "spec_version": number;
    "impl_version": number;
    "apis": Array<[SizedHex<8>, number]>;
    "transaction_version": number;
    "system_version": number;
};
export type Iekve0i6djpd9f = AnonymousEnum<{
    /**
     * Make some on-chain remark.
     *
     * Can be executed by every `origin`.
     */
    "remark": Anonymize<I8ofcg5rbj0g2c>;
    /**
     * Set the number of pages in the WebAssembly environment's heap.
     */
    "set_heap_pages": Anonymize<I4adgbll7gku4i>;
    /**
     * Set the new runtime code.
     */
    "set_code": Anonymize<I6pjjpfvhvcfru>;
    /**
     * Set the new runtime code without doing any checks of the given `code`.
     *
     * Note that runtime upgrades will not run if this is called with a not-increasing spec
     * version!
     */
    "set_code_without_checks": Anonymize<I6pjjpfvhvcfru>;
    /**
     * Set some items of storage.
     */
    "set_storage": Anonymize<I9pj91mj79qekl>;
    /**
     * Kill some items from storage.
     */
    "kill_storage": Anonymize<I39uah9nss64h9>;
    /**
     * Kill all storage items with a key that starts with the given prefix.
     *
     * **NOTE:** We rely on the Root origin to provide us the number of subkeys under
     * the prefix we are removing to accurately calculate the weight of this function.
     */
    "kill_prefix": Anonymize<Ik64dknsq7k08>;
    /**
     * Make some on-chain remark and emit event.
     */
    "remark_with_event": Anonymize<I8ofcg5rbj0g2c>;
    /**
     * Authorize an upgrade to a given `code_hash` for the runtime. The runtime can be supplied
     * later.
     *
     * This call requires Root origin.
     */
    "authorize_upgrade": Anonymize<Ib51vk42m1po4n>;
    /**
     * Authorize an upgrade to a given `code_hash` for the runtime. The runtime can be supplied
     * later.
     *
     * WARNING: This authorizes an upgrade that will take place without any safety checks, for
     * example that the spec name remains the same and that the version number increases. Not
     * recommended for normal use. Use `authorize_upgrade` instead.
     *
     * This call requires Root origin.
     */
    "authorize_upgrade_without_checks": Anonymize<Ib51vk42m1po4n>;
    /**
     * Provide the preimage (runtime binary) `code` for an upgrade that has been authorized.
     *
     * If the authorization required a version check, this call will ensure the spec name
     * remains unchanged and that the spec version has increased.
     *
     * Depending on the runtime's `OnSetCode` configuration, this function may directly apply
     * the new `code` in the same block or attempt to schedule the upgrade.
     *
     * All origins are allowed.
     */
    "apply_authorized_upgrade": Anonymize<I6pjjpfvhvcfru>;
}>;
export type I8ofcg5rbj0g2c = {
    "remark": Uint8Array;
};
export type I4adgbll7gku4i = {
    "pages": bigint;
};
export type I6pjjpfvhvcfru = {
    "code": Uint8Array;
};
export type I9pj91mj79qekl = {
    "items": Array<Anonymize<Idkbvh6dahk1v7>>;
};
export type I39uah9nss64h9 = {
    "keys": Anonymize<Itom7fk49o0c9>;
};
export type Itom7fk49o0c9 = Array<Uint8Array>;
export type Ik64dknsq7k08 = {
    "prefix": Uint8Array;
    "subkeys": number;
};
export type Ib51vk42m1po4n = {
    "code_hash": SizedHex<32>;
};
export type I7d75gqfg6jh9c = AnonymousEnum<{
    /**
     * Set the current time.
     *
     * This call should be invoked exactly once per block. It will panic at the finalization
     * phase, if this call hasn't been invoked by that time.
     *
     * The timestamp should be greater than the previous one by the amount specified by
     * [`Config::MinimumPeriod`].
     *
     * The dispatch origin for this call must be _None_.
     *
     * This dispatch class is _Mandatory_ to ensure it gets executed in the block. Be aware
     * that changing the complexity of this call could result exhausting the resources in a
     * block to execute any other calls.
     *
     * ## Complexity
     * - `O(1)` (Note that implementations of `OnTimestampSet` must also be `O(1)`)
     * - 1 storage read and 1 storage mutation (codec `O(1)` because of `DidUpdate::take` in
     * `on_finalize`)
     * - 1 event handler `on_timestamp_set`. Must be `O(1)`.
     */
    "set": Anonymize<Idcr6u6361oad9>;
}>;
export type Idcr6u6361oad9 = {
    "now": bigint;
};
export type Ibck9ekr2i96uj = AnonymousEnum<{
    /**
     * Report voter equivocation/misbehavior. This method will verify the
     * equivocation proof and validate the given key ownership proof
     * against the extracted offender. If both are valid, the offence
     * will be reported.
     */
    "report_equivocation": Anonymize<I3a5kuu5t5jj3g>;
    /**
     * Report voter equivocation/misbehavior. This method will verify the
     * equivocation proof and validate the given key ownership proof
     * against the extracted offender. If both are valid, the offence
     * will be reported.
     *
     * This extrinsic must be called unsigned and it is expected that only
     * block authors will call it (validated in `ValidateUnsigned`), as such
     * if the block author is defined it will be defined as the equivocation
     * reporter.
     */
    "report_equivocation_unsigned": Anonymize<I3a5kuu5t5jj3g>;
    /**
     * Note that the current authority set of the GRANDPA finality gadget has stalled.
     *
     * This will trigger a forced authority set change at the beginning of the next session, to
     * be enacted `delay` blocks after that. The `delay` should be high enough to safely assume
     * that the block signalling the forced change will not be re-orged e.g. 1000 blocks.
     * The block production rate (which may be slowed down because of finality lagging) should
     * be taken into account when choosing the `delay`. The GRANDPA voters based on the new
     * authority will start voting on top of `best_finalized_block_number` for new finalized
     * blocks. `best_finalized_block_number` should be the highest of the latest finalized
     * block of all validators of the new authority set.
     *
     * Only callable by root.
     */
    "note_stalled": Anonymize<I2hviml3snvhhn>;
}>;
export type I3a5kuu5t5jj3g = {
    "equivocation_proof": Anonymize<I9puqgoda8ofk4>;
};
export type I9puqgoda8ofk4 = {
    "set_id": bigint;
    "equivocation": GrandpaEquivocation;
};
export type GrandpaEquivocation = Enum<{
    "Prevote": {
        "round_number": bigint;
        "identity": SizedHex<32>;
        "first": [{
            "target_hash": SizedHex<32>;
            "target_number": number;
        }, SizedHex<64>];
        "second": [{
            "target_hash": SizedHex<32>;
            "target_number": number;
        }, SizedHex<64>];
    };
    "Precommit": {
        "round_number": bigint;
        "identity": SizedHex<32>;
        "first": [{
            "target_hash": SizedHex<32>;
            "target_number": number;
        }, SizedHex<64>];
        "second": [{
            "target_hash": SizedHex<32>;
            "target_number": number;
        }, SizedHex<64>];
    };
}>;
export declare const GrandpaEquivocation: GetEnum<GrandpaEquivocation>;
export type I2hviml3snvhhn = {
    "delay": number;
    "best_finalized_block_number": number;
};
export type I9svldsp29mh87 = AnonymousEnum<{
    /**
     * Transfer some liquid free balance to another account.
     *
     * `transfer_allow_death` will set the `FreeBalance` of the sender and receiver.
     * If the sender's account is below the existential deposit as a result
     * of the transfer, the account will be reaped.
     *
     * The dispatch origin for this call must be `Signed` by the transactor.
     */
    "transfer_allow_death": Anonymize<I4ktuaksf5i1gk>;
    /**
     * Exactly as `transfer_allow_death`, except the origin must be root and the source account
     * may be specified.
     */
    "force_transfer": Anonymize<I9bqtpv2ii35mp>;
    /**
     * Same as the [`transfer_allow_death`] call, but with a check that the transfer will not
     * kill the origin account.
     *
     * 99% of the time you want [`transfer_allow_death`] instead.
     *
     * [`transfer_allow_death`]: struct.Pallet.html#method.transfer
     */
    "transfer_keep_alive": Anonymize<I4ktuaksf5i1gk>;
    /**
     * Transfer the entire transferable balance from the caller account.
     *
     * NOTE: This function only attempts to transfer _transferable_ balances. This means that
     * any locked, reserved, or existential deposits (when `keep_alive` is `true`), will not be
     * transferred by this function. To ensure that this function results in a killed account,
     * you might need to prepare the account by removing any reference counters, storage
     * deposits, etc...
     *
     * The dispatch origin of this call must be Signed.
     *
     * - `dest`: The recipient of the transfer.
     * - `keep_alive`: A boolean to determine if the `transfer_all` operation should send all
     * of the funds the account has, causing the sender account to be killed (false), or
     * transfer everything except at least the existential deposit, which will guarantee to
     * keep the sender account alive (true).
     */
    "transfer_all": Anonymize<I9j7pagd6d4bda>;
    /**
     * Unreserve some balance from a user by force.
     *
     * Can only be called by ROOT.
     */
    "force_unreserve": Anonymize<I2h9pmio37r7fb>;
    /**
     * Upgrade a specified account.
     *
     * - `origin`: Must be `Signed`.
     * - `who`: The account to be upgraded.
     *
     * This will waive the transaction fee if at least all but 10% of the accounts needed to
     * be upgraded. (We let some not have to be upgraded just in order to allow for the
     * possibility of churn).
     */
    "upgrade_accounts": Anonymize<Ibmr18suc9ikh9>;
    /**
     * Set the regular balance of a given account.
     *
     * The dispatch origin for this call is `root`.
     */
    "force_set_balance": Anonymize<I9iq22t0burs89>;
    /**
     * Adjust the total issuance in a saturating way.
     *
     * Can only be called by root and always needs a positive `delta`.
     *
     * # Example
     */
    "force_adjust_total_issuance": Anonymize<I5u8olqbbvfnvf>;
    /**
     * Burn the specified liquid free balance from the origin account.
     *
     * If the origin's account ends up below the existential deposit as a result
     * of the burn and `keep_alive` is false, the account will be reaped.
     *
     * Unlike sending funds to a _burn_ address, which merely makes the funds inaccessible,
     * this `burn` operation will reduce total issuance by the amount _burned_.
     */
    "burn": Anonymize<I5utcetro501ir>;
}>;
export type I4ktuaksf5i1gk = {
    "dest": MultiAddress;
    "value": bigint;
};
export type MultiAddress = Enum<{
    "Id": SS58String;
    "Index": undefined;
    "Raw": Uint8Array;
    "Address32": SizedHex<32>;
    "Address20": SizedHex<20>;
}>;
export declare const MultiAddress: GetEnum<MultiAddress>;
export type I9bqtpv2ii35mp = {
    "source": MultiAddress;
    "dest": MultiAddress;
    "value": bigint;
};
export type I9j7pagd6d4bda = {
    "dest": MultiAddress;
    "keep_alive": boolean;
};
export type I2h9pmio37r7fb = {
    "who": MultiAddress;
    "amount": bigint;
};
export type Ibmr18suc9ikh9 = {
    "who": Anonymize<Ia2lhg7l2hilo3>;
};
export type I9iq22t0burs89 = {
    "who": MultiAddress;
    "new_free": bigint;
};
export type I5u8olqbbvfnvf = {
    "direction": BalancesAdjustmentDirection;
    "delta": bigint;
};
export type BalancesAdjustmentDirection = Enum<{
    "Increase": undefined;
    "Decrease": undefined;
}>;
export declare const BalancesAdjustmentDirection: GetEnum<BalancesAdjustmentDirection>;
export type I5utcetro501ir = {
    "value": bigint;
    "keep_alive": boolean;
};
export type Ifvq7sgvi7o613 = AnonymousEnum<{
    /**
     * Authenticates the sudo key and dispatches a function call with `Root` origin.
     */
    "sudo": Anonymize<Ifjpuf8eev7eb0>;
    /**
     * Authenticates the sudo key and dispatches a function call with `Root` origin.
     * This function does not check the weight of the call, and instead allows the
     * Sudo user to specify the weight of the call.
     *
     * The dispatch origin for this call must be _Signed_.
     */
    "sudo_unchecked_weight": Anonymize<I2u4splhhh4ts1>;
    /**
     * Authenticates the current sudo key and sets the given AccountId (`new`) as the new sudo
     * key.
     */
    "set_key": Anonymize<I8k3rnvpeeh4hv>;
    /**
     * Authenticates the sudo key and dispatches a function call with `Signed` origin from
     * a given account.
     *
     * The dispatch origin for this call must be _Signed_.
     */
    "sudo_as": Anonymize<I6t6e70imimt5l>;
    /**
     * Permanently removes the sudo key.
     *
     * **This cannot be un-done.**
     */
    "remove_key": undefined;
}>;
export type Ifjpuf8eev7eb0 = {
    "call": TxCallData;
};
export type I2u4splhhh4ts1 = {
    "call": TxCallData;
    "weight": Anonymize<I4q39t5hn830vp>;
};
export type I8k3rnvpeeh4hv = {
    "new": MultiAddress;
};
export type I6t6e70imimt5l = {
    "who": MultiAddress;
    "call": TxCallData;
};
export type If81ks88t5mpk5 = AnonymousEnum<{
    /**
     * Register a preimage on-chain.
     *
     * If the preimage was previously requested, no fees or deposits are taken for providing
     * the preimage. Otherwise, a deposit is taken proportional to the size of the preimage.
     */
    "note_preimage": Anonymize<I82nfqfkd48n10>;
    /**
     * Clear an unrequested preimage from the runtime storage.
     *
     * If `len` is provided, then it will be a much cheaper operation.
     *
     * - `hash`: The hash of the preimage to be removed from the store.
     * - `len`: The length of the preimage of `hash`.
     */
    "unnote_preimage": Anonymize<I1jm8m1rh9e20v>;
    /**
     * Request a preimage be uploaded to the chain without paying any fees or deposits.
     *
     * If the preimage requests has already been provided on-chain, we unreserve any deposit
     * a user may have paid, and take the control of the preimage out of their hands.
     */
    "request_preimage": Anonymize<I1jm8m1rh9e20v>;
    /**
     * Clear a previously made request for a preimage.
     *
     * NOTE: THIS MUST NOT BE CALLED ON `hash` MORE TIMES THAN `request_preimage`.
     */
    "unrequest_preimage": Anonymize<I1jm8m1rh9e20v>;
    /**
     * Ensure that the bulk of pre-images is upgraded.
     *
     * The caller pays no fee if at least 90% of pre-images were successfully updated.
     */
    "ensure_updated": Anonymize<I3o5j3bli1pd8e>;
}>;
export type I82nfqfkd48n10 = {
    "bytes": Uint8Array;
};
export type I3o5j3bli1pd8e = {
    "hashes": Anonymize<Ic5m5lp1oioo8r>;
};
export type I37o9u1rk7qphu = AnonymousEnum<{
    /**
     * Register `data` under `key`, or replace the value of a key the caller owns.
     *
     * - Origin: signed.
     * - A new key holds a deposit for `key.len() + data.len()` bytes; an update re-prices
     * it, holding more or releasing the difference, and resets the pin status.
     * - Errors: `EmptyKey`, `KeyTooLong`, `EmptyValue`, `ValueTooLarge`, `InvalidUtf8`,
     * `InvalidJson`, `JsonNotObject`, `InvalidCid`, `IdentityCid`, `NotOwner`, or a
     * balance error when the deposit cannot be held.
     * - Events: `ModuleRegistered` or `ModuleUpdated`.
     * - Weight: the dearest of the six paths (new or updated, with or without a CID before
     * and after) is reserved; the path taken is charged.
     */
    "register_module": Anonymize<Iedl94euhq9deq>;
    /**
     * Remove a key the caller owns and release its deposit. A pending ownership offer is
     * withdrawn with it.
     *
     * - Origin: signed, the owner.
     * - Errors: `EmptyKey`, `KeyTooLong`, `NotFound`, `NotOwner`.
     * - Events: `ModuleRemoved`.
     */
    "remove_module": Anonymize<I9pf8ji3tn7abh>;
    /**
     * Offer a key the caller owns to `new_owner`. Nothing moves until `new_owner` accepts
     * with `accept_ownership`; the owner can withdraw the offer with
     * `cancel_ownership_offer`. A new offer replaces a pending one.
     *
     * - Origin: signed, the owner.
     * - The offer is for the current value: if the owner updates it, the offer can no
     * longer be accepted (`OfferOutdated`).
     * - Errors: `EmptyKey`, `KeyTooLong`, `NotFound`, `NotOwner`, `AlreadyOwner`.
     * - Events: `OwnershipOffered`.
     */
    "transfer_ownership": Anonymize<Iab849m5qcagqt>;
    /**
     * Remove any key, releasing its deposit to its owner.
     *
     * - Origin: [`Config::ForceOrigin`].
     * - Errors: `EmptyKey`, `KeyTooLong`, `NotFound`.
     * - Events: `ModuleForceRemoved`.
     */
    "force_remove_module": Anonymize<I9pf8ji3tn7abh>;
    /**
     * Record what a pinner found about an entry's CID.
     *
     * - Origin: none. Submitted by the off-chain worker as an unsigned transaction carrying
     * a payload signed by a pinner key; `validate_unsigned` checks the signer is in
     * [`Pinners`], the report is current, and the signature.
     * - `Verified` sets the status to `Verified { at, by }`. A conclusive failure
     * (`HashMismatch`, `Unsupported`) or a `Timeout` past `PinHorizon` sets the final
     * `Rejected`; any other failure is counted in `Failed` and retried.
     * - The report must name the attempt the chain expects next (its recorded failures) and
     * a block inside `ReportWindow`; so every copy of an applied report is stale.
     * - Errors: `NotFound`, `NotPinner`, `StaleReport`, `ReportNotNeeded`,
     * `ReportExpired`, `ReportTooEarly`.
     * - Events: `PinVerified` or `PinFailed`.
     */
    "report_pin_status": Anonymize<Inkee99hhhve8>;
    /**
     * Accept the ownership offer of `key` made to the caller.
     *
     * - Origin: signed, the account the offer names.
     * - The deposit for the entry is held from the caller first, then released to the old
     * owner; if the caller cannot afford it nothing changes.
     * - Errors: `EmptyKey`, `KeyTooLong`, `NotFound`, `NoOffer`, `NotOfferee`,
     * `OfferOutdated`, or a balance error.
     * - Events: `OwnershipTransferred`.
     */
    "accept_ownership": Anonymize<I9pf8ji3tn7abh>;
    /**
     * Withdraw the pending ownership offer of a key the caller owns.
     *
     * - Origin: signed, the owner.
     * - Errors: `EmptyKey`, `KeyTooLong`, `NotFound`, `NotOwner`, `NoOffer`.
     * - Events: `OwnershipOfferCancelled`.
     */
    "cancel_ownership_offer": Anonymize<I9pf8ji3tn7abh>;
    /**
     * Add `who` to the pinner set.
     *
     * - Origin: [`Config::ForceOrigin`].
     * - Errors: `AlreadyPinner`, `TooManyPinners`.
     * - Events: `PinnerAdded`.
     */
    "add_pinner": Anonymize<I4cbvqmqadhrea>;
    /**
     * Remove `who` from the pinner set.
     *
     * - Origin: [`Config::ForceOrigin`].
     * - Errors: `NotPinner`.
     * - Events: `PinnerRemoved`.
     */
    "remove_pinner": Anonymize<I4cbvqmqadhrea>;
    /**
     * Claim a free namespace, holding a deposit priced like an entry of its name plus the
     * record.
     *
     * - Origin: signed.
     * - Errors: `InvalidName`, `ReservedName` (a reserved or the open namespace),
     * `NamespaceTaken`, or a balance error.
     * - Events: `NamespaceClaimed`.
     */
    "claim_namespace": Anonymize<Ifr5aig9m2vkjf>;
    /**
     * Give an unclaimed namespace (reserved ones included) to `owner`, with no deposit.
     *
     * - Origin: [`Config::RegistryAdmin`].
     * - Errors: `InvalidName`, `ReservedName` (the open namespace), `NamespaceTaken`.
     * - Events: `NamespaceAssigned`.
     */
    "assign_namespace": Anonymize<I9ajaslal4k89p>;
    /**
     * Set or clear a namespace's `verified` flag.
     *
     * - Origin: [`Config::RegistryAdmin`].
     * - Errors: `InvalidName`, `UnknownNamespace`.
     * - Events: `NamespaceVerified`.
     */
    "set_namespace_verified": Anonymize<Iel604g1468nrj>;
    /**
     * Let `who` publish, yank, deprecate and set the status of packages in a namespace.
     *
     * - Origin: signed, the namespace owner.
     * - Errors: `InvalidName`, `UnknownNamespace`, `NotNamespaceOwner`,
     * `AlreadyMaintainer`, `TooManyMaintainers`.
     * - Events: `MaintainerAdded`.
     */
    "add_maintainer": Anonymize<Ienr6kq4o6mdf8>;
    /**
     * Take a maintainer's rights away.
     *
     * - Origin: signed, the namespace owner.
     * - Errors: `InvalidName`, `UnknownNamespace`, `NotNamespaceOwner`, `NotMaintainer`.
     * - Events: `MaintainerRemoved`.
     */
    "remove_maintainer": Anonymize<Ienr6kq4o6mdf8>;
    /**
     * Offer a namespace to `to`; nothing moves until `to` calls `accept_namespace`. A new
     * offer replaces a pending one. A namespace the admin assigned moves only with the
     * admin (`force_transfer_namespace`).
     *
     * - Origin: signed, the namespace owner.
     * - Errors: `InvalidName`, `UnknownNamespace`, `NotNamespaceOwner`, `AlreadyOwner`,
     * `AssignedNamespace`.
     * - Events: `NamespaceOffered`.
     */
    "transfer_namespace": Anonymize<Ib392niqki46bl>;
    /**
     * Accept a namespace offered to the caller. The claim deposit (if any) is held from the
     * caller first, then released to the old owner; the maintainer list and the `verified`
     * flag are cleared (the admin vouched for the old owner).
     *
     * - Origin: signed, the account the offer names.
     * - Errors: `InvalidName`, `UnknownNamespace`, `NoOffer`, `NotOfferee`,
     * `AssignedNamespace`, or a balance error.
     * - Events: `NamespaceTransferred`.
     */
    "accept_namespace": Anonymize<Ifr5aig9m2vkjf>;
    /**
     * Withdraw a pending namespace offer.
     *
     * - Origin: signed, the namespace owner.
     * - Errors: `InvalidName`, `UnknownNamespace`, `NotNamespaceOwner`, `NoOffer`.
     * - Events: `NamespaceOfferCancelled`.
     */
    "cancel_namespace_offer": Anonymize<Ifr5aig9m2vkjf>;
    /**
     * Create an empty package for `owner`: the only way to create one whose name has a
     * reserved prefix. The namespace owner and maintainers (in the open namespace,
     * `owner`) then publish to it.
     *
     * - Origin: [`Config::RegistryAdmin`].
     * - Errors: `InvalidName`, `UnknownNamespace`, `PackageExists`.
     * - Events: `PackageCreated`.
     */
    "create_package": Anonymize<I1g87i1krmvae9>;
    /**
     * Publish an immutable version of a package, creating the package on its first
     * publication.
     *
     * - Origin: signed: the namespace owner or a maintainer; in the open namespace anyone
     * for a new package, then only its first publisher.
     * - `name` is `ns/name` or `@ns/name`; `version` SemVer 2.0; `cid` the content's CID
     * as text; `checksum` the 32-byte SHA-256 of the content bytes; `size` their length;
     * `metadata` a JSON object (its `type` field sets a new package's module type).
     * - The version's document is stored as a sealed entry (see the crate docs), holding
     * the entry deposit from the caller; its CID is pinned like any entry's.
     * - Errors: `InvalidName`, `ReservedName`, `UnknownNamespace`, `NotMaintainer`,
     * `InvalidVersion`, `VersionExists`, `TooManyVersions`, `BadChecksumLength`,
     * `MetadataTooLarge`, `InvalidJson`, `JsonNotObject`, `InvalidModuleType`,
     * `BadDependencies`, `TooManyDependencies`, `UnknownDependency`, `InvalidCid`,
     * `IdentityCid`, `ValueTooLarge`, or a balance error.
     * - Dependencies: the metadata's `dependencies.modules` (at most `MaxDependencies`)
     * must each name a package that exists (or this package itself); the chain keeps them
     * in the version's document, immutable like the rest of it.
     * - Events: `PackageCreated` (first version), `ModuleRegistered`, `VersionPublished`.
     */
    "publish_version": Anonymize<I2nbun09n3v88s>;
    /**
     * Yank a version: range resolution skips it; an exact request still resolves it,
     * flagged `yanked`.
     *
     * - Origin: signed, a maintainer of the package.
     * - Errors: `InvalidName`, `InvalidVersion`, `UnknownPackage`, `UnknownVersion`,
     * `NotMaintainer`, `AlreadyYanked`.
     * - Events: `VersionYanked`.
     */
    "yank_version": Anonymize<I9ita085cok440>;
    /**
     * Undo a yank.
     *
     * - Origin: signed, a maintainer of the package.
     * - Errors: `InvalidName`, `InvalidVersion`, `UnknownPackage`, `UnknownVersion`,
     * `NotMaintainer`, `NotYanked`.
     * - Events: `VersionUnyanked`.
     */
    "unyank_version": Anonymize<I9ita085cok440>;
    /**
     * Deprecate a package (`version: None`) or one version, with an optional successor
     * (`ns/name@range`) and a reason. Deprecating again replaces the deprecation.
     *
     * - Origin: signed, a maintainer of the package.
     * - Errors: `InvalidName`, `InvalidVersion`, `UnknownPackage`, `UnknownVersion`,
     * `NotMaintainer`, `InvalidSuccessor`, `InvalidReason`.
     * - Events: `Deprecated`.
     */
    "deprecate": Anonymize<If5k739s7bdf97>;
    /**
     * Lift the deprecation of a package (`version: None`) or of one version.
     *
     * - Origin: signed, a maintainer of the package.
     * - Errors: `InvalidName`, `InvalidVersion`, `UnknownPackage`, `UnknownVersion`,
     * `NotMaintainer`, `NotDeprecated`.
     * - Events: `Undeprecated`.
     */
    "undeprecate": Anonymize<I4sfd865gtbgtv>;
    /**
     * Set a package's status: active, maintenance or inactive.
     *
     * - Origin: signed, a maintainer of the package.
     * - Errors: `InvalidName`, `UnknownPackage`, `NotMaintainer`.
     * - Events: `PackageStatusSet`.
     */
    "set_package_status": Anonymize<I3fpng9h9ltb43>;
    /**
     * Move a namespace to `to` for legal or safety reasons, or to move a namespace the admin
     * assigned. The old owner's claim deposit (if any) is returned and the namespace is then
     * held like an assigned one (no deposit); maintainers, a pending offer and `verified`
     * are cleared.
     *
     * - Origin: [`Config::RegistryAdmin`].
     * - Errors: `InvalidName`, `UnknownNamespace`, `AlreadyOwner`.
     * - Events: `NamespaceForceTransferred`.
     */
    "force_transfer_namespace": Anonymize<Ib392niqki46bl>;
    /**
     * Send an entry whose pinning is settled (`Verified`, `Rejected`, or given up) back to
     * the pinning worker, as if its value had just been set: for a verdict the admin has
     * reason to doubt (a faulty pinner, content that came back). The value, owner and
     * deposit are untouched; `updated` becomes the current block, so pin reports made
     * before this call no longer apply and a `Timeout` waits a full `PinHorizon` again.
     *
     * - Origin: [`Config::RegistryAdmin`].
     * - Errors: `NotFound`, `NothingToVerify`, `VerificationPending`.
     * - Events: `ReverificationRequested`.
     */
    "force_reverify": Anonymize<I9pf8ji3tn7abh>;
    /**
     * Give up a namespace that holds no packages: its maintainers and any pending offer are
     * cleared and the claim deposit is returned; anyone may claim the name again.
     *
     * - Origin: signed, the namespace owner.
     * - Errors: `InvalidName`, `UnknownNamespace`, `NotNamespaceOwner`,
     * `NamespaceNotEmpty`, `AssignedNamespace` (the admin's: it moves with
     * `force_transfer_namespace`).
     * - Events: `NamespaceReleased`.
     */
    "release_namespace": Anonymize<Ifr5aig9m2vkjf>;
    /**
     * Move a package of the open namespace to `to`, who alone may publish to it from now
     * on: the remedy for a lost key or a squatted name. Packages of claimed namespaces
     * move with their namespace.
     *
     * - Origin: [`Config::RegistryAdmin`].
     * - Errors: `InvalidName`, `UnknownPackage`, `NamespacedPackage`, `AlreadyOwner`.
     * - Events: `PackageForceTransferred`.
     */
    "force_transfer_package": Anonymize<Icbaqufbes3tg4>;
}>;
export type Iedl94euhq9deq = {
    "key": Uint8Array;
    "data": Uint8Array;
};
export type I9pf8ji3tn7abh = {
    "key": Uint8Array;
};
export type Iab849m5qcagqt = {
    "key": Uint8Array;
    "new_owner": SS58String;
};
export type Inkee99hhhve8 = {
    "report": {
        "key": Uint8Array;
        "update_count": number;
        "attempt": number;
        "cid": Uint8Array;
        "outcome": Enum<{
            "Verified": undefined;
            "Failed": Anonymize<I33ukus11gusg1>;
        }>;
        "block_number": number;
        "public": Enum<{
            "Ed25519": SizedHex<32>;
            "Sr25519": SizedHex<32>;
            "Ecdsa": SizedHex<33>;
            "Eth": SizedHex<33>;
        }>;
    };
    "signature": Enum<{
        "Ed25519": SizedHex<64>;
        "Sr25519": SizedHex<64>;
        "Ecdsa": SizedHex<65>;
        "Eth": SizedHex<65>;
    }>;
};
export type Ifr5aig9m2vkjf = {
    "namespace": Uint8Array;
};
export type Ib392niqki46bl = {
    "namespace": Uint8Array;
    "to": SS58String;
};
export type I1g87i1krmvae9 = {
    "name": Uint8Array;
    "owner": SS58String;
    "module_type": Anonymize<I95nm1janfim0l>;
};
export type I2nbun09n3v88s = {
    "name": Uint8Array;
    "version": Uint8Array;
    "cid": Uint8Array;
    "checksum": Uint8Array;
    "size": bigint;
    "metadata": Uint8Array;
};
export type I9ita085cok440 = {
    "name": Uint8Array;
    "version": Uint8Array;
};
export type If5k739s7bdf97 = {
    "name": Uint8Array;
    "version"?: Anonymize<Iabpgqcjikia83>;
    "successor"?: Anonymize<Iabpgqcjikia83>;
    "reason": Uint8Array;
};
export type I4sfd865gtbgtv = {
    "name": Uint8Array;
    "version"?: Anonymize<Iabpgqcjikia83>;
};
export type I3fpng9h9ltb43 = {
    "name": Uint8Array;
    "status": Anonymize<Ieg1iee3q68om6>;
};
export type Icbaqufbes3tg4 = {
    "name": Uint8Array;
    "to": SS58String;
};
export type Iaqet9jc3ihboe = {
    "header": Anonymize<Ic952bubvq4k7d>;
    "extrinsics": Anonymize<Itom7fk49o0c9>;
};
export type Ic952bubvq4k7d = {
    "parent_hash": SizedHex<32>;
    "number": number;
    "state_root": SizedHex<32>;
    "extrinsics_root": SizedHex<32>;
    "digest": Anonymize<I4mddgoa69c0a2>;
};
export type I2v50gu3s1aqk6 = AnonymousEnum<{
    "AllExtrinsics": undefined;
    "OnlyInherents": undefined;
}>;
export type Icgljjb6j82uhn = Array<number>;
export type I4gil44d08grh = {
    "prefix": SizedHex<16>;
    "suffix": SizedHex<16>;
};
export type I7u915mvkdsb08 = ResultPayload<Uint8Array, Enum<{
    "NotImplemented": undefined;
    "NotFound": Anonymize<I4gil44d08grh>;
    "Codec": undefined;
}>>;
export type I7h1nfupkbsd2a = ResultPayload<Anonymize<I9fb4e9qgp25kf>, Anonymize<I5nrjkj9qumobs>>;
export type I5nrjkj9qumobs = AnonymousEnum<{
    "Invalid": Enum<{
        "Call": undefined;
        "Payment": undefined;
        "Future": undefined;
        "Stale": undefined;
        "BadProof": undefined;
        "AncientBirthBlock": undefined;
        "ExhaustsResources": undefined;
        "Custom": number;
        "BadMandatory": undefined;
        "MandatoryValidation": undefined;
        "BadSigner": undefined;
        "IndeterminateImplicit": undefined;
        "UnknownOrigin": undefined;
    }>;
    "Unknown": TransactionValidityUnknownTransaction;
}>;
export type TransactionValidityUnknownTransaction = Enum<{
    "CannotLookup": undefined;
    "NoUnsignedValidator": undefined;
    "Custom": number;
}>;
export declare const TransactionValidityUnknownTransaction: GetEnum<TransactionValidityUnknownTransaction>;
export type If7uv525tdvv7a = Array<[SizedHex<8>, Uint8Array]>;
export type I2an1fs2eiebjp = {
    "okay": boolean;
    "fatal_error": boolean;
    "errors": Anonymize<If7uv525tdvv7a>;
};
export type TransactionValidityTransactionSource = Enum<{
    "InBlock": undefined;
    "Local": undefined;
    "External": undefined;
}>;
export declare const TransactionValidityTransactionSource: GetEnum<TransactionValidityTransactionSource>;
export type I9ask1o4tfvcvs = ResultPayload<{
    "priority": bigint;
    "requires": Anonymize<Itom7fk49o0c9>;
    "provides": Anonymize<Itom7fk49o0c9>;
    "longevity": bigint;
    "propagate": boolean;
}, Anonymize<I5nrjkj9qumobs>>;
export type I4ph3d1eepnmr1 = {
    "keys": Uint8Array;
    "proof": Uint8Array;
};
export type Icerf8h8pdu8ss = (Array<[Uint8Array, SizedHex<4>]>) | undefined;
export type I6spmpef2c7svf = {
    "weight": Anonymize<I4q39t5hn830vp>;
    "class": DispatchClass;
    "partial_fee": bigint;
};
export type Iei2mvq0mjvt81 = {
    "inclusion_fee"?: ({
        "base_fee": bigint;
        "len_fee": bigint;
        "adjusted_weight_fee": bigint;
    }) | undefined;
    "tip": bigint;
};
export type Ic64d1pmbcgp4e = AnonymousEnum<{
    "System": Anonymize<Iekve0i6djpd9f>;
    "Timestamp": Anonymize<I7d75gqfg6jh9c>;
    "Grandpa": Anonymize<Ibck9ekr2i96uj>;
    "Balances": Anonymize<I9svldsp29mh87>;
    "Sudo": Anonymize<Ifvq7sgvi7o613>;
    "Preimage": Anonymize<If81ks88t5mpk5>;
    "ModuleRegistry": Anonymize<I37o9u1rk7qphu>;
}>;
export type Ia2jf7t05pkd8s = (Anonymize<I7nn69jf2i5men>) | undefined;
export type Ieinljbi9nlii6 = ResultPayload<Array<[Uint8Array, Anonymize<I7nn69jf2i5men>]>, Enum<{
    "StartAfterTooLong": undefined;
}>>;
export type Idq4v486p8tn37 = (Anonymize<Ic6oh1ospoikg7>) | undefined;
export type I7q6dv8ofruevf = ResultPayload<(Anonymize<Ie6biklpsphan5>) | undefined, Anonymize<I4rad3dgp7sc5n>>;
export type Ie6biklpsphan5 = {
    "package": Uint8Array;
    "record": Anonymize<I5ooth7b527cfv>;
    "cid": Uint8Array;
    "entry_key": Uint8Array;
    "pin_status": Anonymize<Ibq7b9v1g0glha>;
    "deprecation"?: Anonymize<Idu5gra84ufg09>;
};
export type I4rad3dgp7sc5n = AnonymousEnum<{
    "BadName": undefined;
    "BadRange": undefined;
}>;
export type I9d4ji80mijtn4 = ResultPayload<Array<Anonymize<Ie6biklpsphan5>>, Anonymize<I4rad3dgp7sc5n>>;
export type Iduo2vv2e26f2b = ResultPayload<(Anonymize<Ie8b4vls447ot1>) | undefined, Anonymize<I4rad3dgp7sc5n>>;
export type Ie8b4vls447ot1 = {
    "package": Uint8Array;
    "info": Anonymize<I5as9vgkd1oho5>;
    "maintainers": Anonymize<Ia2lhg7l2hilo3>;
    "latest"?: Anonymize<Iabpgqcjikia83>;
    "verified": boolean;
};
export type If01jnqulqrru1 = ResultPayload<Array<Anonymize<Ie8b4vls447ot1>>, Anonymize<I4rad3dgp7sc5n>>;
export type Iauvorc43f6blb = ResultPayload<({
    "namespace": Uint8Array;
    "info"?: (Anonymize<Ich9k8jluesn8b>) | undefined;
    "maintainers": Anonymize<Ia2lhg7l2hilo3>;
    "offered_to"?: Anonymize<Ihfphjolmsqq1>;
    "open": boolean;
}) | undefined, Anonymize<I4rad3dgp7sc5n>>;
export type Ie9sr1iqcg3cgm = ResultPayload<undefined, string>;
export type I1mqgk2tmnn9i2 = (string) | undefined;
export type I6lr8sctk0bi4e = Array<string>;
export {};
