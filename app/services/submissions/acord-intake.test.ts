import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database } from "../../../db/client.ts";
import {
  insureds,
  submissionDocuments,
  submissionDrafts,
  submissionEvents,
  submissions,
} from "../../../db/schema/index.ts";
import { guardedTestDatabase, tenantOf } from "../../../db/test/tenants.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { getDraft } from "../../models/drafts.server.ts";
import { createId } from "../../utils/ids.ts";
import { sha256Hex } from "../../utils/sha256.ts";
import {
  buildAcord125Pdf,
  buildEncryptedAcord125Pdf,
  buildFlattenedAcord125Pdf,
  buildTruncatedAcord125Pdf,
  COMPLETE_GL_VALUES,
} from "../../../tests/support/acord/test-pdf.ts";
import { AcordDraftSchema, MAX_ACORD_BYTES } from "./acord-draft.ts";
import { draftFromAcordUpload, fileAcordDraft } from "./acord-intake.server.ts";
import { startLocalR2 } from "../documents/local-r2.ts";

const db = guardedTestDatabase();
const NOW = new Date("2026-11-22T12:00:00Z");
const VALUES = { ...COMPLETE_GL_VALUES, effectiveDate: "12/20/2026" };
let r2: Awaited<ReturnType<typeof startLocalR2>>;

beforeAll(async () => {
  r2 = await startLocalR2();
});
afterAll(() => r2.dispose());

// Each test uploads as its own user id, so "nothing left behind" can be checked by uploader
// while other test files write to the same database.
function uploader(): TenantContext {
  return { ...tenantOf("producer@summit.demo"), userId: createId("usr") };
}

async function leftBehind(tenant: TenantContext) {
  const [drafts, documents] = await Promise.all([
    db
      .select()
      .from(submissionDrafts)
      .where(and(eq(submissionDrafts.orgId, tenant.orgId), eq(submissionDrafts.producerUserId, tenant.userId))),
    db
      .select()
      .from(submissionDocuments)
      .where(and(eq(submissionDocuments.orgId, tenant.orgId), eq(submissionDocuments.uploadedByUserId, tenant.userId))),
  ]);
  return {
    drafts: drafts.length,
    documents: documents.length,
    objects: (await r2.objectKeys(`orgs/${tenant.orgId}/`)).length,
  };
}

const file = (bytes: Uint8Array, name = "acord125.pdf") => ({ name, bytes: bytes as Uint8Array<ArrayBuffer> });

describe("an upload that cannot be used leaves nothing behind", () => {
  test.each([
    ["a text file", async () => new TextEncoder().encode("Name,Revenue\nHarbor Line,1250000\n"), "NOT_A_PDF"],
    ["an encrypted PDF", () => buildEncryptedAcord125Pdf(VALUES), "ENCRYPTED"],
    ["a flattened copy with no form fields", () => buildFlattenedAcord125Pdf(VALUES), "NO_FORM_FIELDS"],
    ["a truncated PDF", () => buildTruncatedAcord125Pdf(VALUES), "UNREADABLE"],
    ["a PDF over the size limit", async () => new Uint8Array(MAX_ACORD_BYTES + 1).fill(0x25), "TOO_LARGE"],
  ])("%s", async (_name, build, code) => {
    const tenant = uploader();
    const before = await leftBehind(tenant);
    const outcome = await draftFromAcordUpload(db, r2.bucket, tenant, file(await build()), NOW);
    expect(outcome).toMatchObject({ ok: false, error: { code } });
    if (!outcome.ok) expect(outcome.error.message.length).toBeGreaterThan(20);
    expect(await leftBehind(tenant)).toEqual(before);
  });

  test("a database failure after the PDF reached R2 deletes the PDF and keeps no draft", async () => {
    const tenant = uploader();
    const before = await leftBehind(tenant);
    // The real database runs the inserts; the commit is lost, as when a connection drops.
    const losingCommits = Object.create(db, {
      transaction: {
        value: (work: Parameters<Database["transaction"]>[0]) =>
          db.transaction(async (tx) => {
            await work(tx);
            throw new Error("commit lost");
          }),
      },
    }) as Database;
    await expect(
      draftFromAcordUpload(losingCommits, r2.bucket, tenant, file(await buildAcord125Pdf(VALUES)), NOW),
    ).rejects.toThrow("commit lost");
    expect(await leftBehind(tenant)).toEqual(before);
  });
});

describe("a readable ACORD 125", () => {
  test("becomes a draft pre-filled from the form, with the PDF stored in R2 and linked", async () => {
    const tenant = uploader();
    const pdf = await buildAcord125Pdf(VALUES);
    const outcome = await draftFromAcordUpload(db, r2.bucket, tenant, file(pdf, "Harbor Line ACORD.pdf"), NOW);
    if (!outcome.ok) throw new Error(outcome.error.code);
    const draft = await getDraft(db, tenant, outcome.draft.id);
    expect(draft).toMatchObject({
      source: "acord_125",
      needsReview: false,
      values: {
        insuredName: "Harbor Line Plumbing LLC",
        addressLine1: "4800 Dahlia St Suite 13",
        city: "Austin",
        state: "TX",
        postalCode: "78701",
        programId: "prg_summit_gl",
        naicsCode: "238220",
        exposure: "1,250,000",
        requestedLimit: "1,000,000",
        deductible: "2,500",
        effectiveDate: "2026-12-20",
        priorLossCount: "0",
        termMonths: "12",
      },
    });
    expect(draft!.review).toMatchObject({ lowConfidence: [], missing: [] });
    const [document] = await db
      .select()
      .from(submissionDocuments)
      .where(and(eq(submissionDocuments.orgId, tenant.orgId), eq(submissionDocuments.submissionId, draft!.id)));
    expect(document).toMatchObject({
      kind: "acord_125",
      filename: "Harbor Line ACORD.pdf",
      contentType: "application/pdf",
      sizeBytes: pdf.byteLength,
      sha256: await sha256Hex(pdf as Uint8Array<ArrayBuffer>),
    });
    const object = await r2.bucket.get(document!.r2Key);
    expect(new Uint8Array(await object!.arrayBuffer())).toEqual(pdf);
  });

  test("fields read with low confidence flag the draft and are listed for highlighting", async () => {
    const tenant = uploader();
    const pdf = await buildAcord125Pdf(VALUES, {
      rename: { insuredName: "insured_name", naicsCode: "NAICS", effectiveDate: "Effective Date of the Policy" },
    });
    const outcome = await draftFromAcordUpload(db, r2.bucket, tenant, file(pdf), NOW);
    if (!outcome.ok) throw new Error(outcome.error.code);
    expect(outcome.draft.needsReview).toBe(true);
    expect(outcome.draft.review?.lowConfidence).toEqual(["insuredName", "naicsCode", "effectiveDate"]);
    expect(outcome.draft.review?.fields.effectiveDate).toMatchObject({ confidence: 0.65 });
    const [document] = await db
      .select()
      .from(submissionDocuments)
      .where(and(eq(submissionDocuments.orgId, tenant.orgId), eq(submissionDocuments.submissionId, outcome.draft.id)));
    expect(document!.extraction).toMatchObject({
      needsReview: true,
      lowConfidenceFields: ["insuredName", "naicsCode", "effectiveDate"],
    });
  });

  test("a confirmed draft is filed under the draft's id: the document stays linked and the draft is gone", async () => {
    const tenant = uploader();
    const outcome = await draftFromAcordUpload(
      db,
      r2.bucket,
      tenant,
      file(await buildAcord125Pdf(VALUES, { rename: { naicsCode: "NAICS" } })),
      NOW,
    );
    if (!outcome.ok) throw new Error(outcome.error.code);
    const input = AcordDraftSchema.parse({ ...outcome.draft.values, insuredName: "Harbor Line Plumbing Co" });
    const filed = await fileAcordDraft(db, tenant, outcome.draft, input, "2026-11-22");
    expect(filed).toEqual({ ok: true, submissionId: outcome.draft.id });
    const [submission] = await db
      .select()
      .from(submissions)
      .where(and(eq(submissions.orgId, tenant.orgId), eq(submissions.id, outcome.draft.id)));
    expect(submission).toMatchObject({
      status: "submitted",
      naicsCode: "238220",
      annualRevenueCents: 125_000_000,
      requestedLimitCents: 100_000_000,
      deductibleCents: 250_000,
    });
    const [insured] = await db
      .select()
      .from(insureds)
      .where(and(eq(insureds.orgId, tenant.orgId), eq(insureds.id, submission!.insuredId)));
    expect(insured).toMatchObject({ name: "Harbor Line Plumbing Co", city: "Austin", postalCode: "78701" });
    expect(await getDraft(db, tenant, outcome.draft.id)).toBeNull();
    const events = await db
      .select()
      .from(submissionEvents)
      .where(and(eq(submissionEvents.orgId, tenant.orgId), eq(submissionEvents.submissionId, outcome.draft.id)));
    expect(events.find((e) => e.type === "acord_confirmed")?.detail).toEqual({
      flaggedForReview: true,
      lowConfidenceFields: ["naicsCode"],
      missingFields: [],
    });

    // Filing the same draft again (a double click) fails whole: no second submission.
    await expect(fileAcordDraft(db, tenant, outcome.draft, input, "2026-11-22")).rejects.toThrow();
  });

  test("a refused filing keeps the draft", async () => {
    const tenant = uploader();
    const outcome = await draftFromAcordUpload(db, r2.bucket, tenant, file(await buildAcord125Pdf(VALUES)), NOW);
    if (!outcome.ok) throw new Error(outcome.error.code);
    const input = AcordDraftSchema.parse({ ...outcome.draft.values, state: "WI" });
    expect(await fileAcordDraft(db, tenant, outcome.draft, input, "2026-11-22")).toMatchObject({
      ok: false,
      field: "programId",
    });
    expect(await getDraft(db, tenant, outcome.draft.id)).not.toBeNull();
  });
});
