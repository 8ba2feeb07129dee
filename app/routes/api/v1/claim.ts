import type { Route } from "./+types/claim";
import { appServices } from "../../../context.server.ts";
import { ApiFailure, apiJson, handleApi } from "../../../services/api/http.server.ts";
import { presentClaim } from "../../../services/claims/claim-presenter.ts";
import { loadClaimForViewer } from "../../../services/claims/claim-view.server.ts";
import { masterKeyFrom } from "../../../services/claims/phi-store.server.ts";

/** One claim; claimant PHI is always redacted for API keys. */
export async function loader(args: Route.LoaderArgs) {
  return handleApi(args, async ({ tenant, keyId, request }) => {
    const { db, env } = appServices(args.context);
    const claim = await loadClaimForViewer(
      db,
      await masterKeyFrom(env),
      {
        tenant,
        twoFactorVerified: false,
        via: "api_key",
        apiKeyId: keyId,
        surface: "api:/v1/claims/:id",
        ipAddress: request.headers.get("cf-connecting-ip"),
      },
      args.params.claimId,
    );
    if (!claim) throw new ApiFailure(404, "NOT_FOUND", "No such claim.");
    return apiJson(presentClaim(claim));
  });
}
