// The logo upload against the real database and a local R2: what is refused and why, what is
// stored, what documents then load, and a replaced or removed logo leaving nothing behind.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { organization, orgSettings } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { jpegHeader, ONE_PIXEL_PNG } from "../../../tests/support/pdf-images.ts";
import type { CurrentUser, TenantContext } from "../../auth/session.server.ts";
import { createId } from "../../utils/ids.ts";
import { LOGO_MAX_BYTES } from "../documents/letterhead.ts";
import { loadLetterhead } from "../documents/letterhead.server.ts";
import { startLocalR2 } from "../documents/local-r2.ts";
import { removeOrgLogo, uploadOrgLogo } from "./org-logo.server.ts";

const db = guardedTestDatabase();
let r2: Awaited<ReturnType<typeof startLocalR2>>;
beforeAll(async () => {
  r2 = await startLocalR2();
});
afterAll(() => r2.dispose());

async function newOrg(documentName?: string) {
  const orgId = createId("org");
  await db.insert(organization).values({ id: orgId, name: "Logo Test MGA", slug: orgId });
  if (documentName) await db.insert(orgSettings).values({ id: createId("ost"), orgId, timeZone: "UTC", documentName });
  const tenant: TenantContext = {
    orgId,
    orgName: "Logo Test MGA",
    userId: createId("usr"),
    roles: ["org_admin"],
    agencyId: null,
    insuredId: null,
    carrierId: null,
  };
  const user: CurrentUser & { tenant: TenantContext } = {
    id: tenant.userId,
    name: "Admin",
    email: "admin@logo.test",
    isPlatformOperator: false,
    twoFactorEnabled: false,
    impersonatedBy: null,
    tenant,
  };
  return { orgId, user };
}

const request = new Request("https://app.test/admin/settings", { method: "POST" });
const keysUnder = async (orgId: string) =>
  (await r2.bucket.list({ prefix: `orgs/${orgId}/logo/` })).objects.map((o) => o.key);

describe("the organization's logo", () => {
  test("only a readable PNG or JPEG within the size limit is accepted, and nothing is stored otherwise", async () => {
    const { orgId, user } = await newOrg();
    const upload = (bytes: Uint8Array) => uploadOrgLogo(db, r2.bucket, user, request, bytes);
    expect(await upload(new Uint8Array())).toEqual({ ok: false, message: "Choose a PNG or JPEG file" });
    expect(await upload(new TextEncoder().encode("GIF89a\x01\x00\x01\x00"))).toEqual({
      ok: false,
      message: "The logo must be a PNG or JPEG image (this file is neither)",
    });
    // A PNG signature followed by garbage: named like a PNG, unreadable as one.
    expect(await upload(Uint8Array.from([...ONE_PIXEL_PNG.slice(0, 8), 1, 2, 3, 4]))).toEqual({
      ok: false,
      message: "The file starts like a PNG but cannot be read as one",
    });
    const oversize = new Uint8Array(LOGO_MAX_BYTES + 1);
    oversize.set(ONE_PIXEL_PNG);
    expect(await upload(oversize)).toEqual({ ok: false, message: "The logo is larger than 512 KB" });
    expect(await keysUnder(orgId)).toEqual([]);
    expect((await loadLetterhead(db, r2.bucket, orgId)).logo).toBeNull();
  });

  test("documents load the stored logo with the document name; a new logo replaces the old, removal clears it", async () => {
    const { orgId, user } = await newOrg("Logo Test Underwriting");
    expect(await uploadOrgLogo(db, r2.bucket, user, request, ONE_PIXEL_PNG)).toEqual({ ok: true });
    const first = await loadLetterhead(db, r2.bucket, orgId);
    expect(first.name).toBe("Logo Test Underwriting");
    expect(first.logo).toEqual({ bytes: ONE_PIXEL_PNG, contentType: "image/png" });
    const [firstKey] = await keysUnder(orgId);

    const jpeg = jpegHeader(120, 40);
    expect(await uploadOrgLogo(db, r2.bucket, user, request, jpeg)).toEqual({ ok: true });
    expect((await loadLetterhead(db, r2.bucket, orgId)).logo).toEqual({ bytes: jpeg, contentType: "image/jpeg" });
    const keys = await keysUnder(orgId);
    expect(keys).toHaveLength(1);
    expect(keys).not.toContain(firstKey);

    await removeOrgLogo(db, r2.bucket, user, request);
    expect(await loadLetterhead(db, r2.bucket, orgId)).toEqual({ name: "Logo Test Underwriting", logo: null });
    expect(await keysUnder(orgId)).toEqual([]);
  });
});
