// Test fixtures: a real ledger proxy on the embedded backend, and an organization of its own
// with a policy and invoices, so balance assertions see only what the test posted.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { startLocalLedger, type LocalLedger } from "../../ledger/src/local.ts";
import type { Database } from "../../db/client.ts";
import { agencies, installments, invoices, organization, policies } from "../../db/schema/index.ts";
import type { TenantContext } from "../../app/auth/session.server.ts";
import { createId } from "../../app/utils/ids.ts";
import { createLedgerClient, type LedgerClient } from "../../app/services/ledger/client.server.ts";

export const TEST_LEDGER_KEY = "openinsure-test-ledger-key-0001";

export type TestLedger = {
  ledger: LocalLedger;
  client: LedgerClient;
  dataDir: string;
  restart(): Promise<TestLedger>;
  stop(): Promise<void>;
};

export async function startTestLedger(
  dataDir = mkdtempSync(join(tmpdir(), "openinsure-ledger-test-")),
): Promise<TestLedger> {
  const ledger = await startLocalLedger({ dataDir, port: 0, apiKey: TEST_LEDGER_KEY });
  return {
    ledger,
    dataDir,
    client: createLedgerClient({ url: ledger.url, apiKey: TEST_LEDGER_KEY }),
    restart: async () => {
      await ledger.stop();
      return startTestLedger(dataDir);
    },
    stop: async () => {
      await ledger.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One proxy for the test file, started before its tests and stopped after them. */
export function useTestLedger(): { readonly current: TestLedger } {
  const holder: { current: TestLedger | undefined } = { current: undefined };
  beforeAll(async () => {
    holder.current = await startTestLedger();
  });
  afterAll(async () => {
    await holder.current?.stop();
  });
  return {
    get current() {
      if (!holder.current) throw new Error("the test ledger starts in beforeAll");
      return holder.current;
    },
  };
}

export type TestBook = {
  orgId: string;
  finance: TenantContext;
  policyholder: TenantContext;
  policyId: string;
  /** PIF invoice of the whole policy. */
  invoiceId: string;
  /** An installment invoice with a $5 plan fee, of a second policy like the first. */
  installmentInvoiceId: string;
  installmentPolicyId: string;
};

/** A fresh organization with two policies (each premium $10,000, fees $250, taxes $400.50). */
export async function createTestBook(db: Database, { commissionRate = "0.1500" } = {}): Promise<TestBook> {
  const orgId = createId("org");
  const agencyId = createId("agy");
  const insuredId = createId("ins");
  const policyId = createId("pol");
  const invoiceId = createId("inv");
  const installmentInvoiceId = createId("inv");
  const installmentPolicyId = createId("pol");
  await db.insert(organization).values({ id: orgId, name: `Ledger Test ${orgId}`, slug: orgId });
  await db
    .insert(agencies)
    .values({ id: agencyId, orgId, name: "Test Agency", licensedStates: ["TX"], commissionRate });
  const policy = {
    orgId,
    insuredId,
    agencyId,
    programId: "prg_test",
    carrierId: "car_test",
    lineOfBusiness: "GL",
    state: "TX",
    status: "active",
    effectiveDate: "2026-12-01",
    expirationDate: "2027-12-01",
    grossPremiumCents: 1_000_000,
    feesCents: 25_000,
    taxesCents: 40_050,
  } as const;
  // Two policies, so the whole-policy invoice and the installment invoice each owe their policy's total.
  await db.insert(policies).values([
    { ...policy, id: policyId, policyNumber: `LT-${orgId.slice(-8)}` },
    { ...policy, id: installmentPolicyId, policyNumber: `LT-${orgId.slice(-8)}-Q` },
  ]);
  await db.insert(invoices).values([
    {
      id: invoiceId,
      orgId,
      invoiceNumber: "INV-T-1",
      policyId,
      dueDate: "2026-12-01",
      amountCents: 1_065_050,
      status: "invoiced",
    },
    {
      id: installmentInvoiceId,
      orgId,
      invoiceNumber: "INV-T-2",
      policyId: installmentPolicyId,
      dueDate: "2027-03-01",
      amountCents: 266_763,
      status: "invoiced",
    },
  ]);
  await db.insert(installments).values({
    id: createId("ins"),
    orgId,
    policyId: installmentPolicyId,
    number: 2,
    dueDate: "2027-03-01",
    shareCents: 266_263,
    feeCents: 500,
    amountCents: 266_763,
    status: "invoiced",
    invoiceId: installmentInvoiceId,
  });
  const base = { orgId, orgName: `Ledger Test ${orgId}`, agencyId: null, carrierId: null };
  return {
    orgId,
    finance: { ...base, userId: createId("usr"), roles: ["finance_analyst"], insuredId: null },
    policyholder: { ...base, userId: createId("usr"), roles: ["policyholder"], insuredId },
    policyId,
    invoiceId,
    installmentInvoiceId,
    installmentPolicyId,
  };
}
