import { expect, test } from "vitest";
import { utilizationTable } from "../../models/table-specs.ts";
import { parseTableState } from "../../utils/table-state.ts";
import { utilizationOf, utilizationRows } from "./utilization-table.ts";

const agreement = (
  reference: string,
  status: string,
  boundGwpCents: number,
  quarterlyGwpLimitCents: number | null,
  months: { month: string; premiumCents: number }[],
) => ({
  id: `daa_${reference}`,
  reference,
  programName: `${reference} program`,
  status,
  effectiveDate: "2026-01-01",
  expirationDate: `2027-0${reference.length}-01`,
  annualGwpLimitCents: 1_000_000,
  quarterlyGwpLimitCents,
  boundGwpCents,
  months,
});
// On 2026-11-15 the agreements' quarter is Q4 (October to December).
const rows = utilizationOf(
  [
    agreement("B", "active", 950_000, 300_000, [{ month: "2026-10", premiumCents: 150_000 }]),
    agreement("AA", "active", 100_000, null, [{ month: "2026-10", premiumCents: 100_000 }]),
    agreement("CCC", "expired", 500_000, 200_000, [{ month: "2026-11", premiumCents: 200_000 }]),
  ],
  "2026-11-15",
);
const refs = (query: string) =>
  utilizationRows(rows, parseTableState(new URLSearchParams(query), utilizationTable)).rows.map((r) => r.reference);

test("utilization per agreement, worked: 950,000 of 1,000,000 is 95.0%; 150,000 of a 300,000 quarter is 50.0%", () => {
  const b = rows.find((r) => r.reference === "B")!;
  expect(b.annualBasisPoints).toBe(9_500);
  expect(b.quarterCents).toBe(150_000);
  expect(b.quarterBasisPoints).toBe(5_000);
  expect(rows.find((r) => r.reference === "CCC")!.quarterBasisPoints).toBe(10_000);
});

test("sorted by any column, filtered by status, searched by reference or program, paged", () => {
  expect(refs("")).toEqual(["AA", "B", "CCC"]);
  expect(refs("u.sort=annual&u.dir=desc")).toEqual(["B", "CCC", "AA"]);
  // No quarterly limit sorts as unused.
  expect(refs("u.sort=quarter&u.dir=asc")).toEqual(["AA", "B", "CCC"]);
  expect(refs("u.sort=expires&u.dir=desc")).toEqual(["CCC", "AA", "B"]);
  expect(refs("u.status=active")).toEqual(["AA", "B"]);
  expect(refs("u.q=ccc program")).toEqual(["CCC"]);
  expect(utilizationRows(rows, parseTableState(new URLSearchParams("u.size=10&u.page=2"), utilizationTable))).toEqual({
    rows: [],
    total: 3,
  });
});
