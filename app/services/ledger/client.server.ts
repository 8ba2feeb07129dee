/**
 * The app's HTTP client of the ledger proxy (ledger/README.md has the API). The proxy speaks
 * TigerBeetle's model; u128 values travel as decimal strings and are bigints here.
 */

export type LedgerConfig = {
  url: string;
  apiKey: string;
  /** A request the proxy has not answered by then counts as unreachable (default 5 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
};

export type LedgerAccount = {
  id: bigint;
  ledger: number;
  code: number;
  flags: number;
  debitsPending: bigint;
  debitsPosted: bigint;
  creditsPending: bigint;
  creditsPosted: bigint;
  timestamp: bigint;
};

export type LedgerTransfer = {
  id: bigint;
  debitAccountId: bigint;
  creditAccountId: bigint;
  amount: bigint;
  ledger: number;
  code: number;
  flags: number;
  userData128: bigint;
  timestamp: bigint;
};

export type NewAccount = { id: bigint; ledger: number; code: number; flags: number; userData32: number };
export type NewTransfer = {
  id: bigint;
  debitAccountId: bigint;
  creditAccountId: bigint;
  amount: bigint;
  ledger: number;
  code: number;
  linked: boolean;
  userData128: bigint;
};
export type CreateResult = { status: string; timestamp: bigint };
export type AccountTransferQuery = {
  timestampMin?: bigint;
  timestampMax?: bigint;
  limit?: number;
  newestFirst?: boolean;
  code?: number;
};

/** The proxy could not be reached or did not answer in time, or failed: retrying with the same ids is safe. */
export class LedgerUnavailableError extends Error {
  override readonly name = "LedgerUnavailableError";
}

/** The proxy refused the request itself (a bug on our side, not a state of the ledger). */
export class LedgerRequestError extends Error {
  override readonly name = "LedgerRequestError";
}

type Json = Record<string, unknown>;

function toAccount(json: Json): LedgerAccount {
  return {
    id: BigInt(json.id as string),
    ledger: json.ledger as number,
    code: json.code as number,
    flags: json.flags as number,
    debitsPending: BigInt(json.debits_pending as string),
    debitsPosted: BigInt(json.debits_posted as string),
    creditsPending: BigInt(json.credits_pending as string),
    creditsPosted: BigInt(json.credits_posted as string),
    timestamp: BigInt(json.timestamp as string),
  };
}

function toTransfer(json: Json): LedgerTransfer {
  return {
    id: BigInt(json.id as string),
    debitAccountId: BigInt(json.debit_account_id as string),
    creditAccountId: BigInt(json.credit_account_id as string),
    amount: BigInt(json.amount as string),
    ledger: json.ledger as number,
    code: json.code as number,
    flags: json.flags as number,
    userData128: BigInt(json.user_data_128 as string),
    timestamp: BigInt(json.timestamp as string),
  };
}

function toResult(json: Json): CreateResult {
  return { status: json.status as string, timestamp: BigInt(json.timestamp as string) };
}

export type LedgerClient = ReturnType<typeof createLedgerClient>;

export function createLedgerClient(config: LedgerConfig) {
  const base = config.url.replace(/\/+$/, "");
  const doFetch = config.fetch ?? fetch;
  const timeoutMs = config.timeoutMs ?? 5_000;

  async function request(method: "GET" | "POST", path: string, body?: unknown): Promise<Json> {
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${config.apiKey}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new LedgerUnavailableError(`the ledger at ${base} did not answer: ${(error as Error).message}`, {
        cause: error,
      });
    }
    const text = await response.text().catch((error: Error) => {
      throw new LedgerUnavailableError(`the ledger's answer was cut off: ${error.message}`, { cause: error });
    });
    if (response.status >= 500)
      throw new LedgerUnavailableError(`the ledger failed (${response.status}): ${text.slice(0, 200)}`);
    // A refused key is configuration, not the request: once the key is fixed the same ids go through.
    if (response.status === 401)
      throw new LedgerUnavailableError("the ledger refused our API key (check LEDGER_API_KEY)");
    if (!response.ok)
      throw new LedgerRequestError(`the ledger refused ${method} ${path} (${response.status}): ${text.slice(0, 300)}`);
    return JSON.parse(text) as Json;
  }

  return {
    async createAccounts(accounts: NewAccount[]): Promise<CreateResult[]> {
      const json = await request("POST", "/accounts", {
        accounts: accounts.map((a) => ({
          id: a.id.toString(),
          ledger: a.ledger,
          code: a.code,
          flags: a.flags,
          user_data_32: a.userData32,
        })),
      });
      return (json.results as Json[]).map(toResult);
    },

    async createTransfers(transfers: NewTransfer[]): Promise<CreateResult[]> {
      const json = await request("POST", "/transfers", {
        transfers: transfers.map((t) => ({
          id: t.id.toString(),
          debit_account_id: t.debitAccountId.toString(),
          credit_account_id: t.creditAccountId.toString(),
          amount: t.amount.toString(),
          ledger: t.ledger,
          code: t.code,
          user_data_128: t.userData128.toString(),
          flags: t.linked ? ["linked"] : [],
        })),
      });
      return (json.results as Json[]).map(toResult);
    },

    async lookupAccounts(ids: bigint[]): Promise<LedgerAccount[]> {
      if (ids.length === 0) return [];
      const json = await request("POST", "/accounts/lookup", { ids: ids.map(String) });
      return (json.accounts as Json[]).map(toAccount);
    },

    async lookupTransfers(ids: bigint[]): Promise<LedgerTransfer[]> {
      if (ids.length === 0) return [];
      const json = await request("POST", "/transfers/lookup", { ids: ids.map(String) });
      return (json.transfers as Json[]).map(toTransfer);
    },

    async getAccountTransfers(id: bigint, query: AccountTransferQuery = {}): Promise<LedgerTransfer[]> {
      const params = new URLSearchParams({
        flags: query.newestFirst ? "debits,credits,reversed" : "debits,credits",
        limit: String(query.limit ?? 200),
        timestamp_min: String(query.timestampMin ?? 0n),
        timestamp_max: String(query.timestampMax ?? 0n),
        code: String(query.code ?? 0),
      });
      const json = await request("GET", `/accounts/${id}/transfers?${params}`);
      return (json.transfers as Json[]).map(toTransfer);
    },
  };
}

/** The Worker's client. Without LEDGER_URL every call fails as unavailable, so payments wait for posting. */
export function ledgerClientFor(env: { LEDGER_URL?: string; LEDGER_API_KEY?: string }): LedgerClient {
  if (env.LEDGER_URL && env.LEDGER_API_KEY)
    return createLedgerClient({ url: env.LEDGER_URL, apiKey: env.LEDGER_API_KEY });
  return createLedgerClient({
    url: "http://ledger.invalid",
    apiKey: "",
    fetch: () => Promise.reject(new Error("LEDGER_URL and LEDGER_API_KEY are not configured")),
  });
}
