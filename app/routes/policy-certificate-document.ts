import type { Route } from "./+types/policy-certificate-document";
import { requirePermission } from "../auth/session.server.ts";
import { appServices } from "../context.server.ts";
import { certificateDocument } from "../services/servicing/certificates.server.ts";
import { invariantResponse } from "../utils/invariant.ts";

// The stored certificate of insurance: rendered once when issued, as of its issue date.
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:policy");
  const { db, env } = appServices(args.context);
  const pdf = await certificateDocument(
    db,
    env.DOCUMENTS,
    user.tenant,
    args.params.policyId,
    args.params.certificateId,
  );
  invariantResponse(pdf, "Certificate not found");
  return pdf;
}
