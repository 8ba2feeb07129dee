import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Backend } from "./backend.ts";
import {
  accountToJson,
  balanceToJson,
  parseAccounts,
  parseFilter,
  parseId,
  parseIds,
  parseTransfers,
  resultToJson,
  transferToJson,
  ValidationError,
} from "./codec.ts";

/** A full batch of transfers is about 3 MB of JSON; this leaves room without inviting abuse. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

type Request = { body: () => Promise<unknown>; params: string[]; query: URLSearchParams };
type Route = { method: "GET" | "POST"; path: string[]; auth: boolean; handle: (request: Request) => Promise<unknown> };

function routes(backend: Backend): Route[] {
  const id = (text: string) => parseId(text, "id");
  const noQuery = (query: URLSearchParams) => {
    const key = query.keys().next().value;
    if (key !== undefined) throw new ValidationError(`${key}: this endpoint takes no query parameters`);
  };
  return [
    { method: "GET", path: ["health"], auth: false, handle: async () => ({ status: "ok", backend: backend.kind }) },
    {
      method: "POST",
      path: ["accounts"],
      auth: true,
      handle: async ({ body, query }) => {
        noQuery(query);
        const results = await backend.createAccounts(parseAccounts(await body()));
        return { results: results.map(resultToJson) };
      },
    },
    {
      method: "POST",
      path: ["transfers"],
      auth: true,
      handle: async ({ body, query }) => {
        noQuery(query);
        const results = await backend.createTransfers(parseTransfers(await body()));
        return { results: results.map(resultToJson) };
      },
    },
    {
      method: "POST",
      path: ["accounts", "lookup"],
      auth: true,
      handle: async ({ body, query }) => {
        noQuery(query);
        return { accounts: (await backend.lookupAccounts(parseIds(await body()))).map(accountToJson) };
      },
    },
    {
      method: "POST",
      path: ["transfers", "lookup"],
      auth: true,
      handle: async ({ body, query }) => {
        noQuery(query);
        return { transfers: (await backend.lookupTransfers(parseIds(await body()))).map(transferToJson) };
      },
    },
    {
      method: "GET",
      path: ["accounts", ":id"],
      auth: true,
      handle: async ({ params, query }) => {
        noQuery(query);
        const [account] = await backend.lookupAccounts([id(params[0])]);
        if (!account) throw new HttpError(404, "not_found", `account ${params[0]} does not exist`);
        return { account: accountToJson(account) };
      },
    },
    {
      method: "GET",
      path: ["transfers", ":id"],
      auth: true,
      handle: async ({ params, query }) => {
        noQuery(query);
        const [transfer] = await backend.lookupTransfers([id(params[0])]);
        if (!transfer) throw new HttpError(404, "not_found", `transfer ${params[0]} does not exist`);
        return { transfer: transferToJson(transfer) };
      },
    },
    {
      method: "GET",
      path: ["accounts", ":id", "transfers"],
      auth: true,
      handle: async ({ params, query }) => ({
        transfers: (await backend.getAccountTransfers(parseFilter(id(params[0]), query))).map(transferToJson),
      }),
    },
    {
      method: "GET",
      path: ["accounts", ":id", "balances"],
      auth: true,
      handle: async ({ params, query }) => ({
        balances: (await backend.getAccountBalances(parseFilter(id(params[0]), query))).map(balanceToJson),
      }),
    },
  ];
}

/** A malformed escape is left as is, for the id parser to refuse with a 400. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function match(route: Route, segments: string[]): string[] | undefined {
  if (route.path.length !== segments.length) return undefined;
  const params: string[] = [];
  for (const [i, part] of route.path.entries()) {
    if (part.startsWith(":")) params.push(decodeSegment(segments[i]));
    else if (part !== segments[i]) return undefined;
  }
  return params;
}

function readJson(request: IncomingMessage): Promise<unknown> {
  const type = request.headers["content-type"];
  if (!type?.toLowerCase().startsWith("application/json")) {
    return Promise.reject(
      new HttpError(415, "unsupported_media_type", "send the body as Content-Type: application/json"),
    );
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(
          new HttpError(413, "payload_too_large", `the body exceeds ${MAX_BODY_BYTES} bytes`, { connection: "close" }),
        );
        request.pause();
        return;
      }
      chunks.push(chunk);
    });
    request.on("error", reject);
    request.on("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch (error) {
        reject(new ValidationError(`body: not valid JSON (${(error as Error).message})`));
      }
    });
  });
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(json),
    ...headers,
  });
  response.end(json);
}

/** Compares digests so the check takes the same time whatever the key's length or content. */
function authorizer(apiKey: string): (header: string | undefined) => boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  const expected = digest(apiKey);
  return (header) => {
    const match = /^Bearer (.+)$/.exec(header ?? "");
    return match !== null && timingSafeEqual(digest(match[1]), expected);
  };
}

/** The ledger's JSON API over node:http, guarded by a bearer key (GET /health excepted). */
export function createLedgerServer(options: { backend: Backend; apiKey: string }): Server {
  if (options.apiKey.length === 0) throw new Error("the ledger API key must not be empty");
  const table = routes(options.backend);
  const authorized = authorizer(options.apiKey);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://ledger");
    const segments = url.pathname.split("/").filter(Boolean);
    const candidates = table.filter((route) => match(route, segments) !== undefined);
    if (candidates.length === 0) throw new HttpError(404, "not_found", `no endpoint at ${url.pathname}`);
    const route = candidates.find((candidate) => candidate.method === request.method);
    if (!route) {
      const allow = candidates.map((candidate) => candidate.method).join(", ");
      throw new HttpError(405, "method_not_allowed", `${url.pathname} accepts ${allow}`, { allow });
    }
    if (route.auth && !authorized(request.headers.authorization)) {
      throw new HttpError(401, "unauthorized", "send Authorization: Bearer <LEDGER_API_KEY>", {
        "www-authenticate": "Bearer",
      });
    }
    const result = await route.handle({
      body: () => readJson(request),
      params: match(route, segments)!,
      query: url.searchParams,
    });
    send(response, 200, result);
  }

  return createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof HttpError) {
        send(response, error.status, { error: { code: error.code, message: error.message } }, error.headers);
      } else if (error instanceof ValidationError) {
        send(response, 400, { error: { code: "invalid_request", message: error.message } });
      } else {
        console.error("ledger: request failed:", error);
        const message = "the ledger backend failed; retry with the same ids";
        send(response, 500, { error: { code: "backend_error", message } });
      }
    });
  });
}
