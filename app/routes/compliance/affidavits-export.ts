import type { Route } from "./+types/affidavits-export";
import { requirePermission } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { listDiligentSearchDeclinations } from "../../models/filings.server.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { tableExportResponse } from "../../utils/table-export.server.ts";
import { parseExportFormat } from "../../utils/table-state.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The diligent-search affidavits' content for a state and period: each declination behind each placement. */
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "manage:licence");
  const search = new URL(args.request.url).searchParams;
  const format = parseExportFormat(search.get("format"));
  invariantResponse(format, "Choose csv or xlsx", { status: 400 });
  const from = search.get("from") ?? "";
  const to = search.get("to") ?? "";
  invariantResponse(DATE.test(from) && DATE.test(to), "Give the period as from=YYYY-MM-DD&to=YYYY-MM-DD", {
    status: 400,
  });
  const state = search.get("state")?.toUpperCase() || undefined;
  const { db } = appServices(args.context);
  return tableExportResponse({
    format,
    filename: `diligent-search-${state ?? "all"}-${from}-${to}`,
    fetchBatch: (offset, limit) => listDiligentSearchDeclinations(db, user.tenant, { state, from, to }, offset, limit),
    columns: [
      { header: "Policy", value: (r) => r.policyNumber, width: 22 },
      { header: "State", value: (r) => r.state },
      { header: "Effective", value: (r) => r.effectiveDate },
      { header: "Insured", value: (r) => r.insuredName, width: 30 },
      { header: "Admitted carrier declining", value: (r) => r.carrierName, width: 30 },
      { header: "Declined on", value: (r) => r.declinedOn },
      { header: "Reason", value: (r) => r.reason, width: 40 },
    ],
  });
}
