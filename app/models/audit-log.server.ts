import {
  and,
  asc,
  count,
  eq,
  getTableColumns,
  gte,
  isNotNull,
  isNull,
  like,
  lt,
  or,
  sql,
  type AnyColumn,
  type SQL,
} from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Transaction } from "../../db/transaction.ts";
import { auditChainHeads, auditLog } from "../../db/schema/index.ts";
import type { TenantContext } from "../auth/tenant.ts";
import type { ConfigurationAuditAction } from "./configuration-audit-actions.ts";
import { noteAuditWrite } from "../utils/audit-writes.ts";
import { likePattern, pageOffset, parseTableState } from "../utils/table-state.ts";
import { orderBy, pageWithTotal, totalOverAll } from "./paging.server.ts";
import { auditLogTable, type AuditLogSort, type AuditLogState } from "./table-specs.ts";

type Executor = Database | Transaction;

export type AuditAction =
  | "sign_in"
  | "impersonation_started"
  | "impersonation_stopped"
  | "role_changed"
  | "member_invited"
  | "api_key_issued"
  | "api_key_revoked"
  | "webhook_endpoint_created"
  | "webhook_endpoint_enabled"
  | "webhook_endpoint_disabled"
  | "webhook_delivery_replayed"
  | "dead_letter_replayed"
  // The business record (issue 15): submission to bind, payments, carrier reporting, compliance.
  | "submission_filed"
  | "quote_issued"
  | "referral_raised"
  | "referral_decided"
  | "policy_bound"
  | "bind_refused"
  | "payment_recorded"
  | "bordereau_generated"
  | "bordereau_submitted"
  | "bordereau_queried"
  | "bordereau_answered"
  | "bordereau_accepted"
  | "licence_recorded"
  | "filing_recorded"
  | ConfigurationAuditAction;

export type AuditEntry = {
  orgId: string;
  actorUserId: string | null;
  actorEmail: string | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  /** Before/after of a change where it is useful (`{ before, after }`), or the facts of the action. */
  detail?: Record<string, unknown>;
  ipAddress?: string | null;
  /** The platform operator acting as the actor, when the action was taken while impersonating. */
  impersonatedBy?: { userId: string; email: string | null } | null;
};

export type AuditRow = typeof auditLog.$inferSelect;

/** Appends an unchained row; `sealAuditChain` links it into the organization's chain after commit. */
export async function insertAuditRow(db: Executor, row: typeof auditLog.$inferInsert) {
  await db.insert(auditLog).values(row);
  noteAuditWrite(row.orgId);
}

/**
 * Locks the organization's chain head, creating it at the genesis on first use. Every seal takes
 * this lock first, so two seals never link two rows to the same predecessor.
 */
export async function lockAuditChainHead(tx: Transaction, orgId: string, genesisHash: string) {
  const read = () =>
    tx
      .select({ lastSequence: auditChainHeads.lastSequence, lastHash: auditChainHeads.lastHash })
      .from(auditChainHeads)
      .where(eq(auditChainHeads.orgId, orgId))
      .for("update");
  const [head] = await read();
  if (head) return head;
  await tx
    .insert(auditChainHeads)
    .values({ orgId, lastSequence: 0, lastHash: genesisHash })
    .onDuplicateKeyUpdate({ set: { orgId: sql`org_id` } });
  const [created] = await read();
  return created!;
}

/** Rows appended but not yet chained, oldest first. */
export async function listUnchainedAuditRows(tx: Transaction, orgId: string, limit: number) {
  return tx
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orgId, orgId), isNull(auditLog.chainSequence)))
    .orderBy(asc(auditLog.createdAt), asc(auditLog.id))
    .limit(limit);
}

export async function chainAuditRows(
  tx: Transaction,
  orgId: string,
  rows: { id: string; chainSequence: number; previousHash: string; hash: string }[],
) {
  // One statement per row would cost a round trip each: a CASE per column sets them together.
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.id);
  const caseOf = (value: (r: (typeof rows)[number]) => string | number) =>
    sql.join([sql`CASE id`, ...rows.map((r) => sql`WHEN ${r.id} THEN ${value(r)}`), sql`END`], sql` `);
  await tx
    .update(auditLog)
    .set({
      chainSequence: sql`${caseOf((r) => r.chainSequence)}`,
      previousHash: sql`${caseOf((r) => r.previousHash)}`,
      hash: sql`${caseOf((r) => r.hash)}`,
    })
    .where(and(eq(auditLog.orgId, orgId), isNull(auditLog.chainSequence), sql`${auditLog.id} IN ${ids}`));
}

export async function advanceAuditChainHead(tx: Transaction, orgId: string, lastSequence: number, lastHash: string) {
  await tx.update(auditChainHeads).set({ lastSequence, lastHash }).where(eq(auditChainHeads.orgId, orgId));
}

/** Organizations with rows waiting to be chained, for the cron's sweep. */
export async function listOrgsWithUnchainedAudit(db: Database): Promise<string[]> {
  const result = await db.execute(sql`/* unscoped: the sweep seals every organization's audit chain */
    SELECT DISTINCT ${auditLog.orgId} AS org_id FROM ${auditLog} WHERE ${auditLog.chainSequence} IS NULL`);
  return (result.rows as { org_id: string }[]).map((r) => r.org_id);
}

/** Chained rows in chain order from `afterSequence`, for verification in pages of `limit`. */
export async function listChainedAuditRows(db: Executor, orgId: string, afterSequence: number, limit: number) {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.orgId, orgId),
        isNotNull(auditLog.chainSequence),
        sql`${auditLog.chainSequence} > ${afterSequence}`,
      ),
    )
    .orderBy(asc(auditLog.chainSequence))
    .limit(limit);
}

export type AuditFilter = {
  actor?: string | undefined;
  entity?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
};

function filterConditions(tenant: TenantContext, filter: AuditFilter): SQL[] {
  const conditions: SQL[] = [eq(auditLog.orgId, tenant.orgId)];
  if (filter.actor)
    conditions.push(
      sql`(${like(auditLog.actorEmail, likePattern(filter.actor))} OR ${auditLog.actorUserId} = ${filter.actor})`,
    );
  if (filter.entity) {
    const entity = filter.entity.trim();
    conditions.push(sql`(${auditLog.targetType} = ${entity} OR ${auditLog.targetId} = ${entity})`);
  }
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.from) conditions.push(gte(auditLog.createdAt, filter.from));
  if (filter.to) conditions.push(lt(auditLog.createdAt, filter.to));
  return conditions;
}

/** The newest rows first, for tests and checks that read the log without a table's state. */
export async function listAuditLog(
  db: Database,
  tenant: TenantContext,
  { limit = 100, offset = 0, filter = {} }: { limit?: number; offset?: number; filter?: AuditFilter } = {},
) {
  return listAuditLogRows(db, tenant, parseTableState(new URLSearchParams(), auditLogTable), filter, offset, limit);
}

const AUDIT_SORT_COLUMNS = {
  when: auditLog.createdAt,
  action: auditLog.action,
  actor: auditLog.actorEmail,
} satisfies Record<AuditLogSort, AnyColumn>;

/** The page's filter fields and the table's search box: an actor's email, an action, an entity's type or id. */
function auditWhere(tenant: TenantContext, state: Pick<AuditLogState, "q">, filter: AuditFilter) {
  const conditions = filterConditions(tenant, filter);
  if (state.q) {
    const pattern = likePattern(state.q);
    conditions.push(
      or(
        like(auditLog.actorEmail, pattern),
        like(auditLog.action, likePattern(state.q.replaceAll(" ", "_"))),
        like(auditLog.targetType, pattern),
        like(auditLog.targetId, pattern),
      )!,
    );
  }
  return and(...conditions);
}

/** A window of the filtered log in the table's order: the export reads it batch by batch. */
export function listAuditLogRows(
  db: Database,
  tenant: TenantContext,
  state: AuditLogState,
  filter: AuditFilter,
  offset: number,
  limit: number,
) {
  return db
    .select()
    .from(auditLog)
    .where(auditWhere(tenant, state, filter))
    .orderBy(...orderBy(AUDIT_SORT_COLUMNS[state.sort], state.dir, auditLog.id))
    .limit(limit)
    .offset(offset);
}

/** One page of the filtered log and the size of the whole filtered set, in one statement. */
export async function listAuditLogPage(db: Database, tenant: TenantContext, state: AuditLogState, filter: AuditFilter) {
  const offset = pageOffset(state);
  const rows = await db
    .select({ ...getTableColumns(auditLog), total: totalOverAll() })
    .from(auditLog)
    .where(auditWhere(tenant, state, filter))
    .orderBy(...orderBy(AUDIT_SORT_COLUMNS[state.sort], state.dir, auditLog.id))
    .limit(state.pageSize)
    .offset(offset);
  return pageWithTotal(rows, offset, async () => {
    const [row] = await db
      .select({ n: count() })
      .from(auditLog)
      .where(auditWhere(tenant, state, filter));
    return Number(row?.n ?? 0);
  });
}
