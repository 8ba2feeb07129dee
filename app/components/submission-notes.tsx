import { formatInstant } from "../utils/format.ts";
import { Badge } from "./ui.tsx";

export type NoteView = {
  id: string;
  visibility: "internal" | "external";
  kind: "note" | "info_request" | "info_response";
  body: string;
  createdAt: Date;
  authorName: string;
};

const KIND_LABELS = {
  note: "Note",
  info_request: "Request for information",
  info_response: "Producer's answer",
} as const;

/** Notes oldest first; the loader has already left out what the reader may not see. */
export function SubmissionNotes({ notes, empty }: { notes: NoteView[]; empty: string }) {
  if (notes.length === 0) return <p className="text-sm text-text-muted">{empty}</p>;
  return (
    <ol aria-label="Notes" className="space-y-3">
      {notes.map((note) => (
        <li key={note.id} className="rounded-md border border-border p-3 text-sm">
          <p className="mb-1 flex flex-wrap items-center gap-2 text-xs text-text-muted">
            <span className="font-medium text-text">{note.authorName}</span>
            <span>{formatInstant(note.createdAt)}</span>
            <Badge tone={note.kind === "info_request" ? "warn" : "neutral"}>{KIND_LABELS[note.kind]}</Badge>
            <Badge tone={note.visibility === "internal" ? "bad" : "info"}>{note.visibility}</Badge>
          </p>
          <p className="whitespace-pre-wrap">{note.body}</p>
        </li>
      ))}
    </ol>
  );
}
