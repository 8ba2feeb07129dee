import { createContext, useContext, type ReactNode } from "react";
import { ErrorList } from "./forms.tsx";
import { cx } from "./ui.tsx";

// Plain named fields for the configuration forms of /admin: they post without JavaScript and
// show the errors the action's `submission.reply()` returns under the field they name.

export type FieldErrors = Record<string, string[] | null | undefined> | undefined;

const FormScope = createContext<{ errors: FieldErrors; idPrefix: string }>({ errors: undefined, idPrefix: "field" });

/**
 * One form's fields: they show these errors unless given their own, and their ids carry `id`, so
 * a page with a form per record (a profile, a version) never repeats an id.
 */
export function FormFields({ errors, id, children }: { errors?: FieldErrors; id?: string; children: ReactNode }) {
  return <FormScope.Provider value={{ errors, idPrefix: id ? `field-${id}` : "field" }}>{children}</FormScope.Provider>;
}

/** A field's id and its own errors: from its props, else from the form's scope. */
function useField(name: string, errors: FieldErrors | undefined) {
  const scope = useContext(FormScope);
  return { id: `${scope.idPrefix}-${name}`, own: (errors ?? scope.errors)?.[name] };
}

const inputClass = "rounded-md border bg-surface px-3 py-2 text-sm outline-none focus:border-focus";

export function TextField({
  label,
  name,
  defaultValue,
  errors,
  type = "text",
  hint,
  required,
}: {
  label: string;
  name: string;
  defaultValue?: string | number | null;
  errors?: FieldErrors;
  type?: string;
  hint?: string;
  required?: boolean;
}) {
  const { id, own } = useField(name, errors);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        required={required}
        defaultValue={defaultValue ?? undefined}
        aria-invalid={own?.length ? true : undefined}
        aria-describedby={own?.length ? `${id}-error` : undefined}
        className={cx(inputClass, own?.length ? "border-danger" : "border-border")}
      />
      {hint ? <p className="text-xs text-text-muted">{hint}</p> : null}
      <ErrorList id={`${id}-error`} errors={own} />
    </div>
  );
}

export function SelectInput({
  label,
  name,
  defaultValue,
  errors,
  options,
  placeholder,
}: {
  label: string;
  name: string;
  defaultValue?: string | null;
  errors?: FieldErrors;
  options: readonly { value: string; label: string }[];
  placeholder?: string;
}) {
  const { id, own } = useField(name, errors);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue ?? ""}
        aria-invalid={own?.length ? true : undefined}
        className={cx(inputClass, own?.length ? "border-danger" : "border-border")}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorList id={`${id}-error`} errors={own} />
    </div>
  );
}

export function CheckboxGroup({
  legend,
  name,
  options,
  checked,
  errors,
}: {
  legend: string;
  name: string;
  options: readonly { value: string; label: string }[];
  checked: readonly string[];
  errors?: FieldErrors;
}) {
  const { own } = useField(name, errors);
  return (
    <fieldset>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} /> {o.label}
          </label>
        ))}
      </div>
      <ErrorList errors={own} />
    </fieldset>
  );
}

export function FormGrid({ children }: { children: ReactNode }) {
  return <div className="grid gap-4 sm:grid-cols-2">{children}</div>;
}

/** Errors of the whole form rather than of one field. */
export function FormErrors({ errors }: { errors?: FieldErrors }) {
  const scope = useContext(FormScope);
  return <ErrorList errors={(errors ?? scope.errors)?.[""]} />;
}
