import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startLocalLedger } from "./local.ts";
import { randomId } from "./testing.ts";
import { EmbeddedBackend } from "./embedded/backend.ts";

const here = import.meta.dirname;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "ledger-durability-"));
  dirs.push(dir);
  return dir;
}

function output(child: ChildProcess): () => string {
  let text = "";
  child.stdout!.on("data", (chunk) => (text += chunk));
  child.stderr!.on("data", (chunk) => (text += chunk));
  return () => text;
}

describe("durability of the embedded backend", () => {
  it("keeps everything a killed server had acknowledged", async () => {
    const dataDir = tempDir();
    const key = "durability-key-0123456789";
    const server = await startLocalLedger({ dataDir, port: 0, apiKey: key });

    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${server.url}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as { results: { status: string; timestamp: string }[] };
    };
    const [a, b, t] = [randomId(), randomId(), randomId()];
    await post("/accounts", { accounts: [a, b].map((id) => ({ id: String(id), ledger: 1, code: 1 })) });
    const { results } = await post("/transfers", {
      transfers: [
        { id: String(t), debit_account_id: String(a), credit_account_id: String(b), amount: "42", ledger: 1, code: 1 },
      ],
    });
    expect(results[0].status).toBe("created");

    // No graceful shutdown: the process dies right after the acknowledgement.
    server.child.kill("SIGKILL");
    await once(server.child, "exit");

    const reopened = await EmbeddedBackend.open(dataDir);
    try {
      const [account] = await reopened.lookupAccounts([a]);
      expect(account.debits_posted).toBe(42n);
      const [stored] = await reopened.lookupTransfers([t]);
      expect(stored.timestamp).toBe(BigInt(results[0].timestamp));
      // The clock carries on after the restart: new timestamps still come after the old ones.
      const [next] = await reopened.createTransfers([{ ...stored, id: randomId(), timestamp: 0n }]);
      expect(next.status).toBe("created");
      expect(next.timestamp).toBeGreaterThan(stored.timestamp);
    } finally {
      await reopened.close();
    }
  });

  it("leaves nothing of a batch interrupted by a crash, and keeps the batch before it", async () => {
    const dataDir = tempDir();
    const child = spawn(process.execPath, [join(here, "durability.fixture.ts"), dataDir, "500"]);
    const log = output(child);
    const [, signal] = await once(child, "exit");
    expect(signal, log()).toBe("SIGKILL");

    const reopened = await EmbeddedBackend.open(dataDir);
    try {
      const committed = Array.from({ length: 10 }, (_, i) => 100n + BigInt(i));
      const interrupted = Array.from({ length: 1000 }, (_, i) => 1000n + BigInt(i));
      expect(await reopened.lookupTransfers(committed)).toHaveLength(10);
      expect(await reopened.lookupTransfers(interrupted)).toEqual([]);
      const [debit] = await reopened.lookupAccounts([1n]);
      expect(debit.debits_posted).toBe(10n);
    } finally {
      await reopened.close();
    }
  });
});
