/**
 * Bounds on what a PDF may cost to read, checked before pdf-lib parses it. pdf-lib parses eagerly
 * and inflates object streams as it goes, with no limit of its own, so an uploaded file could
 * expand a few kilobytes into gigabytes (a deflate bomb) or nest arrays deep enough to exhaust
 * the stack. This scan walks the file once (linear in its size, which is capped already) and
 * refuses it when:
 *  - arrays and dictionaries nest deeper than MAX_NESTING,
 *  - it declares more than MAX_OBJECTS objects,
 *  - its Flate streams together inflate past MAX_INFLATED_BYTES (inflation stops at the budget,
 *    so the bomb itself is never expanded).
 * What passes is bounded in memory and time for pdf-lib: at most the capped file plus the
 * inflation budget, which an ACORD 125 (a few hundred kilobytes inflated) is far below.
 */

export const MAX_NESTING = 64;
export const MAX_OBJECTS = 50_000;
export const MAX_INFLATED_BYTES = 32 * 1024 * 1024;

export type PdfLimitProblem = { limit: "nesting" | "objects" | "inflated"; detail: string };

const isWhite = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;
const isDelimiter = (b: number) => isWhite(b) || "()<>[]{}/%".includes(String.fromCharCode(b));

function keywordAt(bytes: Uint8Array, at: number, word: string): boolean {
  if (at > 0 && !isDelimiter(bytes[at - 1]!)) return false;
  for (let i = 0; i < word.length; i++) if (bytes[at + i] !== word.charCodeAt(i)) return false;
  const after = bytes[at + word.length];
  return after === undefined || isDelimiter(after);
}

function indexOfWord(bytes: Uint8Array, word: string, from: number): number {
  const first = word.charCodeAt(0);
  for (let i = bytes.indexOf(first, from); i >= 0; i = bytes.indexOf(first, i + 1)) {
    if (keywordAt(bytes, i, word)) return i;
  }
  return -1;
}

/**
 * Inflates a zlib (FlateDecode) stream, counting output; stops as soon as `budget` is passed.
 * Keeps the output in `keep` when given (object streams, whose objects are scanned too).
 */
async function inflatedSize(data: Uint8Array, budget: number, keep?: Uint8Array[]): Promise<number> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("deflate"));
  const reader = stream.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      keep?.push(value);
      if (total > budget) {
        await reader.cancel().catch(() => {});
        break;
      }
    }
  } catch {
    // Corrupt data: pdf-lib reports the file as unreadable (or skips the stream); what was
    // inflated so far still counts.
  }
  return total;
}

/** The first limit this PDF breaks, or null when it may be parsed. */
export async function pdfLimitProblem(bytes: Uint8Array): Promise<PdfLimitProblem | null> {
  return scan(bytes, { objects: 0, inflated: 0 }, true);
}

async function scan(
  bytes: Uint8Array,
  totals: { objects: number; inflated: number },
  top: boolean,
): Promise<PdfLimitProblem | null> {
  let depth = 0;
  let objectStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x25 /* % comment */) {
      while (i < bytes.length && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
    } else if (b === 0x28 /* ( literal string, balanced parentheses, backslash escapes */) {
      let open = 1;
      for (i++; i < bytes.length && open > 0; i++) {
        if (bytes[i] === 0x5c) i++;
        else if (bytes[i] === 0x28) open++;
        else if (bytes[i] === 0x29) open--;
      }
      i--;
    } else if (b === 0x5b /* [ */ || (b === 0x3c && bytes[i + 1] === 0x3c) /* << */) {
      if (++depth > MAX_NESTING) return { limit: "nesting", detail: `nested deeper than ${MAX_NESTING}` };
      if (b === 0x3c) i++;
    } else if (b === 0x5d || (b === 0x3e && bytes[i + 1] === 0x3e)) {
      depth = Math.max(0, depth - 1);
      if (b === 0x3e) i++;
    } else if (b === 0x3c /* <hex string> */) {
      const end = bytes.indexOf(0x3e, i + 1);
      i = end < 0 ? bytes.length : end;
    } else if (b === 0x6f /* o */ && keywordAt(bytes, i, "obj")) {
      if (++totals.objects > MAX_OBJECTS) return { limit: "objects", detail: `more than ${MAX_OBJECTS} objects` };
      objectStart = i;
      depth = 0;
    } else if (top && b === 0x73 /* s */ && keywordAt(bytes, i, "stream")) {
      let start = i + 6;
      if (bytes[start] === 0x0d) start++;
      if (bytes[start] === 0x0a) start++;
      const end = indexOfWord(bytes, "endstream", start);
      const stop = end < 0 ? bytes.length : end;
      const dictionary = new TextDecoder("latin1").decode(bytes.subarray(objectStart, i));
      if (
        dictionary.includes("/FlateDecode") ||
        dictionary.includes("/Fl ") ||
        dictionary.includes("/Fl]") ||
        dictionary.includes("/Fl/")
      ) {
        // An object stream holds objects: its content is scanned for nesting like the file's own.
        const keep = dictionary.includes("/ObjStm") ? ([] as Uint8Array[]) : undefined;
        totals.inflated += await inflatedSize(bytes.subarray(start, stop), MAX_INFLATED_BYTES - totals.inflated, keep);
        if (totals.inflated > MAX_INFLATED_BYTES)
          return { limit: "inflated", detail: `streams inflate past ${MAX_INFLATED_BYTES} bytes` };
        if (keep) {
          const inner = await scan(
            new Uint8Array(await new Blob(keep as Uint8Array<ArrayBuffer>[]).arrayBuffer()),
            totals,
            false,
          );
          if (inner) return inner;
        }
      }
      depth = 0;
      i = end < 0 ? bytes.length : end + 8;
    }
  }
  return null;
}
