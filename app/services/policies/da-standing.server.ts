import type { Database } from "../../../db/client.ts";
import type { Transaction } from "../../../db/transaction.ts";
import {
  boundGwpBetween,
  countInsuredPoliciesInForce,
  findDaAgreementInForceWithInsuredCount,
} from "../../models/policy-binding.server.ts";
import { toCents, type Cents } from "../../utils/money.ts";
import { daAgreementQuarter, daAgreementTermsFromRow, type DaAgreementTerms } from "./da-agreement.ts";

/** The risk whose agreement is looked up: its program, insured and effective date. */
export type DaRiskKey = { programId: string; insuredId: string; effectiveDate: string };

/**
 * The DA agreement in force on the effective date with what its checks need besides the
 * risk: the insured's policies already held under it and, when it has a quarterly GWP limit,
 * the premium bound so far in the agreement quarter containing `asOf`.
 */
export type DaStanding = {
  agreementId: string;
  terms: DaAgreementTerms;
  insuredPolicyCount: number;
  quarterToDateGwpCents: Cents | undefined;
};

async function standingOf(
  db: Database | Transaction,
  orgId: string,
  row: Parameters<typeof daAgreementTermsFromRow>[0],
  risk: DaRiskKey,
  asOf: string,
  insuredPolicyCountKnown?: number,
): Promise<DaStanding> {
  const terms = daAgreementTermsFromRow(row);
  const quarter = terms.quarterlyGwpLimitCents === null ? null : daAgreementQuarter(terms.effectiveDate, asOf);
  const [insuredPolicyCount, quarterToDate] = await Promise.all([
    insuredPolicyCountKnown ??
      countInsuredPoliciesInForce(
        db,
        orgId,
        risk.insuredId,
        { programId: row.programId, effectiveDate: row.effectiveDate, expirationDate: row.expirationDate },
        risk.effectiveDate,
      ),
    quarter ? boundGwpBetween(db, orgId, row.programId, quarter.start, quarter.end) : undefined,
  ]);
  return {
    agreementId: row.id,
    terms,
    insuredPolicyCount,
    quarterToDateGwpCents: quarterToDate === undefined ? undefined : toCents(quarterToDate),
  };
}

/** Quote time: the agreement and its counts as they stand, without locks. */
export async function daStandingForQuote(
  db: Database | Transaction,
  orgId: string,
  risk: DaRiskKey,
  asOf: string,
): Promise<DaStanding | null> {
  // The agreement and the insured's policy count under it come in one query.
  const found = await findDaAgreementInForceWithInsuredCount(db, orgId, risk);
  return found ? standingOf(db, orgId, found.agreement, risk, asOf, found.insuredPolicyCount) : null;
}

/**
 * Bind time, inside the bind transaction, once `lockDaAgreementForBind` has locked `row` and
 * before any plain read of the transaction: the counts' snapshot then includes every bind under
 * the agreement that committed before this one got the lock (binds under one agreement see each
 * other). The bind sends its other post-lock reads with these, in one round trip.
 */
export function daStandingUnderLock(
  tx: Transaction,
  orgId: string,
  row: Parameters<typeof daAgreementTermsFromRow>[0],
  risk: DaRiskKey,
  asOf: string,
): Promise<DaStanding> {
  return standingOf(tx, orgId, row, risk, asOf);
}
