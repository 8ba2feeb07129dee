import { Form } from "react-router";
import { formatCalendarDate } from "../utils/format.ts";
import { FormTokenInput, SubmitButton } from "./submit-button.tsx";
import { Card, DataTable } from "./ui.tsx";

export type CertificateRow = {
  id: string;
  certificateNumber: string;
  issuedOn: string;
  additionalInsured: boolean;
  waiverOfSubrogation: boolean;
  holderName: string;
};
export type HolderRow = {
  id: string;
  name: string;
  addressLine1: string;
  city: string;
  state: string;
  postalCode: string;
};

const inputClass = "mt-1 block w-full rounded-md border border-border bg-surface px-3 py-2";

/**
 * The policy's certificates of insurance (ACORD 25) with their downloads, and, for those who may
 * issue one, a form for a holder: one remembered for this insured, or a new name and address.
 */
export function CertificatesCard({
  policyId,
  certificates,
  holders,
  mayIssue,
  formToken,
}: {
  policyId: string;
  certificates: CertificateRow[];
  holders: HolderRow[];
  mayIssue: boolean;
  formToken: string;
}) {
  return (
    <Card title="Certificates of insurance">
      <DataTable
        caption="Certificates issued on this policy"
        empty="No certificate has been issued on this policy."
        rows={certificates}
        rowKey={(c) => c.id}
        columns={[
          {
            header: "Certificate",
            cell: (c) => (
              <a
                className="font-mono text-brand hover:underline"
                href={`/policies/${policyId}/certificates/${c.id}/document.pdf`}
                download
              >
                {c.certificateNumber}
              </a>
            ),
          },
          { header: "Holder", cell: (c) => c.holderName },
          { header: "Issued", cell: (c) => formatCalendarDate(c.issuedOn) },
          { header: "Additional insured", cell: (c) => (c.additionalInsured ? "Yes" : "No") },
          { header: "Waiver of subrogation", cell: (c) => (c.waiverOfSubrogation ? "Yes" : "No") },
        ]}
      />
      {mayIssue ? (
        <Form method="post" className="mt-4 grid gap-3 border-t border-border pt-4 sm:grid-cols-2">
          {holders.length ? (
            <label className="block text-sm sm:col-span-2">
              A holder you used before
              <select name="holderId" defaultValue="" className={inputClass}>
                <option value="">A new holder (enter below)</option>
                {holders.map((h) => (
                  <option key={h.id} value={h.id}>
                    {h.name}, {h.addressLine1}, {h.city}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label className="block text-sm sm:col-span-2">
            Holder name
            <input className={inputClass} name="holderName" autoComplete="organization" />
          </label>
          <label className="block text-sm sm:col-span-2">
            Street address
            <input className={inputClass} name="holderAddressLine1" autoComplete="address-line1" />
          </label>
          <label className="block text-sm">
            City
            <input className={inputClass} name="holderCity" autoComplete="address-level2" />
          </label>
          <div className="grid grid-cols-2 gap-3">
            <label className="block text-sm">
              State
              <input className={inputClass} name="holderState" maxLength={2} autoComplete="address-level1" />
            </label>
            <label className="block text-sm">
              ZIP code
              <input className={inputClass} name="holderPostalCode" autoComplete="postal-code" />
            </label>
          </div>
          <FormTokenInput token={formToken} />
          <div className="sm:col-span-2">
            <SubmitButton intent="certificate" pendingLabel="Issuing…">
              Issue certificate
            </SubmitButton>
          </div>
        </Form>
      ) : null}
    </Card>
  );
}
