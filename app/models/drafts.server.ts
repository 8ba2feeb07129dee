import { and, desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { submissionDrafts, type DraftReview, type DraftSource } from "../../db/schema/index.ts";
import type { TenantContext } from "../auth/session.server.ts";
import type { FilingOptions } from "../services/intake.server.ts";
import { createId } from "../utils/ids.ts";

export type SubmissionDraft = typeof submissionDrafts.$inferSelect;

// Drafts belong to the producer's agency, like its submissions: a colleague can pick one up.
function agencyDrafts(tenant: TenantContext) {
  return and(eq(submissionDrafts.orgId, tenant.orgId), eq(submissionDrafts.agencyId, tenant.agencyId ?? ""));
}

export async function listDrafts(db: Database, tenant: TenantContext, { limit = 50 } = {}) {
  if (!tenant.agencyId) return [];
  return db
    .select({ id: submissionDrafts.id, source: submissionDrafts.source, values: submissionDrafts.values, needsReview: submissionDrafts.needsReview, updatedAt: submissionDrafts.updatedAt })
    .from(submissionDrafts)
    .where(agencyDrafts(tenant))
    .orderBy(desc(submissionDrafts.updatedAt), desc(submissionDrafts.id))
    .limit(limit);
}

export async function getDraft(db: Database, tenant: TenantContext, draftId: string): Promise<SubmissionDraft | null> {
  if (!tenant.agencyId) return null;
  const [draft] = await db.select().from(submissionDrafts).where(and(agencyDrafts(tenant), eq(submissionDrafts.id, draftId))).limit(1);
  return draft ?? null;
}

export function newDraft(tenant: TenantContext & { agencyId: string }, source: DraftSource, values: Record<string, string>, review: DraftReview | null, needsReview: boolean): SubmissionDraft {
  const now = new Date();
  // The draft's id is the submission's id to be: see FilingOptions.submissionId.
  return { id: createId("sub"), orgId: tenant.orgId, agencyId: tenant.agencyId, producerUserId: tenant.userId, source, values, review, needsReview, createdAt: now, updatedAt: now };
}

/** Saves the intake form as typed; returns the draft's id (a new one when `draftId` is not the agency's). */
export async function saveFormDraft(db: Database, tenant: TenantContext, draftId: string | null, values: Record<string, string>): Promise<string | null> {
  if (!tenant.agencyId) return null;
  const existing = draftId ? await getDraft(db, tenant, draftId) : null;
  if (existing) {
    await db.update(submissionDrafts).set({ values }).where(and(agencyDrafts(tenant), eq(submissionDrafts.id, existing.id)));
    return existing.id;
  }
  const draft = newDraft({ ...tenant, agencyId: tenant.agencyId }, "form", values, null, false);
  await db.insert(submissionDrafts).values(draft);
  return draft.id;
}

/** Files the submission under the draft's id and removes the draft in the same transaction. */
export function fromDraft(tenant: TenantContext, draft: SubmissionDraft): FilingOptions {
  return {
    submissionId: draft.id,
    alsoWrite: async (tx) => {
      const result = await tx.delete(submissionDrafts).where(and(agencyDrafts(tenant), eq(submissionDrafts.id, draft.id)));
      // Filed twice at once (a double click): the second filing rolls back instead of duplicating.
      if (Number(result.rowsAffected) !== 1) throw new Error(`draft ${draft.id} was already filed`);
    },
  };
}
