import { readdirSync, readFileSync } from "node:fs";
import { Client } from "@planetscale/database";
import { signIn, withBenchStack } from "./stack.ts";

// A month of 100,000 policy transactions under one DA agreement, through the built Worker: the
// compliance officer generates the premium bordereau (lines written set-based, read back in
// chunks through the checks) and downloads the CSV and XLSX exports (both streamed). Memory is the
// peak resident size of this stack's workerd processes (descendants of this process only: other
// people's servers on a shared machine are not ours), sampled from /proc while each step runs.

export type BordereauBench = {
  transactions: number;
  generateMs: number;
  exportMs: number;
  exportBytes: number;
  exportLines: number;
  xlsxExportMs: number;
  xlsxExportBytes: number;
  idleWorkerdRssMb: number;
  peakWorkerdRssMb: number;
};

function processTable() {
  const table = new Map<number, { ppid: number; name: string; rssKb: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      table.set(Number(entry), {
        ppid: Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0),
        name: /^Name:\s+(\S+)/m.exec(status)?.[1] ?? "",
        rssKb: Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0),
      });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return table;
}

/** Resident size of the workerd processes started under this bench. */
function workerdRssKb(): number {
  const table = processTable();
  const ours = (pid: number) => {
    for (let p = pid, guard = 0; p > 1 && guard < 64; p = table.get(p)?.ppid ?? 0, guard++)
      if (p === process.pid) return true;
    return false;
  };
  let total = 0;
  for (const [pid, row] of table) if (row.name === "workerd" && ours(pid)) total += row.rssKb;
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
    const idleKb = workerdRssKb();
    if (idleKb === 0) throw new Error("no workerd process of this bench found under /proc");
    let peakKb = idleKb;
    const sampler = setInterval(() => {
      peakKb = Math.max(peakKb, workerdRssKb());
    }, 25);
    const download = async (url: string) => {
      const started = performance.now();
      const response = await fetch(url, { headers: { cookie } });
      if (response.status !== 200 || !response.body) throw new Error(`${url} answered ${response.status}`);
      let bytes = 0;
      let lines = 0;
      let head = "";
      for await (const chunk of response.body) {
        if (bytes === 0) head = String.fromCharCode(chunk[0]!, chunk[1]!);
        bytes += chunk.byteLength;
        for (const byte of chunk) if (byte === 10) lines++;
      }
      return { ms: Math.round(performance.now() - started), bytes, lines, head };
    };
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
      const csv = await download(`${stack.appUrl}${location}/export?format=csv`);
      const xlsx = await download(`${stack.appUrl}${location}/export?format=xlsx`);
      // An XLSX is a zip: it starts with "PK".
      if (xlsx.head !== "PK") throw new Error("the XLSX export is not a zip file");
      return {
        transactions,
        generateMs,
        exportMs: csv.ms,
        exportBytes: csv.bytes,
        exportLines: csv.lines - 1,
        xlsxExportMs: xlsx.ms,
        xlsxExportBytes: xlsx.bytes,
        idleWorkerdRssMb: Math.round(idleKb / 1024),
        peakWorkerdRssMb: Math.round(peakKb / 1024),
      };
    } finally {
      clearInterval(sampler);
    }
  });
}
