import { and, eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { outboxEvents, producerLicences } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { createMoneyBook } from "../../../tests/support/money.ts";
import { addDays } from "../../utils/calendar-date.ts";
import { createId } from "../../utils/ids.ts";
import { listLicencePage } from "../../models/producer-licences.server.ts";
import { licenceTable } from "../../models/table-specs.ts";
import { parseTableState } from "../../utils/table-state.ts";
import { runLicenceExpiryAlerts } from "./licences.server.ts";

const db = guardedTestDatabase();
const TODAY = "2026-12-10";

test("a licence alerts at 60 days and again at 30, once each however often the daily job runs", async () => {
  // An organization of its own: the job looks at every organization, the assertions at this one.
  const book = await createMoneyBook(db);
  const licence = async (number: string, expiresOn: string) => {
    await db.insert(producerLicences).values({
      id: createId("lic"),
      orgId: book.orgId,
      agencyId: book.agencyId,
      producerUserId: null,
      state: "TX",
      licenceNumber: number,
      lines: ["casualty"],
      effectiveOn: "2024-01-01",
      expiresOn,
    });
  };
  await licence("AT-60", addDays(TODAY, 60));
  await licence("AT-45", addDays(TODAY, 45));
  await licence("AT-30", addDays(TODAY, 30));
  await licence("AT-61", addDays(TODAY, 61));
  await licence("EXPIRED", addDays(TODAY, -1));
  const alerts = async () =>
    (
      await db
        .select({ payload: outboxEvents.payload })
        .from(outboxEvents)
        .where(and(eq(outboxEvents.orgId, book.orgId), eq(outboxEvents.type, "producer_licence.expiring")))
    )
      .map(({ payload }) => {
        const p = payload as { licenceNumber: string; threshold: number; days: number };
        return `${p.licenceNumber}:${p.threshold}:${p.days}`;
      })
      .sort();

  await runLicenceExpiryAlerts(db, TODAY);
  expect(await alerts()).toEqual(["AT-30:30:30", "AT-45:60:45", "AT-60:60:60"]);

  // The same day again (a retried cron) raises nothing more.
  await runLicenceExpiryAlerts(db, TODAY);
  expect(await alerts()).toHaveLength(3);

  // Fifteen days on: the 45-day licence reaches 30 days and the 61-day one 60 (at 46); the others
  // have had their threshold's alert.
  await runLicenceExpiryAlerts(db, addDays(TODAY, 15));
  expect(await alerts()).toEqual(["AT-30:30:30", "AT-45:30:30", "AT-45:60:45", "AT-60:60:60", "AT-61:60:46"]);

  // Thirty days on, twice: the 60-day licence reaches 30; the 61-day one (31 days) has had its 60.
  await runLicenceExpiryAlerts(db, addDays(TODAY, 30));
  await runLicenceExpiryAlerts(db, addDays(TODAY, 30));
  expect(await alerts()).toEqual([
    "AT-30:30:30",
    "AT-45:30:30",
    "AT-45:60:45",
    "AT-60:30:30",
    "AT-60:60:60",
    "AT-61:60:46",
  ]);
});

test("the licences list: filtered by standing on the day, searched by number, sorted by expiry", async () => {
  const book = await createMoneyBook(db);
  const tenant = { ...book.finance, roles: ["compliance_officer" as const] };
  for (const [number, days] of [
    ["LST-EXPIRED", -1],
    ["LST-SOON", 60],
    ["LST-LATER", 61],
  ] as const)
    await db.insert(producerLicences).values({
      id: createId("lic"),
      orgId: book.orgId,
      agencyId: book.agencyId,
      producerUserId: null,
      state: "TX",
      licenceNumber: number,
      lines: ["casualty"],
      effectiveOn: "2024-01-01",
      expiresOn: addDays(TODAY, days),
    });
  const numbers = async (query: string) =>
    (await listLicencePage(db, tenant, parseTableState(new URLSearchParams(query), licenceTable), TODAY)).rows.map(
      (l) => l.licenceNumber,
    );
  expect(await numbers("")).toEqual(["LST-EXPIRED", "LST-SOON", "LST-LATER"]);
  expect(await numbers("l.standing=expired")).toEqual(["LST-EXPIRED"]);
  expect(await numbers("l.standing=expiring")).toEqual(["LST-SOON"]);
  expect(await numbers("l.standing=valid")).toEqual(["LST-LATER"]);
  expect(await numbers("l.q=soon")).toEqual(["LST-SOON"]);
  expect(await numbers("l.sort=expires&l.dir=desc")).toEqual(["LST-LATER", "LST-SOON", "LST-EXPIRED"]);
});
