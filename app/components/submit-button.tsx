import type { ComponentProps, ReactNode } from "react";
import { useFormAction, useNavigation, type FetcherWithComponents } from "react-router";
import { Button } from "./ui.tsx";

type Pending = { state: string; formAction?: string; formData?: FormData };

function pathOf(action: string): string {
  return new URL(action, "http://x").pathname;
}

/**
 * Whether this button's own form is the one submitting: same action, and the same intent (and
 * other named fields, e.g. the row id) when given. Another form on the page leaves it alone.
 */
export function isOwnSubmission(pending: Pending, action: string, fields: Record<string, string>): boolean {
  if (pending.state === "idle" || !pending.formAction || !pending.formData) return false;
  if (pathOf(pending.formAction) !== pathOf(action)) return false;
  return Object.entries(fields).every(([name, value]) => pending.formData?.get(name) === value);
}

/**
 * A submit button that shows a pending label and is disabled while its own form submits
 * (a navigation, or the given fetcher's submission). `intent` is sent as the button's value.
 */
export function SubmitButton({
  children,
  pendingLabel,
  intent,
  action,
  fetcher,
  match = {},
  ...props
}: Omit<ComponentProps<typeof Button>, "type" | "name" | "value"> & {
  children: ReactNode;
  pendingLabel: ReactNode;
  intent?: string;
  /** The form's action when it is not the current route. */
  action?: string;
  fetcher?: Pick<FetcherWithComponents<unknown>, "state" | "formAction" | "formData">;
  /** Further fields that tell this form from its siblings (e.g. { invoiceId }). */
  match?: Record<string, string>;
}) {
  const navigation = useNavigation();
  const ownAction = useFormAction(action);
  const fields = intent ? { intent, ...match } : match;
  const pending = isOwnSubmission(fetcher ?? navigation, ownAction, fields);
  return (
    <Button
      {...props}
      type="submit"
      name={intent ? "intent" : undefined}
      value={intent}
      disabled={pending || props.disabled}
      aria-disabled={pending || undefined}
    >
      {pending ? pendingLabel : children}
    </Button>
  );
}

/** The hidden field that carries the form's one-time token (from the loader). */
export function FormTokenInput({ token }: { token: string }) {
  return <input type="hidden" name="formToken" value={token} />;
}
