import { percentile, signIn, withBenchStack } from "./stack.ts";

// Broadcast in one deal room through the real path: the Worker's admission check, the DealRoom
// Durable Object in workerd, every message committed to the database (PlanetScale driver ->
// simulator -> MariaDB) before it is broadcast to every client.

export type DealRoomBench = {
  clients: number;
  connectSeconds: number;
  paced: { messages: number; deliveries: number; p50Ms: number; p99Ms: number };
  load: {
    senders: number;
    messages: number;
    messagesPerSecond: number;
    deliveriesPerSecond: number;
    p50Ms: number;
    p99Ms: number;
  };
};

const CLIENTS = 200;
const PACED_MESSAGES = 50;
const SENDERS = 10;
const MESSAGES_PER_SENDER = 30;

type Client = { socket: WebSocket; received: Map<string, number> };

async function connect(appUrl: string, cookie: string, dealRoomId: string): Promise<Client> {
  const { token, roomName } = (await (
    await fetch(`${appUrl}/deal-rooms/${dealRoomId}/token`, { headers: { cookie } })
  ).json()) as { token: string; roomName: string };
  const socket = new WebSocket(
    `${appUrl.replace("http", "ws")}/parties/deal-room/${roomName}?token=${encodeURIComponent(token)}`,
  );
  const client: Client = { socket, received: new Map() };
  return new Promise((resolve, reject) => {
    socket.addEventListener("error", () => reject(new Error("a bench client was refused")));
    socket.addEventListener("message", (event) => {
      const message = JSON.parse(String(event.data)) as { type: string; message?: { body: string } };
      if (message.type === "snapshot") resolve(client);
      if (message.type === "message") client.received.set(message.message!.body, performance.now());
      if (message.type === "error") reject(new Error(String(event.data)));
    });
  });
}

async function everyoneHas(clients: Client[], bodies: string[], timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!clients.every((c) => bodies.every((b) => c.received.has(b)))) {
    if (Date.now() > deadline) throw new Error("broadcast did not reach every client in time");
    await new Promise((r) => setTimeout(r, 2));
  }
}

function latencies(clients: Client[], sentAt: Map<string, number>) {
  const samples: number[] = [];
  for (const [body, at] of sentAt) for (const c of clients) samples.push(c.received.get(body)! - at);
  return samples.sort((a, b) => a - b);
}

export async function benchDealRoom(): Promise<DealRoomBench> {
  return withBenchStack("openinsure_bench_rooms", async (stack) => {
    const cookie = await signIn(stack.appUrl, "underwriter@summit.demo");
    const opened = await fetch(`${stack.appUrl}/uw/deal-rooms`, {
      method: "POST",
      headers: { cookie },
      body: new URLSearchParams({ submissionId: "sub_a_3" }),
      redirect: "manual",
    });
    const dealRoomId = opened.headers.get("location")?.split("/").pop();
    if (opened.status !== 302 || !dealRoomId) throw new Error(`opening the room answered ${opened.status}`);

    const connectStarted = performance.now();
    const clients: Client[] = [];
    for (let batch = 0; batch < CLIENTS; batch += 20) {
      clients.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(20, CLIENTS - batch) }, () => connect(stack.appUrl, cookie, dealRoomId)),
        )),
      );
    }
    const connectSeconds = Math.round((performance.now() - connectStarted) / 100) / 10;

    // Paced: one message at a time, the next only when all clients have the last one.
    const pacedSent = new Map<string, number>();
    for (let i = 0; i < PACED_MESSAGES; i++) {
      const body = `paced ${i}`;
      pacedSent.set(body, performance.now());
      clients[i % CLIENTS]!.socket.send(JSON.stringify({ type: "chat", body }));
      await everyoneHas(clients, [body]);
    }
    const paced = latencies(clients, pacedSent);

    // Load: several participants talking at once, as fast as the room takes it.
    const loadSent = new Map<string, number>();
    const loadStarted = performance.now();
    for (let i = 0; i < MESSAGES_PER_SENDER; i++) {
      for (let s = 0; s < SENDERS; s++) {
        const body = `load ${s}-${i}`;
        loadSent.set(body, performance.now());
        clients[s % CLIENTS]!.socket.send(JSON.stringify({ type: "chat", body }));
      }
    }
    await everyoneHas(clients, [...loadSent.keys()]);
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const load = latencies(clients, loadSent);
    for (const c of clients) c.socket.close();

    const messages = SENDERS * MESSAGES_PER_SENDER;
    return {
      clients: CLIENTS,
      connectSeconds,
      paced: {
        messages: PACED_MESSAGES,
        deliveries: paced.length,
        p50Ms: percentile(paced, 50),
        p99Ms: percentile(paced, 99),
      },
      load: {
        senders: SENDERS,
        messages,
        messagesPerSecond: Math.round(messages / loadSeconds),
        deliveriesPerSecond: Math.round((messages * CLIENTS) / loadSeconds),
        p50Ms: percentile(load, 50),
        p99Ms: percentile(load, 99),
      },
    };
  });
}

if (import.meta.main) console.log(JSON.stringify(await benchDealRoom(), null, 2));
