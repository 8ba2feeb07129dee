import { formatCalendarDate, formatCents } from "../utils/format.ts";
import { Card, FactList, StatusBadge } from "./ui.tsx";

export type PolicySummaryData = {
  policyNumber: string;
  status: string;
  lineOfBusiness: string;
  state: string;
  effectiveDate: string;
  expirationDate: string;
  grossPremiumCents: number;
  feesCents: number;
  taxesCents: number;
  insuredName: string;
  agencyName: string;
  carrierName: string;
};

export function PolicySummary({ policy, policyId }: { policy: PolicySummaryData; policyId: string }) {
  const rows: [string, React.ReactNode][] = [
    ["Insured", policy.insuredName],
    ["Status", <StatusBadge key="s" status={policy.status} />],
    ["Line of business", policy.lineOfBusiness],
    ["Home state", policy.state],
    ["Policy period", `${formatCalendarDate(policy.effectiveDate)} – ${formatCalendarDate(policy.expirationDate)}`],
    ["Carrier", policy.carrierName],
    ["Producer agency", policy.agencyName],
    [
      "Gross premium",
      <span key="p" className="font-mono">
        {formatCents(policy.grossPremiumCents)}
      </span>,
    ],
    [
      "Fees",
      <span key="f" className="font-mono">
        {formatCents(policy.feesCents)}
      </span>,
    ],
    [
      "Taxes",
      <span key="t" className="font-mono">
        {formatCents(policy.taxesCents)}
      </span>,
    ],
  ];
  return (
    <Card
      title={<span className="font-mono">{policy.policyNumber}</span>}
      actions={
        <a
          href={`/policies/${policyId}/declarations.pdf`}
          className="text-sm text-brand underline underline-offset-4"
          download
        >
          Declarations page (PDF)
        </a>
      }
    >
      <FactList facts={rows} />
    </Card>
  );
}
