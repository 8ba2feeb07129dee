import { parseWithZod } from "@conform-to/zod/v4";
import { data, type RouterContextProvider } from "react-router";
import { hasPermission } from "../auth/permissions.ts";
import { requirePermission } from "../auth/session.server.ts";
import { appServices } from "../context.server.ts";
import { listCertificates, listHolders } from "../models/certificates.server.ts";
import { findOfferOfPolicy } from "../models/renewals.server.ts";
import { listInvoices } from "../models/invoices.server.ts";
import { getPolicy } from "../models/policies.server.ts";
import {
  findPolicyForServicing,
  listPendingRequests,
  listPolicyCredits,
  listPolicyNotices,
  listPolicyTransactions,
} from "../models/policy-servicing.server.ts";
import { FORM_TOKEN_FIELD, newFormToken, oncePerFormToken } from "../services/access/form-token.server.ts";
import {
  cancelPolicy,
  previewCancellation,
  reinstatePolicy,
  type CancellationOutcome,
} from "../services/servicing/cancellation.server.ts";
import { endorsePolicy, quoteEndorsement } from "../services/servicing/endorsement.server.ts";
import { earnedToDate } from "../services/servicing/endorsement.ts";
import { policyOnDate } from "../services/servicing/policy-as-of.ts";
import { certificateHolderOf, endorsementChangesOf, PolicyServicingSchema } from "../services/servicing/forms.ts";
import { allowedActions } from "../services/servicing/lifecycle.ts";
import { issueCertificate } from "../services/servicing/certificates.server.ts";
import { nonRenewPolicy } from "../services/servicing/non-renewal.server.ts";
import { applyRequest, requestCancellation, type RequestOutcome } from "../services/servicing/requests.server.ts";
import { invariantResponse } from "../utils/invariant.ts";
import { businessToday } from "../utils/today.ts";

type Args = { request: Request; params: { policyId?: string }; context: Readonly<RouterContextProvider> };

/**
 * The loader of every area's policy page: a policy the user may see (404 otherwise), with its
 * servicing record (transactions, notices, requests, credits, invoices, earned premium today)
 * and what the user may do with it.
 */
export async function loadPolicyPage(args: Args, { withInvoices = true } = {}) {
  const user = await requirePermission(args, "read:policy");
  const { db } = appServices(args.context);
  const policy = await getPolicy(db, user.tenant, args.params.policyId ?? "");
  invariantResponse(policy, "Policy not found");
  const today = businessToday(user.tenant);
  const [servicing, transactions, notices, requests, credits, invoices] = await Promise.all([
    findPolicyForServicing(db, user.tenant, policy.id),
    listPolicyTransactions(db, user.tenant.orgId, policy.id),
    listPolicyNotices(db, user.tenant.orgId, policy.id),
    listPendingRequests(db, user.tenant.orgId, policy.id),
    listPolicyCredits(db, user.tenant.orgId, policy.id),
    withInvoices ? listInvoices(db, user.tenant, { policyId: policy.id }) : Promise.resolve(undefined),
  ]);
  invariantResponse(servicing, "Policy not found");
  const [certificates, holders, renewalOffer] = await Promise.all([
    listCertificates(db, user.tenant.orgId, policy.id),
    listHolders(db, user.tenant.orgId, servicing.policy.insuredId),
    findOfferOfPolicy(db, user.tenant, policy.id),
  ]);
  const term = { effectiveDate: policy.effectiveDate, expirationDate: policy.expirationDate };
  const roles = user.tenant.roles;
  // `?asOf=YYYY-MM-DD`: the policy as it stood on that day (a form on the page; ignored when malformed).
  const asOfParam = new URL(args.request.url).searchParams.get("asOf");
  const asOfDate = asOfParam && /^\d{4}-\d{2}-\d{2}$/.test(asOfParam) ? asOfParam : null;
  const details = servicing.policy.servicingDetails ?? {};
  const asOf = asOfDate
    ? policyOnDate(
        {
          namedInsured: details.namedInsured ?? policy.insuredName,
          occurrenceLimitCents: servicing.policy.occurrenceLimitCents,
          aggregateLimitCents: servicing.policy.aggregateLimitCents,
          deductibleCents: servicing.policy.deductibleCents,
          additionalInsureds: details.additionalInsureds ?? [],
          waiversOfSubrogation: details.waiversOfSubrogation ?? [],
        },
        transactions,
        term,
        asOfDate,
      )
    : null;
  return {
    policy,
    invoices,
    today,
    servicing: {
      submissionId: servicing.policy.submissionId,
      installmentPlan: servicing.policy.installmentPlan,
      occurrenceLimitCents: servicing.policy.occurrenceLimitCents,
      aggregateLimitCents: servicing.policy.aggregateLimitCents,
      deductibleCents: servicing.policy.deductibleCents,
      details,
      earned: earnedToDate(transactions, term, today),
      asOf,
      transactions: transactions.map((t) => ({
        id: t.id,
        sequence: t.sequence,
        type: t.type,
        effectiveDate: t.effectiveDate,
        bookedOn: t.bookedOn,
        premiumCents: t.premiumCents,
        feesCents: t.feesCents,
        taxesCents: t.taxesCents,
        producerCommissionCents: t.producerCommissionCents,
        reason: t.reason,
        changes: t.changes,
      })),
      notices: notices
        .filter((n) => n.kind !== "request")
        .map((n) => ({
          id: n.id,
          kind: n.kind,
          reason: n.reason,
          issuedOn: n.issuedOn,
          effectiveOn: n.effectiveOn,
          status: n.status,
        })),
      requests: requests.map((r) => ({
        id: r.id,
        effectiveOn: r.effectiveOn,
        issuedOn: r.issuedOn,
        details: r.details,
      })),
      credits: credits.map((c) => ({
        id: c.id,
        amountCents: c.amountCents,
        remainingCents: c.remainingCents,
        status: c.status,
      })),
      renewalOfPolicyId: servicing.policy.renewalOfPolicyId,
      renewalOffer,
      certificates,
      holders: holders.map((h) => ({
        id: h.id,
        name: h.name,
        addressLine1: h.addressLine1,
        city: h.city,
        state: h.state,
        postalCode: h.postalCode,
      })),
    },
    can: {
      service: hasPermission(roles, "service:policy"),
      request: hasPermission(roles, "request:policy-change"),
      actions: allowedActions(policy.status),
    },
    formToken: newFormToken(),
  };
}

export type PolicyPageData = Awaited<ReturnType<typeof loadPolicyPage>>;

/**
 * The servicing actions of every area's policy page, by intent. Previews and quotes write nothing;
 * every write is once per form token, so a double click never acts twice.
 */
export async function policyPageAction(args: Args) {
  const user = await requirePermission(args, "read:policy");
  const { db, ledger, env } = appServices(args.context);
  const policyId = args.params.policyId ?? "";
  invariantResponse(await getPolicy(db, user.tenant, policyId), "Policy not found");
  const formData = await args.request.formData();
  const submission = parseWithZod(formData, { schema: PolicyServicingSchema });
  if (submission.status !== "success") {
    const errors = Object.entries(submission.error ?? {})
      .map(([field, messages]) => `${field}: ${(messages ?? []).join(", ")}`)
      .join("; ");
    return data({ intent: null, error: `Check the form: ${errors}.`, result: null }, { status: 400 });
  }
  const form = submission.value;
  const today = businessToday(user.tenant);
  const tenant = user.tenant;
  const canService = hasPermission(tenant.roles, "service:policy");
  const canRequest = hasPermission(tenant.roles, "request:policy-change");
  const refuse = (message: string, status = 422) =>
    data({ intent: form.intent, error: message, result: null }, { status });
  const once = <T extends { ok: boolean }>(action: string, run: () => Promise<T>) =>
    oncePerFormToken(db, tenant, formData.get(FORM_TOKEN_FIELD), `${action}:${policyId}`, run, (o) => o.ok);

  switch (form.intent) {
    case "preview-cancel": {
      const preview = await previewCancellation(db, tenant, policyId, form, today);
      if (!preview.ok) return refuse(messageOf(preview));
      return { intent: form.intent, error: null, result: { preview: preview.breakdown, request: form } };
    }
    case "cancel": {
      if (!canService && !canRequest) return refuse("You may not cancel this policy.", 403);
      const outcome = await once(
        "cancel",
        (): Promise<CancellationOutcome | RequestOutcome> =>
          canService
            ? cancelPolicy(db, ledger, tenant, policyId, form, today)
            : requestCancellation(db, tenant, policyId, form, today),
      );
      if (!outcome.ok) return refuse(messageOf(outcome));
      const done =
        "status" in outcome
          ? outcome.status === "cancelled"
            ? "The policy is cancelled."
            : `A notice of cancellation is issued; the policy cancels on ${form.cancellationDate}.`
          : "Your cancellation request is sent to the underwriter.";
      return { intent: form.intent, error: null, result: { done } };
    }
    case "quote-endorse": {
      const quote = await quoteEndorsement(db, tenant, policyId, requestOf(form), today);
      if (!quote.ok) return refuse(messageOf(quote));
      return { intent: form.intent, error: null, result: { quote, request: form } };
    }
    case "endorse": {
      if (!canService && !canRequest) return refuse("You may not change this policy.", 403);
      const outcome = await once("endorse", () => endorsePolicy(db, ledger, tenant, policyId, requestOf(form), today));
      if (!outcome.ok) return refuse(messageOf(outcome));
      const done =
        outcome.status === "applied"
          ? "The endorsement is applied."
          : outcome.status === "referred"
            ? "The change is beyond your authority: it is referred to an underwriter whose authority covers it."
            : "Your change request is sent to the underwriter.";
      return { intent: form.intent, error: null, result: { done } };
    }
    case "reinstate": {
      if (!canService) return refuse("Only an underwriter reinstates a policy.", 403);
      const outcome = await once("reinstate", () => reinstatePolicy(db, ledger, tenant, policyId, today));
      if (!outcome.ok) return refuse(messageOf(outcome));
      return { intent: form.intent, error: null, result: { done: "The policy is reinstated without a lapse." } };
    }
    case "non-renew": {
      if (!canService) return refuse("Only an underwriter decides a non-renewal.", 403);
      const outcome = await once("non-renew", () => nonRenewPolicy(db, tenant, policyId, form.nonRenewalReason, today));
      if (!outcome.ok) return refuse(messageOf(outcome));
      return { intent: form.intent, error: null, result: { done: "The notice of non-renewal is issued." } };
    }
    case "certificate": {
      if (!canService && !canRequest) return refuse("You may not issue certificates on this policy.", 403);
      const holder = certificateHolderOf(form);
      if (!holder) return refuse("Choose a holder you used before, or enter the holder's name and full address.", 400);
      const outcome = await once("certificate", () =>
        issueCertificate(db, env.DOCUMENTS, tenant, policyId, holder, today),
      );
      if (!outcome.ok) return refuse(messageOf(outcome));
      return {
        intent: form.intent,
        error: null,
        result: { done: `Certificate ${outcome.certificateNumber} is issued; download it from the list.` },
      };
    }
    case "apply-request": {
      if (!canService) return refuse("Only an underwriter applies a request.", 403);
      const outcome = await once(`apply-${form.requestId}`, () =>
        applyRequest(db, ledger, tenant, policyId, form.requestId, today),
      );
      if (!outcome.ok) return refuse(messageOf(outcome));
      return { intent: form.intent, error: null, result: { done: "The request is applied." } };
    }
  }
}

function requestOf(
  form: Extract<ReturnType<typeof PolicyServicingSchema.parse>, { intent: "endorse" | "quote-endorse" }>,
) {
  const { intent: _intent, effectiveDate, ...fields } = form;
  return { effectiveDate, changes: endorsementChangesOf(fields) };
}

function messageOf(refusal: { ok: false; reason: string; message?: string }): string {
  if (refusal.reason === "not_found") return "Policy not found.";
  return refusal.message ?? "The request was refused.";
}
