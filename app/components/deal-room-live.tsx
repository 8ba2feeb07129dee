import { ChatCircleText, Circle, NotePencil } from "@phosphor-icons/react";
import PartySocket from "partysocket";
import { useEffect, useReducer, useRef, useState, type FormEvent } from "react";
import type {
  ClientMessage,
  RoomAnnotation,
  RoomParticipant,
  ServerMessage,
} from "../services/realtime/deal-room-protocol.ts";
import { applyServerMessage, initialRoomView } from "./deal-room-state.ts";
import { Badge, Button, Card, cx, FactList } from "./ui.tsx";

type Field = { name: string; label: string; value: string };
type Connection = "connecting" | "live" | "reconnecting";

export type DealRoomLiveProps = {
  dealRoomId: string;
  roomName: string;
  me: { userId: string; hasPlace: boolean };
  participants: RoomParticipant[];
  fields: Field[];
};

const DOCUMENT = "document";

/** The live part of a deal room page: chat, annotations and presence over one WebSocket. */
export function DealRoomLive({
  dealRoomId,
  roomName,
  me,
  participants: initialParticipants,
  fields,
}: DealRoomLiveProps) {
  const [view, dispatch] = useReducer(applyServerMessage, initialParticipants, initialRoomView);
  const [connection, setConnection] = useState<Connection>("connecting");
  const socketRef = useRef<PartySocket | null>(null);

  useEffect(() => {
    if (!me.hasPlace) return;
    const socket = new PartySocket({
      host: window.location.host,
      protocol: window.location.protocol === "https:" ? "wss" : "ws",
      party: "deal-room",
      room: roomName,
      // Each (re)connect asks the app for a fresh pass: passes live a minute.
      query: async () => {
        const response = await fetch(`/deal-rooms/${dealRoomId}/token`, { headers: { Accept: "application/json" } });
        if (!response.ok) throw new Error(`No pass to this room (${response.status})`);
        const { token } = (await response.json()) as { token: string };
        return { token };
      },
    });
    socketRef.current = socket;
    socket.addEventListener("open", () => setConnection("live"));
    socket.addEventListener("close", () => setConnection("reconnecting"));
    socket.addEventListener("message", (event: MessageEvent<string>) =>
      dispatch(JSON.parse(event.data) as ServerMessage),
    );
    return () => {
      socketRef.current = null;
      socket.close();
    };
  }, [dealRoomId, roomName, me.hasPlace]);

  const send = (message: ClientMessage) => socketRef.current?.send(JSON.stringify(message));
  const nameOf = (userId: string) => view.participants.find((p) => p.userId === userId)?.name ?? "Former participant";
  const myRights = view.participants.find((p) => p.userId === me.userId)?.rights;
  const writable = view.status === "active" && connection === "live";
  const fieldLabel = ({ target }: RoomAnnotation) =>
    target.kind === "field"
      ? (fields.find((f) => f.name === target.name)?.label ?? target.name)
      : `Document ${target.id}`;

  if (!me.hasPlace) {
    return (
      <Card>
        <p className="text-sm text-text-muted">
          You have no place in this room. Add yourself as a participant to join it.
        </p>
      </Card>
    );
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <div className="flex flex-col gap-6">
        <Card title="Submission">
          <FactList
            facts={fields.map((f) => {
              const open = view.annotations.filter(
                (a) => a.target.kind === "field" && a.target.name === f.name && !a.resolvedByUserId,
              ).length;
              return [
                f.label,
                <span key={f.name}>
                  {f.value}
                  {open ? (
                    <>
                      {" "}
                      <Badge tone="warn">{open} open</Badge>
                    </>
                  ) : null}
                </span>,
              ];
            })}
          />
        </Card>
        <Card
          title={
            <span className="inline-flex items-center gap-2">
              <ChatCircleText size={20} aria-hidden /> Chat
            </span>
          }
          actions={<ConnectionBadge connection={connection} />}
        >
          {view.status && view.status !== "active" ? (
            <p role="status" className="mb-3 rounded-md bg-surface-muted px-3 py-2 text-sm">
              This room is {view.status}: it is read-only.
            </p>
          ) : null}
          <ol aria-label="Messages" className="flex max-h-[28rem] flex-col gap-3 overflow-y-auto">
            {view.messages.length === 0 ? <li className="text-sm text-text-muted">No messages yet.</li> : null}
            {view.messages.map((m) => (
              <li
                key={m.id}
                className={cx(
                  "rounded-md px-3 py-2",
                  m.authorUserId === me.userId ? "bg-brand/10" : "bg-surface-muted",
                )}
              >
                <div className="flex justify-between gap-3 text-xs text-text-muted">
                  <span className="font-medium text-text">{nameOf(m.authorUserId)}</span>
                  <time dateTime={m.createdAt}>{new Date(m.createdAt).toISOString().slice(11, 16)} UTC</time>
                </div>
                <p className="mt-1 whitespace-pre-wrap text-sm">{m.body}</p>
              </li>
            ))}
          </ol>
          {view.lastError ? (
            <p role="alert" className="mt-3 text-sm text-danger">
              {view.lastError}
            </p>
          ) : null}
          {myRights?.chat ? <ChatForm disabled={!writable} onSend={(body) => send({ type: "chat", body })} /> : null}
        </Card>
      </div>
      <div className="flex flex-col gap-6">
        <Card title="Here now">
          <ul aria-label="Here now" className="flex flex-col gap-1 text-sm">
            {view.present.map((userId) => (
              <li key={userId} className="flex items-center gap-2">
                <Circle size={10} weight="fill" className="text-success" aria-hidden /> {nameOf(userId)}
              </li>
            ))}
          </ul>
        </Card>
        <Card title="Participants">
          <ul aria-label="Participants" className="flex flex-col gap-2 text-sm">
            {view.participants.map((p) => (
              <li key={p.userId}>
                <span className="font-medium">{p.name}</span>{" "}
                <span className="font-mono text-xs text-text-muted">@{p.handle}</span>
                <div className="mt-0.5 flex flex-wrap gap-1">
                  <Badge tone="info">{p.role.replace("_", " ")}</Badge>
                  {(["chat", "annotate", "edit"] as const)
                    .filter((r) => p.rights[r])
                    .map((r) => (
                      <Badge key={r}>{r}</Badge>
                    ))}
                </div>
              </li>
            ))}
          </ul>
        </Card>
        <Card
          title={
            <span className="inline-flex items-center gap-2">
              <NotePencil size={20} aria-hidden /> Annotations
            </span>
          }
        >
          <ul aria-label="Annotations" className="flex flex-col gap-2 text-sm">
            {view.annotations.length === 0 ? <li className="text-text-muted">No annotations yet.</li> : null}
            {view.annotations.map((a) => (
              <li
                key={a.id}
                className={cx("rounded-md border border-border px-3 py-2", a.resolvedByUserId && "opacity-60")}
              >
                <div className="text-xs text-text-muted">
                  <span className="font-medium text-text">{fieldLabel(a)}</span> · {nameOf(a.authorUserId)}
                  {a.resolvedByUserId ? ` · resolved by ${nameOf(a.resolvedByUserId)}` : null}
                </div>
                <p className="mt-1">{a.text}</p>
                {myRights?.edit && !a.resolvedByUserId && writable ? (
                  <button
                    type="button"
                    className="mt-1 text-xs text-brand underline"
                    onClick={() => send({ type: "resolve_annotation", annotationId: a.id })}
                  >
                    Resolve
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
          {myRights?.annotate ? (
            <AnnotationForm fields={fields} disabled={!writable} onAnnotate={(message) => send(message)} />
          ) : null}
        </Card>
      </div>
    </div>
  );
}

function ConnectionBadge({ connection }: { connection: Connection }) {
  if (connection === "live") return <Badge tone="good">Live</Badge>;
  return <Badge tone="warn">{connection === "connecting" ? "Connecting…" : "Reconnecting…"}</Badge>;
}

function ChatForm({ disabled, onSend }: { disabled: boolean; onSend: (body: string) => void }) {
  const [body, setBody] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    onSend(body);
    setBody("");
  };
  return (
    <form onSubmit={submit} className="mt-4 flex flex-col gap-2">
      <textarea
        aria-label="Message"
        rows={2}
        value={body}
        maxLength={4000}
        onChange={(e) => setBody(e.target.value)}
        placeholder="Write to the room; @handle mentions a participant"
        className="rounded-md border border-border bg-surface px-3 py-2 text-sm"
      />
      <Button type="submit" disabled={disabled} className="self-end">
        Send
      </Button>
    </form>
  );
}

function AnnotationForm({
  fields,
  disabled,
  onAnnotate,
}: {
  fields: Field[];
  disabled: boolean;
  onAnnotate: (message: ClientMessage) => void;
}) {
  const [target, setTarget] = useState(fields[0]?.name ?? DOCUMENT);
  const [documentId, setDocumentId] = useState("");
  const [text, setText] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    onAnnotate({
      type: "annotate",
      target:
        target === DOCUMENT
          ? { kind: "document", id: documentId.trim() }
          : ({ kind: "field", name: target } as Extract<ClientMessage, { type: "annotate" }>["target"]),
      text,
    });
    setText("");
  };
  return (
    <form onSubmit={submit} className="mt-4 flex flex-col gap-2 text-sm">
      <label className="flex flex-col gap-1">
        Annotate
        <select
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          className="rounded-md border border-border bg-surface px-3 py-2"
        >
          {fields.map((f) => (
            <option key={f.name} value={f.name}>
              {f.label} ({f.value})
            </option>
          ))}
          <option value={DOCUMENT}>A document…</option>
        </select>
      </label>
      {target === DOCUMENT ? (
        <label className="flex flex-col gap-1">
          Document id
          <input
            value={documentId}
            onChange={(e) => setDocumentId(e.target.value)}
            required
            pattern="[A-Za-z0-9_.\-]{1,64}"
            className="rounded-md border border-border bg-surface px-3 py-2"
          />
        </label>
      ) : null}
      <textarea
        aria-label="Annotation"
        rows={2}
        value={text}
        maxLength={2000}
        onChange={(e) => setText(e.target.value)}
        className="rounded-md border border-border bg-surface px-3 py-2"
      />
      <Button type="submit" variant="secondary" disabled={disabled} className="self-end">
        Add annotation
      </Button>
    </form>
  );
}
