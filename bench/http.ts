import { Client } from "@planetscale/database";
import { DEMO_API_KEYS } from "../db/seed/demo-data.ts";
import { percentile, signIn, withBenchStack } from "./stack.ts";
import { benchPremiumPayments } from "./premium-payments.ts";

// Latency of the app through the real Worker (a built preview in workerd) and the real database
// path (PlanetScale driver -> simulator -> MariaDB), with the data volumes the issue names.

export type LatencyRow = { benchmark: string; requests: number; p50Ms: number; p95Ms: number; target: string };

function summarize(benchmark: string, samples: number[], target: string): LatencyRow {
  const sorted = [...samples].sort((a, b) => a - b);
  return { benchmark, requests: samples.length, p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), target };
}

async function seedQueue(databaseUrl: string, count: number) {
  const client = new Client({ url: databaseUrl, fetch: (input, init) => fetch(input, { ...init, cache: undefined }) });
  const conn = client.connection();
  for (let start = 0; start < count; start += 500) {
    const rows = Array.from({ length: Math.min(500, count - start) }, (_, i) => {
      const n = start + i;
      return `('sub_bench_${n}','org_summit','BENCH-${String(n).padStart(6, "0")}','agy_harbor','usr_a_producer','ins_redriver','prg_summit_wc','WC','OK','561730',NULL,${50_000_000 + n},100000000,0,'2026-12-15',12,'${["submitted", "in_review", "referred", "quoted"][n % 4]}',${100_000 + n},NOW(3) - INTERVAL ${n} SECOND,NOW(3))`;
    });
    await conn.execute(
      `INSERT INTO submissions (id, org_id, reference, agency_id, producer_user_id, insured_id, program_id, line_of_business, state, naics_code, annual_revenue_cents, payroll_cents, requested_limit_cents, deductible_cents, effective_date, term_months, status, indicated_premium_cents, created_at, updated_at) VALUES ${rows.join(",")}`,
    );
  }
}

export async function benchHttp(): Promise<LatencyRow[]> {
  return withBenchStack("openinsure_bench", async (stack) => {
    await seedQueue(stack.databaseUrl, 10_000);
    const cookie = await signIn(stack.appUrl, "underwriter@summit.demo");
    const queue: number[] = [];
    for (let i = 0; i < 220; i++) {
      const started = performance.now();
      const response = await fetch(`${stack.appUrl}/uw?sort=${i % 2 ? "premium" : "newest"}&page=${1 + (i % 40)}`, {
        headers: { cookie },
      });
      await response.text();
      if (i >= 20) queue.push(performance.now() - started);
    }

    const key = DEMO_API_KEYS[0]!.secret;
    const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
    const effectiveDate = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const quoteAndBind: number[] = [];
    const client = async (worker: number) => {
      for (let i = 0; i < 5; i++) {
        const created = (await (
          await fetch(`${stack.appUrl}/v1/submissions`, {
            method: "POST",
            headers,
            body: JSON.stringify({
              lineOfBusiness: "GL",
              insuredName: `Bench Painting ${worker}-${i}`,
              naicsCode: "238320",
              state: "TX",
              annualRevenue: 90_000_000,
              requestedLimit: 100_000_000,
              deductible: 100_000,
              effectiveDate,
              yearsInBusiness: 6,
            }),
          })
        ).json()) as { id: string };
        const started = performance.now();
        await (await fetch(`${stack.appUrl}/v1/submissions/${created.id}/quote`, { method: "POST", headers })).json();
        const bound = await fetch(`${stack.appUrl}/v1/submissions/${created.id}/bind`, {
          method: "POST",
          headers: { ...headers, "idempotency-key": `bench-${created.id}` },
          body: JSON.stringify({ plan: "PIF", declinations: ["A", "B", "C"] }),
        });
        const policy = await bound.json();
        if (bound.status !== 201) throw new Error(`bind answered ${bound.status}: ${JSON.stringify(policy)}`);
        quoteAndBind.push(performance.now() - started);
      }
    };
    await Promise.all(Array.from({ length: 20 }, (_, worker) => client(worker)));
    const payments = await benchPremiumPayments(stack);
    return [
      summarize("/uw queue page, 10,000 submissions seeded", queue, "p95 <= 100 ms"),
      summarize("/v1 quote + bind, 20 concurrent clients", quoteAndBind, "p95 <= 150 ms"),
      summarize(
        `splitPremiumPayment via /finance, sequential (${payments.alone.posted} posted)`,
        payments.alone.samples,
        "—",
      ),
      summarize(
        `splitPremiumPayment via /finance, ${payments.clients} concurrent clients (${payments.together.posted} posted)`,
        payments.together.samples,
        "—",
      ),
    ];
  });
}
