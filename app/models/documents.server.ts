import { and, desc, eq, or } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Transaction } from "../../db/transaction.ts";
import { submissionDocuments, submissionDrafts, submissions } from "../../db/schema/index.ts";
import { visibleSubmissions } from "./scope.server.ts";
import type { TenantContext } from "../auth/session.server.ts";

const listed = {
  id: submissionDocuments.id,
  kind: submissionDocuments.kind,
  filename: submissionDocuments.filename,
  sizeBytes: submissionDocuments.sizeBytes,
  extraction: submissionDocuments.extraction,
  createdAt: submissionDocuments.createdAt,
};

// A document is the user's to see when its submission is, or, before filing, when the draft is
// their agency's.
function documentVisible(tenant: TenantContext) {
  const ownDraft = tenant.agencyId
    ? and(eq(submissionDrafts.agencyId, tenant.agencyId), eq(submissionDrafts.orgId, tenant.orgId))
    : undefined;
  return and(
    eq(submissionDocuments.orgId, tenant.orgId),
    or(and(visibleSubmissions(tenant), eq(submissions.orgId, tenant.orgId)), ownDraft),
  );
}

const submissionOfDocument = and(
  eq(submissions.orgId, submissionDocuments.orgId),
  eq(submissions.id, submissionDocuments.submissionId),
);
const draftOfDocument = and(
  eq(submissionDrafts.orgId, submissionDocuments.orgId),
  eq(submissionDrafts.id, submissionDocuments.submissionId),
);

export type ListedDocument = Awaited<ReturnType<typeof listSubmissionDocuments>>[number];

/** The documents of a submission (or a draft) the user may see, newest first. */
export async function listSubmissionDocuments(db: Database, tenant: TenantContext, submissionId: string) {
  return db
    .select(listed)
    .from(submissionDocuments)
    .leftJoin(submissions, submissionOfDocument)
    .leftJoin(submissionDrafts, draftOfDocument)
    .where(and(documentVisible(tenant), eq(submissionDocuments.submissionId, submissionId)))
    .orderBy(desc(submissionDocuments.createdAt), desc(submissionDocuments.id));
}

/**
 * Whether the user may see the submission (or their agency's draft) that documents hang on, so a
 * list for an id outside their scope answers 404 rather than an empty list.
 */
export async function documentParentVisible(
  db: Database,
  tenant: TenantContext,
  submissionId: string,
): Promise<boolean> {
  const [submission] = await db
    .select({ id: submissions.id })
    .from(submissions)
    .where(and(eq(submissions.orgId, tenant.orgId), visibleSubmissions(tenant), eq(submissions.id, submissionId)))
    .limit(1);
  if (submission) return true;
  if (!tenant.agencyId) return false;
  const [draft] = await db
    .select({ id: submissionDrafts.id })
    .from(submissionDrafts)
    .where(
      and(
        eq(submissionDrafts.orgId, tenant.orgId),
        eq(submissionDrafts.agencyId, tenant.agencyId),
        eq(submissionDrafts.id, submissionId),
      ),
    )
    .limit(1);
  return Boolean(draft);
}

/** One document for download, only if the user may see it. */
export async function findDocumentForDownload(db: Database, tenant: TenantContext, documentId: string) {
  const [row] = await db
    .select({
      r2Key: submissionDocuments.r2Key,
      filename: submissionDocuments.filename,
      contentType: submissionDocuments.contentType,
    })
    .from(submissionDocuments)
    .leftJoin(submissions, submissionOfDocument)
    .leftJoin(submissionDrafts, draftOfDocument)
    .where(and(documentVisible(tenant), eq(submissionDocuments.id, documentId)))
    .limit(1);
  return row ?? null;
}

export async function insertSubmissionDocument(
  tx: Database | Transaction,
  document: typeof submissionDocuments.$inferInsert,
): Promise<void> {
  await tx.insert(submissionDocuments).values(document);
}
