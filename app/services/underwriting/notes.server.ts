import type { Database } from "../../../db/client.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import type { NoteVisibility } from "../../../db/schema/index.ts";
import { hasPermission } from "../../auth/permissions.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { insertNote, listNotes as listNoteRows } from "../../models/notes.server.ts";
import { recordSubmissionEvent } from "../../models/submission-events.server.ts";
import { lockSubmission } from "../../models/submissions.server.ts";

export type NoteOutcome = { ok: true; noteId: string } | { ok: false; reason: "not_found" | "forbidden" };

/** An underwriter's note on a submission; internal notes stay inside the MGA. The timeline never shows its text. */
export async function addNote(
  db: Database,
  tenant: TenantContext,
  submissionId: string,
  note: { visibility: NoteVisibility; body: string },
): Promise<NoteOutcome> {
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
  return listNoteRows(db, tenant, submissionId, { internalToo: hasPermission(tenant.roles, "read:internal-note") });
}
