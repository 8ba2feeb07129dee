import type { ClientMessage, Rights, RoomStatus } from "./deal-room-protocol.ts";

// The rules of a deal room, free of I/O so the tests reach them directly.

export type Refusal = { code: "room_read_only" | "not_allowed"; error: string };

const RIGHT_NEEDED: Record<ClientMessage["type"], keyof Rights> = {
  chat: "chat",
  annotate: "annotate",
  resolve_annotation: "edit",
};

/** A room takes writes only while active; after that it is a record, read-only for everyone. */
export function refusalFor(status: RoomStatus, rights: Rights, action: ClientMessage["type"]): Refusal | null {
  if (status !== "active") return { code: "room_read_only", error: `This deal room is ${status}: it is read-only.` };
  const right = RIGHT_NEEDED[action];
  if (!rights[right])
    return { code: "not_allowed", error: `Your place in this room does not include the right to ${right}.` };
  return null;
}

/** The handle a participant is mentioned by: the part of their email before the @. */
export function mentionHandle(email: string): string {
  return email.split("@")[0]!.toLowerCase();
}

/** Participants named as @handle in a message, once each, never the author. */
export function mentionedUserIds(
  body: string,
  participants: readonly { userId: string; handle: string }[],
  authorUserId: string,
): string[] {
  const handles = new Set(
    [...body.matchAll(/(?:^|[^\w.@])@([\w.-]+)/g)].map((m) => m[1]!.replace(/[.-]+$/, "").toLowerCase()),
  );
  return participants.filter((p) => p.userId !== authorUserId && handles.has(p.handle)).map((p) => p.userId);
}

/**
 * A socket lives at most this long; the client reconnects with a fresh room pass, so its place
 * and rights are checked again at the door.
 */
export const MAX_CONNECTION_AGE_MS = 60 * 60_000;

/** Per connection: a burst of 10 messages, then one every 500 ms. */
export const MESSAGE_RATE = { burst: 10, refillPerSecond: 2 };

export type RateBucket = { tokens: number; at: number };

/** Takes one message from a connection's token bucket: refused (and the bucket unchanged but refilled) when empty. */
export function takeMessageToken(
  bucket: RateBucket | undefined,
  now: number,
): { allowed: boolean; bucket: RateBucket } {
  const current = bucket ?? { tokens: MESSAGE_RATE.burst, at: now };
  const refilled = Math.min(
    MESSAGE_RATE.burst,
    current.tokens + ((now - current.at) / 1000) * MESSAGE_RATE.refillPerSecond,
  );
  if (refilled < 1) return { allowed: false, bucket: { tokens: refilled, at: now } };
  return { allowed: true, bucket: { tokens: refilled - 1, at: now } };
}

export function connectionExpired(connectedAt: number, now: number): boolean {
  return now - connectedAt >= MAX_CONNECTION_AGE_MS;
}
