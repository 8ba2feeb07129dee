import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Transaction } from "../../db/transaction.ts";
import { installments, invoices, outboxEvents, policies, sequences } from "../../db/schema/index.ts";
import { noteOutboxWrite } from "../utils/outbox-writes.ts";
import { andInOrgScope, type OrgScope } from "./org-scope.server.ts";

// The daily billing job's set-based statements (ADR 018). Every statement works on one chunk of
// one organization's rows, bounded by id, so memory and lock time stay flat however large the
// book; every one only touches rows still in the state it moves them from, so runs repeat safely.

type Db = Database | Transaction;

type IdRange = { first: string; last: string; count: number };

function rows<T>(result: { rows: unknown }): T[] {
  return result.rows as T[];
}

/** Organizations with installments falling within the invoicing horizon still pending. */
export async function listOrgsWithInstallmentsToInvoice(db: Db, horizon: string, orgs?: OrgScope): Promise<string[]> {
  const onlyOrg = andInOrgScope(installments.orgId, orgs);
  const result = await db.execute(sql`/* unscoped: the daily job looks at every organization's installments */
    SELECT DISTINCT ${installments.orgId} AS org_id FROM ${installments}
    WHERE ${installments.status} = 'pending' AND ${installments.dueDate} <= ${horizon} ${onlyOrg}`);
  return rows<{ org_id: string }>(result).map((r) => r.org_id);
}

/** The next chunk of an org's installments to invoice, after `after`, as an id range. */
export async function nextInstallmentChunk(
  db: Db,
  orgId: string,
  horizon: string,
  after: string,
  size: number,
): Promise<IdRange | null> {
  const result = await db.execute(sql`
    SELECT MIN(id) AS first, MAX(id) AS last, COUNT(*) AS n FROM (
      SELECT ${installments.id} AS id FROM ${installments}
      INNER JOIN ${policies} ON ${policies.orgId} = ${installments.orgId} AND ${policies.id} = ${installments.policyId}
      WHERE ${installments.orgId} = ${orgId} AND ${installments.status} = 'pending'
        AND ${installments.dueDate} <= ${horizon} AND ${installments.id} > ${after}
        AND ${policies.status} NOT IN ('cancelled', 'non_renewed')
      ORDER BY ${installments.id} LIMIT ${size}) chunk`);
  const [row] = rows<{ first: string | null; last: string | null; n: string | number }>(result);
  if (!row?.first || !row.last) return null;
  return { first: row.first, last: row.last, count: Number(row.n) };
}

/** Claims `count` numbers of the org's invoice sequence for the year; returns the first. */
async function claimInvoiceNumbers(tx: Transaction, orgId: string, year: string, count: number) {
  const name = `invoice:${year}`;
  const result = await tx.execute(sql`
    INSERT INTO ${sequences} (${sql.identifier(sequences.orgId.name)}, ${sql.identifier(sequences.name.name)}, ${sql.identifier(sequences.lastValue.name)})
    VALUES (${orgId}, ${name}, LAST_INSERT_ID(${count}))
    ON DUPLICATE KEY UPDATE ${sql.identifier(sequences.lastValue.name)} = LAST_INSERT_ID(${sequences.lastValue} + ${count})`);
  return Number(result.insertId) - count + 1;
}

// An installment's invoice id follows from the installment's: re-running a chunk names the same invoices.
const invoiceIdOf = (column: unknown) => sql`CONCAT('inv_', SUBSTRING(${column}, LOCATE('_', ${column}) + 1))`;

const chunkCondition = (orgId: string, horizon: string, range: IdRange) => sql`
  ${installments.orgId} = ${orgId} AND ${installments.status} = 'pending' AND ${installments.dueDate} <= ${horizon}
  AND ${installments.id} BETWEEN ${range.first} AND ${range.last}
  AND ${policies.status} NOT IN ('cancelled', 'non_renewed')`;

/**
 * Invoices one chunk of installments: locks those still pending (a run overlapping this one
 * waits, then finds them invoiced), claims their invoice numbers, writes the invoices (numbered
 * in installment id order) and their `invoice.generated` events, then marks the installments
 * invoiced. Returns how many invoices were written.
 */
export async function invoiceInstallmentChunk(
  tx: Transaction,
  orgId: string,
  horizon: string,
  range: IdRange,
  year: string,
): Promise<number> {
  const locked = await tx.execute(sql`
    SELECT ${installments.id} FROM ${installments}
    INNER JOIN ${policies} ON ${policies.orgId} = ${installments.orgId} AND ${policies.id} = ${installments.policyId}
    WHERE ${chunkCondition(orgId, horizon, range)}
    FOR UPDATE`);
  const count = rows(locked).length;
  if (count === 0) return 0;
  const firstNumber = await claimInvoiceNumbers(tx, orgId, year, count);
  const inserted = await tx.execute(sql`
    INSERT INTO ${invoices} (id, org_id, invoice_number, policy_id, due_date, amount_cents, status, created_at)
    SELECT ${invoiceIdOf(installments.id)}, ${installments.orgId},
      CONCAT('INV-', ${year}, '-', LPAD(${firstNumber - 1} + ROW_NUMBER() OVER (ORDER BY ${installments.id}), 5, '0')),
      ${installments.policyId}, ${installments.dueDate}, ${installments.amountCents}, 'invoiced', UTC_TIMESTAMP(3)
    FROM ${installments}
    INNER JOIN ${policies} ON ${policies.orgId} = ${installments.orgId} AND ${policies.id} = ${installments.policyId}
    WHERE ${chunkCondition(orgId, horizon, range)}`);
  await tx.execute(sql`
    INSERT INTO ${outboxEvents} (id, org_id, type, payload, created_at)
    SELECT CONCAT('evt_', SUBSTRING(${installments.id}, LOCATE('_', ${installments.id}) + 1), '_g'), ${installments.orgId}, 'invoice.generated',
      JSON_OBJECT('invoiceId', ${invoiceIdOf(installments.id)}, 'invoiceNumber', ${invoices.invoiceNumber},
        'policyId', ${installments.policyId}, 'policyNumber', ${policies.policyNumber}, 'insuredId', ${policies.insuredId},
        'installment', ${installments.number}, 'dueDate', ${installments.dueDate}, 'amountCents', ${installments.amountCents}),
      UTC_TIMESTAMP(3)
    FROM ${installments}
    INNER JOIN ${policies} ON ${policies.orgId} = ${installments.orgId} AND ${policies.id} = ${installments.policyId}
    INNER JOIN ${invoices} ON ${invoices.orgId} = ${installments.orgId} AND ${invoices.id} = ${invoiceIdOf(installments.id)}
    WHERE ${chunkCondition(orgId, horizon, range)}`);
  await tx.execute(sql`
    UPDATE ${installments}
    INNER JOIN ${policies} ON ${policies.orgId} = ${installments.orgId} AND ${policies.id} = ${installments.policyId}
    SET ${installments.status} = 'invoiced', ${installments.invoiceId} = ${invoiceIdOf(installments.id)}
    WHERE ${chunkCondition(orgId, horizon, range)}`);
  noteOutboxWrite();
  return Number(inserted.rowsAffected);
}

/** The next chunk of open invoices past due (any organization), after `after`. */
export async function nextOverdueChunk(
  db: Db,
  today: string,
  after: string,
  size: number,
  orgs?: OrgScope,
): Promise<IdRange | null> {
  const onlyOrg = andInOrgScope(invoices.orgId, orgs);
  const result = await db.execute(sql`/* unscoped: the daily job looks at every organization's invoices */
    SELECT MIN(id) AS first, MAX(id) AS last, COUNT(*) AS n FROM (
      SELECT ${invoices.id} AS id FROM ${invoices}
      WHERE ${invoices.status} = 'invoiced' AND ${invoices.dueDate} < ${today} AND ${invoices.id} > ${after} ${onlyOrg}
      ORDER BY ${invoices.id} LIMIT ${size}) chunk`);
  const [row] = rows<{ first: string | null; last: string | null; n: string | number }>(result);
  if (!row?.first || !row.last) return null;
  return { first: row.first, last: row.last, count: Number(row.n) };
}

/**
 * Turns one chunk of open invoices past due overdue, with their installments, raising
 * `invoice.overdue` for each (the reminder). Returns how many invoices turned overdue.
 */
export async function markOverdueChunk(
  tx: Transaction,
  today: string,
  range: IdRange,
  orgs?: OrgScope,
): Promise<number> {
  const pastDue = sql`${invoices.status} = 'invoiced' AND ${invoices.dueDate} < ${today}
    AND ${invoices.id} BETWEEN ${range.first} AND ${range.last} ${andInOrgScope(invoices.orgId, orgs)}`;
  const locked =
    await tx.execute(sql`/* unscoped: the daily job moves every organization's invoices; each row keeps its org */
    SELECT ${invoices.orgId} AS org_id, ${invoices.id} AS id FROM ${invoices} WHERE ${pastDue} FOR UPDATE`);
  await tx.execute(sql`/* unscoped: as above */
    INSERT INTO ${outboxEvents} (id, org_id, type, payload, created_at)
    SELECT CONCAT('evt_', SUBSTRING(${invoices.id}, LOCATE('_', ${invoices.id}) + 1), '_o'), ${invoices.orgId}, 'invoice.overdue',
      JSON_OBJECT('invoiceId', ${invoices.id}, 'invoiceNumber', ${invoices.invoiceNumber}, 'policyId', ${invoices.policyId},
        'policyNumber', ${policies.policyNumber}, 'insuredId', ${policies.insuredId},
        'dueDate', ${invoices.dueDate}, 'amountCents', ${invoices.amountCents}),
      UTC_TIMESTAMP(3)
    FROM ${invoices}
    INNER JOIN ${policies} ON ${policies.orgId} = ${invoices.orgId} AND ${policies.id} = ${invoices.policyId}
    WHERE ${pastDue}`);
  // The installments by the chunk's own ids (at most one chunk in memory), per org on the
  // (org, invoice) index: a join, or a status condition, lets MariaDB scan every open installment
  // of the org per invoice. An open invoice's installment is open too: they are paid together.
  const byOrg = Map.groupBy(rows<{ org_id: string; id: string }>(locked), (r) => r.org_id);
  for (const [org, ids] of byOrg) {
    await tx.execute(sql`
      UPDATE ${installments} SET ${installments.status} = 'overdue'
      WHERE ${installments.orgId} = ${org} AND ${installments.invoiceId} IN (${sql.join(
        ids.map((r) => sql`${r.id}`),
        sql`, `,
      )})`);
  }
  const updated = await tx.execute(sql`/* unscoped: as above */
    UPDATE ${invoices} SET ${invoices.status} = 'overdue' WHERE ${pastDue}`);
  noteOutboxWrite();
  return Number(updated.rowsAffected);
}
