import type { Route } from "./+types/statement";
import { requirePermission } from "../../auth/session.server.ts";
import { CommissionStatement } from "../../components/commission-statement.tsx";
import { Card, PageHeader } from "../../components/ui.tsx";
import { appServices } from "../../context.server.ts";
import { getCommissionStatement } from "../../services/ledger/statements.server.ts";
import { invariantResponse } from "../../utils/invariant.ts";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `Commission ${loaderData?.statement.period ?? "statement"} · OpenInsure` },
];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:commission-statement");
  // Only the agency's own statements: another agency's id answers 404 like any id out of scope.
  invariantResponse(user.tenant.agencyId, "Statement not found");
  const found = await getCommissionStatement(appServices(args.context).db, user.tenant, args.params.statementId);
  invariantResponse(found, "Statement not found");
  return found;
}

export default function ProducerStatement({ loaderData }: Route.ComponentProps) {
  const { statement, lines } = loaderData;
  return (
    <>
      <PageHeader title={`Commission ${statement.period}`} description="Every transaction booked in the month." />
      <Card>
        <CommissionStatement statement={statement} lines={lines} />
      </Card>
    </>
  );
}
