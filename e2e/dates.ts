/** A calendar date some days from today (UTC), as the app's date fields take it: YYYY-MM-DD. */
export function daysFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A date some days from today, as the app shows it (ISO) and as an ACORD form is filled in (MM/DD/YYYY). */
export function daysAhead(days: number): { iso: string; acord: string } {
  const iso = daysFromToday(days);
  const [year, month, day] = iso.split("-");
  return { iso, acord: `${month}/${day}/${year}` };
}
