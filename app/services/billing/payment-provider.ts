/**
 * How the policyholder portal takes money: through a payment provider adapter. The app never
 * decides on its own that money arrived; an invoice is paid online only when the provider
 * confirms it, server to server.
 *
 * The flow an adapter implements:
 *  1. `createIntent` (server side, when the pay page loads or the policyholder starts paying):
 *     the provider reserves a payment for the invoice's amount, tagged with the org and invoice
 *     ids, and answers an intent id plus whatever its browser script needs (`clientData`, e.g. a
 *     client secret). No money has moved.
 *  2. The browser completes the payment with the provider's own script or hosted page (card data
 *     never reaches our server), then posts the intent id back to the pay action.
 *  3. `confirm` (server side, in the action): the adapter asks the provider's API, with its secret
 *     key, what became of that intent. It answers `succeeded` only when the provider says the money
 *     was captured, for the amount and currency it reports and for this org and invoice (the
 *     metadata set in step 1); anything else is `failed`. Never trust amounts or status from the
 *     browser.
 * The app then records the confirmed amount with the intent id as the payment's reference, and
 * refuses an intent id that is already recorded (one intent pays once).
 *
 * The test card adapter (below) is the development and test stand-in: it has no step 2 and
 * "confirms" the well-known test card numbers. `paymentProviderFor` hands it out only when the
 * Worker runs with APP_ENV=development or test; in production no provider is configured unless
 * one is plugged in (README, "Taking payments in production"), and the pay action refuses.
 */
import type { PaymentMethod } from "../../../db/schema/index.ts";
import { chargeTestCard } from "../ledger/test-card.ts";

export type PaymentIntentRequest = { orgId: string; invoiceId: string; amountCents: number; currency: "USD" };

export type PaymentIntent = { intentId: string; clientData: Record<string, string> };

export type PaymentConfirmRequest = {
  orgId: string;
  invoiceId: string;
  /** What the policyholder asked to pay; the adapter reports what the provider actually captured. */
  amountCents: number;
  /** The intent id (and, for the test card only, the card number) posted by the pay form. */
  fields: { intentId?: string; cardNumber?: string };
};

export type PaymentConfirmation =
  | {
      status: "succeeded";
      amountCents: number;
      reference: string;
      /** The provider's intent id: recorded as the reference, and refused when already recorded. */
      intentId?: string;
    }
  | { status: "failed"; message: string };

export interface PaymentProvider {
  /** Stable name, e.g. "test_card" or "stripe". */
  readonly id: string;
  /** How the payment row records it. */
  readonly method: PaymentMethod;
  /** Which form the pay page shows: the development card form, or the provider's own element. */
  readonly form: "test_card" | "provider";
  createIntent(request: PaymentIntentRequest): Promise<PaymentIntent>;
  confirm(request: PaymentConfirmRequest): Promise<PaymentConfirmation>;
}

/** Development and tests only: no card is charged anywhere. */
export const testCardProvider: PaymentProvider = {
  id: "test_card",
  method: "test_card",
  form: "test_card",
  async createIntent(request) {
    return { intentId: `test_${request.invoiceId}`, clientData: {} };
  },
  async confirm(request) {
    const charge = chargeTestCard(request.fields.cardNumber ?? "");
    if (!charge.approved) return { status: "failed", message: charge.message };
    return { status: "succeeded", amountCents: request.amountCents, reference: `test card •••• ${charge.last4}` };
  },
};

/** The environments where the test card is a payment method. */
export const TEST_CARD_ENVIRONMENTS = ["development", "test"] as const;

/**
 * The portal's payment provider for this Worker, or null when none is configured (production
 * until one is plugged in). Adapters for real providers are added here, chosen by
 * PAYMENT_PROVIDER and built from their own secrets.
 */
export function paymentProviderFor(env: { APP_ENV?: string; PAYMENT_PROVIDER?: string }): PaymentProvider | null {
  if ((TEST_CARD_ENVIRONMENTS as readonly (string | undefined)[]).includes(env.APP_ENV)) return testCardProvider;
  switch (env.PAYMENT_PROVIDER) {
    // case "stripe": return stripeProvider(env);  (see README, "Taking payments in production")
    default:
      return null;
  }
}
