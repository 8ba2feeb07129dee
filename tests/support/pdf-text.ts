import { inflateSync } from "node:zlib";
import { PDFArray, PDFDocument, PDFName, PDFRawStream, PDFRef } from "pdf-lib";

/**
 * The text drawn on each page, one string per drawText call. pdf-lib cannot extract text, so this
 * reads the PDF back with pdf-lib, inflates each page's content streams with node:zlib (pdf-lib
 * Flate-compresses them) and decodes the hex strings of the `Tj` operators: the standard fonts
 * use WinAnsi, which agrees with Latin-1 for every character these tests draw.
 */
export async function pageTexts(bytes: Uint8Array): Promise<string[][]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const contents = page.node.get(PDFName.of("Contents"));
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    return refs.flatMap((ref) => {
      const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
      if (!(stream instanceof PDFRawStream)) throw new Error("expected a raw content stream");
      const operators = inflateSync(stream.contents).toString("latin1");
      return Array.from(operators.matchAll(/<([0-9A-Fa-f]*)> Tj/g), (match) =>
        Buffer.from(match[1] ?? "", "hex").toString("latin1"),
      );
    });
  });
}
