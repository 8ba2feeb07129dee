// Item 14 of issue 10: only https on 443 to public host names is a webhook URL.
import { describe, expect, test } from "vitest";
import { nonPublicIPv4, nonPublicIPv6, webhookUrlProblem } from "./webhook-url.ts";

describe("webhook URL rules (production)", () => {
  test.each([
    ["https://hooks.example.com/openinsure", null],
    ["https://hooks.acme-insurance.com:443/in", null],
    ["https://api.partner.co.uk/webhooks?x=1", null],
    ["https://HOOKS.Example.COM./in", null],
    ["http://hooks.example.com/in", "https://"],
    ["ftp://hooks.example.com/in", "https://"],
    ["https://hooks.example.com:8443/in", "port (443)"],
    ["https://hooks.example.com:80/in", "port (443)"],
    ["https://user:pass@hooks.example.com/in", "user name or password"],
    ["https://user@hooks.example.com/in", "user name or password"],
    ["https://localhost/in", "single-label"],
    ["https://app.localhost/in", "internal"],
    ["https://printer.local/in", "internal"],
    ["https://metadata.google.internal/in", "internal"],
    ["https://db.corp/in", "internal"],
    ["https://router.home.arpa/in", "internal"],
    ["https://intranet/in", "single-label"],
    ["https://127.0.0.1/in", "loopback"],
    ["https://10.0.0.5/in", "private"],
    ["https://172.16.3.4/in", "private"],
    ["https://192.168.1.1/in", "private"],
    ["https://169.254.169.254/latest/meta-data", "link-local"],
    ["https://100.64.0.1/in", "carrier-grade NAT"],
    ["https://224.0.0.1/in", "multicast"],
    ["https://0.0.0.0/in", "unspecified"],
    ["https://8.8.8.8/in", "not an IP address"],
    ["https://2130706433/in", "loopback"],
    ["https://0x7f.1/in", "loopback"],
    ["https://[::1]/in", "loopback"],
    ["https://[fd00::1]/in", "private"],
    ["https://[fe80::1]/in", "link-local"],
    ["https://[ff02::1]/in", "multicast"],
    ["https://[::ffff:10.0.0.1]/in", "private"],
    ["https://[2606:4700::1111]/in", "not an IP address"],
    ["not a url", "full URL"],
  ])("%s", (url, problem) => {
    const answer = webhookUrlProblem(url);
    if (problem === null) expect(answer).toBeNull();
    else expect(answer).toContain(problem);
  });
});

describe("webhook URL rules (development and tests)", () => {
  test.each([
    ["http://127.0.0.1:8123/hook", null],
    ["http://localhost:3000/hook", null],
    ["https://hooks.example.com/in", null],
    ["http://user:pw@127.0.0.1:8123/hook", "user name"],
    ["http://10.0.0.5:8123/hook", "https://"],
    ["http://169.254.169.254/latest", "https://"],
  ])("%s", (url, problem) => {
    const answer = webhookUrlProblem(url, { allowLocal: true });
    if (problem === null) expect(answer).toBeNull();
    else expect(answer).toContain(problem);
  });
});

test.each([
  ["11.0.0.1", null],
  ["172.32.0.1", null],
  ["100.128.0.1", null],
  ["172.31.255.255", "private"],
  ["198.18.0.1", "reserved"],
  ["255.255.255.255", "reserved"],
])("IPv4 %s", (ip, range) => expect(nonPublicIPv4(ip)).toBe(range));

test.each([
  ["2606:4700:4700::1111", null],
  ["::", "unspecified"],
  ["0:0:0:0:0:0:0:1", "loopback"],
  ["fc00::", "private"],
  ["febf::1", "link-local"],
  ["::ffff:127.0.0.1", "loopback"],
  ["64:ff9b::a9fe:a9fe", "link-local"],
  ["2001:db8::1", "documentation"],
])("IPv6 %s", (ip, range) => expect(nonPublicIPv6(ip)).toBe(range));
