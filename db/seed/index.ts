import { hashPassword, symmetricEncrypt } from "better-auth/crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import type { MySqlTable } from "drizzle-orm/mysql-core";
import { createDatabase, type Database } from "../client.ts";
import * as schema from "../schema/index.ts";
import * as demo from "./demo-data.ts";
import { draftRateTables, rateTables, taxTables } from "./rate-tables.ts";
import { postSeededLedger, seedClaimPostings, seedLedgerBooks } from "./ledger.ts";
import { upsertCarrierStatements, upsertCommissionStatements } from "../../app/models/statements.server.ts";
import { periodBounds } from "../../app/services/ledger/statements.ts";
import { seededBoundQuotes, seededQuotes, seededSubmittedQuotes } from "./quotes.ts";
import { underwritingRules } from "./underwriting-rules.ts";
import { sha256Hex } from "../../app/utils/sha256.ts";

// Rows with fixed ids are inserted once; re-running the seed changes nothing.
async function insertMissing(db: Database, table: MySqlTable, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return;
  await db
    .insert(table)
    .values(rows as never)
    .onDuplicateKeyUpdate({ set: { id: sql`id` } as never });
}

async function seedUser(db: Database, user: demo.DemoUser, authSecret: string, passwordHash: string) {
  const existing = await db
    .select({ id: schema.user.id })
    .from(schema.user)
    .where(eq(schema.user.email, user.email))
    .limit(1);
  if (existing.length === 0) {
    await db.insert(schema.user).values({
      id: user.id,
      name: user.name,
      email: user.email,
      emailVerified: true,
      role: user.platformOperator ? "admin" : "user",
      twoFactorEnabled: Boolean(user.totp),
    });
    await db.insert(schema.account).values({
      id: `acc_${user.id}`,
      accountId: user.id,
      providerId: "credential",
      userId: user.id,
      password: passwordHash,
    });
    if (user.totp) {
      // better-auth stores imported base32 secrets as "base32:<secret>", encrypted with the auth secret.
      await db.insert(schema.twoFactor).values({
        id: `tfa_${user.id}`,
        userId: user.id,
        secret: await symmetricEncrypt({ key: authSecret, data: `base32:${demo.DEMO_TOTP_SECRET}` }),
        backupCodes: await symmetricEncrypt({ key: authSecret, data: JSON.stringify([]) }),
        verified: true,
      });
    }
  }
  if (user.orgId) {
    await insertMissing(db, schema.member, [
      {
        id: `mem_${user.id}`,
        organizationId: user.orgId,
        userId: user.id,
        role: user.roles.join(","),
        createdAt: new Date(),
      },
    ]);
    if (user.affiliation) {
      await insertMissing(db, schema.userAffiliations, [
        { id: `aff_${user.id}`, orgId: user.orgId, userId: user.id, ...user.affiliation },
      ]);
    }
  }
}

/**
 * A database seeded long ago keeps its rows (the seed only inserts what is missing), so a demo
 * agreement whose period has ended is given the current period again; otherwise the demo would
 * stop binding on the day it lapsed. Rows still in force are left alone.
 */
async function renewLapsedAgreements(db: Database, today: string) {
  for (const agreement of demo.daAgreements) {
    await db
      .update(schema.daAgreements)
      .set({ effectiveDate: agreement.effectiveDate, expirationDate: agreement.expirationDate })
      .where(and(eq(schema.daAgreements.id, agreement.id), lt(schema.daAgreements.expirationDate, today)));
  }
}

export type SeedOptions = { ledger?: { url: string; apiKey: string } };

export async function seedDemoData(databaseUrl: string, authSecret: string, seedOptions: SeedOptions = {}) {
  const db = createDatabase(databaseUrl);
  await insertMissing(
    db,
    schema.organization,
    [demo.ORG_A, demo.ORG_B].map((o) => ({ ...o, createdAt: new Date() })),
  );
  await insertMissing(db, schema.carriers, demo.carriers);
  await insertMissing(db, schema.agencies, demo.agencies);
  await insertMissing(db, schema.insureds, demo.insureds);
  await insertMissing(db, schema.programs, demo.programs);
  await insertMissing(db, schema.daAgreements, demo.daAgreements);
  await renewLapsedAgreements(db, demo.SEED_TODAY);
  await insertMissing(db, schema.rateTables, rateTables);
  await insertMissing(db, schema.taxTables, taxTables);
  await insertMissing(db, schema.underwritingRules, underwritingRules);
  await insertMissing(db, schema.authorityProfiles, demo.authorityProfiles);
  const passwordHash = await hashPassword(demo.DEMO_PASSWORD);
  for (const user of demo.users) await seedUser(db, user, authSecret, passwordHash);
  await insertMissing(db, schema.userAuthority, demo.userAuthority);
  await insertMissing(db, schema.submissions, demo.submissions.map(seededSubmissionRow));
  // The quotes the seeded policies were bound from come first: a policy names its quote option.
  const bound = seededBoundQuotes();
  await insertMissing(db, schema.quotes, bound.quotes);
  await insertMissing(db, schema.quoteOptions, bound.options);
  await insertMissing(db, schema.referrals, bound.referrals);
  await insertMissing(db, schema.referralActivity, bound.activity);
  await insertMissing(db, schema.policies, demo.policies);
  await insertMissing(db, schema.policyTransactions, demo.world.policyTransactions);
  await insertMissing(db, schema.invoices, demo.invoices);
  await insertMissing(db, schema.installments, demo.installments);
  await insertMissing(db, schema.claims, demo.claims);
  await insertMissing(db, schema.claimContacts, demo.claimParties.contacts);
  await insertMissing(db, schema.claimSuits, demo.claimParties.suits);
  await insertMissing(db, schema.claimSubrogations, demo.claimParties.subrogations);
  await insertMissing(db, schema.producerLicences, demo.world.producerLicences);
  await db
    .insert(schema.adjusterProfiles)
    .values(demo.adjusterProfiles)
    .onDuplicateKeyUpdate({ set: { orgId: sql`org_id` } });
  await insertMissing(
    db,
    schema.apiKeys,
    await Promise.all(
      demo.DEMO_API_KEYS.map(async ({ secret, ...key }) => ({
        ...key,
        prefix: secret.slice(0, 12),
        secretHash: await sha256Hex(secret),
      })),
    ),
  );
  const { quotes, options, referrals, activity } = seededQuotes();
  await insertMissing(db, schema.quotes, quotes);
  await insertMissing(db, schema.quoteOptions, options);
  await insertMissing(db, schema.referrals, referrals);
  await insertMissing(db, schema.referralActivity, activity);
  const submitted = seededSubmittedQuotes();
  await insertMissing(db, schema.quotes, submitted.quotes);
  await insertMissing(db, schema.quoteOptions, submitted.options);
  await db
    .insert(schema.sequences)
    .values(demo.sequences)
    .onDuplicateKeyUpdate({ set: { orgId: sql`org_id` } });
  const orgIds = [demo.ORG_A.id, demo.ORG_B.id];
  await seedLedgerBooks(db, orgIds, { [demo.ORG_A.id]: "usr_a_finance", [demo.ORG_B.id]: "usr_b_finance" });
  await seedClaimPostings(db, demo.claims);
  if (seedOptions.ledger) await postSeededLedger(db, orgIds, seedOptions.ledger);
  await insertMissing(db, schema.rateTables, draftRateTables);
  await insertMissing(db, schema.orgSettings, demo.orgSettings);
  await insertMissing(db, schema.agencyAppointments, demo.agencyAppointments);
  await insertMissing(db, schema.daAgreementAmendments, demo.daAgreementAmendments);
  // Commission and carrier statements of every month the demo booked business in (ADR 018), as
  // the month-end run leaves them: drafts for finance to approve and pay.
  const periods = new Set(demo.world.policyTransactions.map((t) => t.bookedOn.slice(0, 7)));
  for (const name of periods) {
    const bounds = { name, ...periodBounds(name) };
    for (const orgId of orgIds) {
      await upsertCommissionStatements(db, bounds, orgId);
      await upsertCarrierStatements(db, bounds, orgId);
    }
  }
}

/**
 * A seeded submission as the app would have written it: received (created) when it was submitted,
 * so the queue and the workbench show the same "Received" date.
 */
export function seededSubmissionRow(s: (typeof demo.submissions)[number]) {
  const submittedAt =
    s.status === "draft"
      ? null
      : s.status === "bound"
        ? demo.world.boundHistory(s.effectiveDate).submittedAt
        : demo.world.submittedAt;
  return { ...s, submittedAt, ...(submittedAt ? { createdAt: submittedAt } : {}) };
}

if (import.meta.main) {
  const url = process.env.DATABASE_URL;
  const secret = process.env.BETTER_AUTH_SECRET;
  if (!url || !secret) throw new Error("Set DATABASE_URL and BETTER_AUTH_SECRET to seed.");
  const ledgerUrl = process.env.LEDGER_URL;
  const ledgerKey = process.env.LEDGER_API_KEY;
  await seedDemoData(url, secret, ledgerUrl && ledgerKey ? { ledger: { url: ledgerUrl, apiKey: ledgerKey } } : {});
  console.log("Demo data seeded.");
}
