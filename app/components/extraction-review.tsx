import type { ReactNode } from "react";
import type { DraftReview } from "../../db/schema/documents.ts";

/**
 * Wraps a pre-filled form field: a field the ACORD extraction was unsure of (or could not find)
 * is highlighted with the reason, until the producer has checked it and filed.
 */
export function ReviewedField({
  review,
  field,
  children,
}: {
  review: DraftReview | null;
  field: string;
  children: ReactNode;
}) {
  const weak = review?.lowConfidence.includes(field) ?? false;
  const missing = review?.missing.includes(field) ?? false;
  if (!weak && !missing) return <div data-review="ok">{children}</div>;
  const read = review?.fields[field];
  return (
    <div
      data-review={weak ? "low-confidence" : "missing"}
      className="rounded-md border-2 border-warning bg-warning/10 p-2"
    >
      {children}
      <p className="mt-1 text-xs font-medium">
        {weak && read
          ? `Check this: read from the ACORD with ${Math.round(read.confidence * 100)}% confidence${read.note ? ` (${read.note})` : ""}.`
          : "Not found on the ACORD: fill this in."}
      </p>
    </div>
  );
}
