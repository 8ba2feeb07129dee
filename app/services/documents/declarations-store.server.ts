import { and, eq } from "drizzle-orm";
import type { Database } from "../../../db/client.ts";
import { policies, submissionDocuments } from "../../../db/schema/index.ts";
import { visiblePolicies } from "../../auth/scope.server.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { getDeclarationsData } from "../../models/declarations.server.ts";
import { renderDeclarationsPdf } from "./declarations.ts";
import { describeDocument, documentResponse, insertDocument, storeDocument, type StoredDocument } from "./storage.server.ts";

type PolicyDeclarations = { id: string; policyNumber: string; submissionId: string | null; stored: StoredDocument | null };

async function findPolicyDeclarations(db: Database, tenant: TenantContext, policyId: string): Promise<PolicyDeclarations | null> {
  const [row] = await db
    .select({ id: policies.id, policyNumber: policies.policyNumber, submissionId: policies.submissionId, stored: submissionDocuments })
    .from(policies)
    .leftJoin(
      submissionDocuments,
      and(eq(submissionDocuments.orgId, policies.orgId), eq(submissionDocuments.policyId, policies.id), eq(submissionDocuments.kind, "declarations")),
    )
    .where(and(visiblePolicies(tenant), eq(policies.id, policyId)))
    .limit(1);
  return row ?? null;
}

/**
 * The declarations page of a policy the user may see: the stored copy, or, when none is stored
 * yet (or its object is gone), rendered from the stored policy and kept for next time. Null when
 * the policy is not the user's to see.
 */
export async function declarationsDownload(db: Database, bucket: R2Bucket, tenant: TenantContext, policyId: string): Promise<Response | null> {
  const policy = await findPolicyDeclarations(db, tenant, policyId);
  if (!policy) return null;
  if (policy.stored) {
    const stored = await documentResponse(bucket, policy.stored);
    if (stored) return stored;
  }
  const pdf = await renderFor(db, tenant, policyId);
  if (!pdf) return null;
  try {
    await keep(db, bucket, tenant, policy, pdf);
  } catch (error) {
    // The download does not depend on storage: the next one tries again.
    console.error(`declarations of ${policyId} not stored`, error);
  }
  return new Response(pdf, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${filenameOf(policy)}"`,
      "cache-control": "private, no-store",
    },
  });
}

/**
 * After a bind commits: render the declarations once and store them with the policy. Never
 * throws: the policy is bound whatever happens here, and the first download stores what is missing.
 */
export async function issueDeclarations(db: Database, bucket: R2Bucket, tenant: TenantContext, policyId: string): Promise<void> {
  try {
    const policy = await findPolicyDeclarations(db, tenant, policyId);
    if (!policy || policy.stored) return;
    const pdf = await renderFor(db, tenant, policyId);
    if (pdf) await keep(db, bucket, tenant, policy, pdf);
  } catch (error) {
    console.error(`declarations of ${policyId} not stored after bind`, error);
  }
}

async function renderFor(db: Database, tenant: TenantContext, policyId: string) {
  const data = await getDeclarationsData(db, tenant, policyId);
  return data ? ((await renderDeclarationsPdf(data)) as Uint8Array<ArrayBuffer>) : null;
}

function filenameOf(policy: { policyNumber: string }) {
  return `${policy.policyNumber}-declarations.pdf`;
}

const DUPLICATE_KEY = /errno 1062|Duplicate entry/;

function isDuplicate(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (DUPLICATE_KEY.test(e.message)) return true;
  }
  return false;
}

async function keep(db: Database, bucket: R2Bucket, tenant: TenantContext, policy: PolicyDeclarations, pdf: Uint8Array<ArrayBuffer>) {
  if (policy.stored) {
    // The row outlived its object: the same policy renders the same bytes, so put them back.
    await bucket.put(policy.stored.r2Key, pdf, { httpMetadata: { contentType: "application/pdf" } });
    return;
  }
  const document = await describeDocument(
    tenant,
    { submissionId: policy.submissionId, policyId: policy.id, uploadedByUserId: null },
    { kind: "declarations", filename: filenameOf(policy), contentType: "application/pdf", bytes: pdf },
  );
  await storeDocument(bucket, document, pdf, async () => {
    try {
      await insertDocument(db, document);
      return { ok: true };
    } catch (error) {
      // Stored concurrently by another request: theirs is kept, this object is removed.
      if (isDuplicate(error)) return { ok: false };
      throw error;
    }
  });
}
