import type { Database } from "../../../db/client.ts";
import type { LicenceLine } from "../../../db/schema/carrier.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import {
  findProducerAgency,
  insertProducerLicence,
  listLicencesExpiringBetween,
} from "../../models/producer-licences.server.ts";
import type { OrgScope } from "../../models/org-scope.server.ts";
import { addDays } from "../../utils/calendar-date.ts";
import { createId } from "../../utils/ids.ts";
import { auditBusinessAction } from "../access/audit.server.ts";
import { recordDomainEventOnce } from "../events/domain-events.server.ts";
import { licenceStanding } from "./licences.ts";

export type LicenceInput = {
  agencyId: string;
  producerUserId: string | null;
  state: string;
  licenceNumber: string;
  lines: LicenceLine[];
  effectiveOn: string;
  expiresOn: string;
};

export type RecordLicenceOutcome = { ok: true; id: string } | { ok: false; field: keyof LicenceInput; message: string };

/** Records a licence as the state's register shows it; the producer must work for the agency named. */
export async function recordProducerLicence(
  db: Database,
  tenant: TenantContext,
  input: LicenceInput,
): Promise<RecordLicenceOutcome> {
  if (input.expiresOn < input.effectiveOn)
    return { ok: false, field: "expiresOn", message: "The licence must expire after it takes effect" };
  if (input.producerUserId && (await findProducerAgency(db, tenant, input.producerUserId)) !== input.agencyId)
    return { ok: false, field: "producerUserId", message: "This producer does not work for the agency chosen" };
  const id = createId("lic");
  await insertProducerLicence(db, { id, orgId: tenant.orgId, ...input });
  await auditBusinessAction(db, tenant, {
    action: "licence_recorded",
    targetType: "producer_licence",
    targetId: id,
    detail: { after: input },
  });
  return { ok: true, id };
}

/**
 * The daily job: a licence 60 days from expiry, and again at 30, notifies its holder and the
 * compliance officers, once per licence and threshold.
 */
export async function runLicenceExpiryAlerts(
  db: Database,
  today: string,
  { orgId }: { orgId?: OrgScope } = {},
): Promise<number> {
  let raised = 0;
  for (const licence of await listLicencesExpiringBetween(db, today, addDays(today, 60), orgId)) {
    const standing = licenceStanding(licence.expiresOn, today);
    if (standing.kind !== "expiring") continue;
    const id = await recordDomainEventOnce(
      db,
      licence.orgId,
      `licence-expiring:${licence.id}:${standing.alert}`,
      "producer_licence.expiring",
      { ...licence, days: standing.days, threshold: standing.alert },
    );
    if (id) raised += 1;
  }
  return raised;
}
