/** Today's calendar date. Business days are reckoned in UTC until organizations carry a time zone. */
export function todayInUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
