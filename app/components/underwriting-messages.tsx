import { Form } from "react-router";
import { SubmissionNotes, type NoteView } from "./submission-notes.tsx";
import { Button, Card } from "./ui.tsx";

/**
 * What underwriting has told the producer: a decline with its reason code, an open request for
 * information with the form to answer it, and the external notes (internal ones never reach here).
 */
export function UnderwritingMessages({
  status,
  decline,
  notes,
  error,
}: {
  status: string;
  decline: { code: string; rationale: string | null } | null;
  notes: NoteView[];
  error: string | null;
}) {
  const openRequest = status === "pending_info" ? notes.findLast((n) => n.kind === "info_request") : undefined;
  if (!decline && notes.length === 0) return null;
  return (
    <Card title="From underwriting" className="mb-6">
      {decline ? (
        <div role="status" className="mb-4 rounded-md border border-danger/40 bg-danger/10 p-3 text-sm">
          <p className="font-medium">This submission was declined.</p>
          <p>
            Reason <span className="font-mono text-xs">{decline.code}</span>: {decline.rationale}
          </p>
        </div>
      ) : null}
      {openRequest ? (
        <Form
          method="post"
          className="mb-4 grid gap-2 rounded-md border border-warning bg-warning/10 p-3"
          aria-label="Answer the request for information"
        >
          <p className="text-sm font-medium">
            An underwriter needs more information before this submission can go further:
          </p>
          <p className="whitespace-pre-wrap text-sm">{openRequest.body}</p>
          <input type="hidden" name="intent" value="answer_info" />
          <label className="flex flex-col gap-1 text-sm font-medium">
            Your answer
            <textarea
              name="answer"
              rows={3}
              required
              minLength={2}
              className="rounded-md border border-border bg-surface px-3 py-2 text-sm"
            />
          </label>
          {error ? (
            <p role="alert" className="text-sm text-danger">
              {error}
            </p>
          ) : null}
          <Button type="submit" className="self-start">
            Send answer
          </Button>
        </Form>
      ) : null}
      <SubmissionNotes notes={notes} empty="No messages." />
    </Card>
  );
}
