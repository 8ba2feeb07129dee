/** Copies every Set-Cookie of a better-auth response onto our own response headers. */
export function forwardCookies(from: Response, headers = new Headers()): Headers {
  for (const cookie of from.headers.getSetCookie()) headers.append("set-cookie", cookie);
  return headers;
}

export function clientAddress(request: Request): string {
  return request.headers.get("cf-connecting-ip") ?? request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "local";
}

/** Only same-site relative paths may be redirect targets. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
