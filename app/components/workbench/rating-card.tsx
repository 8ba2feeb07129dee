import type { ComponentProps } from "react";
import { Form } from "react-router";
import { formatCalendarDate, formatCents, formatRate } from "../../utils/format.ts";
import { BindOptionForm, type BindFormContext } from "../bind-option-form.tsx";
import { RatingSteps } from "../rating-steps.tsx";
import { Badge, Button, Card } from "../ui.tsx";
import { fieldClass, FormError, type WorkbenchActionData } from "./form-error.tsx";

export type QuoteView = {
  rateTableVersion: string;
  expiresOn: string;
  schedule: { factor: string; reason: string }[] | null;
  options: {
    id: string;
    position: number;
    occurrenceLimitCents: number;
    aggregateLimitCents: number;
    grossPremiumCents: number;
    totalDueCents: number;
    rating: ComponentProps<typeof RatingSteps>["rating"];
  }[];
};

/** The current quote's options with their rating trail, and the schedule rating form. */
export function RatingCard(props: {
  quote: QuoteView | null;
  earlierQuotes: number;
  /** The schedule form's rows as the form shows them (percent as typed); null hides the form. */
  scheduleRows: { percent: string; reason: string }[] | null;
  actionData: WorkbenchActionData;
  busy: boolean;
  /** Set when the user may bind the quote now: each option then carries its bind form. */
  bind: { context: BindFormContext; effectiveDate: string; formToken: string } | null;
  /** The option the policy was bound from: shown open and marked, instead of the first. */
  boundOptionId?: string | null;
}) {
  const { quote, earlierQuotes, scheduleRows, actionData, busy, bind, boundOptionId = null } = props;
  const bound = quote?.options.some((o) => o.id === boundOptionId) ?? false;
  const schedule = quote?.schedule ?? [];
  const versions = earlierQuotes ? ` · ${earlierQuotes} earlier version${earlierQuotes === 1 ? "" : "s"}` : "";
  return (
    <Card
      title="Rating"
      actions={
        quote ? (
          <span className="text-sm text-text-muted">
            rate table {quote.rateTableVersion} ·{" "}
            {bound ? "bound" : `valid until ${formatCalendarDate(quote.expiresOn)}`}
            {versions}
          </span>
        ) : null
      }
    >
      {quote ? (
        <div className="grid gap-3">
          {quote.options.map((option) => (
            <details
              key={option.id}
              open={bound ? option.id === boundOptionId : option.position === 0}
              aria-label={`Option ${option.position + 1}`}
            >
              <summary className="cursor-pointer">
                {option.id === boundOptionId ? <Badge tone="good">bound</Badge> : null}{" "}
                {formatCents(option.occurrenceLimitCents)} / {formatCents(option.aggregateLimitCents)}: premium{" "}
                <span className="font-mono" data-testid={`premium-${option.position + 1}`}>
                  {formatCents(option.grossPremiumCents)}
                </span>{" "}
                · total due <span className="font-mono">{formatCents(option.totalDueCents)}</span>
              </summary>
              <div className="mt-3">
                <RatingSteps rating={option.rating} />
              </div>
              {bind ? (
                <BindOptionForm
                  option={option}
                  effectiveDate={bind.effectiveDate}
                  context={bind.context}
                  formToken={bind.formToken}
                />
              ) : null}
            </details>
          ))}
          <FormError actionData={actionData} intent="bind" />
        </div>
      ) : (
        <p className="text-sm text-text-muted">Not priced yet.</p>
      )}
      {scheduleRows ? (
        <Form method="post" className="mt-6 border-t border-border pt-4" aria-label="Schedule rating">
          <input type="hidden" name="intent" value="schedule" />
          <h3 className="font-medium">Schedule rating</h3>
          <p className="mb-3 text-sm text-text-muted">
            Credits (negative) and debits (positive) in percent, each with its reason; the total must stay within the
            rate table's bounds. Applying re-rates the submission as a new quote version.
          </p>
          <div className="grid gap-2">
            {scheduleRows.map((row, i) => (
              <div key={i} className="grid grid-cols-[8rem_1fr] gap-2">
                <input
                  name="percent"
                  aria-label={`Credit or debit ${i + 1} (%)`}
                  inputMode="decimal"
                  placeholder={i === 0 ? "-5" : undefined}
                  defaultValue={row.percent}
                  className={fieldClass}
                />
                <input
                  name="reason"
                  aria-label={`Reason ${i + 1}`}
                  maxLength={200}
                  defaultValue={row.reason}
                  className={fieldClass}
                />
              </div>
            ))}
          </div>
          <div className="mt-3 flex items-center gap-3">
            <Button type="submit" variant="secondary" disabled={busy}>
              Apply and re-rate
            </Button>
            {schedule.length ? (
              <Badge tone="info">current schedule {schedule.map((a) => formatRate(a.factor)).join(", ")}</Badge>
            ) : null}
          </div>
          <FormError actionData={actionData} intent="schedule" />
        </Form>
      ) : null}
    </Card>
  );
}
