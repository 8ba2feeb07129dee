import { useEffect, useState } from "react";
import { formatInstant } from "../utils/format.ts";

// dateStyle/timeStyle cannot be combined with timeZoneName (a TypeError at construction), so the
// fields are spelled out: "Dec 3, 2026, 7:15 PM EST".
const local = new Intl.DateTimeFormat(undefined, {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
});

/**
 * An instant in the viewer's local time. The server renders it in UTC inside <time dateTime>
 * (it cannot know the viewer's zone); after hydration an effect rewrites the text in the
 * browser's zone, so the first client render matches the server's and nothing mismatches.
 */
export function LocalTime({ value, className }: { value: Date | string | null | undefined; className?: string }) {
  const iso = value ? new Date(value).toISOString() : null;
  const [text, setText] = useState(() => formatInstant(iso));
  useEffect(() => {
    if (iso) setText(local.format(new Date(iso)));
  }, [iso]);
  if (!iso) return <span className={className}>—</span>;
  return (
    <time dateTime={iso} title={`${formatInstant(iso)}`} className={className}>
      {text}
    </time>
  );
}
