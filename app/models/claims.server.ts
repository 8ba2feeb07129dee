import { and, asc, desc, eq, inArray, lt, isNull, ne, sql, type Column, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Transaction } from "../../db/transaction.ts";
import {
  adjusterProfiles,
  claimAttachments,
  claimClaimants,
  claimReserveChanges,
  claims,
  claimTasks,
  claimTimeline,
  claimTransactions,
  insureds,
  ledgerEntries,
  ledgerPostings,
  member,
  policies,
  programs,
  user,
  type ClaimStatus,
  type ClaimTimelineKind,
  type ReserveChangeStatus,
} from "../../db/schema/index.ts";
import { visibleClaims, visiblePolicies } from "./scope.server.ts";
import type { TenantContext } from "../auth/tenant.ts";

type Executor = Database | Transaction;

/** The rows of one claim in one of its record tables: every statement names the org as well as the claim. */
export function ofClaim(table: { orgId: Column; claimId: Column }, orgId: string, claimId: string): SQL {
  return and(eq(table.orgId, orgId), eq(table.claimId, claimId))!;
}

/** One record of the claim: an id of another claim, or of another org, matches nothing. */
export function recordOfClaim(
  table: { orgId: Column; claimId: Column; id: Column },
  orgId: string,
  claimId: string,
  id: string,
): SQL {
  return and(ofClaim(table, orgId, claimId), eq(table.id, id))!;
}

const columns = {
  id: claims.id,
  claimNumber: claims.claimNumber,
  status: claims.status,
  dateOfLoss: claims.dateOfLoss,
  timeOfLoss: claims.timeOfLoss,
  reportedOn: claims.reportedOn,
  lossType: claims.lossType,
  lossCause: claims.lossCause,
  lossState: claims.lossState,
  lossLocation: claims.lossLocation,
  description: claims.description,
  injuries: claims.injuries,
  authorityReport: claims.authorityReport,
  reporterName: claims.reporterName,
  channel: claims.channel,
  coverageFlag: claims.coverageFlag,
  assignedAdjusterId: claims.assignedAdjusterId,
  caseReserveCents: claims.caseReserveCents,
  paidCents: claims.paidCents,
  indemnityReserveCents: claims.indemnityReserveCents,
  expenseReserveCents: claims.expenseReserveCents,
  paidIndemnityCents: claims.paidIndemnityCents,
  paidExpenseCents: claims.paidExpenseCents,
  recoveredCents: claims.recoveredCents,
  denialReason: claims.denialReason,
  closingReason: claims.closingReason,
  closedAt: claims.closedAt,
  createdAt: claims.createdAt,
  policyId: claims.policyId,
  policyNumber: policies.policyNumber,
  programId: policies.programId,
  insuredName: insureds.name,
};

function baseQuery(db: Executor) {
  return db
    .select(columns)
    .from(claims)
    .innerJoin(policies, and(eq(policies.orgId, claims.orgId), eq(policies.id, claims.policyId)))
    .innerJoin(insureds, and(eq(insureds.orgId, claims.orgId), eq(insureds.id, policies.insuredId)));
}

export type ClaimRow = Awaited<ReturnType<typeof getClaim>> & {};

export async function getClaim(db: Executor, tenant: TenantContext, claimId: string) {
  const [row] = await baseQuery(db)
    .where(and(visibleClaims(tenant), eq(claims.id, claimId)))
    .limit(1);
  return row ?? null;
}

/** The claims of one policy the user may see (the policy pages of producers and policyholders). */
export function listClaimsOfPolicy(db: Database, tenant: TenantContext, policyId: string) {
  return baseQuery(db)
    .where(and(visibleClaims(tenant), eq(claims.policyId, policyId)))
    .orderBy(desc(claims.reportedOn), desc(claims.id))
    .limit(100);
}

/** The row a money or status change works on, locked until the transaction ends. */
export async function lockClaim(tx: Transaction, orgId: string, claimId: string) {
  const [row] = await tx
    .select({
      id: claims.id,
      claimNumber: claims.claimNumber,
      status: claims.status,
      policyId: claims.policyId,
      assignedAdjusterId: claims.assignedAdjusterId,
      indemnityReserveCents: claims.indemnityReserveCents,
      expenseReserveCents: claims.expenseReserveCents,
      paidIndemnityCents: claims.paidIndemnityCents,
      paidExpenseCents: claims.paidExpenseCents,
      recoveredCents: claims.recoveredCents,
      caseReserveCents: claims.caseReserveCents,
    })
    .from(claims)
    .where(and(eq(claims.orgId, orgId), eq(claims.id, claimId)))
    .for("update");
  return row ?? null;
}

export type NewClaim = Omit<typeof claims.$inferInsert, "orgId" | "createdAt" | "updatedAt">;

export async function insertClaim(tx: Transaction, orgId: string, row: NewClaim) {
  await tx.insert(claims).values({ ...row, orgId });
}

export type ClaimMoneyColumns = {
  indemnityReserveCents: number;
  expenseReserveCents: number;
  paidIndemnityCents: number;
  paidExpenseCents: number;
  recoveredCents: number;
};

/** Writes a claim's figures with the sums derived from them, so the two never disagree. */
export async function updateClaimMoney(tx: Transaction, orgId: string, claimId: string, f: ClaimMoneyColumns) {
  await tx
    .update(claims)
    .set({
      ...f,
      caseReserveCents: f.indemnityReserveCents + f.expenseReserveCents,
      paidCents: f.paidIndemnityCents + f.paidExpenseCents,
    })
    .where(and(eq(claims.orgId, orgId), eq(claims.id, claimId)));
}

export async function updateClaimStatus(
  tx: Transaction,
  orgId: string,
  claimId: string,
  status: ClaimStatus,
  extra: { denialReason?: string; closingReason?: string; closedAt?: Date } = {},
) {
  await tx
    .update(claims)
    .set({ status, ...extra })
    .where(and(eq(claims.orgId, orgId), eq(claims.id, claimId)));
}

export async function setClaimAdjuster(tx: Transaction, orgId: string, claimId: string, adjusterId: string | null) {
  await tx
    .update(claims)
    .set({ assignedAdjusterId: adjusterId })
    .where(and(eq(claims.orgId, orgId), eq(claims.id, claimId)));
}

/** The policy a loss is reported on, as far as the reporter may see it. */
export async function findPolicyForClaim(db: Executor, tenant: TenantContext, policyId: string) {
  const [row] = await db
    .select({
      id: policies.id,
      policyNumber: policies.policyNumber,
      state: policies.state,
      status: policies.status,
      effectiveDate: policies.effectiveDate,
      expirationDate: policies.expirationDate,
      agencyId: policies.agencyId,
      insuredName: insureds.name,
    })
    .from(policies)
    .innerJoin(insureds, and(eq(insureds.orgId, policies.orgId), eq(insureds.id, policies.insuredId)))
    .where(and(visiblePolicies(tenant), eq(policies.id, policyId)))
    .limit(1);
  return row ?? null;
}

const OPEN_STATUSES = sql`(${claims.status} <> 'closed')`;

/** Every adjuster with a profile and how many open claims each is carrying, for assignment. */
export async function listAdjusterLoads(tx: Executor, orgId: string) {
  const rows = await tx
    .select({
      userId: adjusterProfiles.userId,
      name: user.name,
      licensedStates: adjusterProfiles.licensedStates,
      reserveAuthorityCents: adjusterProfiles.reserveAuthorityCents,
      paymentAuthorityCents: adjusterProfiles.paymentAuthorityCents,
      openClaims:
        sql<number>`(select count(*) from ${claims} where ${claims.orgId} = ${orgId} and ${claims.assignedAdjusterId} = ${adjusterProfiles.userId} and ${OPEN_STATUSES})`.mapWith(
          Number,
        ),
    })
    .from(adjusterProfiles)
    .innerJoin(
      member,
      and(eq(member.organizationId, adjusterProfiles.orgId), eq(member.userId, adjusterProfiles.userId)),
    )
    .innerJoin(user, eq(user.id, adjusterProfiles.userId))
    .where(eq(adjusterProfiles.orgId, orgId))
    .orderBy(asc(user.name));
  return rows;
}

export async function findAdjusterProfile(db: Executor, orgId: string, userId: string) {
  const [row] = await db
    .select()
    .from(adjusterProfiles)
    .where(and(eq(adjusterProfiles.orgId, orgId), eq(adjusterProfiles.userId, userId)))
    .limit(1);
  return row ?? null;
}

export async function upsertAdjusterProfile(
  db: Executor,
  orgId: string,
  profile: { userId: string; licensedStates: string[]; reserveAuthorityCents: number; paymentAuthorityCents: number },
) {
  await db
    .insert(adjusterProfiles)
    .values({ ...profile, orgId })
    .onDuplicateKeyUpdate({
      set: {
        licensedStates: profile.licensedStates,
        reserveAuthorityCents: profile.reserveAuthorityCents,
        paymentAuthorityCents: profile.paymentAuthorityCents,
      },
    });
}

/** Members of the org holding the adjuster role (candidates for a profile). */
export async function listClaimsStaff(db: Executor, orgId: string) {
  return db
    .select({ userId: member.userId, name: user.name, email: user.email, role: member.role })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.organizationId, orgId), sql`${member.role} like '%claims_%'`))
    .orderBy(asc(user.name));
}

export async function insertClaimant(
  tx: Transaction,
  orgId: string,
  row: { id: string; claimId: string; role: string; phi: string; keyVersion: number },
) {
  await tx.insert(claimClaimants).values({ ...row, orgId });
}

export function listClaimants(db: Executor, orgId: string, claimId: string) {
  return db
    .select({
      id: claimClaimants.id,
      role: claimClaimants.role,
      phi: claimClaimants.phi,
      keyVersion: claimClaimants.keyVersion,
    })
    .from(claimClaimants)
    .where(ofClaim(claimClaimants, orgId, claimId))
    .orderBy(asc(claimClaimants.createdAt), asc(claimClaimants.id));
}

export async function insertReserveChange(
  tx: Transaction,
  orgId: string,
  row: Omit<typeof claimReserveChanges.$inferInsert, "orgId">,
) {
  await tx.insert(claimReserveChanges).values({ ...row, orgId });
}

export function listReserveChanges(db: Executor, orgId: string, claimId: string) {
  return db
    .select()
    .from(claimReserveChanges)
    .where(ofClaim(claimReserveChanges, orgId, claimId))
    .orderBy(desc(claimReserveChanges.createdAt), desc(claimReserveChanges.id));
}

/** The supervisor's approval queue: reserve changes above their requester's authority. */
export function listReserveChangesAwaitingApproval(db: Executor, orgId: string) {
  return db
    .select({
      id: claimReserveChanges.id,
      claimId: claimReserveChanges.claimId,
      claimNumber: claims.claimNumber,
      reserveType: claimReserveChanges.reserveType,
      previousCents: claimReserveChanges.previousCents,
      newCents: claimReserveChanges.newCents,
      rationale: claimReserveChanges.rationale,
      requestedBy: user.name,
      createdAt: claimReserveChanges.createdAt,
    })
    .from(claimReserveChanges)
    .innerJoin(claims, and(eq(claims.orgId, claimReserveChanges.orgId), eq(claims.id, claimReserveChanges.claimId)))
    .innerJoin(user, eq(user.id, claimReserveChanges.requestedByUserId))
    .where(and(eq(claimReserveChanges.orgId, orgId), eq(claimReserveChanges.status, "awaiting_approval")))
    .orderBy(asc(claimReserveChanges.createdAt));
}

export async function lockReserveChange(tx: Transaction, orgId: string, changeId: string) {
  const [row] = await tx
    .select()
    .from(claimReserveChanges)
    .where(and(eq(claimReserveChanges.orgId, orgId), eq(claimReserveChanges.id, changeId)))
    .for("update");
  return row ?? null;
}

export async function decideReserveChangeRow(
  tx: Transaction,
  orgId: string,
  changeId: string,
  status: Exclude<ReserveChangeStatus, "awaiting_approval">,
  decidedByUserId: string,
) {
  await tx
    .update(claimReserveChanges)
    .set({ status, decidedByUserId, decidedAt: new Date() })
    .where(and(eq(claimReserveChanges.orgId, orgId), eq(claimReserveChanges.id, changeId)));
}

export async function insertClaimTransaction(
  tx: Transaction,
  orgId: string,
  row: Omit<typeof claimTransactions.$inferInsert, "orgId">,
) {
  await tx.insert(claimTransactions).values({ ...row, orgId });
}

export function listClaimTransactions(db: Executor, orgId: string, claimId: string) {
  return db
    .select()
    .from(claimTransactions)
    .where(ofClaim(claimTransactions, orgId, claimId))
    .orderBy(desc(claimTransactions.createdAt), desc(claimTransactions.id));
}

export async function insertTimelineEntry(
  tx: Executor,
  orgId: string,
  row: {
    id: string;
    claimId: string;
    kind: ClaimTimelineKind;
    summary: string;
    body?: string | null;
    actorUserId: string | null;
  },
) {
  await tx.insert(claimTimeline).values({ ...row, orgId });
}

export function listTimeline(db: Executor, orgId: string, claimId: string) {
  return db
    .select({
      id: claimTimeline.id,
      kind: claimTimeline.kind,
      summary: claimTimeline.summary,
      body: claimTimeline.body,
      actorName: user.name,
      createdAt: claimTimeline.createdAt,
    })
    .from(claimTimeline)
    .leftJoin(user, eq(user.id, claimTimeline.actorUserId))
    .where(ofClaim(claimTimeline, orgId, claimId))
    .orderBy(desc(claimTimeline.createdAt), desc(claimTimeline.id));
}

export async function insertTask(
  tx: Executor,
  orgId: string,
  row: { id: string; claimId: string; assigneeUserId: string; title: string; dueOn: string },
) {
  await tx.insert(claimTasks).values({ ...row, orgId });
}

export function listTasksOfClaim(db: Executor, orgId: string, claimId: string) {
  return db
    .select()
    .from(claimTasks)
    .where(ofClaim(claimTasks, orgId, claimId))
    .orderBy(asc(claimTasks.dueOn), asc(claimTasks.id));
}

/** An adjuster's diary entries past their due date and not done. */
export function listOverdueTasks(db: Executor, orgId: string, assigneeUserId: string, today: string) {
  return db
    .select({
      id: claimTasks.id,
      claimId: claimTasks.claimId,
      claimNumber: claims.claimNumber,
      title: claimTasks.title,
      dueOn: claimTasks.dueOn,
    })
    .from(claimTasks)
    .innerJoin(claims, and(eq(claims.orgId, claimTasks.orgId), eq(claims.id, claimTasks.claimId)))
    .where(
      and(
        eq(claimTasks.orgId, orgId),
        eq(claimTasks.assigneeUserId, assigneeUserId),
        isNull(claimTasks.doneAt),
        lt(claimTasks.dueOn, today),
      ),
    )
    .orderBy(asc(claimTasks.dueOn))
    .limit(100);
}

export async function completeTask(db: Executor, orgId: string, claimId: string, taskId: string) {
  const result = await db
    .update(claimTasks)
    .set({ doneAt: new Date() })
    .where(and(ofClaim(claimTasks, orgId, claimId), eq(claimTasks.id, taskId), isNull(claimTasks.doneAt)));
  return Number(result.rowsAffected) > 0;
}

/** The supervisor dashboard's figures: open claims by status, per adjuster, and their age. */
export async function claimsDashboardFigures(db: Database, orgId: string) {
  const byStatus = await db
    .select({
      status: claims.status,
      count: sql<number>`count(*)`.mapWith(Number),
      reserveCents: sql<number>`coalesce(sum(${claims.caseReserveCents}), 0)`.mapWith(Number),
      paidCents: sql<number>`coalesce(sum(${claims.paidCents}), 0)`.mapWith(Number),
    })
    .from(claims)
    .where(eq(claims.orgId, orgId))
    .groupBy(claims.status);
  const byAdjuster = await db
    .select({
      adjusterId: claims.assignedAdjusterId,
      name: user.name,
      count: sql<number>`count(*)`.mapWith(Number),
    })
    .from(claims)
    .leftJoin(user, eq(user.id, claims.assignedAdjusterId))
    .where(and(eq(claims.orgId, orgId), ne(claims.status, "closed")))
    .groupBy(claims.assignedAdjusterId, user.name);
  const openReportedOn = await db
    .select({ reportedOn: claims.reportedOn, count: sql<number>`count(*)`.mapWith(Number) })
    .from(claims)
    .where(and(eq(claims.orgId, orgId), ne(claims.status, "closed")))
    .groupBy(claims.reportedOn);
  const byProgram = await db
    .select({
      programId: policies.programId,
      programName: programs.name,
      incurredCents: sql<number>`coalesce(sum(${claims.caseReserveCents} + ${claims.paidCents}), 0)`.mapWith(Number),
    })
    .from(claims)
    .innerJoin(policies, and(eq(policies.orgId, claims.orgId), eq(policies.id, claims.policyId)))
    .leftJoin(programs, and(eq(programs.orgId, policies.orgId), eq(programs.id, policies.programId)))
    .where(eq(claims.orgId, orgId))
    .groupBy(policies.programId, programs.name);
  return { byStatus, byAdjuster, openReportedOn, byProgram };
}

/** Policies of the given programs with what earned premium needs (the loss ratio's denominator). */
export function listPoliciesForEarnedPremium(db: Database, orgId: string, programIds: string[]) {
  if (programIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      programId: policies.programId,
      grossPremiumCents: policies.grossPremiumCents,
      effectiveDate: policies.effectiveDate,
      expirationDate: policies.expirationDate,
      status: policies.status,
    })
    .from(policies)
    .where(and(eq(policies.orgId, orgId), inArray(policies.programId, programIds)));
}

/** Every claim's figures, for reconciliation against its postings. */
export function listClaimFigures(db: Executor, orgId: string) {
  return db
    .select({
      id: claims.id,
      claimNumber: claims.claimNumber,
      caseReserveCents: claims.caseReserveCents,
      paidCents: claims.paidCents,
      recoveredCents: claims.recoveredCents,
    })
    .from(claims)
    .where(eq(claims.orgId, orgId));
}

/**
 * Per claim, what its postings (all but rejected ones) put on RESERVES and CLAIMS_PAID, each as
 * debits less credits, and what CLAIM_RECOVERY credited back.
 */
export function sumClaimPostingsByClaim(
  db: Executor,
  orgId: string,
  accounts: { reserves: number; claimsPaid: number; recoveryCode: number },
) {
  const net = (code: number) =>
    sql<number>`coalesce(sum(case when ${ledgerEntries.debitAccount} = ${code} then ${ledgerEntries.amountCents} when ${ledgerEntries.creditAccount} = ${code} then -${ledgerEntries.amountCents} else 0 end), 0)`.mapWith(
      Number,
    );
  return db
    .select({
      claimId: ledgerPostings.claimId,
      reserveCents: net(accounts.reserves),
      paidNetCents: net(accounts.claimsPaid),
      recoveredCents:
        sql<number>`coalesce(sum(case when ${ledgerEntries.transferCode} = ${accounts.recoveryCode} then ${ledgerEntries.amountCents} else 0 end), 0)`.mapWith(
          Number,
        ),
    })
    .from(ledgerPostings)
    .innerJoin(
      ledgerEntries,
      and(eq(ledgerEntries.orgId, ledgerPostings.orgId), eq(ledgerEntries.postingId, ledgerPostings.id)),
    )
    .where(
      and(
        eq(ledgerPostings.orgId, orgId),
        eq(ledgerPostings.kind, "claim_transaction"),
        ne(ledgerPostings.status, "rejected"),
      ),
    )
    .groupBy(ledgerPostings.claimId);
}

export async function insertClaimAttachments(
  tx: Transaction,
  orgId: string,
  rows: Omit<typeof claimAttachments.$inferInsert, "orgId">[],
) {
  if (rows.length) await tx.insert(claimAttachments).values(rows.map((r) => ({ ...r, orgId })));
}

export function listClaimAttachments(db: Executor, orgId: string, claimId: string) {
  return db
    .select()
    .from(claimAttachments)
    .where(ofClaim(claimAttachments, orgId, claimId))
    .orderBy(asc(claimAttachments.createdAt), asc(claimAttachments.id));
}

export async function findClaimAttachment(db: Executor, orgId: string, claimId: string, attachmentId: string) {
  const [row] = await db
    .select()
    .from(claimAttachments)
    .where(recordOfClaim(claimAttachments, orgId, claimId, attachmentId))
    .limit(1);
  return row ?? null;
}
