/**
 * Paying out what premium receipts put in the payables (ADR 018): producer commission
 * statements per agency and month, carrier settlement statements per carrier and month, premium
 * tax remittances per state and month. Statements are built set-based by the month-end run from
 * the policy transactions booked in the period; paying one posts one transfer out of the trust
 * account, whose payable's `debits_must_not_exceed_credits` flag refuses paying out more than the
 * receipts put in.
 */
import type { Database } from "../../../db/client.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import {
  approveCommissionStatementRow,
  findCarrierStatement,
  findCommissionStatement,
  insertTaxRemittance,
  listCommissionStatementLines,
  listTaxRemittances,
  markCarrierStatementSettled,
  markCommissionStatementPaid,
  premiumTaxByStateAndMonth,
  upsertCarrierStatements,
  upsertCommissionStatements,
} from "../../models/statements.server.ts";
import { createId } from "../../utils/ids.ts";
import { upsertAgencyStatements } from "../../models/agency-statements.server.ts";
import { provisionBook } from "./book.server.ts";
import { ACCOUNT, accountType, TRANSFER_CODES, type AccountCode } from "./chart.ts";
import { formatCents } from "../../utils/format.ts";
import type { LedgerClient } from "./client.server.ts";
import { submitPosting, writePosting, type NewPosting, type SubmitOutcome } from "./postings.server.ts";
import { PeriodError, periodBounds } from "./statements.ts";
import { premiumTaxOfPeriods, spanOfPeriods, type TaxLiability, type TaxPeriod } from "./premium-tax.ts";

/** Builds (or refreshes) one org's statements for a period, from the finance page. */
export async function buildStatements(db: Database, tenant: TenantContext, period: string) {
  const bounds = { name: period, ...periodBounds(period) };
  await upsertCommissionStatements(db, bounds, tenant.orgId);
  await upsertCarrierStatements(db, bounds, tenant.orgId);
  await upsertAgencyStatements(db, bounds, tenant.orgId);
}

export type PayoutOutcome =
  | { ok: true; postingId: string; amountCents: number; posting: SubmitOutcome }
  | { ok: false; reason: "not_found" | "refused"; message: string };

class Refused extends Error {
  override readonly name = "Refused";
}

/** One transfer from a payable back out of the trust account, written with the statement's change. */
async function payOut(
  db: Database,
  ledger: LedgerClient,
  orgId: string,
  posting: NewPosting,
  leg: { name: string; from: AccountCode; amountCents: number; transferCode: number },
  mark: (tx: Parameters<Parameters<typeof transactionWithRetry>[1]>[0]) => Promise<void>,
): Promise<PayoutOutcome> {
  // Refused up front when the payable holds less (premium written but not yet collected), so
  // the statement stays payable; the account's flag still refuses it if two payouts race.
  const book = await provisionBook(db, ledger, orgId);
  const [payable] = await ledger.lookupAccounts([book.accountId(leg.from)]);
  const holds = payable ? Number(payable.creditsPosted - payable.debitsPosted) : 0;
  if (holds < leg.amountCents)
    return {
      ok: false,
      reason: "refused",
      message: `The ${accountType(leg.from)!.label.toLowerCase()} holds ${formatCents(holds)} collected; this needs ${formatCents(leg.amountCents)}. Pay it once the premium is collected.`,
    };
  try {
    await transactionWithRetry(db, async (tx) => {
      await mark(tx);
      await writePosting(tx, orgId, posting, [
        {
          leg: leg.name,
          debit: leg.from,
          credit: ACCOUNT.MGA_FIDUCIARY,
          amountCents: leg.amountCents,
          transferCode: leg.transferCode,
        },
      ]);
    });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: "refused", message: error.message };
    throw error;
  }
  return {
    ok: true,
    postingId: posting.id,
    amountCents: leg.amountCents,
    posting: await submitPosting(db, ledger, orgId, posting.id),
  };
}

export async function approveCommissionStatement(db: Database, tenant: TenantContext, statementId: string) {
  const found = await findCommissionStatement(db, tenant.orgId, statementId);
  if (!found) return { ok: false as const, reason: "not_found" as const, message: "Statement not found." };
  if (!(await approveCommissionStatementRow(db, tenant.orgId, statementId, tenant.userId)))
    return {
      ok: false as const,
      reason: "refused" as const,
      message: `This statement is already ${found.statement.status}.`,
    };
  return { ok: true as const };
}

/** Pays an approved commission statement to its agency: PRODUCER_PAYABLE to the trust account. */
export async function payCommissionStatement(
  db: Database,
  ledger: LedgerClient,
  tenant: TenantContext,
  statementId: string,
): Promise<PayoutOutcome> {
  const found = await findCommissionStatement(db, tenant.orgId, statementId);
  if (!found) return { ok: false, reason: "not_found", message: "Statement not found." };
  const { statement } = found;
  if (statement.status !== "approved")
    return {
      ok: false,
      reason: "refused",
      message: `Only an approved statement is paid; this one is ${statement.status}.`,
    };
  if (statement.commissionCents <= 0)
    return {
      ok: false,
      reason: "refused",
      message: "Clawbacks exceed commission this month: nothing to pay; the balance carries to the agency.",
    };
  const postingId = createId("cpo");
  return payOut(
    db,
    ledger,
    tenant.orgId,
    { id: postingId, kind: "commission_payout", description: `Commission ${statement.period} to ${found.agencyName}` },
    {
      name: "commission_payout",
      from: ACCOUNT.PRODUCER_PAYABLE,
      amountCents: statement.commissionCents,
      transferCode: TRANSFER_CODES.COMMISSION_PAYOUT,
    },
    async (tx) => {
      if (!(await markCommissionStatementPaid(tx, tenant.orgId, statementId, postingId)))
        throw new Refused("This statement was paid already.");
    },
  );
}

/** Remits one carrier's statement for its period, net of commission, fees and taxes. */
export async function settleCarrierStatement(
  db: Database,
  ledger: LedgerClient,
  tenant: TenantContext,
  statementId: string,
): Promise<PayoutOutcome> {
  const statement = await findCarrierStatement(db, tenant.orgId, statementId);
  if (!statement) return { ok: false, reason: "not_found", message: "Statement not found." };
  if (statement.settlementPostingId)
    return { ok: false, reason: "refused", message: "This statement is settled already." };
  if (statement.netCents <= 0)
    return {
      ok: false,
      reason: "refused",
      message: "Returns exceed premium this month: the carrier owes the balance.",
    };
  const postingId = createId("stl");
  return payOut(
    db,
    ledger,
    tenant.orgId,
    {
      id: postingId,
      kind: "carrier_settlement",
      description: `Carrier settlement ${statement.period} (${statement.carrierId})`,
    },
    {
      name: "carrier_statement",
      from: ACCOUNT.CARRIER_PAYABLE,
      amountCents: statement.netCents,
      transferCode: TRANSFER_CODES.CARRIER_STATEMENT_SETTLEMENT,
    },
    async (tx) => {
      if (!(await markCarrierStatementSettled(tx, tenant.orgId, statementId, postingId)))
        throw new Refused("This statement is settled already.");
    },
  );
}

/**
 * Premium tax and stamping fee liability per state for each period (spans of whole months): the
 * taxes of the policy transactions booked in them, what was remitted for those months, and what
 * is still owed. The one definition, for finance's remittances and the compliance filings; two
 * statements however many periods are asked.
 */
export async function premiumTaxLiability(
  db: Database,
  orgId: string,
  periods: readonly TaxPeriod[],
): Promise<TaxLiability[]> {
  for (const p of periods) {
    // Both ends must be months (periodBounds throws on anything else) in order.
    if (periodBounds(p.first).first > periodBounds(p.last).first)
      throw new PeriodError(`the period ${p.first} comes after ${p.last}`);
  }
  const span = spanOfPeriods(periods);
  if (!span) return [];
  const [monthly, remittances] = await Promise.all([
    premiumTaxByStateAndMonth(db, orgId, { first: periodBounds(span.first).first, last: periodBounds(span.last).last }),
    listTaxRemittances(db, orgId),
  ]);
  return premiumTaxOfPeriods(monthly, remittances, periods);
}

/** Remits one state's premium tax for one period: TAX_AUTHORITY_PAYABLE to the trust account, once. */
export async function remitPremiumTax(
  db: Database,
  ledger: LedgerClient,
  tenant: TenantContext,
  request: { state: string; period: string },
): Promise<PayoutOutcome> {
  const [liability] = await premiumTaxLiability(db, tenant.orgId, [
    { state: request.state, first: request.period, last: request.period },
  ]);
  if (!liability || liability.owedCents <= 0)
    return {
      ok: false,
      reason: "refused",
      message: `No premium tax is owed to ${request.state} for ${request.period}.`,
    };
  const postingId = createId("txr");
  return payOut(
    db,
    ledger,
    tenant.orgId,
    { id: postingId, kind: "tax_remittance", description: `Premium tax ${request.period} to ${request.state}` },
    {
      name: "tax_remittance",
      from: ACCOUNT.TAX_AUTHORITY_PAYABLE,
      amountCents: liability.owedCents,
      transferCode: TRANSFER_CODES.TAX_REMITTANCE,
    },
    async (tx) => {
      const first = await insertTaxRemittance(tx, tenant.orgId, {
        id: postingId,
        state: request.state,
        period: request.period,
        amountCents: liability.owedCents,
        recordedByUserId: tenant.userId,
      });
      if (!first) throw new Refused(`Premium tax for ${request.state} ${request.period} was remitted already.`);
    },
  );
}

/**
 * A commission statement and its transactions, as finance sees it or (with the caller's agency)
 * as the agency's admins see their own; null when it is not the caller's to see.
 */
export async function getCommissionStatement(db: Database, tenant: TenantContext, statementId: string) {
  const found = await findCommissionStatement(db, tenant.orgId, statementId, tenant.agencyId);
  if (!found) return null;
  const lines = await listCommissionStatementLines(db, tenant.orgId, {
    agencyId: found.statement.agencyId,
    ...periodBounds(found.statement.period),
  });
  return { ...found, lines };
}

/** One batch of a statement's lines, for its CSV and XLSX export. */
export function commissionStatementLines(
  db: Database,
  tenant: TenantContext,
  statement: { agencyId: string; period: string },
  offset: number,
  limit: number,
) {
  return listCommissionStatementLines(
    db,
    tenant.orgId,
    { agencyId: statement.agencyId, ...periodBounds(statement.period) },
    { offset, limit },
  );
}
