// The administration lists moved onto the data table: members (the organization's or one
// agency's) and underwriting authority profiles, on the demo organizations' seeded records.
import { describe, expect, test } from "vitest";
import { authorityProfiles, deadLetterEvents } from "../../db/schema/index.ts";
import { createMoneyBook } from "../../tests/support/money.ts";
import { guardedTestDatabase, tenantOf } from "../../db/test/tenants.ts";
import { createId } from "../utils/ids.ts";
import { parseTableState, type TableSpec } from "../utils/table-state.ts";
import { listAuthorityProfilePage, listAuthorityProfileRows } from "./authority.server.ts";
import { listMemberPage, listMemberRows } from "./member-lists.server.ts";
import { listDeadLetterPage, listDeadLetterRows } from "./outbox-events.server.ts";
import { authorityProfileTable, deadLetterTable, memberTable } from "./table-specs.ts";

const db = guardedTestDatabase();
const admin = tenantOf("admin@summit.demo");
const other = tenantOf("admin@lakeshore.demo");
const agencyAdmin = tenantOf("agency.admin@summit.demo");
const state = <Sort extends string, Filter extends string>(spec: TableSpec<Sort, Filter>, query: string) =>
  parseTableState(new URLSearchParams(query), spec);
const everyone = { agencyId: null };

describe("members table", () => {
  test("the organization's members: role, access and two-factor filters, search, sort, pages, export windows", async () => {
    const all = await listMemberPage(db, admin, everyone, state(memberTable, "m.size=100"));
    expect(all.total).toBeGreaterThanOrEqual(5);
    expect(all.rows).toHaveLength(all.total);
    const names = all.rows.map((m) => m.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));

    const producers = await listMemberPage(db, admin, everyone, state(memberTable, "m.role=producer&m.size=100"));
    expect(producers.total).toBeGreaterThan(0);
    expect(producers.total).toBeLessThan(all.total);
    expect(producers.rows.every((m) => m.roles.includes("producer"))).toBe(true);

    for (const [filter, values] of [
      ["access", ["active", "suspended"]],
      ["twoFactor", ["on", "off"]],
    ] as const) {
      const [a, b] = await Promise.all(
        values.map((v) => listMemberPage(db, admin, everyone, state(memberTable, `m.${filter}=${v}&m.size=100`))),
      );
      expect(a!.total + b!.total).toBe(all.total);
    }
    expect(
      (await listMemberPage(db, admin, everyone, state(memberTable, "m.twoFactor=on&m.size=100"))).rows.every(
        (m) => m.twoFactorEnabled,
      ),
    ).toBe(true);

    const found = await listMemberPage(db, admin, everyone, state(memberTable, "m.q=admin@summit"));
    expect(found.rows.map((m) => m.email)).toContain("admin@summit.demo");
    expect((await listMemberPage(db, admin, everyone, state(memberTable, "m.q=nobody-zz"))).total).toBe(0);

    expect(await listMemberPage(db, admin, everyone, state(memberTable, "m.size=10&m.page=99"))).toEqual({
      rows: [],
      total: all.total,
    });
    const byEmail = state(memberTable, "m.sort=email&m.dir=desc&m.size=100");
    const page = await listMemberPage(db, admin, everyone, byEmail);
    const emails = page.rows.map((m) => m.email);
    expect(emails).toEqual([...emails].sort().reverse());
    const windows = [
      ...(await listMemberRows(db, admin, everyone, byEmail, 0, 3)),
      ...(await listMemberRows(db, admin, everyone, byEmail, 3, 100)),
    ];
    expect(windows.map((m) => m.memberId)).toEqual(page.rows.map((m) => m.memberId));

    // Another organization's members never appear.
    const theirs = await listMemberPage(db, other, everyone, state(memberTable, "m.size=100"));
    expect(theirs.rows.some((m) => all.rows.some((mine) => mine.memberId === m.memberId))).toBe(false);
  });

  test("one agency's members only", async () => {
    const agencyId = agencyAdmin.agencyId!;
    const agency = await listMemberPage(db, admin, { agencyId }, state(memberTable, "m.size=100"));
    const all = await listMemberPage(db, admin, everyone, state(memberTable, "m.size=100"));
    expect(agency.rows.map((m) => m.email)).toContain("agency.admin@summit.demo");
    expect(agency.total).toBeLessThan(all.total);
    expect(agency.rows.map((m) => m.email)).not.toContain("admin@summit.demo");
    // The same agency id asked for by another organization finds no one.
    expect((await listMemberPage(db, other, { agencyId }, state(memberTable, ""))).total).toBe(0);
  });
});

describe("authority profiles table", () => {
  test("tier filter, name search, sort, pages and export windows, within the organization", async () => {
    const stamp = Date.now().toString(36);
    for (const [name, tier] of [
      [`Zulu ${stamp}`, "underwriter"],
      [`Alpha ${stamp}`, "chief_underwriter"],
      [`Mike ${stamp}`, "underwriter"],
    ] as const)
      await db.insert(authorityProfiles).values({
        id: createId("aup"),
        orgId: admin.orgId,
        name,
        tier,
        grants: [{ lineOfBusiness: "GL", maxPremiumCents: 1_000_000, maxLimitCents: 100_000_000 }],
      });
    const names = async (query: string) =>
      (await listAuthorityProfilePage(db, admin, state(authorityProfileTable, query))).rows.map((p) => p.name);
    expect(await names(`q=${stamp}`)).toEqual([`Alpha ${stamp}`, `Mike ${stamp}`, `Zulu ${stamp}`]);
    expect(await names(`q=${stamp}&sort=name&dir=desc`)).toEqual([`Zulu ${stamp}`, `Mike ${stamp}`, `Alpha ${stamp}`]);
    expect(await names(`q=${stamp}&tier=underwriter`)).toEqual([`Mike ${stamp}`, `Zulu ${stamp}`]);
    expect(await listAuthorityProfilePage(db, admin, state(authorityProfileTable, `q=${stamp}&page=2`))).toEqual({
      rows: [],
      total: 3,
    });
    const byTier = state(authorityProfileTable, `q=${stamp}&sort=tier&dir=asc`);
    const windows = [
      ...(await listAuthorityProfileRows(db, admin, byTier, 0, 1)),
      ...(await listAuthorityProfileRows(db, admin, byTier, 1, 10)),
    ];
    expect(windows.map((p) => p.tier)).toEqual(["chief_underwriter", "underwriter", "underwriter"]);
    expect((await listAuthorityProfilePage(db, other, state(authorityProfileTable, `q=${stamp}`))).total).toBe(0);
  });
});

describe("dead letters table", () => {
  test("replay filter, event search, sort, pages and export windows, within the organization", async () => {
    const book = await createMoneyBook(db);
    const letter = (eventType: string, attempts: number, receivedAt: string, replayedAt: string | null) => ({
      id: createId("dlq"),
      orgId: book.orgId,
      eventId: createId("evt"),
      eventType,
      attempts,
      receivedAt: new Date(receivedAt),
      replayedAt: replayedAt ? new Date(replayedAt) : null,
    });
    await db
      .insert(deadLetterEvents)
      .values([
        letter("policy.bound", 5, "2026-11-01T00:00:00Z", null),
        letter("invoice.paid", 7, "2026-11-03T00:00:00Z", "2026-11-04T00:00:00Z"),
        letter("claim.reported", 6, "2026-11-02T00:00:00Z", null),
      ]);
    const types = async (query: string) =>
      (await listDeadLetterPage(db, book.orgId, state(deadLetterTable, query))).rows.map((d) => d.eventType);
    expect(await types("")).toEqual(["invoice.paid", "claim.reported", "policy.bound"]);
    expect(await types("replay=waiting")).toEqual(["claim.reported", "policy.bound"]);
    expect(await types("replay=replayed")).toEqual(["invoice.paid"]);
    expect(await types("q=claim")).toEqual(["claim.reported"]);
    expect(await types("sort=attempts&dir=asc")).toEqual(["policy.bound", "claim.reported", "invoice.paid"]);
    expect(await listDeadLetterPage(db, book.orgId, state(deadLetterTable, "size=10&page=2"))).toEqual({
      rows: [],
      total: 3,
    });
    const byEvent = state(deadLetterTable, "sort=event&dir=asc");
    const windows = [
      ...(await listDeadLetterRows(db, book.orgId, byEvent, 0, 2)),
      ...(await listDeadLetterRows(db, book.orgId, byEvent, 2, 10)),
    ];
    expect(windows.map((d) => d.eventType)).toEqual(["claim.reported", "invoice.paid", "policy.bound"]);
    const elsewhere = await createMoneyBook(db);
    expect((await listDeadLetterPage(db, elsewhere.orgId, state(deadLetterTable, ""))).total).toBe(0);
  });
});
