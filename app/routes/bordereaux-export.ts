import type { Route } from "./+types/bordereaux-export";
import { requirePermission } from "../auth/session.server.ts";
import { appServices } from "../context.server.ts";
import { listBordereauRows } from "../models/bordereaux.server.ts";
import { bordereauTable } from "../models/table-specs.ts";
import { invariantResponse } from "../utils/invariant.ts";
import { tableExportResponse } from "../utils/table-export.server.ts";
import { parseExportFormat, parseTableState } from "../utils/table-state.ts";

/** The list of bordereau versions as filtered and sorted (the MGA's, or the carrier's inbox), as CSV or XLSX. */
export async function loader(args: Route.LoaderArgs) {
  const carrierSide = new URL(args.request.url).pathname.startsWith("/carrier/");
  const user = await requirePermission(args, carrierSide ? "review:bordereau" : "manage:bordereau");
  const params = new URL(args.request.url).searchParams;
  const format = parseExportFormat(params.get("format"));
  invariantResponse(format, "Choose csv or xlsx", { status: 400 });
  const state = parseTableState(params, bordereauTable);
  const { db } = appServices(args.context);
  return tableExportResponse({
    format,
    filename: "bordereaux",
    fetchBatch: (offset, limit) => listBordereauRows(db, user.tenant, state, offset, limit),
    columns: [
      { header: "Carrier", value: (b) => b.carrierName, width: 28 },
      { header: "Agreement", value: (b) => b.agreementReference, width: 20 },
      { header: "Program", value: (b) => b.programName, width: 24 },
      { header: "Kind", value: (b) => b.kind },
      { header: "Month", value: (b) => b.periodStart.slice(0, 7) },
      { header: "Version", value: (b) => b.version },
      { header: "Status", value: (b) => b.status },
      { header: "Lines", value: (b) => b.lineCount },
      { header: "Checks failing", value: (b) => b.checks.filter((c) => !c.passed).length },
      { header: "Generated", value: (b) => b.generatedAt },
      { header: "Submitted", value: (b) => b.submittedAt },
      { header: "Accepted", value: (b) => b.acceptedAt },
    ],
  });
}
