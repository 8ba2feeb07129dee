import type { ReactNode } from "react";
import { Link } from "react-router";
import { PHI_FIELDS, type ClaimantPhi } from "../services/claims/phi.ts";
import { claimTotals, type ClaimFigures } from "../services/claims/claim-money.ts";
import { formatCalendarDate, formatCents } from "../utils/format.ts";
import { Badge, DataTable, StatusBadge } from "./ui.tsx";

/** Claimants as the viewer may see them: values arrive already redacted by the server. */
export function ClaimantList({ claimants }: { claimants: readonly { id: string; role: string; phi: ClaimantPhi }[] }) {
  if (claimants.length === 0) return <p className="text-sm text-text-muted">No claimant recorded.</p>;
  return (
    <div className="grid gap-4">
      {claimants.map((c) => (
        <div key={c.id} className="grid gap-2">
          <p className="text-xs uppercase text-text-muted">{c.role.replace("_", " ")}</p>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-3" data-testid="claimant">
            {PHI_FIELDS.map((f) =>
              c.phi[f.key] ? (
                <div key={f.key}>
                  <dt className="text-xs text-text-muted">{f.label}</dt>
                  <dd className="break-words text-sm">{c.phi[f.key]}</dd>
                </div>
              ) : null,
            )}
          </dl>
        </div>
      ))}
    </div>
  );
}

export function ClaimFiguresList({ figures }: { figures: ClaimFigures }) {
  const t = claimTotals(figures);
  const rows: [string, number][] = [
    ["Indemnity reserve", figures.indemnityReserveCents],
    ["Expense reserve", figures.expenseReserveCents],
    ["Case reserve", t.caseReserveCents],
    ["Paid", t.paidCents],
    ["Incurred", t.incurredCents],
    ["Recovered", t.recoveredCents],
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-2 sm:grid-cols-3">
      {rows.map(([label, cents]) => (
        <div key={label}>
          <dt className="text-xs uppercase text-text-muted">{label}</dt>
          <dd className="font-mono" data-testid={`figure-${label.toLowerCase().replaceAll(" ", "-")}`}>
            {formatCents(cents)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function CoverageFlag({ flag }: { flag: string | null }): ReactNode {
  return flag ? <Badge tone="bad">No coverage on date of loss</Badge> : null;
}

/** A policy's claims as its producer or policyholder sees them (no PHI), and where to report a loss. */
export function PolicyClaims({
  claims,
  basePath,
  policyId,
}: {
  claims: { id: string; claimNumber: string; dateOfLoss: string; lossType: string; status: string }[];
  basePath: string;
  policyId: string;
}) {
  return (
    <section className="mt-6 rounded-lg border border-border bg-surface p-5 shadow-sm">
      <header className="mb-4 flex flex-wrap items-center justify-between gap-4">
        <h2 className="text-lg font-semibold">Claims</h2>
        <Link className="text-sm text-brand hover:underline" to={`${basePath}/claims/new?policy=${policyId}`}>
          Report a loss
        </Link>
      </header>
      <DataTable
        caption="Claims on this policy"
        rows={claims}
        rowKey={(c) => c.id}
        empty="No claims on this policy."
        columns={[
          {
            header: "Claim",
            cell: (c) => (
              <Link className="font-mono text-brand hover:underline" to={`${basePath}/claims/${c.id}`}>
                {c.claimNumber}
              </Link>
            ),
          },
          { header: "Date of loss", cell: (c) => formatCalendarDate(c.dateOfLoss) },
          { header: "Loss", cell: (c) => c.lossType },
          { header: "Status", cell: (c) => <StatusBadge status={c.status} /> },
        ]}
      />
    </section>
  );
}
