import type { EntryContext, RouterContextProvider } from "react-router";
import { ServerRouter } from "react-router";
import { isbot } from "isbot";
import { renderToReadableStream } from "react-dom/server";
import { contentSecurityPolicy, randomNonce } from "./content-security-policy.ts";

// React Router's default web entry, plus a per-response nonce: ServerRouter hands it to every
// inline script it renders (and to <Scripts>, <ScrollRestoration>, <Links>), and the page's
// Content-Security-Policy allows only scripts carrying it.

export const streamTimeout = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  _loadContext: RouterContextProvider,
) {
  const nonce = randomNonce();
  // The dev server injects scripts of its own: there the policy only reports.
  const policyHeader =
    import.meta.env.MODE === "production" ? "Content-Security-Policy" : "Content-Security-Policy-Report-Only";
  responseHeaders.set(policyHeader, contentSecurityPolicy(nonce));

  if (request.method.toUpperCase() === "HEAD") {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }

  let shellRendered = false;
  const userAgent = request.headers.get("user-agent");

  const body = await renderToReadableStream(<ServerRouter context={routerContext} url={request.url} nonce={nonce} />, {
    nonce,
    signal: AbortSignal.timeout(streamTimeout + 1000),
    onError(error: unknown) {
      responseStatusCode = 500;
      // Errors inside the shell are logged here; shell errors reject and are logged by the handler.
      if (shellRendered) console.error(error);
    },
  });
  shellRendered = true;

  // Bots and SPA mode wait for all content.
  if ((userAgent && isbot(userAgent)) || routerContext.isSpaMode) await body.allReady;

  responseHeaders.set("Content-Type", "text/html");
  return new Response(body, { headers: responseHeaders, status: responseStatusCode });
}
