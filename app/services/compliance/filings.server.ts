import type { Database } from "../../../db/client.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { insertFiling, listFilings } from "../../models/filings.server.ts";
import { createId } from "../../utils/ids.ts";
import { auditBusinessAction } from "../access/audit.server.ts";
import { premiumTaxLiability } from "../ledger/statements.server.ts";
import { filingPeriods, filingStatus, SURPLUS_LINES_FILING_RULES, type FilingPeriod } from "./filing-calendar.ts";

/** A filing period as the ledger's liability reads it: its state and its whole months. */
const taxPeriodOf = (p: { state: string; periodStart: string; periodEnd: string }) => ({
  state: p.state,
  first: p.periodStart.slice(0, 7),
  last: p.periodEnd.slice(0, 7),
});

const periodKey = (p: { state: string; periodStart: string }) => `${p.state}:${p.periodStart}`;

/** This year's and last year's returns for every state in the table, with amounts and standing. */
export async function filingCalendar(db: Database, tenant: TenantContext, today: string) {
  const year = Number(today.slice(0, 4));
  const periods: FilingPeriod[] = SURPLUS_LINES_FILING_RULES.flatMap((r) => filingPeriods(r, year)).filter(
    (p) => p.dueOn >= `${year - 1}-07-01`,
  );
  const [liability, filings] = await Promise.all([
    premiumTaxLiability(db, tenant.orgId, periods.map(taxPeriodOf)),
    listFilings(db, tenant),
  ]);
  const filed = new Map(filings.map((f) => [periodKey(f), f]));
  // A period with a state gets exactly one row, in the order asked.
  return periods
    .map((p, i) => {
      const record = filed.get(periodKey(p)) ?? null;
      const owed = liability[i]!;
      return {
        ...p,
        amounts: { taxableCents: owed.taxableCents, taxCents: owed.taxesCents },
        filing: record,
        status: filingStatus(p, record?.filedOn ?? null, today),
      };
    })
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.state.localeCompare(b.state)));
}

export type RecordFilingOutcome = { ok: true } | { ok: false; message: string };

/** Records a return as filed, with the amounts the period's liability gives at the time of filing. */
export async function recordFiling(
  db: Database,
  tenant: TenantContext,
  input: { state: string; periodStart: string; filedOn: string; confirmation: string },
  today: string,
): Promise<RecordFilingOutcome> {
  const rule = SURPLUS_LINES_FILING_RULES.find((r) => r.state === input.state);
  const period =
    rule && filingPeriods(rule, Number(today.slice(0, 4))).find((p) => p.periodStart === input.periodStart);
  if (!period) return { ok: false, message: `${input.state} has no filing period starting ${input.periodStart}` };
  if (input.filedOn <= period.periodEnd)
    return { ok: false, message: `A return for a period ending ${period.periodEnd} cannot be filed before it ends` };
  const [liability] = await premiumTaxLiability(db, tenant.orgId, [taxPeriodOf(period)]);
  const amounts = { taxableCents: liability!.taxableCents, taxCents: liability!.taxesCents };
  const id = createId("slf");
  const inserted = await insertFiling(db, {
    id,
    orgId: tenant.orgId,
    state: period.state,
    periodStart: period.periodStart,
    periodEnd: period.periodEnd,
    dueOn: period.dueOn,
    taxableCents: amounts.taxableCents,
    taxCents: amounts.taxCents,
    filedOn: input.filedOn,
    confirmation: input.confirmation,
    filedByUserId: tenant.userId,
  });
  if (!inserted) return { ok: false, message: `The ${input.state} return for this period is already recorded` };
  await auditBusinessAction(db, tenant, {
    action: "filing_recorded",
    targetType: "surplus_lines_filing",
    targetId: id,
    detail: { ...input, ...amounts },
  });
  return { ok: true };
}
