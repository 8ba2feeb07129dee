// Claim attachments against a real local R2 bucket and the database: sniffed types, limits, and
// nothing left behind when the filing does not commit.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { claimAttachments } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { createClaimsOrg, testMasterKey } from "../../../tests/support/claims.ts";
import { startLocalR2 } from "../documents/local-r2.ts";
import { checkAttachment, MAX_ATTACHMENT_BYTES, sniffAttachmentType } from "./attachments.ts";
import { AttachmentRefused, readAttachmentUploads, withStoredAttachments } from "./attachments.server.ts";
import { fileClaim, type FirstNoticeOfLoss } from "./claims.server.ts";

const db = guardedTestDatabase();
let r2: Awaited<ReturnType<typeof startLocalR2>>;
beforeAll(async () => {
  r2 = await startLocalR2();
});
afterAll(() => r2.dispose());

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const PDF = new TextEncoder().encode("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n");
const HTML = new TextEncoder().encode("<html><script>alert(1)</script></html>");

describe("what a claim accepts", () => {
  test("types come from the bytes, not the name; empty, oversized and other files are refused", () => {
    expect(sniffAttachmentType(JPEG)).toBe("image/jpeg");
    expect(sniffAttachmentType(PDF)).toBe("application/pdf");
    expect(sniffAttachmentType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe("image/png");
    expect(sniffAttachmentType(HTML)).toBeNull();
    expect(checkAttachment({ name: "photo.jpg", bytes: HTML })).toMatchObject({ ok: false });
    expect(checkAttachment({ name: "x.pdf", bytes: new Uint8Array() })).toMatchObject({ ok: false });
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(JPEG);
    expect(checkAttachment({ name: "big.jpg", bytes: big })).toMatchObject({
      ok: false,
      message: expect.stringContaining("MB"),
    });
  });

  test("a form with a disguised file is refused whole", async () => {
    const form = new FormData();
    form.append("attachments", new File([JPEG], "kitchen.jpg"));
    form.append("attachments", new File([HTML], "report.pdf"));
    await expect(readAttachmentUploads(form)).rejects.toThrow(AttachmentRefused);
  });
});

describe("storing with the claim", () => {
  test("a filed claim keeps its attachments; a refused filing leaves no object and no row", async () => {
    const org = await createClaimsOrg(db);
    const master = await testMasterKey();
    const actor = { tenant: org.policyholder, surface: "test", ipAddress: null };
    const report = (policyId: string): FirstNoticeOfLoss => ({
      policyId,
      dateOfLoss: "2026-12-02",
      lossType: "Fire",
      description: "A kitchen fire damaged the hood and the wall behind it.",
      injuries: false,
      reporterName: "Hank Holder",
      claimants: [],
    });
    const form = new FormData();
    form.append("attachments", new File([JPEG], "hood.jpg"));
    form.append("attachments", new File([PDF], "fire-report.pdf"));
    const uploads = await readAttachmentUploads(form);

    const filed = await withStoredAttachments(r2.bucket, org.orgId, uploads, (rows) =>
      fileClaim(db, master, actor, "portal", report(org.policyId), rows),
    );
    if (!filed.ok) throw new Error(filed.message);
    const rows = await db
      .select()
      .from(claimAttachments)
      .where(and(eq(claimAttachments.orgId, org.orgId), eq(claimAttachments.claimId, filed.claimId)));
    expect(rows.map((r) => [r.filename, r.contentType]).sort()).toEqual([
      ["fire-report.pdf", "application/pdf"],
      ["hood.jpg", "image/jpeg"],
    ]);
    expect((await r2.objectKeys(`orgs/${org.orgId}/claim-attachments/`)).sort()).toEqual(
      rows.map((r) => r.r2Key).sort(),
    );

    const refused = await withStoredAttachments(r2.bucket, org.orgId, uploads, (rows) =>
      fileClaim(db, master, actor, "portal", report("pol_nobody"), rows),
    );
    expect(refused).toMatchObject({ ok: false, reason: "not_found" });
    expect(await r2.objectKeys(`orgs/${org.orgId}/claim-attachments/`)).toHaveLength(2);
    const all = await db.select().from(claimAttachments).where(eq(claimAttachments.orgId, org.orgId));
    expect(all).toHaveLength(2);
  });
});
