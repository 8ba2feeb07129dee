import type { Backend } from "./backend.ts";
import {
  type Account,
  AccountFlags,
  BATCH_MAX,
  type CreateAccountResult,
  type CreateTransferResult,
  type Transfer,
  TransferFlags,
} from "./types.ts";

type Request<E, R> = { events: E[]; resolve: (results: R[]) => void; reject: (error: unknown) => void };

export type BatcherOptions<E, R> = {
  /** Sends one batch to the backend. */
  run: (events: E[]) => Promise<R[]>;
  /** Hands each request its own results out of one batch's results. */
  split: (results: R[], requests: E[][]) => R[][];
  /** True for a request whose events would change meaning if more events followed it. */
  endsBatch?: (events: E[]) => boolean;
  max?: number;
};

/**
 * Coalesces concurrent requests into batches of at most `max` events, one batch in flight at a
 * time: whatever arrives while a batch runs forms the next one. Requests are never split, so a
 * linked chain always travels whole, and each caller gets exactly its own results back.
 */
export class Batcher<E, R> {
  readonly #run: BatcherOptions<E, R>["run"];
  readonly #split: BatcherOptions<E, R>["split"];
  readonly #endsBatch: (events: E[]) => boolean;
  readonly #max: number;
  #queue: Request<E, R>[] = [];
  #active = false;
  #idle: Promise<void> = Promise.resolve();

  constructor(options: BatcherOptions<E, R>) {
    this.#run = options.run;
    this.#split = options.split;
    this.#endsBatch = options.endsBatch ?? (() => false);
    this.#max = options.max ?? BATCH_MAX;
  }

  submit(events: E[]): Promise<R[]> {
    if (events.length === 0) return Promise.resolve([]);
    if (events.length > this.#max) {
      return Promise.reject(new RangeError(`a request holds at most ${this.#max} events, got ${events.length}`));
    }
    return new Promise((resolve, reject) => {
      this.#queue.push({ events, resolve, reject });
      this.#start();
    });
  }

  /** Resolves once every request submitted so far has been answered. */
  idle(): Promise<void> {
    return this.#idle;
  }

  #start(): void {
    if (this.#active) return;
    this.#active = true;
    // setImmediate rather than a microtask: requests read from sockets in the same turn of the
    // event loop all join the first batch.
    this.#idle = new Promise((resolve) => setImmediate(() => this.#drain().then(resolve)));
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) {
        const batch = this.#take();
        try {
          const results = await this.#run(batch.flatMap((request) => request.events));
          const split = this.#split(
            results,
            batch.map((request) => request.events),
          );
          for (const [i, request] of batch.entries()) request.resolve(split[i]);
        } catch (error) {
          for (const request of batch) request.reject(error);
        }
      }
    } finally {
      // In the same microtask as the empty-queue check, so no submit can slip between the two.
      this.#active = false;
    }
  }

  #take(): Request<E, R>[] {
    let count = 0;
    let size = 0;
    for (const request of this.#queue) {
      if (size + request.events.length > this.#max) break;
      size += request.events.length;
      count++;
      if (this.#endsBatch(request.events)) break;
    }
    return this.#queue.splice(0, count);
  }
}

/** Create results are one per event, in order: each request takes its slice. */
export function splitByPosition<R>(results: R[], requests: unknown[][]): R[][] {
  let offset = 0;
  return requests.map((events) => {
    const own = results.slice(offset, offset + events.length);
    offset += events.length;
    return own;
  });
}

/** Lookups return only what was found: each request takes the objects it asked for, in its order. */
export function splitById<R extends { id: bigint }>(results: R[], requests: bigint[][]): R[][] {
  const found = new Map(results.map((result) => [result.id, result]));
  return requests.map((ids) => ids.flatMap((id) => found.get(id) ?? []));
}

/**
 * A request ending on a `linked` event leaves its chain open. Alone it would get
 * linked_event_chain_open; followed by another caller's events, the chain would swallow them.
 * Sending it last in its batch gives exactly the result it would get alone.
 */
const endsOnOpenChain =
  (linked: number) =>
  (events: { flags: number }[]): boolean =>
    (events[events.length - 1].flags & linked) !== 0;

/** Wraps a backend so concurrent creates and lookups share TigerBeetle-sized batches. */
export function withBatching(backend: Backend): Backend {
  const accounts = new Batcher<Account, CreateAccountResult>({
    run: (events) => backend.createAccounts(events),
    split: splitByPosition,
    endsBatch: endsOnOpenChain(AccountFlags.linked),
  });
  const transfers = new Batcher<Transfer, CreateTransferResult>({
    run: (events) => backend.createTransfers(events),
    split: splitByPosition,
    endsBatch: endsOnOpenChain(TransferFlags.linked),
  });
  const accountLookups = new Batcher<bigint, Account>({
    run: (ids) => backend.lookupAccounts(ids),
    split: splitById,
  });
  const transferLookups = new Batcher<bigint, Transfer>({
    run: (ids) => backend.lookupTransfers(ids),
    split: splitById,
  });
  const batchers = [accounts, transfers, accountLookups, transferLookups];

  return {
    kind: backend.kind,
    createAccounts: (events) => accounts.submit(events),
    createTransfers: (events) => transfers.submit(events),
    lookupAccounts: (ids) => accountLookups.submit(ids),
    lookupTransfers: (ids) => transferLookups.submit(ids),
    getAccountTransfers: (filter) => backend.getAccountTransfers(filter),
    getAccountBalances: (filter) => backend.getAccountBalances(filter),
    close: async () => {
      await Promise.all(batchers.map((batcher) => batcher.idle()));
      await backend.close();
    },
  };
}
