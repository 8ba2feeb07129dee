/**
 * The CSP nonce the server gave this page, read back in the browser. Browsers hide a nonce
 * attribute's value from the DOM (`getAttribute("nonce")` answers "") but keep it on the element's
 * `nonce` property, which is also what React compares when it hydrates a `nonce` prop.
 */
export function documentNonce(
  doc: { querySelector(selector: string): { nonce?: string } | null } | undefined,
): string | undefined {
  return doc?.querySelector("script[nonce]")?.nonce || undefined;
}
