/** The workbench's forms, named by the `intent` each posts. */
export type WorkbenchIntent = "decide" | "schedule" | "note" | "request_info" | "decline" | "bind";

/** What the workbench action answers when a form is refused (a bind also names the checks that failed). */
export type WorkbenchActionData =
  | { intent: WorkbenchIntent | null; error: string; failures?: { check: string; code: string; detail: string }[] }
  | undefined;

export const fieldClass = "rounded-md border border-border bg-surface px-3 py-2 text-sm";

/** The action's refusal, shown under the form that was sent. */
export function FormError({ actionData, intent }: { actionData: WorkbenchActionData; intent: WorkbenchIntent }) {
  if (actionData?.intent !== intent) return null;
  return (
    <div role="alert" className="text-sm text-danger">
      <p>{actionData.error}</p>
      {actionData.failures?.length ? (
        <ul className="mt-1 list-disc pl-5">
          {actionData.failures.map((f) => (
            <li key={f.check}>
              <span className="font-mono text-xs">{f.code}</span> {f.detail}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
