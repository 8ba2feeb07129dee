/** The ACORD 125 questions, each read into a submission field. */
import { ZERO_CENTS, type Cents } from "../../../utils/money.ts";
import type { LineOfBusiness } from "../../rating/types.ts";
import { FIELD_NAMES } from "./field-names.ts";
import { MATCH_CONFIDENCE, type Candidate, type FieldIndex, type NameSpec } from "./match.ts";
import {
  ABSENT,
  annotate,
  firstFound,
  firstPerRow,
  firstReadable,
  found,
  isBlank,
  omitted,
  sumOfRows,
  totalOf,
  type Outcome,
} from "./outcome.ts";
import {
  joinNotes,
  parseAmount,
  parseCount,
  parseDate,
  parseEmail,
  parseLimit,
  parseLineOfBusiness,
  parseNaics,
  parsePhone,
  parsePositiveAmount,
  parsePostalCode,
  parseStateCode,
  parseText,
  parseYears,
  parseYearsSince,
  QUALITY,
  readIndicator,
  type Parsed,
} from "./parse-values.ts";
import type { AcordFieldKey, AcordFieldValues } from "./types.ts";

export type Outcomes = { [K in AcordFieldKey]: Outcome<AcordFieldValues[K]> };

type DirectKey =
  | "insuredName"
  | "mailingAddress.line1"
  | "mailingAddress.city"
  | "mailingAddress.state"
  | "mailingAddress.postalCode"
  | "requestedLimit"
  | "aggregateLimit"
  | "deductible"
  | "effectiveDate"
  | "contactEmail"
  | "contactPhone";

/** Questions answered by one box. Text limits are the insureds table's column widths. */
const DIRECT: {
  [K in DirectKey]: { names: NameSpec; parse: (raw: string, today: Date) => Parsed<AcordFieldValues[K]> };
} = {
  insuredName: { names: FIELD_NAMES.insuredName, parse: parseText(200) },
  "mailingAddress.line1": { names: FIELD_NAMES.mailingLine1, parse: parseText(200) },
  "mailingAddress.city": { names: FIELD_NAMES.mailingCity, parse: parseText(100) },
  "mailingAddress.state": { names: FIELD_NAMES.mailingState, parse: parseStateCode },
  "mailingAddress.postalCode": { names: FIELD_NAMES.mailingPostalCode, parse: parsePostalCode },
  requestedLimit: { names: FIELD_NAMES.requestedLimit, parse: parseLimit },
  aggregateLimit: { names: FIELD_NAMES.aggregateLimit, parse: parsePositiveAmount },
  deductible: { names: FIELD_NAMES.deductible, parse: parseAmount },
  effectiveDate: { names: FIELD_NAMES.effectiveDate, parse: parseDate },
  contactEmail: { names: FIELD_NAMES.contactEmail, parse: parseEmail },
  contactPhone: { names: FIELD_NAMES.contactPhone, parse: parsePhone },
};

export function mapAcord125(index: FieldIndex, today: Date): Outcomes {
  const direct = <K extends DirectKey>(key: K): Outcome<AcordFieldValues[K]> =>
    firstReadable(index.find(DIRECT[key].names), (raw) => DIRECT[key].parse(raw, today));
  const mailingState = direct("mailingAddress.state");
  const losses = lossHistory(index);
  return {
    insuredName: direct("insuredName"),
    "mailingAddress.line1": direct("mailingAddress.line1"),
    "mailingAddress.city": direct("mailingAddress.city"),
    "mailingAddress.state": mailingState,
    "mailingAddress.postalCode": direct("mailingAddress.postalCode"),
    naicsCode: naicsCode(index),
    lineOfBusiness: lineOfBusiness(index),
    state: homeState(index, mailingState),
    annualRevenue: sumOfRows(index.find(FIELD_NAMES.annualRevenue), parseAmount, "premises"),
    payroll: sumOfRows(index.find(FIELD_NAMES.payroll), parseAmount, "rating class"),
    requestedLimit: direct("requestedLimit"),
    aggregateLimit: direct("aggregateLimit"),
    deductible: direct("deductible"),
    effectiveDate: direct("effectiveDate"),
    yearsInBusiness: firstFound(
      firstReadable(index.find(FIELD_NAMES.businessStartDate), (raw) => parseYearsSince(raw, today)),
      firstReadable(index.find(FIELD_NAMES.yearsInBusiness), parseYears),
    ),
    priorLossCount: losses.count,
    priorLossAmount: losses.amount,
    contactEmail: direct("contactEmail"),
    contactPhone: direct("contactPhone"),
  };
}

function naicsCode(index: FieldIndex): Outcome<string> {
  const naics = firstReadable(index.find(FIELD_NAMES.naicsCode), parseNaics);
  const sic = index.find(FIELD_NAMES.sicCode).find((candidate) => !isBlank(candidate.value));
  if (naics.kind !== "absent" || sic === undefined) {
    return naics;
  }
  // Said here because an underwriter would otherwise wonder why the code on the form was ignored.
  return omitted("only an SIC code was given; SIC codes are not accepted, the six-digit NAICS code is needed", sic);
}

function homeState(index: FieldIndex, mailingState: Outcome<string>): Outcome<string> {
  const declared = firstReadable(index.find(FIELD_NAMES.homeState), parseStateCode);
  if (declared.kind === "found" || mailingState.kind !== "found") {
    return declared.kind === "absent" ? mailingState : declared;
  }
  if (declared.kind === "omitted") {
    // The form tried to name a different home state; the mailing state is only a guess then.
    const { reason, sources } = declared.omission;
    return annotate(
      mailingState,
      `home state taken from the mailing address; ${sources.join(", ")} unreadable: ${reason}`,
      QUALITY.guessed,
    );
  }
  return annotate(mailingState, "home state taken from the mailing address");
}

interface LineSignal {
  line: LineOfBusiness;
  quality: number;
  candidate: Candidate;
}

const signalConfidence = (signal: LineSignal) => MATCH_CONFIDENCE[signal.candidate.match] * signal.quality;

/**
 * GL or WC, from the line-of-business check boxes or from text naming the line. A submission is
 * one line, so both lines requested is left to a person rather than picked.
 */
function lineOfBusiness(index: FieldIndex): Outcome<LineOfBusiness> {
  const signals: LineSignal[] = [];
  const ticked = (names: NameSpec, line: LineOfBusiness) => {
    for (const candidate of index.find(names)) {
      if (readIndicator(candidate.value) === true) {
        signals.push({ line, quality: QUALITY.clean, candidate });
      }
    }
  };
  ticked(FIELD_NAMES.glIndicator, "GL");
  ticked(FIELD_NAMES.wcIndicator, "WC");
  let unsupported: Outcome<never> | undefined;
  for (const candidate of [
    ...index.find(FIELD_NAMES.otherLineDescription),
    ...index.find(FIELD_NAMES.lineOfBusinessText),
  ]) {
    if (typeof candidate.value !== "string" || isBlank(candidate.value)) {
      continue;
    }
    const parsed = parseLineOfBusiness(candidate.value);
    if (parsed.ok) {
      signals.push({ line: parsed.value, quality: parsed.quality, candidate });
    } else {
      unsupported ??= omitted(parsed.reason, candidate);
    }
  }
  const sources = [...new Set(signals.map((signal) => signal.candidate.source))];
  if (new Set(signals.map((signal) => signal.line)).size > 1) {
    const reason = "both GL and WC are requested; a submission is for one line, so enter one per line";
    return { kind: "omitted", omission: { reason, sources } };
  }
  const best = signals.sort((a, b) => signalConfidence(b) - signalConfidence(a))[0];
  if (best === undefined) {
    return unsupported ?? ABSENT;
  }
  return found(best.line, best.candidate.match, best.quality, sources);
}

/**
 * Loss history from ACORD's loss rows (count of rows filled in; incurred = paid + reserved), or
 * the "no prior losses" box, or vendor count/amount boxes. ACORD's own total is only a last
 * resort: its tooltip defines it as the amount paid, which leaves out open reserves.
 */
function lossHistory(index: FieldIndex): { count: Outcome<number>; amount: Outcome<Cents> } {
  const paid = firstPerRow(index.find(FIELD_NAMES.lossPaid));
  const reserved = firstPerRow(index.find(FIELD_NAMES.lossReserved));
  const rowFields = [
    paid,
    reserved,
    firstPerRow(index.find(FIELD_NAMES.lossDate)),
    firstPerRow(index.find(FIELD_NAMES.lossDescription)),
  ];
  const rows = [...new Set(rowFields.flatMap((byRow) => [...byRow.keys()]))].sort();
  const noLosses = index.find(FIELD_NAMES.noPriorLosses).find((candidate) => readIndicator(candidate.value) === true);

  if (rows.length === 0 && noLosses !== undefined) {
    const none = <T>(value: T) =>
      found(value, noLosses.match, QUALITY.clean, [noLosses.source], "no prior losses ticked");
    return { count: none(0), amount: none(ZERO_CENTS) };
  }
  if (rows.length === 0) {
    return {
      count: firstReadable(index.find(FIELD_NAMES.priorLossCount), parseCount),
      amount: firstFound(firstReadable(index.find(FIELD_NAMES.priorLossAmount), parseAmount), totalPaidOnly(index)),
    };
  }
  const contradiction =
    noLosses === undefined ? undefined : `"no prior losses" is ticked but ${rows.length} loss rows are filled in`;
  const quality = contradiction === undefined ? QUALITY.clean : QUALITY.guessed;
  const sources = rowFields.flatMap((byRow) => [...byRow.values()].map((candidate) => candidate.source));
  return {
    count: found(rows.length, "standard", quality, sources, contradiction),
    amount: incurredFromRows(rows, paid, reserved, contradiction),
  };
}

function incurredFromRows(
  rows: string[],
  paid: Map<string, Candidate>,
  reserved: Map<string, Candidate>,
  contradiction: string | undefined,
): Outcome<Cents> {
  const amounts: Cents[] = [];
  const sources: string[] = [];
  let quality: number = contradiction === undefined ? QUALITY.clean : QUALITY.guessed;
  const notes: (string | undefined)[] = [contradiction];
  for (const row of rows) {
    const parts = [paid.get(row), reserved.get(row)].filter((candidate) => candidate !== undefined);
    if (parts.length === 0) {
      // A loss with no amount may be a large open claim: the total is a floor, not a figure.
      quality = Math.min(quality, QUALITY.guessed);
      notes.push(`loss row ${row} has no paid or reserved amount`);
    }
    for (const candidate of parts) {
      const parsed = typeof candidate.value === "string" ? parseAmount(candidate.value) : undefined;
      if (parsed === undefined || !parsed.ok) {
        return omitted(`loss row ${row}: ${parsed?.reason ?? "a check box where an amount was expected"}`, candidate);
      }
      amounts.push(parsed.value);
      sources.push(candidate.source);
      quality = Math.min(quality, parsed.quality);
      notes.push(parsed.note);
    }
  }
  return totalOf(amounts, quality, sources, joinNotes(...notes));
}

function totalPaidOnly(index: FieldIndex): Outcome<Cents> {
  const total = firstReadable(index.find(FIELD_NAMES.lossTotalPaid), parseAmount);
  return annotate(total, "ACORD's total is paid only; open reserves are not in it", QUALITY.guessed);
}
