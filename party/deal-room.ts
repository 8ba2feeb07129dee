import { Server, type Connection, type ConnectionContext, type WSMessage } from "partyserver";
import { servicesFor } from "../app/context.server.ts";
import { findRoomBySubmission } from "../app/models/deal-rooms.server.ts";
import {
  listAnnotations,
  listParticipants,
  recentMessages,
  recordAnnotation,
  recordMessage,
  resolveAnnotation,
  type WritingRoom,
  type WriteOutcome,
} from "../app/services/realtime/deal-rooms.server.ts";
import { readAdmission } from "./deal-room-admission.ts";
import {
  parseClientMessage,
  type ClientMessage,
  type Rights,
  type RoomAnnotation,
  type RoomMessage,
  type RoomParticipant,
  type RoomStatus,
  type ServerMessage,
} from "../app/services/realtime/deal-room-protocol.ts";
import {
  connectionExpired,
  MAX_CONNECTION_AGE_MS,
  mentionedUserIds,
  type RateBucket,
  refusalFor,
  takeMessageToken,
} from "../app/services/realtime/deal-room-rules.ts";

/** How many of the newest messages a joining client receives before the live stream. */
export const HISTORY_SIZE = 100;

type Present = { userId: string; rights: Rights; connectedAt: number; bucket?: RateBucket };

/** Close codes: the place was lost (the client does not reconnect), or the socket is too old (it reconnects with a fresh pass). */
const CLOSE_NO_PLACE = 4403;
const CLOSE_TOO_OLD = 4408;

/**
 * One submission's deal room. The database is the system of record and every write commits
 * there before anyone hears of it; the room's own SQLite holds the recent history as a
 * write-through copy (rebuilt from the database whenever the room starts), so a hundred people
 * joining at once cost no database reads beyond their admission.
 */
export class DealRoom extends Server<Env> {
  #room: WritingRoom | null = null;
  #status: RoomStatus = "closed";
  #participants: RoomParticipant[] = [];

  get #db() {
    return servicesFor(this.env).db;
  }

  override async onStart() {
    const dot = this.name.indexOf(".");
    const orgId = this.name.slice(0, dot);
    const submissionId = this.name.slice(dot + 1);
    const row = dot > 0 ? await findRoomBySubmission(this.#db, orgId, submissionId) : null;
    if (!row) return;
    this.#room = { orgId, submissionId, dealRoomId: row.id };
    this.#status = row.status;
    const [messages, annotations, participants] = await Promise.all([
      recentMessages(this.#db, orgId, row.id, HISTORY_SIZE),
      listAnnotations(this.#db, orgId, row.id),
      listParticipants(this.#db, orgId, row.id),
    ]);
    this.#participants = participants;
    this
      .sql`create table if not exists messages (id text primary key, author_user_id text not null, body text not null, created_at text not null)`;
    this
      .sql`create table if not exists annotations (id text primary key, json text not null, created_at text not null)`;
    this.sql`delete from messages`;
    this.sql`delete from annotations`;
    for (const m of messages) this.#cacheMessage(m);
    for (const a of annotations) this.#cacheAnnotation(a);
  }

  override async onConnect(connection: Connection<Present>, ctx: ConnectionContext) {
    const admission = readAdmission(ctx.request);
    if (!this.#room || !admission || admission.dealRoomId !== this.#room.dealRoomId) {
      connection.close(4404, "No such deal room");
      return;
    }
    connection.setState({ userId: admission.userId, rights: admission.rights, connectedAt: Date.now() });
    await this.#armExpiry();
    if (!this.#participants.some((p) => p.userId === admission.userId)) {
      this.#participants = await listParticipants(this.#db, this.#room.orgId, this.#room.dealRoomId);
      this.#broadcast({ type: "participants", participants: this.#participants }, [connection.id]);
    }
    this.#send(connection, {
      type: "snapshot",
      status: this.#status,
      participants: this.#participants,
      present: this.#present(),
      messages: this.#cachedMessages(),
      annotations: this.#cachedAnnotations(),
    });
    this.#broadcast({ type: "presence", present: this.#present() }, [connection.id]);
  }

  override onClose() {
    this.#broadcast({ type: "presence", present: this.#present() });
  }

  override async onMessage(connection: Connection<Present>, raw: WSMessage) {
    const parsed = parseClientMessage(raw);
    if (!parsed.ok) return this.#send(connection, { type: "error", code: "invalid_message", error: parsed.error });
    const sender = connection.state;
    if (!sender || !this.#room)
      return this.#send(connection, { type: "error", code: "not_allowed", error: "You have no place in this room." });
    const now = Date.now();
    if (connectionExpired(sender.connectedAt, now)) return connection.close(CLOSE_TOO_OLD, "Reconnect to continue");
    const rate = takeMessageToken(sender.bucket, now);
    connection.setState({ ...sender, bucket: rate.bucket });
    if (!rate.allowed)
      return this.#send(connection, { type: "error", code: "not_allowed", error: "Too many messages: wait a moment." });
    const refusal = refusalFor(this.#status, sender.rights, parsed.message.type);
    if (refusal) return this.#send(connection, { type: "error", ...refusal });
    try {
      await this.#apply(connection, sender.userId, parsed.message, this.#room);
    } catch (error) {
      console.error("deal room write failed", error);
      this.#send(connection, { type: "error", code: "not_saved", error: "The room could not save that; try again." });
    }
  }

  async #apply(connection: Connection<Present>, userId: string, message: ClientMessage, room: WritingRoom) {
    if (message.type === "chat") {
      const mentioned = mentionedUserIds(message.body, this.#participants, userId);
      const outcome = await recordMessage(this.#db, room, userId, message.body, mentioned);
      if (this.#refusedByStatus(connection, outcome)) return;
      this.#cacheMessage(outcome.value);
      this.#broadcast({ type: "message", message: outcome.value });
    } else if (message.type === "annotate") {
      const outcome = await recordAnnotation(this.#db, room, userId, message.target, message.text);
      if (this.#refusedByStatus(connection, outcome)) return;
      this.#cacheAnnotation(outcome.value);
      this.#broadcast({ type: "annotation", annotation: outcome.value });
    } else {
      const outcome = await resolveAnnotation(this.#db, room, userId, message.annotationId);
      if (this.#refusedByStatus(connection, outcome)) return;
      if (!outcome.value)
        return this.#send(connection, { type: "error", code: "not_found", error: "No such annotation in this room." });
      this.#cacheAnnotation(outcome.value);
      this.#broadcast({ type: "annotation", annotation: outcome.value });
    }
  }

  /**
   * The database refused the write: the room is no longer active (tell everyone), or the author
   * lost their place or right (close their socket).
   */
  #refusedByStatus<T>(
    connection: Connection<Present>,
    outcome: WriteOutcome<T>,
  ): outcome is Extract<WriteOutcome<T>, { ok: false }> {
    if (outcome.ok) return false;
    if ("reason" in outcome) {
      this.#send(connection, {
        type: "error",
        code: "not_allowed",
        error: "You no longer have a place in this room with that right.",
      });
      connection.close(CLOSE_NO_PLACE, "No place in this room");
      return true;
    }
    this.#status = outcome.status;
    this.#broadcast({ type: "status", status: outcome.status });
    const refusal = refusalFor(outcome.status, { chat: true, annotate: true, edit: true }, "chat")!;
    this.#send(connection, { type: "error", ...refusal });
    return true;
  }

  /** Called by the app after it changed the room's status or participants in the database. */
  async refresh() {
    if (!this.#room) return this.onStart();
    const row = await findRoomBySubmission(this.#db, this.#room.orgId, this.#room.submissionId);
    this.#participants = await listParticipants(this.#db, this.#room.orgId, this.#room.dealRoomId);
    // Rights changed in the app take effect for people already in the room.
    // Whoever lost their place is disconnected.
    for (const connection of this.getConnections<Present>()) {
      const state = connection.state;
      const place = this.#participants.find((p) => p.userId === state?.userId);
      if (place && state) connection.setState({ ...state, rights: place.rights });
      else connection.close(CLOSE_NO_PLACE, "No place in this room");
    }
    if (row && row.status !== this.#status) {
      this.#status = row.status;
      this.#broadcast({ type: "status", status: row.status });
    }
    this.#broadcast({ type: "participants", participants: this.#participants });
  }

  /** Closes sockets past their maximum age and wakes again for the next one. */
  override async onAlarm() {
    const now = Date.now();
    for (const connection of this.getConnections<Present>()) {
      if (connection.state && connectionExpired(connection.state.connectedAt, now))
        connection.close(CLOSE_TOO_OLD, "Reconnect to continue");
    }
    await this.#armExpiry();
  }

  async #armExpiry() {
    let next: number | null = null;
    for (const connection of this.getConnections<Present>()) {
      const expires = (connection.state?.connectedAt ?? Date.now()) + MAX_CONNECTION_AGE_MS;
      if (next === null || expires < next) next = expires;
    }
    if (next !== null) await this.ctx.storage.setAlarm(next);
  }

  #present(): string[] {
    const users = new Set<string>();
    for (const c of this.getConnections<Present>()) if (c.state) users.add(c.state.userId);
    return [...users];
  }

  #send(connection: Connection, message: ServerMessage) {
    connection.send(JSON.stringify(message));
  }

  #broadcast(message: ServerMessage, without?: string[]) {
    this.broadcast(JSON.stringify(message), without);
  }

  #cacheMessage(m: RoomMessage) {
    this
      .sql`insert or replace into messages (id, author_user_id, body, created_at) values (${m.id}, ${m.authorUserId}, ${m.body}, ${m.createdAt})`;
    this
      .sql`delete from messages where id not in (select id from messages order by created_at desc, id desc limit ${HISTORY_SIZE})`;
  }

  #cacheAnnotation(a: RoomAnnotation) {
    this
      .sql`insert or replace into annotations (id, json, created_at) values (${a.id}, ${JSON.stringify(a)}, ${a.createdAt})`;
  }

  #cachedMessages(): RoomMessage[] {
    const rows = this.sql<{ id: string; author_user_id: string; body: string; created_at: string }>`
      select id, author_user_id, body, created_at from messages order by created_at desc, id desc limit ${HISTORY_SIZE}`;
    return rows
      .reverse()
      .map((r) => ({ id: r.id, authorUserId: r.author_user_id, body: r.body, createdAt: r.created_at }));
  }

  #cachedAnnotations(): RoomAnnotation[] {
    return this.sql<{ json: string }>`select json from annotations order by created_at, id`.map(
      (r) => JSON.parse(r.json) as RoomAnnotation,
    );
  }
}
