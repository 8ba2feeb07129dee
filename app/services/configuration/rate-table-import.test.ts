import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { DEMO_GL_RATE_TABLE } from "../rating/demo-rate-tables.ts";
import { compileRateTable } from "../rating/compile.ts";
import { factorTableRows, importFactorTables } from "./rate-table-import.ts";
import { parseCsv, readSheet, sheetKindOf } from "./sheet-reader.ts";

const HEADER = ["table", "key", "value"];

describe("importing factor tables into a draft", () => {
  it("replaces the tables the file gives and keeps the others", () => {
    const result = importFactorTables(DEMO_GL_RATE_TABLE, [
      HEADER,
      ["state_modifier", "TX", "1.10"],
      ["state_modifier", "OK", "0.98"],
      ["minimum_premium", "default", "900"],
      ["minimum_premium", "CA", "1,200.50"],
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.definition.stateModifiers).toEqual({ TX: "1.10", OK: "0.98" });
    expect(result.definition.minimumPremium).toEqual({ default: 90_000, byState: { CA: 120_050 } });
    expect(result.definition.baseRates).toEqual(DEMO_GL_RATE_TABLE.baseRates);
    expect(result.tables).toEqual({ state_modifier: 2, minimum_premium: 2 });
    expect(compileRateTable(result.definition).ok).toBe(true);
  });

  it("round-trips: the export of a table imports back to the same table", () => {
    const result = importFactorTables(DEMO_GL_RATE_TABLE, factorTableRows(DEMO_GL_RATE_TABLE));
    expect(result).toMatchObject({ ok: true, definition: DEMO_GL_RATE_TABLE });
  });

  it("names every bad row and imports nothing", () => {
    const result = importFactorTables(DEMO_GL_RATE_TABLE, [
      HEADER,
      ["state_modifier", "TX", "1.10"],
      ["state_modifer", "TX", "1.10"],
      ["state_modifier", "Texas", "1.10"],
      ["base_rate", "TX:2382", "three"],
      ["deductible_credit", "-5", "0.1"],
      ["state_modifier", "TX", "1.20"],
      ["class_modifier", "", "1.2"],
    ]);
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 3, message: expect.stringContaining('table "state_modifer" is not one of') },
        { row: 4, message: 'key "Texas" must be a two-letter state code' },
        { row: 5, message: 'value "three" is not a decimal number such as 1.125' },
        { row: 6, message: 'deductible "-5" is not an amount in dollars such as 2500 or 2500.00' },
        { row: 7, message: "state_modifier TX is already given on row 2" },
        { row: 8, message: "key is empty" },
      ],
    });
  });

  it("reports a rule of the whole table on the row that breaks it", () => {
    const result = importFactorTables(DEMO_GL_RATE_TABLE, [
      HEADER,
      ["increased_limit", "1000000/2000000", "1.00"],
      ["increased_limit", "2000000/4000000", "0.90"],
      ["state_modifier", "TX", "0"],
    ]);
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 3, message: "increasedLimitFactors.1: factor must not decrease as limits increase" },
        { row: 4, message: "stateModifiers.TX: must be greater than 0" },
      ],
    });
  });

  it("refuses a file without the header", () => {
    expect(importFactorTables(DEMO_GL_RATE_TABLE, [["state_modifier", "TX", "1.1"]])).toEqual({
      ok: false,
      errors: [{ row: 1, message: 'the first row must be the header "table,key,value"' }],
    });
  });

  it("needs a default minimum premium when the file gives that table", () => {
    const result = importFactorTables(DEMO_GL_RATE_TABLE, [HEADER, ["minimum_premium", "CA", "1000"]]);
    expect(result).toEqual({
      ok: false,
      errors: [{ row: null, message: "minimum_premium needs a default row when the file gives that table" }],
    });
  });
});

describe("reading sheets", () => {
  it("parses quoted CSV cells, CRLF and a byte-order mark", () => {
    expect(parseCsv('\uFEFFtable,key,value\r\nbase_rate,"default:2382","2.60"\r\n"a ""b""",,\n')).toEqual([
      ["table", "key", "value"],
      ["base_rate", "default:2382", "2.60"],
      ['a "b"', "", ""],
    ]);
  });

  it("reads the first worksheet of an XLSX written by a spreadsheet program", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Factors");
    sheet.addRow(["table", "key", "value"]);
    sheet.addRow(["state_modifier", "TX", 0.95]);
    sheet.addRow(["increased_limit", "1000000/2000000", 1.1 * 3]);
    sheet.addRow(["deductible_credit", 2500, "0.05"]);
    sheet.getCell("E6").value = "far";
    workbook.addWorksheet("Notes").addRow(["ignored"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(sheetKindOf("factors.xlsx", bytes)).toBe("xlsx");
    const rows = await readSheet("xlsx", bytes);
    expect(rows).toEqual([
      ["table", "key", "value"],
      ["state_modifier", "TX", "0.95"],
      ["increased_limit", "1000000/2000000", "3.3"],
      ["deductible_credit", "2500", "0.05"],
      [],
      ["", "", "", "", "far"],
    ]);
  });

  it("refuses a file that is not a workbook", async () => {
    await expect(readSheet("xlsx", new TextEncoder().encode("PK not really a zip"))).rejects.toThrow(
      "not an XLSX workbook",
    );
  });
});
