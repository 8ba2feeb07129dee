import type { Database } from "../../../db/client.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { getCommissionStatement } from "../ledger/statements.server.ts";
import { periodBounds } from "../ledger/statements.ts";
import { renderCommissionStatement } from "./statement-documents.ts";

// A commission statement's PDF is rendered on request; once the statement is approved its figures
// are frozen, so the first rendering is kept in R2 and later downloads read the stored copy. A
// draft changes with every rerun of the month-end, so it is rendered afresh and never stored.

function pdfResponse(body: BodyInit, filename: string) {
  return new Response(body, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
}

export function commissionStatementKey(orgId: string, statementId: string) {
  return `orgs/${orgId}/statements/${statementId}.pdf`;
}

/** The statement as a PDF download, or null when the caller may not see it. */
export async function commissionStatementDocument(
  db: Database,
  bucket: R2Bucket,
  tenant: TenantContext,
  statementId: string,
): Promise<Response | null> {
  const found = await getCommissionStatement(db, tenant, statementId);
  if (!found) return null;
  const { statement, agencyName, lines } = found;
  const filename = `commission-${statement.period}.pdf`;
  const key = commissionStatementKey(tenant.orgId, statement.id);
  const frozen = statement.status !== "draft";
  if (frozen) {
    const stored = await bucket.get(key);
    if (stored) return pdfResponse(stored.body, filename);
  }
  const pdf = (await renderCommissionStatement({
    mgaName: tenant.orgName,
    agencyName,
    period: statement.period,
    asOf: periodBounds(statement.period).last,
    status: statement.status,
    lines,
    premiumCents: statement.premiumCents,
    commissionCents: statement.commissionCents,
  })) as Uint8Array<ArrayBuffer>;
  if (frozen) await bucket.put(key, pdf, { httpMetadata: { contentType: "application/pdf" } });
  return pdfResponse(pdf, filename);
}
