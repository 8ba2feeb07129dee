/**
 * The frame of every change to a claim, shared by the claims workflows and the parties page's:
 * a refusal is a typed outcome (thrown inside the transaction so it rolls back, returned to the
 * caller), the claim is found in the actor's scope and locked before anything is written (another
 * org's claim, or one not assigned to the adjuster, is not found), and each change leaves a
 * timeline entry in the same transaction.
 */
import type { Transaction } from "../../../db/transaction.ts";
import type { TenantContext } from "../../auth/tenant.ts";
import { getClaim, insertTimelineEntry, lockClaim } from "../../models/claims.server.ts";
import { createId } from "../../utils/ids.ts";
import { formatMoney, toCents } from "../../utils/money.ts";

export type Refusal = { ok: false; reason: "not_found" | "refused"; message: string };

export class Refused extends Error {
  override readonly name = "Refused";
  constructor(
    readonly reason: "not_found" | "refused",
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what = "Claim") => new Refused("not_found", `${what} not found.`);
export const refuse = (message: string) => new Refused("refused", message);

/** Runs the change; a `Refused` thrown inside it becomes the returned refusal. */
export async function refusals<T>(work: () => Promise<T>): Promise<T | Refusal> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason, message: error.message };
    throw error;
  }
}

/** The claim as the actor may see it (not found otherwise), locked so its changes go one at a time. */
export async function claimForChange(tx: Transaction, tenant: TenantContext, claimId: string) {
  if (!(await getClaim(tx, tenant, claimId))) throw notFound();
  return (await lockClaim(tx, tenant.orgId, claimId))!;
}

export async function timeline(
  tx: Transaction,
  tenant: TenantContext,
  claimId: string,
  kind: Parameters<typeof insertTimelineEntry>[2]["kind"],
  summary: string,
  body: string | null = null,
) {
  await insertTimelineEntry(tx, tenant.orgId, {
    id: createId("ctl"),
    claimId,
    kind,
    summary,
    body,
    actorUserId: tenant.userId,
  });
}

export const money = (cents: number) => formatMoney(toCents(cents));
export const humanize = (value: string) => value.replaceAll("_", " ");
/** "A witness", "An injured worker": a role opening a sentence. */
export const aRole = (role: string) => `${/^[aeiou]/.test(role) ? "An" : "A"} ${humanize(role)}`;
