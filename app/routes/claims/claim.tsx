import type { Route } from "./+types/claim";
import { requirePermission } from "../../auth/session.server.ts";
import { Card, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { getClaim } from "../../models/claims.server.ts";
import { formatCalendarDate, formatCents } from "../../utils/format.ts";
import { invariantResponse } from "../../utils/invariant.ts";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.claim.claimNumber ?? "Claim"} · OpenInsure` },
];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:claim");
  const claim = await getClaim(appServices(args.context).db, user.tenant, args.params.claimId);
  invariantResponse(claim, "Claim not found");
  return { claim };
}

export default function Claim({ loaderData: { claim } }: Route.ComponentProps) {
  return (
    <>
      <PageHeader
        title={`Claim ${claim.claimNumber}`}
        description={`${claim.insuredName} · policy ${claim.policyNumber}`}
      />
      <Card>
        <dl className="grid grid-cols-1 gap-x-8 gap-y-3 sm:grid-cols-2">
          <div>
            <dt className="text-xs uppercase text-text-muted">Status</dt>
            <dd>
              <StatusBadge status={claim.status} />
            </dd>
          </div>
          <div>
            <dt className="text-xs uppercase text-text-muted">Loss type</dt>
            <dd>{claim.lossType}</dd>
          </div>
          <div>
            <dt className="text-xs uppercase text-text-muted">Date of loss</dt>
            <dd>{formatCalendarDate(claim.dateOfLoss)}</dd>
          </div>
          <div>
            <dt className="text-xs uppercase text-text-muted">Reported</dt>
            <dd>{formatCalendarDate(claim.reportedOn)}</dd>
          </div>
          <div>
            <dt className="text-xs uppercase text-text-muted">Case reserve</dt>
            <dd className="font-mono">{formatCents(claim.caseReserveCents)}</dd>
          </div>
          <div>
            <dt className="text-xs uppercase text-text-muted">Paid</dt>
            <dd className="font-mono">{formatCents(claim.paidCents)}</dd>
          </div>
        </dl>
      </Card>
    </>
  );
}
