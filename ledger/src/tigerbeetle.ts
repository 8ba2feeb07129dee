import type * as TigerBeetle from "tigerbeetle-node";
import type { Backend } from "./backend.ts";
import type {
  Account,
  AccountBalance,
  AccountFilter,
  CreateAccountResult,
  CreateAccountStatusName,
  CreateTransferResult,
  CreateTransferStatusName,
  Transfer,
} from "./types.ts";

/**
 * The production backend: tigerbeetle-node against a real cluster. The native client is imported
 * only here and only when this backend is chosen, so everything else runs where it is missing.
 */
export async function openTigerBeetleBackend(addresses: string[], clusterId: bigint): Promise<Backend> {
  let tb: typeof TigerBeetle;
  try {
    tb = await import("tigerbeetle-node");
  } catch (error) {
    throw new Error(`LEDGER_BACKEND=tigerbeetle needs the tigerbeetle-node client: ${(error as Error).message}`);
  }
  const client = tb.createClient({ cluster_id: clusterId, replica_addresses: addresses });
  return new TigerBeetleBackend(tb, client);
}

class TigerBeetleBackend implements Backend {
  readonly kind = "tigerbeetle";
  readonly #tb: typeof TigerBeetle;
  readonly #client: TigerBeetle.Client;

  constructor(tb: typeof TigerBeetle, client: TigerBeetle.Client) {
    this.#tb = tb;
    this.#client = client;
  }

  async createAccounts(accounts: Account[]): Promise<CreateAccountResult[]> {
    const results = await this.#client.createAccounts(accounts);
    return results.map(({ status, timestamp }) => ({
      status: statusName<CreateAccountStatusName>(this.#tb.CreateAccountStatus, status),
      timestamp,
    }));
  }

  async createTransfers(transfers: Transfer[]): Promise<CreateTransferResult[]> {
    const results = await this.#client.createTransfers(transfers);
    return results.map(({ status, timestamp }) => ({
      status: statusName<CreateTransferStatusName>(this.#tb.CreateTransferStatus, status),
      timestamp,
    }));
  }

  lookupAccounts(ids: bigint[]): Promise<Account[]> {
    return this.#client.lookupAccounts(ids);
  }

  lookupTransfers(ids: bigint[]): Promise<Transfer[]> {
    return this.#client.lookupTransfers(ids);
  }

  getAccountTransfers(filter: AccountFilter): Promise<Transfer[]> {
    return this.#client.getAccountTransfers(filter);
  }

  getAccountBalances(filter: AccountFilter): Promise<AccountBalance[]> {
    return this.#client.getAccountBalances(filter);
  }

  async close(): Promise<void> {
    this.#client.destroy();
  }
}

/** TypeScript enums map codes back to names; a code this build does not know is a version skew. */
function statusName<S extends string>(statuses: Record<number, string>, code: number): S {
  const name = statuses[code];
  if (name === undefined) throw new Error(`unknown TigerBeetle status code ${code}`);
  return name as S;
}
