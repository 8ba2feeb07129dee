/**
 * Issuing a certificate of insurance (ADR 023): the holder is remembered for the insured, the PDF
 * is rendered from the policy as of the issue date and stored in R2 before its row is written (the
 * object is removed again when the row cannot be), and the certificate is listed on the policy.
 */
import type { Database } from "../../../db/client.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import {
  findCertificate,
  findHolder,
  findPolicyForCertificate,
  insertCertificate,
  rememberHolder,
} from "../../models/certificates.server.ts";
import { listPolicyTransactions } from "../../models/policy-servicing.server.ts";
import { nextSequenceValue } from "../../models/sequences.server.ts";
import { createId } from "../../utils/ids.ts";
import { renderCertificate } from "../documents/certificate-document.ts";
import {
  certificateBoxes,
  certificateNumber,
  mayIssueCertificate,
  policyAsOf,
  type CertificateHolder,
} from "./certificate.ts";

export type CertificateRequest = { holder: CertificateHolder } | { holderId: string };
export type CertificateOutcome =
  | {
      ok: true;
      certificateId: string;
      certificateNumber: string;
      additionalInsured: boolean;
      waiverOfSubrogation: boolean;
    }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "invalid"; message: string };

export async function issueCertificate(
  db: Database,
  bucket: R2Bucket,
  tenant: TenantContext,
  policyId: string,
  request: CertificateRequest,
  today: string,
): Promise<CertificateOutcome> {
  const row = await findPolicyForCertificate(db, tenant, policyId);
  if (!row) return { ok: false, reason: "not_found" };
  const { policy, insured } = row;
  const allowed = mayIssueCertificate(policy, today);
  if (!allowed.ok) return { ok: false, reason: "invalid", message: allowed.message };
  let holder: CertificateHolder;
  if ("holderId" in request) {
    const known = await findHolder(db, tenant.orgId, insured.id, request.holderId);
    if (!known)
      return { ok: false, reason: "invalid", message: "That certificate holder is not one of this insured's." };
    holder = known;
  } else holder = request.holder;

  const details = policy.servicingDetails ?? {};
  const transactions = await listPolicyTransactions(db, tenant.orgId, policyId);
  const asOf = policyAsOf(
    {
      namedInsured: details.namedInsured ?? insured.name,
      occurrenceLimitCents: policy.occurrenceLimitCents,
      aggregateLimitCents: policy.aggregateLimitCents,
      deductibleCents: policy.deductibleCents,
      additionalInsureds: details.additionalInsureds ?? [],
      waiversOfSubrogation: details.waiversOfSubrogation ?? [],
    },
    transactions,
    today,
  );
  const boxes = certificateBoxes(asOf, holder);
  const address = details.mailingAddress ?? insured;
  const certificateId = createId("cer");
  const key = `orgs/${tenant.orgId}/policies/${policyId}/certificates/${certificateId}.pdf`;

  return transactionWithRetry(db, async (tx) => {
    const stored = await rememberHolder(tx, tenant.orgId, insured.id, holder);
    const number = certificateNumber(
      today,
      await nextSequenceValue(tx, tenant.orgId, `certificate:${today.slice(0, 4)}`),
    );
    const pdf = (await renderCertificate({
      certificateNumber: number,
      issuedOn: today,
      mgaName: tenant.orgName,
      producer: row.agencyName,
      insured: {
        name: asOf.namedInsured,
        address: `${address.addressLine1}, ${address.city}, ${address.state} ${address.postalCode}`,
      },
      insurer: row.carrierName,
      lineOfBusiness: policy.lineOfBusiness,
      policyNumber: policy.policyNumber,
      effectiveDate: policy.effectiveDate,
      expirationDate: policy.expirationDate,
      occurrenceLimitCents: asOf.occurrenceLimitCents,
      aggregateLimitCents: asOf.aggregateLimitCents,
      ...boxes,
      holder,
    })) as Uint8Array<ArrayBuffer>;
    await bucket.put(key, pdf, { httpMetadata: { contentType: "application/pdf" } });
    try {
      await insertCertificate(tx, {
        id: certificateId,
        orgId: tenant.orgId,
        policyId,
        holderId: stored.id,
        certificateNumber: number,
        issuedOn: today,
        ...boxes,
        documentKey: key,
        issuedByUserId: tenant.userId,
      });
    } catch (error) {
      await bucket.delete(key);
      throw error;
    }
    return { ok: true, certificateId, certificateNumber: number, ...boxes };
  });
}

/** The stored certificate PDF of a policy the user may see, or null. */
export async function certificateDocument(
  db: Database,
  bucket: R2Bucket,
  tenant: TenantContext,
  policyId: string,
  certificateId: string,
): Promise<Response | null> {
  const row = await findPolicyForCertificate(db, tenant, policyId);
  if (!row) return null;
  const certificate = await findCertificate(db, tenant.orgId, policyId, certificateId);
  if (!certificate) return null;
  const object = await bucket.get(certificate.documentKey);
  if (!object) return null;
  return new Response(object.body, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${certificate.certificateNumber}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
}
