import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { benchRating } from "../app/services/rating/rating.bench.ts";
import { runBench as benchLedger } from "../ledger/bench.ts";
import { benchBordereau } from "./bordereau.ts";
import { benchClaims } from "./claims.ts";
import { benchDealRoom } from "./deal-room.ts";
import { benchHttp } from "./http.ts";
import { benchMonthEnd } from "./month-end.ts";
import { benchQuoteBind, type QuoteBindResult } from "./quote-bind.ts";
import { benchPolicyLifecycle } from "./policy-lifecycle.ts";
import { benchRateImpact } from "./rate-impact.ts";

// Every speed target is measured here, never in unit tests. Prints one table and saves the
// figures under bench/results/ (committed for the runs that close an issue) so runs can be
// compared over time. BENCH_PARTS=rating,ledger,http,dealroom,quotebind,lifecycle,rateimpact,bordereau,monthend,claims
// picks parts (default all).
// The quote + bind part loads both cores for a minute: on a shared machine it runs only while the
// 1-minute load average is below 2 (BENCH_IGNORE_LOAD=1 overrides).

type Row = { benchmark: string; figure: string; target: string };

const rows: Row[] = [];
const parts = new Set(
  (process.env.BENCH_PARTS ?? "rating,ledger,http,dealroom,quotebind,lifecycle,rateimpact,bordereau,monthend,claims")
    .split(",")
    .map((p) => p.trim()),
);
const saved: Record<string, unknown> = {};

if (parts.has("rating")) {
  const quotesPerSecond = benchRating(3_000);
  saved.quotesPerSecond = quotesPerSecond;
  rows.push({
    benchmark: "rating engine, one core",
    figure: `${quotesPerSecond.toLocaleString("en-US")} quotes/s`,
    target: ">= 100,000 quotes/s",
  });
}

if (parts.has("ledger")) {
  const ledger = await benchLedger();
  saved.ledger = ledger;
  for (const row of ledger.rows) {
    rows.push({
      benchmark: `ledger proxy (embedded): ${row.scenario}`,
      figure: `${row.transfersPerSecond.toLocaleString("en-US")} transfers/s, p50 ${row.requestLatencyMs.p50} ms, p99 ${row.requestLatencyMs.p99} ms`,
      target: "—",
    });
  }
}

if (parts.has("http")) {
  const http = await benchHttp();
  saved.http = http;
  for (const row of http) {
    rows.push({
      benchmark: row.benchmark,
      figure: `p50 ${row.p50Ms} ms, p95 ${row.p95Ms} ms (${row.requests} requests)`,
      target: row.target,
    });
  }
}

if (parts.has("dealroom")) {
  const room = await benchDealRoom();
  saved.dealRoom = room;
  rows.push({
    benchmark: `deal room broadcast, ${room.clients} WebSocket clients, one message at a time`,
    figure: `p50 ${room.paced.p50Ms} ms, p99 ${room.paced.p99Ms} ms (${room.paced.deliveries.toLocaleString("en-US")} deliveries)`,
    target: "—",
  });
  rows.push({
    benchmark: `deal room throughput, ${room.load.senders} senders to ${room.clients} clients`,
    figure: `${room.load.messagesPerSecond} messages/s saved and broadcast = ${room.load.deliveriesPerSecond.toLocaleString("en-US")} deliveries/s; p50 ${room.load.p50Ms} ms, p99 ${room.load.p99Ms} ms`,
    target: "—",
  });
}

if (parts.has("claims")) {
  const claims = await benchClaims();
  saved.claims = claims;
  rows.push({
    benchmark: `claims list (/claims, supervisor), ${claims.claims.toLocaleString("en-US")} claims`,
    figure: `p50 ${claims.p50Ms} ms, p95 ${claims.p95Ms} ms (${claims.requests} requests); workerd CPU ${claims.workerdCpuMsPerPage} ms per page`,
    target: "p95 <= 100 ms",
  });
}

if (parts.has("quotebind")) {
  const load = loadavg()[0]!;
  if (load >= 2 && process.env.BENCH_IGNORE_LOAD !== "1") {
    console.log(
      `Skipping the quote + bind bench: 1-minute load average ${load.toFixed(2)} >= 2 (others share this machine).`,
    );
  } else {
    const qb = await benchQuoteBind();
    saved.quoteBind = qb;
    rows.push(...quoteBindRows(qb));
  }
}

if (parts.has("lifecycle")) {
  const lifecycle = await benchPolicyLifecycle(Number(process.env.BENCH_LIFECYCLE_POLICIES ?? 100_000));
  saved.policyLifecycle = lifecycle;
  const f = lifecycle.first;
  const changedAgain = Object.values(lifecycle.second).reduce((sum, n) => sum + n, 0);
  rows.push({
    benchmark: `daily policy lifecycle job, ${lifecycle.policies.toLocaleString("en-US")} policies`,
    figure: `${(lifecycle.firstRunMs / 1000).toFixed(1)} s (${f.activated} activated, ${f.expired} expired, ${f.noticesIssued} notices); again ${(lifecycle.secondRunMs / 1000).toFixed(1)} s, changing ${changedAgain === 0 ? "nothing" : `${changedAgain} rows (NOT idempotent)`}`,
    target: "< 60 s",
  });
}

if (parts.has("rateimpact")) {
  const impact = await benchRateImpact();
  saved.rateImpact = impact;
  rows.push({
    benchmark: `rate impact: re-rate ${impact.policies.toLocaleString("en-US")} in-force policies on a draft`,
    figure: `${impact.seconds} s, ${impact.statements} statements, ${impact.rerated.toLocaleString("en-US")} re-rated, heap ${impact.heapMb} MB`,
    target: "100,000 policies < 5 s",
  });
}

if (parts.has("bordereau")) {
  const b = await benchBordereau();
  saved.bordereau = b;
  rows.push({
    benchmark: `premium bordereau of ${b.transactions.toLocaleString("en-US")} transactions: generate + validate, then CSV and XLSX export`,
    figure: `${((b.generateMs + b.exportMs) / 1000).toFixed(1)} s to CSV (generate ${b.generateMs} ms, CSV ${b.exportMs} ms: ${b.exportLines.toLocaleString("en-US")} lines, ${(b.exportBytes / 1e6).toFixed(1)} MB); XLSX ${b.xlsxExportMs} ms, ${(b.xlsxExportBytes / 1e6).toFixed(1)} MB; workerd RSS ${b.idleWorkerdRssMb} MB idle, ${b.peakWorkerdRssMb} MB peak`,
    target: "< 30 s, < 512 MB",
  });
}

if (parts.has("monthend")) {
  const monthEnd = await benchMonthEnd(Number(process.env.BENCH_MONTH_END_POLICIES ?? 100_000));
  saved.monthEnd = monthEnd;
  rows.push({
    benchmark: `month-end run, ${monthEnd.policies.toLocaleString("en-US")} quarterly policies (invoices, overdue, statements)`,
    figure: `${monthEnd.seconds} s: ${monthEnd.invoiced.toLocaleString("en-US")} invoiced, ${monthEnd.overdue.toLocaleString("en-US")} overdue, ${monthEnd.commissionStatements} commission + ${monthEnd.carrierStatements} carrier statements; peak RSS ${monthEnd.peakRssMb} MB, heap +${monthEnd.heapGrowthMb} MB`,
    target: "< 60 s, memory bounded",
  });
}

function quoteBindRows(qb: QuoteBindResult): Row[] {
  const out: Row[] = [];
  const budget: Record<string, string> = {
    create: "<= 4 round trips",
    quote: "<= 5 round trips",
    bind: "<= 8 round trips",
  };
  for (const [kind, c] of Object.entries(qb.counts)) {
    const name = kind.endsWith("AfterResponse") ? `${kind.replace("AfterResponse", "")}, after the response` : kind;
    out.push({
      benchmark: `/v1 ${name}: database round trips / statements`,
      figure: `${c.roundTrips} / ${c.statements}`,
      target: budget[kind] ?? "—",
    });
  }
  out.push({
    benchmark: "/v1 event delivery (queue consumer): statements per sale",
    figure: String(qb.queueStatementsPerSale),
    target: "—",
  });
  for (const [kind, cpu] of Object.entries(qb.cpuMsPerRequest)) {
    out.push({
      benchmark:
        kind === "afterResponsesAndDelivery"
          ? "  CPU per sale off the request path (after-response work + event delivery), sequential"
          : `  CPU per /v1 ${kind} on the request path, sequential`,
      figure: `workerd ${cpu.workerd} ms | MariaDB ${cpu.mariadb} ms | stand-in: preview proxy ${cpu.previewProxy} ms`,
      target: kind === "afterResponsesAndDelivery" ? "—" : "create + quote + bind: workerd <= 20 ms",
    });
  }
  for (const [kind, l] of Object.entries(qb.sequential)) {
    if (typeof l === "number") continue;
    out.push({
      benchmark: `/v1 ${kind === "quoteAndBind" ? "quote + bind" : kind}, sequential (${qb.sequential.sales} sales)`,
      figure: `p50 ${l.p50Ms} ms, p95 ${l.p95Ms} ms`,
      target: kind === "quoteAndBind" ? "p95 <= 50 ms" : "—",
    });
  }
  for (const run of qb.load) {
    const l = run.latency;
    out.push({
      benchmark: `/v1 create + quote + bind, ${run.clients} client${run.clients > 1 ? "s" : ""} (${run.sales} sales)`,
      figure: `${run.salesPerSecond} sales/s; quote + bind p50 ${l.quoteAndBind.p50Ms} ms, p95 ${l.quoteAndBind.p95Ms} ms; create p95 ${l.create.p95Ms}, quote p95 ${l.quote.p95Ms}, bind p95 ${l.bind.p95Ms} ms`,
      target: run.clients === 20 ? ">= 60 sales/s, p95 <= 400 ms" : "—",
    });
    const cpu = run.cpuMsPerSale;
    out.push({
      benchmark: `  CPU per sale at ${run.clients} client${run.clients > 1 ? "s" : ""} (create + quote + bind and its after-response work)`,
      figure: `workerd ${cpu.workerd} ms | MariaDB ${cpu.mariadb} ms | stand-ins: simulator ${cpu.simulator} ms, preview proxy ${cpu.previewProxy} ms | load generator ${cpu.loadGenerator} ms`,
      target: run.clients === 1 ? "workerd <= 20 ms" : "—",
    });
  }
  return out;
}

const widths = (["benchmark", "figure", "target"] as const).map((key) =>
  Math.max(key.length, ...rows.map((r) => r[key].length)),
);
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
console.log(line(["benchmark", "figure", "target"]));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of rows) console.log(line([r.benchmark, r.figure, r.target]));

const stamp = new Date().toISOString().replaceAll(":", "-").slice(0, 19);
const resultsDir = new URL("./results/", import.meta.url);
mkdirSync(resultsDir, { recursive: true });
const file = new URL(`${stamp}.json`, resultsDir);
writeFileSync(
  file,
  JSON.stringify(
    {
      at: new Date().toISOString(),
      node: process.version,
      cpu: cpus()[0]?.model,
      loadAverage: loadavg(),
      parts: [...parts],
      ...saved,
    },
    null,
    2,
  ),
);
console.log(`\nSaved ${file.pathname}`);
