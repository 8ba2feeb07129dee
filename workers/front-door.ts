// The checks every request passes before any route runs, and the one place an unexpected error
// becomes an answer. Kept apart from the Worker entry (which imports the build and the runtime)
// so unit tests reach it.

import { requestShapeProblem } from "../app/services/api/request-shape.ts";

/** Longer URLs are refused with 414 before any route parses them. */
export const MAX_URL_LENGTH = 4096;

export type FrontDoorConfig = {
  /** APP_URL's origin: a non-GET request must come from it (or from the URL it was sent to). */
  appOrigin: string;
  /** Development shows error details; nothing else ever does. */
  isDevelopment: boolean;
  /** HTTPS deployment outside development: send HSTS. */
  isProduction: boolean;
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isApiPath(pathname: string): boolean {
  return pathname === "/v1" || pathname.startsWith("/v1/");
}

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?openinsure\.session_token=/;

export function hasSessionCookie(request: Request): boolean {
  return SESSION_COOKIE.test(request.headers.get("cookie") ?? "");
}

/**
 * Why a state-changing request is refused as cross-site, or null when it may proceed. Browsers
 * send Origin on every POST (and Sec-Fetch-Site on every request); a request with neither comes
 * from a program, not from a page another site controls, and carries no browser's cookies.
 */
export function crossSiteRefusal(request: Request, appOrigin: string): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const origin = request.headers.get("origin");
  if (origin !== null) {
    return origin === new URL(request.url).origin || origin === appOrigin ? null : `Origin ${origin} is not this site`;
  }
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") return `Sec-Fetch-Site is ${site}`;
  return null;
}

/**
 * Whether a path segment, decoded, holds control characters or starts or ends with whitespace.
 * Ids are compared byte-exact by the database, but its PAD SPACE collations still ignore trailing
 * spaces; no id or token the app makes has any of these, so such a path names nothing.
 */
export function hasUnnameablePathSegment(pathname: string): boolean {
  for (const raw of pathname.split("/")) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return true;
    }
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a path segment with control characters is refused
    if (/[\u0000-\u001f\u007f]/.test(segment) || /^\s|\s$/.test(segment)) return true;
  }
  return false;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const PAGE_TEXT: Record<number, { title: string; body: string }> = {
  404: { title: "Not found", body: "There is nothing here, or it belongs to someone else." },
  403: {
    title: "You do not have access",
    body: "This request did not come from OpenInsure's own pages, so it was refused.",
  },
  414: { title: "That address is too long", body: "Check the link you followed." },
  500: { title: "Something went wrong", body: "We have been notified. Please try again." },
};

const API_ERRORS: Record<number, { code: string; message: string }> = {
  404: { code: "NOT_FOUND", message: "Nothing is found at this path." },
  403: { code: "FORBIDDEN", message: "Cross-site requests are refused." },
  414: { code: "URI_TOO_LONG", message: `The URL is longer than ${MAX_URL_LENGTH} characters.` },
  500: {
    code: "INTERNAL",
    message: "Something went wrong on our side. Retrying with the same Idempotency-Key is safe.",
  },
};

/** The error answer of the front door: the `/v1` error shape for API paths, a plain page otherwise. */
export function errorAnswer(request: Request, status: 403 | 404 | 414 | 500, detail?: string): Response {
  const pathname = safePathname(request);
  if (isApiPath(pathname)) {
    const { code, message } = API_ERRORS[status]!;
    return Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });
  }
  const text = PAGE_TEXT[status]!;
  const details = detail ? `<pre>${escapeHtml(detail)}</pre>` : "";
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text.title} · OpenInsure</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem">
<p style="font-family:monospace;color:#666">${status}</p><h1>${text.title}</h1><p>${text.body}</p>${details}<p><a href="/">Go to your home page</a></p></body></html>`;
  return new Response(html, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}

function safePathname(request: Request): string {
  try {
    return new URL(request.url).pathname;
  } catch {
    return "/";
  }
}

/** Headers every answer carries; HTML pages get their Content-Security-Policy from the server entry. */
export function withSecurityHeaders(response: Response, request: Request, config: FrontDoorConfig): Response {
  // A WebSocket upgrade is handed to the runtime untouched.
  if (response.status === 101 || (response as Response & { webSocket?: unknown }).webSocket) return response;
  const secured = new Response(response.body, response);
  const headers = secured.headers;
  headers.set("x-content-type-options", "nosniff");
  headers.set("referrer-policy", "strict-origin-when-cross-origin");
  headers.set("x-frame-options", "DENY");
  if (config.isProduction) headers.set("strict-transport-security", "max-age=31536000; includeSubDomains");
  // What a signed-in user sees is theirs alone: no shared or browser cache keeps it.
  if (hasSessionCookie(request)) headers.set("cache-control", "private, no-store");
  return secured;
}

/**
 * Runs `handle` behind the front door: over-long URLs get 414, cross-site state changes 403,
 * and an error nobody caught becomes the error page or the `/v1` error shape, with details
 * (the stack) only in development.
 */
export async function frontDoor(
  incoming: Request,
  config: FrontDoorConfig,
  handle: (request: Request) => Promise<Response>,
): Promise<Response> {
  const request = withTrustedAddress(incoming, config);
  let response: Response;
  if (request.url.length > MAX_URL_LENGTH) {
    response = errorAnswer(request, 414);
  } else if (hasUnnameablePathSegment(safePathname(request))) {
    response = errorAnswer(request, 404);
  } else if (crossSiteRefusal(request, config.appOrigin)) {
    response = errorAnswer(request, 403);
  } else if (isApiPath(safePathname(request)) && requestShapeProblem(request)) {
    const problem = requestShapeProblem(request)!;
    response = Response.json(
      { error: { code: problem.code, message: problem.message } },
      { status: problem.status, headers: { ...problem.headers, "cache-control": "no-store" } },
    );
  } else {
    try {
      response = await handle(request);
      // A /v1 route that failed outside handleApi still answers in the API's shape.
      if (response.status >= 500 && isApiPath(safePathname(request)) && !isJson(response)) {
        response = errorAnswer(request, 500);
      }
    } catch (error) {
      console.error("unhandled error", error);
      const detail = config.isDevelopment && error instanceof Error ? (error.stack ?? error.message) : undefined;
      response = errorAnswer(request, 500, detail);
    }
  }
  return withSecurityHeaders(response, request, config);
}

// Only Cloudflare's edge sets CF-Connecting-IP (overwriting what a client sent); X-Forwarded-For
// carries whatever the client put there. Locally nothing sets them, so a client could pick its
// own address for every per-address throttle: there both are removed.
const ADDRESS_HEADERS = ["cf-connecting-ip", "x-forwarded-for", "x-real-ip"];

export function withTrustedAddress(request: Request, config: FrontDoorConfig): Request {
  const spoofable = config.isDevelopment ? ADDRESS_HEADERS : ADDRESS_HEADERS.slice(1);
  if (!spoofable.some((name) => request.headers.has(name))) return request;
  const trusted = new Request(request);
  for (const name of spoofable) trusted.headers.delete(name);
  return trusted;
}

function isJson(response: Response): boolean {
  return (response.headers.get("content-type") ?? "").includes("json");
}

/** The front door's settings for an environment. */
export function frontDoorConfig(env: { APP_URL: string; APP_ENV?: string }): FrontDoorConfig {
  const appUrl = new URL(env.APP_URL);
  const isDevelopment = env.APP_ENV === "development";
  return { appOrigin: appUrl.origin, isDevelopment, isProduction: !isDevelopment && appUrl.protocol === "https:" };
}
