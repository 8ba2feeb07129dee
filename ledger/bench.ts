// Transfers per second through the HTTP proxy on the embedded backend, with and without batching.
// Runs the proxy as a child process (as in production, the client is another process) on a fresh
// data folder. `node bench.ts` prints a table and then the results as one JSON line; other scripts
// can `import { runBench }` and take the JSON value.
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startLocalLedger } from "./src/local.ts";
import { randomId } from "./src/testing.ts";
import { BATCH_MAX } from "./src/types.ts";

export type BenchOptions = {
  /** Sequential single-transfer requests: every transfer is its own batch and its own fsync. */
  sequentialRequests: number;
  /** Single-transfer requests in flight at once, and how many to send in all. */
  concurrency: number;
  concurrentRequests: number;
  /** Requests of BATCH_MAX transfers each, sent one after the other. */
  fullBatchRequests: number;
};

export type BenchRow = {
  scenario: string;
  requests: number;
  transfersPerRequest: number;
  concurrency: number;
  seconds: number;
  transfersPerSecond: number;
  requestLatencyMs: { p50: number; p99: number };
};

export type BenchResult = { backend: "embedded"; batchMax: number; node: string; rows: BenchRow[] };

const DEFAULTS: BenchOptions = {
  sequentialRequests: 1000,
  concurrency: 256,
  concurrentRequests: 20_000,
  fullBatchRequests: 10,
};
const KEY = "bench-key-0123456789abcdef";

function client(url: string) {
  const { port } = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  return (path: string, body: unknown): Promise<any> =>
    new Promise((resolve, reject) => {
      const payload = JSON.stringify(body);
      const req = request(
        {
          port,
          path,
          method: "POST",
          agent,
          headers: {
            authorization: `Bearer ${KEY}`,
            "content-type": "application/json",
            "content-length": Buffer.byteLength(payload),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk) => chunks.push(chunk));
          res.on("end", () => {
            const json = JSON.parse(Buffer.concat(chunks).toString());
            if (res.statusCode !== 200) reject(new Error(`${res.statusCode}: ${JSON.stringify(json)}`));
            else resolve(json);
          });
        },
      );
      req.on("error", reject);
      req.end(payload);
    });
}

function percentile(sorted: number[], p: number): number {
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))].toFixed(2));
}

export async function runBench(options: Partial<BenchOptions> = {}): Promise<BenchResult> {
  const o = { ...DEFAULTS, ...options };
  const dataDir = mkdtempSync(join(tmpdir(), "ledger-bench-"));
  const ledger = await startLocalLedger({ dataDir, port: 0, apiKey: KEY });
  const post = client(ledger.url);
  try {
    const [debit, credit] = [randomId(), randomId()];
    await post("/accounts", { accounts: [debit, credit].map((id) => ({ id: String(id), ledger: 1, code: 1 })) });
    const transfers = (count: number) =>
      Array.from({ length: count }, () => ({
        id: String(randomId()),
        debit_account_id: String(debit),
        credit_account_id: String(credit),
        amount: "1",
        ledger: 1,
        code: 1,
      }));

    /** Sends `requests` requests of `size` transfers from `concurrency` loops; checks every result. */
    async function scenario(name: string, requests: number, size: number, concurrency: number): Promise<BenchRow> {
      const bodies = Array.from({ length: requests }, () => ({ transfers: transfers(size) }));
      const latencies: number[] = [];
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < bodies.length) {
            const body = bodies[next++];
            const sent = performance.now();
            const { results } = await post("/transfers", body);
            latencies.push(performance.now() - sent);
            if (results.some((r: { status: string }) => r.status !== "created")) {
              throw new Error(`${name}: a transfer failed`);
            }
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      return {
        scenario: name,
        requests,
        transfersPerRequest: size,
        concurrency,
        seconds: Number(seconds.toFixed(3)),
        transfersPerSecond: Math.round((requests * size) / seconds),
        requestLatencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
      };
    }

    const rows = [
      await scenario("unbatched: sequential requests of 1", o.sequentialRequests, 1, 1),
      await scenario(`batched: ${o.concurrency} concurrent requests of 1`, o.concurrentRequests, 1, o.concurrency),
      await scenario(`batched: requests of ${BATCH_MAX}`, o.fullBatchRequests, BATCH_MAX, 1),
    ];
    return { backend: "embedded", batchMax: BATCH_MAX, node: process.version, rows };
  } finally {
    await ledger.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function table(result: BenchResult): string {
  const header = ["scenario", "requests", "transfers/request", "seconds", "transfers/s", "p50 ms", "p99 ms"];
  const lines = result.rows.map((r) => [
    r.scenario,
    String(r.requests),
    String(r.transfersPerRequest),
    r.seconds.toFixed(2),
    r.transfersPerSecond.toLocaleString("en-US"),
    String(r.requestLatencyMs.p50),
    String(r.requestLatencyMs.p99),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => line[i].length)));
  const format = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  return [format(header), widths.map((w) => "-".repeat(w)).join("  "), ...lines.map(format)].join("\n");
}

if (import.meta.main) {
  const result = await runBench();
  console.log(table(result));
  console.log(JSON.stringify(result));
}
