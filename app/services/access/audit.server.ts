import type { Database } from "../../../db/client.ts";
import { transactionWithRetry, type Transaction } from "../../../db/transaction.ts";
import type { CurrentUser, TenantContext } from "../../auth/tenant.ts";
import { findPlatformUser } from "../../models/members.server.ts";
import {
  advanceAuditChainHead,
  chainAuditRows,
  insertAuditRow,
  listChainedAuditRows,
  listOrgsWithUnchainedAudit,
  listUnchainedAuditRows,
  lockAuditChainHead,
  type AuditEntry,
  type AuditRow,
} from "../../models/audit-log.server.ts";
import { createId } from "../../utils/ids.ts";
import { clientAddress } from "../../utils/http.server.ts";
import { chainHash, GENESIS_HASH, verifyChain } from "./hash-chain.ts";

type Writer = Database | Transaction;

const inTransaction = (writer: Writer): writer is Transaction => "rollback" in writer;

/**
 * Appends one audit row. Inside a business transaction the row commits or rolls back with the
 * action it records, and is linked into the chain after commit (the Worker seals the chains a
 * request touched; the cron sweeps the rest), so the chain head's lock is never held for the
 * length of a bind. Outside one, the row is chained at once.
 *
 * Under impersonation the row names both people: the actor is the impersonated user (whose rights
 * were used) and `detail.impersonatedBy` the operator who acted.
 */
export async function recordAudit(writer: Writer, entry: AuditEntry): Promise<void> {
  const { impersonatedBy, detail, ...row } = entry;
  const withImpersonator = impersonatedBy ? { ...detail, impersonatedBy } : detail;
  await insertAuditRow(writer, { id: createId("aud"), ...row, detail: withImpersonator, createdAt: new Date() });
  if (!inTransaction(writer)) await sealAuditChain(writer, entry.orgId);
}

/**
 * Audits an action taken by the signed-in user: the actor, the operator behind them when
 * impersonating, and the client address come from the session and the request.
 */
export async function auditAdminAction(
  db: Writer,
  user: CurrentUser & { tenant: TenantContext },
  request: Request,
  entry: Pick<AuditEntry, "action" | "targetType" | "targetId" | "detail">,
) {
  const impersonatedBy = user.impersonatedBy
    ? { userId: user.impersonatedBy, email: (await findPlatformUser(db, user.impersonatedBy))?.email ?? null }
    : null;
  await recordAudit(db, {
    orgId: user.tenant.orgId,
    actorUserId: user.id,
    actorEmail: user.email,
    impersonatedBy,
    ipAddress: clientAddress(request),
    ...entry,
  });
}

/** Audits a business action of a tenant (a workflow has the tenant, not the request). */
export async function auditBusinessAction(
  writer: Writer,
  tenant: TenantContext & { email?: string | null | undefined },
  entry: Pick<AuditEntry, "action" | "targetType" | "targetId" | "detail">,
) {
  await recordAudit(writer, {
    orgId: tenant.orgId,
    actorUserId: tenant.userId,
    actorEmail: tenant.email ?? null,
    ...entry,
  });
}

/** What a row's hash covers: everything but the chain's own columns. */
function chainedContent(row: AuditRow) {
  return {
    id: row.id,
    orgId: row.orgId,
    chainSequence: row.chainSequence,
    actorUserId: row.actorUserId,
    actorEmail: row.actorEmail,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    detail: row.detail,
    ipAddress: row.ipAddress,
    createdAt: row.createdAt,
  };
}

const SEAL_BATCH = 200;

/**
 * Links the organization's unchained rows into its chain, oldest first, under the lock of the
 * chain head: concurrent seals queue on that row, so each row gets exactly one predecessor.
 * Returns how many rows were chained.
 */
export async function sealAuditChain(db: Database, orgId: string): Promise<number> {
  let sealed = 0;
  for (;;) {
    const count = await transactionWithRetry(db, async (tx) => {
      const head = await lockAuditChainHead(tx, orgId, GENESIS_HASH);
      const rows = await listUnchainedAuditRows(tx, orgId, SEAL_BATCH);
      let sequence = head.lastSequence;
      let previousHash = head.lastHash;
      const links: { id: string; chainSequence: number; previousHash: string; hash: string }[] = [];
      for (const row of rows) {
        sequence += 1;
        const hash = await chainHash(previousHash, chainedContent({ ...row, chainSequence: sequence }));
        links.push({ id: row.id, chainSequence: sequence, previousHash, hash });
        previousHash = hash;
      }
      await chainAuditRows(tx, orgId, links);
      if (links.length) await advanceAuditChainHead(tx, orgId, sequence, previousHash);
      return links.length;
    });
    sealed += count;
    if (count < SEAL_BATCH) return sealed;
  }
}

/** The cron's sweep: rows a request's after-response seal missed. */
export async function sealAllAuditChains(db: Database): Promise<number> {
  let sealed = 0;
  for (const orgId of await listOrgsWithUnchainedAudit(db)) sealed += await sealAuditChain(db, orgId);
  return sealed;
}

export type AuditChainReport =
  | { intact: true; rows: number }
  | {
      intact: false;
      rows: number;
      brokenRow: { id: string; chainSequence: number | null; action: string };
      reason: string;
    };

const VERIFY_PAGE = 1000;

/** Recomputes the organization's chain page by page and names the first row that no longer holds. */
export async function verifyAuditChain(db: Database, orgId: string): Promise<AuditChainReport> {
  let previousHash = GENESIS_HASH;
  let after = 0;
  let checked = 0;
  for (;;) {
    const page = await listChainedAuditRows(db, orgId, after, VERIFY_PAGE);
    const verdict = await verifyChain(
      page.map((row) => ({ content: chainedContent(row), previousHash: row.previousHash ?? "", hash: row.hash ?? "" })),
      previousHash,
    );
    // A gap in the sequence is a deleted row: the next row's link cannot reveal it if the deleter
    // also rewrote the links, but the sequence can.
    const gapAt = page.findIndex((row, i) => row.chainSequence !== after + i + 1);
    const broken = [
      ...(gapAt >= 0 ? [{ at: gapAt, reason: `the row numbered ${after + gapAt + 1} before it is missing` }] : []),
      ...(verdict.intact ? [] : [{ at: verdict.brokenAt, reason: verdict.reason }]),
    ].sort((a, b) => a.at - b.at)[0];
    if (broken) {
      const row = page[broken.at]!;
      return {
        intact: false,
        rows: checked + broken.at,
        brokenRow: { id: row.id, chainSequence: row.chainSequence, action: row.action },
        reason: broken.reason,
      };
    }
    checked += page.length;
    if (page.length < VERIFY_PAGE) return { intact: true, rows: checked };
    const last = page.at(-1)!;
    after = last.chainSequence!;
    previousHash = last.hash!;
  }
}
