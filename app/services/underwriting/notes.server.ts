import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../../db/client.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import { submissionNotes, submissions, user, type NoteKind, type NoteVisibility } from "../../../db/schema/index.ts";
import { hasPermission } from "../../auth/permissions.ts";
import { visibleSubmissions } from "../../auth/scope.server.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { createId } from "../../utils/ids.ts";
import { recordSubmissionEvent, type Tx } from "./events.server.ts";
import { lockSubmission } from "./submission-lock.server.ts";

export type NoteOutcome = { ok: true; noteId: string } | { ok: false; reason: "not_found" | "forbidden" };

/** Inserts a note; the timeline records that a note was added, never its text. */
export async function insertNote(tx: Tx, tenant: TenantContext, submissionId: string, note: { visibility: NoteVisibility; kind: NoteKind; body: string }) {
  const noteId = createId("note");
  await tx.insert(submissionNotes).values({ id: noteId, orgId: tenant.orgId, submissionId, authorUserId: tenant.userId, ...note });
  return noteId;
}

/** An underwriter's note on a submission; internal notes stay inside the MGA. */
export async function addNote(db: Database, tenant: TenantContext, submissionId: string, note: { visibility: NoteVisibility; body: string }): Promise<NoteOutcome> {
  if (!hasPermission(tenant.roles, "underwrite:submission")) return { ok: false, reason: "forbidden" };
  return transactionWithRetry(db, async (tx) => {
    if (!(await lockSubmission(tx, tenant, submissionId))) return { ok: false, reason: "not_found" } as const;
    const noteId = await insertNote(tx, tenant, submissionId, { ...note, kind: "note" });
    await recordSubmissionEvent(tx, tenant, submissionId, "note_added", { noteId, visibility: note.visibility });
    return { ok: true, noteId } as const;
  });
}

/** The notes the user may read, oldest first: internal ones only for those who may read them. */
export async function listNotes(db: Database, tenant: TenantContext, submissionId: string) {
  const internalToo = hasPermission(tenant.roles, "read:internal-note");
  return db
    .select({ id: submissionNotes.id, visibility: submissionNotes.visibility, kind: submissionNotes.kind, body: submissionNotes.body, createdAt: submissionNotes.createdAt, authorName: user.name })
    .from(submissionNotes)
    .innerJoin(submissions, and(eq(submissions.orgId, submissionNotes.orgId), eq(submissions.id, submissionNotes.submissionId)))
    .innerJoin(user, eq(user.id, submissionNotes.authorUserId))
    .where(
      and(
        eq(submissionNotes.orgId, tenant.orgId),
        visibleSubmissions(tenant),
        eq(submissionNotes.submissionId, submissionId),
        internalToo ? undefined : eq(submissionNotes.visibility, "external"),
      ),
    )
    .orderBy(asc(submissionNotes.createdAt), asc(submissionNotes.id));
}
