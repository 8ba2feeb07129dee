/**
 * A claim as one viewer may see it, on any surface: the claim, its claimants opened and passed
 * through `redactClaimForViewer`, and payees masked with them. When the viewer sees PHI the
 * read is appended to the PHI access log before anything is returned.
 */
import type { Database } from "../../../db/client.ts";
import type { TenantContext } from "../../auth/tenant.ts";
import { getClaim, listClaimants, listClaimTransactions } from "../../models/claims.server.ts";
import type { MasterKey } from "./phi-crypto.ts";
import { logPhiAccess, openClaimantPhi } from "./phi-store.server.ts";
import { emptyPhi, maskPhi, phiFieldsPresent, REDACTED, redactClaimForViewer, type PhiViewer } from "./phi.ts";

export type ViewContext = {
  tenant: TenantContext;
  twoFactorVerified: boolean;
  via: "session" | "api_key";
  apiKeyId?: string | null;
  surface: string;
  ipAddress: string | null;
};

export function phiViewerOf(view: ViewContext): PhiViewer {
  return {
    userId: view.via === "session" ? view.tenant.userId : null,
    roles: view.tenant.roles,
    twoFactorVerified: view.twoFactorVerified,
    via: view.via,
  };
}

export async function loadClaimForViewer(db: Database, master: MasterKey, view: ViewContext, claimId: string) {
  const claim = await getClaim(db, view.tenant, claimId);
  if (!claim) return null;
  const [rows, transactions] = await Promise.all([
    listClaimants(db, view.tenant.orgId, claimId),
    listClaimTransactions(db, view.tenant.orgId, claimId),
  ]);
  const viewer = phiViewerOf(view);
  // Opened only for a viewer who may see them: a masked view never decrypts.
  const mayOpen = redactClaimForViewer({ ...claim, claimants: [] }, viewer).phiVisible;
  const claimants = await Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      role: row.role,
      phi: mayOpen ? await openClaimantPhi(db, master, view.tenant.orgId, row) : maskPhi(emptyPhi()),
    })),
  );
  const redacted = redactClaimForViewer({ ...claim, claimants }, viewer);
  if (redacted.phiVisible) {
    const fields = [...new Set(claimants.flatMap((c) => phiFieldsPresent(c.phi)))];
    if (fields.length > 0)
      await logPhiAccess(db, view.tenant.orgId, [
        {
          actorUserId: view.tenant.userId,
          actorApiKeyId: view.apiKeyId ?? null,
          action: "read",
          claimId,
          fields,
          surface: view.surface,
          ipAddress: view.ipAddress,
        },
      ]);
  }
  return {
    ...redacted,
    transactions: transactions.map((t) => ({
      ...t,
      // A payee is often the claimant: shown only to those who see PHI.
      counterparty: redacted.phiVisible ? t.counterparty : REDACTED,
    })),
  };
}

export type ClaimView = NonNullable<Awaited<ReturnType<typeof loadClaimForViewer>>>;
