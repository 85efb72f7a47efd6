import { default as modreg, type ModregWhitelistEntry } from "./modreg";
export { modreg };
export type * from "./modreg";
export { DigestItem, Phase, DispatchClass, TokenError, ArithmeticError, TransactionalError, GrandpaEvent, BalanceStatus, PreimagePalletHoldReason, TransactionPaymentEvent, PreimageEvent, GrandpaStoredState, BalancesTypesReasons, TransactionPaymentReleases, PreimageOldRequestStatus, PreimageRequestStatus, GrandpaEquivocation, MultiAddress, BalancesAdjustmentDirection, TransactionValidityUnknownTransaction, TransactionValidityTransactionSource } from './common-types';
export declare const getMetadata: (codeHash: string) => Promise<Uint8Array | null>;
export type WhitelistEntry = ModregWhitelistEntry;
export type WhitelistEntriesByChain = Partial<{
    "*": WhitelistEntry[];
    modreg: WhitelistEntry[];
}>;
