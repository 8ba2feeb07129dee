import { describe, expect, test } from "vitest";
import {
  likePattern,
  pageSummary,
  parseExportFormat,
  parseTableState,
  sortHref,
  tableHref,
  type TableSpec,
} from "./table-state.ts";

const spec: TableSpec<"due" | "insured" | "amount", "status"> = {
  sortable: ["due", "insured", "amount"],
  defaultSort: "due",
  defaultDir: "desc",
  filters: { status: ["open", "paid"] },
  searchable: true,
};

const parse = (query: string, s = spec) => parseTableState(new URLSearchParams(query), s);

describe("parseTableState", () => {
  test("no parameters: the defaults", () => {
    expect(parse("")).toEqual({ sort: "due", dir: "desc", page: 1, pageSize: 25, q: "", filters: {} });
  });

  test("reads every parameter", () => {
    expect(parse("sort=insured&dir=desc&page=3&size=50&q=%20roof%20&status=paid")).toEqual({
      sort: "insured",
      dir: "desc",
      page: 3,
      pageSize: 50,
      q: "roof",
      filters: { status: "paid" },
    });
  });

  test("an unknown sort column falls back to the default sort and its direction", () => {
    expect(parse("sort=password")).toMatchObject({ sort: "due", dir: "desc" });
    expect(parse("sort=insured")).toMatchObject({ sort: "insured", dir: "asc" });
    expect(parse("sort=insured&dir=sideways")).toMatchObject({ dir: "asc" });
  });

  test("a page below 1, not a number or too large is brought into bounds", () => {
    expect(parse("page=0").page).toBe(1);
    expect(parse("page=-4").page).toBe(1);
    expect(parse("page=2.5").page).toBe(1);
    expect(parse("page=abc").page).toBe(1);
    expect(parse("page=999999999").page).toBe(100_000);
  });

  test("a page size outside the offered sizes takes the default", () => {
    expect(parse("size=1000").pageSize).toBe(25);
    expect(parse("size=10").pageSize).toBe(10);
  });

  test("unknown filter values are ignored; search is cut to 100 characters", () => {
    expect(parse("status=deleted").filters).toEqual({});
    expect(parse(`q=${"x".repeat(300)}`).q).toHaveLength(100);
    expect(parse("q=roof", { ...spec, searchable: false }).q).toBe("");
  });

  test("a prefix keeps two tables apart", () => {
    const other = { ...spec, prefix: "p." };
    expect(parse("page=4&p.page=2&p.sort=amount", other)).toMatchObject({ page: 2, sort: "amount" });
  });
});

describe("links", () => {
  const current = new URLSearchParams("q=roof&page=3&other=1&export=csv");
  test("tableHref keeps other parameters, drops page 1 and export", () => {
    expect(tableHref(current, spec, { page: 1 })).toBe("?q=roof&other=1");
    expect(tableHref(current, spec, { q: null, page: 2 })).toBe("?page=2&other=1");
  });

  test("sortHref flips the current column and starts another ascending, on page 1", () => {
    const state = parse("sort=insured&dir=asc");
    expect(sortHref(current, spec, state, "insured")).toBe("?q=roof&other=1&sort=insured&dir=desc");
    expect(sortHref(current, spec, state, "amount")).toBe("?q=roof&other=1&sort=amount&dir=asc");
  });
});

test("pageSummary counts from 1 and says 0 when a page is empty", () => {
  expect(pageSummary({ page: 1, pageSize: 25 }, 60, 25)).toEqual({ first: 1, last: 25, total: 60, pages: 3, page: 1 });
  expect(pageSummary({ page: 3, pageSize: 25 }, 60, 10)).toEqual({ first: 51, last: 60, total: 60, pages: 3, page: 3 });
  expect(pageSummary({ page: 9, pageSize: 25 }, 60, 0)).toEqual({ first: 0, last: 0, total: 60, pages: 3, page: 9 });
  expect(pageSummary({ page: 1, pageSize: 25 }, 0, 0)).toMatchObject({ pages: 1, first: 0 });
});

test("parseExportFormat knows csv and xlsx only", () => {
  expect(parseExportFormat("csv")).toBe("csv");
  expect(parseExportFormat("xlsx")).toBe("xlsx");
  expect(parseExportFormat("pdf")).toBeNull();
  expect(parseExportFormat(null)).toBeNull();
});

test("likePattern matches its text literally", () => {
  expect(likePattern("50%_off\\")).toBe("%50\\%\\_off\\\\%");
});
