import { MagnifyingGlass } from "@phosphor-icons/react";
import { Form } from "react-router";
import type { RoomMessage, RoomParticipant } from "../services/realtime/deal-room-protocol.ts";
import { Button, Card } from "./ui.tsx";

/** Searches the room's whole history in the database, not only what the socket has shown. */
export function DealRoomSearch({
  query,
  results,
  participants,
}: {
  query: string;
  results: RoomMessage[] | null;
  participants: RoomParticipant[];
}) {
  const nameOf = (userId: string) => participants.find((p) => p.userId === userId)?.name ?? "Former participant";
  return (
    <Card className="mb-6">
      <Form method="get" role="search" className="flex gap-2">
        <input
          name="q"
          defaultValue={query}
          aria-label="Search messages"
          placeholder="Search this room's messages"
          className="flex-1 rounded-md border border-border bg-surface px-3 py-2 text-sm"
        />
        <Button type="submit" variant="secondary">
          <MagnifyingGlass size={16} aria-hidden /> Search
        </Button>
      </Form>
      {results ? (
        <ol aria-label="Search results" className="mt-4 flex flex-col gap-2 text-sm">
          {results.length === 0 ? <li className="text-text-muted">No message matches “{query}”.</li> : null}
          {results.map((m) => (
            <li key={m.id}>
              <span className="font-medium">{nameOf(m.authorUserId)}</span>{" "}
              <span className="text-xs text-text-muted">{m.createdAt.slice(0, 16).replace("T", " ")} UTC</span>
              <p className="whitespace-pre-wrap">{m.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
    </Card>
  );
}
