import { expect, test } from "vitest";
import { guardedTestDatabase, tenantOf } from "../../db/test/tenants.ts";
import { createId } from "../utils/ids.ts";
import { describeDocument, insertDocument } from "../services/documents/storage.server.ts";
import { findDocumentForDownload, listSubmissionDocuments } from "./documents.server.ts";
import { newDraft } from "./drafts.server.ts";
import { submissionDrafts } from "../../db/schema/index.ts";

const db = guardedTestDatabase();
const producer = tenantOf("producer@summit.demo");
const otherAgency = tenantOf("agency.admin@summit.demo");
const otherOrg = tenantOf("producer@lakeshore.demo");
const underwriter = tenantOf("underwriter@summit.demo");

async function documentOf(submissionId: string) {
  const document = await describeDocument(
    producer,
    { submissionId, uploadedByUserId: producer.userId },
    { kind: "other", filename: "loss-runs.pdf", contentType: "application/pdf", bytes: new Uint8Array([1]) },
  );
  await insertDocument(db, document);
  return document;
}

test("a filed submission's documents are seen by its agency and the underwriters, no one else", async () => {
  const document = await documentOf("sub_a_1");
  for (const tenant of [producer, underwriter]) {
    expect((await listSubmissionDocuments(db, tenant, "sub_a_1")).map((d) => d.id)).toContain(document.id);
    expect(await findDocumentForDownload(db, tenant, document.id)).toMatchObject({ r2Key: document.r2Key });
  }
  for (const tenant of [otherAgency, otherOrg]) {
    expect(await listSubmissionDocuments(db, tenant, "sub_a_1")).toEqual([]);
    expect(await findDocumentForDownload(db, tenant, document.id)).toBeNull();
  }
});

test("a draft's documents are its agency's only", async () => {
  const draft = newDraft(
    { ...producer, agencyId: producer.agencyId! },
    "acord_125",
    { insuredName: "Draft Co" },
    null,
    false,
  );
  await db.insert(submissionDrafts).values(draft);
  const document = await documentOf(draft.id);
  expect(await findDocumentForDownload(db, producer, document.id)).not.toBeNull();
  for (const tenant of [otherAgency, otherOrg])
    expect(await findDocumentForDownload(db, tenant, document.id)).toBeNull();
  expect(await findDocumentForDownload(db, producer, createId("doc"))).toBeNull();
});
