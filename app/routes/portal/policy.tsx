import type { Route } from "./+types/policy";
import { requirePermission } from "../../auth/session.server.ts";
import { PolicySummary } from "../../components/policy-summary.tsx";
import { appServices } from "../../context.server.ts";
import { getPolicy } from "../../models/policies.server.ts";
import { invariantResponse } from "../../utils/invariant.ts";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.policy.policyNumber ?? "Policy"} · OpenInsure` }];

export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:policy");
  const policy = await getPolicy(appServices(args.context).db, user.tenant, args.params.policyId);
  invariantResponse(policy, "Policy not found");
  return { policy };
}

export default function Policy({ loaderData }: Route.ComponentProps) {
  return <PolicySummary policy={loaderData.policy} policyId={loaderData.policy.id} />;
}
