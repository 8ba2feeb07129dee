import { AsyncLocalStorage } from "node:async_hooks";

// Whether the request being handled wrote domain events to the outbox. The Worker publishes the
// outbox (a query over every tenant's unpublished rows) after a request only when it did, not
// after every POST; the cron sweep still publishes whatever a request missed.

const writes = new AsyncLocalStorage<{ wroteEvents: boolean }>();

/** Runs `handle` and reports whether anything in it wrote outbox events. */
export async function trackOutboxWrites<T>(handle: () => Promise<T>): Promise<{ result: T; wroteEvents: boolean }> {
  const marker = { wroteEvents: false };
  const result = await writes.run(marker, handle);
  return { result, wroteEvents: marker.wroteEvents };
}

/** Called by the outbox model on every insert. */
export function noteOutboxWrite(): void {
  const marker = writes.getStore();
  if (marker) marker.wroteEvents = true;
}
