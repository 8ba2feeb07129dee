/** What a claim accepts as attachments: photos and PDFs, recognised by their first bytes. */

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);

/** The content type the bytes really are, or null for anything but JPEG, PNG, WebP and PDF. */
export function sniffAttachmentType(
  bytes: Uint8Array,
): "image/jpeg" | "image/png" | "image/webp" | "application/pdf" | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return "image/webp";
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
  return null;
}

export type AttachmentCheck = { ok: true } | { ok: false; message: string };

export function checkAttachment(file: { name: string; bytes: Uint8Array }): AttachmentCheck {
  if (file.bytes.byteLength === 0) return { ok: false, message: `${file.name} is empty.` };
  if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES)
    return { ok: false, message: `${file.name} is larger than ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB.` };
  if (!sniffAttachmentType(file.bytes))
    return { ok: false, message: `${file.name} is not a photo (JPEG, PNG, WebP) or a PDF.` };
  return { ok: true };
}
