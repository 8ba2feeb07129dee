/** A date some days from today, as the app shows it (ISO) and as an ACORD form is filled in (MM/DD/YYYY). */
export function daysAhead(days: number): { iso: string; acord: string } {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  const iso = date.toISOString().slice(0, 10);
  const [year, month, day] = iso.split("-");
  return { iso, acord: `${month}/${day}/${year}` };
}
