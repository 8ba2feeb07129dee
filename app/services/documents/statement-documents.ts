/**
 * The money statements as PDFs (ADR 024, 030): a producer commission statement, an agency-bill
 * statement and a carrier settlement statement share one layout (letterhead, title, a table of
 * lines, a totals row, an optional closing note); each kind only names its columns. Rendered from
 * stored data only and dated the period's last day, so a frozen statement always gives the same bytes.
 */
import { PDFDocument } from "pdf-lib";
import { dayNumber } from "../../utils/calendar-date.ts";
import { formatMoney, toCents } from "../../utils/money.ts";
import { drawLetterhead, type Letterhead } from "./letterhead.ts";
import { CONTENT_WIDTH, PageFlow, type Cell } from "./pdf-layout.ts";

/** One column of a statement: its width in points, the line's value and the totals row's. */
type Column<L> = { header: string; width: number; numeric?: boolean; cell: (line: L) => string; total?: string };

/** What every statement document is given besides its lines and totals. */
type StatementOf = {
  letterhead: Letterhead;
  period: string;
  /** The period's last day: the date the statement is as of. */
  asOf: string;
  status: string;
};

/** What differs between the statement kinds: everything else is this one layout. */
export type StatementLayout<L> = StatementOf & {
  /** The kind, as the heading names it ("Producer commission statement"). */
  name: string;
  /** Whom it is for: the agency or the carrier. */
  party: string;
  /** How the as-of date reads after the party ("as of", "invoices due by"). */
  asOfLabel?: string;
  /** The last column ends at the right margin; numeric columns are right-aligned. */
  columns: Column<L>[];
  lines: L[];
  /** What the totals row's second cell counts ("transactions", "invoices"). */
  counted: string;
  note?: string;
};

const GUTTER = 4;

function positioned<L>(columns: Column<L>[]) {
  const used = columns.reduce((sum, c) => sum + c.width, 0) + GUTTER * (columns.length - 1);
  if (used > CONTENT_WIDTH)
    throw new RangeError(`statement columns need ${used} points, the page has ${CONTENT_WIDTH}`);
  let x = 0;
  return columns.map((c, i) => {
    const at = i === columns.length - 1 ? CONTENT_WIDTH - c.width : x;
    x += c.width + GUTTER;
    return { ...c, x: at, align: c.numeric ? ("right" as const) : undefined };
  });
}

export async function renderStatement<L>(layout: StatementLayout<L>): Promise<Uint8Array> {
  const asOf = new Date(dayNumber(layout.asOf) * 86_400_000);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(`${layout.name} ${layout.period} - ${layout.party}`);
  doc.setAuthor(layout.letterhead.name);
  doc.setCreator("OpenInsure");
  doc.setProducer("OpenInsure");
  doc.setCreationDate(asOf);
  doc.setModificationDate(asOf);
  const flow = await PageFlow.create(doc);
  await drawLetterhead(doc, flow, layout.letterhead);
  flow.space(8);
  flow.text(`${layout.name} ${layout.period}`, { size: 13, bold: true });
  flow.text(`${layout.party} · ${layout.asOfLabel ?? "as of"} ${layout.asOf} · ${layout.status}`);
  flow.space(6);
  flow.rule(1);
  const columns = positioned(layout.columns);
  const cells = (values: string[], bold = false): Cell[] =>
    columns.map((c, i) => ({ text: values[i] ?? "", x: c.x, width: c.width, align: c.align, bold }));
  flow.row(
    cells(
      columns.map((c) => c.header),
      true,
    ),
  );
  flow.rule();
  for (const line of layout.lines) flow.row(cells(columns.map((c) => c.cell(line))));
  flow.rule();
  const totals = columns.map((c) => c.total ?? "");
  totals[0] = "Totals";
  totals[1] = `${layout.lines.length} ${layout.counted}`;
  flow.row(cells(totals, true));
  if (layout.note) {
    flow.space(8);
    flow.text(layout.note);
  }
  return doc.save();
}

const money = (cents: number) => formatMoney(toCents(cents));

export type CommissionStatementDocument = StatementOf & {
  agencyName: string;
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

/** A producer commission statement: the agency's transactions booked in the month and their commission. */
export function renderCommissionStatement(data: CommissionStatementDocument): Promise<Uint8Array> {
  return renderStatement({
    ...data,
    name: "Producer commission statement",
    party: data.agencyName,
    columns: [
      { header: "Booked", width: 56, cell: (l) => l.bookedOn },
      { header: "Policy", width: 100, cell: (l) => l.policyNumber },
      { header: "Insured", width: 104, cell: (l) => l.insuredName ?? "" },
      { header: "Transaction", width: 62, cell: (l) => l.type.replaceAll("_", " ") },
      {
        header: "Premium",
        width: 62,
        numeric: true,
        cell: (l) => money(l.premiumCents),
        total: money(data.premiumCents),
      },
      { header: "Rate", width: 34, numeric: true, cell: (l) => `${(Number(l.rate) * 100).toFixed(2)}%` },
      {
        header: "Commission",
        width: 62,
        numeric: true,
        cell: (l) => money(l.commissionCents),
        total: money(data.commissionCents),
      },
    ],
    lines: data.lines,
    counted: "transactions",
  });
}

export type AgencyStatementDocument = StatementOf & {
  agencyName: string;
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

/** An agency-bill statement (ADR 024): the invoices the agency collects, its commission kept, the net it remits. */
export function renderAgencyStatement(data: AgencyStatementDocument): Promise<Uint8Array> {
  return renderStatement({
    ...data,
    name: "Agency bill statement",
    party: data.agencyName,
    asOfLabel: "invoices due by",
    columns: [
      { header: "Invoice", width: 80, cell: (l) => l.invoiceNumber },
      { header: "Policy", width: 96, cell: (l) => l.policyNumber },
      { header: "Insured", width: 104, cell: (l) => l.insuredName },
      { header: "Due", width: 56, cell: (l) => l.dueDate },
      { header: "Gross", width: 50, numeric: true, cell: (l) => money(l.grossCents), total: money(data.grossCents) },
      {
        header: "Kept",
        width: 40,
        numeric: true,
        cell: (l) => money(l.commissionCents),
        total: money(data.commissionCents),
      },
      {
        header: "Net due",
        width: 54,
        numeric: true,
        cell: (l) => money(l.grossCents - l.commissionCents),
        total: money(data.netCents),
      },
    ],
    lines: data.lines,
    counted: "invoices",
    note: `Remit ${money(data.netCents)}: the invoices' gross less the commission you keep.`,
  });
}

/** Its status is "open" or "settled". */
export type CarrierStatementDocument = StatementOf & {
  carrierName: string;
  lines: {
    bookedOn: string;
    policyNumber: string;
    type: string;
    grossCents: number;
    commissionCents: number;
    feesCents: number;
    taxesCents: number;
    netCents: number;
  }[];
  grossCents: number;
  commissionCents: number;
  feesCents: number;
  taxesCents: number;
  netCents: number;
};

/**
 * A carrier settlement statement (ADR 018, 030): the carrier's transactions booked in the month
 * with the bordereau's check per line, net = gross - commission - fees - taxes, and the net remitted.
 */
export function renderCarrierStatement(data: CarrierStatementDocument): Promise<Uint8Array> {
  return renderStatement({
    ...data,
    name: "Carrier settlement statement",
    party: data.carrierName,
    columns: [
      { header: "Booked", width: 52, cell: (l) => l.bookedOn },
      { header: "Policy", width: 84, cell: (l) => l.policyNumber },
      { header: "Transaction", width: 56, cell: (l) => l.type.replaceAll("_", " ") },
      { header: "Gross", width: 64, numeric: true, cell: (l) => money(l.grossCents), total: money(data.grossCents) },
      {
        header: "Commission",
        width: 58,
        numeric: true,
        cell: (l) => money(l.commissionCents),
        total: money(data.commissionCents),
      },
      { header: "Fees", width: 48, numeric: true, cell: (l) => money(l.feesCents), total: money(data.feesCents) },
      { header: "Taxes", width: 50, numeric: true, cell: (l) => money(l.taxesCents), total: money(data.taxesCents) },
      { header: "Net", width: 64, numeric: true, cell: (l) => money(l.netCents), total: money(data.netCents) },
    ],
    lines: data.lines,
    counted: "transactions",
    note: `Net to ${data.carrierName}: ${money(data.netCents)}, the premium less producer and MGA commission.`,
  });
}
