/**
 * How a policyholder's invoice page reads: "Pay" only while something is owed; once paid it is a
 * receipt. Pure, shared by the portal's invoice page and its tests.
 */
export function invoicePageTitle(invoiceNumber: string, open: boolean): string {
  return open ? `Pay ${invoiceNumber}` : `Receipt for ${invoiceNumber}`;
}

const METHOD_LABELS: Record<string, string> = {
  test_card: "Card (test)",
  check: "Check",
  ach: "Bank transfer (ACH)",
  wire: "Wire transfer",
};

/** A payment method as people say it, with its reference ("Card (test) · test card •••• 4242"). */
export function paymentMethodLabel(method: string, reference: string | null): string {
  const label = METHOD_LABELS[method] ?? method;
  return reference ? `${label} · ${reference}` : label;
}
