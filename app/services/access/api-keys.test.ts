import { expect, test } from "vitest";
import { guardedTestDatabase, tenantOf } from "../../../db/test/tenants.ts";
import { authenticateApiKey, issueApiKey, listApiKeys, revokeApiKey } from "./api-keys.server.ts";

const db = guardedTestDatabase();
const orgAdmin = tenantOf("admin@summit.demo");
const agencyAdmin = tenantOf("agency.admin@summit.demo"); // agy_bluemesa

test("an agency admin manages only their own agency's API keys; the org admin every agency's", async () => {
  const harborKey = await issueApiKey(db, orgAdmin, { name: `harbor-${crypto.randomUUID()}`, roles: ["producer"], agencyId: "agy_harbor" });
  await expect(issueApiKey(db, agencyAdmin, { name: "sneaky", roles: ["producer"], agencyId: "agy_harbor" })).rejects.toThrow(/own agency/);
  const ownKey = await issueApiKey(db, agencyAdmin, { name: `own-${crypto.randomUUID()}`, roles: ["producer"], agencyId: "agy_bluemesa" });

  const seenByAgency = (await listApiKeys(db, agencyAdmin)).map((k) => k.id);
  expect(seenByAgency).toContain(ownKey.id);
  expect(seenByAgency).not.toContain(harborKey.id);
  expect((await listApiKeys(db, orgAdmin)).map((k) => k.id)).toEqual(expect.arrayContaining([ownKey.id, harborKey.id]));

  expect(await revokeApiKey(db, agencyAdmin, harborKey.id)).toBe(false);
  expect(await authenticateApiKey(db, `Bearer ${harborKey.secret}`)).not.toBeNull();
  expect(await revokeApiKey(db, agencyAdmin, ownKey.id)).toBe(true);
  expect(await authenticateApiKey(db, `Bearer ${ownKey.secret}`)).toBeNull();
  expect(await revokeApiKey(db, orgAdmin, harborKey.id)).toBe(true);
});
