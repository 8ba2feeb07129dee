import { describe, expect, it } from "vitest";
import * as types from "./types.ts";

// The proxy's flag bits and status codes must be TigerBeetle's own. The comparison needs the
// native client to load; where it cannot, the reason is printed and the check is skipped.
let tigerbeetle: typeof import("tigerbeetle-node") | undefined;
let reason = "";
try {
  tigerbeetle = await import("tigerbeetle-node");
} catch (error) {
  reason = `tigerbeetle-node does not load here (${(error as Error).message})`;
  console.warn(`ledger: skipping the comparison with tigerbeetle-node: ${reason}`);
}

/** A TypeScript enum's name -> value half. */
const entries = (e: Record<string, string | number>) =>
  Object.fromEntries(Object.entries(e).filter(([, value]) => typeof value === "number"));

describe.skipIf(!tigerbeetle)(`types match tigerbeetle-node${reason && ` (skipped: ${reason})`}`, () => {
  it("uses TigerBeetle's flag bits", () => {
    expect(types.AccountFlags).toEqual(entries(tigerbeetle!.AccountFlags));
    expect(types.TransferFlags).toEqual(entries(tigerbeetle!.TransferFlags));
    expect(types.AccountFilterFlags).toEqual(entries(tigerbeetle!.AccountFilterFlags));
  });

  it("uses TigerBeetle's status names and codes", () => {
    expect(types.CreateAccountStatus).toEqual(entries(tigerbeetle!.CreateAccountStatus));
    expect(types.CreateTransferStatus).toEqual(entries(tigerbeetle!.CreateTransferStatus));
  });

  it("uses TigerBeetle's amount_max", () => {
    expect(types.amount_max).toBe(tigerbeetle!.amount_max);
  });
});
