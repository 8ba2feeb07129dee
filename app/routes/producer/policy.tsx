import { useActionData } from "react-router";
import type { Route } from "./+types/policy";
import { requireTenant } from "../../auth/session.server.ts";
import { PolicyClaims } from "../../components/claim-parts.tsx";
import { PolicyPage } from "../../components/policy-page.tsx";
import { loadPolicyPage, policyPageAction } from "../policy-page.server.ts";
import { appServices } from "../../context.server.ts";
import { listClaimsOfPolicy } from "../../models/claims.server.ts";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.policy.policyNumber ?? "Policy"} · OpenInsure` },
];

export async function loader(args: Route.LoaderArgs) {
  const page = await loadPolicyPage(args);
  const user = await requireTenant(args);
  const claims = await listClaimsOfPolicy(appServices(args.context).db, user.tenant, page.policy.id);
  return { ...page, claims };
}

export async function action(args: Route.ActionArgs) {
  return policyPageAction(args);
}

export default function Policy({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PolicyPage
        policy={loaderData.policy}
        invoices={loaderData.invoices}
        area="/producer"
        servicing={loaderData.servicing}
        can={loaderData.can}
        formToken={loaderData.formToken}
        actionData={actionData}
      />
      <PolicyClaims claims={loaderData.claims} basePath="/producer" policyId={loaderData.policy.id} />
    </>
  );
}
