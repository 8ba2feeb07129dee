import mysql from "mysql2/promise";

/**
 * Read-only queries against the e2e stack's database (its port comes from playwright.config.ts),
 * for specs that must show that a request changed nothing.
 */
export async function queryE2eDatabase<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const port = Number(process.env.E2E_DB_PORT);
  if (!port) throw new Error("E2E_DB_PORT is not set: run the spec through playwright.config.ts");
  const connection = await mysql.createConnection({
    host: "127.0.0.1",
    port,
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
