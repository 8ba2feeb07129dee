// Webhook retry policy (DOMAIN.md): retries at 1 m, 5 m, 30 m, 2 h and 12 h after the failed
// attempt before; an endpoint is disabled after 5 consecutive failed attempts.

const MINUTE = 60_000;
export const WEBHOOK_RETRY_DELAYS_MS = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 120 * MINUTE, 720 * MINUTE] as const;
export const DISABLE_AFTER_CONSECUTIVE_FAILURES = 5;

/** When to try again after `attemptsMade` failed attempts, or null once the retries are spent. */
export function nextWebhookAttemptAt(attemptsMade: number, failedAt: Date): Date | null {
  const delay = WEBHOOK_RETRY_DELAYS_MS[attemptsMade - 1];
  return delay === undefined ? null : new Date(failedAt.getTime() + delay);
}

export function isSuccessStatus(status: number): boolean {
  return status >= 200 && status < 300;
}
