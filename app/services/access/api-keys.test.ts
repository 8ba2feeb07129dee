import { expect, test } from "vitest";
import { guardedTestDatabase, tenantOf } from "../../../db/test/tenants.ts";
import { admitApiRequest, authenticateApiKey, issueApiKey, listApiKeys, revokeApiKey } from "./api-keys.server.ts";

const db = guardedTestDatabase();
const orgAdmin = tenantOf("admin@summit.demo");
const agencyAdmin = tenantOf("agency.admin@summit.demo"); // agy_bluemesa

test("an agency admin manages only their own agency's API keys; the org admin every agency's", async () => {
  const harborKey = await issueApiKey(db, orgAdmin, {
    name: `harbor-${crypto.randomUUID()}`,
    roles: ["producer"],
    agencyId: "agy_harbor",
  });
  await expect(
    issueApiKey(db, agencyAdmin, { name: "sneaky", roles: ["producer"], agencyId: "agy_harbor" }),
  ).rejects.toThrow(/own agency/);
  const ownKey = await issueApiKey(db, agencyAdmin, {
    name: `own-${crypto.randomUUID()}`,
    roles: ["producer"],
    agencyId: "agy_bluemesa",
  });

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

test("an API request's key and its per-key rate limit are checked together: over the limit it is refused, a revoked key counts nothing", async () => {
  const key = await issueApiKey(db, agencyAdmin, {
    name: `limit-${crypto.randomUUID()}`,
    roles: ["producer"],
    agencyId: "agy_bluemesa",
  });
  const rule = { limit: 3, windowSeconds: 60 };
  const now = new Date();
  const answers = await Promise.all(
    Array.from({ length: 5 }, () => admitApiRequest(db, `Bearer ${key.secret}`, rule, now)),
  );
  expect(answers.map((a) => a.client?.keyId)).toEqual(Array(5).fill(key.id));
  expect(answers.filter((a) => a.client && a.allowed).length).toBe(3);
  expect(answers.find((a) => a.client && !a.allowed)).toMatchObject({
    allowed: false,
    retryAfterSeconds: expect.any(Number),
  });
  // A new window starts afresh.
  expect(await admitApiRequest(db, `Bearer ${key.secret}`, rule, new Date(now.getTime() + 61_000))).toMatchObject({
    allowed: true,
  });

  await revokeApiKey(db, agencyAdmin, key.id);
  expect(await admitApiRequest(db, `Bearer ${key.secret}`, rule, new Date(now.getTime() + 61_000))).toEqual({
    client: null,
  });
  expect(await admitApiRequest(db, "Bearer oi_sk_not_a_key", rule, now)).toEqual({ client: null });
  expect(await admitApiRequest(db, null, rule, now)).toEqual({ client: null });
});
