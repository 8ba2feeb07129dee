// Hostile PDFs for the upload limits: generated, so the repository holds no bombs.
import { deflateSync } from "node:zlib";

const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** A one-page PDF whose content stream is a few hundred KB of Flate that inflates to `inflatedBytes` zeros. */
export function buildDeflateBombPdf(
  inflatedBytes = 48 * 1024 * 1024,
  { objectStream = false } = {},
): Uint8Array<ArrayBuffer> {
  const payload = deflateSync(Buffer.alloc(inflatedBytes), { level: 9 });
  const type = objectStream ? "/Type /ObjStm /N 1 /First 4 " : "";
  return concat([
    latin1(
      "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n",
    ),
    latin1(`3 0 obj\n<< ${type}/Length ${payload.byteLength} /Filter /FlateDecode >>\nstream\n`),
    payload,
    latin1("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"),
  ]);
}

/** A PDF whose one object nests `depth` arrays (in the file itself, or inside a compressed object stream). */
export function buildDeeplyNestedPdf(depth = 100_000, { objectStream = false } = {}): Uint8Array<ArrayBuffer> {
  const nested = `${"[".repeat(depth)}${"]".repeat(depth)}`;
  const head =
    "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n";
  if (!objectStream) return latin1(`${head}3 0 obj\n${nested}\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`);
  const payload = deflateSync(Buffer.from(`4 0 ${nested}`));
  return concat([
    latin1(
      `${head}3 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Length ${payload.byteLength} /Filter /FlateDecode >>\nstream\n`,
    ),
    payload,
    latin1("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"),
  ]);
}

/** A PDF of `count` small objects, within every structural limit: slow to parse only by its size. */
export function buildManyObjectsPdf(count = 20_000): Uint8Array<ArrayBuffer> {
  const objects = Array.from({ length: count }, (_, i) => `${i + 3} 0 obj\n<< /N ${i} /S (filler) >>\nendobj\n`);
  return latin1(
    `%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n${objects.join("")}trailer\n<< /Root 1 0 R >>\n%%EOF\n`,
  );
}
