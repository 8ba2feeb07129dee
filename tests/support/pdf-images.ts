import { PDFDict, PDFDocument, PDFName, type PDFNumber, PDFRawStream, PDFRef } from "pdf-lib";

/** The images drawn on each page (the XObjects of subtype Image), with their pixel size and filter. */
export async function pageImages(bytes: Uint8Array): Promise<{ width: number; height: number; filter: string }[][]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const resources = page.node.Resources();
    const xObjects = resources?.lookupMaybe(PDFName.of("XObject"), PDFDict);
    if (!xObjects) return [];
    return xObjects.values().flatMap((value) => {
      const stream = value instanceof PDFRef ? doc.context.lookup(value) : value;
      if (!(stream instanceof PDFRawStream)) return [];
      if (stream.dict.get(PDFName.of("Subtype")) !== PDFName.of("Image")) return [];
      const number = (key: string) => (stream.dict.get(PDFName.of(key)) as PDFNumber).asNumber();
      return [
        { width: number("Width"), height: number("Height"), filter: String(stream.dict.get(PDFName.of("Filter"))) },
      ];
    });
  });
}

/** A valid 1x1 PNG. */
export const ONE_PIXEL_PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
  ),
);

/** The header of a baseline JPEG, `width` x `height`: all a PDF needs to embed it (the data is passed through). */
export function jpegHeader(width: number, height: number): Uint8Array {
  return Uint8Array.from([
    0xff,
    0xd8,
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    0x03,
    0x01,
    0x11,
    0x00,
    0x02,
    0x11,
    0x01,
    0x03,
    0x11,
    0x01,
    0xff,
    0xd9,
  ]);
}
