import { Link } from "react-router";
import type { Route } from "./+types/index";
import { requirePermission } from "../../auth/session.server.ts";
import { DaAgreementsCard } from "../../components/da-agreements-card.tsx";
import { Card, DataTable, PageHeader, StatusBadge } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listDaAgreements } from "../../models/da-agreements.server.ts";
import { listPolicies } from "../../models/policies.server.ts";
import { formatCalendarDate, formatCents } from "../../utils/format.ts";

export const meta: Route.MetaFunction = () => [{ title: "Carrier · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "access:carrier");
  const { db } = appServices(args.context);
  const [policies, agreements] = await Promise.all([listPolicies(db, user.tenant), listDaAgreements(db, user.tenant)]);
  return { policies, agreements };
}

export default function CarrierHome({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <PageHeader title="Carrier oversight" description="Business written on your paper under delegated authority." />
      <div className="grid gap-6">
        <DaAgreementsCard agreements={loaderData.agreements} />
        <Card title="Policies on your paper">
          <DataTable
            caption="Policies on your paper"
            rows={loaderData.policies}
            rowKey={(p) => p.id}
            empty="No policies written on your paper yet."
            columns={[
              {
                header: "Policy",
                cell: (p) => (
                  <Link className="font-mono text-brand hover:underline" to={`policies/${p.id}`}>
                    {p.policyNumber}
                  </Link>
                ),
              },
              { header: "Insured", cell: (p) => p.insuredName },
              { header: "Agency", cell: (p) => p.agencyName },
              { header: "Effective", cell: (p) => formatCalendarDate(p.effectiveDate) },
              { header: "Premium", numeric: true, cell: (p) => formatCents(p.grossPremiumCents) },
              { header: "Status", cell: (p) => <StatusBadge status={p.status} /> },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
