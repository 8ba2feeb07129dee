import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { benchRating } from "../app/services/rating/rating.bench.ts";
import { runBench as benchLedger } from "../ledger/bench.ts";
import { benchDealRoom } from "./deal-room.ts";
import { benchHttp } from "./http.ts";

// Every speed target is measured here, never in unit tests. Prints one table and saves the
// figures under bench/results/ so runs can be compared over time.

type Row = { benchmark: string; figure: string; target: string };

const rows: Row[] = [];

const quotesPerSecond = benchRating(3_000);
rows.push({ benchmark: "rating engine, one core", figure: `${quotesPerSecond.toLocaleString("en-US")} quotes/s`, target: ">= 100,000 quotes/s" });

const ledger = await benchLedger();
for (const row of ledger.rows) {
  rows.push({
    benchmark: `ledger proxy (embedded): ${row.scenario}`,
    figure: `${row.transfersPerSecond.toLocaleString("en-US")} transfers/s, p50 ${row.requestLatencyMs.p50} ms, p99 ${row.requestLatencyMs.p99} ms`,
    target: "—",
  });
}

const http = await benchHttp();
for (const row of http) {
  rows.push({ benchmark: row.benchmark, figure: `p50 ${row.p50Ms} ms, p95 ${row.p95Ms} ms (${row.requests} requests)`, target: row.target });
}

const room = await benchDealRoom();
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

const widths = (["benchmark", "figure", "target"] as const).map((key) => Math.max(key.length, ...rows.map((r) => r[key].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
console.log(line(["benchmark", "figure", "target"]));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of rows) console.log(line([r.benchmark, r.figure, r.target]));

const stamp = new Date().toISOString().replaceAll(":", "-").slice(0, 19);
const resultsDir = new URL("./results/", import.meta.url);
mkdirSync(resultsDir, { recursive: true });
const file = new URL(`${stamp}.json`, resultsDir);
writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model, quotesPerSecond, ledger, http, dealRoom: room }, null, 2));
console.log(`\nSaved ${file.pathname}`);
