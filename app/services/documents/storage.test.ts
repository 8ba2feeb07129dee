import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { submissionDocuments } from "../../../db/schema/index.ts";
import { guardedTestDatabase, tenantOf } from "../../../db/test/tenants.ts";
import { sha256Hex } from "../../utils/sha256.ts";
import { startLocalR2 } from "./local-r2.ts";
import { describeDocument, documentResponse, insertDocument, safeFilename, storeDocument } from "./storage.server.ts";

const db = guardedTestDatabase();
const producer = tenantOf("producer@summit.demo");
let r2: Awaited<ReturnType<typeof startLocalR2>>;

beforeAll(async () => {
  r2 = await startLocalR2();
});
afterAll(() => r2.dispose());

const bytes = () => new TextEncoder().encode(`%PDF-1.7 ${crypto.randomUUID()}`);
const describe_ = (content: Uint8Array<ArrayBuffer>, filename = "application.pdf") =>
  describeDocument(
    producer,
    { submissionId: "sub_storage_test", uploadedByUserId: producer.userId },
    { kind: "other", filename, contentType: "application/pdf", bytes: content },
  );
const rowOf = async (id: string) =>
  db
    .select()
    .from(submissionDocuments)
    .where(and(eq(submissionDocuments.orgId, producer.orgId), eq(submissionDocuments.id, id)));

test("a stored document is in R2 byte for byte, and its row records size and digest", async () => {
  const content = bytes();
  const document = await describe_(content);
  const outcome = await storeDocument(r2.bucket, document, content, async () => {
    await insertDocument(db, document);
    return { ok: true };
  });
  expect(outcome.ok).toBe(true);
  const object = await r2.bucket.get(document.r2Key);
  expect(new Uint8Array(await object!.arrayBuffer())).toEqual(content);
  expect(object!.httpMetadata?.contentType).toBe("application/pdf");
  const [row] = await rowOf(document.id);
  expect(row).toMatchObject({
    r2Key: `orgs/${producer.orgId}/documents/${document.id}`,
    sizeBytes: content.byteLength,
    sha256: await sha256Hex(content),
  });
});

test("when the database write fails, the object is deleted again and no row exists", async () => {
  const content = bytes();
  const document = await describe_(content);
  await expect(
    storeDocument(r2.bucket, document, content, () =>
      db.transaction(async (tx) => {
        await insertDocument(tx, document);
        throw new Error("connection lost before commit");
      }),
    ),
  ).rejects.toThrow("connection lost before commit");
  expect(await r2.bucket.head(document.r2Key)).toBeNull();
  expect(await rowOf(document.id)).toEqual([]);
});

test("a commit that reports failure also removes the object", async () => {
  const content = bytes();
  const document = await describe_(content);
  const outcome = await storeDocument(r2.bucket, document, content, async () => ({ ok: false }));
  expect(outcome.ok).toBe(false);
  expect(await r2.bucket.head(document.r2Key)).toBeNull();
});

test("R2 refuses bytes that do not match the recorded digest, before any row is written", async () => {
  const document = await describe_(bytes());
  let committed = false;
  await expect(
    storeDocument(r2.bucket, document, bytes(), async () => {
      committed = true;
      return { ok: true };
    }),
  ).rejects.toThrow();
  expect(committed).toBe(false);
  expect(await r2.bucket.head(document.r2Key)).toBeNull();
});

test("a download streams the stored bytes as an attachment; a missing object gives null", async () => {
  const content = bytes();
  const document = await describe_(content, "ACORD 125 (signed).pdf");
  await storeDocument(r2.bucket, document, content, async () => ({ ok: true }));
  const response = await documentResponse(r2.bucket, document);
  expect(response!.headers.get("content-disposition")).toBe('attachment; filename="ACORD 125 (signed).pdf"');
  expect(response!.headers.get("content-length")).toBe(String(content.byteLength));
  expect(new Uint8Array(await response!.arrayBuffer())).toEqual(content);
  expect(await documentResponse(r2.bucket, { ...document, r2Key: "orgs/none/documents/missing" })).toBeNull();
});

test("file names are cut to their base name and stripped of header-breaking characters", () => {
  expect(safeFilename("C:\\Users\\ana\\acord 125.pdf")).toBe("acord 125.pdf");
  expect(safeFilename('../../etc/"passwd"\r\n.pdf')).toBe("_passwd_.pdf");
  expect(safeFilename("...")).toBe("document");
});
