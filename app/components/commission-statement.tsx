import { DataTable, FactList, StatusBadge } from "./ui.tsx";
import { formatCalendarDate, formatCents } from "../utils/format.ts";

type Statement = {
  period: string;
  status: string;
  transactionCount: number;
  premiumCents: number;
  commissionCents: number;
};
type Line = {
  transactionId: string;
  policyNumber: string;
  insuredName: string | null;
  type: string;
  bookedOn: string;
  premiumCents: number;
  rate: string;
  commissionCents: number;
};

/** A producer commission statement: its totals and every transaction, clawbacks as negatives. */
export function CommissionStatement({ statement, lines }: { statement: Statement; lines: Line[] }) {
  return (
    <div className="grid gap-4">
      <FactList
        facts={[
          ["Month", statement.period],
          ["Status", <StatusBadge key="s" status={statement.status} />],
          ["Transactions", String(statement.transactionCount)],
          ["Premium", formatCents(statement.premiumCents)],
          ["Commission", formatCents(statement.commissionCents)],
        ]}
      />
      <DataTable
        caption="Transactions on this statement"
        rows={lines}
        rowKey={(l) => l.transactionId}
        empty="No transactions."
        columns={[
          { header: "Booked", cell: (l) => formatCalendarDate(l.bookedOn) },
          { header: "Policy", cell: (l) => <span className="font-mono">{l.policyNumber}</span> },
          { header: "Insured", cell: (l) => l.insuredName ?? "—" },
          { header: "Transaction", cell: (l) => l.type.replaceAll("_", " ") },
          { header: "Premium", numeric: true, cell: (l) => formatCents(l.premiumCents) },
          { header: "Rate", numeric: true, cell: (l) => `${(Number(l.rate) * 100).toFixed(2)}%` },
          { header: "Commission", numeric: true, cell: (l) => formatCents(l.commissionCents) },
        ]}
      />
    </div>
  );
}
