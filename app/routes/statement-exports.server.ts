import type { Database } from "../../db/client.ts";
import {
  listAgencyStatementRows,
  listCarrierStatementRows,
  listCommissionStatementRows,
  type StatementScope,
} from "../models/statement-lists.server.ts";
import { agencyStatementTable, carrierStatementTable, commissionStatementTable } from "../models/table-specs.ts";
import { invariantResponse } from "../utils/invariant.ts";
import { tableExportResponse } from "../utils/table-export.server.ts";
import { parseExportFormat, parseTableState } from "../utils/table-state.ts";

// The statement lists as CSV or XLSX, filtered and sorted as on their page (ADR 030): finance's
// for a month (or every month) and an agency's own in the producer area share these columns.

const usd = (cents: number) => cents / 100;

function formatOf(params: URLSearchParams) {
  const format = parseExportFormat(params.get("format"));
  invariantResponse(format, "Choose csv or xlsx", { status: 400 });
  return format;
}

export function commissionStatementExport(db: Database, scope: StatementScope, params: URLSearchParams) {
  const state = parseTableState(params, commissionStatementTable);
  return tableExportResponse({
    format: formatOf(params),
    filename: "commission-statements",
    fetchBatch: (offset, limit) => listCommissionStatementRows(db, scope, state, { offset, limit }),
    columns: [
      { header: "Month", value: (r) => r.period, width: 10 },
      { header: "Agency", value: (r) => r.agencyName, width: 30 },
      { header: "Transactions", value: (r) => r.transactionCount, width: 12 },
      { header: "Premium (USD)", value: (r) => usd(r.premiumCents), width: 16 },
      { header: "Commission (USD)", value: (r) => usd(r.commissionCents), width: 16 },
      { header: "Status", value: (r) => r.status, width: 10 },
    ],
  });
}

export function agencyStatementExport(db: Database, scope: StatementScope, params: URLSearchParams) {
  const state = parseTableState(params, agencyStatementTable);
  return tableExportResponse({
    format: formatOf(params),
    filename: "agency-bill-statements",
    fetchBatch: (offset, limit) => listAgencyStatementRows(db, scope, state, { offset, limit }),
    columns: [
      { header: "Month", value: (r) => r.period, width: 10 },
      { header: "Agency", value: (r) => r.agencyName, width: 30 },
      { header: "Invoices", value: (r) => r.invoiceCount, width: 10 },
      { header: "Gross (USD)", value: (r) => usd(r.grossCents), width: 16 },
      { header: "Commission kept (USD)", value: (r) => usd(r.commissionCents), width: 16 },
      { header: "Net due (USD)", value: (r) => usd(r.netCents), width: 16 },
      { header: "Status", value: (r) => r.status, width: 10 },
      { header: "Reference", value: (r) => r.reference, width: 16 },
    ],
  });
}

export function carrierStatementExport(db: Database, scope: StatementScope, params: URLSearchParams) {
  const state = parseTableState(params, carrierStatementTable);
  return tableExportResponse({
    format: formatOf(params),
    filename: "carrier-statements",
    fetchBatch: (offset, limit) => listCarrierStatementRows(db, scope, state, { offset, limit }),
    columns: [
      { header: "Month", value: (r) => r.period, width: 10 },
      { header: "Carrier", value: (r) => r.carrierName, width: 30 },
      { header: "Transactions", value: (r) => r.transactionCount, width: 12 },
      { header: "Gross (USD)", value: (r) => usd(r.grossCents), width: 16 },
      { header: "Commission (USD)", value: (r) => usd(r.commissionCents), width: 16 },
      { header: "Fees (USD)", value: (r) => usd(r.feesCents), width: 14 },
      { header: "Taxes (USD)", value: (r) => usd(r.taxesCents), width: 14 },
      { header: "Net (USD)", value: (r) => usd(r.netCents), width: 16 },
      { header: "Settled", value: (r) => (r.settlementPostingId ? "yes" : "no"), width: 8 },
    ],
  });
}
