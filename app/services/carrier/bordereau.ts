/**
 * The monthly bordereau: its lines in the layout of Lloyd's Coverholder Reporting Standards v5
 * (field names below, mapped in docs/bordereaux.md) and the checks every version must pass
 * before it is submitted. The checks run over the lines as they stream (one chunk at a time), so
 * a bordereau of any size is validated in bounded memory.
 */
import { multiplyRoundHalfEven, parseDecimal } from "../../utils/decimal.ts";
import type { CellValue } from "../../utils/csv.ts";
import { emptyPhi, maskPhi, redactClaimForViewer, type PhiViewer } from "../claims/phi.ts";

export type PremiumLine = {
  lineNumber: number;
  policyTransactionId: string;
  policyNumber: string;
  insuredName: string;
  insuredState: string;
  naicsCode: string;
  lineOfBusiness: string;
  policyEffectiveDate: string;
  policyExpirationDate: string;
  transactionType: string;
  transactionEffectiveDate: string;
  bookedOn: string;
  grossPremiumCents: number;
  feesCents: number;
  taxesCents: number;
  producerCommissionRate: string;
  producerCommissionCents: number;
  mgaCommissionRate: string;
  mgaCommissionCents: number;
  netToCarrierCents: number;
};

export type ClaimLine = {
  lineNumber: number;
  claimNumber: string;
  policyNumber: string;
  dateOfLoss: string;
  reportedOn: string;
  lossType: string;
  status: string;
  /** What the carrier may see of the claimants: never a PHI value (claimBordereauLine). */
  claimant: string;
  caseReserveCents: number;
  paidIndemnityCents: number;
  paidExpenseCents: number;
  paidCents: number;
  incurredCents: number;
  recoveredCents: number;
};

/**
 * Who reads a bordereau: the carrier. It is a document sent to the carrier's people, so the MGA
 * user who happens to generate or open it does not widen what it carries.
 */
export const BORDEREAU_READER: PhiViewer = {
  userId: null,
  roles: ["carrier_user"],
  twoFactorVerified: false,
  via: "session",
};

/** A claim as the claims bordereau reads it: its figures and its claimants' roles, no PHI values. */
export type ClaimForBordereau = {
  claimId: string;
  claimNumber: string;
  policyNumber: string;
  dateOfLoss: string;
  reportedOn: string;
  lossType: string;
  status: string;
  assignedAdjusterId: string | null;
  caseReserveCents: number;
  paidIndemnityCents: number;
  paidExpenseCents: number;
  paidCents: number;
  recoveredCents: number;
  claimantRoles: readonly string[];
};

/**
 * The one place a claim becomes a claims-bordereau line. Its claimants pass through the claims
 * module's `redactClaimForViewer` as the bordereau's reader sees them; their sealed PHI is never
 * opened here, which holds only while that reader may not see it (checked on every line, so a
 * change of the role matrix fails loudly instead of printing placeholders as claimant names).
 */
export function claimBordereauLine(claim: ClaimForBordereau, lineNumber: number): ClaimLine & { claimId: string } {
  const seen = redactClaimForViewer(
    {
      assignedAdjusterId: claim.assignedAdjusterId,
      claimants: claim.claimantRoles.map((role) => ({ role, phi: maskPhi(emptyPhi()) })),
    },
    BORDEREAU_READER,
  );
  if (seen.phiVisible)
    throw new Error("The bordereau's reader may now see PHI: claimant values would have to be opened first.");
  return {
    lineNumber,
    claimId: claim.claimId,
    claimNumber: claim.claimNumber,
    policyNumber: claim.policyNumber,
    dateOfLoss: claim.dateOfLoss,
    reportedOn: claim.reportedOn,
    lossType: claim.lossType,
    status: claim.status,
    claimant: seen.claimants.map((c) => `${c.phi.name} (${c.role.replaceAll("_", " ")})`).join("; "),
    caseReserveCents: claim.caseReserveCents,
    paidIndemnityCents: claim.paidIndemnityCents,
    paidExpenseCents: claim.paidExpenseCents,
    paidCents: claim.paidCents,
    incurredCents: claim.caseReserveCents + claim.paidCents,
    recoveredCents: claim.recoveredCents,
  };
}

/** CRS v5 transaction type codes for our policy transaction types. */
export const CRS_TRANSACTION_TYPE: Record<string, string> = {
  new_business: "NEW",
  endorsement: "ENDORSEMENT",
  cancellation: "CANCELLATION",
  reinstatement: "REINSTATEMENT",
  renewal: "RENEWAL",
};

const money = (cents: number) => cents / 100;
const rate = (decimal: string) => Number(decimal);

export type CrsColumn<Line> = { field: string; source: string; value: (line: Line) => CellValue; width?: number };

/** Premium bordereau columns: CRS v5 field name, where it comes from, its value. */
export const PREMIUM_COLUMNS: readonly CrsColumn<PremiumLine>[] = [
  { field: "Line No", source: "line number", value: (l) => l.lineNumber },
  { field: "Certificate Ref", source: "policies.policy_number", value: (l) => l.policyNumber, width: 22 },
  { field: "Insured Name", source: "insureds.name", value: (l) => l.insuredName, width: 32 },
  { field: "Insured State", source: "policies.state", value: (l) => l.insuredState },
  { field: "Risk Code / Class (NAICS)", source: "insureds.naics_code", value: (l) => l.naicsCode },
  { field: "Class of Business", source: "policies.line_of_business", value: (l) => l.lineOfBusiness },
  { field: "Risk Inception Date", source: "policies.effective_date", value: (l) => l.policyEffectiveDate },
  { field: "Risk Expiry Date", source: "policies.expiration_date", value: (l) => l.policyExpirationDate },
  {
    field: "Transaction Type",
    source: "policy_transactions.type",
    value: (l) => CRS_TRANSACTION_TYPE[l.transactionType] ?? l.transactionType,
  },
  {
    field: "Effective Date of Transaction",
    source: "policy_transactions.effective_date",
    value: (l) => l.transactionEffectiveDate,
  },
  { field: "Date Processed", source: "policy_transactions.booked_on", value: (l) => l.bookedOn },
  {
    field: "Gross Written Premium (100%)",
    source: "policy_transactions.premium_cents",
    value: (l) => money(l.grossPremiumCents),
  },
  { field: "Policy Fee", source: "policy_transactions.fees_cents", value: (l) => money(l.feesCents) },
  { field: "Surplus Lines Tax", source: "policy_transactions.taxes_cents", value: (l) => money(l.taxesCents) },
  {
    field: "Brokerage %",
    source: "policy_transactions.producer_commission_rate",
    value: (l) => rate(l.producerCommissionRate),
  },
  {
    field: "Brokerage Amount",
    source: "policy_transactions.producer_commission_cents",
    value: (l) => money(l.producerCommissionCents),
  },
  {
    field: "Coverholder Commission %",
    source: "policy_transactions.mga_commission_rate",
    value: (l) => rate(l.mgaCommissionRate),
  },
  {
    field: "Coverholder Commission Amount",
    source: "policy_transactions.mga_commission_cents",
    value: (l) => money(l.mgaCommissionCents),
  },
  {
    field: "Net Premium to Underwriters",
    source: "gross - brokerage - coverholder commission - fee - tax",
    value: (l) => money(l.netToCarrierCents),
  },
];

/**
 * Claims bordereau columns. The claimant column carries the claimants as the carrier may see
 * them under DOMAIN.md's PHI rules (masked); claim expenses are CRS's "fees".
 */
export const CLAIM_COLUMNS: readonly CrsColumn<ClaimLine>[] = [
  { field: "Line No", source: "line number", value: (l) => l.lineNumber },
  { field: "Claim Reference", source: "claims.claim_number", value: (l) => l.claimNumber, width: 18 },
  { field: "Certificate Ref", source: "policies.policy_number", value: (l) => l.policyNumber, width: 22 },
  { field: "Date of Loss", source: "claims.date_of_loss", value: (l) => l.dateOfLoss },
  { field: "Date Claim Made", source: "claims.reported_on", value: (l) => l.reportedOn },
  { field: "Loss Description", source: "claims.loss_type", value: (l) => l.lossType, width: 24 },
  { field: "Claim Status", source: "claims.status", value: (l) => l.status },
  {
    field: "Claimant Name",
    source: "claim_claimants through redactClaimForViewer (carrier: masked)",
    value: (l) => l.claimant,
    width: 28,
  },
  {
    field: "Total Outstanding",
    source: "claims.case_reserve_cents (indemnity + expense reserves)",
    value: (l) => money(l.caseReserveCents),
  },
  {
    field: "Paid to Date - Indemnity",
    source: "claims.paid_indemnity_cents",
    value: (l) => money(l.paidIndemnityCents),
  },
  { field: "Paid to Date - Fees", source: "claims.paid_expense_cents", value: (l) => money(l.paidExpenseCents) },
  { field: "Total Paid to Date", source: "claims.paid_cents", value: (l) => money(l.paidCents) },
  { field: "Total Incurred", source: "paid + outstanding", value: (l) => money(l.incurredCents) },
  { field: "Recoveries to Date", source: "claims.recovered_cents", value: (l) => money(l.recoveredCents) },
];

export type PremiumTotals = {
  grossPremiumCents: number;
  producerCommissionCents: number;
  mgaCommissionCents: number;
  feesCents: number;
  taxesCents: number;
  netToCarrierCents: number;
};

export type ClaimTotals = {
  caseReserveCents: number;
  paidIndemnityCents: number;
  paidExpenseCents: number;
  paidCents: number;
  incurredCents: number;
  recoveredCents: number;
};

export type BordereauCheck = { check: string; passed: boolean; detail: string; lines: number[] };

/** Failing line numbers named in a check; beyond this only the count is kept. */
export const NAMED_LINES_LIMIT = 50;

class LineCheck {
  readonly lines: number[] = [];
  failures = 0;
  constructor(
    readonly check: string,
    readonly description: string,
  ) {}
  fail(lineNumber: number) {
    this.failures += 1;
    if (this.lines.length < NAMED_LINES_LIMIT) this.lines.push(lineNumber);
  }
  result(): BordereauCheck {
    if (this.failures === 0) return { check: this.check, passed: true, detail: this.description, lines: [] };
    const more = this.failures > this.lines.length ? ` and ${this.failures - this.lines.length} more` : "";
    return {
      check: this.check,
      passed: false,
      detail: `${this.description} fails on line${this.failures === 1 ? "" : "s"} ${this.lines.join(", ")}${more}`,
      lines: this.lines,
    };
  }
}

function totalsCheck<T extends Record<string, number>>(
  check: string,
  ours: T,
  expected: T,
  label: (key: string) => string,
) {
  const off = Object.keys(expected).filter((k) => ours[k] !== expected[k]);
  return {
    check,
    passed: off.length === 0,
    detail:
      off.length === 0
        ? "the totals equal the policy transactions' totals for the period"
        : off.map((k) => `${label(k)} ${ours[k]! / 100} differs from ${expected[k]! / 100}`).join("; "),
    lines: [],
  };
}

const LABELS: Record<string, string> = {
  grossPremiumCents: "gross premium",
  producerCommissionCents: "producer commission",
  mgaCommissionCents: "MGA commission",
  feesCents: "fees",
  taxesCents: "taxes",
  netToCarrierCents: "net to carrier",
  caseReserveCents: "case reserve",
  paidIndemnityCents: "paid indemnity",
  paidExpenseCents: "paid expense",
  paidCents: "paid",
  incurredCents: "incurred",
  recoveredCents: "recoveries",
};

/**
 * The premium bordereau's checks, fed chunk by chunk: commission = gross x commission % (each of
 * producer and MGA, half-to-even to the cent, as the transaction recorded it), net = gross -
 * commissions - fees - taxes, and the totals equal the period's totals computed independently
 * from the policy transactions.
 */
export function premiumValidator() {
  const producer = new LineCheck("producer_commission", "producer commission = gross premium x producer commission %");
  const mga = new LineCheck("mga_commission", "MGA commission = gross premium x MGA commission %");
  const net = new LineCheck("net_premium", "net = gross - producer commission - MGA commission - fees - taxes");
  const totals: PremiumTotals = {
    grossPremiumCents: 0,
    producerCommissionCents: 0,
    mgaCommissionCents: 0,
    feesCents: 0,
    taxesCents: 0,
    netToCarrierCents: 0,
  };
  let lines = 0;
  return {
    add(chunk: readonly PremiumLine[]) {
      for (const l of chunk) {
        lines += 1;
        const gross = BigInt(l.grossPremiumCents);
        if (Number(multiplyRoundHalfEven(gross, parseDecimal(l.producerCommissionRate))) !== l.producerCommissionCents)
          producer.fail(l.lineNumber);
        if (Number(multiplyRoundHalfEven(gross, parseDecimal(l.mgaCommissionRate))) !== l.mgaCommissionCents)
          mga.fail(l.lineNumber);
        const expectedNet =
          l.grossPremiumCents - l.producerCommissionCents - l.mgaCommissionCents - l.feesCents - l.taxesCents;
        if (expectedNet !== l.netToCarrierCents) net.fail(l.lineNumber);
        totals.grossPremiumCents += l.grossPremiumCents;
        totals.producerCommissionCents += l.producerCommissionCents;
        totals.mgaCommissionCents += l.mgaCommissionCents;
        totals.feesCents += l.feesCents;
        totals.taxesCents += l.taxesCents;
        totals.netToCarrierCents += l.netToCarrierCents;
      }
    },
    finish(expected: PremiumTotals): { lineCount: number; totals: PremiumTotals; checks: BordereauCheck[] } {
      return {
        lineCount: lines,
        totals,
        checks: [
          producer.result(),
          mga.result(),
          net.result(),
          totalsCheck("period_totals", totals, expected, (k) => LABELS[k] ?? k),
        ],
      };
    },
  };
}

/**
 * The claims bordereau's checks: paid = paid indemnity + paid expense, incurred = paid +
 * outstanding, and the totals equal the claims' own totals.
 */
export function claimValidator() {
  const paid = new LineCheck("paid", "total paid = paid indemnity + paid expense");
  const incurred = new LineCheck("incurred", "total incurred = paid + outstanding");
  const totals: ClaimTotals = {
    caseReserveCents: 0,
    paidIndemnityCents: 0,
    paidExpenseCents: 0,
    paidCents: 0,
    incurredCents: 0,
    recoveredCents: 0,
  };
  let lines = 0;
  return {
    add(chunk: readonly ClaimLine[]) {
      for (const l of chunk) {
        lines += 1;
        if (l.paidCents !== l.paidIndemnityCents + l.paidExpenseCents) paid.fail(l.lineNumber);
        if (l.incurredCents !== l.paidCents + l.caseReserveCents) incurred.fail(l.lineNumber);
        for (const key of Object.keys(totals) as (keyof ClaimTotals)[]) totals[key] += l[key];
      }
    },
    finish(expected: ClaimTotals) {
      return {
        lineCount: lines,
        totals,
        checks: [
          paid.result(),
          incurred.result(),
          totalsCheck("period_totals", totals, expected, (k) => LABELS[k] ?? k),
        ],
      };
    },
  };
}

/** A version may be submitted only as a draft whose every check passed. */
export function submissionBlockers(bordereau: { status: string; checks: readonly BordereauCheck[] }): string[] {
  const blockers = bordereau.checks.filter((c) => !c.passed).map((c) => c.detail);
  if (bordereau.status !== "draft") blockers.unshift(`this version is ${bordereau.status}, not a draft`);
  return blockers;
}

/** The reported month of a date: its first and last day. */
export function bordereauPeriod(month: string): { start: string; end: string } {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`${month} is not a month (YYYY-MM)`);
  const [y, m] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { start: `${month}-01`, end: `${month}-${String(last).padStart(2, "0")}` };
}

/** The month before the one containing `date`: what the job on the first of a month reports. */
export function previousMonth(date: string): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}
