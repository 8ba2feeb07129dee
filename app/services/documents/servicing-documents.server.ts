import type { Database } from "../../../db/client.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { getPolicy } from "../../models/policies.server.ts";
import {
  findPolicyNotice,
  findPolicyTransaction,
  setNoticeDocument,
  setTransactionDocument,
} from "../../models/policy-servicing.server.ts";
import type { Letterhead } from "./letterhead.ts";
import { loadLetterhead } from "./letterhead.server.ts";
import { renderServicingDocument, type ServicingDocumentData } from "./servicing-documents.ts";

// A servicing document is rendered from the stored record the first time it is asked for and kept
// in R2 under a key recorded on the record; later downloads read the stored copy.

type Policy = NonNullable<Awaited<ReturnType<typeof getPolicy>>>;

const TITLES: Record<string, string> = {
  new_business: "New business",
  endorsement: "Endorsement",
  cancellation: "Cancellation",
  reinstatement: "Reinstatement",
  renewal: "Renewal",
};

function base(letterhead: Letterhead, policy: Policy) {
  return {
    mgaName: letterhead.name,
    logo: letterhead.logo,
    policyNumber: policy.policyNumber,
    insuredName: policy.insuredName,
    carrierName: policy.carrierName,
    policyPeriod: { effectiveDate: policy.effectiveDate, expirationDate: policy.expirationDate },
  };
}

const show = (v: unknown) =>
  typeof v === "number"
    ? `$${(v / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`
    : v && typeof v === "object"
      ? Object.values(v).join(", ")
      : String(v ?? "none");

async function stored(bucket: R2Bucket, key: string | null, filename: string) {
  if (!key) return null;
  const object = await bucket.get(key);
  return object ? pdfResponse(object.body, filename) : null;
}

function pdfResponse(body: BodyInit, filename: string) {
  return new Response(body, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
}

export async function transactionDocument(
  db: Database,
  bucket: R2Bucket,
  tenant: TenantContext,
  policyId: string,
  transactionId: string,
): Promise<Response | null> {
  const policy = await getPolicy(db, tenant, policyId);
  if (!policy) return null;
  const t = await findPolicyTransaction(db, tenant.orgId, policyId, transactionId);
  if (!t) return null;
  const filename = `${policy.policyNumber}-${t.sequence}-${t.type}.pdf`;
  const existing = await stored(bucket, t.documentKey, filename);
  if (existing) return existing;
  const facts: [string, string][] = [
    [`${TITLES[t.type] ?? t.type} number`, `${policy.policyNumber}-${t.sequence}`],
    ["Effective", t.effectiveDate],
  ];
  if (t.reason && t.type === "cancellation") facts.push(["Reason", t.reason.replace("_", " ")]);
  for (const [field, change] of Object.entries(t.changes ?? {}))
    facts.push([field, `${show(change.from)} -> ${show(change.to)}`]);
  const steps = (t.calculation as { breakdown?: { steps?: { label: string; amountCents: number }[] } } | null)
    ?.breakdown?.steps;
  const data: ServicingDocumentData = {
    ...base(await loadLetterhead(db, bucket, tenant.orgId), policy),
    title: `${TITLES[t.type] ?? t.type} No. ${t.sequence}`,
    issuedOn: t.bookedOn,
    facts,
    amounts: [
      ...(steps ?? []).filter((s) => s.label !== "Days").map((s): [string, number] => [s.label, s.amountCents]),
      ["Premium effect", t.premiumCents],
      ["Fees effect", t.feesCents],
      ["Taxes effect", t.taxesCents],
    ],
  };
  const pdf = (await renderServicingDocument(data)) as Uint8Array<ArrayBuffer>;
  const key = `orgs/${tenant.orgId}/policies/${policyId}/transactions/${t.id}.pdf`;
  await bucket.put(key, pdf, { httpMetadata: { contentType: "application/pdf" } });
  await setTransactionDocument(db, tenant.orgId, t.id, key);
  return pdfResponse(pdf, filename);
}

const NOTICE_TITLES: Record<string, string> = {
  cancellation: "Notice of cancellation",
  non_payment: "Notice of cancellation for non-payment of premium",
  non_renewal: "Notice of non-renewal",
  request: "Request",
};

export async function noticeDocument(
  db: Database,
  bucket: R2Bucket,
  tenant: TenantContext,
  policyId: string,
  noticeId: string,
): Promise<Response | null> {
  const policy = await getPolicy(db, tenant, policyId);
  if (!policy) return null;
  const n = await findPolicyNotice(db, tenant.orgId, policyId, noticeId);
  if (!n) return null;
  const filename = `${policy.policyNumber}-notice-${n.issuedOn}.pdf`;
  const existing = await stored(bucket, n.documentKey, filename);
  if (existing) return existing;
  const title = NOTICE_TITLES[n.kind] ?? n.kind;
  const paragraphs =
    n.kind === "non_payment"
      ? [
          `The premium due on this policy has not been paid. Unless ${show(n.overdueCents ?? 0)} is received before ${n.effectiveOn}, this policy is cancelled at 12:01 a.m. on ${n.effectiveOn}.`,
          "A policy cancelled for non-payment is reinstated without a lapse in coverage if the overdue premium is paid within 30 days of the cancellation.",
        ]
      : n.kind === "non_renewal"
        ? [`This policy will not be renewed. Coverage ends at 12:01 a.m. on ${n.effectiveOn}.`]
        : [`This policy is cancelled at 12:01 a.m. on ${n.effectiveOn}.`];
  const pdf = (await renderServicingDocument({
    ...base(await loadLetterhead(db, bucket, tenant.orgId), policy),
    title,
    issuedOn: n.issuedOn,
    facts: [
      ["Reason", n.reason.replace("_", " ")],
      ["Notice issued", n.issuedOn],
      ["Takes effect", n.effectiveOn],
    ],
    amounts: n.overdueCents ? [["Overdue premium", n.overdueCents]] : [],
    paragraphs,
  })) as Uint8Array<ArrayBuffer>;
  const key = `orgs/${tenant.orgId}/policies/${policyId}/notices/${n.id}.pdf`;
  await bucket.put(key, pdf, { httpMetadata: { contentType: "application/pdf" } });
  await setNoticeDocument(db, tenant.orgId, n.id, key);
  return pdfResponse(pdf, filename);
}
