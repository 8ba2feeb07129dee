import { formatInstant } from "../utils/format.ts";
import { distinctReasons, explainReferral } from "../services/underwriting/referral-reasons.ts";
import { StatusBadge } from "./ui.tsx";

export type ReferralView = {
  id: string;
  status: string;
  reasons: { code: string; rationale: string }[];
  assigneeName?: string | null;
  decisionCode: string | null;
  decisionRationale: string | null;
  activity: { id: string; action: string; note: string | null; createdAt: Date }[];
};

/** A referral with its reasons, decision and full activity trail, as producer and underwriter see it. */
export function ReferralPanel({ referral, explain = false }: { referral: ReferralView; explain?: boolean }) {
  // The producer waiting on it reads why, who and what next; the underwriter has the decision form instead.
  const explanation = explain ? explainReferral({ ...referral, assigneeName: referral.assigneeName ?? null }) : null;
  return (
    <section aria-label="Referral" className="rounded-md border border-border p-4">
      <header className="mb-2 flex items-center gap-3">
        <h3 className="font-medium">Referral to underwriting</h3>
        <StatusBadge status={referral.status} />
      </header>
      {explanation ? (
        <div role="status" className="mb-3 rounded-md border border-warning bg-warning/10 p-3 text-sm">
          <dl className="grid gap-1 sm:grid-cols-[9rem_1fr]">
            <dt className="font-medium">Why</dt>
            <dd>{explanation.why}</dd>
            <dt className="font-medium">Who has it</dt>
            <dd>{explanation.who}</dd>
            <dt className="font-medium">What happens next</dt>
            <dd>{explanation.next}</dd>
          </dl>
        </div>
      ) : null}
      <ul className="list-disc pl-5 text-sm">
        {distinctReasons(referral.reasons).map((r) => (
          <li key={r.code + r.rationale}>
            <span className="font-mono text-xs">{r.code}</span> {r.rationale}
          </li>
        ))}
      </ul>
      {referral.decisionCode ? (
        <p className="mt-2 text-sm">
          Decision: <span className="font-mono text-xs">{referral.decisionCode}</span> {referral.decisionRationale}
        </p>
      ) : null}
      <ol className="mt-3 border-l border-border pl-4 text-xs text-text-muted">
        {referral.activity.map((a) => (
          <li key={a.id} className="mb-1">
            {formatInstant(a.createdAt)} · <span className="font-medium text-text">{a.action}</span> {a.note}
          </li>
        ))}
      </ol>
    </section>
  );
}
