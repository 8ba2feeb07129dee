import type { Database } from "../../../db/client.ts";
import type { TenantContext } from "../../auth/session.server.ts";
import { getCommissionStatement } from "../ledger/statements.server.ts";
import { periodBounds } from "../ledger/statements.ts";
import { findAgencyStatement, listAgencyStatementItems } from "../../models/agency-statements.server.ts";
import { findCarrierStatementWithCarrier, listCarrierStatementLines } from "../../models/statements.server.ts";
import { loadLetterhead } from "./letterhead.server.ts";
import { renderAgencyStatement, renderCarrierStatement, renderCommissionStatement } from "./statement-documents.ts";

// A statement's PDF is rendered on request; once the statement is frozen (a commission statement
// approved, an agency statement received, a carrier statement settled) the first rendering is
// kept in R2 and later downloads read the stored copy. Before that a month-end rerun changes it,
// so it is rendered afresh and never stored.

function pdfResponse(body: BodyInit, filename: string) {
  return new Response(body, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
}

/** Where a frozen statement's PDF is kept: one key shape for every kind (the ids' prefixes differ). */
export function statementKey(orgId: string, statementId: string) {
  return `orgs/${orgId}/statements/${statementId}.pdf`;
}

/** The stored copy of a frozen statement, or a fresh rendering (kept when frozen). */
async function statementPdf(
  bucket: R2Bucket,
  key: string,
  frozen: boolean,
  filename: string,
  render: () => Promise<Uint8Array>,
): Promise<Response> {
  if (frozen) {
    const stored = await bucket.get(key);
    if (stored) return pdfResponse(stored.body, filename);
  }
  const pdf = (await render()) as Uint8Array<ArrayBuffer>;
  if (frozen) await bucket.put(key, pdf, { httpMetadata: { contentType: "application/pdf" } });
  return pdfResponse(pdf, filename);
}

/** A commission statement as a PDF download, or null when the caller may not see it. */
export async function commissionStatementDocument(
  db: Database,
  bucket: R2Bucket,
  tenant: TenantContext,
  statementId: string,
): Promise<Response | null> {
  const found = await getCommissionStatement(db, tenant, statementId);
  if (!found) return null;
  const { statement, agencyName, lines } = found;
  return statementPdf(
    bucket,
    statementKey(tenant.orgId, statement.id),
    statement.status !== "draft",
    `commission-${statement.period}.pdf`,
    async () =>
      renderCommissionStatement({
        letterhead: await loadLetterhead(db, bucket, tenant.orgId),
        agencyName,
        period: statement.period,
        asOf: periodBounds(statement.period).last,
        status: statement.status,
        lines,
        premiumCents: statement.premiumCents,
        commissionCents: statement.commissionCents,
      }),
  );
}

/**
 * An agency-bill statement as a PDF, or null when it is not the caller's org's. Received
 * statements are frozen; an open one changes when a rerun adds invoices.
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
  return statementPdf(
    bucket,
    statementKey(tenant.orgId, statement.id),
    statement.status === "received",
    `agency-bill-${statement.period}.pdf`,
    async () => {
      const items = await listAgencyStatementItems(db, tenant.orgId, statement.id);
      return renderAgencyStatement({
        letterhead: await loadLetterhead(db, bucket, tenant.orgId),
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
      });
    },
  );
}

/**
 * A carrier settlement statement as a PDF, or null when it is not the caller's org's. Settled
 * statements are frozen; an unsettled one is refreshed by month-end reruns.
 */
export async function carrierStatementDocument(
  db: Database,
  bucket: R2Bucket,
  tenant: TenantContext,
  statementId: string,
): Promise<Response | null> {
  const found = await findCarrierStatementWithCarrier(db, tenant.orgId, statementId);
  if (!found) return null;
  const { statement } = found;
  const carrierName = found.carrierName ?? statement.carrierId;
  const bounds = periodBounds(statement.period);
  return statementPdf(
    bucket,
    statementKey(tenant.orgId, statement.id),
    statement.settlementPostingId !== null,
    `carrier-settlement-${statement.period}.pdf`,
    async () => {
      const lines = await listCarrierStatementLines(db, tenant.orgId, { carrierId: statement.carrierId, ...bounds });
      return renderCarrierStatement({
        letterhead: await loadLetterhead(db, bucket, tenant.orgId),
        carrierName,
        period: statement.period,
        asOf: bounds.last,
        status: statement.settlementPostingId ? "settled" : "open",
        lines: lines.map((l) => {
          const commissionCents = l.producerCommissionCents + l.mgaCommissionCents;
          return {
            bookedOn: l.bookedOn,
            policyNumber: l.policyNumber,
            type: l.type,
            grossCents: l.premiumCents + l.feesCents + l.taxesCents,
            commissionCents,
            feesCents: l.feesCents,
            taxesCents: l.taxesCents,
            netCents: l.premiumCents - commissionCents,
          };
        }),
        grossCents: statement.grossCents,
        commissionCents: statement.commissionCents,
        feesCents: statement.feesCents,
        taxesCents: statement.taxesCents,
        netCents: statement.netCents,
      });
    },
  );
}
