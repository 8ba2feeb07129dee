import { useActionData } from "react-router";
import type { Route } from "./+types/policy";
import { PolicyPage } from "../../components/policy-page.tsx";
import { loadPolicyPage, policyPageAction } from "../policy-page.server.ts";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.policy.policyNumber ?? "Policy"} · OpenInsure` },
];

export async function loader(args: Route.LoaderArgs) {
  return loadPolicyPage(args);
}

export async function action(args: Route.ActionArgs) {
  return policyPageAction(args);
}

export default function Policy({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  return (
    <PolicyPage
      policy={loaderData.policy}
      invoices={loaderData.invoices}
      area="/uw"
      servicing={loaderData.servicing}
      can={loaderData.can}
      formToken={loaderData.formToken}
      actionData={actionData}
    />
  );
}
