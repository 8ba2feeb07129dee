import { Badge } from "./ui.tsx";

export type UnderwritingIssuesView = {
  knockouts: { code: string; question: string; answer: boolean; action: "refer" | "decline"; clearedAt: Date | null }[];
  daFlags: { check: string; code: string; detail: string }[];
  referralReasons: { code: string; rationale: string; status: string }[];
  infoRequested: boolean;
};

/** Everything standing between the risk and straight-through binding, by name. */
export function UnderwritingIssues({ issues }: { issues: UnderwritingIssuesView }) {
  const none =
    issues.knockouts.length + issues.daFlags.length + issues.referralReasons.length === 0 && !issues.infoRequested;
  if (none) return <p className="text-sm text-text-muted">No knockout hits, DA flags or referral triggers.</p>;
  return (
    <ul aria-label="Underwriting issues" className="space-y-2 text-sm">
      {issues.knockouts.map((k) => (
        <li key={k.code} className="flex flex-wrap items-start gap-2">
          <Badge tone={k.clearedAt ? "neutral" : "bad"}>knockout · {k.action}</Badge>
          <span className="font-mono text-xs">{k.code}</span>
          <span className="flex-1">
            {k.question} <em>Answered {k.answer ? "yes" : "no"}.</em>
          </span>
          {k.clearedAt ? <Badge tone="good">accepted</Badge> : <Badge tone="warn">open</Badge>}
        </li>
      ))}
      {issues.daFlags.map((f) => (
        <li key={f.check} className="flex flex-wrap items-start gap-2">
          <Badge tone="bad">DA flag</Badge>
          <span className="font-mono text-xs">{f.code}</span>
          <span className="flex-1">{f.detail}</span>
        </li>
      ))}
      {issues.referralReasons.map((r, i) => (
        <li key={`${r.code}-${i}`} className="flex flex-wrap items-start gap-2">
          <Badge tone="warn">referral trigger</Badge>
          <span className="font-mono text-xs">{r.code}</span>
          <span className="flex-1">{r.rationale}</span>
          <Badge tone={r.status === "pending" ? "warn" : "neutral"}>{r.status}</Badge>
        </li>
      ))}
      {issues.infoRequested ? (
        <li className="flex flex-wrap items-start gap-2">
          <Badge tone="warn">information requested</Badge>
          <span>Waiting on the producer's answer.</span>
        </li>
      ) : null}
    </ul>
  );
}
