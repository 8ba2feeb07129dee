import type { ComponentProps } from "react";
import { cx } from "./ui.tsx";

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm text-danger" role="alert">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
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
