import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { submissionNotes, submissions, user, type NoteKind, type NoteVisibility } from "../../db/schema/index.ts";
import type { Transaction } from "../../db/transaction.ts";
import { visibleSubmissions } from "./scope.server.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { createId } from "../utils/ids.ts";

/** Inserts a note by the user; returns its id. */
export async function insertNote(
  tx: Transaction,
  tenant: TenantContext,
  submissionId: string,
  note: { visibility: NoteVisibility; kind: NoteKind; body: string },
) {
  const noteId = createId("note");
  await tx
    .insert(submissionNotes)
    .values({ id: noteId, orgId: tenant.orgId, submissionId, authorUserId: tenant.userId, ...note });
  return noteId;
}

/** The notes of a submission the user may see, oldest first; external ones only unless `internalToo`. */
export async function listNotes(
  db: Database,
  tenant: TenantContext,
  submissionId: string,
  { internalToo }: { internalToo: boolean },
) {
  return db
    .select({
      id: submissionNotes.id,
      visibility: submissionNotes.visibility,
      kind: submissionNotes.kind,
      body: submissionNotes.body,
      createdAt: submissionNotes.createdAt,
      authorName: user.name,
    })
    .from(submissionNotes)
    .innerJoin(
      submissions,
      and(eq(submissions.orgId, submissionNotes.orgId), eq(submissions.id, submissionNotes.submissionId)),
    )
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
