import { and, count, eq, like, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { insureds, invoices, policies } from "../../db/schema/index.ts";
import { visiblePolicies } from "./scope.server.ts";
import type { TenantContext } from "../auth/session.server.ts";
import { likePattern, pageOffset } from "../utils/table-state.ts";
import { orderBy, pageWithTotal, totalOverAll } from "./paging.server.ts";
import type { InvoiceSort, InvoiceTableState } from "./table-specs.ts";

// Invoices as a data table: an invoice is visible to whoever may see its policy; searched by
// invoice number, policy number or insured.

const columns = {
  id: invoices.id,
  invoiceNumber: invoices.invoiceNumber,
  status: invoices.status,
  dueDate: invoices.dueDate,
  amountCents: invoices.amountCents,
  policyId: policies.id,
  policyNumber: policies.policyNumber,
  insuredName: insureds.name,
};

const SORT_COLUMNS = {
  due: invoices.dueDate,
  invoice: invoices.invoiceNumber,
  policy: policies.policyNumber,
  insured: insureds.name,
  amount: invoices.amountCents,
  status: invoices.status,
} satisfies Record<InvoiceSort, unknown>;

type Filter = Pick<InvoiceTableState, "q" | "filters">;

function where(tenant: TenantContext, { q, filters }: Filter): SQL | undefined {
  const pattern = likePattern(q);
  return and(
    eq(invoices.orgId, tenant.orgId),
    visiblePolicies(tenant),
    q
      ? or(like(invoices.invoiceNumber, pattern), like(policies.policyNumber, pattern), like(insureds.name, pattern))
      : undefined,
    filters.status ? eq(invoices.status, filters.status as (typeof invoices.$inferSelect)["status"]) : undefined,
  );
}

// The same joins under three selections: a window of rows, a page with its total, a count.
function rowsQuery(db: Database) {
  return db
    .select(columns)
    .from(invoices)
    .innerJoin(policies, and(eq(policies.orgId, invoices.orgId), eq(policies.id, invoices.policyId)))
    .innerJoin(insureds, and(eq(insureds.orgId, invoices.orgId), eq(insureds.id, policies.insuredId)));
}

function pageQuery(db: Database) {
  return db
    .select({ ...columns, total: totalOverAll() })
    .from(invoices)
    .innerJoin(policies, and(eq(policies.orgId, invoices.orgId), eq(policies.id, invoices.policyId)))
    .innerJoin(insureds, and(eq(insureds.orgId, invoices.orgId), eq(insureds.id, policies.insuredId)));
}

function countQuery(db: Database) {
  return db
    .select({ n: count() })
    .from(invoices)
    .innerJoin(policies, and(eq(policies.orgId, invoices.orgId), eq(policies.id, invoices.policyId)))
    .innerJoin(insureds, and(eq(insureds.orgId, invoices.orgId), eq(insureds.id, policies.insuredId)));
}

/** A window of the filtered, sorted set (the export reads it batch by batch). */
export function listInvoiceRows(
  db: Database,
  tenant: TenantContext,
  state: InvoiceTableState,
  offset: number,
  limit: number,
) {
  return rowsQuery(db)
    .where(where(tenant, state))
    .orderBy(...orderBy(SORT_COLUMNS[state.sort], state.dir, invoices.id))
    .limit(limit)
    .offset(offset);
}

/** One page and the size of the whole filtered set, in one statement. */
export async function listInvoicePage(db: Database, tenant: TenantContext, state: InvoiceTableState) {
  const offset = pageOffset(state);
  const rows = await pageQuery(db)
    .where(where(tenant, state))
    .orderBy(...orderBy(SORT_COLUMNS[state.sort], state.dir, invoices.id))
    .limit(state.pageSize)
    .offset(offset);
  return pageWithTotal(rows, offset, async () => {
    const [row] = await countQuery(db).where(where(tenant, state));
    return Number(row?.n ?? 0);
  });
}

/** What the visible invoices still owe: every invoice neither paid nor waived, not just a page's. */
export async function outstandingReceivablesCents(db: Database, tenant: TenantContext): Promise<number> {
  const [row] = await db
    .select({ cents: sql<number>`coalesce(sum(${invoices.amountCents}), 0)`.mapWith(Number) })
    .from(invoices)
    .innerJoin(policies, and(eq(policies.orgId, invoices.orgId), eq(policies.id, invoices.policyId)))
    .where(
      and(eq(invoices.orgId, tenant.orgId), visiblePolicies(tenant), notInArray(invoices.status, ["paid", "waived"])),
    );
  return row?.cents ?? 0;
}
