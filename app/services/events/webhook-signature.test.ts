import { createHmac, timingSafeEqual } from "node:crypto";
import { describe, expect, test } from "vitest";
import { signatureHeader, verifySignature } from "./webhook-signature.ts";

const secret = "whsec_test_0123456789";
const body = JSON.stringify({
  id: "evt_1",
  type: "policy.bound",
  created_at: "2026-11-22T05:00:00.000Z",
  data: { policyNumber: "SRU-GL-2026-000001" },
});
const at = new Date("2026-11-22T05:00:00.000Z");

/** The receiver's check exactly as README.md documents it: Node's own crypto, not our module. */
function receiverAccepts(rawBody: string, header: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const fields = Object.fromEntries(header.split(",").map((kv) => kv.split("=", 2)));
  const t = Number(fields.t);
  if (!Number.isInteger(t) || typeof fields.v1 !== "string" || Math.abs(nowSeconds - t) > toleranceSeconds)
    return false;
  const expected = createHmac("sha256", secret).update(`${t}.${rawBody}`).digest();
  const given = Buffer.from(fields.v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe("webhook signatures", () => {
  test("the header is t=<unix seconds>,v1=<hex HMAC-SHA256 of t.body>, which a receiver verifies with plain Node crypto", async () => {
    const header = await signatureHeader(secret, body, at);
    expect(header).toBe(`t=1795323600,v1=${createHmac("sha256", secret).update(`1795323600.${body}`).digest("hex")}`);
    expect(receiverAccepts(body, header, 1795323600 + 10)).toBe(true);
    expect(receiverAccepts(body.replace("000001", "000002"), header, 1795323600)).toBe(false);
    expect(receiverAccepts(body, header, 1795323600 + 301)).toBe(false);
  });

  test("verification accepts the signed body and refuses a changed body, another secret, a stale or malformed header", async () => {
    const header = await signatureHeader(secret, body, at);
    const soon = new Date(at.getTime() + 60_000);
    expect(await verifySignature(secret, body, header, soon)).toEqual({ ok: true });
    expect(await verifySignature(secret, `${body} `, header, soon)).toEqual({ ok: false, reason: "mismatch" });
    expect(await verifySignature("whsec_other", body, header, soon)).toEqual({ ok: false, reason: "mismatch" });
    expect(await verifySignature(secret, body, header, new Date(at.getTime() + 301_000))).toEqual({
      ok: false,
      reason: "stale",
    });
    expect(await verifySignature(secret, body, null, soon)).toEqual({ ok: false, reason: "malformed" });
    expect(await verifySignature(secret, body, "t=abc,v1=00", soon)).toEqual({ ok: false, reason: "malformed" });
  });
});
