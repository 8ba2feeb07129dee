import { expect, test } from "vitest";
import { insureds } from "../../db/schema/index.ts";
import { guardedTestDatabase, tenantOf } from "../../db/test/tenants.ts";
import { createId } from "../utils/ids.ts";
import { INSURED_MATCH_LIMIT, searchAgencyInsureds } from "./insureds.server.ts";

const db = guardedTestDatabase();
const harborProducer = { ...tenantOf("producer@summit.demo"), agencyId: "agy_harbor" };
const lakeshoreProducer = { ...tenantOf("producer@lakeshore.demo"), agencyId: "agy_dunes" };

async function insured(orgId: string, agencyId: string, name: string) {
  const id = createId("ins");
  await db.insert(insureds).values({
    id,
    orgId,
    agencyId,
    name,
    naicsCode: "238320",
    addressLine1: "1 Main St",
    city: "Tulsa",
    state: "OK",
    postalCode: "74103",
  });
  return id;
}

test("the picker offers the caller's agency's insureds whose name contains the text, and no one else's", async () => {
  const token = createId("t").slice(-10);
  const own = await insured(harborProducer.orgId, "agy_harbor", `Prairie ${token} Bakery`);
  await insured(harborProducer.orgId, "agy_bluemesa", `Mesa ${token} Bakery`);
  await insured(lakeshoreProducer.orgId, "agy_dunes", `Dunes ${token} Bakery`);

  const found = await searchAgencyInsureds(db, harborProducer, token.toUpperCase());
  expect(found).toEqual([{ id: own, name: `Prairie ${token} Bakery`, state: "OK", city: "Tulsa" }]);
  expect((await searchAgencyInsureds(db, lakeshoreProducer, token)).map((i) => i.name)).toEqual([
    `Dunes ${token} Bakery`,
  ]);
  expect(await searchAgencyInsureds(db, harborProducer, "   ")).toEqual([]);
});

test("typed wildcards are letters, and a long list is cut at the limit in name order", async () => {
  const token = createId("t").slice(-10);
  await insured(harborProducer.orgId, "agy_harbor", `100% ${token} Organic`);
  await insured(harborProducer.orgId, "agy_harbor", `100 ${token} Organic`);
  expect((await searchAgencyInsureds(db, harborProducer, `% ${token}`)).map((i) => i.name)).toEqual([
    `100% ${token} Organic`,
  ]);
  for (let i = 0; i < INSURED_MATCH_LIMIT + 2; i++)
    await insured(harborProducer.orgId, "agy_harbor", `${token} Farm ${String(i).padStart(2, "0")}`);
  const page = await searchAgencyInsureds(db, harborProducer, `${token} Farm`);
  expect(page.map((i) => i.name)).toEqual(
    Array.from({ length: INSURED_MATCH_LIMIT }, (_, i) => `${token} Farm ${String(i).padStart(2, "0")}`),
  );
});
