import { Form } from "react-router";
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from "../services/claims/attachments.ts";
import { PHI_FIELDS } from "../services/claims/phi.ts";
import { FormTokenInput, SubmitButton } from "./submit-button.tsx";
import { Card } from "./ui.tsx";

type Reply = { error?: Record<string, string[] | null> | null } | undefined;

const input = "rounded-md border border-border bg-surface px-3 py-2 text-sm";
const label = "flex flex-col gap-1 text-sm font-medium";

/** The first notice of loss form, the same wherever it is filed from; it works without JS. */
export function FnolForm({
  policies,
  preselected,
  reporterName,
  formToken,
  result,
  error,
}: {
  policies: { id: string; label: string }[];
  preselected: string | null;
  reporterName: string;
  formToken: string;
  result: Reply;
  error: string | null | undefined;
}) {
  const errors = Object.entries(result?.error ?? {}).flatMap(([field, messages]) =>
    (messages ?? []).map((m) => `${field}: ${m}`),
  );
  return (
    <Form method="post" encType="multipart/form-data" className="grid gap-6">
      <FormTokenInput token={formToken} />
      {errors.length || error ? (
        <ul role="alert" className="rounded-md border border-danger p-3 text-sm text-danger">
          {error ? <li>{error}</li> : null}
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      <Card title="The loss">
        <div className="grid gap-4 sm:grid-cols-2">
          <label className={label}>
            Policy
            <select name="policyId" className={input} defaultValue={preselected ?? ""} required>
              <option value="">Choose…</option>
              {policies.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
          <label className={label}>
            Kind of loss
            <input name="lossType" className={input} required minLength={3} maxLength={60} />
          </label>
          <label className={label}>
            Date of loss
            <input name="dateOfLoss" type="date" className={input} required />
          </label>
          <label className={label}>
            Time of loss (optional)
            <input name="timeOfLoss" type="time" className={input} />
          </label>
          <label className={label}>
            Cause
            <input name="lossCause" className={input} maxLength={120} />
          </label>
          <label className={label}>
            State of the loss (two letters; the policy's when empty)
            <input name="lossState" className={input} maxLength={2} />
          </label>
          <label className={label}>
            Location
            <input name="lossLocation" className={input} maxLength={200} />
          </label>
          <label className={label}>
            Police or fire report number
            <input name="authorityReport" className={input} maxLength={80} />
          </label>
          <label className={`${label} sm:col-span-2`}>
            What happened
            <textarea name="description" className={input} rows={4} required minLength={10} />
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="injuries" /> Someone was injured
          </label>
          <label className={label}>
            Reported by
            <input name="reporterName" className={input} defaultValue={reporterName} required />
          </label>
        </div>
      </Card>
      <Card title="Claimant (protected health information, encrypted)">
        <div className="grid gap-4 sm:grid-cols-2">
          {PHI_FIELDS.map((f) => (
            <label key={f.key} className={label}>
              {f.label}
              <input name={`claimant_${f.key}`} className={input} maxLength={2000} />
            </label>
          ))}
        </div>
      </Card>
      <Card title="Photos and documents">
        <label className={label}>
          Photos (JPEG, PNG, WebP) or PDFs, up to {MAX_ATTACHMENTS} files of {MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB
          <input
            name="attachments"
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp,application/pdf"
            className={input}
          />
        </label>
      </Card>
      <div>
        <SubmitButton pendingLabel="Filing…">File the claim</SubmitButton>
      </div>
    </Form>
  );
}
