import type { z } from "zod";
import type { TenantContext } from "../../../auth/tenant.ts";
import type { Database } from "../../../../db/client.ts";
import { getPolicy } from "../../../models/policies.server.ts";
import { ApiFailure } from "../../../services/api/http.server.ts";

// Shared by the /v1 servicing routes: read the body, answer 404 for a policy outside the key's
// scope whatever the body says, and turn a servicing refusal into the problem shape.

export async function readServicingBody<S extends z.ZodType>(
  db: Database,
  tenant: TenantContext,
  policyId: string,
  request: Request,
  schema: S,
): Promise<{ raw: string; body: z.output<S> }> {
  const policy = getPolicy(db, tenant, policyId);
  policy.catch(() => {});
  const raw = await request.text();
  let json: unknown = {};
  try {
    json = raw ? JSON.parse(raw) : {};
  } catch {
    if (!(await policy)) throw new ApiFailure(404, "NOT_FOUND", "No such policy.");
    throw new ApiFailure(400, "VALIDATION_FAILED", "The body must be a JSON object.");
  }
  const parsed = schema.safeParse(json);
  if (!(await policy)) throw new ApiFailure(404, "NOT_FOUND", "No such policy.");
  if (!parsed.success)
    throw new ApiFailure(400, "VALIDATION_FAILED", "The request body is not valid.", {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  return { raw, body: parsed.data };
}

type Refusal = { ok: false; reason: string; message?: string; code?: string; from?: string; to?: string };

export function refusalResponse(refusal: Refusal): { status: number; body: unknown } {
  if (refusal.reason === "not_found")
    return { status: 404, body: { error: { code: "NOT_FOUND", message: "No such policy." } } };
  if (refusal.reason === "transition_invalid")
    return {
      status: 422,
      body: {
        error: {
          code: "POLICY_TRANSITION_INVALID",
          message: refusal.message ?? "That transition is not allowed.",
          details: { from: refusal.from, to: refusal.to },
        },
      },
    };
  return {
    status: 422,
    body: { error: { code: "VALIDATION_FAILED", message: refusal.message ?? "The request was refused." } },
  };
}
