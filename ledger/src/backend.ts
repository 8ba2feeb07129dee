import type {
  Account,
  AccountBalance,
  AccountFilter,
  CreateAccountResult,
  CreateTransferResult,
  Transfer,
} from "./types.ts";

/**
 * The ledger operations the proxy serves, shaped like tigerbeetle-node's Client so the real
 * cluster and the embedded store are interchangeable. Create calls return one result per event,
 * in order (TigerBeetle 0.17 semantics). Lookups return only the objects found, in request order.
 */
export interface Backend {
  readonly kind: BackendKind;
  createAccounts(accounts: Account[]): Promise<CreateAccountResult[]>;
  createTransfers(transfers: Transfer[]): Promise<CreateTransferResult[]>;
  lookupAccounts(ids: bigint[]): Promise<Account[]>;
  lookupTransfers(ids: bigint[]): Promise<Transfer[]>;
  getAccountTransfers(filter: AccountFilter): Promise<Transfer[]>;
  getAccountBalances(filter: AccountFilter): Promise<AccountBalance[]>;
  close(): Promise<void>;
}

export type BackendKind = "embedded" | "tigerbeetle";

export type BackendConfig =
  | { kind: "embedded"; dataDir: string }
  | { kind: "tigerbeetle"; addresses: string[]; clusterId: bigint };

export async function openBackend(config: BackendConfig): Promise<Backend> {
  if (config.kind === "embedded") {
    const { EmbeddedBackend } = await import("./embedded/backend.ts");
    return EmbeddedBackend.open(config.dataDir);
  }
  const { openTigerBeetleBackend } = await import("./tigerbeetle.ts");
  return openTigerBeetleBackend(config.addresses, config.clusterId);
}
