import { Client } from "@planetscale/database";
import { signIn } from "./stack.ts";

// A premium payment as the app runs it: a finance user records a payment on an invoice through
// the Worker, which writes the payment, its posting and the invoice status in one transaction and
// submits the allocation's linked chain to the ledger proxy (embedded backend) before answering.

export type PaymentLatency = { samples: number[]; posted: number };

async function seedInvoices(databaseUrl: string, prefix: string, count: number): Promise<string[]> {
  const client = new Client({ url: databaseUrl, fetch: (input, init) => fetch(input, { ...init, cache: undefined }) });
  const ids = Array.from({ length: count }, (_, n) => `inv_${prefix}_${n}`);
  // One policy per invoice, owing exactly it: a payment is allocated against its policy's total
  // (ADR 018), and payments of different policies do not queue behind one policy's lock.
  const policyRows = ids.map(
    (_, n) =>
      `('pol_${prefix}_${n}','org_summit','${prefix.toUpperCase()}-P-${n}','ins_lonestar','agy_harbor','prg_summit_gl','car_granite','GL','TX','active','2026-12-01','2027-12-01',${12_345 + n},0,0,NOW(3),NOW(3))`,
  );
  await client
    .connection()
    .execute(
      `INSERT INTO policies (id, org_id, policy_number, insured_id, agency_id, program_id, carrier_id, line_of_business, state, status, effective_date, expiration_date, gross_premium_cents, fees_cents, taxes_cents, created_at, updated_at) VALUES ${policyRows.join(",")}`,
    );
  const rows = ids.map(
    (id, n) =>
      `('${id}','org_summit','${prefix.toUpperCase()}-${String(n).padStart(5, "0")}','pol_${prefix}_${n}','2026-12-01',${12_345 + n},'invoiced',NOW(3))`,
  );
  await client
    .connection()
    .execute(
      `INSERT INTO invoices (id, org_id, invoice_number, policy_id, due_date, amount_cents, status, created_at) VALUES ${rows.join(",")}`,
    );
  return ids;
}

async function pay(
  appUrl: string,
  cookie: string,
  invoiceId: string,
  amountCents: number,
): Promise<{ ms: number; posted: boolean }> {
  const started = performance.now();
  const response = await fetch(`${appUrl}/finance/invoices/${invoiceId}`, {
    method: "POST",
    headers: { cookie },
    body: new URLSearchParams({ amount: (amountCents / 100).toFixed(2), method: "wire", reference: "bench" }),
  });
  const html = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`payment of ${invoiceId} answered ${response.status}`);
  return { ms, posted: html.includes("received and posted to the ledger") };
}

/** Sequential payments, then `clients` concurrent finance users paying `perClient` invoices each. */
export async function benchPremiumPayments(
  stack: { appUrl: string; databaseUrl: string },
  { sequential = 200, clients = 10, perClient = 20 } = {},
) {
  const cookie = await signIn(stack.appUrl, "finance@summit.demo");
  const one = await seedInvoices(stack.databaseUrl, "benchpay", sequential + 20);
  const alone: PaymentLatency = { samples: [], posted: 0 };
  for (const [i, id] of one.entries()) {
    const { ms, posted } = await pay(stack.appUrl, cookie, id, 12_345 + i);
    // The first payments warm the Worker and the proxy's connections.
    if (i < 20) continue;
    alone.samples.push(ms);
    if (posted) alone.posted++;
  }
  const many = await seedInvoices(stack.databaseUrl, "benchpayc", clients * perClient);
  const together: PaymentLatency = { samples: [], posted: 0 };
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; i < perClient; i++) {
        const index = c * perClient + i;
        const { ms, posted } = await pay(stack.appUrl, cookie, many[index]!, 12_345 + index);
        together.samples.push(ms);
        if (posted) together.posted++;
      }
    }),
  );
  return { alone, together, clients };
}
