import type { Route } from "./+types/policy-endorsements";
import { hasPermission } from "../../../auth/permissions.ts";
import { appServices } from "../../../context.server.ts";
import { ApiFailure, handleApi } from "../../../services/api/http.server.ts";
import { idempotent } from "../../../services/api/idempotency.server.ts";
import { EndorsePolicyRequest } from "../../../services/api/servicing-schemas.ts";
import { endorsePolicy, quoteEndorsement } from "../../../services/servicing/endorsement.server.ts";
import { businessToday } from "../../../utils/today.ts";
import { readServicingBody, refusalResponse } from "./policy-servicing.server.ts";

/** POST /v1/policies/{id}/endorsements: `dryRun` quotes the change; otherwise applies (or requests) it. */
export async function action(args: Route.ActionArgs) {
  return handleApi(args, async ({ tenant, request }) => {
    const { db, ledger } = appServices(args.context);
    const policyId = args.params.policyId;
    // Scope first: a policy outside the key's scope answers 404 whatever the key may do.
    const { raw, body } = await readServicingBody(db, tenant, policyId, request, EndorsePolicyRequest);
    if (!hasPermission(tenant.roles, "service:policy") && !hasPermission(tenant.roles, "request:policy-change"))
      throw new ApiFailure(403, "FORBIDDEN", "This API key may not change policies.");
    const today = businessToday(tenant);
    const change = { effectiveDate: body.effectiveDate, changes: body.changes };
    return idempotent(db, tenant, request, raw, async () => {
      const quote = await quoteEndorsement(db, tenant, policyId, change, today);
      if (!quote.ok) return refusalResponse(quote);
      const base = { premium: quote.premiumCents, taxes: quote.taxesCents, changes: quote.changes };
      if (body.dryRun) return { status: 200, body: { dryRun: true, status: "quoted", transactionId: null, ...base } };
      const done = await endorsePolicy(db, ledger, tenant, policyId, change, today);
      if (!done.ok) return refusalResponse(done);
      if (done.status === "applied")
        return {
          status: 201,
          body: {
            dryRun: false,
            status: "applied",
            transactionId: done.transactionId,
            ...base,
            premium: done.premiumCents,
          },
        };
      return { status: 202, body: { dryRun: false, status: done.status, transactionId: null, ...base } };
    });
  });
}
