import type { RatedQuote } from "../services/rating/index.ts";
import { formatCents } from "../utils/format.ts";
import { stepLabels } from "./rating-step-labels.ts";

/** "Why this price": every step of the rating in order, as recorded when the quote was made. */
export function RatingSteps({ rating }: { rating: RatedQuote }) {
  const labels = stepLabels([...rating.steps, ...rating.fees, ...rating.taxes].map((line) => line.step));
  const feeOffset = rating.steps.length;
  const taxOffset = feeOffset + rating.fees.length;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Rating steps</caption>
        <thead>
          <tr className="border-b border-border text-left text-text-muted">
            <th scope="col" className="px-2 py-1.5 font-medium">
              #
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              Step
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              Basis
            </th>
            <th scope="col" className="px-2 py-1.5 font-medium">
              Source
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              Factor
            </th>
            <th scope="col" className="px-2 py-1.5 text-right font-medium">
              Premium after
            </th>
          </tr>
        </thead>
        <tbody>
          {rating.steps.map((step, index) => (
            <tr key={step.key} className="border-b border-border/60">
              <td className="px-2 py-1.5 font-mono text-text-muted">{labels[index]}</td>
              <td className="px-2 py-1.5">{step.name}</td>
              <td className="px-2 py-1.5">{step.input}</td>
              <td className="px-2 py-1.5 text-xs text-text-muted">{step.source}</td>
              <td className="px-2 py-1.5 text-right font-mono">{step.factor ?? "—"}</td>
              <td className="px-2 py-1.5 text-right font-mono">{formatCents(step.premiumAfter)}</td>
            </tr>
          ))}
          {rating.fees.map((fee, index) => (
            <tr key={fee.code} className="border-b border-border/60">
              <td className="px-2 py-1.5 font-mono text-text-muted">{labels[feeOffset + index]}</td>
              <td className="px-2 py-1.5">{fee.name}</td>
              <td className="px-2 py-1.5">{fee.taxable ? "taxable fee" : "fee"}</td>
              <td className="px-2 py-1.5 text-xs text-text-muted">{fee.source}</td>
              <td className="px-2 py-1.5 text-right font-mono">—</td>
              <td className="px-2 py-1.5 text-right font-mono">{formatCents(fee.amount)}</td>
            </tr>
          ))}
          {rating.taxes.map((tax, index) => (
            <tr key={tax.code} className="border-b border-border/60">
              <td className="px-2 py-1.5 font-mono text-text-muted">{labels[taxOffset + index]}</td>
              <td className="px-2 py-1.5">{tax.name}</td>
              <td className="px-2 py-1.5">{tax.input}</td>
              <td className="px-2 py-1.5 text-xs text-text-muted">{tax.source}</td>
              <td className="px-2 py-1.5 text-right font-mono">{tax.rate}</td>
              <td className="px-2 py-1.5 text-right font-mono">{formatCents(tax.amount)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-medium">
            <td colSpan={5} className="px-2 py-2 text-right">
              Total due
            </td>
            <td className="px-2 py-2 text-right font-mono">{formatCents(rating.totalDue)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
