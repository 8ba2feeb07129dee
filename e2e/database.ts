import { randomBytes } from "node:crypto";
import mysql from "mysql2/promise";
import { startPlanetScaleSimulator } from "../db/local/planetscale-simulator.ts";

/**
 * Read-only queries against the e2e stack's database (its port comes from playwright.config.ts),
 * for specs that must show that a request changed nothing.
 */
function e2eDatabasePort(): number {
  const port = Number(process.env.E2E_DB_PORT);
  if (!port) throw new Error("E2E_DB_PORT is not set: run the spec through playwright.config.ts");
  return port;
}

export async function queryE2eDatabase<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const connection = await mysql.createConnection({
    host: "127.0.0.1",
    port: e2eDatabasePort(),
    user: "root",
    password: "",
    database: "openinsure_e2e",
  });
  try {
    const [rows] = await connection.query(sql, params);
    return rows as T[];
  } finally {
    await connection.end();
  }
}

/**
 * Runs `work` with a PlanetScale-style URL to the e2e stack's database, through a simulator of
 * its own: a journey runs a daily job on a chosen date the way the Worker's cron would.
 */
export async function withE2eDatabaseUrl<T>(work: (url: string) => Promise<T>): Promise<T> {
  const password = randomBytes(12).toString("hex");
  const simulator = await startPlanetScaleSimulator({
    mysql: { host: "127.0.0.1", port: e2eDatabasePort(), user: "root", password: "", database: "openinsure_e2e" },
    username: "e2e",
    password,
  });
  try {
    return await work(simulator.url);
  } finally {
    await simulator.close();
  }
}
