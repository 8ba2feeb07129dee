import type { Database } from "../../../db/client.ts";
import type { DocumentExtraction, DocumentKind, submissionDocuments } from "../../../db/schema/index.ts";
import type { Transaction } from "../../../db/transaction.ts";
import { insertSubmissionDocument } from "../../models/documents.server.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { createId } from "../../utils/ids.ts";
import { sha256Hex } from "../../utils/sha256.ts";

export type StoredDocument = typeof submissionDocuments.$inferSelect;

export interface DocumentFile {
  kind: DocumentKind;
  filename: string;
  contentType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export interface DocumentLink {
  submissionId: string | null;
  policyId?: string;
  /** Null when the platform issues the document itself. */
  uploadedByUserId: string | null;
  extraction?: DocumentExtraction;
}

/** Every key starts with the org, so a tenant's documents can be listed, exported or purged together. */
export function documentKey(orgId: string, documentId: string): string {
  return `orgs/${orgId}/documents/${documentId}`;
}

/** The row a file will have once stored: its id, R2 key and digest. */
export async function describeDocument(
  tenant: TenantContext,
  link: DocumentLink,
  file: DocumentFile,
): Promise<StoredDocument> {
  const id = createId("doc");
  return {
    id,
    orgId: tenant.orgId,
    submissionId: link.submissionId,
    policyId: link.policyId ?? null,
    kind: file.kind,
    r2Key: documentKey(tenant.orgId, id),
    filename: safeFilename(file.filename),
    contentType: file.contentType,
    sizeBytes: file.bytes.byteLength,
    sha256: await sha256Hex(file.bytes),
    uploadedByUserId: link.uploadedByUserId,
    extraction: link.extraction ?? null,
    createdAt: new Date(),
  };
}

export async function insertDocument(tx: Transaction | Database, document: StoredDocument): Promise<void> {
  await insertSubmissionDocument(tx, document);
}

/**
 * Stores a file in R2 first, then runs `commit`, which writes the document's row (and whatever
 * belongs with it) in one transaction. When `commit` throws or reports `ok: false` the object is
 * deleted again, so nothing is left behind: no row pointing at nothing, no object (ADR 010).
 */
export async function storeDocument<T extends { ok: boolean }>(
  bucket: R2Bucket,
  document: StoredDocument,
  bytes: Uint8Array<ArrayBuffer>,
  commit: () => Promise<T>,
): Promise<T> {
  // R2 checks the digest on arrival: a corrupted transfer fails here, before any row exists.
  await bucket.put(document.r2Key, bytes, {
    sha256: document.sha256,
    httpMetadata: { contentType: document.contentType },
    customMetadata: { orgId: document.orgId, documentId: document.id },
  });
  let outcome: T;
  try {
    outcome = await commit();
  } catch (error) {
    await bucket.delete(document.r2Key);
    throw error;
  }
  if (!outcome.ok) await bucket.delete(document.r2Key);
  return outcome;
}

/** The stored file as a download, or null when the object is gone from R2. */
export async function documentResponse(
  bucket: R2Bucket,
  document: Pick<StoredDocument, "r2Key" | "filename" | "contentType">,
): Promise<Response | null> {
  const object = await bucket.get(document.r2Key);
  if (!object) return null;
  return new Response(object.body, {
    headers: {
      "content-type": document.contentType,
      "content-length": String(object.size),
      "content-disposition": `attachment; filename="${document.filename}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/** A name that is safe inside a Content-Disposition header and in a table cell. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/[^\w.\- ()]+/g, "_")
    .replace(/^[.\s]+/, "")
    .slice(-120);
  return cleaned === "" ? "document" : cleaned;
}
