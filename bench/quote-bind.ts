import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createHash, randomBytes } from "node:crypto";
import { Client } from "@planetscale/database";
import { cpuSnapshot, percentile, withBenchStack } from "./stack.ts";
import type { Sample } from "./quote-bind-client.ts";

// Issue 17: create + quote + bind through /v1 on the built preview (workerd, as production builds
// the Worker), the PlanetScale driver, the simulator and MariaDB. Per request type: statements and
// sequential round trips (seen at the simulator), sequential latency, and throughput with latency
// at 1, 5 and 20 clients, with the CPU each process spent per sale, read from /proc. The simulator
// and the preview proxy are local stand-ins: their CPU is reported apart from the Worker's and the
// database's so a cheaper stand-in is not mistaken for a faster product.

const run = promisify(execFile);
const KINDS = ["create", "quote", "bind"] as const;

type Counted = { statements: number; roundTrips: number };
type Kind = (typeof KINDS)[number];
type CpuMs = { workerd: number; previewProxy: number; simulator: number; mariadb: number };
/** Per request the simulator's share is left out: it shares its process with the client reading /proc. */
type RequestCpuMs = Omit<CpuMs, "simulator">;
export type QuoteBindResult = {
  /** On each request's path, and (apart) what its after-response work sent. */
  counts: Record<Kind | `${Kind}AfterResponse`, Counted>;
  /** Statements of event delivery (the queue consumer) per sale. */
  queueStatementsPerSale: number;
  /**
   * CPU per request, sequentially: between sending a request and reading its answer (the request's
   * path: the after-response work it starts may add a tick), and per sale after the bind's answer
   * (after-response work of the three requests and their events' delivery by the queue).
   */
  cpuMsPerRequest: Record<Kind | "afterResponsesAndDelivery", RequestCpuMs>;
  sequential: Record<Kind | "quoteAndBind", { p50Ms: number; p95Ms: number }> & { sales: number };
  load: Array<{
    clients: number;
    sales: number;
    salesPerSecond: number;
    latency: Record<Kind | "quoteAndBind", { p50Ms: number; p95Ms: number }>;
    cpuMsPerSale: CpuMs & { loadGenerator: number };
  }>;
};

type Channel = "request" | "afterResponse" | "queue";

/**
 * Statements as the simulator sees them, on three channels: the request's path, after-response
 * work and the queue consumer (the app marks the last two with a header, local stacks only). On
 * each channel a statement's depth is 1 + the deepest statement of that channel answered before it
 * arrived, so after-response work overlapping a request does not lengthen the request's chain.
 */
function statementCounter() {
  let recording = false;
  const fresh = () => ({ statements: 0, depth: 0, answered: 0 });
  const channels: Record<Channel, ReturnType<typeof fresh>> = {
    request: fresh(),
    afterResponse: fresh(),
    queue: fresh(),
  };
  return {
    observe(_query: string, work: string | undefined) {
      if (!recording) return () => {};
      const channel = channels[work === undefined ? "request" : work === "after-response" ? "afterResponse" : "queue"];
      channel.statements++;
      const mine = channel.answered + 1;
      channel.depth = Math.max(channel.depth, mine);
      return () => {
        channel.answered = Math.max(channel.answered, mine);
      };
    },
    start() {
      recording = true;
    },
    take(name: Channel): Counted {
      const channel = channels[name];
      const counted = { statements: channel.statements, roundTrips: channel.depth };
      channels[name] = fresh();
      return counted;
    },
    stop() {
      recording = false;
    },
  };
}

const zeroCpu = (): CpuMs => ({ workerd: 0, previewProxy: 0, simulator: 0, mariadb: 0 });
const round1 = (ms: number) => Math.round(ms * 10) / 10;
function addCpu(sum: CpuMs, before: CpuMs, after: CpuMs) {
  for (const key of Object.keys(sum) as (keyof CpuMs)[]) sum[key] += after[key] - before[key];
}

const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95) };
};
const latencies = (samples: Sample[]) => ({
  create: summary(samples.map((s) => s.create)),
  quote: summary(samples.map((s) => s.quote)),
  bind: summary(samples.map((s) => s.bind)),
  quoteAndBind: summary(samples.map((s) => s.quote + s.bind)),
});

async function loadClient(appUrl: string, keys: string[], clients: number, salesPerClient: number, tag: string) {
  const options = JSON.stringify({ appUrl, keys, clients, salesPerClient, tag });
  const { stdout } = await run(
    process.execPath,
    [new URL("./quote-bind-client.ts", import.meta.url).pathname, options],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as { samples: Sample[]; wallMs: number; cpuMs: number };
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function benchQuoteBind({ sequentialSales = 60, loadSeconds = 20 } = {}): Promise<QuoteBindResult> {
  const counter = statementCounter();
  return withBenchStack(
    "openinsure_bench_qb",
    async (stack) => {
      // A key per client, as real API clients have: the per-key limit (600 a minute) is not what is measured.
      const conn = new Client({
        url: stack.databaseUrl,
        fetch: (input, init) => fetch(input, { ...init, cache: undefined }),
      }).connection();
      // The API allows 600 requests a minute per key: one key for the warm-up and the sequential
      // run, then fresh keys for each load phase, and at most 150 sales (450 requests) per key.
      const keys = Array.from({ length: 27 }, (_, n) => ({
        id: `key_bench_${n}`,
        secret: `oi_sk_bench_${n}_${randomBytes(16).toString("hex")}`,
      }));
      for (const key of keys) {
        await conn.execute(
          "INSERT INTO api_keys (id, org_id, name, prefix, secret_hash, roles, agency_id, created_at) VALUES (?, 'org_summit', ?, ?, ?, '[\"producer\"]', 'agy_harbor', NOW(3))",
          [key.id, `bench ${key.id}`, key.secret.slice(0, 12), createHash("sha256").update(key.secret).digest("hex")],
        );
      }
      const headers = { authorization: `Bearer ${keys[0]!.secret}`, "content-type": "application/json" };
      const secrets = keys.map((k) => k.secret);
      await loadClient(stack.appUrl, secrets.slice(0, 1), 1, 5, "warm-up");

      // Counts: one sale at a time, the request's path and its after-response work apart.
      const effectiveDate = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
      const counted: Record<string, Counted[]> = {};
      for (const kind of KINDS) {
        counted[kind] = [];
        counted[`${kind}AfterResponse`] = [];
      }
      const cpuSums: Record<Kind | "afterResponsesAndDelivery", CpuMs> = {
        create: zeroCpu(),
        quote: zeroCpu(),
        bind: zeroCpu(),
        afterResponsesAndDelivery: zeroCpu(),
      };
      const sequential: Sample[] = [];
      counter.take("queue");
      counter.start();
      for (let i = 0; i < sequentialSales; i++) {
        const body = {
          lineOfBusiness: "GL",
          insuredName: `Bench sequential ${i}`,
          naicsCode: "238320",
          state: "TX",
          annualRevenue: 90_000_000,
          requestedLimit: 100_000_000,
          deductible: 100_000,
          effectiveDate,
          yearsInBusiness: 6,
        };
        const sample: Partial<Sample> = {};
        let id = "";
        for (const kind of KINDS) {
          const url =
            kind === "create" ? `${stack.appUrl}/v1/submissions` : `${stack.appUrl}/v1/submissions/${id}/${kind}`;
          const init: RequestInit =
            kind === "create"
              ? { method: "POST", headers, body: JSON.stringify(body) }
              : kind === "quote"
                ? { method: "POST", headers }
                : {
                    method: "POST",
                    headers: { ...headers, "idempotency-key": `seq-${id}` },
                    body: JSON.stringify({ plan: "PIF", declinations: ["A", "B", "C"] }),
                  };
          const cpuBefore = cpuSnapshot(stack.appPid, stack.mariadbPid);
          const started = performance.now();
          const response = await fetch(url, init);
          const answer = (await response.json()) as { id: string };
          sample[kind] = performance.now() - started;
          const cpuAnswered = cpuSnapshot(stack.appPid, stack.mariadbPid);
          addCpu(cpuSums[kind], cpuBefore, cpuAnswered);
          counted[kind]!.push(counter.take("request"));
          if (response.status !== 201)
            throw new Error(`${kind} answered ${response.status}: ${JSON.stringify(answer)}`);
          if (kind === "create") id = answer.id;
          // After the bind, long enough for the queue (1 s batches) to deliver the sale's events.
          await settle(kind === "bind" ? 1_300 : 150);
          counted[`${kind}AfterResponse`]!.push(counter.take("afterResponse"));
          if (kind === "bind")
            addCpu(cpuSums.afterResponsesAndDelivery, cpuAnswered, cpuSnapshot(stack.appPid, stack.mariadbPid));
        }
        sequential.push(sample as Sample);
      }
      const queueStatements = counter.take("queue").statements;
      counter.stop();
      const median = (rows: Counted[]) => {
        const pick = (f: (c: Counted) => number) =>
          [...rows.map(f)].sort((a, b) => a - b)[Math.floor(rows.length / 2)]!;
        return { statements: pick((c) => c.statements), roundTrips: pick((c) => c.roundTrips) };
      };

      const load: QuoteBindResult["load"] = [];
      for (const clients of [1, 5, 20]) {
        // Enough sales per client for about loadSeconds at the sequential pace, at least 3.
        const perSale = sequential.reduce((sum, s) => sum + s.create + s.quote + s.bind, 0) / sequential.length;
        const salesPerClient = Math.min(
          150,
          Math.max(3, Math.round((loadSeconds * 1000) / perSale / Math.max(1, clients / 2))),
        );
        const phaseKeys = secrets.slice(
          clients === 1 ? 1 : clients === 5 ? 2 : 7,
          clients === 1 ? 2 : clients === 5 ? 7 : 27,
        );
        const before = cpuSnapshot(stack.appPid, stack.mariadbPid);
        const result = await loadClient(stack.appUrl, phaseKeys, clients, salesPerClient, `c${clients}`);
        await settle(500); // after-response work of the last sales
        const after = cpuSnapshot(stack.appPid, stack.mariadbPid);
        const { samples, wallMs } = result;
        const per = (ms: number) => Math.round((ms / samples.length) * 10) / 10;
        load.push({
          clients,
          sales: samples.length,
          salesPerSecond: Math.round((samples.length / wallMs) * 1000 * 10) / 10,
          latency: latencies(samples),
          cpuMsPerSale: {
            workerd: per(after.workerd - before.workerd),
            previewProxy: per(after.previewProxy - before.previewProxy),
            simulator: per(after.simulator - before.simulator),
            mariadb: per(after.mariadb - before.mariadb),
            loadGenerator: per(result.cpuMs),
          },
        });
      }
      const perSale = (cpu: CpuMs): RequestCpuMs => ({
        workerd: round1(cpu.workerd / sequentialSales),
        previewProxy: round1(cpu.previewProxy / sequentialSales),
        mariadb: round1(cpu.mariadb / sequentialSales),
      });
      return {
        counts: Object.fromEntries(
          Object.entries(counted).map(([kind, rows]) => [kind, median(rows)]),
        ) as QuoteBindResult["counts"],
        queueStatementsPerSale: round1(queueStatements / sequentialSales),
        cpuMsPerRequest: {
          create: perSale(cpuSums.create),
          quote: perSale(cpuSums.quote),
          bind: perSale(cpuSums.bind),
          afterResponsesAndDelivery: perSale(cpuSums.afterResponsesAndDelivery),
        },
        sequential: { sales: sequential.length, ...latencies(sequential) },
        load,
      };
    },
    (query, work) => counter.observe(query, work),
  );
}
