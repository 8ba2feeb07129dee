// Item 17 of issue 10: an upload's size is counted while it streams, with a hard cap: a chunked
// body without Content-Length is not read whole.
import { expect, test } from "vitest";
import { ACORD_FILE_FIELD, MAX_ACORD_BYTES } from "./acord-draft.ts";
import { readUploadedAcord } from "./acord-intake.server.ts";

/** A multipart body streamed in 64 KB chunks, `totalBytes` long, counting what the reader pulled. */
function chunkedUpload(totalBytes: number) {
  const boundary = "----openinsure-test";
  const head = new TextEncoder().encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="${ACORD_FILE_FIELD}"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
  );
  const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  let sent = 0;
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const part = sent === 0 ? head : sent >= totalBytes ? null : chunk;
      if (part === null) {
        controller.enqueue(tail);
        controller.close();
        return;
      }
      sent += part.byteLength;
      pulled += part.byteLength;
      controller.enqueue(part);
    },
  });
  const request = new Request("https://app.example/v1/submissions/acord", {
    method: "POST",
    body,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    duplex: "half",
  } as RequestInit);
  return { request, pulled: () => pulled };
}

test("a chunked upload past the cap is refused after reading just past the cap, not whole", async () => {
  const upload = chunkedUpload(200 * 1024 * 1024);
  expect(upload.request.headers.get("content-length")).toBeNull();
  expect(await readUploadedAcord(upload.request)).toMatchObject({ ok: false, error: { code: "TOO_LARGE" } });
  expect(upload.pulled()).toBeLessThan(MAX_ACORD_BYTES + 256 * 1024);
});

test("a chunked upload under the cap is read", async () => {
  const upload = chunkedUpload(1024 * 1024);
  const outcome = await readUploadedAcord(upload.request);
  expect(outcome).toMatchObject({ ok: true, file: { name: "a.pdf" } });
});
