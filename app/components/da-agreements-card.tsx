import { formatCalendarDate, formatCents } from "../utils/format.ts";
import { Link } from "react-router";
import { Card, DataTable, StatusBadge } from "./ui.tsx";

export type DaAgreementRow = {
  id: string;
  reference: string;
  status: string;
  effectiveDate: string;
  expirationDate: string;
  annualGwpLimitCents: number;
  boundGwpCents: number;
  programName: string;
  carrierName: string;
};

/** The agreements expiring soonest (a dashboard's short list) and a link to every agreement's utilization. */
export function DaAgreementsCard({ agreements, allHref }: { agreements: DaAgreementRow[]; allHref: string }) {
  return (
    <Card
      title="Delegated authority agreements expiring soonest"
      actions={
        <Link className="text-sm text-brand hover:underline" to={allHref}>
          All agreements
        </Link>
      }
    >
      <DataTable
        caption="Delegated authority agreements"
        rows={agreements}
        rowKey={(a) => a.id}
        empty="No agreements."
        columns={[
          { header: "Agreement", cell: (a) => <span className="font-mono">{a.reference}</span> },
          { header: "Program", cell: (a) => a.programName },
          { header: "Carrier", cell: (a) => a.carrierName },
          {
            header: "Term",
            cell: (a) => `${formatCalendarDate(a.effectiveDate)} – ${formatCalendarDate(a.expirationDate)}`,
          },
          {
            header: "GWP bound / limit",
            numeric: true,
            cell: (a) => `${formatCents(a.boundGwpCents)} / ${formatCents(a.annualGwpLimitCents)}`,
          },
          { header: "Status", cell: (a) => <StatusBadge status={a.status} /> },
        ]}
      />
    </Card>
  );
}
