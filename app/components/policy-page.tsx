import type { ReactNode } from "react";
import { isInstallmentPlan, PLAN_NAMES } from "../services/billing/billing-schedule.ts";
import { CertificatesCard, type CertificateRow, type HolderRow } from "./certificates-card.tsx";
import { Form, Link } from "react-router";
import { formatCalendarDate, formatCents } from "../utils/format.ts";
import { PolicySummary, type PolicySummaryData } from "./policy-summary.tsx";
import type { PolicyOnDate } from "../services/servicing/policy-as-of.ts";
import { FormTokenInput, SubmitButton } from "./submit-button.tsx";
import { Button, Card, DataTable, FactList, PageHeader, StatusBadge } from "./ui.tsx";

export type PolicyInvoiceRow = {
  id: string;
  invoiceNumber: string;
  dueDate: string;
  amountCents: number;
  status: string;
};

type Step = { label: string; detail: string; amountCents: number };
type Segment = {
  id: string;
  effectiveDate: string;
  termPremiumBeforeCents: number;
  termPremiumAfterCents: number;
  daysRemaining: number;
  daysInTerm: number;
  effectCents: number;
  adjustmentCents: number;
};

export type PolicyServicingView = {
  submissionId: string | null;
  installmentPlan: string | null;
  occurrenceLimitCents: number | null;
  aggregateLimitCents: number | null;
  deductibleCents: number | null;
  details: {
    namedInsured?: string;
    additionalInsureds?: { name: string; address: string }[];
    locations?: string[];
    waiversOfSubrogation?: { holderName: string | null }[];
  };
  earned: { writtenCents: number; earnedCents: number; unearnedCents: number };
  /** The policy as of the date the user asked for (`?asOf=`), if any. */
  asOf: PolicyOnDate | null;
  transactions: {
    id: string;
    sequence: number;
    type: string;
    effectiveDate: string;
    bookedOn: string;
    premiumCents: number;
    feesCents: number;
    taxesCents: number;
    producerCommissionCents: number;
    reason: string | null;
    changes: Record<string, { from: unknown; to: unknown }> | null;
  }[];
  notices: { id: string; kind: string; reason: string; issuedOn: string; effectiveOn: string; status: string }[];
  requests: { id: string; effectiveOn: string; issuedOn: string; details: unknown }[];
  credits: { id: string; amountCents: number; remainingCents: number; status: string }[];
  /** The prior term, for a renewal term; and the renewal offer of this term, where the user sees it. */
  renewalOfPolicyId: string | null;
  renewalOffer: { id: string; status: string; renewalPolicyId: string | null } | null;
  certificates: CertificateRow[];
  holders: HolderRow[];
};

export type PolicyActionResult = {
  intent: string | null;
  error: string | null;
  result:
    | { done: string }
    | { preview: { steps: Step[]; totalReturnCents: number }; request: { reason: string; cancellationDate: string } }
    | {
        quote: {
          premiumCents: number;
          taxesCents: number;
          changes: Record<string, { from: unknown; to: unknown }>;
          pricing: { segments: Segment[]; termPremiumAfterCents: number } | null;
          steps: { step: number; name: string; input: string; factor: string | null; premiumAfter: number }[];
        };
        request: Record<string, unknown>;
      }
    | null;
} | null;

const REASONS = [
  { value: "insured_request", label: "Insured's request (short-rate)" },
  { value: "company", label: "Company / underwriting (pro-rata, 30 days' notice)" },
  { value: "non_payment", label: "Non-payment (pro-rata, 10 days' notice)" },
  { value: "flat", label: "Flat (from inception)" },
];

const inputClass = "mt-1 block w-full rounded-md border border-border bg-surface px-3 py-2 text-sm";

function describeChange(key: string, change: { from: unknown; to: unknown }): string {
  const show = (v: unknown) =>
    typeof v === "number"
      ? formatCents(v)
      : v && typeof v === "object"
        ? Object.values(v).join(", ")
        : String(v ?? "—");
  return `${key}: ${show(change.from)} → ${show(change.to)}`;
}

/**
 * The policy page of every area: the summary, coverage, the transaction timeline, earned and
 * unearned premium today, notices, requests, credits and invoices, and the servicing actions the
 * user's role may take (an underwriter applies; a producer or policyholder requests).
 */
export function PolicyPage({
  policy,
  invoices,
  area,
  servicing,
  can,
  formToken,
  actionData,
}: {
  policy: PolicySummaryData & { id: string };
  invoices?: PolicyInvoiceRow[];
  /** The area's path, for links ("/finance"). */
  area: string;
  servicing: PolicyServicingView;
  can: { service: boolean; request: boolean; actions: string[] };
  formToken: string;
  actionData?: PolicyActionResult;
}) {
  const mayAct = can.service || can.request;
  const result = actionData?.result ?? null;
  return (
    <div className="grid gap-6">
      {/* The page's one h1 (issue 11: policy pages had none): the number people search the book by. */}
      <PageHeader title={`Policy ${policy.policyNumber}`} description={policy.insuredName} />
      <PolicySummary policy={policy} policyId={policy.id} />
      {actionData?.error ? (
        <p role="alert" className="rounded-md border border-danger bg-danger/10 p-3 text-sm">
          {actionData.error}
        </p>
      ) : null}
      {result && "done" in result ? (
        <p role="status" className="rounded-md border border-success bg-success/10 p-3 text-sm">
          {result.done}
        </p>
      ) : null}
      <Card title="Coverage and premium">
        <FactList
          facts={[
            ["Occurrence limit", formatCents(servicing.occurrenceLimitCents)],
            ["Aggregate limit", formatCents(servicing.aggregateLimitCents)],
            ["Deductible", formatCents(servicing.deductibleCents)],
            [
              "Installment plan",
              servicing.installmentPlan && isInstallmentPlan(servicing.installmentPlan)
                ? PLAN_NAMES[servicing.installmentPlan]
                : "—",
            ],
            ["Written premium", <Money key="w" cents={servicing.earned.writtenCents} />],
            ["Earned today", <Money key="e" cents={servicing.earned.earnedCents} testId="earned-premium" />],
            ["Unearned today", <Money key="u" cents={servicing.earned.unearnedCents} />],
            ...(servicing.details.namedInsured
              ? ([["Named insured (endorsed)", servicing.details.namedInsured]] as [string, ReactNode][])
              : []),
            ...(servicing.details.additionalInsureds?.length
              ? ([["Additional insureds", servicing.details.additionalInsureds.map((a) => a.name).join("; ")]] as [
                  string,
                  ReactNode,
                ][])
              : []),
            ...(servicing.details.waiversOfSubrogation?.length
              ? ([
                  [
                    "Waivers of subrogation",
                    servicing.details.waiversOfSubrogation
                      .map((w) => w.holderName ?? "Blanket (where required by written contract)")
                      .join("; "),
                  ],
                ] as [string, ReactNode][])
              : []),
            ...(servicing.details.locations?.length
              ? ([["Locations", servicing.details.locations.join("; ")]] as [string, ReactNode][])
              : []),
            ...(servicing.renewalOfPolicyId
              ? ([
                  [
                    "Renews",
                    <Link
                      key="rn"
                      className="text-brand hover:underline"
                      to={`${area}/policies/${servicing.renewalOfPolicyId}`}
                    >
                      The prior term
                    </Link>,
                  ],
                ] as [string, ReactNode][])
              : []),
            ...(servicing.renewalOffer && area === "/producer"
              ? ([
                  [
                    "Renewal",
                    <Link
                      key="ro"
                      className="text-brand hover:underline"
                      to={`/producer/renewals/${servicing.renewalOffer.id}`}
                    >
                      Renewal offer ({servicing.renewalOffer.status.replaceAll("_", " ")})
                    </Link>,
                  ],
                ] as [string, ReactNode][])
              : []),
            ...(servicing.submissionId && area !== "/portal" && area !== "/carrier" && area !== "/finance"
              ? ([
                  [
                    "Submission",
                    <Link
                      key="s"
                      className="text-brand hover:underline"
                      to={`${area}/submissions/${servicing.submissionId}`}
                    >
                      The bound submission
                    </Link>,
                  ],
                ] as [string, ReactNode][])
              : []),
          ]}
        />
      </Card>
      <AsOfCard asOf={servicing.asOf} />
      <Card title="Transactions">
        <DataTable
          caption="The policy's transactions, in order"
          rows={servicing.transactions}
          rowKey={(t) => t.id}
          empty="No transactions."
          columns={[
            { header: "#", cell: (t) => t.sequence },
            {
              header: "Type",
              cell: (t) => <span data-testid={`transaction-${t.sequence}`}>{t.type.replace("_", " ")}</span>,
            },
            { header: "Effective", cell: (t) => formatCalendarDate(t.effectiveDate) },
            { header: "Booked", cell: (t) => formatCalendarDate(t.bookedOn) },
            {
              header: "What",
              cell: (t) =>
                t.changes
                  ? Object.entries(t.changes)
                      .map(([k, v]) => describeChange(k, v))
                      .join("; ")
                  : (t.reason?.replace("_", " ") ?? ""),
            },
            { header: "Premium", numeric: true, cell: (t) => formatCents(t.premiumCents) },
            { header: "Taxes", numeric: true, cell: (t) => formatCents(t.taxesCents) },
            { header: "Commission", numeric: true, cell: (t) => formatCents(t.producerCommissionCents) },
            {
              header: "Document",
              cell: (t) => (
                <a
                  className="text-brand underline"
                  href={`/policies/${policy.id}/transactions/${t.id}/document.pdf`}
                  download
                >
                  PDF
                </a>
              ),
            },
          ]}
        />
      </Card>
      {servicing.notices.length ? (
        <Card title="Notices">
          <DataTable
            caption="Notices of cancellation and non-renewal"
            rows={servicing.notices}
            rowKey={(n) => n.id}
            empty="No notices."
            columns={[
              { header: "Notice", cell: (n) => `${n.kind.replace("_", "-")} (${n.reason.replace("_", " ")})` },
              { header: "Issued", cell: (n) => formatCalendarDate(n.issuedOn) },
              { header: "Takes effect", cell: (n) => formatCalendarDate(n.effectiveOn) },
              { header: "Status", cell: (n) => <StatusBadge status={n.status} /> },
              {
                header: "Document",
                cell: (n) => (
                  <a
                    className="text-brand underline"
                    href={`/policies/${policy.id}/notices/${n.id}/document.pdf`}
                    download
                  >
                    PDF
                  </a>
                ),
              },
            ]}
          />
        </Card>
      ) : null}
      {servicing.requests.length ? (
        <Card title="Requests waiting for an underwriter">
          <ul className="grid gap-3">
            {servicing.requests.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-3 text-sm">
                <span>
                  {describeRequest(r.details)} from {formatCalendarDate(r.effectiveOn)} (asked{" "}
                  {formatCalendarDate(r.issuedOn)})
                </span>
                {can.service ? (
                  <Form method="post">
                    <input type="hidden" name="requestId" value={r.id} />
                    <FormTokenInput token={formToken} />
                    <SubmitButton intent="apply-request" match={{ requestId: r.id }} pendingLabel="Applying…">
                      Apply
                    </SubmitButton>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {servicing.credits.length ? (
        <Card title="Credits">
          <DataTable
            caption="Money owed back on this policy"
            rows={servicing.credits}
            rowKey={(c) => c.id}
            empty="No credits."
            columns={[
              { header: "Amount", numeric: true, cell: (c) => formatCents(c.amountCents) },
              { header: "Remaining", numeric: true, cell: (c) => formatCents(c.remainingCents) },
              { header: "Status", cell: (c) => <StatusBadge status={c.status} /> },
            ]}
          />
        </Card>
      ) : null}
      {invoices ? (
        <Card
          title="Invoices"
          actions={
            area === "/finance" ? (
              <Link
                className="text-sm text-brand hover:underline"
                to={`${area}/journal?policy=${encodeURIComponent(policy.policyNumber)}`}
              >
                Journal of this policy
              </Link>
            ) : null
          }
        >
          <DataTable
            caption="Invoices of this policy"
            rows={invoices}
            rowKey={(i) => i.id}
            empty="No invoices."
            columns={[
              {
                header: "Invoice",
                cell: (i) =>
                  area === "/finance" || area === "/portal" ? (
                    <Link className="font-mono text-brand hover:underline" to={`${area}/invoices/${i.id}`}>
                      {i.invoiceNumber}
                    </Link>
                  ) : (
                    <span className="font-mono">{i.invoiceNumber}</span>
                  ),
              },
              { header: "Due", cell: (i) => formatCalendarDate(i.dueDate) },
              { header: "Amount", numeric: true, cell: (i) => formatCents(i.amountCents) },
              { header: "Status", cell: (i) => <StatusBadge status={i.status} /> },
            ]}
          />
        </Card>
      ) : null}
      {mayAct && can.actions.includes("endorse") ? (
        <EndorseCard can={can} formToken={formToken} actionData={actionData} />
      ) : null}
      {mayAct && can.actions.includes("cancel") ? (
        <CancelCard can={can} formToken={formToken} actionData={actionData} />
      ) : null}
      {can.service && can.actions.includes("non_renew") ? (
        <Card title="Non-renewal">
          <Form method="post" className="flex flex-wrap items-end gap-3">
            <label className="block text-sm">
              Reason
              <select className={inputClass} name="nonRenewalReason" defaultValue="underwriting_guidelines">
                {["loss_experience", "underwriting_guidelines", "program_withdrawn", "exposure_change", "other"].map(
                  (r) => (
                    <option key={r} value={r}>
                      {r.replaceAll("_", " ")}
                    </option>
                  ),
                )}
              </select>
            </label>
            <FormTokenInput token={formToken} />
            <SubmitButton intent="non-renew" variant="secondary" pendingLabel="Issuing…">
              Issue notice of non-renewal
            </SubmitButton>
          </Form>
          <p className="mt-2 text-xs text-text-muted">At least 30 days before expiry; the policy ends at expiry.</p>
        </Card>
      ) : null}
      <CertificatesCard
        policyId={policy.id}
        certificates={servicing.certificates}
        holders={servicing.holders}
        mayIssue={(can.service || can.request) && can.actions.includes("endorse")}
        formToken={formToken}
      />
      {can.service && can.actions.includes("reinstate") ? (
        <Card title="Reinstate">
          <p className="mb-3 text-sm">
            A policy cancelled for non-payment is reinstated without a lapse within 30 days, once the overdue premium is
            paid (a payment of the overdue invoice reinstates it by itself).
          </p>
          <Form method="post">
            <FormTokenInput token={formToken} />
            <SubmitButton intent="reinstate" pendingLabel="Reinstating…">
              Reinstate
            </SubmitButton>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}

function Money({ cents, testId }: { cents: number; testId?: string }) {
  return (
    <span className="font-mono" data-testid={testId}>
      {formatCents(cents)}
    </span>
  );
}

function describeRequest(details: unknown): string {
  const d = details as { type?: string; reason?: string; diff?: Record<string, { from: unknown; to: unknown }> };
  if (d.type === "cancellation") return `Cancellation (${(d.reason ?? "").replace("_", " ")})`;
  return `Change: ${Object.entries(d.diff ?? {})
    .map(([k, v]) => describeChange(k, v))
    .join("; ")}`;
}

/** The policy as it stood on a chosen day: a GET form, so it works without JavaScript and can be linked. */
function AsOfCard({ asOf }: { asOf: PolicyOnDate | null }) {
  return (
    <Card title="The policy as of a date">
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <Labelled label="As of" name="asOf" type="date" defaultValue={asOf?.date} />
        <Button type="submit" variant="secondary">
          Show the policy as of this date
        </Button>
      </Form>
      {asOf ? (
        <div className="mt-4" data-testid="policy-as-of">
          <FactList
            facts={[
              ["As of", formatCalendarDate(asOf.date)],
              ["Named insured", asOf.namedInsured],
              ["Occurrence limit", formatCents(asOf.occurrenceLimitCents)],
              ["Aggregate limit", formatCents(asOf.aggregateLimitCents)],
              ["Deductible", formatCents(asOf.deductibleCents)],
              ["Additional insureds", asOf.additionalInsureds.map((a) => a.name).join("; ") || "None"],
              [
                "Waivers of subrogation",
                asOf.waiversOfSubrogation.map((w) => w.holderName ?? "Blanket").join("; ") || "None",
              ],
              ["Written premium by then", <Money key="w" cents={asOf.writtenCents} />],
              ["Earned by then", <Money key="e" cents={asOf.earnedCents} />],
              ["Unearned then", <Money key="u" cents={asOf.unearnedCents} />],
            ]}
          />
        </div>
      ) : null}
    </Card>
  );
}

function Labelled({
  label,
  name,
  type = "text",
  defaultValue,
  hint,
}: {
  label: string;
  name: string;
  type?: string;
  defaultValue?: string;
  hint?: string;
}) {
  return (
    <label className="block text-sm">
      {label}
      <input className={inputClass} name={name} type={type} defaultValue={defaultValue} />
      {hint ? <span className="text-xs text-text-muted">{hint}</span> : null}
    </label>
  );
}

function EndorseCard({
  can,
  formToken,
  actionData,
}: {
  can: { service: boolean; request: boolean };
  formToken: string;
  actionData?: PolicyActionResult;
}) {
  const result = actionData?.result;
  const quoted = result && "quote" in result ? result : null;
  const values = (quoted?.request ?? {}) as Record<string, string | undefined>;
  return (
    <Card title={can.service ? "Endorse" : "Request a change"}>
      <Form method="post" className="grid gap-4 sm:grid-cols-3">
        <Labelled label="Effective date" name="effectiveDate" type="date" defaultValue={values.effectiveDate} />
        <Labelled label="Occurrence limit (USD)" name="occurrenceLimit" defaultValue={money(values.occurrenceLimit)} />
        <Labelled label="Aggregate limit (USD)" name="aggregateLimit" defaultValue={money(values.aggregateLimit)} />
        <Labelled label="Deductible (USD)" name="deductible" defaultValue={money(values.deductible)} />
        <Labelled label="Annual revenue (USD)" name="annualRevenue" defaultValue={money(values.annualRevenue)} />
        <Labelled label="Payroll (USD)" name="payroll" defaultValue={money(values.payroll)} />
        <Labelled label="Named insured" name="namedInsured" defaultValue={values.namedInsured} hint="No premium" />
        <Labelled
          label="Additional insured"
          name="additionalInsuredName"
          defaultValue={values.additionalInsuredName}
          hint="No premium"
        />
        <Labelled
          label="Additional insured address"
          name="additionalInsuredAddress"
          defaultValue={values.additionalInsuredAddress}
        />
        <Labelled label="Add a location" name="location" defaultValue={values.location} hint="No premium" />
        <Labelled
          label="Waiver of subrogation in favour of"
          name="waiverOfSubrogationHolder"
          defaultValue={values.waiverOfSubrogationHolder}
          hint="No premium"
        />
        <label className="flex items-center gap-2 self-end text-sm">
          <input
            type="checkbox"
            name="waiverOfSubrogationBlanket"
            defaultChecked={Boolean(values.waiverOfSubrogationBlanket)}
          />
          Blanket waiver of subrogation
        </label>
        <FormTokenInput token={formToken} />
        <div className="flex flex-wrap gap-3 sm:col-span-3">
          <SubmitButton intent="quote-endorse" variant="secondary" pendingLabel="Pricing…">
            Price the change
          </SubmitButton>
          <SubmitButton intent="endorse" pendingLabel={can.service ? "Applying…" : "Sending…"}>
            {can.service ? "Apply the endorsement" : "Send the change request"}
          </SubmitButton>
        </div>
      </Form>
      {quoted ? (
        <div className="mt-4 grid gap-3 text-sm" data-testid="endorsement-quote">
          <p>
            Premium effect: <strong className="font-mono">{formatCents(quoted.quote.premiumCents)}</strong> plus taxes{" "}
            <span className="font-mono">{formatCents(quoted.quote.taxesCents)}</span>
            {quoted.quote.pricing
              ? ` · term premium after the change ${formatCents(quoted.quote.pricing.termPremiumAfterCents)}`
              : " · no premium"}
          </p>
          {quoted.quote.pricing ? (
            <DataTable
              caption="Segments: each change priced pro-rata; later changes re-priced when one arrives out of sequence"
              rows={quoted.quote.pricing.segments}
              rowKey={(s) => s.id}
              empty=""
              columns={[
                { header: "From", cell: (s) => formatCalendarDate(s.effectiveDate) },
                { header: "Term premium before", numeric: true, cell: (s) => formatCents(s.termPremiumBeforeCents) },
                { header: "After", numeric: true, cell: (s) => formatCents(s.termPremiumAfterCents) },
                { header: "Days", numeric: true, cell: (s) => `${s.daysRemaining} / ${s.daysInTerm}` },
                { header: "Effect", numeric: true, cell: (s) => formatCents(s.effectCents) },
                { header: "Re-priced by", numeric: true, cell: (s) => formatCents(s.adjustmentCents) },
              ]}
            />
          ) : null}
          {quoted.quote.steps.length ? (
            <DataTable
              caption="Why this price: the policy re-rated with the change on its pinned rate table"
              rows={quoted.quote.steps}
              rowKey={(s) => String(s.step)}
              empty=""
              columns={[
                { header: "Step", cell: (s) => s.name },
                { header: "Input", cell: (s) => s.input },
                { header: "Factor", cell: (s) => s.factor ?? "—" },
                { header: "Premium after", numeric: true, cell: (s) => formatCents(s.premiumAfter) },
              ]}
            />
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}

function money(value: unknown): string | undefined {
  return typeof value === "number" ? (value / 100).toFixed(2) : typeof value === "string" ? value : undefined;
}

function CancelCard({
  can,
  formToken,
  actionData,
}: {
  can: { service: boolean; request: boolean };
  formToken: string;
  actionData?: PolicyActionResult;
}) {
  const result = actionData?.result;
  const preview = result && "preview" in result ? result : null;
  return (
    <Card title={can.service ? "Cancel" : "Request cancellation"}>
      <Form method="post" className="grid gap-4 sm:grid-cols-3">
        <label className="block text-sm">
          Reason
          <select className={inputClass} name="reason" defaultValue={preview?.request.reason ?? "insured_request"}>
            {REASONS.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <Labelled
          label="Cancellation date"
          name="cancellationDate"
          type="date"
          defaultValue={preview?.request.cancellationDate}
        />
        <FormTokenInput token={formToken} />
        <div className="flex flex-wrap gap-3 self-end">
          <SubmitButton intent="preview-cancel" variant="secondary" pendingLabel="Computing…">
            Show the return
          </SubmitButton>
          {preview ? (
            <SubmitButton intent="cancel" variant="danger" pendingLabel={can.service ? "Cancelling…" : "Sending…"}>
              {can.service ? "Confirm cancellation" : "Send the cancellation request"}
            </SubmitButton>
          ) : null}
        </div>
      </Form>
      {preview ? (
        <div className="mt-4" data-testid="cancellation-preview">
          <DataTable
            caption="The return premium, step by step"
            rows={preview.preview.steps}
            rowKey={(s) => s.label}
            empty=""
            columns={[
              { header: "Step", cell: (s) => s.label },
              { header: "How", cell: (s) => s.detail },
              { header: "Amount", numeric: true, cell: (s) => (s.label === "Days" ? "" : formatCents(s.amountCents)) },
            ]}
          />
        </div>
      ) : null}
    </Card>
  );
}
