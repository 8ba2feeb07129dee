import type { Route } from "./+types/statement";
import { requirePermission } from "../../auth/session.server.ts";
import { CommissionStatement } from "../../components/commission-statement.tsx";
import { Card, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { getCommissionStatement } from "../../services/ledger/statements.server.ts";
import { invariantResponse } from "../../utils/invariant.ts";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `Commission ${loaderData?.statement.period ?? ""} · ${loaderData?.agencyName ?? "Statement"} · OpenInsure` },
];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:commission-statement");
  const found = await getCommissionStatement(appServices(args.context).db, user.tenant, args.params.statementId);
  invariantResponse(found, "Statement not found");
  return found;
}

export default function FinanceStatement({ loaderData }: Route.ComponentProps) {
  const { statement, agencyName, lines } = loaderData;
  return (
    <>
      <PageHeader title={`Commission ${statement.period}: ${agencyName}`} description="Producer commission statement" />
      <Card title="Statement">
        <p className="mb-4 text-sm">
          Download:{" "}
          <a className="text-brand underline" href={`/finance/statements/${statement.id}/export?format=csv`}>
            CSV
          </a>
          {" · "}
          <a className="text-brand underline" href={`/finance/statements/${statement.id}/export?format=xlsx`}>
            XLSX
          </a>
          {" · "}
          <a className="text-brand underline" href={`/finance/statements/${statement.id}/export?format=pdf`}>
            PDF
          </a>
        </p>
        <CommissionStatement statement={statement} lines={lines} />
      </Card>
    </>
  );
}
