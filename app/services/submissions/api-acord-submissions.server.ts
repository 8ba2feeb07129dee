import type { Database } from "../../../db/client.ts";
import { recordSubmissionEvent } from "../../models/submission-events.server.ts";
import { setSubmissionStatus } from "../../models/submissions.server.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { createId } from "../../utils/ids.ts";
import type { AcordErrorCode, AcordExtraction } from "./acord/index.ts";
import { acordDocument, extractionSummary, readAcordUpload, readUploadedAcord } from "./acord-intake.server.ts";
import { insertDocument, storeDocument } from "../documents/storage.server.ts";
import { ApiFailure } from "../api/http.server.ts";
import { SubmissionCreate } from "../api/schemas.ts";
import { fileApiSubmission } from "./api-submissions.server.ts";

const STATUS: Record<AcordErrorCode, number> = {
  TOO_LARGE: 413,
  NOT_A_PDF: 415,
  ENCRYPTED: 422,
  NO_FORM_FIELDS: 422,
  UNREADABLE: 422,
  TOO_COMPLEX: 422,
};

export type AcordFiling = { submissionId: string; documentId: string; extraction: AcordExtraction };

/**
 * `POST /v1/submissions` with an ACORD 125 PDF: the extracted fields go through the same schema
 * and filing as a JSON body, the PDF is stored with the submission, and a submission with any
 * field below the review threshold is filed as in_review for an underwriter to check.
 */
export async function fileApiAcordSubmission(
  db: Database,
  bucket: R2Bucket,
  tenant: TenantContext,
  request: Request,
  today: string,
): Promise<AcordFiling> {
  if (!tenant.agencyId)
    throw new ApiFailure(
      403,
      "FORBIDDEN",
      "This API key is not issued for a producer agency, so it cannot file submissions.",
    );
  const upload = await readUploadedAcord(request);
  if (!upload.ok) {
    throw upload.error.code === "TOO_LARGE"
      ? new ApiFailure(413, "TOO_LARGE", upload.error.message)
      : new ApiFailure(400, "VALIDATION_FAILED", upload.error.message);
  }
  const read = await readAcordUpload(upload.file);
  if (!read.ok) throw new ApiFailure(STATUS[read.error.code], read.error.code, read.error.message);
  const { extraction } = read;

  const body = SubmissionCreate.safeParse(submissionBody(extraction));
  if (!body.success) {
    throw new ApiFailure(422, "VALIDATION_FAILED", "The ACORD 125 does not answer everything a submission needs.", {
      issues: body.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
      acord: presentAcordReading(extraction, null),
    });
  }
  const submissionId = createId("sub");
  const document = await acordDocument(tenant, submissionId, upload.file, extraction);
  await storeDocument(bucket, document, upload.file.bytes, async () => {
    await fileApiSubmission(db, tenant, body.data, today, {
      submissionId,
      alsoWrite: async (tx) => {
        await insertDocument(tx, document);
        await recordSubmissionEvent(tx, tenant, submissionId, "acord_extracted", { ...extractionSummary(extraction) });
        if (extraction.needsReview) await setSubmissionStatus(tx, tenant, submissionId, { status: "in_review" });
      },
    });
    return { ok: true };
  });
  return { submissionId, documentId: document.id, extraction };
}

/** The extraction as a JSON submission body, so both intake paths validate alike. */
function submissionBody({ fields }: AcordExtraction) {
  const line = fields.lineOfBusiness?.value;
  const line1 = fields["mailingAddress.line1"]?.value;
  const city = fields["mailingAddress.city"]?.value;
  const postalCode = fields["mailingAddress.postalCode"]?.value;
  return {
    lineOfBusiness: line,
    insuredName: fields.insuredName?.value,
    naicsCode: fields.naicsCode?.value,
    state: fields.state?.value,
    address: line1 && city && postalCode ? { line1, city, postalCode } : undefined,
    annualRevenue: line === "GL" ? fields.annualRevenue?.value : undefined,
    payroll: line === "WC" ? fields.payroll?.value : undefined,
    requestedLimit: fields.requestedLimit?.value,
    deductible: fields.deductible?.value,
    effectiveDate: fields.effectiveDate?.value,
    yearsInBusiness: fields.yearsInBusiness?.value,
    priorLosses: { count: fields.priorLossCount?.value ?? 0, incurred: fields.priorLossAmount?.value ?? 0 },
  };
}

export function presentAcordReading(extraction: AcordExtraction, documentId: string | null) {
  const fields = Object.fromEntries(
    Object.entries(extraction.fields).map(([key, field]) => [
      key,
      field.note === undefined
        ? { value: field.value, confidence: field.confidence }
        : { value: field.value, confidence: field.confidence, note: field.note },
    ]),
  );
  return {
    needsReview: extraction.needsReview,
    confidence: extraction.confidence,
    lowConfidenceFields: extraction.lowConfidenceFields,
    fields,
    ...(documentId === null ? { missingRequired: extraction.missingRequired } : { documentId }),
  };
}
