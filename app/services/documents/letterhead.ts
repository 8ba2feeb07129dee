/**
 * The organization's letterhead at the top of every document it issues (issue 16): its logo,
 * when it has uploaded one, above its name. Every PDF kind calls `drawLetterhead` first, so a
 * new kind gets the logo by passing the `Letterhead` its workflow loaded (letterhead.server.ts).
 */
import type { PDFDocument } from "pdf-lib";
import type { PageFlow } from "./pdf-layout.ts";

export type LogoType = "image/png" | "image/jpeg";
export type Logo = { bytes: Uint8Array; contentType: LogoType };
export type Letterhead = { name: string; logo: Logo | null };

/** The largest logo accepted: a letterhead image needs far less. */
export const LOGO_MAX_BYTES = 512 * 1024;
/** The box a logo is scaled into, in points (keeping its proportions, never enlarged). */
export const LOGO_BOX = { width: 180, height: 54 } as const;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The image type from the file's own first bytes, whatever its name or declared type says. */
export function sniffLogoType(bytes: Uint8Array): LogoType | null {
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  return null;
}

/** The logo's size in the letterhead: scaled down to fit the box, never up. */
export function logoSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, LOGO_BOX.width / width, LOGO_BOX.height / height);
  return { width: width * scale, height: height * scale };
}

/** Embeds the logo (throws when the bytes are not a readable image of their type). */
export function embedLogo(doc: PDFDocument, logo: Logo) {
  return logo.contentType === "image/png" ? doc.embedPng(logo.bytes) : doc.embedJpg(logo.bytes);
}

/** Draws the letterhead at the top of the flow: the logo, then the organization's name. */
export async function drawLetterhead(doc: PDFDocument, flow: PageFlow, letterhead: Letterhead): Promise<void> {
  if (letterhead.logo) {
    const image = await embedLogo(doc, letterhead.logo);
    const size = logoSize(image.width, image.height);
    flow.image(image, size.width, size.height);
    flow.space(6);
  }
  flow.text(letterhead.name, { size: 16, bold: true });
}
