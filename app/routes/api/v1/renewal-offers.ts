import type { Route } from "./+types/renewal-offers";
import { appServices } from "../../../context.server.ts";
import { listRenewalOffersAfter } from "../../../models/renewals.server.ts";
import { ApiFailure, apiJson, handleApi } from "../../../services/api/http.server.ts";
import { presentRenewalOffer } from "../../../services/api/presenters.ts";
import { RenewalOfferListQuery } from "../../../services/api/servicing-schemas.ts";

/** GET /v1/renewal-offers: the renewal offers the key may see, a page at a time by cursor. */
export async function loader(args: Route.LoaderArgs) {
  return handleApi(args, async ({ tenant, request }) => {
    const query = RenewalOfferListQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success)
      throw new ApiFailure(400, "VALIDATION_FAILED", "The query is not valid.", {
        issues: query.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      });
    const { cursor, limit, status } = query.data;
    const rows = await listRenewalOffersAfter(appServices(args.context).db, tenant, { status, after: cursor, limit });
    const page = rows.slice(0, limit);
    return apiJson({
      data: page.map((r) => presentRenewalOffer(r.offer, r.policyNumber)),
      nextCursor: rows.length > limit ? page.at(-1)!.offer.id : null,
    });
  });
}
