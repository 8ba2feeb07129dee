import type { ComponentProps, ReactNode } from "react";
import { useNavigation } from "react-router";
import { Button } from "./ui.tsx";

/**
 * The submit button of a form that creates or moves money: while its form is being sent it is
 * disabled and says so, so a second click cannot send it again (the form's one-time token guards
 * the server side too). `pendingLabel` is what it says meanwhile.
 */
export function SubmitButton({
  children,
  pendingLabel,
  ...props
}: ComponentProps<typeof Button> & { pendingLabel: ReactNode }) {
  const navigation = useNavigation();
  const pending = navigation.state === "submitting" && navigation.formMethod?.toUpperCase() === "POST";
  return (
    <Button type="submit" disabled={pending || props.disabled} aria-busy={pending || undefined} {...props}>
      {pending ? pendingLabel : children}
    </Button>
  );
}

/** The hidden field that carries the form's one-time token (from the loader). */
export function FormTokenInput({ token }: { token: string }) {
  return <input type="hidden" name="formToken" value={token} />;
}
