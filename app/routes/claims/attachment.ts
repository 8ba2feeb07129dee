import type { Route } from "./+types/attachment";
import { requirePermission } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { findClaimAttachment, getClaim } from "../../models/claims.server.ts";
import { logPhiAccess } from "../../services/claims/phi-store.server.ts";
import { canSeePhi } from "../../services/claims/phi.ts";
import { phiViewerOf } from "../../services/claims/claim-view.server.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { claimViewContext } from "../claim-access.server.ts";

/** A claim's photo or document: for viewers who see the claim's PHI only, each download logged. */
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:claim");
  const { db, env } = appServices(args.context);
  const claim = await getClaim(db, user.tenant, args.params.claimId);
  invariantResponse(claim, "Claim not found");
  const attachment = await findClaimAttachment(db, user.tenant.orgId, claim.id, args.params.attachmentId);
  invariantResponse(attachment, "Attachment not found");
  const view = claimViewContext(args, user, "page:/claims/attachments");
  invariantResponse(canSeePhi(claim, phiViewerOf(view)), "Attachments are protected: your role does not open them.", {
    status: 403,
  });
  const object = await env.DOCUMENTS.get(attachment.r2Key);
  invariantResponse(object, "Attachment not found");
  await logPhiAccess(db, user.tenant.orgId, [
    {
      actorUserId: user.tenant.userId,
      action: "read",
      claimId: claim.id,
      fields: ["attachment"],
      surface: view.surface,
      ipAddress: view.ipAddress,
    },
  ]);
  return new Response(object.body, {
    headers: {
      "content-type": attachment.contentType,
      "content-length": String(object.size),
      "content-disposition": `attachment; filename="${attachment.filename}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
