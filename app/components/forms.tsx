import type { ComponentProps } from "react";
import { cx } from "./ui.tsx";

// The live region is a div around the list: role="alert" on the ul itself would strip its list
// semantics and orphan its items (axe: listitem, serious).
export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  if (!errors?.length) return null;
  return (
    <div id={id} role="alert" className="mt-1 text-sm text-danger">
      <ul className="space-y-0.5">
        {errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </div>
  );
}

export type SummaryError = { href: string; message: string };

/**
 * Every error of a form at its top, each a link to its field, so nothing waits to appear until
 * something else is fixed (the GOV.UK error summary pattern).
 */
export function ErrorSummary({ errors }: { errors: readonly SummaryError[] }) {
  if (errors.length === 0) return null;
  return (
    <div
      role="alert"
      aria-labelledby="error-summary-title"
      className="rounded-md border-2 border-danger bg-danger/10 p-4 outline-none"
    >
      <h2 id="error-summary-title" className="font-medium text-danger">
        {errors.length === 1 ? "There is 1 thing to fix" : `There are ${errors.length} things to fix`}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
        {errors.map((e) => (
          <li key={`${e.href} ${e.message}`}>
            <a href={e.href} className="text-danger underline underline-offset-2">
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Field({
  label,
  inputProps,
  errors,
  hint,
}: {
  label: string;
  inputProps: ComponentProps<"input"> & { id: string };
  errors?: string[] | null;
  hint?: string;
}) {
  const errorId = errors?.length ? `${inputProps.id}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={inputProps.id} className="text-sm font-medium">
        {label}
      </label>
      <input
        {...inputProps}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        className={cx(
          "rounded-md border bg-surface px-3 py-2 text-sm outline-none focus:border-focus",
          errorId ? "border-danger" : "border-border",
          inputProps.className,
        )}
      />
      {hint ? <p className="text-xs text-text-muted">{hint}</p> : null}
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}

export function SelectField({
  label,
  selectProps,
  errors,
  options,
  placeholder,
}: {
  label: string;
  selectProps: ComponentProps<"select"> & { id: string };
  errors?: string[] | null;
  options: { value: string; label: string }[];
  placeholder?: string;
}) {
  const errorId = errors?.length ? `${selectProps.id}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={selectProps.id} className="text-sm font-medium">
        {label}
      </label>
      <select
        {...selectProps}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        className={cx("rounded-md border bg-surface px-3 py-2 text-sm", errorId ? "border-danger" : "border-border")}
      >
        {placeholder ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={errorId} errors={errors} />
    </div>
  );
}
