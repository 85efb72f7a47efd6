import { StorageDescriptor, PlainDescriptor, TxDescriptor, RuntimeDescriptor, Enum, ApisFromDef, QueryFromPalletsDef, TxFromPalletsDef, EventsFromPalletsDef, ErrorsFromPalletsDef, ConstFromPalletsDef, ViewFnsFromPalletsDef, SS58String, SizedHex, FixedSizeArray } from "polkadot-api";
import type { I5sesotjlssv2d, Iffmde3ekjedi9, I4mddgoa69c0a2, I54eogqir3am6a, I95g6i7ilua7lq, Ieniouoqkq4icf, Phase, Ibgl04rn6nbfm6, I4q39t5hn830vp, Ic5m5lp1oioo8r, GrandpaStoredState, I7pe2me3i3vtn9, I9jd27rnpm8ttv, I3geksg000c171, I1q8tnt1cluu5j, I8ds64oj6581v0, Ia7pdug7cdsg8g, I502n21815m7g7, I9bin2jc70qt6q, TransactionPaymentReleases, PreimageOldRequestStatus, PreimageRequestStatus, I4pact7n2e9a0i, I4eu9vqki5tdjm, Ic6oh1ospoikg7, Ich9k8jluesn8b, I4p8l84tk038s, I5as9vgkd1oho5, Idkbvh6dahk1v7, I5ooth7b527cfv, I4si96ncpv5kgs, Ib3knhckkmgsj, Ibufagrrmuegb0, Ia2lhg7l2hilo3, In7a38730s6qs, Ibtil0ss5munbk, I9s0ave7t0vnrk, I4fo08joqmcqnm, I8ofcg5rbj0g2c, I4adgbll7gku4i, I6pjjpfvhvcfru, I9pj91mj79qekl, I39uah9nss64h9, Ik64dknsq7k08, Ib51vk42m1po4n, Idcr6u6361oad9, I3a5kuu5t5jj3g, I2hviml3snvhhn, I4ktuaksf5i1gk, I9bqtpv2ii35mp, I9j7pagd6d4bda, I2h9pmio37r7fb, Ibmr18suc9ikh9, I9iq22t0burs89, I5u8olqbbvfnvf, I5utcetro501ir, Ifjpuf8eev7eb0, I2u4splhhh4ts1, I8k3rnvpeeh4hv, I6t6e70imimt5l, I82nfqfkd48n10, I1jm8m1rh9e20v, I3o5j3bli1pd8e, Iedl94euhq9deq, I9pf8ji3tn7abh, Iab849m5qcagqt, Inkee99hhhve8, I4cbvqmqadhrea, Ifr5aig9m2vkjf, I9ajaslal4k89p, Iel604g1468nrj, Ienr6kq4o6mdf8, Ib392niqki46bl, I1g87i1krmvae9, I2nbun09n3v88s, I9ita085cok440, If5k739s7bdf97, I4sfd865gtbgtv, I3fpng9h9ltb43, Icbaqufbes3tg4, Ia82mnkmeo2rhc, Idn1fcbgo3pped, Icbccs0ug47ilf, I855j4i3kr8ko1, Idirc1lqob49kd, I5768ac424h061, Icv68aq8841478, Ic262ibdoec56a, Iflcfm9b6nlmdd, Ijrsf4mnp3eka, Id5fm4p8lj5qgi, I8tjvj9uq4b7hi, I3qt1hgg4djhgb, I4fooe9dun9o0t, I5iefk1r8ucu3d, Ifnkn053neb42f, Ie9dqmc4irvl5g, Iph9c4rn81ub2, Ier2cke86dqbr2, Ibhbsd1mp4uat0, I5rtkmhm2dng4u, I804ch2hkdol1d, I55er3kka9erlk, I60f84grjb9v39, I8bbtgqc0g0jv4, I6rqgmuomq42eg, Iboa8adgnuuuaq, I4r2k36bdrbl00, I7ass86blamist, Ic6hjctrmipd77, I50mk7sn12gtl7, I6ff7mlknkhe0u, Ieoeon8f6e07r0, I4362n2kni47op, Icccvlnqfjn3g4, I30mo878vefnpr, I1idngl74p6tpq, I32sphb7ac0idm, I6k694b83of16b, Id2q24cc70kd9, Iaqet9jc3ihboe, Ic952bubvq4k7d, I2v50gu3s1aqk6, Iabpgqcjikia83, Icgljjb6j82uhn, I4gil44d08grh, I7u915mvkdsb08, I7h1nfupkbsd2a, If7uv525tdvv7a, Itom7fk49o0c9, I2an1fs2eiebjp, TransactionValidityTransactionSource, I9ask1o4tfvcvs, I4ph3d1eepnmr1, Icerf8h8pdu8ss, I9puqgoda8ofk4, I6spmpef2c7svf, Iei2mvq0mjvt81, Ic64d1pmbcgp4e, Ia2jf7t05pkd8s, Ieinljbi9nlii6, Idq4v486p8tn37, I7q6dv8ofruevf, I9d4ji80mijtn4, Iduo2vv2e26f2b, If01jnqulqrru1, Iauvorc43f6blb, Ie9sr1iqcg3cgm, I1mqgk2tmnn9i2, I6lr8sctk0bi4e, I389s3pjm4l7pc } from "./common-types";
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
type IStorage = {
    System: {
        /**
         * The full account information for a particular account ID.
         */
        Account: StorageDescriptor<[Key: SS58String], Anonymize<I5sesotjlssv2d>, false, never>;
        /**
         * Total extrinsics count for the current block.
         */
        ExtrinsicCount: StorageDescriptor<[], number, true, never>;
        /**
         * Whether all inherents have been applied.
         */
        InherentsApplied: StorageDescriptor<[], boolean, false, never>;
        /**
         * The current weight for the block.
         */
        BlockWeight: StorageDescriptor<[], Anonymize<Iffmde3ekjedi9>, false, never>;
        /**
         * Total size (in bytes) of the current block.
         *
         * Tracks the size of the header and all extrinsics.
         */
        BlockSize: StorageDescriptor<[], number, true, never>;
        /**
         * Map of block numbers to block hashes.
         */
        BlockHash: StorageDescriptor<[Key: number], SizedHex<32>, false, never>;
        /**
         * Extrinsics data for the current block (maps an extrinsic's index to its data).
         */
        ExtrinsicData: StorageDescriptor<[Key: number], Uint8Array, false, never>;
        /**
         * The current block number being processed. Set by `execute_block`.
         */
        Number: StorageDescriptor<[], number, false, never>;
        /**
         * Hash of the previous block.
         */
        ParentHash: StorageDescriptor<[], SizedHex<32>, false, never>;
        /**
         * Digest of the current block, also part of the block header.
         */
        Digest: StorageDescriptor<[], Anonymize<I4mddgoa69c0a2>, false, never>;
        /**
         * Events deposited for the current block.
         *
         * NOTE: The item is unbound and should therefore never be read on chain.
         * It could otherwise inflate the PoV size of a block.
         *
         * Events have a large in-memory size. Box the events to not go out-of-memory
         * just in case someone still reads them from within the runtime.
         */
        Events: StorageDescriptor<[], Anonymize<I54eogqir3am6a>, false, never>;
        /**
         * The number of events in the `Events<T>` list.
         */
        EventCount: StorageDescriptor<[], number, false, never>;
        /**
         * Mapping between a topic (represented by T::Hash) and a vector of indexes
         * of events in the `<Events<T>>` list.
         *
         * All topic vectors have deterministic storage locations depending on the topic. This
         * allows light-clients to leverage the changes trie storage tracking mechanism and
         * in case of changes fetch the list of events of interest.
         *
         * The value has the type `(BlockNumberFor<T>, EventIndex)` because if we used only just
         * the `EventIndex` then in case if the topic has the same contents on the next block
         * no notification will be triggered thus the event might be lost.
         */
        EventTopics: StorageDescriptor<[Key: SizedHex<32>], Anonymize<I95g6i7ilua7lq>, false, never>;
        /**
         * Stores the `spec_version` and `spec_name` of when the last runtime upgrade happened.
         */
        LastRuntimeUpgrade: StorageDescriptor<[], Anonymize<Ieniouoqkq4icf>, true, never>;
        /**
         * Number of blocks till the pending code upgrade is applied.
         */
        BlocksTillUpgrade: StorageDescriptor<[], number, true, never>;
        /**
         * True if we have upgraded so that `type RefCount` is `u32`. False (default) if not.
         */
        UpgradedToU32RefCount: StorageDescriptor<[], boolean, false, never>;
        /**
         * True if we have upgraded so that AccountInfo contains three types of `RefCount`. False
         * (default) if not.
         */
        UpgradedToTripleRefCount: StorageDescriptor<[], boolean, false, never>;
        /**
         * The execution phase of the block.
         */
        ExecutionPhase: StorageDescriptor<[], Phase, true, never>;
        /**
         * `Some` if a code upgrade has been authorized.
         */
        AuthorizedUpgrade: StorageDescriptor<[], Anonymize<Ibgl04rn6nbfm6>, true, never>;
        /**
         * The weight reclaimed for the extrinsic.
         *
         * This information is available until the end of the extrinsic execution.
         * More precisely this information is removed in `note_applied_extrinsic`.
         *
         * Logic doing some post dispatch weight reduction must update this storage to avoid duplicate
         * reduction.
         */
        ExtrinsicWeightReclaimed: StorageDescriptor<[], Anonymize<I4q39t5hn830vp>, false, never>;
    };
    Timestamp: {
        /**
         * The current time for the current block.
         */
        Now: StorageDescriptor<[], bigint, false, never>;
        /**
         * Whether the timestamp has been updated in this block.
         *
         * This value is updated to `true` upon successful submission of a timestamp by a node.
         * It is then checked at the end of each block execution in the `on_finalize` hook.
         */
        DidUpdate: StorageDescriptor<[], boolean, false, never>;
    };
    Aura: {
        /**
         * The current authority set.
         */
        Authorities: StorageDescriptor<[], Anonymize<Ic5m5lp1oioo8r>, false, never>;
        /**
         * The current slot of this block.
         *
         * This will be set in `on_initialize`.
         */
        CurrentSlot: StorageDescriptor<[], bigint, false, never>;
    };
    Grandpa: {
        /**
         * State of the current authority set.
         */
        State: StorageDescriptor<[], GrandpaStoredState, false, never>;
        /**
         * Pending change: (signaled at, scheduled change).
         */
        PendingChange: StorageDescriptor<[], Anonymize<I7pe2me3i3vtn9>, true, never>;
        /**
         * next block number where we can force a change.
         */
        NextForced: StorageDescriptor<[], number, true, never>;
        /**
         * `true` if we are currently stalled.
         */
        Stalled: StorageDescriptor<[], Anonymize<I9jd27rnpm8ttv>, true, never>;
        /**
         * The number of changes (both in terms of keys and underlying economic responsibilities)
         * in the "set" of Grandpa validators from genesis.
         */
        CurrentSetId: StorageDescriptor<[], bigint, false, never>;
        /**
         * A mapping from grandpa set ID to the index of the *most recent* session for which its
         * members were responsible.
         *
         * This is only used for validating equivocation proofs. An equivocation proof must
         * contains a key-ownership proof for a given session, therefore we need a way to tie
         * together sessions and GRANDPA set ids, i.e. we need to validate that a validator
         * was the owner of a given key on a given session, and what the active set ID was
         * during that session.
         *
         * TWOX-NOTE: `SetId` is not under user control.
         */
        SetIdSession: StorageDescriptor<[Key: bigint], number, true, never>;
        /**
         * The current list of authorities.
         */
        Authorities: StorageDescriptor<[], Anonymize<I3geksg000c171>, false, never>;
    };
    Balances: {
        /**
         * The total units issued in the system.
         */
        TotalIssuance: StorageDescriptor<[], bigint, false, never>;
        /**
         * The total units of outstanding deactivated balance in the system.
         *
         * This is not guaranteed to be less than or equal to [`TotalIssuance`]. Total issuance may be
         * reduced independently of this value, including while a reversible imbalance is outstanding.
         * Active issuance is therefore derived using saturating subtraction.
         */
        InactiveIssuance: StorageDescriptor<[], bigint, false, never>;
        /**
         * The Balances pallet example of storing the balance of an account.
         *
         * # Example
         *
         * ```nocompile
         * impl pallet_balances::Config for Runtime {
         * type AccountStore = StorageMapShim<Self::Account<Runtime>, frame_system::Provider<Runtime>, AccountId, Self::AccountData<Balance>>
         * }
         * ```
         *
         * You can also store the balance of an account in the `System` pallet.
         *
         * # Example
         *
         * ```nocompile
         * impl pallet_balances::Config for Runtime {
         * type AccountStore = System
         * }
         * ```
         *
         * But this comes with tradeoffs, storing account balances in the system pallet stores
         * `frame_system` data alongside the account data contrary to storing account balances in the
         * `Balances` pallet, which uses a `StorageMap` to store balances data only.
         * NOTE: This is only used in the case that this pallet is used to store balances.
         */
        Account: StorageDescriptor<[Key: SS58String], Anonymize<I1q8tnt1cluu5j>, false, never>;
        /**
         * Any liquidity locks on some account balances.
         * NOTE: Should only be accessed when setting, changing and freeing a lock.
         *
         * Use of locks is deprecated in favour of freezes. See `https://github.com/paritytech/substrate/pull/12951/`
         */
        Locks: StorageDescriptor<[Key: SS58String], Anonymize<I8ds64oj6581v0>, false, never>;
        /**
         * Named reserves on some account balances.
         *
         * Use of reserves is deprecated in favour of holds. See `https://github.com/paritytech/substrate/pull/12951/`
         */
        Reserves: StorageDescriptor<[Key: SS58String], Anonymize<Ia7pdug7cdsg8g>, false, never>;
        /**
         * Holds on account balances.
         */
        Holds: StorageDescriptor<[Key: SS58String], Anonymize<I502n21815m7g7>, false, never>;
        /**
         * Freeze locks on account balances.
         */
        Freezes: StorageDescriptor<[Key: SS58String], Anonymize<I9bin2jc70qt6q>, false, never>;
    };
    TransactionPayment: {
        /**
        
         */
        NextFeeMultiplier: StorageDescriptor<[], bigint, false, never>;
        /**
        
         */
        StorageVersion: StorageDescriptor<[], TransactionPaymentReleases, false, never>;
        /**
         * The `OnChargeTransaction` stores the withdrawn tx fee here.
         *
         * Use `withdraw_txfee` and `remaining_txfee` to access from outside the crate.
         */
        TxPaymentCredit: StorageDescriptor<[], bigint, true, never>;
    };
    Sudo: {
        /**
         * The `AccountId` of the sudo key.
         */
        Key: StorageDescriptor<[], SS58String, true, never>;
    };
    Preimage: {
        /**
         * The request status of a given hash.
         */
        StatusFor: StorageDescriptor<[Key: SizedHex<32>], PreimageOldRequestStatus, true, never>;
        /**
         * The request status of a given hash.
         */
        RequestStatusFor: StorageDescriptor<[Key: SizedHex<32>], PreimageRequestStatus, true, never>;
        /**
        
         */
        PreimageFor: StorageDescriptor<[Key: Anonymize<I4pact7n2e9a0i>], Uint8Array, true, never>;
    };
    ModuleRegistry: {
        /**
         * The registry: key to the value bytes exactly as submitted.
         */
        ModuleRegistry: StorageDescriptor<[Key: Uint8Array], Uint8Array, true, never>;
        /**
         * Per key: the entry's record, [`ModuleInfo`] (owner, deposit, blocks, counters, kind, CID
         * and pin status), the value's hash and the deposit ticket.
         */
        Modules: StorageDescriptor<[Key: Uint8Array], Anonymize<I4eu9vqki5tdjm>, true, never>;
        /**
         * Keys whose CID waits for the off-chain worker (`Pending`, or `Failed` with retries left).
         * It is an index of the records whose CID is open, kept so the worker does not scan every
         * entry; entries without a CID never touch it.
         */
        PendingPins: StorageDescriptor<[Key: Uint8Array], null, true, never>;
        /**
         * How many entries refer to each CID. A CID is unpinned when its count drops to zero.
         */
        CidRefs: StorageDescriptor<[Key: Uint8Array], number, false, never>;
        /**
         * Per key: the ownership offer waiting for its recipient (`transfer_ownership`).
         */
        TransferOffers: StorageDescriptor<[Key: Uint8Array], Anonymize<Ic6oh1ospoikg7>, true, never>;
        /**
         * Claimed and assigned namespaces.
         */
        Namespaces: StorageDescriptor<[Key: Uint8Array], Anonymize<Ich9k8jluesn8b>, true, never>;
        /**
         * Per namespace: the deposit ticket of its claim (none for assigned namespaces).
         */
        NamespaceDeposits: StorageDescriptor<[Key: Uint8Array], bigint, true, never>;
        /**
         * Per namespace: its maintainers besides the owner.
         */
        Maintainers: StorageDescriptor<Anonymize<I4p8l84tk038s>, null, true, never>;
        /**
         * Per namespace: the account it is offered to (`transfer_namespace`).
         */
        NamespaceOffers: StorageDescriptor<[Key: Uint8Array], SS58String, true, never>;
        /**
         * Packages, by namespace and name.
         */
        Packages: StorageDescriptor<[Key: Anonymize<Idkbvh6dahk1v7>], Anonymize<I5as9vgkd1oho5>, true, never>;
        /**
         * Published versions, by package and version text without build metadata.
         */
        Versions: StorageDescriptor<Anonymize<I4si96ncpv5kgs>, Anonymize<I5ooth7b527cfv>, true, never>;
        /**
         * Every version of each package in ascending precedence: package, then the version's
         * [`OrderKey`] (under the `Identity` hasher, so the trie's order is precedence order), to
         * the version's identity (its key in [`Versions`]). `versions` pages through it, reading
         * only the page it returns.
         */
        VersionOrder: StorageDescriptor<Anonymize<Ib3knhckkmgsj>, Uint8Array, true, never>;
        /**
         * The versions resolution may pick (those not yanked), highest first: package, then
         * `(is a pre-release, the negated OrderKey)`, to the version's identity. `resolve` and
         * `latest` seek to the range's upper bound here and read one entry per search
         * ([`module_registry_primitives::order::resolve_indexed`]); yanking removes the row and
         * unyanking restores it.
         */
        LiveVersions: StorageDescriptor<Anonymize<Ibufagrrmuegb0>, Uint8Array, true, never>;
        /**
         * The entries that hold published versions (sealed): entry key to package and version.
         */
        VersionEntries: StorageDescriptor<[Key: Uint8Array], Anonymize<I4si96ncpv5kgs>, true, never>;
        /**
         * The accounts whose signed pin reports are accepted. Managed by `ForceOrigin`.
         */
        Pinners: StorageDescriptor<[], Anonymize<Ia2lhg7l2hilo3>, false, never>;
        /**
         * How many pin reports of each pinner the current block has applied: `(block, count)`.
         * Reports are free and of top priority, so a pinner may have at most
         * [`Pallet::max_reports_per_block`] applied per block; the rest wait in the pool for a later
         * block. At most one row per pinner (`MaxPinners`); `remove_pinner` removes it.
         */
        ReportsInBlock: StorageDescriptor<[Key: SS58String], Anonymize<I9jd27rnpm8ttv>, true, never>;
    };
};
type ICalls = {
    System: {
        /**
         * Make some on-chain remark.
         *
         * Can be executed by every `origin`.
         */
        remark: TxDescriptor<Anonymize<I8ofcg5rbj0g2c>>;
        /**
         * Set the number of pages in the WebAssembly environment's heap.
         */
        set_heap_pages: TxDescriptor<Anonymize<I4adgbll7gku4i>>;
        /**
         * Set the new runtime code.
         */
        set_code: TxDescriptor<Anonymize<I6pjjpfvhvcfru>>;
        /**
         * Set the new runtime code without doing any checks of the given `code`.
         *
         * Note that runtime upgrades will not run if this is called with a not-increasing spec
         * version!
         */
        set_code_without_checks: TxDescriptor<Anonymize<I6pjjpfvhvcfru>>;
        /**
         * Set some items of storage.
         */
        set_storage: TxDescriptor<Anonymize<I9pj91mj79qekl>>;
        /**
         * Kill some items from storage.
         */
        kill_storage: TxDescriptor<Anonymize<I39uah9nss64h9>>;
        /**
         * Kill all storage items with a key that starts with the given prefix.
         *
         * **NOTE:** We rely on the Root origin to provide us the number of subkeys under
         * the prefix we are removing to accurately calculate the weight of this function.
         */
        kill_prefix: TxDescriptor<Anonymize<Ik64dknsq7k08>>;
        /**
         * Make some on-chain remark and emit event.
         */
        remark_with_event: TxDescriptor<Anonymize<I8ofcg5rbj0g2c>>;
        /**
         * Authorize an upgrade to a given `code_hash` for the runtime. The runtime can be supplied
         * later.
         *
         * This call requires Root origin.
         */
        authorize_upgrade: TxDescriptor<Anonymize<Ib51vk42m1po4n>>;
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
        authorize_upgrade_without_checks: TxDescriptor<Anonymize<Ib51vk42m1po4n>>;
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
        apply_authorized_upgrade: TxDescriptor<Anonymize<I6pjjpfvhvcfru>>;
    };
    Timestamp: {
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
        set: TxDescriptor<Anonymize<Idcr6u6361oad9>>;
    };
    Grandpa: {
        /**
         * Report voter equivocation/misbehavior. This method will verify the
         * equivocation proof and validate the given key ownership proof
         * against the extracted offender. If both are valid, the offence
         * will be reported.
         */
        report_equivocation: TxDescriptor<Anonymize<I3a5kuu5t5jj3g>>;
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
        report_equivocation_unsigned: TxDescriptor<Anonymize<I3a5kuu5t5jj3g>>;
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
        note_stalled: TxDescriptor<Anonymize<I2hviml3snvhhn>>;
    };
    Balances: {
        /**
         * Transfer some liquid free balance to another account.
         *
         * `transfer_allow_death` will set the `FreeBalance` of the sender and receiver.
         * If the sender's account is below the existential deposit as a result
         * of the transfer, the account will be reaped.
         *
         * The dispatch origin for this call must be `Signed` by the transactor.
         */
        transfer_allow_death: TxDescriptor<Anonymize<I4ktuaksf5i1gk>>;
        /**
         * Exactly as `transfer_allow_death`, except the origin must be root and the source account
         * may be specified.
         */
        force_transfer: TxDescriptor<Anonymize<I9bqtpv2ii35mp>>;
        /**
         * Same as the [`transfer_allow_death`] call, but with a check that the transfer will not
         * kill the origin account.
         *
         * 99% of the time you want [`transfer_allow_death`] instead.
         *
         * [`transfer_allow_death`]: struct.Pallet.html#method.transfer
         */
        transfer_keep_alive: TxDescriptor<Anonymize<I4ktuaksf5i1gk>>;
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
        transfer_all: TxDescriptor<Anonymize<I9j7pagd6d4bda>>;
        /**
         * Unreserve some balance from a user by force.
         *
         * Can only be called by ROOT.
         */
        force_unreserve: TxDescriptor<Anonymize<I2h9pmio37r7fb>>;
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
        upgrade_accounts: TxDescriptor<Anonymize<Ibmr18suc9ikh9>>;
        /**
         * Set the regular balance of a given account.
         *
         * The dispatch origin for this call is `root`.
         */
        force_set_balance: TxDescriptor<Anonymize<I9iq22t0burs89>>;
        /**
         * Adjust the total issuance in a saturating way.
         *
         * Can only be called by root and always needs a positive `delta`.
         *
         * # Example
         */
        force_adjust_total_issuance: TxDescriptor<Anonymize<I5u8olqbbvfnvf>>;
        /**
         * Burn the specified liquid free balance from the origin account.
         *
         * If the origin's account ends up below the existential deposit as a result
         * of the burn and `keep_alive` is false, the account will be reaped.
         *
         * Unlike sending funds to a _burn_ address, which merely makes the funds inaccessible,
         * this `burn` operation will reduce total issuance by the amount _burned_.
         */
        burn: TxDescriptor<Anonymize<I5utcetro501ir>>;
    };
    Sudo: {
        /**
         * Authenticates the sudo key and dispatches a function call with `Root` origin.
         */
        sudo: TxDescriptor<Anonymize<Ifjpuf8eev7eb0>>;
        /**
         * Authenticates the sudo key and dispatches a function call with `Root` origin.
         * This function does not check the weight of the call, and instead allows the
         * Sudo user to specify the weight of the call.
         *
         * The dispatch origin for this call must be _Signed_.
         */
        sudo_unchecked_weight: TxDescriptor<Anonymize<I2u4splhhh4ts1>>;
        /**
         * Authenticates the current sudo key and sets the given AccountId (`new`) as the new sudo
         * key.
         */
        set_key: TxDescriptor<Anonymize<I8k3rnvpeeh4hv>>;
        /**
         * Authenticates the sudo key and dispatches a function call with `Signed` origin from
         * a given account.
         *
         * The dispatch origin for this call must be _Signed_.
         */
        sudo_as: TxDescriptor<Anonymize<I6t6e70imimt5l>>;
        /**
         * Permanently removes the sudo key.
         *
         * **This cannot be un-done.**
         */
        remove_key: TxDescriptor<undefined>;
    };
    Preimage: {
        /**
         * Register a preimage on-chain.
         *
         * If the preimage was previously requested, no fees or deposits are taken for providing
         * the preimage. Otherwise, a deposit is taken proportional to the size of the preimage.
         */
        note_preimage: TxDescriptor<Anonymize<I82nfqfkd48n10>>;
        /**
         * Clear an unrequested preimage from the runtime storage.
         *
         * If `len` is provided, then it will be a much cheaper operation.
         *
         * - `hash`: The hash of the preimage to be removed from the store.
         * - `len`: The length of the preimage of `hash`.
         */
        unnote_preimage: TxDescriptor<Anonymize<I1jm8m1rh9e20v>>;
        /**
         * Request a preimage be uploaded to the chain without paying any fees or deposits.
         *
         * If the preimage requests has already been provided on-chain, we unreserve any deposit
         * a user may have paid, and take the control of the preimage out of their hands.
         */
        request_preimage: TxDescriptor<Anonymize<I1jm8m1rh9e20v>>;
        /**
         * Clear a previously made request for a preimage.
         *
         * NOTE: THIS MUST NOT BE CALLED ON `hash` MORE TIMES THAN `request_preimage`.
         */
        unrequest_preimage: TxDescriptor<Anonymize<I1jm8m1rh9e20v>>;
        /**
         * Ensure that the bulk of pre-images is upgraded.
         *
         * The caller pays no fee if at least 90% of pre-images were successfully updated.
         */
        ensure_updated: TxDescriptor<Anonymize<I3o5j3bli1pd8e>>;
    };
    ModuleRegistry: {
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
        register_module: TxDescriptor<Anonymize<Iedl94euhq9deq>>;
        /**
         * Remove a key the caller owns and release its deposit. A pending ownership offer is
         * withdrawn with it.
         *
         * - Origin: signed, the owner.
         * - Errors: `EmptyKey`, `KeyTooLong`, `NotFound`, `NotOwner`.
         * - Events: `ModuleRemoved`.
         */
        remove_module: TxDescriptor<Anonymize<I9pf8ji3tn7abh>>;
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
        transfer_ownership: TxDescriptor<Anonymize<Iab849m5qcagqt>>;
        /**
         * Remove any key, releasing its deposit to its owner.
         *
         * - Origin: [`Config::ForceOrigin`].
         * - Errors: `EmptyKey`, `KeyTooLong`, `NotFound`.
         * - Events: `ModuleForceRemoved`.
         */
        force_remove_module: TxDescriptor<Anonymize<I9pf8ji3tn7abh>>;
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
        report_pin_status: TxDescriptor<Anonymize<Inkee99hhhve8>>;
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
        accept_ownership: TxDescriptor<Anonymize<I9pf8ji3tn7abh>>;
        /**
         * Withdraw the pending ownership offer of a key the caller owns.
         *
         * - Origin: signed, the owner.
         * - Errors: `EmptyKey`, `KeyTooLong`, `NotFound`, `NotOwner`, `NoOffer`.
         * - Events: `OwnershipOfferCancelled`.
         */
        cancel_ownership_offer: TxDescriptor<Anonymize<I9pf8ji3tn7abh>>;
        /**
         * Add `who` to the pinner set.
         *
         * - Origin: [`Config::ForceOrigin`].
         * - Errors: `AlreadyPinner`, `TooManyPinners`.
         * - Events: `PinnerAdded`.
         */
        add_pinner: TxDescriptor<Anonymize<I4cbvqmqadhrea>>;
        /**
         * Remove `who` from the pinner set.
         *
         * - Origin: [`Config::ForceOrigin`].
         * - Errors: `NotPinner`.
         * - Events: `PinnerRemoved`.
         */
        remove_pinner: TxDescriptor<Anonymize<I4cbvqmqadhrea>>;
        /**
         * Claim a free namespace, holding a deposit priced like an entry of its name plus the
         * record.
         *
         * - Origin: signed.
         * - Errors: `InvalidName`, `ReservedName` (a reserved or the open namespace),
         * `NamespaceTaken`, or a balance error.
         * - Events: `NamespaceClaimed`.
         */
        claim_namespace: TxDescriptor<Anonymize<Ifr5aig9m2vkjf>>;
        /**
         * Give an unclaimed namespace (reserved ones included) to `owner`, with no deposit.
         *
         * - Origin: [`Config::RegistryAdmin`].
         * - Errors: `InvalidName`, `ReservedName` (the open namespace), `NamespaceTaken`.
         * - Events: `NamespaceAssigned`.
         */
        assign_namespace: TxDescriptor<Anonymize<I9ajaslal4k89p>>;
        /**
         * Set or clear a namespace's `verified` flag.
         *
         * - Origin: [`Config::RegistryAdmin`].
         * - Errors: `InvalidName`, `UnknownNamespace`.
         * - Events: `NamespaceVerified`.
         */
        set_namespace_verified: TxDescriptor<Anonymize<Iel604g1468nrj>>;
        /**
         * Let `who` publish, yank, deprecate and set the status of packages in a namespace.
         *
         * - Origin: signed, the namespace owner.
         * - Errors: `InvalidName`, `UnknownNamespace`, `NotNamespaceOwner`,
         * `AlreadyMaintainer`, `TooManyMaintainers`.
         * - Events: `MaintainerAdded`.
         */
        add_maintainer: TxDescriptor<Anonymize<Ienr6kq4o6mdf8>>;
        /**
         * Take a maintainer's rights away.
         *
         * - Origin: signed, the namespace owner.
         * - Errors: `InvalidName`, `UnknownNamespace`, `NotNamespaceOwner`, `NotMaintainer`.
         * - Events: `MaintainerRemoved`.
         */
        remove_maintainer: TxDescriptor<Anonymize<Ienr6kq4o6mdf8>>;
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
        transfer_namespace: TxDescriptor<Anonymize<Ib392niqki46bl>>;
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
        accept_namespace: TxDescriptor<Anonymize<Ifr5aig9m2vkjf>>;
        /**
         * Withdraw a pending namespace offer.
         *
         * - Origin: signed, the namespace owner.
         * - Errors: `InvalidName`, `UnknownNamespace`, `NotNamespaceOwner`, `NoOffer`.
         * - Events: `NamespaceOfferCancelled`.
         */
        cancel_namespace_offer: TxDescriptor<Anonymize<Ifr5aig9m2vkjf>>;
        /**
         * Create an empty package for `owner`: the only way to create one whose name has a
         * reserved prefix. The namespace owner and maintainers (in the open namespace,
         * `owner`) then publish to it.
         *
         * - Origin: [`Config::RegistryAdmin`].
         * - Errors: `InvalidName`, `UnknownNamespace`, `PackageExists`.
         * - Events: `PackageCreated`.
         */
        create_package: TxDescriptor<Anonymize<I1g87i1krmvae9>>;
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
        publish_version: TxDescriptor<Anonymize<I2nbun09n3v88s>>;
        /**
         * Yank a version: range resolution skips it; an exact request still resolves it,
         * flagged `yanked`.
         *
         * - Origin: signed, a maintainer of the package.
         * - Errors: `InvalidName`, `InvalidVersion`, `UnknownPackage`, `UnknownVersion`,
         * `NotMaintainer`, `AlreadyYanked`.
         * - Events: `VersionYanked`.
         */
        yank_version: TxDescriptor<Anonymize<I9ita085cok440>>;
        /**
         * Undo a yank.
         *
         * - Origin: signed, a maintainer of the package.
         * - Errors: `InvalidName`, `InvalidVersion`, `UnknownPackage`, `UnknownVersion`,
         * `NotMaintainer`, `NotYanked`.
         * - Events: `VersionUnyanked`.
         */
        unyank_version: TxDescriptor<Anonymize<I9ita085cok440>>;
        /**
         * Deprecate a package (`version: None`) or one version, with an optional successor
         * (`ns/name@range`) and a reason. Deprecating again replaces the deprecation.
         *
         * - Origin: signed, a maintainer of the package.
         * - Errors: `InvalidName`, `InvalidVersion`, `UnknownPackage`, `UnknownVersion`,
         * `NotMaintainer`, `InvalidSuccessor`, `InvalidReason`.
         * - Events: `Deprecated`.
         */
        deprecate: TxDescriptor<Anonymize<If5k739s7bdf97>>;
        /**
         * Lift the deprecation of a package (`version: None`) or of one version.
         *
         * - Origin: signed, a maintainer of the package.
         * - Errors: `InvalidName`, `InvalidVersion`, `UnknownPackage`, `UnknownVersion`,
         * `NotMaintainer`, `NotDeprecated`.
         * - Events: `Undeprecated`.
         */
        undeprecate: TxDescriptor<Anonymize<I4sfd865gtbgtv>>;
        /**
         * Set a package's status: active, maintenance or inactive.
         *
         * - Origin: signed, a maintainer of the package.
         * - Errors: `InvalidName`, `UnknownPackage`, `NotMaintainer`.
         * - Events: `PackageStatusSet`.
         */
        set_package_status: TxDescriptor<Anonymize<I3fpng9h9ltb43>>;
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
        force_transfer_namespace: TxDescriptor<Anonymize<Ib392niqki46bl>>;
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
        force_reverify: TxDescriptor<Anonymize<I9pf8ji3tn7abh>>;
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
        release_namespace: TxDescriptor<Anonymize<Ifr5aig9m2vkjf>>;
        /**
         * Move a package of the open namespace to `to`, who alone may publish to it from now
         * on: the remedy for a lost key or a squatted name. Packages of claimed namespaces
         * move with their namespace.
         *
         * - Origin: [`Config::RegistryAdmin`].
         * - Errors: `InvalidName`, `UnknownPackage`, `NamespacedPackage`, `AlreadyOwner`.
         * - Events: `PackageForceTransferred`.
         */
        force_transfer_package: TxDescriptor<Anonymize<Icbaqufbes3tg4>>;
    };
};
type IEvent = {
    System: {
        /**
         * An extrinsic completed successfully.
         */
        ExtrinsicSuccess: PlainDescriptor<Anonymize<Ia82mnkmeo2rhc>>;
        /**
         * An extrinsic failed.
         */
        ExtrinsicFailed: PlainDescriptor<Anonymize<Idn1fcbgo3pped>>;
        /**
         * `:code` was updated to the code with the given hash.
         */
        CodeUpdated: PlainDescriptor<Anonymize<I1jm8m1rh9e20v>>;
        /**
         * A new account was created.
         */
        NewAccount: PlainDescriptor<Anonymize<Icbccs0ug47ilf>>;
        /**
         * An account was reaped.
         */
        KilledAccount: PlainDescriptor<Anonymize<Icbccs0ug47ilf>>;
        /**
         * On on-chain remark happened.
         */
        Remarked: PlainDescriptor<Anonymize<I855j4i3kr8ko1>>;
        /**
         * An upgrade was authorized.
         */
        UpgradeAuthorized: PlainDescriptor<Anonymize<Ibgl04rn6nbfm6>>;
        /**
         * An invalid authorized upgrade was rejected while trying to apply it.
         */
        RejectedInvalidAuthorizedUpgrade: PlainDescriptor<Anonymize<Idirc1lqob49kd>>;
    };
    Grandpa: {
        /**
         * New authority set has been applied.
         */
        NewAuthorities: PlainDescriptor<Anonymize<I5768ac424h061>>;
        /**
         * Current authority set has been paused.
         */
        Paused: PlainDescriptor<undefined>;
        /**
         * Current authority set has been resumed.
         */
        Resumed: PlainDescriptor<undefined>;
    };
    Balances: {
        /**
         * An account was created with some free balance.
         */
        Endowed: PlainDescriptor<Anonymize<Icv68aq8841478>>;
        /**
         * An account was removed whose balance was non-zero but below ExistentialDeposit,
         * resulting in an outright loss.
         */
        DustLost: PlainDescriptor<Anonymize<Ic262ibdoec56a>>;
        /**
         * Transfer succeeded.
         */
        Transfer: PlainDescriptor<Anonymize<Iflcfm9b6nlmdd>>;
        /**
         * A balance was set by root.
         */
        BalanceSet: PlainDescriptor<Anonymize<Ijrsf4mnp3eka>>;
        /**
         * Some balance was reserved (moved from free to reserved).
         */
        Reserved: PlainDescriptor<Anonymize<Id5fm4p8lj5qgi>>;
        /**
         * Some balance was unreserved (moved from reserved to free).
         */
        Unreserved: PlainDescriptor<Anonymize<Id5fm4p8lj5qgi>>;
        /**
         * Some balance was moved from the reserve of the first account to the second account.
         * Final argument indicates the destination balance type.
         */
        ReserveRepatriated: PlainDescriptor<Anonymize<I8tjvj9uq4b7hi>>;
        /**
         * Some amount was deposited (e.g. for transaction fees).
         */
        Deposit: PlainDescriptor<Anonymize<Id5fm4p8lj5qgi>>;
        /**
         * Some amount was withdrawn from the account (e.g. for transaction fees).
         */
        Withdraw: PlainDescriptor<Anonymize<Id5fm4p8lj5qgi>>;
        /**
         * Some amount was removed from the account (e.g. for misbehavior).
         */
        Slashed: PlainDescriptor<Anonymize<Id5fm4p8lj5qgi>>;
        /**
         * Some amount was minted into an account.
         */
        Minted: PlainDescriptor<Anonymize<Id5fm4p8lj5qgi>>;
        /**
         * Some credit was balanced and added to the TotalIssuance.
         */
        MintedCredit: PlainDescriptor<Anonymize<I3qt1hgg4djhgb>>;
        /**
         * Some amount was burned from an account.
         */
        Burned: PlainDescriptor<Anonymize<Id5fm4p8lj5qgi>>;
        /**
         * Some debt has been dropped from the Total Issuance.
         */
        BurnedDebt: PlainDescriptor<Anonymize<I3qt1hgg4djhgb>>;
        /**
         * Some amount was suspended from an account (it can be restored later).
         */
        Suspended: PlainDescriptor<Anonymize<Id5fm4p8lj5qgi>>;
        /**
         * Some amount was restored into an account.
         */
        Restored: PlainDescriptor<Anonymize<Id5fm4p8lj5qgi>>;
        /**
         * An account was upgraded.
         */
        Upgraded: PlainDescriptor<Anonymize<I4cbvqmqadhrea>>;
        /**
         * Total issuance was increased by `amount`, creating a credit to be balanced.
         */
        Issued: PlainDescriptor<Anonymize<I3qt1hgg4djhgb>>;
        /**
         * Total issuance was decreased by `amount`, creating a debt to be balanced.
         */
        Rescinded: PlainDescriptor<Anonymize<I3qt1hgg4djhgb>>;
        /**
         * Some balance was locked.
         */
        Locked: PlainDescriptor<Anonymize<Id5fm4p8lj5qgi>>;
        /**
         * Some balance was unlocked.
         */
        Unlocked: PlainDescriptor<Anonymize<Id5fm4p8lj5qgi>>;
        /**
         * Some balance was frozen.
         */
        Frozen: PlainDescriptor<Anonymize<Id5fm4p8lj5qgi>>;
        /**
         * Some balance was thawed.
         */
        Thawed: PlainDescriptor<Anonymize<Id5fm4p8lj5qgi>>;
        /**
         * The `TotalIssuance` was forcefully changed.
         */
        TotalIssuanceForced: PlainDescriptor<Anonymize<I4fooe9dun9o0t>>;
        /**
         * Some balance was placed on hold.
         */
        Held: PlainDescriptor<Anonymize<I5iefk1r8ucu3d>>;
        /**
         * Held balance was burned from an account.
         */
        BurnedHeld: PlainDescriptor<Anonymize<I5iefk1r8ucu3d>>;
        /**
         * A transfer of `amount` on hold from `source` to `dest` was initiated.
         */
        TransferOnHold: PlainDescriptor<Anonymize<Ifnkn053neb42f>>;
        /**
         * The `transferred` balance is placed on hold at the `dest` account.
         */
        TransferAndHold: PlainDescriptor<Anonymize<Ie9dqmc4irvl5g>>;
        /**
         * Some balance was released from hold.
         */
        Released: PlainDescriptor<Anonymize<I5iefk1r8ucu3d>>;
        /**
         * An unexpected/defensive event was triggered.
         */
        Unexpected: PlainDescriptor<Anonymize<Iph9c4rn81ub2>>;
    };
    TransactionPayment: {
        /**
         * A transaction fee `actual_fee`, of which `tip` was added to the minimum inclusion fee,
         * has been paid by `who`.
         */
        TransactionFeePaid: PlainDescriptor<Anonymize<Ier2cke86dqbr2>>;
    };
    Sudo: {
        /**
         * A sudo call just took place.
         */
        Sudid: PlainDescriptor<Anonymize<Ibhbsd1mp4uat0>>;
        /**
         * The sudo key has been updated.
         */
        KeyChanged: PlainDescriptor<Anonymize<I5rtkmhm2dng4u>>;
        /**
         * The key was permanently removed.
         */
        KeyRemoved: PlainDescriptor<undefined>;
        /**
         * A [sudo_as](Pallet::sudo_as) call just took place.
         */
        SudoAsDone: PlainDescriptor<Anonymize<Ibhbsd1mp4uat0>>;
    };
    Preimage: {
        /**
         * A preimage has been noted.
         */
        Noted: PlainDescriptor<Anonymize<I1jm8m1rh9e20v>>;
        /**
         * A preimage has been requested.
         */
        Requested: PlainDescriptor<Anonymize<I1jm8m1rh9e20v>>;
        /**
         * A preimage has ben cleared.
         */
        Cleared: PlainDescriptor<Anonymize<I1jm8m1rh9e20v>>;
    };
    ModuleRegistry: {
        /**
         * A new key was registered.
         */
        ModuleRegistered: PlainDescriptor<Anonymize<I804ch2hkdol1d>>;
        /**
         * The owner replaced the value of a key.
         */
        ModuleUpdated: PlainDescriptor<Anonymize<I55er3kka9erlk>>;
        /**
         * The owner removed a key; its deposit was released. `value_hash` and `value_len` name
         * the value that was removed.
         */
        ModuleRemoved: PlainDescriptor<Anonymize<I60f84grjb9v39>>;
        /**
         * The owner offered a key to `to`, who may accept it with `accept_ownership`. The offer
         * is for the value named by `value_hash` and `value_len`.
         */
        OwnershipOffered: PlainDescriptor<Anonymize<I8bbtgqc0g0jv4>>;
        /**
         * The owner withdrew an ownership offer before it was accepted.
         */
        OwnershipOfferCancelled: PlainDescriptor<Anonymize<I6rqgmuomq42eg>>;
        /**
         * `to` accepted a key; the deposit is now held from `to` and was released to `from`.
         */
        OwnershipTransferred: PlainDescriptor<Anonymize<I8bbtgqc0g0jv4>>;
        /**
         * The privileged origin removed a key; its deposit was released to the owner.
         */
        ModuleForceRemoved: PlainDescriptor<Anonymize<I60f84grjb9v39>>;
        /**
         * A pinner pinned the entry's CID and checked its root block.
         */
        PinVerified: PlainDescriptor<Anonymize<Iboa8adgnuuuaq>>;
        /**
         * A pinner could not pin or check the entry's CID. `will_retry` is false when the
         * failure is final ([`PinStatus::Rejected`]).
         */
        PinFailed: PlainDescriptor<Anonymize<I4r2k36bdrbl00>>;
        /**
         * No entry refers to this CID any more; pinners unpin it.
         */
        CidUnreferenced: PlainDescriptor<Anonymize<I7ass86blamist>>;
        /**
         * An account joined the pinner set.
         */
        PinnerAdded: PlainDescriptor<Anonymize<I4cbvqmqadhrea>>;
        /**
         * An account left the pinner set.
         */
        PinnerRemoved: PlainDescriptor<Anonymize<I4cbvqmqadhrea>>;
        /**
         * An account claimed a namespace, holding `deposit`.
         */
        NamespaceClaimed: PlainDescriptor<Anonymize<Ic6hjctrmipd77>>;
        /**
         * The registry admin gave a namespace to `owner` (no deposit).
         */
        NamespaceAssigned: PlainDescriptor<Anonymize<I9ajaslal4k89p>>;
        /**
         * The registry admin set or cleared a namespace's `verified` flag.
         */
        NamespaceVerified: PlainDescriptor<Anonymize<Iel604g1468nrj>>;
        /**
         * The namespace owner added a maintainer.
         */
        MaintainerAdded: PlainDescriptor<Anonymize<Ienr6kq4o6mdf8>>;
        /**
         * The namespace owner removed a maintainer.
         */
        MaintainerRemoved: PlainDescriptor<Anonymize<Ienr6kq4o6mdf8>>;
        /**
         * The owner offered a namespace to `to`, who may accept it with `accept_namespace`.
         */
        NamespaceOffered: PlainDescriptor<Anonymize<I50mk7sn12gtl7>>;
        /**
         * The owner withdrew a namespace offer.
         */
        NamespaceOfferCancelled: PlainDescriptor<Anonymize<I6ff7mlknkhe0u>>;
        /**
         * `to` accepted a namespace; its maintainer list was cleared.
         */
        NamespaceTransferred: PlainDescriptor<Anonymize<I50mk7sn12gtl7>>;
        /**
         * A package was created, by its first publication or by the admin.
         */
        PackageCreated: PlainDescriptor<Anonymize<Ieoeon8f6e07r0>>;
        /**
         * A version was published. Its document is the entry under `entry_key`.
         */
        VersionPublished: PlainDescriptor<Anonymize<I4362n2kni47op>>;
        /**
         * A version was yanked: ranges skip it, an exact request still resolves it.
         */
        VersionYanked: PlainDescriptor<Anonymize<Icccvlnqfjn3g4>>;
        /**
         * A yanked version was restored.
         */
        VersionUnyanked: PlainDescriptor<Anonymize<Icccvlnqfjn3g4>>;
        /**
         * A package (`version: None`) or one version was deprecated.
         */
        Deprecated: PlainDescriptor<Anonymize<I30mo878vefnpr>>;
        /**
         * A deprecation was lifted.
         */
        Undeprecated: PlainDescriptor<Anonymize<I1idngl74p6tpq>>;
        /**
         * A maintainer set a package's status.
         */
        PackageStatusSet: PlainDescriptor<Anonymize<I32sphb7ac0idm>>;
        /**
         * The admin moved a namespace to `to`; its maintainers, offer, `verified` flag and
         * claim deposit (returned to `from`) were cleared.
         */
        NamespaceForceTransferred: PlainDescriptor<Anonymize<I50mk7sn12gtl7>>;
        /**
         * The admin sent an entry (a plain one or a version's) back to the pinning worker;
         * `previous` is the status it had.
         */
        ReverificationRequested: PlainDescriptor<Anonymize<I6k694b83of16b>>;
        /**
         * The owner gave up a namespace that held no packages; its claim deposit was returned.
         */
        NamespaceReleased: PlainDescriptor<Anonymize<Ic6hjctrmipd77>>;
        /**
         * The admin moved a package of the open namespace to `to`.
         */
        PackageForceTransferred: PlainDescriptor<Anonymize<Id2q24cc70kd9>>;
    };
};
type IError = {
    System: {
        /**
         * The name of specification does not match between the current runtime
         * and the new runtime.
         */
        InvalidSpecName: PlainDescriptor<undefined>;
        /**
         * The specification version is not allowed to decrease between the current runtime
         * and the new runtime.
         */
        SpecVersionNeedsToIncrease: PlainDescriptor<undefined>;
        /**
         * Failed to extract the runtime version from the new runtime.
         *
         * Either calling `Core_version` or decoding `RuntimeVersion` failed.
         */
        FailedToExtractRuntimeVersion: PlainDescriptor<undefined>;
        /**
         * Suicide called when the account has non-default composite data.
         */
        NonDefaultComposite: PlainDescriptor<undefined>;
        /**
         * There is a non-zero reference count preventing the account from being purged.
         */
        NonZeroRefCount: PlainDescriptor<undefined>;
        /**
         * The origin filter prevent the call to be dispatched.
         */
        CallFiltered: PlainDescriptor<undefined>;
        /**
         * A multi-block migration is ongoing and prevents the current code from being replaced.
         */
        MultiBlockMigrationsOngoing: PlainDescriptor<undefined>;
        /**
         * No upgrade authorized.
         */
        NothingAuthorized: PlainDescriptor<undefined>;
        /**
         * The submitted code is not authorized.
         */
        Unauthorized: PlainDescriptor<undefined>;
    };
    Grandpa: {
        /**
         * Attempt to signal GRANDPA pause when the authority set isn't live
         * (either paused or already pending pause).
         */
        PauseFailed: PlainDescriptor<undefined>;
        /**
         * Attempt to signal GRANDPA resume when the authority set isn't paused
         * (either live or already pending resume).
         */
        ResumeFailed: PlainDescriptor<undefined>;
        /**
         * Attempt to signal GRANDPA change with one already pending.
         */
        ChangePending: PlainDescriptor<undefined>;
        /**
         * Cannot signal forced change so soon after last.
         */
        TooSoon: PlainDescriptor<undefined>;
        /**
         * A key ownership proof provided as part of an equivocation report is invalid.
         */
        InvalidKeyOwnershipProof: PlainDescriptor<undefined>;
        /**
         * An equivocation proof provided as part of an equivocation report is invalid.
         */
        InvalidEquivocationProof: PlainDescriptor<undefined>;
        /**
         * A given equivocation report is valid but already previously reported.
         */
        DuplicateOffenceReport: PlainDescriptor<undefined>;
    };
    Balances: {
        /**
         * Vesting balance too high to send value.
         */
        VestingBalance: PlainDescriptor<undefined>;
        /**
         * Account liquidity restrictions prevent withdrawal.
         */
        LiquidityRestrictions: PlainDescriptor<undefined>;
        /**
         * Balance too low to send value.
         */
        InsufficientBalance: PlainDescriptor<undefined>;
        /**
         * Value too low to create account due to existential deposit.
         */
        ExistentialDeposit: PlainDescriptor<undefined>;
        /**
         * Transfer/payment would kill account.
         */
        Expendability: PlainDescriptor<undefined>;
        /**
         * A vesting schedule already exists for this account.
         */
        ExistingVestingSchedule: PlainDescriptor<undefined>;
        /**
         * Beneficiary account must pre-exist.
         */
        DeadAccount: PlainDescriptor<undefined>;
        /**
         * Number of named reserves exceed `MaxReserves`.
         */
        TooManyReserves: PlainDescriptor<undefined>;
        /**
         * Number of holds exceed `VariantCountOf<T::RuntimeHoldReason>`.
         */
        TooManyHolds: PlainDescriptor<undefined>;
        /**
         * Number of freezes exceed `MaxFreezes`.
         */
        TooManyFreezes: PlainDescriptor<undefined>;
        /**
         * The issuance cannot be modified since it is already deactivated.
         */
        IssuanceDeactivated: PlainDescriptor<undefined>;
        /**
         * The delta cannot be zero.
         */
        DeltaZero: PlainDescriptor<undefined>;
    };
    Sudo: {
        /**
         * Sender must be the Sudo account.
         */
        RequireSudo: PlainDescriptor<undefined>;
    };
    Preimage: {
        /**
         * Preimage is too large to store on-chain.
         */
        TooBig: PlainDescriptor<undefined>;
        /**
         * Preimage has already been noted on-chain.
         */
        AlreadyNoted: PlainDescriptor<undefined>;
        /**
         * The user is not authorized to perform this action.
         */
        NotAuthorized: PlainDescriptor<undefined>;
        /**
         * The preimage cannot be removed since it has not yet been noted.
         */
        NotNoted: PlainDescriptor<undefined>;
        /**
         * A preimage may not be removed when there are outstanding requests.
         */
        Requested: PlainDescriptor<undefined>;
        /**
         * The preimage request cannot be removed since no outstanding requests exist.
         */
        NotRequested: PlainDescriptor<undefined>;
        /**
         * More than `MAX_HASH_UPGRADE_BULK_COUNT` hashes were requested to be upgraded at once.
         */
        TooMany: PlainDescriptor<undefined>;
        /**
         * Too few hashes were requested to be upgraded (i.e. zero).
         */
        TooFew: PlainDescriptor<undefined>;
    };
    ModuleRegistry: {
        /**
         * The key is empty. Use a non-empty key.
         */
        EmptyKey: PlainDescriptor<undefined>;
        /**
         * The key is longer than `MaxKeyLength`. Use a shorter key.
         */
        KeyTooLong: PlainDescriptor<undefined>;
        /**
         * The value is empty. Submit JSON metadata or a CID.
         */
        EmptyValue: PlainDescriptor<undefined>;
        /**
         * The value is longer than `MaxValueLength`. Store large content on IPFS and register
         * its CID instead.
         */
        ValueTooLarge: PlainDescriptor<undefined>;
        /**
         * The value is not valid UTF-8. Values are JSON text or CID strings.
         */
        InvalidUtf8: PlainDescriptor<undefined>;
        /**
         * The value starts with `{` but is not valid JSON. Check it with a JSON parser.
         */
        InvalidJson: PlainDescriptor<undefined>;
        /**
         * The value is JSON but its top level is not an object. Wrap it in an object.
         */
        JsonNotObject: PlainDescriptor<undefined>;
        /**
         * The value is neither JSON nor a CID that parses. Submit a CIDv0 (`Qm…`) or a
         * multibase CIDv1, with no surrounding whitespace.
         */
        InvalidCid: PlainDescriptor<undefined>;
        /**
         * The CID uses the identity hash, which inlines content instead of naming it. Add the
         * content to IPFS and register the CID of a real hash.
         */
        IdentityCid: PlainDescriptor<undefined>;
        /**
         * The caller does not own this key. Only the owner may update, remove or transfer it.
         */
        NotOwner: PlainDescriptor<undefined>;
        /**
         * No entry exists under this key.
         */
        NotFound: PlainDescriptor<undefined>;
        /**
         * The new owner is already the owner.
         */
        AlreadyOwner: PlainDescriptor<undefined>;
        /**
         * The account is not in the pinner set. Root adds pinners with `add_pinner`.
         */
        NotPinner: PlainDescriptor<undefined>;
        /**
         * The account is already in the pinner set.
         */
        AlreadyPinner: PlainDescriptor<undefined>;
        /**
         * The pinner set is full (`MaxPinners`). Remove a pinner first.
         */
        TooManyPinners: PlainDescriptor<undefined>;
        /**
         * The report is about an older value, another CID, or an attempt the chain already
         * counted. Copies of an applied report fail with this.
         */
        StaleReport: PlainDescriptor<undefined>;
        /**
         * The entry is not waiting for a report: it is verified or rejected.
         */
        ReportNotNeeded: PlainDescriptor<undefined>;
        /**
         * The report names a block in the future or more than `ReportWindow` blocks ago.
         * Workers report on the block they read; a kept report cannot be replayed later.
         */
        ReportExpired: PlainDescriptor<undefined>;
        /**
         * A `Timeout` report arrived before `PinHorizon` blocks passed since the value was
         * set: content may still arrive, so the entry keeps waiting.
         */
        ReportTooEarly: PlainDescriptor<undefined>;
        /**
         * No ownership offer is pending for this key. The owner makes one with
         * `transfer_ownership`.
         */
        NoOffer: PlainDescriptor<undefined>;
        /**
         * The pending ownership offer is for another account.
         */
        NotOfferee: PlainDescriptor<undefined>;
        /**
         * The value changed after the offer was made; ask the owner to offer it again.
         */
        OfferOutdated: PlainDescriptor<undefined>;
        /**
         * New keys starting with the byte `0xFF` are reserved for published versions.
         */
        ReservedKey: PlainDescriptor<undefined>;
        /**
         * The entry holds a published version, which never changes: yank or deprecate it.
         */
        SealedEntry: PlainDescriptor<undefined>;
        /**
         * Not a valid name: namespaces and package names are `[a-z][a-z0-9-]*`, 1–64
         * characters, and a package is `ns/name` (or `@ns/name`).
         */
        InvalidName: PlainDescriptor<undefined>;
        /**
         * The namespace or package-name prefix is reserved for the registry admin.
         */
        ReservedName: PlainDescriptor<undefined>;
        /**
         * The namespace is already claimed.
         */
        NamespaceTaken: PlainDescriptor<undefined>;
        /**
         * No such namespace. Claim it first with `claim_namespace`.
         */
        UnknownNamespace: PlainDescriptor<undefined>;
        /**
         * Only the namespace owner may do this.
         */
        NotNamespaceOwner: PlainDescriptor<undefined>;
        /**
         * The caller may not publish or manage this package: they are neither the namespace
         * owner nor one of its maintainers (in the open namespace: not the package owner).
         */
        NotMaintainer: PlainDescriptor<undefined>;
        /**
         * The account is already a maintainer (or the owner).
         */
        AlreadyMaintainer: PlainDescriptor<undefined>;
        /**
         * The namespace has `MaxMaintainers` maintainers. Remove one first.
         */
        TooManyMaintainers: PlainDescriptor<undefined>;
        /**
         * Not a SemVer 2.0 version (at most 128 characters), e.g. `1.2.3` or `2.0.0-rc.1`.
         */
        InvalidVersion: PlainDescriptor<undefined>;
        /**
         * This version is published already (build metadata does not make a new version).
         * Versions never change: publish a new one.
         */
        VersionExists: PlainDescriptor<undefined>;
        /**
         * No such package.
         */
        UnknownPackage: PlainDescriptor<undefined>;
        /**
         * The package has no such version.
         */
        UnknownVersion: PlainDescriptor<undefined>;
        /**
         * The package already exists.
         */
        PackageExists: PlainDescriptor<undefined>;
        /**
         * The checksum is not 32 bytes: give the SHA-256 digest of the content.
         */
        BadChecksumLength: PlainDescriptor<undefined>;
        /**
         * The metadata is longer than `MaxMetadataLength`.
         */
        MetadataTooLarge: PlainDescriptor<undefined>;
        /**
         * The metadata's `type` is not one of docker, native, python, wasm, other.
         */
        InvalidModuleType: PlainDescriptor<undefined>;
        /**
         * The package has `MaxVersions` versions.
         */
        TooManyVersions: PlainDescriptor<undefined>;
        /**
         * The version is already yanked.
         */
        AlreadyYanked: PlainDescriptor<undefined>;
        /**
         * The version is not yanked.
         */
        NotYanked: PlainDescriptor<undefined>;
        /**
         * The successor is not a `ns/name@range` reference (at most 256 bytes).
         */
        InvalidSuccessor: PlainDescriptor<undefined>;
        /**
         * The reason is not UTF-8 text of at most 256 bytes.
         */
        InvalidReason: PlainDescriptor<undefined>;
        /**
         * There is no deprecation to lift.
         */
        NotDeprecated: PlainDescriptor<undefined>;
        /**
         * The admin assigned this namespace (it carries no claim deposit): only the admin can
         * move it, with `force_transfer_namespace`.
         */
        AssignedNamespace: PlainDescriptor<undefined>;
        /**
         * The pinner already has `2 × MaxPinsPerBlock` reports in this block; the report waits
         * for the next one.
         */
        TooManyReports: PlainDescriptor<undefined>;
        /**
         * The entry names no CID: there is nothing to pin or verify.
         */
        NothingToVerify: PlainDescriptor<undefined>;
        /**
         * The entry already waits for the pinning worker.
         */
        VerificationPending: PlainDescriptor<undefined>;
        /**
         * The package lives in a claimed namespace, whose owner and maintainers publish to it:
         * it moves with its namespace (`force_transfer_namespace`).
         */
        NamespacedPackage: PlainDescriptor<undefined>;
        /**
         * The namespace holds packages, which are never deleted: it cannot be released.
         */
        NamespaceNotEmpty: PlainDescriptor<undefined>;
        /**
         * The metadata's `dependencies` are not `{"runtime_min": version, "modules":
         * ["ns/name@range", …]}` with each package once and valid names and ranges.
         */
        BadDependencies: PlainDescriptor<undefined>;
        /**
         * The metadata declares more than `MaxDependencies` module dependencies.
         */
        TooManyDependencies: PlainDescriptor<undefined>;
        /**
         * A dependency names a package the registry does not have. Publish it first.
         */
        UnknownDependency: PlainDescriptor<undefined>;
    };
};
type IConstants = {
    System: {
        /**
         * Block & extrinsics weights: base values and limits.
         */
        BlockWeights: PlainDescriptor<Anonymize<In7a38730s6qs>>;
        /**
         * The maximum length of a block (in bytes).
         */
        BlockLength: PlainDescriptor<Anonymize<Ibtil0ss5munbk>>;
        /**
         * Maximum number of block number to block hash mappings to keep (oldest pruned first).
         */
        BlockHashCount: PlainDescriptor<number>;
        /**
         * The weight of runtime database operations the runtime can invoke.
         */
        DbWeight: PlainDescriptor<Anonymize<I9s0ave7t0vnrk>>;
        /**
         * Get the chain's in-code version.
         */
        Version: PlainDescriptor<Anonymize<I4fo08joqmcqnm>>;
        /**
         * The designated SS58 prefix of this chain.
         *
         * This replaces the "ss58Format" property declared in the chain spec. Reason is
         * that the runtime should know about the prefix in order to make use of it as
         * an identifier of the chain.
         */
        SS58Prefix: PlainDescriptor<number>;
    };
    Timestamp: {
        /**
         * The minimum period between blocks.
         *
         * Be aware that this is different to the *expected* period that the block production
         * apparatus provides. Your chosen consensus system will generally work with this to
         * determine a sensible block time. For example, in the Aura pallet it will be double this
         * period on default settings.
         */
        MinimumPeriod: PlainDescriptor<bigint>;
    };
    Aura: {
        /**
         * The slot duration Aura should run with, expressed in milliseconds.
         *
         * The effective value of this type can be changed with a runtime upgrade.
         *
         * For backwards compatibility either use [`MinimumPeriodTimesTwo`] or a const.
         */
        SlotDuration: PlainDescriptor<bigint>;
    };
    Grandpa: {
        /**
         * Max Authorities in use
         */
        MaxAuthorities: PlainDescriptor<number>;
        /**
         * The maximum number of nominators for each validator.
         */
        MaxNominators: PlainDescriptor<number>;
        /**
         * The maximum number of entries to keep in the set id to session index mapping.
         *
         * Since the `SetIdSession` map is only used for validating equivocations this
         * value should relate to the bonding duration of whatever staking system is
         * being used (if any). If equivocation handling is not enabled then this value
         * can be zero.
         */
        MaxSetIdSessionEntries: PlainDescriptor<bigint>;
    };
    Balances: {
        /**
         * The minimum amount required to keep an account open. MUST BE GREATER THAN ZERO!
         *
         * If you *really* need it to be zero, you can enable the feature `insecure_zero_ed` for
         * this pallet. However, you do so at your own risk: this will open up a major DoS vector.
         * In case you have multiple sources of provider references, you may also get unexpected
         * behaviour if you set this to zero.
         *
         * Bottom line: Do yourself a favour and make it at least one!
         */
        ExistentialDeposit: PlainDescriptor<bigint>;
        /**
         * The maximum number of locks that should exist on an account.
         * Not strictly enforced, but used for weight estimation.
         *
         * Use of locks is deprecated in favour of freezes. See `https://github.com/paritytech/substrate/pull/12951/`
         */
        MaxLocks: PlainDescriptor<number>;
        /**
         * The maximum number of named reserves that can exist on an account.
         *
         * Use of reserves is deprecated in favour of holds. See `https://github.com/paritytech/substrate/pull/12951/`
         */
        MaxReserves: PlainDescriptor<number>;
        /**
         * The maximum number of individual freeze locks that can exist on an account at any time.
         */
        MaxFreezes: PlainDescriptor<number>;
    };
    TransactionPayment: {
        /**
         * A fee multiplier for `Operational` extrinsics to compute "virtual tip" to boost their
         * `priority`
         *
         * This value is multiplied by the `final_fee` to obtain a "virtual tip" that is later
         * added to a tip component in regular `priority` calculations.
         * It means that a `Normal` transaction can front-run a similarly-sized `Operational`
         * extrinsic (with no tip), by including a tip value greater than the virtual tip.
         *
         * ```rust,ignore
         * // For `Normal`
         * let priority = priority_calc(tip);
         *
         * // For `Operational`
         * let virtual_tip = (inclusion_fee + tip) * OperationalFeeMultiplier;
         * let priority = priority_calc(tip + virtual_tip);
         * ```
         *
         * Note that since we use `final_fee` the multiplier applies also to the regular `tip`
         * sent with the transaction. So, not only does the transaction get a priority bump based
         * on the `inclusion_fee`, but we also amplify the impact of tips applied to `Operational`
         * transactions.
         */
        OperationalFeeMultiplier: PlainDescriptor<number>;
    };
    ModuleRegistry: {
        /**
         * Longest key, in bytes.
         */
        MaxKeyLength: PlainDescriptor<number>;
        /**
         * Longest value, in bytes.
         */
        MaxValueLength: PlainDescriptor<number>;
        /**
         * Most entries one `list_modules` call returns.
         */
        MaxListLimit: PlainDescriptor<number>;
        /**
         * Most accounts in the pinner set.
         */
        MaxPinners: PlainDescriptor<number>;
        /**
         * Most entries one off-chain worker run pins and checks.
         */
        MaxPinsPerBlock: PlainDescriptor<number>;
        /**
         * Blocks after a value is set during which content that nobody provides yet is still
         * waited for. Past it, a pinner may report `Timeout`, which is final
         * ([`PinStatus::Rejected`]). Content that arrives late within it still verifies.
         */
        PinHorizon: PlainDescriptor<number>;
        /**
         * Blocks a pin report stays valid after the block whose state its worker read. Older
         * reports are refused as expired, so a report cannot be kept and replayed later.
         */
        ReportWindow: PlainDescriptor<number>;
        /**
         * Deadline of each IPFS HTTP request, in milliseconds. A pin that is still fetching
         * when it passes is progress, not a failure: the worker comes back to it.
         */
        IpfsTimeoutMs: PlainDescriptor<bigint>;
        /**
         * Priority of pin reports in the transaction pool.
         */
        UnsignedPriority: PlainDescriptor<bigint>;
        /**
         * Most versions one package holds.
         */
        MaxVersions: PlainDescriptor<number>;
        /**
         * Most maintainers of one namespace, its owner not counted.
         */
        MaxMaintainers: PlainDescriptor<number>;
        /**
         * Longest metadata JSON of a version, in bytes.
         */
        MaxMetadataLength: PlainDescriptor<number>;
        /**
         * Most module dependencies one version declares (`dependencies.modules` of its
         * metadata). Values above the primitives' `MAX_DEPENDENCIES` (128) act as 128.
         */
        MaxDependencies: PlainDescriptor<number>;
    };
};
type IViewFns = {};
type IRuntimeCalls = {
    /**
     * The `Core` runtime api that every Substrate runtime needs to implement.
     */
    Core: {
        /**
         * Returns the version of the runtime.
         */
        version: RuntimeDescriptor<[], Anonymize<I4fo08joqmcqnm>>;
        /**
         * Execute the given block.
         */
        execute_block: RuntimeDescriptor<[block: Anonymize<Iaqet9jc3ihboe>], undefined>;
        /**
         * Initialize a block with the given header and return the runtime executive mode.
         */
        initialize_block: RuntimeDescriptor<[header: Anonymize<Ic952bubvq4k7d>], Anonymize<I2v50gu3s1aqk6>>;
    };
    /**
     * The `Metadata` api trait that returns metadata for the runtime.
     */
    Metadata: {
        /**
         * Returns the metadata of a runtime.
         */
        metadata: RuntimeDescriptor<[], Uint8Array>;
        /**
         * Returns the metadata at a given version.
         *
         * If the given `version` isn't supported, this will return `None`.
         * Use [`Self::metadata_versions`] to find out about supported metadata version of the runtime.
         */
        metadata_at_version: RuntimeDescriptor<[version: number], Anonymize<Iabpgqcjikia83>>;
        /**
         * Returns the supported metadata versions.
         *
         * This can be used to call `metadata_at_version`.
         */
        metadata_versions: RuntimeDescriptor<[], Anonymize<Icgljjb6j82uhn>>;
    };
    /**
     * Runtime API for executing view functions
     */
    RuntimeViewFunction: {
        /**
         * Execute a view function query.
         */
        execute_view_function: RuntimeDescriptor<[query_id: Anonymize<I4gil44d08grh>, input: Uint8Array], Anonymize<I7u915mvkdsb08>>;
    };
    /**
     * The `BlockBuilder` api trait that provides the required functionality for building a block.
     */
    BlockBuilder: {
        /**
         * Apply the given extrinsic.
         *
         * Returns an inclusion outcome which specifies if this extrinsic is included in
         * this block or not.
         */
        apply_extrinsic: RuntimeDescriptor<[extrinsic: Uint8Array], Anonymize<I7h1nfupkbsd2a>>;
        /**
         * Finish the current block.
         */
        finalize_block: RuntimeDescriptor<[], Anonymize<Ic952bubvq4k7d>>;
        /**
         * Generate inherent extrinsics. The inherent data will vary from chain to chain.
         */
        inherent_extrinsics: RuntimeDescriptor<[inherent: Anonymize<If7uv525tdvv7a>], Anonymize<Itom7fk49o0c9>>;
        /**
         * Check that the inherents are valid. The inherent data will vary from chain to chain.
         */
        check_inherents: RuntimeDescriptor<[block: Anonymize<Iaqet9jc3ihboe>, data: Anonymize<If7uv525tdvv7a>], Anonymize<I2an1fs2eiebjp>>;
    };
    /**
     * The `TaggedTransactionQueue` api trait for interfering with the transaction queue.
     */
    TaggedTransactionQueue: {
        /**
         * Validate the transaction.
         *
         * This method is invoked by the transaction pool to learn details about given transaction.
         * The implementation should make sure to verify the correctness of the transaction
         * against current state. The given `block_hash` corresponds to the hash of the block
         * that is used as current state.
         *
         * Note that this call may be performed by the pool multiple times and transactions
         * might be verified in any possible order.
         */
        validate_transaction: RuntimeDescriptor<[source: TransactionValidityTransactionSource, tx: Uint8Array, block_hash: SizedHex<32>], Anonymize<I9ask1o4tfvcvs>>;
    };
    /**
     * The offchain worker api.
     */
    OffchainWorkerApi: {
        /**
         * Starts the off-chain task for given block header.
         */
        offchain_worker: RuntimeDescriptor<[header: Anonymize<Ic952bubvq4k7d>], undefined>;
    };
    /**
     * API necessary for block authorship with aura.
     */
    AuraApi: {
        /**
         * Returns the slot duration for Aura.
         *
         * Currently, only the value provided by this type at genesis will be used.
         */
        slot_duration: RuntimeDescriptor<[], bigint>;
        /**
         * Return the current set of authorities.
         */
        authorities: RuntimeDescriptor<[], Anonymize<Ic5m5lp1oioo8r>>;
    };
    /**
     * Session keys runtime api.
     */
    SessionKeys: {
        /**
         * Generate a set of session keys with optionally using the given seed.
         * The keys should be stored within the keystore exposed via runtime
         * externalities.
         *
         * The seed needs to be a valid `utf8` string.
         *
         * Returns the concatenated SCALE encoded public keys.
         */
        generate_session_keys: RuntimeDescriptor<[owner: Uint8Array, seed: Anonymize<Iabpgqcjikia83>], Anonymize<I4ph3d1eepnmr1>>;
        /**
         * Decode the given public session keys.
         *
         * Returns the list of public raw public keys + key type.
         */
        decode_session_keys: RuntimeDescriptor<[encoded: Uint8Array], Anonymize<Icerf8h8pdu8ss>>;
    };
    /**
     * APIs for integrating the GRANDPA finality gadget into runtimes.
     * This should be implemented on the runtime side.
     *
     * This is primarily used for negotiating authority-set changes for the
     * gadget. GRANDPA uses a signaling model of changing authority sets:
     * changes should be signaled with a delay of N blocks, and then automatically
     * applied in the runtime after those N blocks have passed.
     *
     * The consensus protocol will coordinate the handoff externally.
     */
    GrandpaApi: {
        /**
         * Get the current GRANDPA authorities and weights. This should not change except
         * for when changes are scheduled and the corresponding delay has passed.
         *
         * When called at block B, it will return the set of authorities that should be
         * used to finalize descendants of this block (B+1, B+2, ...). The block B itself
         * is finalized by the authorities from block B-1.
         */
        grandpa_authorities: RuntimeDescriptor<[], Anonymize<I3geksg000c171>>;
        /**
         * Submits an unsigned extrinsic to report an equivocation. The caller
         * must provide the equivocation proof and a key ownership proof
         * (should be obtained using `generate_key_ownership_proof`). The
         * extrinsic will be unsigned and should only be accepted for local
         * authorship (not to be broadcast to the network). This method returns
         * `None` when creation of the extrinsic fails, e.g. if equivocation
         * reporting is disabled for the given runtime (i.e. this method is
         * hardcoded to return `None`). Only useful in an offchain context.
         */
        submit_report_equivocation_unsigned_extrinsic: RuntimeDescriptor<[equivocation_proof: Anonymize<I9puqgoda8ofk4>, key_owner_proof: Uint8Array], boolean>;
        /**
         * Generates a proof of key ownership for the given authority in the
         * given set. An example usage of this module is coupled with the
         * session historical module to prove that a given authority key is
         * tied to a given staking identity during a specific session. Proofs
         * of key ownership are necessary for submitting equivocation reports.
         * NOTE: even though the API takes a `set_id` as parameter the current
         * implementations ignore this parameter and instead rely on this
         * method being called at the correct block height, i.e. any point at
         * which the given set id is live on-chain. Future implementations will
         * instead use indexed data through an offchain worker, not requiring
         * older states to be available.
         */
        generate_key_ownership_proof: RuntimeDescriptor<[set_id: bigint, authority_id: SizedHex<32>], Anonymize<Iabpgqcjikia83>>;
        /**
         * Get current GRANDPA authority set id.
         */
        current_set_id: RuntimeDescriptor<[], bigint>;
    };
    /**
     * The API to query account nonce.
     */
    AccountNonceApi: {
        /**
         * Get current account nonce of given `AccountId`.
         */
        account_nonce: RuntimeDescriptor<[account: SS58String], number>;
    };
    /**
    
     */
    TransactionPaymentApi: {
        /**
        
         */
        query_info: RuntimeDescriptor<[uxt: Uint8Array, len: number], Anonymize<I6spmpef2c7svf>>;
        /**
        
         */
        query_fee_details: RuntimeDescriptor<[uxt: Uint8Array, len: number], Anonymize<Iei2mvq0mjvt81>>;
        /**
        
         */
        query_weight_to_fee: RuntimeDescriptor<[weight: Anonymize<I4q39t5hn830vp>], bigint>;
        /**
        
         */
        query_length_to_fee: RuntimeDescriptor<[length: number], bigint>;
    };
    /**
    
     */
    TransactionPaymentCallApi: {
        /**
         * Query information of a dispatch class, weight, and fee of a given encoded `Call`.
         */
        query_call_info: RuntimeDescriptor<[call: Anonymize<Ic64d1pmbcgp4e>, len: number], Anonymize<I6spmpef2c7svf>>;
        /**
         * Query fee details of a given encoded `Call`.
         */
        query_call_fee_details: RuntimeDescriptor<[call: Anonymize<Ic64d1pmbcgp4e>, len: number], Anonymize<Iei2mvq0mjvt81>>;
        /**
         * Query the output of the current `WeightToFee` given some input.
         */
        query_weight_to_fee: RuntimeDescriptor<[weight: Anonymize<I4q39t5hn830vp>], bigint>;
        /**
         * Query the output of the current `LengthToFee` given some input.
         */
        query_length_to_fee: RuntimeDescriptor<[length: number], bigint>;
    };
    /**
     * Read access to the module registry.
     */
    ModuleRegistryApi: {
        /**
         * The value bytes registered under `key`, exactly as submitted, or `None`.
         */
        get_module: RuntimeDescriptor<[key: Uint8Array], Anonymize<Iabpgqcjikia83>>;
        /**
         * Owner, deposit, blocks, counters, kind, CID and pin status of `key`, or `None`.
         */
        get_module_info: RuntimeDescriptor<[key: Uint8Array], Anonymize<Ia2jf7t05pkd8s>>;
        /**
         * Up to `limit` entries (capped by the pallet's `MaxListLimit`) in storage order,
         * starting after the key `start_after` when given. Pass the last key of a page to get
         * the next; an empty page means the end. A `start_after` longer than the pallet's
         * `MaxKeyLength` is `Err(StartAfterTooLong)`.
         */
        list_modules: RuntimeDescriptor<[start_after: Anonymize<Iabpgqcjikia83>, limit: number], Anonymize<Ieinljbi9nlii6>>;
        /**
         * The ownership offer waiting for its recipient under `key`, or `None` (version 2).
         */
        get_transfer_offer: RuntimeDescriptor<[key: Uint8Array], Anonymize<Idq4v486p8tn37>>;
    };
    /**
     * Read access to the registry layer: namespaces, packages and versions.
     */
    PackageRegistryApi: {
        /**
         * The version `range` resolves to in package `name`: the highest that matches and is
         * not yanked (an exact range returns a yanked version too); `Ok(None)` when nothing
         * matches or there is no such package.
         */
        resolve: RuntimeDescriptor<[name: Uint8Array, range: Uint8Array], Anonymize<I7q6dv8ofruevf>>;
        /**
         * Up to `limit` versions (capped by `MaxListLimit`) in ascending SemVer precedence,
         * after version `start_after` when given.
         */
        versions: RuntimeDescriptor<[name: Uint8Array, start_after: Anonymize<Iabpgqcjikia83>, limit: number], Anonymize<I9d4ji80mijtn4>>;
        /**
         * A package: record, maintainers, latest version, verified namespace.
         */
        get_package: RuntimeDescriptor<[name: Uint8Array], Anonymize<Iduo2vv2e26f2b>>;
        /**
         * Up to `limit` packages (capped by `MaxListLimit`) in storage order, after the package
         * `start_after` when given; an empty page means the end.
         */
        list_packages: RuntimeDescriptor<[start_after: Anonymize<Iabpgqcjikia83>, limit: number], Anonymize<If01jnqulqrru1>>;
        /**
         * A namespace: record (with its package count since version 2), maintainers, pending
         * offer, and whether it is open.
         */
        get_namespace: RuntimeDescriptor<[namespace: Uint8Array], Anonymize<Iauvorc43f6blb>>;
    };
    /**
     * API to interact with `RuntimeGenesisConfig` for the runtime
     */
    GenesisBuilder: {
        /**
         * Build `RuntimeGenesisConfig` from a JSON blob not using any defaults and store it in the
         * storage.
         *
         * In the case of a FRAME-based runtime, this function deserializes the full
         * `RuntimeGenesisConfig` from the given JSON blob and puts it into the storage. If the
         * provided JSON blob is incorrect or incomplete or the deserialization fails, an error
         * is returned.
         *
         * Please note that provided JSON blob must contain all `RuntimeGenesisConfig` fields, no
         * defaults will be used.
         */
        build_state: RuntimeDescriptor<[json: Uint8Array], Anonymize<Ie9sr1iqcg3cgm>>;
        /**
         * Returns a JSON blob representation of the built-in `RuntimeGenesisConfig` identified by
         * `id`.
         *
         * If `id` is `None` the function should return JSON blob representation of the default
         * `RuntimeGenesisConfig` struct of the runtime. Implementation must provide default
         * `RuntimeGenesisConfig`.
         *
         * Otherwise function returns a JSON representation of the built-in, named
         * `RuntimeGenesisConfig` preset identified by `id`, or `None` if such preset does not
         * exist. Returned `Vec<u8>` contains bytes of JSON blob (patch) which comprises a list of
         * (potentially nested) key-value pairs that are intended for customizing the default
         * runtime genesis config. The patch shall be merged (rfc7386) with the JSON representation
         * of the default `RuntimeGenesisConfig` to create a comprehensive genesis config that can
         * be used in `build_state` method.
         */
        get_preset: RuntimeDescriptor<[id: Anonymize<I1mqgk2tmnn9i2>], Anonymize<Iabpgqcjikia83>>;
        /**
         * Returns a list of identifiers for available builtin `RuntimeGenesisConfig` presets.
         *
         * The presets from the list can be queried with [`GenesisBuilder::get_preset`] method. If
         * no named presets are provided by the runtime the list is empty.
         */
        preset_names: RuntimeDescriptor<[], Anonymize<I6lr8sctk0bi4e>>;
    };
};
export type ModregDispatchError = Anonymize<I389s3pjm4l7pc>;
type IAsset = PlainDescriptor<void>;
export type ModregExtensions = {};
type PalletsTypedef = {
    __storage: IStorage;
    __tx: ICalls;
    __event: IEvent;
    __error: IError;
    __const: IConstants;
    __view: IViewFns;
};
export type Modreg = {
    descriptors: {
        pallets: PalletsTypedef;
        apis: IRuntimeCalls;
    } & Promise<any>;
    metadataTypes: Promise<Uint8Array>;
    asset: IAsset;
    extensions: ModregExtensions;
    getMetadata: () => Promise<Uint8Array>;
    genesis: string | undefined;
};
declare const _allDescriptors: Modreg;
export default _allDescriptors;
export type ModregApis = ApisFromDef<IRuntimeCalls>;
export type ModregQueries = QueryFromPalletsDef<PalletsTypedef>;
export type ModregCalls = TxFromPalletsDef<PalletsTypedef>;
export type ModregEvents = EventsFromPalletsDef<PalletsTypedef>;
export type ModregErrors = ErrorsFromPalletsDef<PalletsTypedef>;
export type ModregConstants = ConstFromPalletsDef<PalletsTypedef>;
export type ModregViewFns = ViewFnsFromPalletsDef<PalletsTypedef>;
export type ModregCallData = Anonymize<Ic64d1pmbcgp4e> & {
    value: {
        type: string;
    };
};
type AllInteractions = {
    storage: {
        System: ['Account', 'ExtrinsicCount', 'InherentsApplied', 'BlockWeight', 'BlockSize', 'BlockHash', 'ExtrinsicData', 'Number', 'ParentHash', 'Digest', 'Events', 'EventCount', 'EventTopics', 'LastRuntimeUpgrade', 'BlocksTillUpgrade', 'UpgradedToU32RefCount', 'UpgradedToTripleRefCount', 'ExecutionPhase', 'AuthorizedUpgrade', 'ExtrinsicWeightReclaimed'];
        Timestamp: ['Now', 'DidUpdate'];
        Aura: ['Authorities', 'CurrentSlot'];
        Grandpa: ['State', 'PendingChange', 'NextForced', 'Stalled', 'CurrentSetId', 'SetIdSession', 'Authorities'];
        Balances: ['TotalIssuance', 'InactiveIssuance', 'Account', 'Locks', 'Reserves', 'Holds', 'Freezes'];
        TransactionPayment: ['NextFeeMultiplier', 'StorageVersion', 'TxPaymentCredit'];
        Sudo: ['Key'];
        Preimage: ['StatusFor', 'RequestStatusFor', 'PreimageFor'];
        ModuleRegistry: ['ModuleRegistry', 'Modules', 'PendingPins', 'CidRefs', 'TransferOffers', 'Namespaces', 'NamespaceDeposits', 'Maintainers', 'NamespaceOffers', 'Packages', 'Versions', 'VersionOrder', 'LiveVersions', 'VersionEntries', 'Pinners', 'ReportsInBlock'];
    };
    tx: {
        System: ['remark', 'set_heap_pages', 'set_code', 'set_code_without_checks', 'set_storage', 'kill_storage', 'kill_prefix', 'remark_with_event', 'authorize_upgrade', 'authorize_upgrade_without_checks', 'apply_authorized_upgrade'];
        Timestamp: ['set'];
        Grandpa: ['report_equivocation', 'report_equivocation_unsigned', 'note_stalled'];
        Balances: ['transfer_allow_death', 'force_transfer', 'transfer_keep_alive', 'transfer_all', 'force_unreserve', 'upgrade_accounts', 'force_set_balance', 'force_adjust_total_issuance', 'burn'];
        Sudo: ['sudo', 'sudo_unchecked_weight', 'set_key', 'sudo_as', 'remove_key'];
        Preimage: ['note_preimage', 'unnote_preimage', 'request_preimage', 'unrequest_preimage', 'ensure_updated'];
        ModuleRegistry: ['register_module', 'remove_module', 'transfer_ownership', 'force_remove_module', 'report_pin_status', 'accept_ownership', 'cancel_ownership_offer', 'add_pinner', 'remove_pinner', 'claim_namespace', 'assign_namespace', 'set_namespace_verified', 'add_maintainer', 'remove_maintainer', 'transfer_namespace', 'accept_namespace', 'cancel_namespace_offer', 'create_package', 'publish_version', 'yank_version', 'unyank_version', 'deprecate', 'undeprecate', 'set_package_status', 'force_transfer_namespace', 'force_reverify', 'release_namespace', 'force_transfer_package'];
    };
    events: {
        System: ['ExtrinsicSuccess', 'ExtrinsicFailed', 'CodeUpdated', 'NewAccount', 'KilledAccount', 'Remarked', 'UpgradeAuthorized', 'RejectedInvalidAuthorizedUpgrade'];
        Grandpa: ['NewAuthorities', 'Paused', 'Resumed'];
        Balances: ['Endowed', 'DustLost', 'Transfer', 'BalanceSet', 'Reserved', 'Unreserved', 'ReserveRepatriated', 'Deposit', 'Withdraw', 'Slashed', 'Minted', 'MintedCredit', 'Burned', 'BurnedDebt', 'Suspended', 'Restored', 'Upgraded', 'Issued', 'Rescinded', 'Locked', 'Unlocked', 'Frozen', 'Thawed', 'TotalIssuanceForced', 'Held', 'BurnedHeld', 'TransferOnHold', 'TransferAndHold', 'Released', 'Unexpected'];
        TransactionPayment: ['TransactionFeePaid'];
        Sudo: ['Sudid', 'KeyChanged', 'KeyRemoved', 'SudoAsDone'];
        Preimage: ['Noted', 'Requested', 'Cleared'];
        ModuleRegistry: ['ModuleRegistered', 'ModuleUpdated', 'ModuleRemoved', 'OwnershipOffered', 'OwnershipOfferCancelled', 'OwnershipTransferred', 'ModuleForceRemoved', 'PinVerified', 'PinFailed', 'CidUnreferenced', 'PinnerAdded', 'PinnerRemoved', 'NamespaceClaimed', 'NamespaceAssigned', 'NamespaceVerified', 'MaintainerAdded', 'MaintainerRemoved', 'NamespaceOffered', 'NamespaceOfferCancelled', 'NamespaceTransferred', 'PackageCreated', 'VersionPublished', 'VersionYanked', 'VersionUnyanked', 'Deprecated', 'Undeprecated', 'PackageStatusSet', 'NamespaceForceTransferred', 'ReverificationRequested', 'NamespaceReleased', 'PackageForceTransferred'];
    };
    errors: {
        System: ['InvalidSpecName', 'SpecVersionNeedsToIncrease', 'FailedToExtractRuntimeVersion', 'NonDefaultComposite', 'NonZeroRefCount', 'CallFiltered', 'MultiBlockMigrationsOngoing', 'NothingAuthorized', 'Unauthorized'];
        Grandpa: ['PauseFailed', 'ResumeFailed', 'ChangePending', 'TooSoon', 'InvalidKeyOwnershipProof', 'InvalidEquivocationProof', 'DuplicateOffenceReport'];
        Balances: ['VestingBalance', 'LiquidityRestrictions', 'InsufficientBalance', 'ExistentialDeposit', 'Expendability', 'ExistingVestingSchedule', 'DeadAccount', 'TooManyReserves', 'TooManyHolds', 'TooManyFreezes', 'IssuanceDeactivated', 'DeltaZero'];
        Sudo: ['RequireSudo'];
        Preimage: ['TooBig', 'AlreadyNoted', 'NotAuthorized', 'NotNoted', 'Requested', 'NotRequested', 'TooMany', 'TooFew'];
        ModuleRegistry: ['EmptyKey', 'KeyTooLong', 'EmptyValue', 'ValueTooLarge', 'InvalidUtf8', 'InvalidJson', 'JsonNotObject', 'InvalidCid', 'IdentityCid', 'NotOwner', 'NotFound', 'AlreadyOwner', 'NotPinner', 'AlreadyPinner', 'TooManyPinners', 'StaleReport', 'ReportNotNeeded', 'ReportExpired', 'ReportTooEarly', 'NoOffer', 'NotOfferee', 'OfferOutdated', 'ReservedKey', 'SealedEntry', 'InvalidName', 'ReservedName', 'NamespaceTaken', 'UnknownNamespace', 'NotNamespaceOwner', 'NotMaintainer', 'AlreadyMaintainer', 'TooManyMaintainers', 'InvalidVersion', 'VersionExists', 'UnknownPackage', 'UnknownVersion', 'PackageExists', 'BadChecksumLength', 'MetadataTooLarge', 'InvalidModuleType', 'TooManyVersions', 'AlreadyYanked', 'NotYanked', 'InvalidSuccessor', 'InvalidReason', 'NotDeprecated', 'AssignedNamespace', 'TooManyReports', 'NothingToVerify', 'VerificationPending', 'NamespacedPackage', 'NamespaceNotEmpty', 'BadDependencies', 'TooManyDependencies', 'UnknownDependency'];
    };
    constants: {
        System: ['BlockWeights', 'BlockLength', 'BlockHashCount', 'DbWeight', 'Version', 'SS58Prefix'];
        Timestamp: ['MinimumPeriod'];
        Aura: ['SlotDuration'];
        Grandpa: ['MaxAuthorities', 'MaxNominators', 'MaxSetIdSessionEntries'];
        Balances: ['ExistentialDeposit', 'MaxLocks', 'MaxReserves', 'MaxFreezes'];
        TransactionPayment: ['OperationalFeeMultiplier'];
        ModuleRegistry: ['MaxKeyLength', 'MaxValueLength', 'MaxListLimit', 'MaxPinners', 'MaxPinsPerBlock', 'PinHorizon', 'ReportWindow', 'IpfsTimeoutMs', 'UnsignedPriority', 'MaxVersions', 'MaxMaintainers', 'MaxMetadataLength', 'MaxDependencies'];
    };
    viewFns: {};
    apis: {
        Core: ['version', 'execute_block', 'initialize_block'];
        Metadata: ['metadata', 'metadata_at_version', 'metadata_versions'];
        RuntimeViewFunction: ['execute_view_function'];
        BlockBuilder: ['apply_extrinsic', 'finalize_block', 'inherent_extrinsics', 'check_inherents'];
        TaggedTransactionQueue: ['validate_transaction'];
        OffchainWorkerApi: ['offchain_worker'];
        AuraApi: ['slot_duration', 'authorities'];
        SessionKeys: ['generate_session_keys', 'decode_session_keys'];
        GrandpaApi: ['grandpa_authorities', 'submit_report_equivocation_unsigned_extrinsic', 'generate_key_ownership_proof', 'current_set_id'];
        AccountNonceApi: ['account_nonce'];
        TransactionPaymentApi: ['query_info', 'query_fee_details', 'query_weight_to_fee', 'query_length_to_fee'];
        TransactionPaymentCallApi: ['query_call_info', 'query_call_fee_details', 'query_weight_to_fee', 'query_length_to_fee'];
        ModuleRegistryApi: ['get_module', 'get_module_info', 'list_modules', 'get_transfer_offer'];
        PackageRegistryApi: ['resolve', 'versions', 'get_package', 'list_packages', 'get_namespace'];
        GenesisBuilder: ['build_state', 'get_preset', 'preset_names'];
    };
};
export type ModregWhitelistEntry = PalletKey | `query.${NestedKey<AllInteractions['storage']>}` | `tx.${NestedKey<AllInteractions['tx']>}` | `event.${NestedKey<AllInteractions['events']>}` | `error.${NestedKey<AllInteractions['errors']>}` | `const.${NestedKey<AllInteractions['constants']>}` | `view.${NestedKey<AllInteractions['viewFns']>}` | `api.${NestedKey<AllInteractions['apis']>}`;
type PalletKey = `*.${({
    [K in keyof AllInteractions]: K extends 'apis' ? never : keyof AllInteractions[K];
})[keyof AllInteractions]}`;
type NestedKey<D extends Record<string, string[]>> = "*" | {
    [P in keyof D & string]: `${P}.*` | `${P}.${D[P][number]}`;
}[keyof D & string];
