/**
 * A claim's claimants, contacts, suits with defense counsel and subrogation pursuits, each added
 * (no id) or edited (its id) the same way. Each change is one transaction that first finds the
 * claim in the actor's scope (another org's claim, or one not assigned to the adjuster, is not
 * found), then writes the record and the claim's timeline; a claimant's PHI is sealed under the
 * org's current data key and its write logged in the hash-chained PHI access log in the same
 * transaction.
 */
import type { Database } from "../../../db/client.ts";
import { transactionWithRetry, type Transaction } from "../../../db/transaction.ts";
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
import { insertClaimant } from "../../models/claims.server.ts";
import { createId } from "../../utils/ids.ts";
import {
  aRole,
  claimForChange,
  humanize,
  money,
  notFound,
  refusals,
  refuse,
  timeline,
  type Refusal,
} from "./claim-change.server.ts";
import { changedPhiFields, checkSubrogation, checkSuit, subrogationBalance, type RuleCheck } from "./claim-parties.ts";
import { loadClaimForViewer, type ViewContext } from "./claim-view.server.ts";
import type { ClaimActor, ClaimantInput } from "./claims.server.ts";
import type { MasterKey } from "./phi-crypto.ts";
import { appendPhiAccess, openClaimantPhi, sealClaimantPhi } from "./phi-store.server.ts";
import { canSeePhi, emptyPhi, normalizePhi, type PhiField, type PhiViewer } from "./phi.ts";

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

/**
 * Adds a claimant (claimantId null) or edits one: role and PHI. Only a viewer who sees the
 * claim's PHI may (an org admin without a two-factor session does not); the values are sealed
 * under the org's current data key, and the write of exactly the fields that are new or changed
 * is chained into the access log.
 */
export async function saveClaimant(
  db: Database,
  master: MasterKey,
  actor: ClaimActor,
  viewer: PhiViewer,
  claimId: string,
  claimantId: string | null,
  input: ClaimantInput,
): Promise<(Saved & { changed: PhiField[] }) | Refusal> {
  const { tenant } = actor;
  const after = normalizePhi(input);
  return refusals(() =>
    transactionWithRetry(db, async (tx) => {
      const claim = await claimForChange(tx, tenant, claimId);
      if (!canSeePhi(claim, viewer))
        throw refuse("Only someone who may see this claim's protected health information adds or edits a claimant.");
      const row = claimantId ? await lockClaimant(tx, tenant.orgId, claimId, claimantId) : null;
      if (claimantId && !row) throw notFound("Claimant");
      const before = row ? await openClaimantPhi(tx, master, tenant.orgId, row) : emptyPhi();
      const changed = changedPhiFields(before, after);
      if (row && changed.length === 0 && row.role === input.role) return { ok: true as const, id: row.id, changed };
      const id = row?.id ?? createId("cmt");
      const sealed = await sealClaimantPhi(tx, master, tenant.orgId, id, after);
      if (row) await updateClaimantRow(tx, tenant.orgId, claimId, id, { role: input.role, ...sealed });
      else await insertClaimant(tx, tenant.orgId, { id, claimId, role: input.role, ...sealed });
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
      const fields = changed.length ? ` (${changed.join(", ")})` : "";
      await timeline(
        tx,
        tenant,
        claimId,
        "claimant",
        row
          ? `${aRole(input.role)}'s details were edited${fields || " (role)"}`
          : `${aRole(input.role)} was added${fields}`,
      );
      return { ok: true as const, id, changed };
    }),
  );
}

/** How one kind of a claim's records is found, written and told in the timeline. */
type PartyRecord<Values, Before> = {
  kind: "contact" | "suit" | "subrogation";
  idPrefix: string;
  label: string;
  find: (tx: Transaction, orgId: string, claimId: string, id: string) => Promise<Before | null>;
  insert: (tx: Transaction, orgId: string, claimId: string, id: string, values: Values) => Promise<void>;
  update: (tx: Transaction, orgId: string, claimId: string, id: string, values: Values) => Promise<void>;
  added: (values: Values) => string;
  updated: (values: Values, before: Before) => string;
};

/**
 * Adds a record (recordId null) or edits one of the claim's; `check` holds the rules the values
 * must meet, asked once the claim is found in scope.
 */
async function saveRecord<Values, Before>(
  db: Database,
  actor: ClaimActor,
  claimId: string,
  recordId: string | null,
  values: Values,
  record: PartyRecord<Values, Before>,
  check: (tx: Transaction) => Promise<RuleCheck> = async () => ({ ok: true }),
): Promise<Saved | Refusal> {
  const { tenant } = actor;
  return refusals(() =>
    transactionWithRetry(db, async (tx) => {
      await claimForChange(tx, tenant, claimId);
      const checked = await check(tx);
      if (!checked.ok) throw refuse(checked.message);
      if (recordId) {
        const before = await record.find(tx, tenant.orgId, claimId, recordId);
        if (!before) throw notFound(record.label);
        await record.update(tx, tenant.orgId, claimId, recordId, values);
        await timeline(tx, tenant, claimId, record.kind, record.updated(values, before));
        return { ok: true as const, id: recordId };
      }
      const id = createId(record.idPrefix);
      await record.insert(tx, tenant.orgId, claimId, id, values);
      await timeline(tx, tenant, claimId, record.kind, record.added(values));
      return { ok: true as const, id };
    }),
  );
}

const CONTACTS: PartyRecord<ContactValues, { id: string }> = {
  kind: "contact",
  idPrefix: "cct",
  label: "Contact",
  find: findContact,
  insert: insertContact,
  update: updateContactRow,
  added: (v) => `Contact ${v.name} (${humanize(v.role)}) added`,
  updated: (v) => `Contact ${v.name} (${humanize(v.role)}) updated`,
};

const counselOf = (v: SuitValues) => (v.defenseFirm ? ` · defense counsel ${v.defenseFirm}` : "");

const SUITS: PartyRecord<SuitValues, NonNullable<Awaited<ReturnType<typeof findSuit>>>> = {
  kind: "suit",
  idPrefix: "cst",
  label: "Suit",
  find: findSuit,
  insert: insertSuit,
  update: updateSuitRow,
  added: (v) => `Suit ${v.docketNumber} filed ${v.filedOn} in ${v.court} (${v.venueState})${counselOf(v)}`,
  updated: (v, before) =>
    `Suit ${v.docketNumber} updated${before.status !== v.status ? `: ${before.status} → ${v.status}` : ""}${before.defenseFirm !== v.defenseFirm ? counselOf(v) : ""}`,
};

const SUBROGATIONS: PartyRecord<SubrogationValues, NonNullable<Awaited<ReturnType<typeof findSubrogation>>>> = {
  kind: "subrogation",
  idPrefix: "csb",
  label: "Subrogation",
  find: findSubrogation,
  insert: insertSubrogation,
  update: updateSubrogationRow,
  added: (v) => `Subrogation opened against ${v.targetName}, demand ${money(v.demandCents)}`,
  updated: (v, before) =>
    `Subrogation against ${v.targetName} updated${before.status !== v.status ? `: ${humanize(before.status)} → ${humanize(v.status)}` : ""}`,
};

/** Adds a contact (contactId null) or edits one of the claim's. */
export function saveContact(
  db: Database,
  actor: ClaimActor,
  claimId: string,
  contactId: string | null,
  values: ContactValues,
): Promise<Saved | Refusal> {
  return saveRecord(db, actor, claimId, contactId, values, CONTACTS);
}

/** Records a suit (suitId null) or updates one: dates in order, a resolution for a resolved suit. */
export function saveSuit(
  db: Database,
  actor: ClaimActor,
  claimId: string,
  suitId: string | null,
  values: SuitValues,
  today: string,
): Promise<Saved | Refusal> {
  return saveRecord(db, actor, claimId, suitId, values, SUITS, async (tx) => {
    const dates = checkSuit(
      {
        status: values.status,
        filedOn: values.filedOn,
        servedOn: values.servedOn ?? null,
        counselAppointedOn: values.counselAppointedOn ?? null,
        trialOn: values.trialOn ?? null,
        resolvedOn: values.resolvedOn ?? null,
      },
      today,
    );
    if (!dates.ok) return dates;
    if (
      values.plaintiffClaimantId &&
      !(await lockClaimant(tx, actor.tenant.orgId, claimId, values.plaintiffClaimantId))
    )
      return { ok: false, message: "The plaintiff must be one of this claim's claimants." };
    return { ok: true };
  });
}

/** Opens a subrogation pursuit (subrogationId null) or updates one. */
export function saveSubrogation(
  db: Database,
  actor: ClaimActor,
  claimId: string,
  subrogationId: string | null,
  values: SubrogationValues,
  today: string,
): Promise<Saved | Refusal> {
  return saveRecord(db, actor, claimId, subrogationId, values, SUBROGATIONS, async () =>
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
}
