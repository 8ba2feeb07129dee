import type { Route } from "./+types/policies";
import { appServices } from "../../../context.server.ts";
import { listPoliciesPage } from "../../../models/policies.server.ts";
import { ApiFailure, apiJson, handleApi } from "../../../services/api/http.server.ts";
import { presentPolicy } from "../../../services/api/presenters.ts";
import { PolicyListQuery } from "../../../services/api/servicing-schemas.ts";

/** GET /v1/policies: the policies the key may see, filtered, a page at a time by cursor. */
export async function loader(args: Route.LoaderArgs) {
  return handleApi(args, async ({ tenant, request }) => {
    const query = PolicyListQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success)
      throw new ApiFailure(400, "VALIDATION_FAILED", "The query is not valid.", {
        issues: query.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      });
    const { cursor, limit, ...filter } = query.data;
    const rows = await listPoliciesPage(appServices(args.context).db, tenant, { ...filter, after: cursor, limit });
    const page = rows.slice(0, limit);
    return apiJson({ data: page.map(presentPolicy), nextCursor: rows.length > limit ? page.at(-1)!.id : null });
  });
}
