/**
 * Whether the producer of record may place the risk: a licence in the risk's state, in force on
 * the bind date, for the line of authority the policy needs. State law puts the licence on the
 * producer, so the check names the producer and each licence it considered.
 */
import type { LineOfBusiness } from "../../../db/schema/programs.ts";
import { isWithin } from "../../utils/calendar-date.ts";
import { checkResult, type PreBindCheckResult } from "./check-result.ts";

/** The line of authority each line of business is sold under. */
const AUTHORITY_FOR_LINE: Record<LineOfBusiness, string> = { GL: "casualty", WC: "casualty" };

export interface ProducerLicence {
  readonly state: string;
  readonly licenceNumber: string;
  readonly lines: readonly string[];
  readonly effectiveOn: string;
  readonly expiresOn: string;
}

export interface LicensedProducer {
  readonly name: string;
  /** Every licence the producer holds in the risk's state. */
  readonly licences: readonly ProducerLicence[];
}

/** The licence that lets the producer bind the risk on `asOf`, if any. */
export function licenceForRisk(
  licences: readonly ProducerLicence[],
  risk: { readonly state: string; readonly lineOfBusiness: LineOfBusiness },
  asOf: string,
): ProducerLicence | null {
  const line = AUTHORITY_FOR_LINE[risk.lineOfBusiness];
  return (
    licences.find(
      (l) => l.state === risk.state && l.lines.includes(line) && isWithin(asOf, l.effectiveOn, l.expiresOn),
    ) ?? null
  );
}

export function checkProducerLicensed(input: {
  readonly producer: LicensedProducer;
  readonly state: string;
  readonly lineOfBusiness: LineOfBusiness;
  readonly asOf: string;
}): PreBindCheckResult {
  const { producer, state, lineOfBusiness, asOf } = input;
  if (licenceForRisk(producer.licences, { state, lineOfBusiness }, asOf)) return checkResult("producer_licensed", []);
  const inState = producer.licences.filter((l) => l.state === state);
  const line = AUTHORITY_FOR_LINE[lineOfBusiness];
  if (inState.length === 0)
    return checkResult("producer_licensed", [`${producer.name} holds no producer licence in ${state}`]);
  return checkResult(
    "producer_licensed",
    inState.map((l) => {
      if (asOf > l.expiresOn) return `${producer.name}'s ${state} licence ${l.licenceNumber} expired on ${l.expiresOn}`;
      if (asOf < l.effectiveOn)
        return `${producer.name}'s ${state} licence ${l.licenceNumber} is not in force until ${l.effectiveOn}`;
      return `${producer.name}'s ${state} licence ${l.licenceNumber} does not carry the ${line} line`;
    }),
  );
}
