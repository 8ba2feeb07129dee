import type { Database } from "../../../db/client.ts";
import type { DocumentExtraction } from "../../../db/schema/index.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { insertDraft, newDraft, type SubmissionDraft } from "../../models/drafts.server.ts";
import { listProgramLines } from "../../models/programs.server.ts";
import { recordSubmissionEvent } from "../../models/submission-events.server.ts";
import { readBodyCapped } from "../../utils/capped-body.ts";
import { createId } from "../../utils/ids.ts";
import { extractAcord125, type AcordExtraction, type AcordUploadError } from "./acord/index.ts";
import { tooLargeError } from "./acord/errors.ts";
import { ACORD_FILE_FIELD, draftFromExtraction, MAX_ACORD_BYTES, type AcordDraftInput } from "./acord-draft.ts";
import { describeDocument, insertDocument, storeDocument } from "../documents/storage.server.ts";
import { fileSubmission, fromDraft, type IntakeOutcome } from "./intake.server.ts";

export interface UploadedFile {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export type AcordReadOutcome = { ok: true; extraction: AcordExtraction } | { ok: false; error: AcordUploadError };

/** Reads an uploaded ACORD 125; nothing is stored for a file that fails here. */
export function readAcordUpload(file: UploadedFile, now = new Date()): Promise<AcordReadOutcome> {
  return extractAcord125(file.bytes, { maxBytes: MAX_ACORD_BYTES, now });
}

export function extractionSummary(extraction: AcordExtraction): DocumentExtraction {
  const { confidence, needsReview, lowConfidenceFields, missingRequired } = extraction;
  return { confidence, needsReview, lowConfidenceFields, missingRequired };
}

/** An ACORD 125 as the PDF it arrived in, ready for `storeDocument`. */
export function acordDocument(
  tenant: TenantContext,
  submissionId: string,
  file: UploadedFile,
  extraction: AcordExtraction,
) {
  return describeDocument(
    tenant,
    { submissionId, uploadedByUserId: tenant.userId, extraction: extractionSummary(extraction) },
    { kind: "acord_125", filename: file.name, contentType: "application/pdf", bytes: file.bytes },
  );
}

export type AcordDraftOutcome =
  | { ok: true; draft: SubmissionDraft; extraction: AcordExtraction }
  | { ok: false; error: AcordUploadError };

/**
 * A producer's upload: a draft submission pre-filled from the form, with the PDF stored in R2 and
 * linked. A file that cannot be read leaves nothing behind; neither does a failed write.
 */
export async function draftFromAcordUpload(
  db: Database,
  bucket: R2Bucket,
  tenant: TenantContext,
  file: UploadedFile,
  now = new Date(),
): Promise<AcordDraftOutcome> {
  const { agencyId } = tenant;
  if (!agencyId) throw new Error("only a producer agency's users upload submissions");
  const read = await readAcordUpload(file, now);
  if (!read.ok) return read;
  const programRows = await listProgramLines(db, tenant);
  const prefill = draftFromExtraction(read.extraction, programRows);
  const draft = newDraft({ ...tenant, agencyId }, "acord_125", prefill.values, prefill.review, prefill.needsReview);
  const document = await acordDocument(tenant, draft.id, file, read.extraction);
  await storeDocument(bucket, document, file.bytes, async () => {
    await transactionWithRetry(db, async (tx) => {
      await insertDraft(tx, draft);
      await insertDocument(tx, document);
    });
    return { ok: true };
  });
  return { ok: true, draft, extraction: read.extraction };
}

/** Files an ACORD draft once the producer has confirmed it: a new insured, then the usual filing. */
export async function fileAcordDraft(
  db: Database,
  tenant: TenantContext,
  draft: SubmissionDraft,
  input: AcordDraftInput,
  today: string,
): Promise<IntakeOutcome> {
  const removeDraft = fromDraft(tenant, draft);
  return fileSubmission(
    db,
    tenant,
    { ...input, insuredId: createId("ins") },
    today,
    {
      name: input.insuredName,
      naicsCode: input.naicsCode,
      addressLine1: input.addressLine1,
      city: input.city,
      state: input.state,
      postalCode: input.postalCode,
      yearsInBusiness: input.yearsInBusiness === undefined ? null : input.yearsInBusiness.toFixed(1),
    },
    {
      submissionId: removeDraft.submissionId,
      alsoWrite: async (tx, submissionId) => {
        await removeDraft.alsoWrite!(tx, submissionId);
        // The timeline keeps what the producer was asked to check and that they confirmed it.
        await recordSubmissionEvent(tx, tenant, submissionId, "acord_confirmed", {
          flaggedForReview: draft.needsReview,
          lowConfidenceFields: draft.review?.lowConfidence ?? [],
          missingFields: draft.review?.missing ?? [],
        });
      },
    },
  );
}

// Multipart framing around the file: boundaries, headers, other fields.
const MULTIPART_OVERHEAD = 64 * 1024;

export type UploadReadOutcome =
  | { ok: true; file: UploadedFile }
  | { ok: false; error: { code: "TOO_LARGE" | "NO_FILE"; message: string } };

/**
 * The ACORD file of a multipart request. An oversized body is refused from its Content-Length,
 * before it is read, and the body is counted while it streams in with a hard cap, so a chunked
 * body (or a false Content-Length) is never read whole.
 */
export async function readUploadedAcord(request: Request): Promise<UploadReadOutcome> {
  const cap = MAX_ACORD_BYTES + MULTIPART_OVERHEAD;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > cap) return { ok: false, error: tooLarge(declared) };
  const body = await readBodyCapped(request.body, cap);
  if (body === null) return { ok: false, error: tooLarge(cap + 1) };
  let form: FormData;
  try {
    form = await new Response(body, {
      headers: { "content-type": request.headers.get("content-type") ?? "" },
    }).formData();
  } catch {
    return { ok: false, error: noFile() };
  }
  const entry = form.get(ACORD_FILE_FIELD);
  if (!(entry instanceof File) || entry.size === 0) return { ok: false, error: noFile() };
  if (entry.size > MAX_ACORD_BYTES) return { ok: false, error: tooLarge(entry.size) };
  return { ok: true, file: { name: entry.name, bytes: new Uint8Array(await entry.arrayBuffer()) } };
}

function tooLarge(byteLength: number) {
  return { code: "TOO_LARGE" as const, message: tooLargeError(byteLength, MAX_ACORD_BYTES).message };
}

function noFile() {
  return {
    code: "NO_FILE" as const,
    message: `Choose the ACORD 125 PDF to upload (multipart field "${ACORD_FILE_FIELD}").`,
  };
}
