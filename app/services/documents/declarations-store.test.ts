import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { submissionDocuments } from "../../../db/schema/index.ts";
import { guardedTestDatabase, tenantOf } from "../../../db/test/tenants.ts";
import { declarationsDownload, issueDeclarations } from "./declarations-store.server.ts";
import { startLocalR2 } from "./local-r2.ts";
import { pageTexts } from "../../../tests/support/pdf-text.ts";

const db = guardedTestDatabase();
const producer = tenantOf("producer@summit.demo");
const underwriter = tenantOf("underwriter@summit.demo");
let r2: Awaited<ReturnType<typeof startLocalR2>>;

beforeAll(async () => {
  r2 = await startLocalR2();
});
afterAll(() => r2.dispose());

const storedRows = (policyId: string) =>
  db
    .select()
    .from(submissionDocuments)
    .where(
      and(
        eq(submissionDocuments.orgId, "org_summit"),
        eq(submissionDocuments.policyId, policyId),
        eq(submissionDocuments.kind, "declarations"),
      ),
    );
const bytesOf = async (response: Response | null) => new Uint8Array(await response!.arrayBuffer());

test("the first download renders and stores the declarations; later ones serve the stored copy", async () => {
  const first = await declarationsDownload(db, r2.bucket, producer, "pol_a_1");
  expect(first!.headers.get("content-disposition")).toBe('attachment; filename="SRU-GL-2026-000001-declarations.pdf"');
  const rendered = await bytesOf(first);
  expect((await pageTexts(rendered)).flat().join(" ")).toContain("SRU-GL-2026-000001");
  // The producer of record's licence for the risk's state (Texas), not the agency's resident one.
  expect((await pageTexts(rendered)).flat().join(" ")).toContain("TX license TX-HP4400117");

  const [row] = await storedRows("pol_a_1");
  expect(row).toMatchObject({
    submissionId: "sub_a_1",
    filename: "SRU-GL-2026-000001-declarations.pdf",
    sizeBytes: rendered.byteLength,
    uploadedByUserId: null,
  });
  expect(new Uint8Array(await (await r2.bucket.get(row!.r2Key))!.arrayBuffer())).toEqual(rendered);

  // Served from R2, not re-rendered: what is in the bucket is what comes back.
  const marker = new TextEncoder().encode("%PDF-1.7 stored copy");
  await r2.bucket.put(row!.r2Key, marker);
  expect(await bytesOf(await declarationsDownload(db, r2.bucket, producer, "pol_a_1"))).toEqual(marker);

  // An object lost from the bucket is rendered again and put back under the same row.
  await r2.bucket.delete(row!.r2Key);
  expect(await bytesOf(await declarationsDownload(db, r2.bucket, producer, "pol_a_1"))).toEqual(rendered);
  expect(await r2.bucket.head(row!.r2Key)).not.toBeNull();
  expect(await storedRows("pol_a_1")).toHaveLength(1);
});

test("another organization's policy is not found, and nothing is stored for it", async () => {
  expect(await declarationsDownload(db, r2.bucket, tenantOf("producer@lakeshore.demo"), "pol_a_2")).toBeNull();
  await issueDeclarations(db, r2.bucket, tenantOf("producer@lakeshore.demo"), "pol_a_2");
  expect(await storedRows("pol_a_2")).toEqual([]);
});

test("concurrent issues after bind store exactly one copy, and no orphan objects", async () => {
  await Promise.all(Array.from({ length: 6 }, () => issueDeclarations(db, r2.bucket, underwriter, "pol_a_3")));
  const rows = await storedRows("pol_a_3");
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ submissionId: null, policyId: "pol_a_3" });
  // The losers of the insert race deleted their objects: the bucket holds only the rows' objects.
  const expected = [...(await storedRows("pol_a_1")), ...rows].map((r) => r.r2Key).sort();
  expect((await r2.objectKeys("orgs/org_summit/")).sort()).toEqual(expected);
});
