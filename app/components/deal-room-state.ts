import type {
  RoomAnnotation,
  RoomMessage,
  RoomParticipant,
  RoomStatus,
  ServerMessage,
} from "../services/realtime/deal-room-protocol.ts";

// What a browser knows of a room: built from the snapshot sent on every (re)connect, then kept
// up to date by the live messages. A snapshot after a reconnect replaces the history, so nothing
// missed while offline stays missing and nothing seen twice is shown twice.

export type RoomView = {
  status: RoomStatus | null;
  participants: RoomParticipant[];
  present: string[];
  messages: RoomMessage[];
  annotations: RoomAnnotation[];
  lastError: string | null;
};

export function initialRoomView(participants: RoomParticipant[]): RoomView {
  return { status: null, participants, present: [], messages: [], annotations: [], lastError: null };
}

function upsert<T extends { id: string }>(list: T[], item: T): T[] {
  const at = list.findIndex((x) => x.id === item.id);
  if (at === -1) return [...list, item];
  const next = [...list];
  next[at] = item;
  return next;
}

export function applyServerMessage(view: RoomView, message: ServerMessage): RoomView {
  switch (message.type) {
    case "snapshot":
      return {
        status: message.status,
        participants: message.participants,
        present: message.present,
        messages: message.messages,
        annotations: message.annotations,
        lastError: null,
      };
    case "message":
      return { ...view, messages: upsert(view.messages, message.message) };
    case "annotation":
      return { ...view, annotations: upsert(view.annotations, message.annotation) };
    case "presence":
      return { ...view, present: message.present };
    case "participants":
      return { ...view, participants: message.participants };
    case "status":
      return { ...view, status: message.status };
    case "error":
      return { ...view, lastError: message.error };
  }
}
