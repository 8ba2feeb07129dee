import type { Route } from "./+types/policy";
import { PolicyPage } from "../../components/policy-page.tsx";
import { loadPolicyPage } from "../policy-page.server.ts";

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: `${loaderData?.policy.policyNumber ?? "Policy"} · OpenInsure` },
];

export async function loader(args: Route.LoaderArgs) {
  return loadPolicyPage(args);
}

export default function Policy({ loaderData }: Route.ComponentProps) {
  return (
    <PolicyPage
      policy={loaderData.policy}
      invoices={loaderData.invoices}
      area="/carrier"
      servicing={loaderData.servicing}
      can={loaderData.can}
      formToken={loaderData.formToken}
    />
  );
}
