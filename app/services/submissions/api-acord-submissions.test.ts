import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { submissionDocuments, submissions } from "../../../db/schema/index.ts";
import { guardedTestDatabase, tenantOf } from "../../../db/test/tenants.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { createId } from "../../utils/ids.ts";
import {
  buildAcord125Pdf,
  COMPLETE_GL_VALUES,
  type Acord125TestValues,
} from "../../../tests/support/acord/test-pdf.ts";
import { startLocalR2 } from "../documents/local-r2.ts";
import { fileApiAcordSubmission } from "./api-acord-submissions.server.ts";
import { ApiFailure } from "../api/http.server.ts";

const db = guardedTestDatabase();
const TODAY = "2026-11-22";
let r2: Awaited<ReturnType<typeof startLocalR2>>;

beforeAll(async () => {
  r2 = await startLocalR2();
});
afterAll(() => r2.dispose());

function apiClient(): TenantContext {
  return { ...tenantOf("producer@summit.demo"), userId: createId("usr") };
}

async function multipart(values: Acord125TestValues): Promise<Request> {
  const form = new FormData();
  form.set(
    "acord125",
    new File([(await buildAcord125Pdf(values)) as Uint8Array<ArrayBuffer>], "acord125.pdf", {
      type: "application/pdf",
    }),
  );
  return new Request("http://localhost/v1/submissions", { method: "POST", body: form });
}

const documentsBy = (tenant: TenantContext) =>
  db
    .select()
    .from(submissionDocuments)
    .where(and(eq(submissionDocuments.orgId, tenant.orgId), eq(submissionDocuments.uploadedByUserId, tenant.userId)));

test("a filed ACORD submission has its PDF stored and linked in the same commit", async () => {
  const tenant = apiClient();
  const filed = await fileApiAcordSubmission(
    db,
    r2.bucket,
    tenant,
    await multipart({ ...COMPLETE_GL_VALUES, effectiveDate: "12/18/2026" }),
    TODAY,
  );
  const [document] = await documentsBy(tenant);
  expect(document).toMatchObject({
    id: filed.documentId,
    submissionId: filed.submissionId,
    kind: "acord_125",
    extraction: { needsReview: false },
  });
  expect(await r2.bucket.head(document!.r2Key)).not.toBeNull();
  const [submission] = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.orgId, tenant.orgId), eq(submissions.id, filed.submissionId)));
  expect(submission!.status).toBe("submitted");
});

test.each([
  ["a home state no program writes", { mailingState: "WI" }, "STATE_NOT_AUTHORIZED"],
  ["an effective date in the past", { effectiveDate: "01/15/2026" }, "VALIDATION_FAILED"],
])("a submission refused for %s leaves neither a row nor an object", async (_name, change, code) => {
  const tenant = apiClient();
  const before = await r2.objectKeys(`orgs/${tenant.orgId}/`);
  const refusal = await fileApiAcordSubmission(
    db,
    r2.bucket,
    tenant,
    await multipart({ ...COMPLETE_GL_VALUES, effectiveDate: "12/18/2026", ...change }),
    TODAY,
  ).catch((error: unknown) => error);
  expect(refusal).toBeInstanceOf(ApiFailure);
  expect((refusal as ApiFailure).code).toBe(code);
  expect(await documentsBy(tenant)).toEqual([]);
  expect(await r2.objectKeys(`orgs/${tenant.orgId}/`)).toEqual(before);
});
