/**
 * The documents of a policy's servicing (issue 12): an endorsement, cancellation, reinstatement
 * or new-business record, and a notice of cancellation or non-renewal. Rendered from stored data
 * only, with fixed metadata dates, so the same record always gives the same bytes.
 */
import { PDFDocument } from "pdf-lib";
import { dayNumber } from "../../utils/calendar-date.ts";
import { formatMoney, toCents } from "../../utils/money.ts";
import { drawLetterhead, type Logo } from "./letterhead.ts";
import { CONTENT_WIDTH, PageFlow, type Cell } from "./pdf-layout.ts";

export type ServicingDocumentData = {
  mgaName: string;
  /** The organization's logo (letterhead.ts); the name alone when absent. */
  logo?: Logo | null;
  title: string;
  policyNumber: string;
  insuredName: string;
  carrierName: string;
  policyPeriod: { effectiveDate: string; expirationDate: string };
  /** The date the document is dated. */
  issuedOn: string;
  /** Label and value lines: number, effective date, reason, what changed. */
  facts: [string, string][];
  /** Money lines: label and signed cents. */
  amounts: [string, number][];
  /** Free text paragraphs (notice wording). */
  paragraphs?: string[];
};

const AMOUNT_WIDTH = 120;

function line(label: string, value: string, bold = false): Cell[] {
  return [
    { text: label, x: 0, width: CONTENT_WIDTH - AMOUNT_WIDTH - 10, bold },
    { text: value, x: CONTENT_WIDTH - AMOUNT_WIDTH, width: AMOUNT_WIDTH, align: "right", bold },
  ];
}

export async function renderServicingDocument(data: ServicingDocumentData): Promise<Uint8Array> {
  const issuedAt = new Date(dayNumber(data.issuedOn) * 86_400_000);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(`${data.title} - ${data.policyNumber}`);
  doc.setAuthor(data.mgaName);
  doc.setSubject(data.insuredName);
  doc.setCreator("OpenInsure");
  doc.setProducer("OpenInsure");
  doc.setCreationDate(issuedAt);
  doc.setModificationDate(issuedAt);
  const flow = await PageFlow.create(doc);
  await drawLetterhead(doc, flow, { name: data.mgaName, logo: data.logo ?? null });
  flow.space(8);
  flow.text(data.title, { size: 13, bold: true });
  flow.row(line(`Policy Number: ${data.policyNumber}`, `Dated ${data.issuedOn}`, true));
  flow.rule(1);
  flow.row(line("Named insured", data.insuredName));
  flow.row(line("Insurer", data.carrierName));
  flow.row(line("Policy period", `${data.policyPeriod.effectiveDate} to ${data.policyPeriod.expirationDate}`));
  for (const [label, value] of data.facts) flow.row(line(label, value));
  if (data.amounts.length) {
    flow.space(8);
    flow.rule();
    for (const [label, cents] of data.amounts) flow.row(line(label, formatMoney(toCents(cents))));
  }
  for (const paragraph of data.paragraphs ?? []) {
    flow.space(8);
    flow.text(paragraph);
  }
  return doc.save();
}
