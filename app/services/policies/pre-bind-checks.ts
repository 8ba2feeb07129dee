/**
 * Everything that must hold before a quote is bound, as one pure function the bind transaction
 * calls after locking the DA agreement row. Every check runs and is reported, so a refused bind
 * lists all its reasons at once rather than one per attempt.
 */
import type { LineOfBusiness } from "../../../db/schema/programs.ts";
import type { Cents } from "../../utils/money.ts";
import { checkUserAuthority, type BindingUser } from "./authority.ts";
import type { PreBindCheckResult } from "./check-result.ts";
import type { DaAgreementTerms } from "./da-agreement.ts";
import { runDaChecks, type DaRisk } from "./da-checks.ts";
import { checkDiligentSearch, type SurplusLinesPlacement } from "./diligent-search.ts";
import { checkProducerLicensed, type LicensedProducer } from "./producer-licence.ts";
import { checkQuoteNotExpired } from "./quote-expiry.ts";
import { checkNoOpenUnderwritingIssues, type UnderwritingIssues } from "./underwriting-issues.ts";

export interface BindRisk extends DaRisk {
  readonly lineOfBusiness: LineOfBusiness;
}

export interface PreBindInput {
  /**
   * Today in the business calendar (`businessToday(tenant)`); compared with the quote's last bindable day
   * and the agreement's term, which are calendar dates too.
   */
  readonly bindDate: string;
  /**
   * The date the carrier's grant is judged on (the DA checks); the bind date unless given. A
   * renewal accepted before its term starts is written under the agreement in force for the new
   * period, so it is judged on the renewal date (issue 12).
   */
  readonly authorityAsOf?: string | undefined;
  /** `quotes.expires_on`: the last day the quote may be bound. */
  readonly quote: { readonly expiresOn: string };
  readonly risk: BindRisk;
  /** Read under the bind transaction's row lock, so `boundGwpCents` is current. */
  readonly agreement: DaAgreementTerms;
  /** Required when the agreement has a quarterly GWP limit; see `daAgreementQuarter`. */
  readonly quarterToDateGwpCents?: Cents | undefined;
  readonly program: { readonly autoBindPremiumCents: Cents };
  readonly user: BindingUser;
  readonly underwriting: UnderwritingIssues;
  readonly surplusLines: Omit<SurplusLinesPlacement, "homeState">;
  /** The producer of record on the submission, with their licences in the risk's state. */
  readonly producer: LicensedProducer;
}

/** All checks, in the order of PRE_BIND_CHECK_CODES; the bind may proceed only if every one passed. */
export function runPreBindChecks(input: PreBindInput): PreBindCheckResult[] {
  const { risk } = input;
  return [
    checkQuoteNotExpired(input.quote.expiresOn, input.bindDate),
    ...runDaChecks({
      agreement: input.agreement,
      risk,
      asOf: input.authorityAsOf ?? input.bindDate,
      quarterToDateGwpCents: input.quarterToDateGwpCents,
    }),
    checkUserAuthority({
      user: input.user,
      lineOfBusiness: risk.lineOfBusiness,
      grossPremiumCents: risk.grossPremiumCents,
      occurrenceLimitCents: risk.occurrenceLimitCents,
      autoBindPremiumCents: input.program.autoBindPremiumCents,
    }),
    checkNoOpenUnderwritingIssues(input.underwriting),
    checkDiligentSearch({ ...input.surplusLines, homeState: risk.homeState }),
    checkProducerLicensed({
      producer: input.producer,
      state: risk.homeState,
      lineOfBusiness: risk.lineOfBusiness,
      asOf: input.bindDate,
    }),
  ];
}
