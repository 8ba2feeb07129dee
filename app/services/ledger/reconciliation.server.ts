/**
 * Reconciliation: what the database says about billing and payments against what the ledger
 * holds. Every disagreement is listed as a break; an empty list means the books agree.
 */
import type { Database } from "../../../db/client.ts";
import { listInvoiceTotals } from "../../models/invoice-payments.server.ts";
import { listPostedEntries, listPostings, sumEntriesByPosting } from "../../models/ledger-postings.server.ts";
import { postingErrorForDisplay } from "./postings.server.ts";
import { listPaymentAmounts, sumPaymentsByInvoice } from "../../models/payments.server.ts";
import { listReturnPremiumCredits } from "../../models/policy-servicing.server.ts";
import { listRefundedCredits, sumOverpaymentsByInvoice } from "../../models/policy-money.server.ts";
import { refundPostingId } from "./receivables.server.ts";
import { listReceivedAgencyItems } from "../../models/agency-statements.server.ts";
import { listPaidStatementPostings } from "../../models/statements.server.ts";
import { ACCOUNT_TYPES, accountType, type AccountCode } from "./chart.ts";
import type { LedgerClient } from "./client.server.ts";
import { provisionBook } from "./book.server.ts";

export type ReconciliationBreak = {
  kind:
    | "invoice_status"
    | "payment_split"
    | "return_split"
    | "refund_split"
    | "statement_payout"
    | "posting_awaiting"
    | "posting_rejected"
    | "transfer_missing"
    | "transfer_different"
    | "account_balance";
  subject: string;
  /** Where to look: an invoice's page, for breaks about an invoice. */
  invoiceId: string | null;
  detail: string;
};

export type Reconciliation = {
  breaks: ReconciliationBreak[];
  invoicesChecked: number;
  paymentsChecked: number;
  transfersChecked: number;
};

const LOOKUP_BATCH = 8_000;

export async function reconcile(db: Database, ledger: LedgerClient, orgId: string): Promise<Reconciliation> {
  const book = await provisionBook(db, ledger, orgId);
  const breaks: ReconciliationBreak[] = [];

  const [invoiceRows, paidByInvoice, paymentRows, legsByPosting, overpaidByInvoice] = await Promise.all([
    listInvoiceTotals(db, orgId),
    sumPaymentsByInvoice(db, orgId),
    listPaymentAmounts(db, orgId),
    sumEntriesByPosting(db, orgId),
    sumOverpaymentsByInvoice(db, orgId),
  ]);
  const agencyItems = await listReceivedAgencyItems(db, orgId);
  // ADR 024: an agency-billed invoice's receipt brings in its gross less the commission kept.
  const keptOf = new Map(agencyItems.map((i) => [i.paymentId, i.commissionCents]));
  const paidOf = new Map(paidByInvoice.map((r) => [r.invoiceId, r.cents]));
  const legsOf = new Map(legsByPosting.map((r) => [r.postingId, r.cents]));
  for (const invoice of invoiceRows) {
    // What an overpayment left beyond the invoice is the policy's credit, not the invoice's.
    const paid = (paidOf.get(invoice.id) ?? 0) - (overpaidByInvoice.get(invoice.id) ?? 0);
    const fullyPaid = paid === invoice.amountCents;
    if (paid > invoice.amountCents)
      breaks.push({
        kind: "invoice_status",
        subject: invoice.invoiceNumber,
        invoiceId: invoice.id,
        detail: `payments of ${paid} cents exceed the invoice amount of ${invoice.amountCents}`,
      });
    else if (invoice.status === "paid" && !fullyPaid)
      breaks.push({
        kind: "invoice_status",
        subject: invoice.invoiceNumber,
        invoiceId: invoice.id,
        detail: `marked paid but payments total ${paid} of ${invoice.amountCents} cents`,
      });
    else if (invoice.status !== "paid" && invoice.status !== "waived" && fullyPaid)
      breaks.push({
        kind: "invoice_status",
        subject: invoice.invoiceNumber,
        invoiceId: invoice.id,
        detail: `fully paid (${paid} cents) but still ${invoice.status}`,
      });
  }

  for (const payment of paymentRows) {
    // An overpayment's credit applied to an invoice moves no money: its receipt was allocated when
    // it came in. Return premium applied gives the parties exactly its amount again (ADR 030).
    const legs = legsOf.get(payment.id) ?? 0;
    const expectedLegs =
      payment.method === "credit"
        ? payment.creditSource === "return_premium"
          ? payment.amountCents
          : 0
        : payment.amountCents - (keptOf.get(payment.id) ?? 0);
    if (legs !== expectedLegs)
      breaks.push({
        kind: "payment_split",
        subject: payment.id,
        invoiceId: payment.invoiceId,
        detail: `the legs of its posting sum to ${legs} cents, the payment is ${expectedLegs}`,
      });
    if (payment.returnId) {
      const back = legsOf.get(payment.returnId) ?? 0;
      if (back !== -payment.amountCents)
        breaks.push({
          kind: "payment_split",
          subject: `${payment.id} (returned)`,
          invoiceId: payment.invoiceId,
          detail: `the legs of its return sum to ${-back} cents back, the payment was ${payment.amountCents}`,
        });
    }
  }

  // Servicing (ADR 017): the legs of a return posting add up to the credit the insured was given.
  for (const credit of await listReturnPremiumCredits(db, orgId)) {
    // Money coming back into the trust account counts negative in the posting sums.
    const legs = -(legsOf.get(credit.sourceId) ?? 0);
    if (legs !== credit.amountCents)
      breaks.push({
        kind: "return_split",
        subject: credit.sourceId,
        invoiceId: null,
        detail: `the return posting's legs sum to ${legs} cents, the credit is ${credit.amountCents}`,
      });
  }

  // ADR 024: a refunded overpayment takes its amount back from the parties; refunded return
  // premium moves nothing, its return posting having taken it back already.
  for (const credit of await listRefundedCredits(db, orgId)) {
    const back = -(legsOf.get(refundPostingId(credit.id)) ?? 0);
    const expectedBack = credit.source === "overpayment" ? credit.refundedCents : 0;
    if (back !== expectedBack)
      breaks.push({
        kind: "refund_split",
        subject: `${credit.source.replace("_", " ")} credit ${credit.id}`,
        invoiceId: null,
        detail: `its refund took ${back} cents back from the parties, ${expectedBack} expected`,
      });
  }

  // Payouts (ADR 024): each paid or settled statement's posting moved exactly its figure out of
  // the payable, and each received agency statement's receipts brought in exactly its net.
  for (const payout of await listPaidStatementPostings(db, orgId)) {
    const moved = -(legsOf.get(payout.postingId) ?? 0);
    if (moved !== payout.amountCents)
      breaks.push({
        kind: "statement_payout",
        subject: payout.subject,
        invoiceId: null,
        detail: `its payout posting moved ${moved} cents, the statement says ${payout.amountCents}`,
      });
  }
  const agencyStatements = new Map<string, { gross: number; commission: number; net: number; received: number }>();
  for (const item of agencyItems) {
    const s = agencyStatements.get(item.statementId) ?? {
      gross: 0,
      commission: 0,
      net: item.statementNetCents,
      received: 0,
    };
    s.gross += item.grossCents;
    s.commission += item.commissionCents;
    s.received += item.paymentId ? (legsOf.get(item.paymentId) ?? 0) : 0;
    agencyStatements.set(item.statementId, s);
  }
  for (const [statementId, s] of agencyStatements) {
    if (s.gross - s.commission !== s.net || s.received !== s.net)
      breaks.push({
        kind: "statement_payout",
        subject: `agency statement ${statementId}`,
        invoiceId: null,
        detail: `its invoices come to ${s.gross - s.commission} cents net and its receipts brought in ${s.received}; the statement says ${s.net}`,
      });
  }

  const postings = await listPostings(db, orgId);
  for (const posting of postings) {
    if (posting.status === "awaiting_posting")
      breaks.push({
        kind: "posting_awaiting",
        subject: posting.description,
        invoiceId: posting.invoiceId,
        detail: `not on the ledger yet (${posting.attempts} attempts${posting.lastError ? `; last: ${postingErrorForDisplay(posting.status, posting.lastError)}` : ""})`,
      });
    if (posting.status === "rejected")
      breaks.push({
        kind: "posting_rejected",
        subject: posting.description,
        invoiceId: posting.invoiceId,
        detail: postingErrorForDisplay(posting.status, posting.lastError) ?? "refused by the ledger",
      });
  }

  const posted = await listPostedEntries(db, orgId);
  const expected = new Map<AccountCode, { debits: bigint; credits: bigint }>(
    ACCOUNT_TYPES.map((t) => [t.code, { debits: 0n, credits: 0n }]),
  );
  for (let i = 0; i < posted.length; i += LOOKUP_BATCH) {
    const batch = posted.slice(i, i + LOOKUP_BATCH);
    const found = new Map(
      (await ledger.lookupTransfers(batch.map((p) => BigInt(p.entry.transferId)))).map((t) => [t.id.toString(), t]),
    );
    for (const { entry, description, invoiceId } of batch) {
      expected.get(entry.debitAccount as AccountCode)!.debits += BigInt(entry.amountCents);
      expected.get(entry.creditAccount as AccountCode)!.credits += BigInt(entry.amountCents);
      const transfer = found.get(entry.transferId);
      const subject = `${description} · ${entry.leg}`;
      if (!transfer) {
        breaks.push({
          kind: "transfer_missing",
          subject,
          invoiceId,
          detail: `transfer ${entry.transferId} is recorded as posted but the ledger does not have it`,
        });
      } else if (
        transfer.amount !== BigInt(entry.amountCents) ||
        transfer.debitAccountId !== book.accountId(entry.debitAccount as AccountCode) ||
        transfer.creditAccountId !== book.accountId(entry.creditAccount as AccountCode)
      ) {
        breaks.push({
          kind: "transfer_different",
          subject,
          invoiceId,
          detail: `the ledger holds ${transfer.amount} cents between other accounts than the ${entry.amountCents} cents recorded`,
        });
      }
    }
  }

  const accounts = await ledger.lookupAccounts(ACCOUNT_TYPES.map((t) => book.accountId(t.code)));
  for (const account of accounts) {
    const code = book.codeOf(account.id)!;
    const want = expected.get(code)!;
    if (account.debitsPosted !== want.debits || account.creditsPosted !== want.credits) {
      breaks.push({
        kind: "account_balance",
        subject: accountType(code)!.name,
        invoiceId: null,
        detail: `ledger debits/credits ${account.debitsPosted}/${account.creditsPosted} cents, the database's postings add up to ${want.debits}/${want.credits}`,
      });
    }
  }

  return {
    breaks,
    invoicesChecked: invoiceRows.length,
    paymentsChecked: paymentRows.length,
    transfersChecked: posted.length,
  };
}
