import type { Route } from "./+types/policy-cancel";
import { hasPermission } from "../../../auth/permissions.ts";
import { appServices } from "../../../context.server.ts";
import { ApiFailure, handleApi } from "../../../services/api/http.server.ts";
import { idempotent } from "../../../services/api/idempotency.server.ts";
import { CancelPolicyRequest } from "../../../services/api/servicing-schemas.ts";
import { cancelPolicy, previewCancellation } from "../../../services/servicing/cancellation.server.ts";
import type { CancellationBreakdown } from "../../../services/servicing/cancellation.ts";
import { requestCancellation } from "../../../services/servicing/requests.server.ts";
import { businessToday } from "../../../utils/today.ts";
import { readServicingBody, refusalResponse } from "./policy-servicing.server.ts";

function present(
  b: CancellationBreakdown,
  extra: { dryRun: boolean; status: string; transactionId: string | null; credit: number },
) {
  return {
    ...extra,
    returnPremium: b.returnPremiumCents,
    taxesReturned: b.taxesReturnedCents,
    feesReturned: b.feesReturnedCents,
    commissionClawedBack: b.producerCommissionClawbackCents,
    totalReturn: b.totalReturnCents,
    steps: b.steps,
  };
}

/** POST /v1/policies/{id}/cancel: `dryRun` computes the return; otherwise cancels (or requests it). */
export async function action(args: Route.ActionArgs) {
  return handleApi(args, async ({ tenant, request }) => {
    const { db, ledger } = appServices(args.context);
    const policyId = args.params.policyId;
    const { raw, body } = await readServicingBody(db, tenant, policyId, request, CancelPolicyRequest);
    const today = businessToday(tenant);
    const cancellation = { reason: body.reason, cancellationDate: body.cancellationDate };
    return idempotent(db, tenant, request, raw, async () => {
      const preview = await previewCancellation(db, tenant, policyId, cancellation, today);
      if (!preview.ok) return refusalResponse(preview);
      if (body.dryRun)
        return {
          status: 200,
          body: present(preview.breakdown, { dryRun: true, status: "preview", transactionId: null, credit: 0 }),
        };
      if (hasPermission(tenant.roles, "service:policy")) {
        const done = await cancelPolicy(db, ledger, tenant, policyId, cancellation, today);
        if (!done.ok) return refusalResponse(done);
        return {
          status: 201,
          body: present(done.breakdown, {
            dryRun: false,
            status: done.status,
            transactionId: done.transactionId,
            credit: done.creditCents,
          }),
        };
      }
      if (!hasPermission(tenant.roles, "request:policy-change"))
        throw new ApiFailure(403, "FORBIDDEN", "This API key may not cancel policies.");
      const asked = await requestCancellation(db, tenant, policyId, cancellation, today);
      if (!asked.ok) return refusalResponse(asked);
      return {
        status: 202,
        body: present(preview.breakdown, { dryRun: false, status: "requested", transactionId: null, credit: 0 }),
      };
    });
  });
}
