import { BORDEREAU_KINDS, BORDEREAU_STATUSES } from "../../db/schema/carrier.ts";
import type { ReactNode } from "react";
import { Badge, Card, DataTable, FactList, StatusBadge } from "./ui.tsx";
import { LocalTime } from "./local-time.tsx";
import { formatCents } from "../utils/format.ts";
import { CRS_TRANSACTION_TYPE, type BordereauCheck } from "../services/carrier/bordereau.ts";

type Bordereau = {
  id: string;
  kind: "premium" | "claims";
  periodStart: string;
  version: number;
  status: string;
  lineCount: number;
  totals: Record<string, number>;
  checks: BordereauCheck[];
  generatedAt: Date | string;
  submittedAt: Date | string | null;
  acceptedAt: Date | string | null;
  carrierName: string;
  agreementReference: string;
  programName: string;
};

type PremiumLine = {
  lineNumber: number;
  policyNumber: string;
  insuredName: string;
  transactionType: string;
  bookedOn: string;
  grossPremiumCents: number;
  producerCommissionCents: number;
  mgaCommissionCents: number;
  feesCents: number;
  taxesCents: number;
  netToCarrierCents: number;
};

type ClaimLine = {
  lineNumber: number;
  claimNumber: string;
  policyNumber: string;
  dateOfLoss: string;
  status: string;
  caseReserveCents: number;
  paidCents: number;
  incurredCents: number;
};

type Step = {
  id: string;
  version: number;
  kind: string;
  lineNumber: number | null;
  comment: string | null;
  actor: string;
  createdAt: Date | string;
};

/** The bordereau lists' filters (both areas). */
export const BORDEREAU_FILTERS = [
  {
    name: "status",
    label: "Status",
    options: BORDEREAU_STATUSES.map((v) => ({ value: v, label: v })),
  },
  { name: "kind", label: "Kind", options: BORDEREAU_KINDS.map((v) => ({ value: v, label: v })) },
];

export const bordereauTitle = (b: { kind: string; periodStart: string }) =>
  `${b.kind === "premium" ? "Premium" : "Claims"} bordereau ${b.periodStart.slice(0, 7)}`;

const TOTAL_LABELS: Record<string, string> = {
  grossPremiumCents: "Gross premium",
  producerCommissionCents: "Producer commission",
  mgaCommissionCents: "MGA commission",
  feesCents: "Fees",
  taxesCents: "Taxes",
  netToCarrierCents: "Net to carrier",
  caseReserveCents: "Case reserve",
  paidCents: "Paid",
  incurredCents: "Incurred",
};

/** A version's facts, checks, lines and review trail; `lineAction` adds a per-line control (the carrier's query). */
export function BordereauView({
  bordereau: b,
  premiumLines,
  claimLines,
  steps,
  exportHref,
}: {
  bordereau: Bordereau;
  premiumLines: PremiumLine[];
  claimLines: ClaimLine[];
  steps: Step[];
  exportHref: string;
}) {
  const queried = new Set(
    steps.filter((s) => s.kind === "queried" && s.version === b.version).map((s) => s.lineNumber),
  );
  const flag = (n: number): ReactNode => (queried.has(n) ? <Badge tone="warn">queried</Badge> : null);
  return (
    <div className="grid gap-6">
      <Card
        title="Version"
        actions={
          <span className="flex gap-2 text-sm">
            <a className="text-brand hover:underline" href={`${exportHref}?format=csv`}>
              Export CSV
            </a>
            <a className="text-brand hover:underline" href={`${exportHref}?format=xlsx`}>
              Export XLSX
            </a>
          </span>
        }
      >
        <FactList
          facts={[
            ["Carrier", b.carrierName],
            ["Agreement", `${b.agreementReference} (${b.programName})`],
            ["Version", `${b.version}`],
            ["Status", <StatusBadge key="s" status={b.status} />],
            ["Lines", String(b.lineCount)],
            ["Generated", <LocalTime key="g" value={b.generatedAt} />],
            ["Submitted", b.submittedAt ? <LocalTime key="su" value={b.submittedAt} /> : "—"],
            ["Accepted", b.acceptedAt ? <LocalTime key="a" value={b.acceptedAt} /> : "—"],
            ...Object.entries(b.totals).map(([k, v]): [string, ReactNode] => [TOTAL_LABELS[k] ?? k, formatCents(v)]),
          ]}
        />
      </Card>
      <Card title="Checks">
        <ul className="grid gap-2 text-sm">
          {b.checks.map((c) => (
            <li key={c.check} className="flex items-start gap-2">
              <Badge tone={c.passed ? "good" : "bad"}>{c.passed ? "passed" : "failed"}</Badge>
              <span>{c.detail}</span>
            </li>
          ))}
        </ul>
      </Card>
      <Card title={`Lines${b.lineCount > 200 ? " (first 200; the export has all)" : ""}`}>
        {b.kind === "premium" ? (
          <DataTable
            caption="Premium lines"
            rows={premiumLines}
            rowKey={(l) => String(l.lineNumber)}
            empty="No transactions were booked in this month."
            columns={[
              {
                header: "Line",
                cell: (l) => (
                  <span>
                    {l.lineNumber} {flag(l.lineNumber)}
                  </span>
                ),
              },
              { header: "Policy", cell: (l) => <span className="font-mono">{l.policyNumber}</span> },
              { header: "Insured", cell: (l) => l.insuredName },
              { header: "Type", cell: (l) => CRS_TRANSACTION_TYPE[l.transactionType] ?? l.transactionType },
              { header: "Booked", cell: (l) => l.bookedOn },
              { header: "Gross", numeric: true, cell: (l) => formatCents(l.grossPremiumCents) },
              { header: "Producer comm.", numeric: true, cell: (l) => formatCents(l.producerCommissionCents) },
              { header: "MGA comm.", numeric: true, cell: (l) => formatCents(l.mgaCommissionCents) },
              { header: "Fees", numeric: true, cell: (l) => formatCents(l.feesCents) },
              { header: "Taxes", numeric: true, cell: (l) => formatCents(l.taxesCents) },
              { header: "Net", numeric: true, cell: (l) => formatCents(l.netToCarrierCents) },
            ]}
          />
        ) : (
          <DataTable
            caption="Claim lines"
            rows={claimLines}
            rowKey={(l) => String(l.lineNumber)}
            empty="No claims were reported by the end of this month."
            columns={[
              {
                header: "Line",
                cell: (l) => (
                  <span>
                    {l.lineNumber} {flag(l.lineNumber)}
                  </span>
                ),
              },
              { header: "Claim", cell: (l) => <span className="font-mono">{l.claimNumber}</span> },
              { header: "Policy", cell: (l) => <span className="font-mono">{l.policyNumber}</span> },
              { header: "Date of loss", cell: (l) => l.dateOfLoss },
              { header: "Status", cell: (l) => <StatusBadge status={l.status} /> },
              { header: "Reserve", numeric: true, cell: (l) => formatCents(l.caseReserveCents) },
              { header: "Paid", numeric: true, cell: (l) => formatCents(l.paidCents) },
              { header: "Incurred", numeric: true, cell: (l) => formatCents(l.incurredCents) },
            ]}
          />
        )}
      </Card>
      <Card title="Review trail">
        <DataTable
          caption="Review trail"
          rows={steps}
          rowKey={(s) => s.id}
          empty="Nothing yet."
          columns={[
            { header: "When", cell: (s) => <LocalTime value={s.createdAt} /> },
            { header: "Version", cell: (s) => String(s.version) },
            { header: "Step", cell: (s) => s.kind },
            { header: "By", cell: (s) => s.actor },
            { header: "Line", cell: (s) => (s.lineNumber === null ? "—" : String(s.lineNumber)) },
            { header: "Comment", cell: (s) => s.comment ?? "—" },
          ]}
        />
      </Card>
    </div>
  );
}
