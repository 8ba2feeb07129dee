import type { PremiumSplit } from "../services/ledger/premium-split.ts";
import { formatCents } from "../utils/format.ts";
import { Card, StatusBadge } from "./ui.tsx";

/** What a recorded payment became: its split, and whether the ledger has it yet. */
export function PaymentResult({ outcome }: { outcome: { status: string; split: PremiumSplit } }) {
  const { split } = outcome;
  const rows: [string, number][] = [
    ["Producer commission", split.producerCommissionCents],
    ["MGA commission", split.mgaCommissionCents],
    ["Fees", split.feesCents],
    ["Premium tax", split.premiumTaxCents],
    ["Net to carrier", split.netToCarrierCents],
  ];
  return (
    <Card title="Payment recorded" actions={<StatusBadge status={outcome.status} />}>
      <p role="status" className="mb-3 text-sm">
        {outcome.status === "posted"
          ? `${formatCents(split.paymentCents)} received and posted to the ledger.`
          : outcome.status === "awaiting_posting"
            ? `${formatCents(split.paymentCents)} received. The ledger cannot be reached right now; it will be posted automatically.`
            : `${formatCents(split.paymentCents)} received; the ledger refused its posting, which finance will resolve.`}
      </p>
      <dl className="grid grid-cols-2 gap-x-8 gap-y-1 text-sm sm:grid-cols-5">
        {rows.map(([label, cents]) => (
          <div key={label}>
            <dt className="text-xs uppercase text-text-muted">{label}</dt>
            <dd className="font-mono">{formatCents(cents)}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
