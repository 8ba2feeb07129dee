import type { SubmissionStatus } from "../../db/schema/index.ts";

// Shared by the queue's loader and its filter form.

/** Statuses in which a submission waits on an underwriter. */
export const NEEDS_UNDERWRITING = [
  "submitted",
  "in_review",
  "referred",
  "quoted",
] as const satisfies readonly SubmissionStatus[];

export const QUEUE_SORTS = ["newest", "oldest", "premium", "state"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
