import type { RouterContextProvider } from "react-router";
import type { z } from "zod";
import { appServices } from "../../context.server.ts";
import type { TenantContext } from "../../auth/tenant.ts";
import { admitApiRequest } from "../access/api-keys.server.ts";
import type { ApiErrorCode } from "./schemas.ts";
import type { StoredResponse } from "../../models/idempotency-keys.server.ts";

export const API_REQUESTS_PER_MINUTE = 600;

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export function apiJson(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}

function errorResponse(failure: ApiFailure) {
  const details = failure.details === undefined ? {} : { details: failure.details };
  return apiJson(
    { error: { code: failure.code, message: failure.message, ...details } },
    failure.status,
    failure.headers,
  );
}

type Args = { request: Request; context: Readonly<RouterContextProvider> };
export type ApiCall = {
  tenant: TenantContext;
  keyId: string;
  request: Request;
  /** With `lookUpIdempotencyKey`: the answer stored under the request's Idempotency-Key (null: none). */
  storedAnswer?: StoredResponse | null;
};

/**
 * Every /v1 handler runs inside this: the bearer key gives the tenant (never the body), the
 * per-key rate limit applies, and any failure comes back as `{error:{code, message, details}}`.
 */
export async function handleApi(
  args: Args,
  handler: (call: ApiCall) => Promise<Response>,
  { lookUpIdempotencyKey = false }: { lookUpIdempotencyKey?: boolean } = {},
): Promise<Response> {
  try {
    const { db } = appServices(args.context);
    // A route that honours Idempotency-Key in its own round trips has the stored answer looked up
    // with the API key (ADR 032).
    const idempotencyKey = lookUpIdempotencyKey ? args.request.headers.get("idempotency-key") : null;
    const throttle = await admitApiRequest(db, args.request.headers.get("authorization"), {
      limit: API_REQUESTS_PER_MINUTE,
      windowSeconds: 60,
      ...(idempotencyKey ? { idempotencyKey } : {}),
    });
    const { client } = throttle;
    if (!client) throw new ApiFailure(401, "UNAUTHENTICATED", "Send a valid API key as `Authorization: Bearer <key>`.");
    if (!throttle.allowed) {
      throw new ApiFailure(
        429,
        "RATE_LIMITED",
        `More than ${API_REQUESTS_PER_MINUTE} requests a minute for this key.`,
        undefined,
        {
          "retry-after": String(throttle.retryAfterSeconds),
        },
      );
    }
    return await handler({ ...client, request: args.request });
  } catch (error) {
    if (error instanceof ApiFailure) return errorResponse(error);
    if (error instanceof Response) throw error;
    console.error(error);
    return errorResponse(
      new ApiFailure(
        500,
        "INTERNAL",
        "Something went wrong on our side. Retrying with the same Idempotency-Key is safe.",
      ),
    );
  }
}

/** Parses a JSON body against a schema, answering 400 VALIDATION_FAILED with every issue. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ApiFailure(400, "VALIDATION_FAILED", "The body must be a JSON object.");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiFailure(400, "VALIDATION_FAILED", "The request body is not valid.", {
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    });
  }
  return parsed.data;
}
