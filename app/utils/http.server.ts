/** Copies every Set-Cookie of a better-auth response onto our own response headers. */
export function forwardCookies(from: Response, headers = new Headers()): Headers {
  for (const cookie of from.headers.getSetCookie()) headers.append("set-cookie", cookie);
  return headers;
}

/** The client's address as Cloudflare's edge reports it (the Worker's front door drops spoofable headers). */
export function clientAddress(request: Request): string {
  return request.headers.get("cf-connecting-ip") ?? "local";
}

const PROBE_ORIGIN = "http://same-origin.invalid";

/**
 * Only same-origin paths may be redirect targets. Control characters and backslashes are refused
 * outright (browsers drop tabs and newlines, so "/\t/evil.example" would become "//evil.example"),
 * and the path must still resolve to this origin.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//")) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(to)) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(to, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (resolved.origin !== PROBE_ORIGIN) return fallback;
  return to;
}
