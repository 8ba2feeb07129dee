/**
 * Fair, bounded work for the shared event consumer and the webhook retry sweep: every tenant's
 * work shares one Worker, so one tenant's slow or dead receivers must not stall the others.
 * Work runs round-robin across keys (organizations), at most `concurrency` at once in all and at
 * most `perKey` at once for any one key; each task is bounded by its own timeout (the webhook
 * request's AbortSignal), so a slot is never held forever.
 */

export const WEBHOOK_CONCURRENCY = 6;
export const WEBHOOK_CONCURRENCY_PER_ORG = 2;
/** The sweep attempts at most this many of one organization's due deliveries per run. */
export const SWEEP_PER_ORG = 10;
/** Active endpoints an organization may have. */
export const MAX_WEBHOOK_ENDPOINTS_PER_ORG = 10;

export type FairLimits = { concurrency: number; perKey: number };

/**
 * Runs `run` for every item, round-robin across `keyOf` with the given limits; resolves when all
 * have settled. A task that throws is reported to `onError` and does not stop the others.
 */
export async function runFairly<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  run: (item: T) => Promise<unknown>,
  limits: FairLimits,
  onError: (item: T, error: unknown) => void = () => {},
): Promise<void> {
  const queues = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const queue = queues.get(key);
    if (queue) queue.push(item);
    else queues.set(key, [item]);
  }
  const keys = [...queues.keys()];
  const running = new Map<string, number>();
  let cursor = 0;
  let active = 0;

  /** The next key in rotation with work waiting and a free per-key slot. */
  const nextKey = (): string | undefined => {
    for (let i = 0; i < keys.length; i++) {
      const key = keys[(cursor + i) % keys.length]!;
      if ((queues.get(key)?.length ?? 0) > 0 && (running.get(key) ?? 0) < limits.perKey) {
        cursor = (cursor + i + 1) % keys.length;
        return key;
      }
    }
    return undefined;
  };

  await new Promise<void>((resolve) => {
    const pump = () => {
      while (active < limits.concurrency) {
        const key = nextKey();
        if (key === undefined) break;
        const item = queues.get(key)!.shift()!;
        active++;
        running.set(key, (running.get(key) ?? 0) + 1);
        Promise.resolve()
          .then(() => run(item))
          .catch((error: unknown) => onError(item, error))
          .finally(() => {
            active--;
            running.set(key, running.get(key)! - 1);
            pump();
          });
      }
      if (active === 0) resolve();
    };
    pump();
  });
}

/**
 * The sweep's share for each organization: due rows (oldest first) interleaved round-robin by
 * org, at most `perOrg` of any one, at most `limit` in all. An org with a thousand due deliveries
 * takes no more of a run than one with a single delivery.
 */
export function interleaveByOrg<T extends { org_id: string }>(rows: readonly T[], perOrg: number, limit: number): T[] {
  const byOrg = new Map<string, T[]>();
  for (const row of rows) {
    const list = byOrg.get(row.org_id) ?? [];
    if (list.length < perOrg) list.push(row);
    byOrg.set(row.org_id, list);
  }
  const out: T[] = [];
  for (let round = 0; out.length < limit; round++) {
    let any = false;
    for (const list of byOrg.values()) {
      if (round < list.length) {
        out.push(list[round]!);
        any = true;
        if (out.length === limit) break;
      }
    }
    if (!any) break;
  }
  return out;
}
