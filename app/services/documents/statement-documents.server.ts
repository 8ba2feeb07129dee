import type { Database } from "../../../db/client.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { getCommissionStatement } from "../ledger/statements.server.ts";
import { periodBounds } from "../ledger/statements.ts";
import { findAgencyStatement, listAgencyStatementItems } from "../../models/agency-statements.server.ts";
import { renderAgencyStatement, renderCommissionStatement } from "./statement-documents.ts";

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

/**
 * An agency-bill statement as a PDF, or null when it is not the caller's org's. Received
 * statements are frozen and kept in R2; an open one is rendered afresh (a rerun may add invoices).
 */
export async function agencyStatementDocument(
  db: Database,
  bucket: R2Bucket,
  tenant: TenantContext,
  statementId: string,
): Promise<Response | null> {
  const found = await findAgencyStatement(db, tenant.orgId, statementId);
  if (!found) return null;
  const { statement, agencyName } = found;
  const filename = `agency-bill-${statement.period}.pdf`;
  const key = `orgs/${tenant.orgId}/statements/${statement.id}.pdf`;
  const frozen = statement.status === "received";
  if (frozen) {
    const stored = await bucket.get(key);
    if (stored) return pdfResponse(stored.body, filename);
  }
  const items = await listAgencyStatementItems(db, tenant.orgId, statement.id);
  const pdf = (await renderAgencyStatement({
    mgaName: tenant.orgName,
    agencyName,
    period: statement.period,
    asOf: periodBounds(statement.period).last,
    status: statement.status,
    lines: items.map((i) => ({
      invoiceNumber: i.invoiceNumber,
      policyNumber: i.policyNumber,
      insuredName: i.insuredName ?? "",
      dueDate: i.dueDate,
      grossCents: i.item.grossCents,
      commissionCents: i.item.commissionCents,
    })),
    grossCents: statement.grossCents,
    commissionCents: statement.commissionCents,
    netCents: statement.netCents,
  })) as Uint8Array<ArrayBuffer>;
  if (frozen) await bucket.put(key, pdf, { httpMetadata: { contentType: "application/pdf" } });
  return pdfResponse(pdf, filename);
}
