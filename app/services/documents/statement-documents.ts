/**
 * A producer commission statement as a PDF (ADR 024): the agency's transactions booked in the
 * month, each with its premium, rate and commission, and the totals. Rendered from stored data
 * only, dated the period's last day, so a frozen statement always gives the same bytes.
 */
import { PDFDocument } from "pdf-lib";
import { dayNumber } from "../../utils/calendar-date.ts";
import { formatMoney, toCents } from "../../utils/money.ts";
import { CONTENT_WIDTH, PageFlow, type Cell } from "./pdf-layout.ts";

export type CommissionStatementDocument = {
  mgaName: string;
  agencyName: string;
  period: string;
  /** The period's last day: the date the statement is as of. */
  asOf: string;
  status: string;
  lines: {
    bookedOn: string;
    policyNumber: string;
    insuredName: string | null;
    type: string;
    premiumCents: number;
    rate: string;
    commissionCents: number;
  }[];
  premiumCents: number;
  commissionCents: number;
};

const COLUMNS = [
  { header: "Booked", x: 0, width: 56 },
  { header: "Policy", x: 60, width: 100 },
  { header: "Insured", x: 164, width: 104 },
  { header: "Transaction", x: 272, width: 62 },
  { header: "Premium", x: 338, width: 62, align: "right" as const },
  { header: "Rate", x: 404, width: 34, align: "right" as const },
  { header: "Commission", x: CONTENT_WIDTH - 62, width: 62, align: "right" as const },
];

const money = (cents: number) => formatMoney(toCents(cents));

function cells(values: string[], bold = false): Cell[] {
  return COLUMNS.map((c, i) => ({ text: values[i] ?? "", x: c.x, width: c.width, align: c.align, bold }));
}

export async function renderCommissionStatement(data: CommissionStatementDocument): Promise<Uint8Array> {
  const asOf = new Date(dayNumber(data.asOf) * 86_400_000);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(`Commission statement ${data.period} - ${data.agencyName}`);
  doc.setAuthor(data.mgaName);
  doc.setCreator("OpenInsure");
  doc.setProducer("OpenInsure");
  doc.setCreationDate(asOf);
  doc.setModificationDate(asOf);
  const flow = await PageFlow.create(doc);
  flow.text(data.mgaName, { size: 16, bold: true });
  flow.space(8);
  flow.text(`Producer commission statement ${data.period}`, { size: 13, bold: true });
  flow.text(`${data.agencyName} · as of ${data.asOf} · ${data.status}`);
  flow.space(6);
  flow.rule(1);
  flow.row(
    cells(
      COLUMNS.map((c) => c.header),
      true,
    ),
  );
  flow.rule();
  for (const l of data.lines)
    flow.row(
      cells([
        l.bookedOn,
        l.policyNumber,
        l.insuredName ?? "",
        l.type.replaceAll("_", " "),
        money(l.premiumCents),
        `${(Number(l.rate) * 100).toFixed(2)}%`,
        money(l.commissionCents),
      ]),
    );
  flow.rule();
  flow.row(
    cells(
      [
        "Totals",
        `${data.lines.length} transactions`,
        "",
        "",
        money(data.premiumCents),
        "",
        money(data.commissionCents),
      ],
      true,
    ),
  );
  return doc.save();
}

export type AgencyStatementDocument = {
  mgaName: string;
  agencyName: string;
  period: string;
  asOf: string;
  status: string;
  lines: {
    invoiceNumber: string;
    policyNumber: string;
    insuredName: string;
    dueDate: string;
    grossCents: number;
    commissionCents: number;
  }[];
  grossCents: number;
  commissionCents: number;
  netCents: number;
};

const AGENCY_COLUMNS = [
  { header: "Invoice", x: 0, width: 80 },
  { header: "Policy", x: 84, width: 96 },
  { header: "Insured", x: 184, width: 104 },
  { header: "Due", x: 292, width: 56 },
  { header: "Gross", x: 352, width: 50, align: "right" as const },
  { header: "Kept", x: 406, width: 40, align: "right" as const },
  { header: "Net due", x: CONTENT_WIDTH - 54, width: 54, align: "right" as const },
];

function agencyCells(values: string[], bold = false): Cell[] {
  return AGENCY_COLUMNS.map((c, i) => ({ text: values[i] ?? "", x: c.x, width: c.width, align: c.align, bold }));
}

/** An agency-bill statement (ADR 024): the invoices the agency collects, its commission kept, the net it remits. */
export async function renderAgencyStatement(data: AgencyStatementDocument): Promise<Uint8Array> {
  const asOf = new Date(dayNumber(data.asOf) * 86_400_000);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(`Agency bill statement ${data.period} - ${data.agencyName}`);
  doc.setAuthor(data.mgaName);
  doc.setCreator("OpenInsure");
  doc.setProducer("OpenInsure");
  doc.setCreationDate(asOf);
  doc.setModificationDate(asOf);
  const flow = await PageFlow.create(doc);
  flow.text(data.mgaName, { size: 16, bold: true });
  flow.space(8);
  flow.text(`Agency bill statement ${data.period}`, { size: 13, bold: true });
  flow.text(`${data.agencyName} · invoices due by ${data.asOf} · ${data.status}`);
  flow.space(6);
  flow.rule(1);
  flow.row(
    agencyCells(
      AGENCY_COLUMNS.map((c) => c.header),
      true,
    ),
  );
  flow.rule();
  for (const l of data.lines)
    flow.row(
      agencyCells([
        l.invoiceNumber,
        l.policyNumber,
        l.insuredName,
        l.dueDate,
        money(l.grossCents),
        money(l.commissionCents),
        money(l.grossCents - l.commissionCents),
      ]),
    );
  flow.rule();
  flow.row(
    agencyCells(
      [
        "Totals",
        `${data.lines.length} invoices`,
        "",
        "",
        money(data.grossCents),
        money(data.commissionCents),
        money(data.netCents),
      ],
      true,
    ),
  );
  flow.space(8);
  flow.text(`Remit ${money(data.netCents)}: the invoices' gross less the commission you keep.`);
  return doc.save();
}
