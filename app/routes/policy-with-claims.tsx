import { useActionData } from "react-router";
import type { Route } from "./+types/policy-with-claims";
import { requireTenant } from "../auth/session.server.ts";
import { PolicyClaims } from "../components/claim-parts.tsx";
import { PolicyPage } from "../components/policy-page.tsx";
import { appServices } from "../context.server.ts";
import { listClaimsOfPolicy } from "../models/claims.server.ts";
import { invariantResponse } from "../utils/invariant.ts";
import { loadPolicyPage, policyPageAction } from "./policy-page.server.ts";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.policy.policyNumber ?? "Policy"} · OpenInsure` },
];

// The policy as a producer (/producer) or policyholder (/portal) sees it, with its claims: one
// module registered in both areas; the area comes from the route's own path and only chooses
// where links lead, while what the user may see and do comes from the session.
export async function loader(args: Route.LoaderArgs) {
  const area = new URL(args.request.url).pathname.split("/")[1];
  invariantResponse(area === "portal" || area === "producer", "Policy not found");
  const page = await loadPolicyPage(args);
  const user = await requireTenant(args);
  const claims = await listClaimsOfPolicy(appServices(args.context).db, user.tenant, page.policy.id);
  return { ...page, claims, area: `/${area}` as const };
}

export async function action(args: Route.ActionArgs) {
  return policyPageAction(args);
}

export default function PolicyWithClaims({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PolicyPage
        policy={loaderData.policy}
        invoices={loaderData.invoices}
        area={loaderData.area}
        servicing={loaderData.servicing}
        can={loaderData.can}
        formToken={loaderData.formToken}
        actionData={actionData}
      />
      <PolicyClaims claims={loaderData.claims} basePath={loaderData.area} policyId={loaderData.policy.id} />
    </>
  );
}
