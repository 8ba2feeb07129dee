// Who hears that an agency-bill statement's remittance was received (ADR 030): finance, and the
// admins of that agency; not the person who recorded it, not another agency, not its producers.
import { and, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { agencies, agencyStatements, member, outboxEvents, user, userAffiliations } from "../../../db/schema/index.ts";
import { guardedTestDatabase } from "../../../db/test/tenants.ts";
import { useTestLedger } from "../../../tests/support/ledger.ts";
import { addPolicy, createMoneyBook, type MoneyBook } from "../../../tests/support/money.ts";
import { createId } from "../../utils/ids.ts";
import { receiveAgencyStatement } from "../billing/agency-statements.server.ts";
import { runMonthEnd } from "../billing/month-end.server.ts";
import { audienceOf } from "./event-audience.server.ts";

const db = guardedTestDatabase();
const ledger = useTestLedger();

async function memberOf(book: MoneyBook, role: string, agencyId: string | null = null) {
  const userId = createId("usr");
  await db.insert(user).values({ id: userId, name: `${role} ${userId.slice(-4)}`, email: `${userId}@money.test` });
  await db.insert(member).values({ id: createId("mem"), organizationId: book.orgId, userId, role });
  if (agencyId) await db.insert(userAffiliations).values({ id: createId("aff"), orgId: book.orgId, userId, agencyId });
  return userId;
}

describe("agency_statement.received", () => {
  test("notifies finance and the agency's admins, each with a link to where they read statements", async () => {
    const book = await createMoneyBook(db);
    const otherAgencyId = createId("agy");
    await db.insert(agencies).values({
      id: otherAgencyId,
      orgId: book.orgId,
      name: "Other Agency",
      licensedStates: ["TX"],
      commissionRate: "0.1500",
    });
    const recorder = await memberOf(book, "finance_analyst");
    const colleague = await memberOf(book, "finance_analyst");
    const agencyAdmin = await memberOf(book, "agency_admin", book.agencyId);
    await memberOf(book, "producer", book.agencyId);
    await memberOf(book, "agency_admin", otherAgencyId);
    await memberOf(book, "underwriter");

    await addPolicy(db, book, { billingMethod: "agency" });
    await runMonthEnd(db, "2026-10-01", { orgId: book.orgId });
    const [statement] = await db
      .select()
      .from(agencyStatements)
      .where(and(eq(agencyStatements.orgId, book.orgId), eq(agencyStatements.period, "2026-09")));
    expect(
      await receiveAgencyStatement(
        db,
        ledger.current.client,
        { ...book.finance, userId: recorder },
        { statementId: statement!.id, amountCents: 284_602 },
      ),
    ).toMatchObject({ ok: true });

    const [event] = await db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.orgId, book.orgId), eq(outboxEvents.type, "agency_statement.received")));
    const audience = await audienceOf(db, {
      id: event!.id,
      orgId: book.orgId,
      type: event!.type,
      createdAt: new Date().toISOString(),
      data: event!.payload as Record<string, unknown>,
    });
    // The worked example of agency-bill.test.ts: $3,309.67 gross, $463.65 kept, $2,846.02 remitted.
    const body = "$2,846.02 remitted: $3,309.67 collected less $463.65 commission kept.";
    expect(audience).toEqual([
      {
        userId: colleague,
        title: "Agency bill statement 2026-09 received",
        body,
        link: "/finance/statements?period=2026-09",
      },
      { userId: agencyAdmin, title: "Agency bill statement 2026-09 received", body, link: "/producer/statements" },
    ]);
  });
});
