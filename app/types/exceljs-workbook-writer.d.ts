// exceljs's streaming writer, imported by its own path: the package's main entry (and its
// "browser" build, which bundlers for workerd pick) does not carry it. ADR 011 says why.
declare module "exceljs/lib/stream/xlsx/workbook-writer.js" {
  import type { stream } from "exceljs";
  const WorkbookWriter: typeof stream.xlsx.WorkbookWriter;
  export default WorkbookWriter;
}
