import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Backend } from "./backend.ts";
import { withBatching } from "./batcher.ts";
import { randomId } from "./testing.ts";
import { EmbeddedBackend } from "./embedded/backend.ts";
import { createLedgerServer } from "./server.ts";
import { BATCH_MAX } from "./types.ts";

const KEY = "test-key-0123456789abcdef";
const dataDir = mkdtempSync(join(tmpdir(), "ledger-server-"));
let embedded: EmbeddedBackend;
let backend: Backend;
let server: Server;
let base: string;

beforeAll(async () => {
  embedded = await EmbeddedBackend.open(dataDir);
  backend = withBatching(embedded);
  server = createLedgerServer({ backend, apiKey: KEY });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await backend.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${KEY}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as any };
}

const id = () => randomId().toString();

async function twoAccounts() {
  const [a, b] = [id(), id()];
  const { json } = await call("POST", "/accounts", {
    accounts: [
      { id: a, ledger: 1, code: 1 },
      { id: b, ledger: 1, code: 1, flags: ["history"] },
    ],
  });
  expect(json.results.map((r: any) => r.status)).toEqual(["created", "created"]);
  return [a, b];
}

describe("auth", () => {
  it("serves /health without a key", async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", backend: "embedded" });
  });

  it("refuses requests without the right bearer key", async () => {
    for (const authorization of ["", "Bearer wrong-key", `Basic ${KEY}`, KEY, `Bearer ${KEY}x`]) {
      const { status, headers, json } = await call("GET", `/accounts/${id()}`, undefined, { authorization });
      expect(status).toBe(401);
      expect(headers.get("www-authenticate")).toBe("Bearer");
      expect(json.error.code).toBe("unauthorized");
    }
  });
});

describe("JSON API", () => {
  it("creates accounts and transfers and returns per-event statuses by name", async () => {
    const [a, b] = await twoAccounts();
    const t = { id: id(), debit_account_id: a, credit_account_id: b, amount: "125", ledger: 1, code: 7 };
    const created = await call("POST", "/transfers", { transfers: [t, t, { ...t, amount: "1" }] });
    expect(created.status).toBe(200);
    expect(created.json.results.map((r: any) => r.status)).toEqual([
      "created",
      "exists",
      "exists_with_different_amount",
    ]);
    expect(created.json.results[0].timestamp).toMatch(/^[1-9][0-9]*$/);
    expect(created.json.results[1].timestamp).toBe(created.json.results[0].timestamp);
  });

  it("carries u128 values as exact decimal strings", async () => {
    const [a, b] = [((1n << 128n) - 2n).toString(), id()];
    const big = ((1n << 127n) - 1n).toString();
    const huge = (1n << 100n).toString();
    await call("POST", "/accounts", {
      accounts: [
        { id: a, ledger: 1, code: 1, user_data_128: huge, user_data_64: "18446744073709551615" },
        { id: b, ledger: 1, code: 1 },
      ],
    });
    const t = { id: huge, debit_account_id: a, credit_account_id: b, amount: big, ledger: 1, code: 1 };
    const { json: created } = await call("POST", "/transfers", { transfers: [t, { ...t, id: id() }] });
    expect(created.results.map((r: any) => r.status)).toEqual(["created", "created"]);
    const { json } = await call("GET", `/accounts/${a}`);
    expect(json.account).toMatchObject({
      id: a,
      debits_posted: ((1n << 128n) - 2n).toString(),
      user_data_128: huge,
      user_data_64: "18446744073709551615",
      user_data_32: 0,
    });
    expect((await call("GET", `/transfers/${huge}`)).json.transfer).toMatchObject({ id: huge, amount: big });
  });

  it("looks up accounts and transfers, omitting ids that do not exist", async () => {
    const [a, b] = await twoAccounts();
    const missing = id();
    const { json } = await call("POST", "/accounts/lookup", { ids: [b, missing, a] });
    expect(json.accounts.map((x: any) => x.id)).toEqual([b, a]);
    expect((await call("POST", "/transfers/lookup", { ids: [missing] })).json).toEqual({ transfers: [] });
    const notFound = await call("GET", `/accounts/${missing}`);
    expect(notFound.status).toBe(404);
    expect(notFound.json.error.code).toBe("not_found");
    expect((await call("GET", `/transfers/${missing}`)).status).toBe(404);
  });

  it("lists an account's transfers and balances through query parameters", async () => {
    const [a, b] = await twoAccounts();
    const transfers = [1, 2, 3].map((n) => ({
      id: id(),
      debit_account_id: a,
      credit_account_id: b,
      amount: String(n),
      ledger: 1,
      code: n,
    }));
    await call("POST", "/transfers", { transfers });
    const all = await call("GET", `/accounts/${b}/transfers`);
    expect(all.json.transfers.map((t: any) => t.id)).toEqual(transfers.map((t) => t.id));
    const last = await call("GET", `/accounts/${b}/transfers?flags=credits,reversed&limit=1`);
    expect(last.json.transfers.map((t: any) => t.id)).toEqual([transfers[2].id]);
    expect((await call("GET", `/accounts/${a}/transfers?flags=credits`)).json.transfers).toEqual([]);
    const coded = await call("GET", `/accounts/${b}/transfers?code=2&flags=3`);
    expect(coded.json.transfers.map((t: any) => t.id)).toEqual([transfers[1].id]);
    const balances = await call("GET", `/accounts/${b}/balances?timestamp_min=1`);
    expect(balances.json.balances.map((x: any) => x.credits_posted)).toEqual(["1", "3", "6"]);
  });

  it("batches concurrent requests into few backend calls", async () => {
    const [a, b] = await twoAccounts();
    const batches = vi.spyOn(embedded, "createTransfers");
    const responses = await Promise.all(
      Array.from({ length: 200 }, () =>
        call("POST", "/transfers", {
          transfers: [{ id: id(), debit_account_id: a, credit_account_id: b, amount: "1", ledger: 1, code: 1 }],
        }),
      ),
    );
    expect(responses.every((r) => r.json.results[0].status === "created")).toBe(true);
    expect(batches.mock.calls.length).toBeLessThan(200);
    expect(batches.mock.calls.flatMap(([events]) => events).length).toBe(200);
    batches.mockRestore();
    expect((await call("GET", `/accounts/${b}`)).json.account.credits_posted).toBe("200");
  });
});

describe("validation", () => {
  const bad = async (path: string, body: unknown, pattern: RegExp, status = 400) => {
    const response = await call("POST", path, body);
    expect(response.status).toBe(status);
    expect(response.json.error.message).toMatch(pattern);
  };
  const t = { id: "1", debit_account_id: "2", credit_account_id: "3", amount: "4", ledger: 1, code: 1 };

  it("requires u128 and u64 fields as canonical decimal strings in range", async () => {
    await bad("/transfers", { transfers: [{ ...t, amount: 4 }] }, /^transfers\[0\]\.amount: expected a decimal string/);
    await bad("/transfers", { transfers: [t, { ...t, id: "-1" }] }, /^transfers\[1\]\.id: expected a decimal string/);
    await bad("/transfers", { transfers: [{ ...t, id: "01" }] }, /^transfers\[0\]\.id/);
    await bad("/transfers", { transfers: [{ ...t, amount: "1e3" }] }, /^transfers\[0\]\.amount/);
    await bad("/transfers", { transfers: [{ ...t, amount: (1n << 128n).toString() }] }, /larger than 2\^128-1/);
    await bad(
      "/transfers",
      { transfers: [{ ...t, user_data_64: (1n << 64n).toString() }] },
      /user_data_64: .* larger than 2\^64-1/,
    );
    await bad("/accounts/lookup", { ids: [null] }, /^ids\[0\]: expected a decimal string/);
  });

  it("requires small fields as integers in range", async () => {
    await bad(
      "/transfers",
      { transfers: [{ ...t, ledger: "1" }] },
      /^transfers\[0\]\.ledger: expected an integer from 0 to 4294967295/,
    );
    await bad(
      "/transfers",
      { transfers: [{ ...t, code: 65536 }] },
      /^transfers\[0\]\.code: expected an integer from 0 to 65535/,
    );
    await bad("/transfers", { transfers: [{ ...t, timeout: -1 }] }, /timeout/);
    await bad("/transfers", { transfers: [{ ...t, user_data_32: 1.5 }] }, /user_data_32/);
  });

  it("refuses unknown fields, unknown flags and the imported flag", async () => {
    await bad("/transfers", { transfers: [{ ...t, memo: "x" }] }, /^transfers\[0\]\.memo: unknown field/);
    await bad("/transfers", { transfers: [t], extra: 1 }, /^extra: unknown field/);
    await bad("/transfers", { transfers: [{ ...t, flags: ["linked", "fast"] }] }, /unknown flag "fast"/);
    await bad("/transfers", { transfers: [{ ...t, flags: ["imported"] }] }, /imported flag is not supported/);
    await bad(
      "/accounts",
      { accounts: [{ id: "1", ledger: 1, code: 1, flags: 16 }] },
      /imported flag is not supported/,
    );
  });

  it("refuses malformed bodies and oversized batches", async () => {
    await bad("/transfers", "{", /^body: not valid JSON/);
    await bad("/transfers", [t], /^body: expected a JSON object with a "transfers" array/);
    await bad("/transfers", { transfers: t }, /^transfers: expected an array/);
    await bad("/transfers", { transfers: [5] }, /^transfers\[0\]: expected an object/);
    const tooMany = Array.from({ length: BATCH_MAX + 1 }, () => ({}));
    await bad("/transfers", { transfers: tooMany }, new RegExp(`at most ${BATCH_MAX} per request`));
    const typed = await call("POST", "/transfers", JSON.stringify({ transfers: [] }), { "content-type": "text/plain" });
    expect(typed.status).toBe(415);
  });

  it("refuses bad query parameters and ids in the path", async () => {
    expect((await call("GET", "/accounts/abc")).json.error.message).toMatch(/^id: expected a decimal string/);
    expect((await call("GET", `/accounts/1/transfers?limit=ten`)).json.error.message).toMatch(
      /^limit: expected an integer/,
    );
    expect((await call("GET", `/accounts/1/transfers?sort=asc`)).json.error.message).toMatch(/^sort: unknown field/);
    expect((await call("GET", `/accounts/1/transfers?flags=debits,sideways`)).json.error.message).toMatch(
      /unknown flag "sideways"/,
    );
    expect((await call("GET", `/accounts/1/transfers?limit=1&limit=2`)).json.error.message).toMatch(
      /^limit: given 2 times/,
    );
    expect((await call("GET", `/accounts/1?verbose=1`)).status).toBe(400);
  });

  it("answers unknown paths with 404 and wrong methods with 405", async () => {
    expect((await call("GET", "/ledgers")).status).toBe(404);
    const wrong = await call("DELETE", "/transfers");
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
  });
});
