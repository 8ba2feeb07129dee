import { Worker } from "node:worker_threads";
import type { Backend } from "../backend.ts";
import type {
  Account,
  AccountBalance,
  AccountFilter,
  CreateAccountResult,
  CreateTransferResult,
  Transfer,
} from "../types.ts";
import type { Call, Method, Reply } from "./worker.ts";

/**
 * TigerBeetle's semantics on a local SQLite file (the development and CI backend). The engine runs
 * in a worker thread: a commit waits for fsync, and meanwhile the main thread keeps accepting
 * requests, which is what lets concurrent requests share the next batch.
 */
export class EmbeddedBackend implements Backend {
  readonly kind = "embedded";
  readonly #worker: Worker;
  // biome-ignore lint/suspicious/noExplicitAny: each pending call resolves with its own result type
  readonly #calls = new Map<number, { resolve: (result: any) => void; reject: (error: Error) => void }>();
  #nextId = 0;
  #failure: Error | undefined;

  static async open(dataDir: string): Promise<EmbeddedBackend> {
    const worker = new Worker(new URL("./worker.ts", import.meta.url), { workerData: { dataDir } });
    await new Promise((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    return new EmbeddedBackend(worker);
  }

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on("message", (reply: Reply) => {
      const call = this.#calls.get(reply.id)!;
      this.#calls.delete(reply.id);
      if ("error" in reply) call.reject(new Error(`embedded ledger: ${reply.error}`));
      else call.resolve(reply.result);
    });
    worker.on("error", (error) => this.#fail(error));
    worker.on("exit", (code) => this.#fail(new Error(`embedded ledger: worker exited with code ${code}`)));
  }

  #call<T>(method: Method, argument?: unknown): Promise<T> {
    if (this.#failure) return Promise.reject(this.#failure);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#calls.set(id, { resolve, reject });
      this.#worker.postMessage({ id, method, argument } satisfies Call);
    });
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    for (const call of this.#calls.values()) call.reject(error);
    this.#calls.clear();
  }

  createAccounts(accounts: Account[]): Promise<CreateAccountResult[]> {
    return this.#call("createAccounts", accounts);
  }

  createTransfers(transfers: Transfer[]): Promise<CreateTransferResult[]> {
    return this.#call("createTransfers", transfers);
  }

  lookupAccounts(ids: bigint[]): Promise<Account[]> {
    return this.#call("lookupAccounts", ids);
  }

  lookupTransfers(ids: bigint[]): Promise<Transfer[]> {
    return this.#call("lookupTransfers", ids);
  }

  getAccountTransfers(filter: AccountFilter): Promise<Transfer[]> {
    return this.#call("getAccountTransfers", filter);
  }

  getAccountBalances(filter: AccountFilter): Promise<AccountBalance[]> {
    return this.#call("getAccountBalances", filter);
  }

  async close(): Promise<void> {
    await this.#call("close");
    await this.#worker.terminate();
  }
}
