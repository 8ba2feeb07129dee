import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { dnsOverHttpsResolver, HostLookupFailed } from "./webhook-dns.server.ts";

// A local server answering in the JSON form public DNS-over-HTTPS resolvers use (RFC 8484 JSON,
// as served by cloudflare-dns.com and dns.google): CNAME chains, NXDOMAIN, SERVFAIL, an outage.
const ZONE: Record<string, Record<string, unknown>> = {
  "A hooks.partner-insurer.com": {
    Status: 0,
    Answer: [
      { name: "hooks.partner-insurer.com", type: 5, TTL: 300, data: "edge.cdn.net." },
      { name: "edge.cdn.net", type: 1, TTL: 60, data: "104.18.32.7" },
    ],
  },
  "AAAA hooks.partner-insurer.com": {
    Status: 0,
    Answer: [{ name: "hooks.partner-insurer.com", type: 28, TTL: 60, data: "2606:4700::6812:2007" }],
  },
  "A gone.example.org": { Status: 3 },
  "AAAA gone.example.org": { Status: 3 },
  "A broken.example.org": { Status: 2 },
  "AAAA broken.example.org": { Status: 2 },
};

let server: Server;
let endpoint: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url!, "http://localhost");
    if (request.headers.accept !== "application/dns-json" || url.searchParams.get("name") === "outage.example.org") {
      response.writeHead(502).end();
      return;
    }
    const answer = ZONE[`${url.searchParams.get("type")} ${url.searchParams.get("name")}`] ?? { Status: 0 };
    response.writeHead(200, { "content-type": "application/dns-json" }).end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dns-query`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("resolving a webhook host over DNS-over-HTTPS", () => {
  test("answers the addresses at the end of the chain, IPv4 and IPv6", async () => {
    expect(await dnsOverHttpsResolver(fetch, endpoint)("hooks.partner-insurer.com")).toEqual([
      "104.18.32.7",
      "2606:4700::6812:2007",
    ]);
  });

  test("a name that does not exist has no addresses; a failed lookup is an error, not an answer", async () => {
    const resolve = dnsOverHttpsResolver(fetch, endpoint);
    expect(await resolve("gone.example.org")).toEqual([]);
    await expect(resolve("broken.example.org")).rejects.toThrow(
      new HostLookupFailed("the resolver answered DNS status 2"),
    );
    await expect(resolve("outage.example.org")).rejects.toThrow(new HostLookupFailed("the resolver answered HTTP 502"));
    await expect(
      dnsOverHttpsResolver(fetch, "http://127.0.0.1:9/dns-query")("hooks.partner-insurer.com"),
    ).rejects.toThrow(new HostLookupFailed("the resolver could not be reached"));
  });
});
