import { asc, desc, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { SortDir } from "../utils/table-state.ts";

// Shared by the models behind data tables: a page's rows and its total in one statement.

/** The size of the whole filtered set beside each row of the page (a window function). */
export function totalOverAll() {
  return sql<number>`count(*) over ()`.mapWith(Number);
}

/** ORDER BY the chosen column, then the tie-breaker, so pages never overlap. */
export function orderBy(column: AnyColumn | SQL, dir: SortDir, tieBreaker: AnyColumn): SQL[] {
  const by = dir === "asc" ? asc : desc;
  return [by(column), by(tieBreaker)];
}

/**
 * Splits the window total off the rows. A page past the end has no row to carry the total, so
 * only then is it counted by a second statement.
 */
export async function pageWithTotal<Row extends { total: number }>(
  rows: Row[],
  offset: number,
  countAll: () => Promise<number>,
): Promise<{ rows: Omit<Row, "total">[]; total: number }> {
  const first = rows[0];
  const total = first ? first.total : offset > 0 ? await countAll() : 0;
  return { rows: rows.map(({ total: _total, ...row }) => row), total };
}
