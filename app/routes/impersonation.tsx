import { data, redirect } from "react-router";
import type { Route } from "./+types/impersonation";
import { forbidden, requireUser } from "../auth/session.server.ts";
import { appServices } from "../context.server.ts";
import { findPlatformUser } from "../models/members.server.ts";
import { auditAdminAction } from "../services/access/audit.server.ts";
import { forwardCookies } from "../utils/http.server.ts";

export async function action(args: Route.ActionArgs) {
  const user = await requireUser(args);
  const form = await args.request.formData();
  const { auth, db } = appServices(args.context);
  if (form.get("intent") === "stop") {
    if (!user.impersonatedBy) throw data("You are not impersonating anyone.", { status: 400 });
    const response = await auth.api.stopImpersonating({ headers: args.request.headers, asResponse: true });
    if (user.tenant) {
      await auditAdminAction(db, { ...user, tenant: user.tenant }, args.request, {
        action: "impersonation_stopped",
        targetType: "user",
        targetId: user.id,
      });
    }
    throw redirect("/admin", { headers: forwardCookies(response) });
  }
  if (!user.isPlatformOperator) forbidden();
  const userId = form.get("userId");
  if (typeof userId !== "string" || !userId) throw data("Choose a user to impersonate.", { status: 400 });
  // An operator acts as an organization's user, never as another operator (whose rights span every organization).
  const target = await findPlatformUser(db, userId);
  if (!target) throw data("That user cannot be impersonated.", { status: 400 });
  if (target.isPlatformOperator) forbidden("An operator cannot impersonate another operator.");
  const response = await auth.api.impersonateUser({
    body: { userId },
    headers: args.request.headers,
    asResponse: true,
  });
  if (!response.ok) throw data("That user cannot be impersonated.", { status: 400 });
  throw redirect("/", { headers: forwardCookies(response) });
}
