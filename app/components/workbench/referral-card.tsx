import { Form } from "react-router";
import { ReferralPanel, type ReferralView } from "../referral-panel.tsx";
import { Button, Card } from "../ui.tsx";
import { fieldClass, FormError, type WorkbenchActionData } from "./form-error.tsx";

/** The live referral, and while it is pending the form that approves or declines it. */
export function ReferralCard(props: {
  referral: ReferralView;
  reasonCodes: readonly string[];
  actionData: WorkbenchActionData;
  busy: boolean;
}) {
  const { referral, reasonCodes, actionData, busy } = props;
  return (
    <Card title="Referral">
      <ReferralPanel referral={referral} />
      {referral.status === "pending" ? (
        <Form method="post" className="mt-4 grid gap-3 sm:grid-cols-2">
          <input type="hidden" name="intent" value="decide" />
          <input type="hidden" name="referralId" value={referral.id} />
          <label className="flex flex-col gap-1 text-sm">
            Reason code
            <select name="code" className={fieldClass} defaultValue={referral.reasons[0]?.code}>
              {reasonCodes.map((c) => (
                <option key={c} value={c}>
                  {c.replaceAll("_", " ")}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1 text-sm sm:col-span-2">
            Rationale
            <textarea name="rationale" rows={3} required minLength={10} className={fieldClass} />
          </label>
          <div className="sm:col-span-2">
            <FormError actionData={actionData} intent="decide" />
          </div>
          <div className="flex gap-3">
            <Button type="submit" name="decision" value="approved" disabled={busy}>
              Approve
            </Button>
            <Button type="submit" name="decision" value="declined" variant="danger" disabled={busy}>
              Decline
            </Button>
          </div>
        </Form>
      ) : null}
    </Card>
  );
}
