/**
 * A claim's claimants (edited), contacts, suits with defense counsel and subrogation pursuits.
 * Each change is one transaction that first finds the claim in the actor's scope (another
 * org's claim, or one not assigned to the adjuster, is not found), then writes the record and
 * the claim's timeline; an edit of a claimant's PHI is sealed under the org's current data key
 * and logged in the hash-chained PHI access log in the same transaction.
 */
import type { Database } from "../../../db/client.ts";
import { transactionWithRetry, type Transaction } from "../../../db/transaction.ts";
import type { TenantContext } from "../../auth/tenant.ts";
import {
  findContact,
  findSubrogation,
  findSuit,
  insertContact,
  listContacts,
  listSubrogations,
  listSuits,
  insertSubrogation,
  insertSuit,
  lockClaimant,
  updateClaimantRow,
  updateContactRow,
  updateSubrogationRow,
  updateSuitRow,
  type ContactValues,
  type SubrogationValues,
  type SuitValues,
} from "../../models/claim-parties.server.ts";
import { getClaim, insertTimelineEntry, lockClaim } from "../../models/claims.server.ts";
import { createId } from "../../utils/ids.ts";
import { formatMoney, toCents } from "../../utils/money.ts";
import { changedPhiFields, checkSubrogation, checkSuit, subrogationBalance, type RuleCheck } from "./claim-parties.ts";
import { loadClaimForViewer, type ViewContext } from "./claim-view.server.ts";
import type { ClaimActor, ClaimantInput, Refusal } from "./claims.server.ts";
import type { MasterKey } from "./phi-crypto.ts";
import { appendPhiAccess, openClaimantPhi, sealClaimantPhi } from "./phi-store.server.ts";
import { canSeePhi, normalizePhi, type PhiField, type PhiViewer } from "./phi.ts";

type Saved = { ok: true; id: string };

/**
 * Everything /claims/:id/parties shows, as this viewer may see it: the claimants come through
 * `loadClaimForViewer` (redacted, the read logged), the rest carries no PHI (plaintiffs are
 * claimant ids). Null when the claim is outside the viewer's scope.
 */
export async function loadClaimParties(db: Database, master: MasterKey, view: ViewContext, claimId: string) {
  const claim = await loadClaimForViewer(db, master, view, claimId);
  if (!claim) return null;
  const orgId = view.tenant.orgId;
  const [contacts, suits, subrogations] = await Promise.all([
    listContacts(db, orgId, claim.id),
    listSuits(db, orgId, claim.id),
    listSubrogations(db, orgId, claim.id),
  ]);
  return {
    claim: {
      id: claim.id,
      claimNumber: claim.claimNumber,
      insuredName: claim.insuredName,
      policyNumber: claim.policyNumber,
      claimants: claim.claimants,
      phiVisible: claim.phiVisible,
    },
    contacts,
    suits,
    subrogations: subrogations.map((s) => ({ ...s, ...subrogationBalance(s.demandCents, s.recoveredCents) })),
  };
}

class Refused extends Error {
  override readonly name = "Refused";
  constructor(
    readonly reason: "not_found" | "refused",
    message: string,
  ) {
    super(message);
  }
}

async function refusals<T>(work: () => Promise<T>): Promise<T | Refusal> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason, message: error.message };
    throw error;
  }
}

function enforce(check: RuleCheck) {
  if (!check.ok) throw new Refused("refused", check.message);
}

/** The claim in the actor's scope, locked so its records change one at a time. */
async function claimInScope(tx: Transaction, tenant: TenantContext, claimId: string) {
  const claim = await getClaim(tx, tenant, claimId);
  if (!claim) throw new Refused("not_found", "Claim not found.");
  await lockClaim(tx, tenant.orgId, claimId);
  return claim;
}

async function timeline(
  tx: Transaction,
  tenant: TenantContext,
  claimId: string,
  kind: "claimant" | "contact" | "suit" | "subrogation",
  summary: string,
) {
  await insertTimelineEntry(tx, tenant.orgId, {
    id: createId("ctl"),
    claimId,
    kind,
    summary,
    actorUserId: tenant.userId,
  });
}

const money = (cents: number) => formatMoney(toCents(cents));
const humanize = (value: string) => value.replaceAll("_", " ");

/**
 * Edits a claimant's role and PHI. Only a viewer who sees the claim's PHI may (an org admin
 * without a two-factor session does not); the values are re-sealed under the org's current
 * data key, and the write of exactly the fields that changed is chained into the access log.
 */
export async function editClaimant(
  db: Database,
  master: MasterKey,
  actor: ClaimActor,
  viewer: PhiViewer,
  claimId: string,
  claimantId: string,
  input: ClaimantInput,
): Promise<(Saved & { changed: PhiField[] }) | Refusal> {
  const { tenant } = actor;
  const after = normalizePhi(input);
  return refusals(() =>
    transactionWithRetry(db, async (tx) => {
      const claim = await claimInScope(tx, tenant, claimId);
      if (!canSeePhi(claim, viewer))
        throw new Refused(
          "refused",
          "Only someone who may see this claim's protected health information edits a claimant.",
        );
      const row = await lockClaimant(tx, tenant.orgId, claimId, claimantId);
      if (!row) throw new Refused("not_found", "Claimant not found.");
      const before = await openClaimantPhi(tx, master, tenant.orgId, row);
      const changed = changedPhiFields(before, after);
      if (changed.length === 0 && row.role === input.role) return { ok: true as const, id: claimantId, changed };
      const sealed = await sealClaimantPhi(tx, master, tenant.orgId, claimantId, after);
      await updateClaimantRow(tx, tenant.orgId, claimId, claimantId, { role: input.role, ...sealed });
      await appendPhiAccess(
        tx,
        tenant.orgId,
        changed.length
          ? [
              {
                actorUserId: actor.apiKeyId ? null : tenant.userId,
                actorApiKeyId: actor.apiKeyId ?? null,
                action: "write",
                claimId,
                fields: changed,
                surface: actor.surface,
                ipAddress: actor.ipAddress,
              },
            ]
          : [],
      );
      // Field names only: the timeline is never PHI.
      await timeline(
        tx,
        tenant,
        claimId,
        "claimant",
        `A ${humanize(input.role)}'s details were edited${changed.length ? ` (${changed.join(", ")})` : " (role)"}`,
      );
      return { ok: true as const, id: claimantId, changed };
    }),
  );
}

/** Adds a contact (contactId null) or edits one of the claim's. */
export async function saveContact(
  db: Database,
  actor: ClaimActor,
  claimId: string,
  contactId: string | null,
  values: ContactValues,
): Promise<Saved | Refusal> {
  const { tenant } = actor;
  return refusals(() =>
    transactionWithRetry(db, async (tx) => {
      await claimInScope(tx, tenant, claimId);
      if (contactId) {
        if (!(await findContact(tx, tenant.orgId, claimId, contactId)))
          throw new Refused("not_found", "Contact not found.");
        await updateContactRow(tx, tenant.orgId, claimId, contactId, values);
        await timeline(tx, tenant, claimId, "contact", `Contact ${values.name} (${humanize(values.role)}) updated`);
        return { ok: true as const, id: contactId };
      }
      const id = createId("cct");
      await insertContact(tx, tenant.orgId, claimId, id, values);
      await timeline(tx, tenant, claimId, "contact", `Contact ${values.name} (${humanize(values.role)}) added`);
      return { ok: true as const, id };
    }),
  );
}

/** Records a suit (suitId null) or updates one: dates in order, a resolution for a resolved suit. */
export async function saveSuit(
  db: Database,
  actor: ClaimActor,
  claimId: string,
  suitId: string | null,
  values: SuitValues,
  today: string,
): Promise<Saved | Refusal> {
  const { tenant } = actor;
  return refusals(() =>
    transactionWithRetry(db, async (tx) => {
      await claimInScope(tx, tenant, claimId);
      enforce(
        checkSuit(
          {
            status: values.status,
            filedOn: values.filedOn,
            servedOn: values.servedOn ?? null,
            counselAppointedOn: values.counselAppointedOn ?? null,
            trialOn: values.trialOn ?? null,
            resolvedOn: values.resolvedOn ?? null,
          },
          today,
        ),
      );
      if (values.plaintiffClaimantId && !(await lockClaimant(tx, tenant.orgId, claimId, values.plaintiffClaimantId)))
        throw new Refused("refused", "The plaintiff must be one of this claim's claimants.");
      const counsel = values.defenseFirm ? ` · defense counsel ${values.defenseFirm}` : "";
      if (suitId) {
        const before = await findSuit(tx, tenant.orgId, claimId, suitId);
        if (!before) throw new Refused("not_found", "Suit not found.");
        await updateSuitRow(tx, tenant.orgId, claimId, suitId, values);
        await timeline(
          tx,
          tenant,
          claimId,
          "suit",
          `Suit ${values.docketNumber} updated${before.status !== values.status ? `: ${before.status} → ${values.status}` : ""}${before.defenseFirm !== values.defenseFirm ? counsel : ""}`,
        );
        return { ok: true as const, id: suitId };
      }
      const id = createId("cst");
      await insertSuit(tx, tenant.orgId, claimId, id, values);
      await timeline(
        tx,
        tenant,
        claimId,
        "suit",
        `Suit ${values.docketNumber} filed ${values.filedOn} in ${values.court} (${values.venueState})${counsel}`,
      );
      return { ok: true as const, id };
    }),
  );
}

/** Opens a subrogation pursuit (subrogationId null) or updates one. */
export async function saveSubrogation(
  db: Database,
  actor: ClaimActor,
  claimId: string,
  subrogationId: string | null,
  values: SubrogationValues,
  today: string,
): Promise<Saved | Refusal> {
  const { tenant } = actor;
  return refusals(() =>
    transactionWithRetry(db, async (tx) => {
      await claimInScope(tx, tenant, claimId);
      enforce(
        checkSubrogation(
          {
            status: values.status,
            openedOn: values.openedOn,
            demandSentOn: values.demandSentOn ?? null,
            closedOn: values.closedOn ?? null,
          },
          today,
        ),
      );
      if (subrogationId) {
        const before = await findSubrogation(tx, tenant.orgId, claimId, subrogationId);
        if (!before) throw new Refused("not_found", "Subrogation not found.");
        await updateSubrogationRow(tx, tenant.orgId, claimId, subrogationId, values);
        await timeline(
          tx,
          tenant,
          claimId,
          "subrogation",
          `Subrogation against ${values.targetName} updated${before.status !== values.status ? `: ${humanize(before.status)} → ${humanize(values.status)}` : ""}`,
        );
        return { ok: true as const, id: subrogationId };
      }
      const id = createId("csb");
      await insertSubrogation(tx, tenant.orgId, claimId, id, values);
      await timeline(
        tx,
        tenant,
        claimId,
        "subrogation",
        `Subrogation opened against ${values.targetName}, demand ${money(values.demandCents)}`,
      );
      return { ok: true as const, id };
    }),
  );
}
