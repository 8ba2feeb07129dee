import type { Route } from "./+types/submissions-export";
import { requirePermission } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { listSubmissionBookRows } from "../../models/submission-book.server.ts";
import { submissionBookTable } from "../../models/table-specs.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { tableExportResponse } from "../../utils/table-export.server.ts";
import { parseExportFormat, parseTableState } from "../../utils/table-state.ts";

/** The agency's submissions, as filtered and sorted on the book, as CSV or XLSX. */
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "access:producer");
  const params = new URL(args.request.url).searchParams;
  const format = parseExportFormat(params.get("format"));
  invariantResponse(format, "Choose csv or xlsx", { status: 400 });
  const state = parseTableState(params, submissionBookTable);
  const { db } = appServices(args.context);
  return tableExportResponse({
    format,
    filename: "submissions",
    fetchBatch: (offset, limit) => listSubmissionBookRows(db, user.tenant, state, offset, limit),
    columns: [
      { header: "Reference", value: (s) => s.reference, width: 16 },
      { header: "Insured", value: (s) => s.insuredName, width: 32 },
      { header: "Agency", value: (s) => s.agencyName, width: 28 },
      { header: "Line", value: (s) => s.lineOfBusiness },
      { header: "Effective", value: (s) => s.effectiveDate },
      { header: "Filed (UTC)", value: (s) => s.createdAt, width: 22 },
      { header: "Status", value: (s) => s.status },
    ],
  });
}
