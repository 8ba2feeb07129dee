/**
 * Claims handling workflows: first notice of loss, assignment, status, reserves (with
 * supervisor approval above authority), payments and recoveries posted to the ledger through
 * the posting outbox, notes and the diary. Each change is one transaction that also writes the
 * claim's timeline and its domain event; ledger postings are submitted after commit (ADR 006).
 */
import type { Database } from "../../../db/client.ts";
import type { ClaimChannel, ClaimStatus, ReserveType } from "../../../db/schema/index.ts";
import { NO_COVERAGE_ON_DATE_OF_LOSS } from "../../../db/schema/claims.ts";
import { transactionWithRetry, type Transaction } from "../../../db/transaction.ts";
import type { TenantContext } from "../../auth/tenant.ts";
import {
  decideReserveChangeRow,
  findAdjusterProfile,
  findPolicyForClaim,
  getClaim,
  insertClaim,
  insertClaimant,
  insertClaimAttachments,
  insertClaimTransaction,
  insertReserveChange,
  insertTask,
  listAdjusterLoads,
  lockClaim,
  lockReserveChange,
  setClaimAdjuster,
  updateClaimMoney,
  updateClaimStatus,
  completeTask as completeTaskRow,
} from "../../models/claims.server.ts";
import { findSubrogation } from "../../models/claim-parties.server.ts";
import { nextSequenceValue } from "../../models/sequences.server.ts";
import { createId } from "../../utils/ids.ts";
import { todayInUtc } from "../../utils/today.ts";
import { recordDomainEvent } from "../events/domain-events.server.ts";
import type { LedgerClient } from "../ledger/client.server.ts";
import { submitPosting, writePosting, type SubmitOutcome } from "../ledger/postings.server.ts";
import { pickAdjuster } from "./assignment.ts";
import { claimForChange, money, notFound, refusals, refuse, timeline, type Refusal } from "./claim-change.server.ts";
import { claimPaymentLegs, claimRecoveryLegs, reserveChangeLegs } from "./claim-postings.ts";
import { checkClaimTransition, CLAIM_STATUS_LABELS, claimIsOpen } from "./claim-status.ts";
import { decidePayment, decideRecovery, decideReserveChange, type ClaimFigures } from "./claim-money.ts";
import { claimNumber, coveredOnDateOfLoss } from "./coverage.ts";
import type { MasterKey } from "./phi-crypto.ts";
import type { AttachmentRow } from "./attachments.server.ts";
import { appendPhiAccess, sealClaimantPhi } from "./phi-store.server.ts";
import { normalizePhi, phiFieldsPresent, type ClaimantPhi } from "./phi.ts";

/** Who acts, and from where (the PHI access log records both). */
export type ClaimActor = { tenant: TenantContext; surface: string; ipAddress: string | null; apiKeyId?: string | null };

const isSupervisor = (tenant: TenantContext) => tenant.roles.includes("claims_supervisor");

/** A claimant as reported: their role and any of the registered PHI fields. */
export type ClaimantInput = { role: string } & Partial<ClaimantPhi>;

export type FirstNoticeOfLoss = {
  policyId: string;
  dateOfLoss: string;
  timeOfLoss?: string | null;
  lossType: string;
  lossCause?: string | null;
  lossState?: string | null;
  lossLocation?: string | null;
  description: string;
  injuries: boolean;
  authorityReport?: string | null;
  reporterName: string;
  claimants: ClaimantInput[];
};

export type FiledClaim = {
  ok: true;
  claimId: string;
  claimNumber: string;
  noCoverageOnDateOfLoss: boolean;
  assignedAdjusterId: string | null;
};

/**
 * Files a claim. A date of loss outside every term in force is recorded and flagged, never
 * refused; the claim goes to the least loaded adjuster licensed in the loss state (or waits for
 * a supervisor when none is). Claimant PHI is sealed before the transaction and its write
 * logged inside it.
 */
export async function fileClaim(
  db: Database,
  master: MasterKey,
  actor: ClaimActor,
  channel: ClaimChannel,
  input: FirstNoticeOfLoss,
  attachments: readonly AttachmentRow[] = [],
): Promise<FiledClaim | Refusal> {
  const { tenant } = actor;
  return refusals(async () => {
    const claimId = createId("clm");
    const reportedOn = todayInUtc();
    if (input.dateOfLoss > reportedOn) throw refuse("The date of loss cannot be after today.");
    const claimants = await Promise.all(
      input.claimants.map(async (c) => {
        const id = createId("cmt");
        const phi = normalizePhi(c);
        return {
          id,
          role: c.role,
          fields: phiFieldsPresent(phi),
          ...(await sealClaimantPhi(db, master, tenant.orgId, id, phi)),
        };
      }),
    );
    return transactionWithRetry(db, async (tx) => {
      const policy = await findPolicyForClaim(tx, tenant, input.policyId);
      if (!policy) throw notFound("Policy");
      const covered = coveredOnDateOfLoss([policy], input.dateOfLoss);
      const lossState = (input.lossState || policy.state).toUpperCase();
      const number = claimNumber(
        reportedOn,
        await nextSequenceValue(tx, tenant.orgId, `claim:${reportedOn.slice(0, 4)}`),
      );
      const adjusterId = pickAdjuster(await listAdjusterLoads(tx, tenant.orgId), lossState);
      await insertClaim(tx, tenant.orgId, {
        id: claimId,
        claimNumber: number,
        policyId: policy.id,
        status: "open",
        dateOfLoss: input.dateOfLoss,
        timeOfLoss: input.timeOfLoss || null,
        reportedOn,
        lossType: input.lossType,
        lossCause: input.lossCause || null,
        lossState,
        lossLocation: input.lossLocation || null,
        description: input.description,
        injuries: input.injuries,
        authorityReport: input.authorityReport || null,
        reporterName: input.reporterName,
        reportedByUserId: tenant.userId,
        channel,
        coverageFlag: covered ? null : NO_COVERAGE_ON_DATE_OF_LOSS,
        assignedAdjusterId: adjusterId,
      });
      for (const c of claimants) {
        await insertClaimant(tx, tenant.orgId, {
          id: c.id,
          claimId,
          role: c.role,
          phi: c.phi,
          keyVersion: c.keyVersion,
        });
      }
      await insertClaimAttachments(
        tx,
        tenant.orgId,
        attachments.map((a) => ({ ...a, claimId, uploadedByUserId: actor.apiKeyId ? null : tenant.userId })),
      );
      await appendPhiAccess(
        tx,
        tenant.orgId,
        claimants
          .filter((c) => c.fields.length > 0)
          .map((c) => ({
            actorUserId: actor.apiKeyId ? null : tenant.userId,
            actorApiKeyId: actor.apiKeyId ?? null,
            action: "write" as const,
            claimId,
            fields: c.fields,
            surface: actor.surface,
            ipAddress: actor.ipAddress,
          })),
      );
      await timeline(
        tx,
        tenant,
        claimId,
        "filed",
        `Reported by ${input.reporterName} via ${channel}${attachments.length ? ` with ${attachments.length} attachment${attachments.length > 1 ? "s" : ""}` : ""}${covered ? "" : "; no coverage on date of loss"}`,
      );
      await recordDomainEvent(tx, tenant.orgId, "claim.filed", {
        claimId,
        claimNumber: number,
        policyId: policy.id,
        policyNumber: policy.policyNumber,
        dateOfLoss: input.dateOfLoss,
        lossType: input.lossType,
        channel,
        noCoverageOnDateOfLoss: !covered,
        reportedByUserId: tenant.userId,
      });
      if (adjusterId) {
        await timeline(
          tx,
          tenant,
          claimId,
          "assigned",
          `Assigned to the least loaded adjuster licensed in ${lossState}`,
        );
        await recordDomainEvent(tx, tenant.orgId, "claim.assigned", {
          claimId,
          claimNumber: number,
          adjusterUserId: adjusterId,
          assignedByUserId: null,
        });
      }
      return {
        ok: true as const,
        claimId,
        claimNumber: number,
        noCoverageOnDateOfLoss: !covered,
        assignedAdjusterId: adjusterId,
      };
    });
  });
}

/** A supervisor (re)assigns a claim to an adjuster with a profile licensed in the loss state. */
export async function assignClaim(
  db: Database,
  actor: ClaimActor,
  claimId: string,
  adjusterUserId: string,
): Promise<{ ok: true } | Refusal> {
  const { tenant } = actor;
  return refusals(() =>
    transactionWithRetry(db, async (tx) => {
      const claim = await getClaim(tx, tenant, claimId);
      if (!claim) throw notFound();
      if (!isSupervisor(tenant)) throw refuse("Only a claims supervisor assigns claims.");
      const profile = await findAdjusterProfile(tx, tenant.orgId, adjusterUserId);
      if (!profile) throw refuse("That adjuster has no profile yet: set their states and authority first.");
      if (claim.lossState && !profile.licensedStates.includes(claim.lossState))
        throw refuse(`That adjuster is not licensed in ${claim.lossState}.`);
      if (claim.assignedAdjusterId === adjusterUserId) throw refuse("The claim is already assigned to that adjuster.");
      await lockClaim(tx, tenant.orgId, claimId);
      await setClaimAdjuster(tx, tenant.orgId, claimId, adjusterUserId);
      await timeline(
        tx,
        tenant,
        claimId,
        "assigned",
        claim.assignedAdjusterId ? "Reassigned by a supervisor" : "Assigned by a supervisor",
      );
      await recordDomainEvent(tx, tenant.orgId, "claim.assigned", {
        claimId,
        claimNumber: claim.claimNumber,
        adjusterUserId,
        assignedByUserId: tenant.userId,
      });
      return { ok: true as const };
    }),
  );
}

/** Moves a claim along its state machine (guarded); denial and closing carry their reason. */
export async function moveClaim(
  db: Database,
  actor: ClaimActor,
  claimId: string,
  to: ClaimStatus,
  reason: string | null,
): Promise<{ ok: true; status: ClaimStatus } | Refusal> {
  const { tenant } = actor;
  return refusals(() =>
    transactionWithRetry(db, async (tx) => {
      const claim = await claimForChange(tx, tenant, claimId);
      const check = checkClaimTransition(claim, to, reason);
      if (!check.ok) throw refuse(check.message);
      const trimmed = reason?.trim() || null;
      await updateClaimStatus(tx, tenant.orgId, claimId, to, {
        ...(to === "denied" ? { denialReason: trimmed! } : {}),
        ...(to === "closed" ? { closingReason: trimmed!, closedAt: new Date() } : {}),
      });
      await timeline(
        tx,
        tenant,
        claimId,
        "status",
        `${CLAIM_STATUS_LABELS[claim.status]} → ${CLAIM_STATUS_LABELS[to]}${trimmed ? `: ${trimmed}` : ""}`,
      );
      if (to === "settled" || to === "closed") {
        await recordDomainEvent(tx, tenant.orgId, to === "settled" ? "claim.settled" : "claim.closed", {
          claimId,
          claimNumber: claim.claimNumber,
          adjusterUserId: claim.assignedAdjusterId,
          actorUserId: tenant.userId,
          ...(to === "closed" ? { closingReason: trimmed } : {}),
        });
      }
      return { ok: true as const, status: to };
    }),
  );
}

async function reserveAuthorityOf(tx: Transaction, tenant: TenantContext): Promise<number | null> {
  if (isSupervisor(tenant)) return null;
  return (await findAdjusterProfile(tx, tenant.orgId, tenant.userId))?.reserveAuthorityCents ?? 0;
}

async function paymentAuthorityOf(tx: Transaction, tenant: TenantContext): Promise<number | null> {
  if (isSupervisor(tenant)) return null;
  return (await findAdjusterProfile(tx, tenant.orgId, tenant.userId))?.paymentAuthorityCents ?? 0;
}

function figuresOf(claim: ClaimFigures): ClaimFigures {
  return {
    indemnityReserveCents: claim.indemnityReserveCents,
    expenseReserveCents: claim.expenseReserveCents,
    paidIndemnityCents: claim.paidIndemnityCents,
    paidExpenseCents: claim.paidExpenseCents,
    recoveredCents: claim.recoveredCents,
  };
}

async function postReserveChange(
  tx: Transaction,
  tenant: TenantContext,
  claim: { id: string; claimNumber: string },
  changeId: string,
  type: ReserveType,
  deltaCents: number,
  after: ClaimFigures,
) {
  await updateClaimMoney(tx, tenant.orgId, claim.id, after);
  await writePosting(
    tx,
    tenant.orgId,
    {
      id: changeId,
      kind: "claim_transaction",
      description: `${type === "indemnity" ? "Indemnity" : "Expense"} reserve ${deltaCents > 0 ? "raised" : "lowered"} on ${claim.claimNumber}`,
      claimId: claim.id,
    },
    reserveChangeLegs(type, deltaCents),
  );
}

export type ReserveOutcome =
  | { ok: true; changeId: string; status: "posted"; posting: SubmitOutcome }
  | { ok: true; changeId: string; status: "awaiting_approval"; posting: null };

/**
 * Sets the reserve of one type. Within the requester's authority it posts at once; a change
 * that takes the claim's total reserve above it is recorded awaiting a supervisor and changes
 * nothing until approved.
 */
export async function changeReserve(
  db: Database,
  ledger: LedgerClient,
  actor: ClaimActor,
  claimId: string,
  request: { reserveType: ReserveType; newCents: number; rationale: string },
): Promise<ReserveOutcome | Refusal> {
  const { tenant } = actor;
  const result = await refusals(() =>
    transactionWithRetry(db, async (tx) => {
      const claim = await claimForChange(tx, tenant, claimId);
      if (!claimIsOpen(claim.status)) throw refuse("The claim is closed.");
      if (!request.rationale.trim()) throw refuse("A reserve change needs its rationale.");
      const figures = figuresOf(claim);
      const decision = decideReserveChange(
        figures,
        request.reserveType,
        request.newCents,
        await reserveAuthorityOf(tx, tenant),
      );
      if (!decision.ok) throw refuse(decision.message);
      const changeId = createId("crc");
      const status = decision.needsApproval ? ("awaiting_approval" as const) : ("posted" as const);
      const previousCents =
        request.reserveType === "indemnity" ? figures.indemnityReserveCents : figures.expenseReserveCents;
      await insertReserveChange(tx, tenant.orgId, {
        id: changeId,
        claimId,
        reserveType: request.reserveType,
        previousCents,
        newCents: request.newCents,
        rationale: request.rationale.trim(),
        status,
        requestedByUserId: tenant.userId,
        ...(status === "posted" ? { decidedByUserId: tenant.userId, decidedAt: new Date() } : {}),
      });
      if (status === "posted")
        await postReserveChange(tx, tenant, claim, changeId, request.reserveType, decision.deltaCents, decision.after);
      await timeline(
        tx,
        tenant,
        claimId,
        "reserve",
        `${request.reserveType === "indemnity" ? "Indemnity" : "Expense"} reserve ${money(previousCents)} → ${money(request.newCents)}${status === "awaiting_approval" ? " (awaiting supervisor approval: above authority)" : ""}`,
        request.rationale.trim(),
      );
      await recordDomainEvent(tx, tenant.orgId, "claim.reserve_changed", {
        claimId,
        claimNumber: claim.claimNumber,
        changeId,
        reserveType: request.reserveType,
        previousCents,
        newCents: request.newCents,
        status,
        requestedByUserId: tenant.userId,
        adjusterUserId: claim.assignedAdjusterId,
      });
      return { changeId, status };
    }),
  );
  if ("ok" in result) return result;
  if (result.status === "awaiting_approval")
    return { ok: true, changeId: result.changeId, status: result.status, posting: null };
  return {
    ok: true,
    changeId: result.changeId,
    status: "posted",
    posting: await submitPosting(db, ledger, tenant.orgId, result.changeId),
  };
}

/**
 * A supervisor approves or declines a reserve change awaiting approval. Approval applies the
 * change as requested only if the reserve is still what it was requested against (a payment in
 * between makes the request stale: the adjuster asks again).
 */
export async function decideReserveApproval(
  db: Database,
  ledger: LedgerClient,
  actor: ClaimActor,
  changeId: string,
  approve: boolean,
): Promise<{ ok: true; status: "posted" | "declined"; claimId: string; posting: SubmitOutcome | null } | Refusal> {
  const { tenant } = actor;
  const result = await refusals(() =>
    transactionWithRetry(db, async (tx) => {
      if (!isSupervisor(tenant)) throw refuse("Only a claims supervisor approves reserve changes.");
      const change = await lockReserveChange(tx, tenant.orgId, changeId);
      if (!change) throw notFound("Reserve change");
      if (change.status !== "awaiting_approval")
        throw refuse(`This reserve change was already ${change.status.replace("_", " ")}.`);
      const claim = await claimForChange(tx, tenant, change.claimId);
      const label = change.reserveType === "indemnity" ? "Indemnity" : "Expense";
      if (!approve) {
        await decideReserveChangeRow(tx, tenant.orgId, changeId, "declined", tenant.userId);
        await timeline(
          tx,
          tenant,
          claim.id,
          "reserve",
          `${label} reserve change to ${money(change.newCents)} declined`,
        );
        await recordDomainEvent(tx, tenant.orgId, "claim.reserve_changed", {
          claimId: claim.id,
          claimNumber: claim.claimNumber,
          changeId,
          reserveType: change.reserveType,
          previousCents: change.previousCents,
          newCents: change.newCents,
          status: "declined",
          requestedByUserId: change.requestedByUserId,
          decidedByUserId: tenant.userId,
          adjusterUserId: claim.assignedAdjusterId,
        });
        return { status: "declined" as const, claimId: claim.id };
      }
      if (!claimIsOpen(claim.status)) throw refuse("The claim is closed.");
      const figures = figuresOf(claim);
      const current = change.reserveType === "indemnity" ? figures.indemnityReserveCents : figures.expenseReserveCents;
      if (current !== change.previousCents)
        throw refuse(
          `The ${change.reserveType} reserve changed since this request (now ${money(current)}): decline it and ask for a new one.`,
        );
      const decision = decideReserveChange(figures, change.reserveType, change.newCents, null);
      if (!decision.ok) throw refuse(decision.message);
      await decideReserveChangeRow(tx, tenant.orgId, changeId, "posted", tenant.userId);
      await postReserveChange(tx, tenant, claim, changeId, change.reserveType, decision.deltaCents, decision.after);
      await timeline(
        tx,
        tenant,
        claim.id,
        "reserve",
        `${label} reserve ${money(change.previousCents)} → ${money(change.newCents)} approved`,
      );
      await recordDomainEvent(tx, tenant.orgId, "claim.reserve_changed", {
        claimId: claim.id,
        claimNumber: claim.claimNumber,
        changeId,
        reserveType: change.reserveType,
        previousCents: change.previousCents,
        newCents: change.newCents,
        status: "posted",
        requestedByUserId: change.requestedByUserId,
        decidedByUserId: tenant.userId,
        adjusterUserId: claim.assignedAdjusterId,
      });
      return { status: "posted" as const, claimId: claim.id };
    }),
  );
  if ("ok" in result) return result;
  const posting = result.status === "posted" ? await submitPosting(db, ledger, tenant.orgId, changeId) : null;
  return { ok: true, ...result, posting };
}

export type ClaimMoneyRequest = {
  category: "indemnity" | "expense" | "salvage" | "subrogation" | "deductible";
  amountCents: number;
  counterparty: string;
  method: "check" | "ach" | "wire";
  reference?: string | null;
  /** The subrogation pursuit a subrogation recovery came from. */
  subrogationId?: string | null;
};

/**
 * A payment (indemnity, expense) draws its reserve down and posts CLAIM_PAYMENT; a recovery
 * (salvage, subrogation, deductible) posts CLAIM_RECOVERY. Either posts exactly once: the
 * transaction id is the posting id and derives the transfer ids.
 */
export async function recordClaimMoney(
  db: Database,
  ledger: LedgerClient,
  actor: ClaimActor,
  claimId: string,
  request: ClaimMoneyRequest,
): Promise<{ ok: true; transactionId: string; posting: SubmitOutcome } | Refusal> {
  const { tenant } = actor;
  const isPayment = request.category === "indemnity" || request.category === "expense";
  const transactionId = createId(isPayment ? "cpy" : "crv");
  const result = await refusals(() =>
    transactionWithRetry(db, async (tx) => {
      const claim = await claimForChange(tx, tenant, claimId);
      if (!claimIsOpen(claim.status)) throw refuse("The claim is closed.");
      if (isPayment && claim.status === "denied") throw refuse("The claim is denied: nothing is paid on it.");
      if (!request.counterparty.trim())
        throw refuse(isPayment ? "A payment needs its payee." : "A recovery needs its payer.");
      const figures = figuresOf(claim);
      const decision = isPayment
        ? decidePayment(
            figures,
            request.category as ReserveType,
            request.amountCents,
            await paymentAuthorityOf(tx, tenant),
          )
        : decideRecovery(figures, request.amountCents);
      if (!decision.ok) throw refuse(decision.message);
      const subrogationId = request.subrogationId || null;
      if (subrogationId) {
        if (request.category !== "subrogation")
          throw refuse("Only a subrogation recovery is credited to a subrogation pursuit.");
        if (!(await findSubrogation(tx, tenant.orgId, claimId, subrogationId)))
          throw refuse("That subrogation pursuit is not on this claim.");
      }
      await insertClaimTransaction(tx, tenant.orgId, {
        id: transactionId,
        claimId,
        kind: isPayment ? "payment" : "recovery",
        category: request.category,
        amountCents: request.amountCents,
        counterparty: request.counterparty.trim(),
        method: request.method,
        reference: request.reference?.trim() || null,
        subrogationId,
        recordedByUserId: tenant.userId,
      });
      await updateClaimMoney(tx, tenant.orgId, claimId, decision.after);
      await writePosting(
        tx,
        tenant.orgId,
        {
          id: transactionId,
          kind: "claim_transaction",
          description: `${isPayment ? `${request.category === "indemnity" ? "Indemnity" : "Expense"} paid` : `${request.category[0]!.toUpperCase()}${request.category.slice(1)} recovered`} on ${claim.claimNumber}`,
          claimId,
        },
        isPayment
          ? claimPaymentLegs(request.category as ReserveType, request.amountCents)
          : claimRecoveryLegs(request.amountCents),
      );
      await timeline(
        tx,
        tenant,
        claimId,
        isPayment ? "payment" : "recovery",
        `${isPayment ? `${request.category} payment` : `${request.category} recovery`} of ${money(request.amountCents)} by ${request.method}`,
      );
      if (isPayment)
        await recordDomainEvent(tx, tenant.orgId, "claim.payment_made", {
          claimId,
          claimNumber: claim.claimNumber,
          transactionId,
          category: request.category,
          amountCents: request.amountCents,
          method: request.method,
          paidByUserId: tenant.userId,
          adjusterUserId: claim.assignedAdjusterId,
        });
      return { recorded: true };
    }),
  );
  if ("ok" in result) return result;
  return { ok: true, transactionId, posting: await submitPosting(db, ledger, tenant.orgId, transactionId) };
}

export async function addNote(
  db: Database,
  actor: ClaimActor,
  claimId: string,
  text: string,
): Promise<{ ok: true } | Refusal> {
  const { tenant } = actor;
  return refusals(() =>
    transactionWithRetry(db, async (tx) => {
      await claimForChange(tx, tenant, claimId);
      if (!text.trim()) throw refuse("The note is empty.");
      await timeline(tx, tenant, claimId, "note", "Note", text.trim());
      return { ok: true as const };
    }),
  );
}

export async function addDiaryTask(
  db: Database,
  actor: ClaimActor,
  claimId: string,
  task: { title: string; dueOn: string },
): Promise<{ ok: true } | Refusal> {
  const { tenant } = actor;
  return refusals(() =>
    transactionWithRetry(db, async (tx) => {
      const claim = await claimForChange(tx, tenant, claimId);
      const assignee = claim.assignedAdjusterId ?? tenant.userId;
      await insertTask(tx, tenant.orgId, {
        id: createId("ctk"),
        claimId,
        assigneeUserId: assignee,
        title: task.title.trim(),
        dueOn: task.dueOn,
      });
      await timeline(tx, tenant, claimId, "task", `Diary: ${task.title.trim()} due ${task.dueOn}`);
      return { ok: true as const };
    }),
  );
}

export async function completeDiaryTask(
  db: Database,
  actor: ClaimActor,
  claimId: string,
  taskId: string,
): Promise<{ ok: true } | Refusal> {
  const { tenant } = actor;
  return refusals(() =>
    transactionWithRetry(db, async (tx) => {
      await claimForChange(tx, tenant, claimId);
      if (!(await completeTaskRow(tx, tenant.orgId, claimId, taskId)))
        throw refuse("That diary entry is already done.");
      await timeline(tx, tenant, claimId, "task", "Diary entry done");
      return { ok: true as const };
    }),
  );
}
