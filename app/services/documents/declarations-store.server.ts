import type { Database } from "../../../db/client.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import {
  findDeclarationsSource,
  findPolicyDeclarations,
  type DeclarationsSource,
} from "../../models/declarations.server.ts";
import type { RatedQuote } from "../rating/index.ts";
import { toCents } from "../../utils/money.ts";
import { DEFAULT_TIME_ZONE, todayIn } from "../../utils/today.ts";
import { renderDeclarationsPdf, type DeclarationsData } from "./declarations.ts";
import { loadLetterhead } from "./letterhead.server.ts";
import { licenceForRisk } from "../policies/producer-licence.ts";
import {
  describeDocument,
  documentResponse,
  insertDocument,
  storeDocument,
  type StoredDocument,
} from "./storage.server.ts";

type PolicyDeclarations = {
  id: string;
  policyNumber: string;
  submissionId: string | null;
  stored: StoredDocument | null;
};

/**
 * The producer line: the licence in the risk's state that the bind relied on (the producer of
 * record's, or the agency's own for an API bind), in force on the policy's effective date; the
 * agency's resident licence only for a policy migrated in without one.
 */
function producerOfRecord(row: DeclarationsSource): DeclarationsData["producer"] {
  const { policy, agency } = row;
  const risk = { state: policy.state, lineOfBusiness: policy.lineOfBusiness };
  const own = row.licences.filter((l) => l.producerUserId === row.producerUserId);
  const agencyOwn = row.licences.filter((l) => l.producerUserId === null);
  const licence =
    licenceForRisk(own, risk, policy.effectiveDate) ?? licenceForRisk(agencyOwn, risk, policy.effectiveDate);
  return licence
    ? { name: agency.name, licenseNumber: licence.licenceNumber, licenseState: licence.state }
    : { name: agency.name, licenseNumber: agency.licenseNumber };
}

/** What the declarations page prints, from the stored policy and its recorded rating. */
export function declarationsDataOf(row: DeclarationsSource): DeclarationsData {
  const { policy, insured, carrier } = row;
  // Policies bound here carry their recorded rating; those migrated in carry only totals.
  const rating = row.rating as unknown as RatedQuote | null;
  const premium = rating ?? {
    grossPremium: toCents(policy.grossPremiumCents),
    fees: [{ name: "Fees", amount: toCents(policy.feesCents) }],
    taxes: [{ name: "Taxes", amount: toCents(policy.taxesCents) }],
    totalDue: toCents(policy.grossPremiumCents + policy.feesCents + policy.taxesCents),
  };
  return {
    mga: { name: row.orgName },
    carrier: { name: carrier.name, naicCompanyCode: carrier.naicCompanyCode },
    producer: producerOfRecord(row),
    policyNumber: policy.policyNumber,
    namedInsured: {
      name: insured.name,
      address: {
        addressLine1: insured.addressLine1,
        city: insured.city,
        state: insured.state,
        postalCode: insured.postalCode,
      },
    },
    policyPeriod: { effectiveDate: policy.effectiveDate, expirationDate: policy.expirationDate },
    lineOfBusiness: policy.lineOfBusiness,
    limits: {
      occurrenceCents: toCents(policy.occurrenceLimitCents ?? 0),
      aggregateCents: toCents(policy.aggregateLimitCents ?? 0),
    },
    deductibleCents: toCents(policy.deductibleCents ?? 0),
    premium,
    coverages: [],
    ratingSummary: rating?.steps,
    issuedOn: todayIn(row.timeZone ?? DEFAULT_TIME_ZONE, policy.createdAt),
  };
}

/** Everything the declarations page of a bound policy prints, for a policy the user may see. */
export async function getDeclarationsData(
  db: Database,
  tenant: TenantContext,
  policyId: string,
): Promise<DeclarationsData | null> {
  const row = await findDeclarationsSource(db, tenant, policyId);
  return row ? declarationsDataOf(row) : null;
}

/**
 * The declarations page of a policy the user may see: the stored copy, or, when none is stored
 * yet (or its object is gone), rendered from the stored policy and kept for next time. Null when
 * the policy is not the user's to see.
 */
export async function declarationsDownload(
  db: Database,
  bucket: R2Bucket,
  tenant: TenantContext,
  policyId: string,
): Promise<Response | null> {
  const policy = await findPolicyDeclarations(db, tenant, policyId);
  if (!policy) return null;
  if (policy.stored) {
    const stored = await documentResponse(bucket, policy.stored);
    if (stored) return stored;
  }
  const pdf = await renderFor(db, bucket, tenant, policyId);
  if (!pdf) return null;
  try {
    await keep(db, bucket, tenant, policy, pdf);
  } catch (error) {
    // The download does not depend on storage: the next one tries again.
    console.error(`declarations of ${policyId} not stored`, error);
  }
  return new Response(pdf, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${filenameOf(policy)}"`,
      "cache-control": "private, no-store",
    },
  });
}

/**
 * After a bind commits: render the declarations once and store them with the policy. Never
 * throws: the policy is bound whatever happens here, and the first download stores what is missing.
 */
export async function issueDeclarations(
  db: Database,
  bucket: R2Bucket,
  tenant: TenantContext,
  policyId: string,
): Promise<void> {
  try {
    const policy = await findPolicyDeclarations(db, tenant, policyId);
    if (!policy || policy.stored) return;
    const pdf = await renderFor(db, bucket, tenant, policyId);
    if (pdf) await keep(db, bucket, tenant, policy, pdf);
  } catch (error) {
    console.error(`declarations of ${policyId} not stored after bind`, error);
  }
}

async function renderFor(db: Database, bucket: R2Bucket, tenant: TenantContext, policyId: string) {
  const data = await getDeclarationsData(db, tenant, policyId);
  if (!data) return null;
  const { logo } = await loadLetterhead(db, bucket, tenant.orgId);
  return (await renderDeclarationsPdf({ ...data, mga: { ...data.mga, logo } })) as Uint8Array<ArrayBuffer>;
}

function filenameOf(policy: { policyNumber: string }) {
  return `${policy.policyNumber}-declarations.pdf`;
}

const DUPLICATE_KEY = /errno 1062|Duplicate entry/;

function isDuplicate(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (DUPLICATE_KEY.test(e.message)) return true;
  }
  return false;
}

async function keep(
  db: Database,
  bucket: R2Bucket,
  tenant: TenantContext,
  policy: PolicyDeclarations,
  pdf: Uint8Array<ArrayBuffer>,
) {
  if (policy.stored) {
    // The row outlived its object: the same policy renders the same bytes, so put them back.
    await bucket.put(policy.stored.r2Key, pdf, { httpMetadata: { contentType: "application/pdf" } });
    return;
  }
  const document = await describeDocument(
    tenant,
    { submissionId: policy.submissionId, policyId: policy.id, uploadedByUserId: null },
    { kind: "declarations", filename: filenameOf(policy), contentType: "application/pdf", bytes: pdf },
  );
  await storeDocument(bucket, document, pdf, async () => {
    try {
      await insertDocument(db, document);
      return { ok: true };
    } catch (error) {
      // Stored concurrently by another request: theirs is kept, this object is removed.
      if (isDuplicate(error)) return { ok: false };
      throw error;
    }
  });
}
