import type { Route } from "./+types/journal-export";
import { requirePermission } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { listJournalRows } from "../../models/journal.server.ts";
import { journalTable } from "../../models/table-specs.ts";
import { accountType, transferCodeName } from "../../services/ledger/chart.ts";
import { JournalFilterSchema } from "../../services/ledger/payment-forms.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { tableExportResponse } from "../../utils/table-export.server.ts";
import { parseExportFormat, parseTableState } from "../../utils/table-state.ts";

const FILTER_FIELDS = ["account", "from", "to", "policy", "invoice"];

/** The journal, as filtered and sorted on its page, as CSV or XLSX. */
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:ledger");
  const search = new URL(args.request.url).searchParams;
  const format = parseExportFormat(search.get("format"));
  invariantResponse(format, "Choose csv or xlsx", { status: 400 });
  const filter = JournalFilterSchema.safeParse(
    Object.fromEntries([...search].filter(([name, value]) => FILTER_FIELDS.includes(name) && value.trim() !== "")),
  );
  invariantResponse(filter.success, "The journal's filters are not valid", { status: 400 });
  const state = parseTableState(search, journalTable);
  const { db } = appServices(args.context);
  const account = (code: number) => accountType(code)?.name ?? String(code);
  return tableExportResponse({
    format,
    filename: "journal",
    fetchBatch: (offset, limit) => listJournalRows(db, user.tenant.orgId, filter.data, state, offset, limit),
    columns: [
      { header: "Posted (UTC)", value: (e) => e.postedAt, width: 22 },
      { header: "Debit", value: (e) => account(e.debitAccount), width: 20 },
      { header: "Credit", value: (e) => account(e.creditAccount), width: 20 },
      { header: "Amount (USD)", value: (e) => e.amountCents / 100, width: 14 },
      { header: "Code", value: (e) => `${e.code} ${transferCodeName(e.code) ?? ""}`.trim(), width: 24 },
      { header: "Leg", value: (e) => e.leg, width: 22 },
      { header: "Description", value: (e) => e.description, width: 40 },
      { header: "Policy", value: (e) => e.policyNumber ?? e.policyId, width: 22 },
      { header: "Invoice", value: (e) => e.invoiceNumber ?? e.invoiceId, width: 18 },
      { header: "Transfer id", value: (e) => e.transferId, width: 40 },
    ],
  });
}
