import type { Route } from "./+types/breach-attempts-export";
import { requirePermission } from "../auth/session.server.ts";
import { appServices } from "../context.server.ts";
import { listBreachAttemptRows } from "../models/da-monitoring.server.ts";
import { breachAttemptTable } from "../models/table-specs.ts";
import { invariantResponse } from "../utils/invariant.ts";
import { tableExportResponse } from "../utils/table-export.server.ts";
import { parseExportFormat, parseTableState } from "../utils/table-state.ts";

/** Breach attempts as filtered and sorted on the delegated-authority page, as CSV or XLSX. */
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:da-agreement");
  const params = new URL(args.request.url).searchParams;
  const format = parseExportFormat(params.get("format"));
  invariantResponse(format, "Choose csv or xlsx", { status: 400 });
  const state = parseTableState(params, breachAttemptTable);
  const { db } = appServices(args.context);
  return tableExportResponse({
    format,
    filename: "da-breach-attempts",
    fetchBatch: (offset, limit) => listBreachAttemptRows(db, user.tenant, state, offset, limit),
    columns: [
      { header: "When", value: (b) => b.createdAt },
      { header: "Attempted on", value: (b) => b.attemptedOn },
      { header: "Agreement", value: (b) => b.agreementReference, width: 20 },
      { header: "Submission", value: (b) => b.submissionReference, width: 16 },
      { header: "Gross premium (USD)", value: (b) => b.grossPremiumCents / 100, width: 20 },
      { header: "Outcome", value: (b) => b.outcome },
      { header: "Checks failed", value: (b) => b.checks.map((c) => c.check).join("; "), width: 30 },
      { header: "Why", value: (b) => b.checks.map((c) => c.detail).join("; "), width: 60 },
    ],
  });
}
