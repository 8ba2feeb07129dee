import type { Route } from "./+types/settings-logo";
import { requirePermission } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { findOrgSettings } from "../../models/org-settings.server.ts";
import { invariantResponse } from "../../utils/invariant.ts";

/** The organization's logo as stored, for the settings page's preview. */
export async function loader(args: Route.LoaderArgs) {
  const { tenant } = await requirePermission(args, "manage:configuration");
  const { db, env } = appServices(args.context);
  const settings = await findOrgSettings(db, tenant);
  invariantResponse(settings?.logoKey && settings.logoContentType, "No logo", { status: 404 });
  const object = await env.DOCUMENTS.get(settings.logoKey);
  invariantResponse(object, "No logo", { status: 404 });
  return new Response(object.body, {
    headers: {
      "content-type": settings.logoContentType,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
