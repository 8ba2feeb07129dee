/**
 * Resolving a webhook's host name before it is saved and before every delivery, so a public name
 * pointing at a private address is refused (webhook-url.ts says which addresses are public).
 * Workers have no resolver API, so the lookup is DNS over HTTPS (RFC 8484's JSON form).
 */
import { isLocalReceiver, resolvedAddressesProblem, type WebhookUrlPolicy } from "./webhook-url.ts";

/** Every IPv4 and IPv6 address a host name resolves to; [] when the name does not exist. */
export type HostResolver = (host: string) => Promise<string[]>;

/** The lookup itself failed (resolver down, timeout): neither an answer nor a refusal. */
export class HostLookupFailed extends Error {
  override readonly name = "HostLookupFailed";
}

const A = 1;
const AAAA = 28;
const NXDOMAIN = 3;
const LOOKUP_TIMEOUT_MS = 3_000;

type DnsJsonAnswer = { Status: number; Answer?: { type: number; data: string }[] };

export function dnsOverHttpsResolver(
  fetchFn: typeof fetch = (input, init) => fetch(input, init),
  endpoint = "https://cloudflare-dns.com/dns-query",
): HostResolver {
  const lookup = async (host: string, type: "A" | "AAAA") => {
    let answer: DnsJsonAnswer;
    try {
      const response = await fetchFn(`${endpoint}?name=${encodeURIComponent(host)}&type=${type}`, {
        headers: { accept: "application/dns-json" },
        signal: AbortSignal.timeout(LOOKUP_TIMEOUT_MS),
      });
      if (!response.ok) throw new HostLookupFailed(`the resolver answered HTTP ${response.status}`);
      answer = (await response.json()) as DnsJsonAnswer;
    } catch (cause) {
      if (cause instanceof HostLookupFailed) throw cause;
      throw new HostLookupFailed("the resolver could not be reached", { cause });
    }
    if (answer.Status === NXDOMAIN) return [];
    if (answer.Status !== 0) throw new HostLookupFailed(`the resolver answered DNS status ${answer.Status}`);
    // CNAME links come in the same answer; only the addresses at the end of the chain matter.
    return (answer.Answer ?? []).filter((a) => a.type === A || a.type === AAAA).map((a) => a.data);
  };
  return async (host) => (await Promise.all([lookup(host, "A"), lookup(host, "AAAA")])).flat();
}

/**
 * Why the URL's host may not be called given what it resolves to, or null when it may. Throws
 * HostLookupFailed when the lookup could not be made. Run after webhookUrlProblem passed.
 */
export async function webhookHostProblem(
  raw: string,
  resolveHost: HostResolver,
  policy: WebhookUrlPolicy = {},
): Promise<string | null> {
  if (isLocalReceiver(raw, policy)) return null;
  const host = new URL(raw).hostname.toLowerCase().replace(/\.$/, "");
  return resolvedAddressesProblem(await resolveHost(host));
}
