import type { Route } from "./+types/policy-certificates";
import { hasPermission } from "../../../auth/permissions.ts";
import { appServices } from "../../../context.server.ts";
import { listCertificates } from "../../../models/certificates.server.ts";
import { getPolicy } from "../../../models/policies.server.ts";
import { ApiFailure, apiJson, handleApi } from "../../../services/api/http.server.ts";
import { idempotent } from "../../../services/api/idempotency.server.ts";
import { IssueCertificateRequest } from "../../../services/api/servicing-schemas.ts";
import { issueCertificate } from "../../../services/servicing/certificates.server.ts";
import { businessToday } from "../../../utils/today.ts";
import { readServicingBody, refusalResponse } from "./policy-servicing.server.ts";

const documentUrl = (policyId: string, certificateId: string) =>
  `/policies/${policyId}/certificates/${certificateId}/document.pdf`;

/** GET /v1/policies/{id}/certificates: the certificates of insurance issued on the policy. */
export async function loader(args: Route.LoaderArgs) {
  return handleApi(args, async ({ tenant }) => {
    const { db } = appServices(args.context);
    const policyId = args.params.policyId;
    if (!(await getPolicy(db, tenant, policyId))) throw new ApiFailure(404, "NOT_FOUND", "No such policy.");
    const rows = await listCertificates(db, tenant.orgId, policyId);
    return apiJson({ data: rows.map((c) => ({ ...c, documentUrl: documentUrl(policyId, c.id) })) });
  });
}

/** POST /v1/policies/{id}/certificates: issues an ACORD 25 certificate for a holder. */
export async function action(args: Route.ActionArgs) {
  return handleApi(args, async ({ tenant, request }) => {
    const { db, env } = appServices(args.context);
    const policyId = args.params.policyId;
    const { raw, body } = await readServicingBody(db, tenant, policyId, request, IssueCertificateRequest);
    if (!hasPermission(tenant.roles, "service:policy") && !hasPermission(tenant.roles, "request:policy-change"))
      throw new ApiFailure(403, "FORBIDDEN", "This API key may not issue certificates.");
    return idempotent(db, tenant, request, raw, async () => {
      const issued = await issueCertificate(db, env.DOCUMENTS, tenant, policyId, body, businessToday(tenant));
      if (!issued.ok) return refusalResponse(issued);
      return {
        status: 201,
        body: {
          id: issued.certificateId,
          certificateNumber: issued.certificateNumber,
          additionalInsured: issued.additionalInsured,
          waiverOfSubrogation: issued.waiverOfSubrogation,
          documentUrl: documentUrl(policyId, issued.certificateId),
        },
      };
    });
  });
}
