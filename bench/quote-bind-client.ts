// The load generator of bench/quote-bind.ts, in its own process so its CPU is counted apart from
// the simulator's: `node bench/quote-bind-client.ts '<json options>'` prints one JSON line.
type Options = { appUrl: string; keys: string[]; clients: number; salesPerClient: number; tag: string };
const options = JSON.parse(process.argv[2]!) as Options;
// Each client has its own key, as real API clients do.
const headersOf = (worker: number) => ({
  authorization: `Bearer ${options.keys[worker % options.keys.length]}`,
  "content-type": "application/json",
});
const effectiveDate = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);

export type Sample = { create: number; quote: number; bind: number };

async function timed(url: string, init: RequestInit, expected: number): Promise<[number, unknown]> {
  const started = performance.now();
  const response = await fetch(url, init);
  const body = await response.json();
  const ms = performance.now() - started;
  if (response.status !== expected) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body)}`);
  return [ms, body];
}

async function sale(worker: number, i: number): Promise<Sample> {
  const headers = headersOf(worker);
  const body = {
    lineOfBusiness: "GL",
    insuredName: `Bench ${options.tag} ${worker}-${i}`,
    naicsCode: "238320",
    state: "TX",
    annualRevenue: 90_000_000,
    requestedLimit: 100_000_000,
    deductible: 100_000,
    effectiveDate,
    yearsInBusiness: 6,
  };
  const [create, created] = await timed(
    `${options.appUrl}/v1/submissions`,
    { method: "POST", headers, body: JSON.stringify(body) },
    201,
  );
  const id = (created as { id: string }).id;
  const [quote] = await timed(`${options.appUrl}/v1/submissions/${id}/quote`, { method: "POST", headers }, 201);
  const [bind] = await timed(
    `${options.appUrl}/v1/submissions/${id}/bind`,
    {
      method: "POST",
      headers: { ...headers, "idempotency-key": `bench-${id}` },
      body: JSON.stringify({ plan: "PIF", declinations: ["A", "B", "C"] }),
    },
    201,
  );
  return { create, quote, bind };
}

const cpuBefore = process.cpuUsage();
const started = performance.now();
const samples: Sample[] = [];
await Promise.all(
  Array.from({ length: options.clients }, async (_, worker) => {
    for (let i = 0; i < options.salesPerClient; i++) samples.push(await sale(worker, i));
  }),
);
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
console.log(JSON.stringify({ samples, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 }));
