import ExcelJS from "exceljs";
import { expect, test } from "vitest";
import { tableExportResponse, type ExportColumn } from "./table-export.server.ts";

type Row = { id: number; name: string; amount: number };
const rows: Row[] = Array.from({ length: 1234 }, (_, i) => ({
  id: i + 1,
  name: i === 0 ? '=cmd|"x"' : `Insured ${i + 1}, Inc.`,
  amount: -i,
}));
const columns: ExportColumn<Row>[] = [
  { header: "Id", value: (r) => r.id },
  { header: "Name", value: (r) => r.name },
  { header: "Amount", value: (r) => r.amount },
];

function source() {
  const calls: [number, number][] = [];
  return {
    calls,
    fetchBatch: async (offset: number, limit: number) => {
      calls.push([offset, limit]);
      return rows.slice(offset, offset + limit);
    },
  };
}

test("CSV holds every row of the set, read in batches, escaped", async () => {
  const { calls, fetchBatch } = source();
  const response = await tableExportResponse({ format: "csv", filename: "rows", columns, fetchBatch, batchSize: 500 });
  expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="rows-\d{4}-\d{2}-\d{2}\.csv"$/);
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = new TextDecoder().decode(bytes).split("\r\n");
  expect(lines[0]).toBe("Id,Name,Amount");
  expect(lines[1]).toBe(`1,"'=cmd|""x""",0`);
  expect(lines[1234]).toBe('1234,"Insured 1234, Inc.",-1233');
  expect(lines).toHaveLength(1236);
  expect(calls).toEqual([
    [0, 500],
    [500, 500],
    [1000, 500],
  ]);
});

test("the row ceiling stops the reads", async () => {
  const { calls, fetchBatch } = source();
  const text = await (
    await tableExportResponse({ format: "csv", filename: "rows", columns, fetchBatch, batchSize: 100, maxRows: 250 })
  ).text();
  expect(text.trim().split("\r\n")).toHaveLength(251);
  expect(calls).toEqual([
    [0, 100],
    [100, 100],
    [200, 50],
  ]);
});

test("XLSX opens in a spreadsheet reader with every row, numbers as numbers", async () => {
  const { fetchBatch } = source();
  const response = await tableExportResponse({ format: "xlsx", filename: "rows", columns, fetchBatch });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const sheet = workbook.getWorksheet("rows");
  expect(sheet?.rowCount).toBe(1235);
  expect(sheet?.getRow(1).values).toEqual([undefined, "Id", "Name", "Amount"]);
  expect(sheet?.getRow(2).values).toEqual([undefined, 1, `'=cmd|"x"`, 0]);
  expect(sheet?.getRow(1235).getCell(3).value).toBe(-1233);
});
