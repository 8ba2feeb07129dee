import { and, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { insureds, submissionDrafts, type DraftReview, type DraftSource } from "../../db/schema/index.ts";
import type { TenantContext } from "../auth/session.server.ts";
import type { Transaction } from "../../db/transaction.ts";
import { createId } from "../utils/ids.ts";

export type SubmissionDraft = typeof submissionDrafts.$inferSelect;

// Drafts belong to the producer's agency, like its submissions: a colleague can pick one up.
function agencyDrafts(tenant: TenantContext) {
  return and(eq(submissionDrafts.orgId, tenant.orgId), eq(submissionDrafts.agencyId, tenant.agencyId ?? ""));
}

/** The agency's drafts, newest first, each named by its insured (typed on ACORD drafts, chosen on form drafts). */
export async function listDrafts(db: Database, tenant: TenantContext, { limit = 50 } = {}) {
  if (!tenant.agencyId) return [];
  const drafts = await db
    .select({
      id: submissionDrafts.id,
      source: submissionDrafts.source,
      values: submissionDrafts.values,
      needsReview: submissionDrafts.needsReview,
      updatedAt: submissionDrafts.updatedAt,
    })
    .from(submissionDrafts)
    .where(agencyDrafts(tenant))
    .orderBy(desc(submissionDrafts.updatedAt), desc(submissionDrafts.id))
    .limit(limit);
  const chosen = [
    ...new Set(drafts.map((d) => d.values.insuredId).filter((id): id is string => typeof id === "string" && id !== "")),
  ];
  const names = chosen.length
    ? new Map(
        (
          await db
            .select({ id: insureds.id, name: insureds.name })
            .from(insureds)
            .where(
              and(
                eq(insureds.orgId, tenant.orgId),
                eq(insureds.agencyId, tenant.agencyId),
                inArray(insureds.id, chosen),
              ),
            )
        ).map((i) => [i.id, i.name]),
      )
    : new Map<string, string>();
  return drafts.map(({ values, ...draft }) => ({
    ...draft,
    insuredName: values.insuredName || names.get(values.insuredId ?? "") || null,
  }));
}

export async function getDraft(db: Database, tenant: TenantContext, draftId: string): Promise<SubmissionDraft | null> {
  if (!tenant.agencyId) return null;
  const [draft] = await db
    .select()
    .from(submissionDrafts)
    .where(and(agencyDrafts(tenant), eq(submissionDrafts.id, draftId)))
    .limit(1);
  return draft ?? null;
}

export function newDraft(
  tenant: TenantContext & { agencyId: string },
  source: DraftSource,
  values: Record<string, string>,
  review: DraftReview | null,
  needsReview: boolean,
): SubmissionDraft {
  const now = new Date();
  // The draft's id is the submission's id to be: see FilingOptions.submissionId.
  return {
    id: createId("sub"),
    orgId: tenant.orgId,
    agencyId: tenant.agencyId,
    producerUserId: tenant.userId,
    source,
    values,
    review,
    needsReview,
    createdAt: now,
    updatedAt: now,
  };
}

const CONTROL_FIELDS = new Set(["intent", "draftId", "confirmed"]);

/** The form as typed, bounded: a draft keeps text, not files, and not without limit. */
export function draftValuesFrom(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form) {
    if (typeof value !== "string" || CONTROL_FIELDS.has(name) || name.length > 60) continue;
    if (Object.keys(values).length >= 60) break;
    values[name] = value.slice(0, 1000);
  }
  return values;
}

/** Saves a form as typed; returns the draft's id (a new one when `draftId` is not the agency's). */
export async function saveDraft(
  db: Database,
  tenant: TenantContext,
  draftId: string | null,
  values: Record<string, string>,
): Promise<string | null> {
  if (!tenant.agencyId) return null;
  const existing = draftId ? await getDraft(db, tenant, draftId) : null;
  if (existing) {
    await db
      .update(submissionDrafts)
      .set({ values })
      .where(and(agencyDrafts(tenant), eq(submissionDrafts.id, existing.id)));
    return existing.id;
  }
  const draft = newDraft({ ...tenant, agencyId: tenant.agencyId }, "form", values, null, false);
  await db.insert(submissionDrafts).values(draft);
  return draft.id;
}

/** Stores a new draft (an ACORD upload's, with its document written in the same transaction). */
export async function insertDraft(db: Database | Transaction, draft: SubmissionDraft) {
  await db.insert(submissionDrafts).values(draft);
}

/**
 * Removes a draft as its submission is filed. A draft filed twice at once (a double click) is
 * gone for the second filing: this throws, and that filing rolls back instead of duplicating.
 */
export async function deleteFiledDraft(tx: Transaction, tenant: TenantContext, draftId: string) {
  const result = await tx.delete(submissionDrafts).where(and(agencyDrafts(tenant), eq(submissionDrafts.id, draftId)));
  if (Number(result.rowsAffected) !== 1) throw new Error(`draft ${draftId} was already filed`);
}
