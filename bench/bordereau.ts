import { readdirSync, readFileSync } from "node:fs";
import { Client } from "@planetscale/database";
import { signIn, withBenchStack } from "./stack.ts";

// A month of 100,000 policy transactions under one DA agreement, through the built Worker: the
// compliance officer generates the premium bordereau (lines written set-based, read back in
// chunks through the checks) and downloads the CSV export (streamed). Memory is the peak resident
// size of the workerd processes, sampled from /proc while both run.

export type BordereauBench = {
  transactions: number;
  generateMs: number;
  exportMs: number;
  exportBytes: number;
  exportLines: number;
  peakWorkerdRssMb: number;
};

function workerdRssKb(): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      if (!/^Name:\s+workerd$/m.test(status)) continue;
      total += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

async function seedMonth(databaseUrl: string, month: string, transactions: number) {
  const client = new Client({ url: databaseUrl, fetch: (input, init) => fetch(input, { ...init, cache: undefined }) });
  const conn = client.connection();
  const perPolicy = 10;
  const policies = transactions / perPolicy;
  const types = ["new_business", "endorsement", "endorsement", "cancellation", "reinstatement"];
  for (let start = 0; start < policies; start += 1000) {
    const policyRows: string[] = [];
    const txRows: string[] = [];
    for (let p = start; p < Math.min(policies, start + 1000); p++) {
      const id = `pol_bench_${p}`;
      policyRows.push(
        `('${id}','org_summit','BEN-GL-2026-${String(p).padStart(6, "0")}','ins_lonestar','agy_harbor','prg_summit_gl','car_granite','GL','TX','active','${month}-01','2027-${month.slice(5)}-01',100000,0,0,NOW(3),NOW(3))`,
      );
      for (let t = 0; t < perPolicy; t++) {
        const premium = t === 3 ? -(12_345 + p) : 100_000 + p + t;
        // Commission as the transaction records it: half-to-even at whole cents equals Math.round
        // for these odd/even mixes only by luck, so compute it exactly in integers.
        const rate = (r: number) => {
          const exact = premium * r;
          const floor = Math.floor(exact / 100);
          const rest = exact - floor * 100;
          return rest > 50 || (rest === 50 && floor % 2 !== 0) ? floor + 1 : floor;
        };
        const day = String(1 + ((p + t * 3) % 28)).padStart(2, "0");
        txRows.push(
          `('ptx_bench_${p}_${t}','org_summit','${id}',${t + 1},'${types[t % 5]}','${month}-01','${month}-${day}',${premium},0,${Math.trunc(premium / 20)},'0.1500',${rate(15)},'0.0500',${rate(5)},NOW(3))`,
        );
      }
    }
    await conn.execute(
      `INSERT INTO policies (id, org_id, policy_number, insured_id, agency_id, program_id, carrier_id, line_of_business, state, status, effective_date, expiration_date, gross_premium_cents, fees_cents, taxes_cents, created_at, updated_at) VALUES ${policyRows.join(",")}`,
    );
    await conn.execute(
      `INSERT INTO policy_transactions (id, org_id, policy_id, sequence, type, effective_date, booked_on, premium_cents, fees_cents, taxes_cents, producer_commission_rate, producer_commission_cents, mga_commission_rate, mga_commission_cents, created_at) VALUES ${txRows.join(",")}`,
    );
  }
  // The bench's policies incept in the month: the demo agreement's term must include it.
  await conn.execute(
    `UPDATE da_agreements SET effective_date = '${month.slice(0, 4)}-01-01', expiration_date = '${month.slice(0, 4)}-12-31' WHERE org_id = 'org_summit' AND id = 'da_summit_gl'`,
  );
}

export async function benchBordereau(transactions = 100_000): Promise<BordereauBench> {
  return withBenchStack("openinsure_bench_bordereau", async (stack) => {
    const month = "2026-10";
    await seedMonth(stack.databaseUrl, month, transactions);
    const cookie = await signIn(stack.appUrl, "compliance@summit.demo");
    let peakKb = workerdRssKb();
    const sampler = setInterval(() => {
      peakKb = Math.max(peakKb, workerdRssKb());
    }, 25);
    try {
      const started = performance.now();
      const generated = await fetch(`${stack.appUrl}/compliance/bordereaux`, {
        method: "POST",
        headers: { cookie },
        redirect: "manual",
        body: new URLSearchParams({
          intent: "generate",
          agreementId: "da_summit_gl",
          kind: "premium",
          month,
          formToken: `ftk_bench_${Date.now()}`,
        }),
      });
      const location = generated.headers.get("location");
      if (generated.status !== 302 || !location) throw new Error(`generate answered ${generated.status}`);
      const generateMs = Math.round(performance.now() - started);
      const exportStarted = performance.now();
      const exported = await fetch(`${stack.appUrl}${location}/export?format=csv`, { headers: { cookie } });
      if (exported.status !== 200 || !exported.body) throw new Error(`export answered ${exported.status}`);
      let exportBytes = 0;
      let exportLines = 0;
      for await (const chunk of exported.body) {
        exportBytes += chunk.byteLength;
        for (const byte of chunk) if (byte === 10) exportLines++;
      }
      const exportMs = Math.round(performance.now() - exportStarted);
      return {
        transactions,
        generateMs,
        exportMs,
        exportBytes,
        exportLines: exportLines - 1,
        peakWorkerdRssMb: Math.round(peakKb / 1024),
      };
    } finally {
      clearInterval(sampler);
    }
  });
}
