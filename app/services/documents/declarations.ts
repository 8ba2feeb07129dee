/**
 * The declarations page issued after bind: who is insured, by whom, for what, when and for how
 * much. Rendered with pdf-lib, which runs unchanged in a Worker (no Node APIs); the bytes are
 * deterministic for the same data, so a re-render after a retry produces the same file.
 */
import { PDFDocument } from "pdf-lib";
import type { LineOfBusiness } from "../../../db/schema/programs.ts";
import { formatMoney, sumCents, type Cents } from "../../utils/money.ts";
import { dayNumber } from "../../utils/calendar-date.ts";
import type { PolicyTerm } from "../policies/earned-premium.ts";
import { CONTENT_WIDTH, MUTED, PAGE, PageFlow, type Cell } from "./pdf-layout.ts";
import { drawLetterhead, type Logo } from "./letterhead.ts";

export interface PostalAddress {
  readonly addressLine1: string;
  readonly city: string;
  readonly state: string;
  readonly postalCode: string;
}

export interface AmountLine {
  readonly name: string;
  readonly amount: Cents;
}

/** Shaped so a `RatedQuote` can be passed as is. */
export interface DeclarationsPremium {
  readonly grossPremium: Cents;
  readonly fees: readonly AmountLine[];
  readonly taxes: readonly AmountLine[];
  readonly totalDue: Cents;
}

export interface ScheduledCoverage {
  readonly name: string;
  /** An amount, or words such as "Statutory". */
  readonly limit: Cents | string;
  /** Null prints "Included": the coverage is part of the policy premium. */
  readonly premiumCents: Cents | null;
}

/** Shaped so a `RatedQuote`'s `steps` can be passed as is. */
export interface RatingSummaryLine {
  readonly name: string;
  readonly factor: string | null;
  readonly premiumAfter: Cents;
}

export interface DeclarationsData {
  readonly mga: {
    readonly name: string;
    readonly addressLines?: readonly string[] | undefined;
    /** The organization's logo (letterhead.ts); the name alone when absent. */
    readonly logo?: Logo | null;
  };
  readonly carrier: { readonly name: string; readonly naicCompanyCode?: string | null | undefined };
  readonly producer: {
    readonly name: string;
    readonly licenseNumber?: string | null | undefined;
    /** The state of the licence printed: the risk's state, whose licence the bind relied on. */
    readonly licenseState?: string | undefined;
  };
  readonly policyNumber: string;
  readonly namedInsured: { readonly name: string; readonly address: PostalAddress };
  readonly policyPeriod: PolicyTerm;
  readonly lineOfBusiness: LineOfBusiness;
  readonly limits: { readonly occurrenceCents: Cents; readonly aggregateCents: Cents };
  readonly deductibleCents: Cents;
  readonly premium: DeclarationsPremium;
  readonly coverages: readonly ScheduledCoverage[];
  readonly ratingSummary?: readonly RatingSummaryLine[] | undefined;
  /** Printed on the page and used as the PDF's creation date. */
  readonly issuedOn: string;
}

export class DeclarationsError extends Error {
  override readonly name = "DeclarationsError";
}

const LINES: Record<LineOfBusiness, { title: string; occurrence: string; aggregate: string }> = {
  GL: {
    title: "Commercial General Liability Declarations",
    occurrence: "Each Occurrence Limit",
    aggregate: "General Aggregate Limit",
  },
  WC: {
    title: "Workers' Compensation and Employers' Liability Declarations",
    occurrence: "Employers' Liability - Each Accident",
    aggregate: "Employers' Liability - Disease, Policy Limit",
  },
};

/** MM/DD/YYYY, the form US declarations use; validated, never shifted by a time zone. */
function usDate(date: string): string {
  dayNumber(date);
  const [year, month, day] = date.split("-");
  return `${month}/${day}/${year}`;
}

/** A declarations page whose figures do not add up must not be issued. */
function assertTotals(premium: DeclarationsPremium): void {
  const expected = sumCents([
    premium.grossPremium,
    ...premium.fees.map((fee) => fee.amount),
    ...premium.taxes.map((tax) => tax.amount),
  ]);
  if (expected !== premium.totalDue) {
    throw new DeclarationsError(
      `Total due ${formatMoney(premium.totalDue)} is not premium + fees + taxes (${formatMoney(expected)})`,
    );
  }
}

const FOOTER_NOTICE = "These declarations and the policy forms listed in the policy together make up your policy.";
const HALF = CONTENT_WIDTH / 2;
const AMOUNT_WIDTH = 110;

/** A label on the left and an amount right-aligned in the last column. */
function amountRow(label: string, amount: string, bold = false): Cell[] {
  return [
    { text: label, x: 0, width: CONTENT_WIDTH - AMOUNT_WIDTH - 10, bold },
    { text: amount, x: CONTENT_WIDTH - AMOUNT_WIDTH, width: AMOUNT_WIDTH, align: "right", bold },
  ];
}

/** Text on the left and two right-aligned amount columns: coverage schedule and rating summary. */
function tableRow(label: string, middle: string, last: string, bold = false): Cell[] {
  return [
    { text: label, x: 0, width: CONTENT_WIDTH - 2 * AMOUNT_WIDTH - 20, bold },
    { text: middle, x: CONTENT_WIDTH - 2 * AMOUNT_WIDTH - 10, width: AMOUNT_WIDTH, align: "right", bold },
    { text: last, x: CONTENT_WIDTH - AMOUNT_WIDTH, width: AMOUNT_WIDTH, align: "right", bold },
  ];
}

function section(flow: PageFlow, title: string): void {
  flow.space(10);
  flow.keep(48);
  flow.text(title.toUpperCase(), { size: 10, bold: true });
  flow.rule();
}

export async function renderDeclarationsPdf(data: DeclarationsData): Promise<Uint8Array> {
  assertTotals(data.premium);
  const line = LINES[data.lineOfBusiness];
  const issuedAt = new Date(dayNumber(data.issuedOn) * 86_400_000);

  // updateMetadata: false stops pdf-lib stamping the current time, which would make every
  // render of the same policy a different file.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(`${line.title} - ${data.policyNumber}`);
  doc.setAuthor(data.mga.name);
  doc.setSubject(data.namedInsured.name);
  doc.setCreator("OpenInsure");
  doc.setProducer("OpenInsure");
  doc.setCreationDate(issuedAt);
  doc.setModificationDate(issuedAt);

  const flow = await PageFlow.create(doc);

  await drawLetterhead(doc, flow, { name: data.mga.name, logo: data.mga.logo ?? null });
  for (const addressLine of data.mga.addressLines ?? []) {
    flow.text(addressLine, { size: 8, color: MUTED });
  }
  flow.space(8);
  flow.text(line.title, { size: 13, bold: true });
  flow.row([
    { text: `Policy Number: ${data.policyNumber}`, x: 0, width: HALF, bold: true },
    { text: `Issued: ${usDate(data.issuedOn)}`, x: HALF, width: HALF, align: "right" },
  ]);
  flow.rule(1);

  flow.space(4);
  flow.row([
    { text: "NAMED INSURED AND MAILING ADDRESS", x: 0, width: HALF - 10, bold: true },
    { text: "INSURER", x: HALF, width: HALF, bold: true },
  ]);
  const { address } = data.namedInsured;
  const naic = data.carrier.naicCompanyCode ? `NAIC ${data.carrier.naicCompanyCode}` : "";
  const { licenseNumber, licenseState } = data.producer;
  const license = licenseNumber ? `${licenseState ? `${licenseState} license` : "License"} ${licenseNumber}` : "";
  const left = [
    data.namedInsured.name,
    address.addressLine1,
    `${address.city}, ${address.state} ${address.postalCode}`,
  ];
  const right = [data.carrier.name, naic, "PRODUCER", data.producer.name, license];
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    flow.row([
      { text: left[i] ?? "", x: 0, width: HALF - 10 },
      { text: right[i] ?? "", x: HALF, width: HALF, bold: right[i] === "PRODUCER" },
    ]);
  }

  section(flow, "Policy period");
  const { effectiveDate, expirationDate } = data.policyPeriod;
  flow.text(
    `From ${usDate(effectiveDate)} to ${usDate(expirationDate)}, ` +
      "12:01 a.m. standard time at the named insured's mailing address.",
  );

  section(flow, "Limits of insurance");
  flow.row(amountRow(line.occurrence, formatMoney(data.limits.occurrenceCents)));
  flow.row(amountRow(line.aggregate, formatMoney(data.limits.aggregateCents)));
  flow.row(amountRow("Deductible", formatMoney(data.deductibleCents)));

  if (data.coverages.length > 0) {
    section(flow, "Schedule of coverages");
    flow.row(tableRow("Coverage", "Limit", "Premium", true));
    for (const coverage of data.coverages) {
      const limit = typeof coverage.limit === "string" ? coverage.limit : formatMoney(coverage.limit);
      const premium = coverage.premiumCents === null ? "Included" : formatMoney(coverage.premiumCents);
      flow.row(tableRow(coverage.name, limit, premium));
    }
  }

  section(flow, "Premium");
  flow.row(amountRow("Policy premium", formatMoney(data.premium.grossPremium)));
  for (const fee of data.premium.fees) {
    flow.row(amountRow(fee.name, formatMoney(fee.amount)));
  }
  for (const tax of data.premium.taxes) {
    flow.row(amountRow(tax.name, formatMoney(tax.amount)));
  }
  flow.rule();
  flow.row(amountRow("Total due", formatMoney(data.premium.totalDue), true), { size: 10 });

  if (data.ratingSummary !== undefined && data.ratingSummary.length > 0) {
    section(flow, "Rating summary");
    flow.row(tableRow("Step", "Factor", "Premium after", true), { size: 8 });
    for (const step of data.ratingSummary) {
      flow.row(tableRow(step.name, step.factor ?? "-", formatMoney(step.premiumAfter)), { size: 8 });
    }
  }

  const pageCount = flow.pages.length;
  flow.pages.forEach((page, index) => {
    const footer = `${data.policyNumber}  |  Page ${index + 1} of ${pageCount}`;
    flow.stamp(page, FOOTER_NOTICE, PAGE.margin, 40);
    flow.stamp(page, footer, PAGE.width - PAGE.margin - flow.widthOf(footer, 8), 28);
  });

  return doc.save({ useObjectStreams: false });
}
