import { AsyncLocalStorage } from "node:async_hooks";

// Work the Worker does off a request's path: after the response (waitUntil), a queue batch, the
// cron. Local stacks send its kind with every statement it makes, so the bench counts a request's
// round trips without the after-response work that overlaps it (ADR 032).

export type OffRequestPathWork = "after-response" | "queue" | "cron";

/** The header a statement carries when made by work off the request path (local stacks only). */
export const OFF_REQUEST_PATH_HEADER = "x-openinsure-work";

const work = new AsyncLocalStorage<OffRequestPathWork>();

export function runOffRequestPath<T>(kind: OffRequestPathWork, run: () => Promise<T>): Promise<T> {
  return work.run(kind, run);
}

/** The headers marking a statement made off the request path; none on the request path. */
export function offRequestPathHeaders(): Record<string, string> | undefined {
  const kind = work.getStore();
  return kind ? { [OFF_REQUEST_PATH_HEADER]: kind } : undefined;
}
