import type { Route } from "./+types/index";
import { requirePermission } from "../../auth/session.server.ts";
import { DaAgreementsCard } from "../../components/da-agreements-card.tsx";
import { Card, DataTable, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { listAgencies } from "../../models/agencies.server.ts";
import { listDaAgreements } from "../../models/da-agreements.server.ts";
import { formatCalendarDate, formatRate } from "../../utils/format.ts";

export const meta: Route.MetaFunction = () => [{ title: "Compliance · OpenInsure" }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:da-agreement");
  const { db } = appServices(args.context);
  const [agreements, agencies] = await Promise.all([listDaAgreements(db, user.tenant), listAgencies(db, user.tenant)]);
  return { agreements, agencies };
}

export default function ComplianceHome({ loaderData }: Route.ComponentProps) {
  return (
    <>
      <PageHeader title="Compliance" description="Delegated authority in force and producer licensing." />
      <div className="grid gap-6">
        <DaAgreementsCard agreements={loaderData.agreements} />
        <Card title="Producer licenses">
          <DataTable
            caption="Producer licenses"
            rows={loaderData.agencies}
            rowKey={(a) => a.id}
            empty="No producer agencies are appointed."
            columns={[
              { header: "Agency", cell: (a) => a.name },
              { header: "License", cell: (a) => <span className="font-mono">{a.licenseNumber ?? "—"}</span> },
              { header: "Licensed states", cell: (a) => a.licensedStates.join(", ") },
              { header: "License expires", cell: (a) => formatCalendarDate(a.licenseExpiresOn) },
              { header: "Commission", numeric: true, cell: (a) => formatRate(a.commissionRate) },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
