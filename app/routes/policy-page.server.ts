import type { RouterContextProvider } from "react-router";
import { requirePermission } from "../auth/session.server.ts";
import { appServices } from "../context.server.ts";
import { listInvoices } from "../models/invoices.server.ts";
import { getPolicy } from "../models/policies.server.ts";
import { invariantResponse } from "../utils/invariant.ts";

type Args = { request: Request; params: { policyId?: string }; context: Readonly<RouterContextProvider> };

/** The loader of every area's policy page: a policy the user may see (404 otherwise). */
export async function loadPolicyPage(args: Args, { withInvoices = false } = {}) {
  const user = await requirePermission(args, "read:policy");
  const { db } = appServices(args.context);
  const policy = await getPolicy(db, user.tenant, args.params.policyId ?? "");
  invariantResponse(policy, "Policy not found");
  return { policy, invoices: withInvoices ? await listInvoices(db, user.tenant, { policyId: policy.id }) : undefined };
}
