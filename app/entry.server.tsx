import type { EntryContext, RouterContextProvider } from "react-router";
import { ServerRouter } from "react-router";
import { renderToString } from "react-dom/server";
import { contentSecurityPolicy, randomNonce } from "./content-security-policy.ts";

// The document as one string, plus a per-response nonce: ServerRouter hands it to every inline
// script it renders (and to <Scripts>, <ScrollRestoration>, <Links>), and the page's
// Content-Security-Policy allows only scripts carrying it.
//
// Not React Router's default streaming entry: no route defers data (every loader has finished
// before rendering starts), so streaming only sent the same document in pieces, while the edge
// renderer encoded each piece of markup to bytes on its own, the largest single share of a list
// page's CPU in the Worker (ADR 031). One string is encoded once, by the runtime.

export default function handleRequest(
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

  const html = renderToString(<ServerRouter context={routerContext} url={request.url} nonce={nonce} />);
  responseHeaders.set("Content-Type", "text/html");
  // The streaming renderer wrote the doctype itself; the string renderer does not.
  return new Response(`<!DOCTYPE html>${html}`, { headers: responseHeaders, status: responseStatusCode });
}
