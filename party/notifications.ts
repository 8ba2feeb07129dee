import { Server, type Connection } from "partyserver";
import type { LiveUpdate } from "../app/services/events/live-notifications.ts";

/**
 * One user's live notification feed. The database is the record; the room only fans a new
 * notification out to the user's open tabs, so it keeps no state of its own. Connections are
 * authorized by a room token before they reach it (workers/app.ts).
 */
export class UserNotifications extends Server<Env> {
  static options = { hibernate: true };

  /** Called by the event consumer (RPC through getServerByName). */
  async push(update: LiveUpdate): Promise<void> {
    this.broadcast(JSON.stringify(update));
  }

  onMessage(connection: Connection) {
    connection.send(
      JSON.stringify({ type: "error", message: "This room only sends notifications; it accepts no messages." }),
    );
  }
}
