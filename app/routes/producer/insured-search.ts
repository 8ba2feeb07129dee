import type { Route } from "./+types/insured-search";
import { requirePermission } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { searchAgencyInsureds } from "../../models/insureds.server.ts";

/** The intake form's insured picker asks here as the producer types: their own agency's insureds only. */
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "create:submission");
  const { agencyId } = user.tenant;
  if (!agencyId) return { insureds: [] };
  const text = new URL(args.request.url).searchParams.get("q") ?? "";
  const { db } = appServices(args.context);
  return { insureds: await searchAgencyInsureds(db, { ...user.tenant, agencyId }, text) };
}
