import { Client } from "@planetscale/database";
import { cpuSnapshot, percentile, signIn, withBenchStack } from "./stack.ts";

// The claims list (/claims, a supervisor's view of the whole org) with 50,000 claims: server-side
// sort, filter, search and paging through the real Worker and database path. Latency on a shared
// machine follows the load of others; the Worker's CPU per page (workerd, from /proc) does not.

export type ClaimsBenchResult = {
  claims: number;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  /** p95 of each list view, so a slow sort or search shows itself. */
  p95MsByView: Record<string, number>;
  /** CPU per page of this stack's workerd processes (the Worker and miniflare's router in front of it). */
  workerdCpuMsPerPage: number;
};

const STATUSES = ["open", "investigating", "reserved", "in_settlement", "settled", "closed", "litigated"];

export async function seedClaims(databaseUrl: string, count: number) {
  const client = new Client({ url: databaseUrl, fetch: (input, init) => fetch(input, { ...init, cache: undefined }) });
  const conn = client.connection();
  for (let start = 0; start < count; start += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - start) }, (_, i) => {
      const n = start + i;
      const reported = `DATE_SUB(CURDATE(), INTERVAL ${n % 700} DAY)`;
      return `('clm_bench_${n}','org_summit','CLM-BENCH-${String(n).padStart(6, "0")}','${n % 2 ? "pol_a_1" : "pol_a_2"}','${STATUSES[n % STATUSES.length]}',${reported},${reported},'Bench loss ${n % 13}','usr_a_adjuster',${(n % 50) * 10_000},${(n % 20) * 5_000},${(n % 50) * 10_000},${(n % 20) * 5_000},'TX',NOW(3),NOW(3))`;
    });
    await conn.execute(
      `INSERT INTO claims (id, org_id, claim_number, policy_id, status, date_of_loss, reported_on, loss_type, assigned_adjuster_id, case_reserve_cents, paid_cents, indemnity_reserve_cents, paid_indemnity_cents, loss_state, created_at, updated_at) VALUES ${rows.join(",")}`,
    );
  }
}

export async function benchClaims(count = 50_000): Promise<ClaimsBenchResult> {
  return withBenchStack("openinsure_bench_claims", async (stack) => {
    await seedClaims(stack.databaseUrl, count);
    const cookie = await signIn(stack.appUrl, "claims.supervisor@summit.demo");
    const views = [
      "",
      "?c.sort=reserve&c.dir=desc",
      "?c.status=open",
      "?c.q=CLM-BENCH-04",
      "?c.sort=loss&c.dir=asc&c.page=",
      "?c.sort=claim&c.page=",
    ];
    const samples: number[] = [];
    const byView = new Map<string, number[]>();
    let cpuBefore!: ReturnType<typeof cpuSnapshot>;
    for (let i = 0; i < 240; i++) {
      if (i === 40) cpuBefore = cpuSnapshot(stack.appPid, stack.mariadbPid);
      const view = views[i % views.length]!;
      const url = `${stack.appUrl}/claims${view}${view.endsWith("=") ? 1 + (i % 100) : ""}`;
      const started = performance.now();
      const response = await fetch(url, { headers: { cookie } });
      await response.text();
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      if (i >= 40) {
        const ms = performance.now() - started;
        samples.push(ms);
        byView.set(view || "(default)", [...(byView.get(view || "(default)") ?? []), ms]);
      }
    }
    const cpuAfter = cpuSnapshot(stack.appPid, stack.mariadbPid);
    const sorted = samples.sort((a, b) => a - b);
    const p95MsByView = Object.fromEntries(
      [...byView].map(([view, ms]) => [
        view,
        percentile(
          ms.sort((a, b) => a - b),
          95,
        ),
      ]),
    );
    return {
      claims: count,
      requests: samples.length,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      p95MsByView,
      workerdCpuMsPerPage: Math.round(((cpuAfter.workerd - cpuBefore.workerd) / samples.length) * 10) / 10,
    };
  });
}
