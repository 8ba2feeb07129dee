import { PassThrough, Readable } from "node:stream";
import util from "node:util";
import type { ExportFormat } from "./table-state.ts";
import { csvRow, neutraliseFormula, type CellValue } from "./csv.ts";

/** A column of an export: its header and the plain value of a row (text, number or date). */
export type ExportColumn<Row> = { header: string; value: (row: Row) => CellValue; width?: number };

export type TableExport<Row> = {
  format: ExportFormat;
  /** File name without extension, e.g. "invoices". */
  filename: string;
  columns: readonly ExportColumn<Row>[];
  /** One batch of the whole filtered, sorted set: the same query as the page, another window. */
  fetchBatch: (offset: number, limit: number) => Promise<Row[]>;
  batchSize?: number;
  /** A ceiling on what one download reads. */
  maxRows?: number;
};

export const EXPORT_BATCH_SIZE = 500;
export const EXPORT_MAX_ROWS = 100_000;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Reads the whole set batch by batch, never more than one batch in memory at a time. */
async function* batches<Row>(spec: TableExport<Row>): AsyncGenerator<Row[]> {
  const size = spec.batchSize ?? EXPORT_BATCH_SIZE;
  const max = spec.maxRows ?? EXPORT_MAX_ROWS;
  for (let offset = 0; offset < max; offset += size) {
    const rows = await spec.fetchBatch(offset, Math.min(size, max - offset));
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
  }
}

/** CSV as a ReadableStream: the header, then one batch of rows per pull. */
export function csvStream<Row>(spec: TableExport<Row>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const source = batches(spec);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      // A byte-order mark, so Excel opens UTF-8 (names with accents) correctly.
      controller.enqueue(encoder.encode(`\uFEFF${csvRow(spec.columns.map((c) => c.header))}`));
    },
    async pull(controller) {
      const next = await source.next();
      if (next.done) return controller.close();
      controller.enqueue(
        encoder.encode(next.value.map((row) => csvRow(spec.columns.map((c) => c.value(row)))).join("")),
      );
    },
    async cancel() {
      await source.return(undefined);
    },
  });
}

function xlsxCell(value: CellValue): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return neutraliseFormula(value);
  return value;
}

/**
 * workerd turns every `util.debuglog` channel on (Node only with NODE_DEBUG): the zip streams
 * inside exceljs then log each chunk they move, about 34,000 console lines for a 100,000-row
 * export, flooding the Worker's logs and slowing the download. Their channels are created when
 * the module first loads, so they are made silent before it does.
 */
function silenceDebugChannels() {
  const silent = Object.assign(() => {}, { enabled: false });
  util.debuglog = () => silent;
}

/**
 * XLSX written by exceljs's streaming workbook writer: rows are committed batch by batch and the
 * zip is produced as it goes, so a large set is never whole in memory.
 */
export async function xlsxStream<Row>(spec: TableExport<Row>): Promise<ReadableStream<Uint8Array>> {
  silenceDebugChannels();
  const { default: WorkbookWriter } = await import("exceljs/lib/stream/xlsx/workbook-writer.js");
  const out = new PassThrough();
  const workbook = new WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(spec.filename.slice(0, 31));
  sheet.columns = spec.columns.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: c.width ?? Math.max(12, c.header.length + 2),
  }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const rows of batches(spec)) {
        for (const row of rows) sheet.addRow(spec.columns.map((c) => xlsxCell(c.value(row)))).commit();
        if (out.writableNeedDrain) await new Promise((resolve) => out.once("drain", resolve));
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

/** The download: CSV or XLSX of the whole filtered set, streamed. */
export async function tableExportResponse<Row>(spec: TableExport<Row>): Promise<Response> {
  const body = spec.format === "csv" ? csvStream(spec) : await xlsxStream(spec);
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": CONTENT_TYPES[spec.format],
      "Content-Disposition": `attachment; filename="${spec.filename}-${stamp}.${spec.format}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
