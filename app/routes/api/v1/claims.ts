import { z } from "zod";
import type { Route } from "./+types/claims";
import { hasPermission } from "../../../auth/permissions.ts";
import { CLAIM_STATUSES, type ClaimStatus } from "../../../../db/schema/claims.ts";
import { appServices } from "../../../context.server.ts";
import { listClaimsForApi } from "../../../models/claim-book.server.ts";
import { ApiFailure, apiJson, handleApi } from "../../../services/api/http.server.ts";
import { idempotent } from "../../../services/api/idempotency.server.ts";
import { FnolSchema } from "../../../services/claims/claim-forms.ts";
import {
  decodeClaimCursor,
  encodeClaimCursor,
  presentClaim,
  presentClaimSummary,
} from "../../../services/claims/claim-presenter.ts";
import { loadClaimForViewer } from "../../../services/claims/claim-view.server.ts";
import { fileClaim } from "../../../services/claims/claims.server.ts";
import { masterKeyFrom } from "../../../services/claims/phi-store.server.ts";

// A real calendar date: a pattern alone let 2026-02-31 through to the database's comparison.
const DATE = z.iso.date();

/** The claims the key may see, newest reported first: filters status, policyId, reportedFrom/To; cursor paging. */
export async function loader(args: Route.LoaderArgs) {
  return handleApi(args, async ({ tenant, request }) => {
    const params = new URL(request.url).searchParams;
    const status = params.get("status");
    if (status && !(CLAIM_STATUSES as readonly string[]).includes(status))
      throw new ApiFailure(400, "VALIDATION_FAILED", `status must be one of ${CLAIM_STATUSES.join(", ")}.`);
    for (const name of ["reportedFrom", "reportedTo"]) {
      const value = params.get(name);
      if (value && !DATE.safeParse(value).success)
        throw new ApiFailure(400, "VALIDATION_FAILED", `${name} must be a calendar date, YYYY-MM-DD.`);
    }
    const limitText = params.get("limit") ?? "50";
    const limit = Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200)
      throw new ApiFailure(400, "VALIDATION_FAILED", "limit must be a whole number from 1 to 200.");
    const cursorText = params.get("cursor");
    const after = cursorText ? decodeClaimCursor(cursorText) : null;
    if (cursorText && !after) throw new ApiFailure(400, "VALIDATION_FAILED", "cursor is not one this API gave out.");
    const rows = await listClaimsForApi(
      appServices(args.context).db,
      tenant,
      {
        status: (status as ClaimStatus | null) ?? undefined,
        policyId: params.get("policyId") ?? undefined,
        reportedFrom: params.get("reportedFrom") ?? undefined,
        reportedTo: params.get("reportedTo") ?? undefined,
        after,
      },
      limit + 1,
    );
    const page = rows.slice(0, limit);
    return apiJson({
      data: page.map(presentClaimSummary),
      nextCursor: rows.length > limit ? encodeClaimCursor(page.at(-1)!) : null,
    });
  });
}

/** First notice of loss. PHI in the body is sealed and its write logged; the answer is redacted. */
export async function action(args: Route.ActionArgs) {
  return handleApi(args, async ({ tenant, keyId, request }) => {
    if (request.method !== "POST") throw new ApiFailure(405, "VALIDATION_FAILED", "Use POST to file a claim.");
    if (!hasPermission(tenant.roles, "read:policy") && !hasPermission(tenant.roles, "manage:claim"))
      throw new ApiFailure(403, "FORBIDDEN", "This API key may not file claims.");
    const raw = await request.text();
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new ApiFailure(400, "VALIDATION_FAILED", "The body must be a JSON object.");
    }
    const parsed = FnolSchema.safeParse(json);
    if (!parsed.success)
      throw new ApiFailure(400, "VALIDATION_FAILED", "The request body is not valid.", {
        issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      });
    const { db, env } = appServices(args.context);
    const master = await masterKeyFrom(env);
    const ipAddress = request.headers.get("cf-connecting-ip");
    return idempotent(db, tenant, request, raw, async () => {
      const filed = await fileClaim(
        db,
        master,
        { tenant, surface: "api:/v1/claims", ipAddress, apiKeyId: keyId },
        "api",
        {
          ...parsed.data,
          claimants: parsed.data.claimants,
        },
      );
      if (!filed.ok)
        return filed.reason === "not_found"
          ? { status: 404, body: { error: { code: "NOT_FOUND", message: filed.message } } }
          : { status: 422, body: { error: { code: "VALIDATION_FAILED", message: filed.message } } };
      const claim = await loadClaimForViewer(
        db,
        master,
        { tenant, twoFactorVerified: false, via: "api_key", apiKeyId: keyId, surface: "api:/v1/claims", ipAddress },
        filed.claimId,
      );
      // The key filed it but may not see it back (e.g. an adjuster's key and another adjuster): acknowledge by number.
      return {
        status: 201,
        body: claim ? presentClaim(claim) : { id: filed.claimId, claimNumber: filed.claimNumber },
      };
    });
  });
}
