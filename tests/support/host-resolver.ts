import type { HostResolver } from "../../app/services/events/webhook-dns.server.ts";

/**
 * A stand-in for public DNS (the tests cannot reach a resolver): the names the tests use, with
 * the answers a resolver would give. A name missing here does not exist.
 */
const RECORDS: Record<string, string[]> = {
  "hooks.example.com": ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"],
  "hooks.partner-insurer.com": ["104.18.32.7"],
  // Public names an attacker points at the app's own network.
  "rebind.attacker.net": ["10.0.0.7"],
  "metadata.attacker.net": ["93.184.216.34", "169.254.169.254"],
  "loopback6.attacker.net": ["::1"],
};

export const testHostResolver: HostResolver = async (host) => RECORDS[host] ?? [];
