import type { Route } from "./+types/denial-letter";
import { requirePermission } from "../../auth/session.server.ts";
import { appServices } from "../../context.server.ts";
import { getClaim } from "../../models/claims.server.ts";
import { renderDenialLetterPdf } from "../../services/claims/denial-letter.ts";
import { loadLetterhead } from "../../services/documents/letterhead.server.ts";
import { invariantResponse } from "../../utils/invariant.ts";
import { todayInUtc } from "../../utils/today.ts";

/** The denial letter of a denied claim, rendered on request from the recorded reason. */
export async function loader(args: Route.LoaderArgs) {
  const user = await requirePermission(args, "read:claim");
  const { db, env } = appServices(args.context);
  const claim = await getClaim(db, user.tenant, args.params.claimId);
  invariantResponse(claim, "Claim not found");
  invariantResponse(claim.denialReason, "This claim has not been denied", { status: 409 });
  const letterhead = await loadLetterhead(db, env.DOCUMENTS, user.tenant.orgId);
  const bytes = (await renderDenialLetterPdf({
    mgaName: letterhead.name,
    logo: letterhead.logo,
    insuredName: claim.insuredName,
    policyNumber: claim.policyNumber,
    claimNumber: claim.claimNumber,
    dateOfLoss: claim.dateOfLoss,
    lossType: claim.lossType,
    denialReason: claim.denialReason,
    issuedOn: claim.closedAt ? claim.closedAt.toISOString().slice(0, 10) : todayInUtc(),
  })) as Uint8Array<ArrayBuffer>;
  return new Response(bytes, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${claim.claimNumber}-denial.pdf"`,
      "cache-control": "private, no-store",
    },
  });
}
