// The claims list export's columns, shared by the export route and the PHI surface test. No
// claimant column: a claims export carries no PHI for any role.
import type { CellValue } from "../../utils/csv.ts";

type ClaimExportRow = {
  claimNumber: string;
  policyNumber: string;
  insuredName: string;
  lossType: string;
  dateOfLoss: string;
  reportedOn: string;
  caseReserveCents: number;
  paidCents: number;
  recoveredCents: number;
  status: string;
  coverageFlag: string | null;
};

export const CLAIM_EXPORT_COLUMNS: { header: string; value: (c: ClaimExportRow) => CellValue; width?: number }[] = [
  { header: "Claim", value: (c) => c.claimNumber, width: 18 },
  { header: "Policy", value: (c) => c.policyNumber, width: 22 },
  { header: "Insured", value: (c) => c.insuredName, width: 32 },
  { header: "Loss type", value: (c) => c.lossType, width: 30 },
  { header: "Date of loss", value: (c) => c.dateOfLoss },
  { header: "Reported", value: (c) => c.reportedOn },
  { header: "Case reserve (USD)", value: (c) => c.caseReserveCents / 100, width: 18 },
  { header: "Paid (USD)", value: (c) => c.paidCents / 100, width: 14 },
  { header: "Incurred (USD)", value: (c) => (c.caseReserveCents + c.paidCents) / 100, width: 14 },
  { header: "Recovered (USD)", value: (c) => c.recoveredCents / 100, width: 14 },
  { header: "Status", value: (c) => c.status },
  { header: "Coverage", value: (c) => (c.coverageFlag ? "no coverage on date of loss" : "") },
];
