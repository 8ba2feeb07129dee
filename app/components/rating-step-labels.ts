/**
 * The "#" column of "Why this price". Lines keep their rating step (DOMAIN.md's order, 1..11) but
 * a step made of several lines (two fees at 10, premium tax and stamping fee at 11) gets a letter
 * per line, so no number appears twice: 10, 11a, 11b.
 */
export function stepLabels(steps: readonly number[]): string[] {
  const count = new Map<number, number>();
  for (const step of steps) count.set(step, (count.get(step) ?? 0) + 1);
  const seen = new Map<number, number>();
  return steps.map((step) => {
    if ((count.get(step) ?? 0) < 2) return String(step);
    const index = seen.get(step) ?? 0;
    seen.set(step, index + 1);
    return `${step}${String.fromCharCode(97 + index)}`;
  });
}
