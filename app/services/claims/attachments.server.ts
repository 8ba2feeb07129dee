/**
 * Attachments go to R2 before the claim's transaction and are removed again if it does not
 * commit, so a failed filing leaves neither an object without a row nor a row without an object.
 */
import { createId } from "../../utils/ids.ts";
import { sha256Hex } from "../../utils/sha256.ts";
import { safeFilename } from "../documents/storage.server.ts";
import { checkAttachment, MAX_ATTACHMENTS, sniffAttachmentType } from "./attachments.ts";

export type AttachmentUpload = { name: string; bytes: Uint8Array<ArrayBuffer> };
export type AttachmentRow = {
  id: string;
  r2Key: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
};

export class AttachmentRefused extends Error {
  override readonly name = "AttachmentRefused";
}

/** Reads the uploads of a form (empty file inputs are skipped); refuses the whole set on any bad file. */
export async function readAttachmentUploads(formData: FormData, field = "attachments"): Promise<AttachmentUpload[]> {
  const files = formData.getAll(field).filter((f): f is File => f instanceof File && f.size > 0);
  if (files.length > MAX_ATTACHMENTS)
    throw new AttachmentRefused(`At most ${MAX_ATTACHMENTS} attachments per claim report.`);
  const uploads = await Promise.all(
    files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
  for (const upload of uploads) {
    const check = checkAttachment(upload);
    if (!check.ok) throw new AttachmentRefused(check.message);
  }
  return uploads;
}

/**
 * Puts the files in R2 and runs `commit` (which writes their rows with the claim); deletes the
 * objects again when `commit` throws or answers `ok: false`.
 */
export async function withStoredAttachments<T extends { ok: boolean }>(
  bucket: R2Bucket,
  orgId: string,
  uploads: readonly AttachmentUpload[],
  commit: (rows: AttachmentRow[]) => Promise<T>,
): Promise<T> {
  const rows: AttachmentRow[] = [];
  try {
    for (const upload of uploads) {
      const id = createId("att");
      const row = {
        id,
        r2Key: `orgs/${orgId}/claim-attachments/${id}`,
        filename: safeFilename(upload.name),
        contentType: sniffAttachmentType(upload.bytes)!,
        sizeBytes: upload.bytes.byteLength,
        sha256: await sha256Hex(upload.bytes),
      };
      await bucket.put(row.r2Key, upload.bytes, {
        sha256: row.sha256,
        httpMetadata: { contentType: row.contentType },
        customMetadata: { orgId, attachmentId: id },
      });
      rows.push(row);
    }
    const outcome = await commit(rows);
    if (!outcome.ok) await removeAll(bucket, rows);
    return outcome;
  } catch (error) {
    await removeAll(bucket, rows);
    throw error;
  }
}

async function removeAll(bucket: R2Bucket, rows: readonly AttachmentRow[]) {
  if (rows.length) await bucket.delete(rows.map((r) => r.r2Key));
}
