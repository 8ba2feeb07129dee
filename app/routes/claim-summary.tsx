import type { Route } from "./+types/claim-summary";
import { requirePermission } from "../auth/session.server.ts";
import { ClaimantList, ClaimFiguresList, CoverageFlag } from "../components/claim-parts.tsx";
import { Card, PageHeader, StatusBadge } from "../components/ui.tsx";
import { appServices } from "../context.server.ts";
import { loadClaimForViewer } from "../services/claims/claim-view.server.ts";
import { formatCalendarDate } from "../utils/format.ts";
import { invariantResponse } from "../utils/invariant.ts";
import { claimViewContext, phiMasterKey } from "./claim-access.server.ts";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.claim.claimNumber ?? "Claim"} · OpenInsure` },
];

// The claim as a policyholder (/portal) or producer (/producer) sees it: one module, registered
// in both areas; the area comes from the route's own path, never from the request's body.
const AREA_ACCESS = { portal: "access:portal", producer: "access:producer" } as const;

export async function loader(args: Route.LoaderArgs) {
  const area = new URL(args.request.url).pathname.split("/")[1];
  invariantResponse(area === "portal" || area === "producer", "Claim not found");
  const user = await requirePermission(args, AREA_ACCESS[area]);
  const claim = await loadClaimForViewer(
    appServices(args.context).db,
    await phiMasterKey(args),
    claimViewContext(args, user, `page:/${area}/claims`),
    args.params.claimId,
  );
  invariantResponse(claim, "Claim not found");
  return { claim };
}

export default function ClaimSummary({ loaderData: { claim } }: Route.ComponentProps) {
  return (
    <>
      <PageHeader
        title={`Claim ${claim.claimNumber}`}
        description={`${claim.insuredName} · policy ${claim.policyNumber}`}
      />
      <div className="grid gap-6">
        <Card>
          <dl className="grid grid-cols-1 gap-x-8 gap-y-3 sm:grid-cols-3">
            <div>
              <dt className="text-xs uppercase text-text-muted">Status</dt>
              <dd className="flex flex-wrap gap-2" data-testid="claim-status">
                <StatusBadge status={claim.status} />
                <CoverageFlag flag={claim.coverageFlag} />
              </dd>
            </div>
            <div>
              <dt className="text-xs uppercase text-text-muted">Loss</dt>
              <dd>{claim.lossType}</dd>
            </div>
            <div>
              <dt className="text-xs uppercase text-text-muted">Date of loss</dt>
              <dd>{formatCalendarDate(claim.dateOfLoss)}</dd>
            </div>
          </dl>
        </Card>
        <Card title="Reserves and payments">
          <ClaimFiguresList figures={claim} />
        </Card>
        <Card title="Claimants">
          <ClaimantList claimants={claim.claimants} />
        </Card>
      </div>
    </>
  );
}
