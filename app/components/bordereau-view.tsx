import { BORDEREAU_KINDS, BORDEREAU_STATUSES } from "../../db/schema/carrier.ts";
import { CLAIM_STATUSES } from "../../db/schema/claims.ts";
import { POLICY_TRANSACTION_TYPES } from "../../db/schema/policies.ts";
import type { ReactNode } from "react";
import type { TableSpec } from "../utils/table-state.ts";
import { PagedTable, type TablePage } from "./data-table.tsx";
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

/** A version's facts, checks, a page of its lines and its review trail. */
export function BordereauView({
  bordereau: b,
  premiumLines,
  claimLines,
  steps,
  exportHref,
  lineTables,
}: {
  bordereau: Bordereau;
  premiumLines: TablePage<PremiumLine> | null;
  claimLines: TablePage<ClaimLine> | null;
  steps: Step[];
  exportHref: string;
  /** The lines' table specs (app/models/table-specs.ts), which only routes may import. */
  lineTables: { premium: TableSpec; claims: TableSpec };
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
      <Card title="Lines">
        {premiumLines ? (
          <PagedTable
            spec={lineTables.premium}
            page={premiumLines}
            caption="Premium lines"
            empty="No transactions were booked in this month."
            search="Search by policy or insured"
            filters={[
              {
                name: "type",
                label: "Transaction",
                options: POLICY_TRANSACTION_TYPES.map((t) => ({ value: t, label: t.replaceAll("_", " ") })),
              },
            ]}
            exportPath={exportHref}
            rowKey={(l) => String(l.lineNumber)}
            columns={[
              {
                id: "line",
                header: "Line",
                cell: (l) => (
                  <span>
                    {l.lineNumber} {flag(l.lineNumber)}
                  </span>
                ),
              },
              { id: "policy", header: "Policy", cell: (l) => <span className="font-mono">{l.policyNumber}</span> },
              { id: "insured", header: "Insured", cell: (l) => l.insuredName },
              {
                id: "type",
                header: "Type",
                cell: (l) => CRS_TRANSACTION_TYPE[l.transactionType] ?? l.transactionType,
              },
              { id: "booked", header: "Booked", cell: (l) => l.bookedOn },
              { id: "gross", header: "Gross", numeric: true, cell: (l) => formatCents(l.grossPremiumCents) },
              {
                id: "producer",
                header: "Producer comm.",
                numeric: true,
                cell: (l) => formatCents(l.producerCommissionCents),
              },
              { id: "mga", header: "MGA comm.", numeric: true, cell: (l) => formatCents(l.mgaCommissionCents) },
              { id: "fees", header: "Fees", numeric: true, cell: (l) => formatCents(l.feesCents) },
              { id: "taxes", header: "Taxes", numeric: true, cell: (l) => formatCents(l.taxesCents) },
              { id: "net", header: "Net", numeric: true, cell: (l) => formatCents(l.netToCarrierCents) },
            ]}
          />
        ) : claimLines ? (
          <PagedTable
            spec={lineTables.claims}
            page={claimLines}
            caption="Claim lines"
            empty="No claims were reported by the end of this month."
            search="Search by claim or policy"
            filters={[
              {
                name: "status",
                label: "Claim status",
                options: CLAIM_STATUSES.map((s) => ({ value: s, label: s.replaceAll("_", " ") })),
              },
            ]}
            exportPath={exportHref}
            rowKey={(l) => String(l.lineNumber)}
            columns={[
              {
                id: "line",
                header: "Line",
                cell: (l) => (
                  <span>
                    {l.lineNumber} {flag(l.lineNumber)}
                  </span>
                ),
              },
              { id: "claim", header: "Claim", cell: (l) => <span className="font-mono">{l.claimNumber}</span> },
              { id: "policy", header: "Policy", cell: (l) => <span className="font-mono">{l.policyNumber}</span> },
              { id: "loss", header: "Date of loss", cell: (l) => l.dateOfLoss },
              { id: "status", header: "Status", cell: (l) => <StatusBadge status={l.status} /> },
              { id: "reserve", header: "Reserve", numeric: true, cell: (l) => formatCents(l.caseReserveCents) },
              { id: "paid", header: "Paid", numeric: true, cell: (l) => formatCents(l.paidCents) },
              { id: "incurred", header: "Incurred", numeric: true, cell: (l) => formatCents(l.incurredCents) },
            ]}
          />
        ) : null}
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
