// exceljs's streaming writer, imported by its own path: the lazy chunk then holds the writer
// alone (not the reader and its unzip dependencies), and a bundler that follows the package's
// "browser" field (a build without the streaming classes) is never involved. ADR 011.
declare module "exceljs/lib/stream/xlsx/workbook-writer.js" {
  import type { stream } from "exceljs";
  const WorkbookWriter: typeof stream.xlsx.WorkbookWriter;
  export default WorkbookWriter;
}
