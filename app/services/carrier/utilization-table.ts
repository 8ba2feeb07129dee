import type { UtilizationSort, UtilizationTableState } from "../../models/table-specs.ts";
import { pageRows } from "../../utils/table-rows.ts";
import { daAgreementQuarter } from "../policies/da-agreement.ts";
import { type AgreementMonths, agreementUtilization } from "./da-utilization.ts";

// Delegated-authority utilization as a data table: each agreement's figures are computed from
// its premium by month, so the table runs over those rows in memory on the server.

type Agreement = AgreementMonths & { id: string; reference: string; programName: string; status: string };

/** Each agreement with its current quarter and its annual and quarterly use on `today`. */
export function utilizationOf<Row extends Agreement>(agreements: readonly Row[], today: string) {
  return agreements.map((a) => {
    const quarter = daAgreementQuarter(a.effectiveDate, today);
    return { ...a, quarter, ...agreementUtilization(a, quarter) };
  });
}

type UtilizationRow = ReturnType<typeof utilizationOf<Agreement>>[number];

export function utilizationRows<Row extends UtilizationRow>(rows: readonly Row[], state: UtilizationTableState) {
  return pageRows(rows, state, {
    sortValue: {
      agreement: (r) => r.reference,
      program: (r) => r.programName,
      annual: (r) => r.annualBasisPoints,
      // An agreement without a quarterly limit sorts as unused.
      quarter: (r) => r.quarterBasisPoints ?? -1,
      expires: (r) => r.expirationDate,
    } satisfies Record<UtilizationSort, (r: Row) => string | number>,
    filterValue: { status: (r) => r.status },
    searchText: (r) => `${r.reference} ${r.programName}`,
  });
}
