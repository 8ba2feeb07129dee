import { useActionData } from "react-router";
import type { Route } from "./+types/claim-new";
import { FnolForm } from "../../components/fnol-form.tsx";
import { PageHeader } from "../../components/ui.tsx";
import { fnolAction, fnolLoader } from "../claim-intake.server.ts";

export const meta: Route.MetaFunction = () => [{ title: "Report a loss · OpenInsure" }];

export function loader(args: Route.LoaderArgs) {
  return fnolLoader(args, "access:portal");
}

export function action(args: Route.ActionArgs) {
  return fnolAction(args, "access:portal", "portal", (id) => `/portal/claims/${id}`);
}

export default function ReportLoss({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  return (
    <>
      <PageHeader
        title="Report a loss"
        description="First notice of loss: the claim is numbered and assigned at once."
      />
      <FnolForm {...loaderData} result={actionData?.result} error={actionData?.error} />
    </>
  );
}
