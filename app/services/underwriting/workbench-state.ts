/**
 * What the workbench says first: where the submission stands and what the underwriter can do
 * about it, for every status the queue can show. A status without the record it implies (a
 * "referred" submission with no open referral, a "quoted" one with no quote) is said plainly,
 * with the way out, instead of a page that claims nothing is wrong.
 */
export type WorkbenchStateInput = {
  status: string;
  quote: { expiresOn: string } | null;
  pendingReferral: { assigneeName: string | null; assignedToMe: boolean } | null;
  today: string;
  /** The policy a bound submission became: which option of the quote and which payment plan. */
  boundPolicy?: BoundPolicySummary | null;
};

export type BoundPolicySummary = { policyNumber: string; optionNumber: number | null; planName: string | null };

/** "Bound as policy SRU-GL-2026-000001 from option 2, paid Quarterly." */
export function boundPolicySentence({ policyNumber, optionNumber, planName }: BoundPolicySummary): string {
  const option = optionNumber === null ? "" : ` from option ${optionNumber}`;
  const plan = planName === null ? "" : `, paid ${planName.toLowerCase()}`;
  return `Bound as policy ${policyNumber}${option}${plan}.`;
}

export type WorkbenchState = { headline: string; next: string };

const REPRICE =
  "Re-price it with Schedule rating (Apply and re-rate; rows may stay empty), which makes a new quote version.";

export function workbenchState({
  status,
  quote,
  pendingReferral,
  today,
  boundPolicy = null,
}: WorkbenchStateInput): WorkbenchState {
  const expired = quote !== null && quote.expiresOn < today;
  switch (status) {
    case "referred":
      if (pendingReferral) {
        const who = pendingReferral.assignedToMe ? "you" : (pendingReferral.assigneeName ?? "the senior underwriters");
        return {
          headline: `Referred: waiting on ${who === "you" ? "your" : `${who}'s`} decision.`,
          next: pendingReferral.assignedToMe
            ? "Approve or decline the referral below with a reason code and rationale; the producer is told either way."
            : `It is routed to ${who}. You can still add notes, request information or re-price it.`,
        };
      }
      return {
        headline: "Marked referred, but no referral is open on it.",
        next: `${REPRICE} The new quote is routed to an underwriter with the authority for it. Or decline it.`,
      };
    case "submitted":
    case "in_review":
      return quote
        ? { headline: "In underwriting with a quote on file.", next: REPRICE }
        : {
            headline: "Not priced yet.",
            next: `${REPRICE.replace("Re-price", "Price")} Or request information, or decline it.`,
          };
    case "quoted":
      return quote
        ? {
            headline: expired
              ? "Quoted, but the quote has expired."
              : "Quoted: bind an option below for the producer, or the producer binds it.",
            next: expired ? REPRICE : `Valid until ${quote.expiresOn}. ${REPRICE}`,
          }
        : { headline: "Marked quoted, but no quote is on file.", next: REPRICE };
    case "pending_info":
      return {
        headline: "Waiting on the producer's answer to a request for information.",
        next: "The answer appears in the notes; you can still decline it.",
      };
    case "bound":
      return {
        headline: boundPolicy ? boundPolicySentence(boundPolicy) : "Bound: the policy is issued from the bound option.",
        next: "Nothing left to decide here: changes go through the policy (endorsements, cancellation, renewal).",
      };
    case "declined":
      return { headline: "Declined.", next: "The producer sees the reason; nothing left to decide here." };
    case "withdrawn":
      return { headline: "Withdrawn by the producer.", next: "Nothing left to decide here." };
    default:
      return { headline: `Status: ${status.replaceAll("_", " ")}.`, next: REPRICE };
  }
}
