import type { Route } from "./+types/policy-reinstate";
import { hasPermission } from "../../../auth/permissions.ts";
import { appServices } from "../../../context.server.ts";
import { ApiFailure, handleApi } from "../../../services/api/http.server.ts";
import { idempotent } from "../../../services/api/idempotency.server.ts";
import { reinstatePolicy } from "../../../services/servicing/cancellation.server.ts";
import { businessToday } from "../../../utils/today.ts";
import { readServicingBody, refusalResponse } from "./policy-servicing.server.ts";
import { z } from "zod";

/** POST /v1/policies/{id}/reinstate: a non-payment cancellation reversed within 30 days. */
export async function action(args: Route.ActionArgs) {
  return handleApi(args, async ({ tenant, request }) => {
    const { db, ledger } = appServices(args.context);
    const policyId = args.params.policyId;
    // Scope first: a policy outside the key's scope answers 404 whatever the key may do.
    const { raw } = await readServicingBody(db, tenant, policyId, request, z.strictObject({}));
    if (!hasPermission(tenant.roles, "service:policy"))
      throw new ApiFailure(403, "FORBIDDEN", "This API key may not reinstate policies.");
    return idempotent(db, tenant, request, raw, async () => {
      const done = await reinstatePolicy(db, ledger, tenant, policyId, businessToday(tenant));
      if (!done.ok) return refusalResponse(done);
      return { status: 201, body: { transactionId: done.transactionId, status: done.status } };
    });
  });
}
