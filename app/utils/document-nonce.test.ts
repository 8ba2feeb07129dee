import { expect, test } from "vitest";
import { documentNonce } from "./document-nonce.ts";

// A page's first inline script as the browser leaves it: the attribute's value hidden, the
// property kept.
const scriptWithHiddenNonce = { nonce: "c2VydmVyLW5vbmNl", getAttribute: (_name: string) => "" };

test("the nonce is read from the script's property, where the browser keeps it, not its attribute", () => {
  const doc = { querySelector: (selector: string) => (selector === "script[nonce]" ? scriptWithHiddenNonce : null) };
  expect(documentNonce(doc)).toBe("c2VydmVyLW5vbmNl");
});

test("no document (the server) or no nonce-bearing script gives none, so the router's own nonce applies", () => {
  expect(documentNonce(undefined)).toBeUndefined();
  expect(documentNonce({ querySelector: () => null })).toBeUndefined();
  expect(documentNonce({ querySelector: () => ({ nonce: "" }) })).toBeUndefined();
});
