import { Form } from "react-router";
import { Button, Card } from "../ui.tsx";
import { fieldClass, FormError, type WorkbenchActionData } from "./form-error.tsx";

/** Asking the producer for more information, and declining the submission. */
export function DecisionsCard(props: {
  mayRequestInfo: boolean;
  mayDecline: boolean;
  reasonCodes: readonly string[];
  actionData: WorkbenchActionData;
  busy: boolean;
}) {
  const { mayRequestInfo, mayDecline, reasonCodes, actionData, busy } = props;
  return (
    <Card title="Decisions">
      {mayRequestInfo ? (
        <Form method="post" className="grid gap-2" aria-label="Request more information">
          <input type="hidden" name="intent" value="request_info" />
          <label className="flex flex-col gap-1 text-sm font-medium">
            Request more information from the producer
            <textarea name="question" rows={3} required minLength={10} className={fieldClass} />
          </label>
          <FormError actionData={actionData} intent="request_info" />
          <Button type="submit" variant="secondary" disabled={busy} className="self-start">
            Send request
          </Button>
        </Form>
      ) : null}
      {mayDecline ? (
        <Form
          method="post"
          className={mayRequestInfo ? "mt-6 grid gap-2 border-t border-border pt-4" : "grid gap-2"}
          aria-label="Decline the submission"
        >
          <input type="hidden" name="intent" value="decline" />
          <label className="flex flex-col gap-1 text-sm font-medium">
            Decline code
            <select name="code" className={fieldClass} defaultValue="">
              <option value="" disabled>
                Choose a reason code
              </option>
              {reasonCodes.map((c) => (
                <option key={c} value={c}>
                  {c.replaceAll("_", " ")}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            Explanation for the producer
            <textarea name="rationale" rows={3} required minLength={10} className={fieldClass} />
          </label>
          <FormError actionData={actionData} intent="decline" />
          <Button type="submit" variant="danger" disabled={busy} className="self-start">
            Decline submission
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
