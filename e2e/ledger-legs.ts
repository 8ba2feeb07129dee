import { expect, type Page } from "./fixtures.ts";
import { queryE2eDatabase } from "./database.ts";

/**
 * What a journey's own money did on the ledger, read from the journal filtered to its invoice.
 * The organization's balances are shared by every journey running at the same time (any
 * payment, refund or payout of the org moves them between two readings), so a journey checks
 * the transfers of the invoice it owns rather than the difference of org-wide balances.
 */

export function cents(text: string): number {
  const match = /^(-)?\$([\d,]+)\.(\d{2})$/.exec(text.trim());
  if (!match) throw new Error(`not an amount: ${text}`);
  return (match[1] ? -1 : 1) * Number(match[2]!.replaceAll(",", "") + match[3]);
}

export type Movement = {
  /** Cents each account was credited, less what it was debited, by the invoice's transfers. */
  byAccount: Record<string, number>;
  /** Sum of the transfers' amounts. */
  total: number;
};

/** The net movement of every account under the journal's transfers of one invoice. */
export async function invoiceMovement(page: Page, invoiceId: string, expectedRows: number): Promise<Movement> {
  await page.goto(`/finance/journal?invoice=${invoiceId}`);
  const rows = page.getByRole("table", { name: "Journal entries" }).locator("tbody tr");
  await expect(rows).toHaveCount(expectedRows);
  const byAccount: Record<string, number> = {};
  let total = 0;
  for (const row of await rows.all()) {
    const cells = row.locator("td");
    const debit = (await cells.nth(1).innerText()).trim();
    const credit = (await cells.nth(2).innerText()).trim();
    const amount = cents(await cells.nth(3).innerText());
    byAccount[debit] = (byAccount[debit] ?? 0) - amount;
    byAccount[credit] = (byAccount[credit] ?? 0) + amount;
    total += amount;
  }
  return { byAccount, total };
}

/** A policy's own figures (DOMAIN.md, Billing plans): what it owes in all, part by part. */
export async function policyFigures(policyId: string) {
  const [sums] = await queryE2eDatabase<Record<string, string | number>>(
    `SELECT SUM(premium_cents) AS premium, SUM(fees_cents) AS fees, SUM(taxes_cents) AS taxes,
            SUM(producer_commission_cents) AS producer, SUM(mga_commission_cents) AS mga
       FROM policy_transactions WHERE policy_id = ?`,
    [policyId],
  );
  const [installments] = await queryE2eDatabase<{ fees: string | number }>(
    "SELECT SUM(fee_cents) AS fees FROM installments WHERE policy_id = ?",
    [policyId],
  );
  const premium = Number(sums!.premium);
  const fees = Number(sums!.fees) + Number(installments!.fees);
  const taxes = Number(sums!.taxes);
  const producer = Number(sums!.producer);
  const mga = Number(sums!.mga);
  return { premium, fees, taxes, producer, mga, total: premium + fees + taxes };
}

/** round(part × received / total), half to even: each part's cumulative share (ADR 018). */
function share(part: number, received: number, total: number): number {
  const numerator = BigInt(part) * BigInt(received);
  const t = BigInt(total);
  const quotient = numerator / t;
  const twice = (numerator - quotient * t) * 2n;
  return Number(twice > t || (twice === t && quotient % 2n === 1n) ? quotient + 1n : quotient);
}

/**
 * The worked example: how a receipt that brings the policy's receipts from `before` to `after`
 * cents moves each account, by cumulative share of the policy's own figures, and how many
 * transfers (one per part that moves) carry it.
 */
export function expectedMovement(figures: Awaited<ReturnType<typeof policyFigures>>, before: number, after: number) {
  const delta = (part: number) => share(part, after, figures.total) - share(part, before, figures.total);
  const parts = {
    producer: delta(figures.producer),
    mga: delta(figures.mga),
    fees: delta(figures.fees),
    tax: delta(figures.taxes),
    carrier: 0,
  };
  parts.carrier = after - before - parts.producer - parts.mga - parts.fees - parts.tax;
  const byAccount: Record<string, number> = {
    MGA_FIDUCIARY: -(after - before),
    PRODUCER_PAYABLE: parts.producer,
    MGA_REVENUE: parts.mga + parts.fees,
    TAX_AUTHORITY_PAYABLE: parts.tax,
    CARRIER_PAYABLE: parts.carrier,
  };
  return { byAccount, transfers: Object.values(parts).filter((amount) => amount !== 0).length };
}

/** Accounts the invoice's transfers did not touch moved by zero. */
export function withEveryAccount(movement: Record<string, number>, expected: Record<string, number>) {
  const every: Record<string, number> = {};
  for (const account of new Set([...Object.keys(movement), ...Object.keys(expected)]))
    every[account] = movement[account] ?? 0;
  return every;
}

/**
 * Reconciliation covers the whole organization: for the instant between another journey writing
 * a posting and the ledger acknowledging it, that posting (and its account's balance) shows as a
 * break. The page is read again until it settles; a real break stays and fails the journey.
 */
export async function expectNoBreaks(page: Page) {
  await expect(async () => {
    await page.goto("/finance/reconciliation");
    await expect(page.getByRole("heading", { name: /^Breaks/ })).toBeVisible();
    await expect(page.getByText("No breaks: the database and the ledger agree.")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}
