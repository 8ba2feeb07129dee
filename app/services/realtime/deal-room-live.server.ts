// The app writes rooms' status and participants to the database; the live room (a Durable
// Object) must hear about it so connected people see it at once. Only the Worker entry holds
// the Durable Object binding, so it connects the notifier here at start-up. Where no Worker runs
// (unit tests, scripts) nothing is connected and the database alone carries the change: a room
// re-reads its status inside every write transaction, so a closed room refuses writes either way.

export type DealRoomLive = { refresh(orgId: string, submissionId: string): Promise<void> };

let live: DealRoomLive | null = null;

export function connectDealRoomLive(notifier: DealRoomLive) {
  live = notifier;
}

/** Tells a submission's live room to reload its status and participants; never fails the caller. */
export async function refreshLiveDealRoom(orgId: string, submissionId: string) {
  try {
    await live?.refresh(orgId, submissionId);
  } catch (error) {
    console.error("deal room refresh failed", error);
  }
}
