import type { Database } from "../../../db/client.ts";
import { transactionWithRetry } from "../../../db/transaction.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import {
  findProgramCarrier,
  insertDaAgreement,
  insertDaAmendment,
  lockDaAgreementForAmendment,
  updateDaAgreement,
} from "../../models/da-agreement-admin.server.ts";
import { type DaAgreementTermsInput, termChanges } from "./forms.ts";

export type DaOutcome = { ok: true; agreementId: string } | { ok: false; message: string };

/** A new agreement for a program, on the program's carrier's paper, active from creation. */
export async function createDaAgreement(
  db: Database,
  tenant: TenantContext,
  programId: string,
  terms: DaAgreementTermsInput,
): Promise<DaOutcome> {
  return transactionWithRetry(db, async (tx) => {
    const program = await findProgramCarrier(tx, tenant, programId);
    if (!program) return { ok: false, message: "Choose one of your programs" };
    const agreementId = await insertDaAgreement(tx, tenant, { ...terms, programId, carrierId: program.carrierId });
    await insertDaAmendment(tx, tenant, {
      agreementId,
      kind: "created",
      effectiveOn: terms.effectiveDate,
      changes: termChanges({}, terms),
      reason: "Agreement created",
    });
    return { ok: true, agreementId };
  });
}

/**
 * Amends the terms from `effectiveOn` (today or earlier, within the agreement). The agreement row
 * holds the terms in force, which the quote and bind checks read at once; the amendment row keeps
 * what changed, from when, why and by whom. The bound GWP counter is never amended.
 */
export async function amendDaAgreement(
  db: Database,
  tenant: TenantContext,
  agreementId: string,
  amendment: { terms: DaAgreementTermsInput; effectiveOn: string; reason: string },
  today: string,
): Promise<DaOutcome & { changed?: string[] }> {
  return transactionWithRetry(db, async (tx) => {
    const current = await lockDaAgreementForAmendment(tx, tenant, agreementId);
    if (!current) return { ok: false, message: "Agreement not found" };
    if (amendment.effectiveOn > today)
      return { ok: false, message: `An amendment takes effect today (${today}) or earlier, not later` };
    if (amendment.effectiveOn < current.effectiveDate)
      return { ok: false, message: `An amendment cannot take effect before the agreement (${current.effectiveDate})` };
    const changes = termChanges(current as unknown as Record<string, unknown>, amendment.terms);
    if (Object.keys(changes).length === 0) return { ok: false, message: "Nothing changed" };
    await updateDaAgreement(tx, tenant, agreementId, amendment.terms);
    await insertDaAmendment(tx, tenant, {
      agreementId,
      kind: "amended",
      effectiveOn: amendment.effectiveOn,
      changes,
      reason: amendment.reason,
    });
    return { ok: true, agreementId, changed: Object.keys(changes) };
  });
}

/**
 * Suspends (or reinstates) an agreement. The status is what the pre-bind DA check reads, inside
 * the bind transaction after locking this same row: a suspension refuses every later bind at
 * once, and a bind already holding the lock finishes first.
 */
export async function setDaAgreementSuspension(
  db: Database,
  tenant: TenantContext,
  agreementId: string,
  suspend: boolean,
  reason: string,
  today: string,
): Promise<DaOutcome> {
  return transactionWithRetry(db, async (tx) => {
    const current = await lockDaAgreementForAmendment(tx, tenant, agreementId);
    if (!current) return { ok: false, message: "Agreement not found" };
    if (current.status === "expired") return { ok: false, message: "An expired agreement cannot change" };
    const status = suspend ? "suspended" : "active";
    if (current.status === status) return { ok: false, message: `The agreement is already ${status}` };
    await updateDaAgreement(tx, tenant, agreementId, { status });
    await insertDaAmendment(tx, tenant, {
      agreementId,
      kind: suspend ? "suspended" : "reinstated",
      effectiveOn: today,
      changes: { status: { from: current.status, to: status } },
      reason,
    });
    return { ok: true, agreementId };
  });
}
