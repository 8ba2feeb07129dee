import type { ComponentProps } from "react";
import { Form } from "react-router";
import { SubmissionNotes } from "../submission-notes.tsx";
import { Button, Card } from "../ui.tsx";
import { fieldClass, FormError, type WorkbenchActionData } from "./form-error.tsx";

/** The submission's notes, and for underwriters the form that adds one. */
export function NotesCard(props: {
  notes: ComponentProps<typeof SubmissionNotes>["notes"];
  mayAdd: boolean;
  actionData: WorkbenchActionData;
  busy: boolean;
}) {
  const { notes, mayAdd, actionData, busy } = props;
  return (
    <Card title="Notes">
      <SubmissionNotes notes={notes} empty="No notes yet." />
      {mayAdd ? (
        // Keyed by the note count, so the form starts empty again once its note is saved.
        <Form key={notes.length} method="post" className="mt-4 grid gap-2" aria-label="Add a note">
          <input type="hidden" name="intent" value="note" />
          <label className="flex flex-col gap-1 text-sm font-medium">
            New note
            <textarea name="body" rows={3} required className={fieldClass} />
          </label>
          <label className="flex flex-col gap-1 text-sm font-medium">
            Visible to
            <select name="visibility" className={fieldClass} defaultValue="internal">
              <option value="internal">Underwriting only (internal)</option>
              <option value="external">Producer too (external)</option>
            </select>
          </label>
          <FormError actionData={actionData} intent="note" />
          <Button type="submit" variant="secondary" disabled={busy} className="self-start">
            Add note
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
