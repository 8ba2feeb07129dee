/** The workbench's forms, named by the `intent` each posts. */
export type WorkbenchIntent = "decide" | "schedule" | "note" | "request_info" | "decline";

/** What the workbench action answers when a form is refused. */
export type WorkbenchActionData = { intent: WorkbenchIntent | null; error: string } | undefined;

export const fieldClass = "rounded-md border border-border bg-surface px-3 py-2 text-sm";

/** The action's refusal, shown under the form that was sent. */
export function FormError({ actionData, intent }: { actionData: WorkbenchActionData; intent: WorkbenchIntent }) {
  return actionData?.intent === intent ? (
    <p role="alert" className="text-sm text-danger">
      {actionData.error}
    </p>
  ) : null;
}
