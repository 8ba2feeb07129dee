import { formatCents, formatInstant } from "../utils/format.ts";
import { reasonSummary } from "../services/underwriting/referral-reasons.ts";

export type TimelineEvent = {
  id: string;
  type: string;
  detail: Record<string, unknown> | null;
  createdAt: Date;
  actorName: string | null;
};

const LABELS: Record<string, string> = {
  submitted: "Submitted",
  claimed: "Claimed for review",
  quoted: "Quoted",
  quote_failed: "Could not be priced",
  referred: "Referred to underwriting",
  referral_approved: "Referral approved",
  referral_declined: "Referral declined",
  knockouts_hit: "Knockout questions hit",
  knockouts_cleared: "Knockout hits accepted",
  note_added: "Note added",
  info_requested: "More information requested",
  info_provided: "Producer answered",
  declined: "Declined",
  bound: "Bound",
};

function summary(event: TimelineEvent): string {
  const d = event.detail ?? {};
  switch (event.type) {
    case "quoted": {
      const schedule = Array.isArray(d.schedule) ? (d.schedule as { factor: string; reason: string }[]) : [];
      const premium = typeof d.grossPremiumCents === "number" ? [`premium ${formatCents(d.grossPremiumCents)}`] : [];
      return [
        ...premium,
        `rate table ${String(d.rateTableVersion ?? "")}`,
        ...schedule.map((s) => `schedule ${s.factor} (${s.reason})`),
      ].join(" · ");
    }
    case "referred":
    case "knockouts_hit":
    case "knockouts_cleared":
      return reasonSummary((d.reasons ?? d.codes ?? []) as unknown[]);
    case "note_added":
      return `${String(d.visibility)} note`;
    case "declined":
      return `${String(d.code)}: ${String(d.rationale)}`;
    case "referral_approved":
    case "referral_declined":
      return String(d.code ?? "");
    case "quote_failed":
      return String(d.message ?? "");
    case "bound":
      return String(d.policyNumber ?? "");
    case "info_provided":
      return `back to ${String(d.status ?? "").replaceAll("_", " ")}`;
    default:
      return "";
  }
}

/** Every action on the submission, newest first. */
export function SubmissionTimeline({ events }: { events: TimelineEvent[] }) {
  return (
    <ol aria-label="Timeline" className="border-l border-border pl-4 text-sm">
      {events.map((event) => (
        <li key={event.id} className="mb-3">
          <p className="font-medium">{LABELS[event.type] ?? event.type.replaceAll("_", " ")}</p>
          <p className="text-xs text-text-muted">
            {formatInstant(event.createdAt)} · {event.actorName ?? "Underwriting rules"}
          </p>
          {summary(event) ? <p className="text-xs">{summary(event)}</p> : null}
        </li>
      ))}
    </ol>
  );
}
