/**
 * Which webhook URLs the app will call. A webhook is a request the server makes on an org admin's
 * behalf, so an unchecked URL turns the app into a probe of its own network: only https on port
 * 443 to a public host name passes. Checked when an endpoint is saved and again before every
 * delivery (a URL stored before these rules, or under looser ones, is never called).
 *
 * IP literals are refused outright (a receiver has a name and a certificate for it); the range
 * table below names why an address is not public, for the refusal message and for any check of
 * resolved addresses.
 */

export type WebhookUrlPolicy = {
  /** Development and tests only: plain http and this machine's receivers are allowed. */
  allowLocal?: boolean;
};

const INTERNAL_SUFFIXES = [
  "localhost",
  "local",
  "internal",
  "intranet",
  "lan",
  "home",
  "corp",
  "private",
  "localdomain",
  "home.arpa",
  "test",
  "invalid",
  "example",
  "onion",
];

function parseIPv4(host: string): number[] | null {
  const parts = host.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const bytes = parts.map(Number);
  return bytes.every((b) => b <= 255) ? bytes : null;
}

/** Why an IPv4 address is not a public unicast address, or null when it is. */
export function nonPublicIPv4(host: string): string | null {
  const b = parseIPv4(host);
  if (!b) return null;
  const [a, c] = [b[0]!, b[1]!];
  if (a === 0) return "unspecified";
  if (a === 127) return "loopback";
  if (a === 10 || (a === 172 && c >= 16 && c <= 31) || (a === 192 && c === 168)) return "private";
  if (a === 169 && c === 254) return "link-local";
  if (a === 100 && c >= 64 && c <= 127) return "carrier-grade NAT";
  if (a === 192 && c === 0 && b[2] === 0) return "reserved";
  if (a === 198 && (c === 18 || c === 19)) return "reserved";
  if (a >= 224 && a <= 239) return "multicast";
  if (a >= 240) return "reserved";
  return null;
}

function expandIPv6(host: string): number[] | null {
  let text = host.replace(/^\[|\]$/g, "").toLowerCase();
  const zone = text.indexOf("%");
  if (zone >= 0) text = text.slice(0, zone);
  // An embedded IPv4 tail (::ffff:1.2.3.4) becomes two groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const b = parseIPv4(v4[1]!);
    if (!b) return null;
    text = `${text.slice(0, -v4[1]!.length)}${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => Number.parseInt(g, 16));
}

/** Why an IPv6 address is not a public unicast address, or null when it is (or it is no IPv6 address). */
export function nonPublicIPv6(host: string): string | null {
  const g = expandIPv6(host);
  if (!g) return null;
  if (g.every((x) => x === 0)) return "unspecified";
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return "loopback";
  // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d): judged by the IPv4 address inside.
  if ((g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) || (g[0] === 0x64 && g[1] === 0xff9b)) {
    const v4 = `${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`;
    return nonPublicIPv4(v4);
  }
  if ((g[0]! & 0xfe00) === 0xfc00) return "private";
  if ((g[0]! & 0xffc0) === 0xfe80) return "link-local";
  if ((g[0]! & 0xffc0) === 0xfec0) return "site-local";
  if ((g[0]! & 0xff00) === 0xff00) return "multicast";
  if (g[0] === 0x2001 && g[1] === 0x0db8) return "documentation";
  if (g[0] === 0x0100 && g.slice(1, 4).every((x) => x === 0)) return "discard";
  return null;
}

const isIpLiteral = (host: string) => host.startsWith("[") || parseIPv4(host) !== null;

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Why this URL may not be a webhook endpoint, or null when it may. The message is shown to the
 * admin who typed it.
 */
export function webhookUrlProblem(raw: string, policy: WebhookUrlPolicy = {}): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter the endpoint's full URL (https://…).";
  }
  if (url.username || url.password) return "The URL must not carry a user name or password.";
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (policy.allowLocal && LOCAL_HOSTS.has(host) && (url.protocol === "http:" || url.protocol === "https:"))
    return null;
  if (url.protocol !== "https:") return "Webhook URLs must use https://.";
  // The URL parser drops the default port, so any port left is not 443.
  if (url.port !== "") return "Webhook URLs must use the standard https port (443).";
  if (isIpLiteral(host)) {
    const range = nonPublicIPv4(host) ?? nonPublicIPv6(host);
    return `Use the receiver's host name, not an IP address${range ? ` (that one is ${range})` : ""}.`;
  }
  if (!host.includes(".")) return "Use the receiver's public host name (a single-label name is internal).";
  const labels = host.split(".");
  for (let i = 0; i < labels.length; i++) {
    if (INTERNAL_SUFFIXES.includes(labels.slice(i).join(".")))
      return "Use a public host name, not an internal or reserved one.";
  }
  // A name ending in digits after the last dot is an IP address in another spelling.
  if (/^\d+$/.test(labels.at(-1)!) || /^0x[0-9a-f]+$/i.test(labels.at(-1)!))
    return "Use the receiver's host name, not an IP address.";
  return null;
}

/** The check at delivery time: the same rules, with no detail for the log. */
export function isAllowedWebhookTarget(raw: string, policy: WebhookUrlPolicy = {}): boolean {
  return webhookUrlProblem(raw, policy) === null;
}

/** Why an address a host name resolved to is not a public unicast address, or null when it is. */
export function nonPublicAddress(address: string): string | null {
  return nonPublicIPv4(address) ?? nonPublicIPv6(address);
}

/**
 * The same rule applied to what a host name resolves to: a public name that points at a private
 * address would otherwise reach the network the app runs in. Every address must be public.
 */
export function resolvedAddressesProblem(addresses: readonly string[]): string | null {
  if (addresses.length === 0) return "The endpoint's host name does not resolve to any address.";
  for (const address of addresses) {
    const range = nonPublicAddress(address);
    if (range) return `The endpoint's host name points at a ${range} address, not a public one.`;
  }
  return null;
}

/** Whether the URL is one of this machine's receivers that development may call without a lookup. */
export function isLocalReceiver(raw: string, policy: WebhookUrlPolicy = {}): boolean {
  if (!policy.allowLocal) return false;
  try {
    return LOCAL_HOSTS.has(new URL(raw).hostname.toLowerCase());
  } catch {
    return false;
  }
}
