// Configuration the Worker reads. Set with `wrangler secret put` in production; locally
// `npm start` passes them from the process environment (CLOUDFLARE_INCLUDE_PROCESS_ENV).

interface Env {
  /** PlanetScale HTTP URL: https://user:password@host/database (http: for the local simulator). */
  DATABASE_URL: string;
  BETTER_AUTH_SECRET: string;
  /** Public origin of the app, e.g. https://app.openinsure.example */
  APP_URL: string;
  /** "development" enables the dev mailbox page and the tenant guard. */
  APP_ENV?: string;
  /** Sign-in attempts allowed per account per 15 minutes (default 10). */
  SIGN_IN_MAX_ATTEMPTS?: string;
  /** Outgoing mail: an HTTP mail API taking JSON {from, to, subject, text} with a bearer token. */
  MAIL_TRANSPORT_URL?: string;
  MAIL_TRANSPORT_TOKEN?: string;
  /** Sender, e.g. "OpenInsure <no-reply@openinsure.example>". */
  MAIL_FROM?: string;
  /** The ledger proxy (ledger/README.md), e.g. https://openinsure-ledger.fly.dev, and its bearer key. */
  LEDGER_URL?: string;
  LEDGER_API_KEY?: string;
  /** The portal's payment provider adapter (app/services/billing/payment-provider.ts); unset in production = no online payment. */
  PAYMENT_PROVIDER?: string;
  /** PHI master key: base64 of 32 random bytes, a secret (ADR 019). */
  PHI_MASTER_KEY?: string;
}
