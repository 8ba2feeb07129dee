// Drives the simulator with the real PlanetScale driver and drizzle, against a throwaway MariaDB.
import { Client, connect, DatabaseError, type Connection } from "@planetscale/database";
import { asc, eq, sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  datetime,
  decimal,
  double,
  int,
  json,
  mysqlEnum,
  mysqlTable,
  text,
  timestamp,
  varbinary,
  varchar,
} from "drizzle-orm/mysql-core";
import { drizzle } from "drizzle-orm/planetscale-serverless";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "../client.ts";
import { startPlanetScaleSimulator } from "./planetscale-simulator.ts";
import { startTestDatabase, type TestDatabase } from "./test-database.ts";

let database: TestDatabase;
let conn: Connection;

type SessionJson = { vitessSession: { SessionUUID: string; inTransaction?: boolean } };

const newConnection = (url = database.databaseUrl) => connect({ url, fetch });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  database = await startTestDatabase();
  conn = newConnection();
});

afterAll(async () => {
  await database?.stop();
});

describe("column types", () => {
  beforeAll(async () => {
    await conn.execute(`
      CREATE TABLE all_types (
        id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
        i8 TINYINT, i16 SMALLINT, i24 MEDIUMINT, i32 INT, i64 BIGINT,
        u8 TINYINT UNSIGNED, u16 SMALLINT UNSIGNED, u24 MEDIUMINT UNSIGNED, u32 INT UNSIGNED, u64 BIGINT UNSIGNED,
        flag BOOLEAN, amount DECIMAL(12,4), f32 FLOAT, f64 DOUBLE,
        d DATE, dt DATETIME(3), ts TIMESTAMP(6) NULL, t TIME, y YEAR,
        vc VARCHAR(255), c CHAR(4), tx TEXT, bl BLOB, vb VARBINARY(16), bn BINARY(4), b BIT(3),
        e ENUM('draft','bound'), s SET('x','y','z'), j JSON
      )`);
  });

  it("labels every column with its Vitess type and casts values like PlanetScale", async () => {
    await conn.execute(`
      INSERT INTO all_types VALUES (
        NULL, -128, -32768, -8388608, -2147483648, -9223372036854775808,
        255, 65535, 16777215, 4294967295, 18446744073709551615,
        TRUE, 12345678.1234, 1.5, 3.141592653589793,
        '2024-02-29', '2024-02-29 13:14:15.123', '2024-02-29 13:14:15.123456', '838:59:59', 2024,
        'Zürich ✓ 🚀', 'abcd', 'long text ü', x'00ff10', x'deadbeef', x'0102', b'101',
        'bound', 'x,z', '{"a": [1, 2, {"b": null}], "u": "ü"}'
      )`);
    const result = await conn.execute("SELECT * FROM all_types");

    expect(result.types).toEqual({
      id: "UINT64",
      i8: "INT8",
      i16: "INT16",
      i24: "INT24",
      i32: "INT32",
      i64: "INT64",
      u8: "UINT8",
      u16: "UINT16",
      u24: "UINT24",
      u32: "UINT32",
      u64: "UINT64",
      flag: "INT8",
      amount: "DECIMAL",
      f32: "FLOAT32",
      f64: "FLOAT64",
      d: "DATE",
      dt: "DATETIME",
      ts: "TIMESTAMP",
      t: "TIME",
      y: "YEAR",
      vc: "VARCHAR",
      c: "CHAR",
      tx: "TEXT",
      bl: "BLOB",
      vb: "VARBINARY",
      bn: "BINARY",
      b: "BIT",
      e: "ENUM",
      s: "SET",
      j: "JSON",
    });

    const [row] = result.rows as Record<string, unknown>[];
    expect(row).toMatchObject({
      id: "1",
      i8: -128,
      i16: -32768,
      i24: -8388608,
      i32: -2147483648,
      i64: "-9223372036854775808",
      u8: 255,
      u16: 65535,
      u24: 16777215,
      u32: 4294967295,
      u64: "18446744073709551615",
      flag: 1,
      amount: "12345678.1234",
      f32: 1.5,
      // A double with every digit significant: the simulator must hand it back unrounded.
      // biome-ignore lint/suspicious/noApproximativeNumericConstant: the literal is the point, not pi
      f64: 3.141592653589793,
      d: "2024-02-29",
      dt: "2024-02-29 13:14:15.123",
      ts: "2024-02-29 13:14:15.123456",
      t: "838:59:59",
      y: 2024,
      vc: "Zürich ✓ 🚀",
      c: "abcd",
      tx: "long text ü",
      e: "bound",
      s: "x,z",
      j: { a: [1, 2, { b: null }], u: "ü" },
    });
    expect(row!.bl).toEqual(new Uint8Array([0x00, 0xff, 0x10]));
    expect(row!.vb).toEqual(new Uint8Array([0xde, 0xad, 0xbe, 0xef]));
    expect(row!.bn).toEqual(new Uint8Array([1, 2, 0, 0]));
    expect(row!.b).toEqual(new Uint8Array([5]));
  });

  it("returns the column metadata the driver reads", async () => {
    const { fields } = await conn.execute("SELECT id, vc, vb, j FROM all_types LIMIT 1");
    const byName = Object.fromEntries(fields.map((field) => [field.name, field]));
    expect(byName.id).toMatchObject({ table: "all_types", orgTable: "all_types", orgName: "id", charset: 63 });
    expect(byName.id!.database).toBe(database.mysql.database);
    expect(byName.id!.flags! & 32).toBe(32); // UNSIGNED
    expect(byName.vb).toMatchObject({ type: "VARBINARY", charset: 63, columnLength: 16 });
    expect(byName.vc!.charset).not.toBe(63);
    expect(byName.j!.type).toBe("JSON");
  });

  it("returns NULL for every type, and NULL literals as type NULL", async () => {
    const { insertId } = await conn.execute("INSERT INTO all_types () VALUES ()");
    const result = await conn.execute("SELECT *, NULL AS nothing FROM all_types WHERE id = ?", [insertId]);
    const { id, ...rest } = result.rows[0] as Record<string, unknown>;
    expect(id).toBe(insertId);
    expect(Object.values(rest).every((value) => value === null)).toBe(true);
    expect(result.types.nothing).toBe("NULL");
  });

  it("round-trips binary parameters", async () => {
    const bytes = new Uint8Array([0, 39, 92, 255, 10]);
    const { insertId } = await conn.execute("INSERT INTO all_types (vb) VALUES (?)", [bytes]);
    const { rows } = await conn.execute("SELECT vb FROM all_types WHERE id = ?", [insertId]);
    expect((rows[0] as { vb: Uint8Array }).vb).toEqual(bytes);
  });
});

describe("strings and escaping", () => {
  const samples = [
    "it's",
    'say "hi"',
    "back\\slash",
    "\\'",
    "trailing backslash \\",
    "new\nline\ttab\rreturn",
    "nul\0byte",
    "ctrl-z \x1a",
    "' OR '1'='1",
    "%_ wildcards",
    "emoji 🚀 中文 ü ß",
    "",
  ];

  beforeAll(async () => {
    await conn.execute("CREATE TABLE texts (id INT AUTO_INCREMENT PRIMARY KEY, body TEXT, label VARCHAR(100))");
  });

  it.each(samples)("round-trips %j as a parameter", async (sample) => {
    const { insertId } = await conn.execute("INSERT INTO texts (body, label) VALUES (:body, :label)", {
      body: sample,
      label: sample,
    });
    const { rows } = await conn.execute("SELECT body, label FROM texts WHERE id = :id", { id: Number(insertId) });
    expect(rows).toEqual([{ body: sample, label: sample }]);
    const { rows: matches } = await conn.execute("SELECT id FROM texts WHERE body = ? AND id = ?", [sample, insertId]);
    expect(matches).toHaveLength(1);
  });
});

describe("errors", () => {
  it("refuses wrong credentials with HTTP 401", async () => {
    const url = new URL(database.databaseUrl);
    url.password = "wrong";
    const error = await newConnection(url.toString())
      .execute("SELECT 1")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as DatabaseError).status).toBe(401);

    const response = await fetch(`http://127.0.0.1:${url.port}/psdb.v1alpha1.Database/Execute`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ query: "SELECT 1" }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "unauthenticated" });
  });

  it("returns SQL errors as DatabaseError with a Vitess code and the MySQL errno", async () => {
    const missing = await conn.execute("SELECT * FROM no_such_table").catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(DatabaseError);
    expect((missing as DatabaseError).status).toBe(400);
    expect((missing as DatabaseError).body.code).toBe("NOT_FOUND");
    expect((missing as DatabaseError).message).toMatch(
      /code = NotFound desc = .*no_such_table.* \(errno 1146\) \(sqlstate 42S02\)/,
    );

    await conn.execute("CREATE TABLE uniques (id INT PRIMARY KEY)");
    await conn.execute("INSERT INTO uniques VALUES (1)");
    await expect(conn.execute("INSERT INTO uniques VALUES (1)")).rejects.toMatchObject({
      body: { code: "ALREADY_EXISTS", message: expect.stringContaining("(errno 1062)") },
    });
    await expect(conn.execute("SELEKT 1")).rejects.toMatchObject({ body: { code: "INVALID_ARGUMENT" } });
  });
});

describe("results", () => {
  beforeAll(async () => {
    await conn.execute(
      "CREATE TABLE counters (id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20), n INT)",
    );
  });

  it("reports insertId and rowsAffected as the driver expects", async () => {
    const inserted = await conn.execute("INSERT INTO counters (name, n) VALUES ('a', 1), ('b', 2), ('c', 3)");
    expect(inserted.rowsAffected).toBe(3);
    expect(inserted.insertId).toBe("1");

    const updated = await conn.execute("UPDATE counters SET n = n + 1 WHERE n >= 2");
    expect(updated.rowsAffected).toBe(2);
    expect(updated.insertId).toBe("0");

    const selected = await conn.execute("SELECT COUNT(*) AS total FROM counters");
    expect(selected.rows).toEqual([{ total: "3" }]);
    expect(selected.rowsAffected).toBe(0);

    expect((await conn.execute("DELETE FROM counters WHERE name = 'a'")).rowsAffected).toBe(1);
  });

  it("keeps insert ids beyond 2^53 exact", async () => {
    await conn.execute("ALTER TABLE counters AUTO_INCREMENT = 9007199254740993");
    const { insertId } = await conn.execute("INSERT INTO counters (name) VALUES ('big')");
    expect(insertId).toBe("9007199254740993");
  });
});

describe("sessions and transactions", () => {
  beforeAll(async () => {
    await conn.execute("CREATE TABLE accounts (id INT PRIMARY KEY, owner VARCHAR(20), balance INT NOT NULL)");
  });

  const count = async (where: string) => {
    const { rows } = await conn.execute(`SELECT COUNT(*) AS n FROM accounts WHERE ${where}`);
    return Number((rows[0] as { n: string }).n);
  };

  it("creates sessions and round-trips them", async () => {
    await expect(conn.refresh()).resolves.toBeUndefined();

    const { origin, username, password } = new URL(database.databaseUrl);
    const post = (path: string, body: unknown) =>
      fetch(`${origin}/psdb.v1alpha1.Database/${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Basic ${btoa(`${username}:${password}`)}` },
        body: JSON.stringify(body),
      }).then((response) => response.json() as Promise<{ session: SessionJson }>);

    const { session } = await post("CreateSession", {});
    expect(session.vitessSession.SessionUUID).toEqual(expect.any(String));
    const begun = await post("Execute", { query: "BEGIN", session });
    expect(begun.session.vitessSession).toMatchObject({
      SessionUUID: session.vitessSession.SessionUUID,
      inTransaction: true,
    });
    const rolledBack = await post("Execute", { query: "ROLLBACK", session: begun.session });
    expect(rolledBack.session.vitessSession.inTransaction).toBeUndefined();
    expect(rolledBack.session.vitessSession.SessionUUID).toBe(session.vitessSession.SessionUUID);
  });

  it("commits a transaction", async () => {
    await conn.transaction(async (tx) => {
      await tx.execute("INSERT INTO accounts VALUES (1, 'commit', 10)");
      await tx.execute("INSERT INTO accounts VALUES (2, 'commit', 20)");
    });
    expect(await count("owner = 'commit'")).toBe(2);
  });

  it("rolls back everything when a statement fails inside transaction()", async () => {
    const failed = conn.transaction(async (tx) => {
      await tx.execute("INSERT INTO accounts VALUES (3, 'rollback', 30)");
      await tx.execute("INSERT INTO accounts VALUES (1, 'duplicate', 0)");
    });
    await expect(failed).rejects.toBeInstanceOf(DatabaseError);
    expect(await count("owner IN ('rollback', 'duplicate')")).toBe(0);
  });

  it("rolls back when the callback throws", async () => {
    const failed = conn.transaction(async (tx) => {
      await tx.execute("INSERT INTO accounts VALUES (4, 'thrown', 40)");
      throw new Error("application error");
    });
    await expect(failed).rejects.toThrow("application error");
    expect(await count("owner = 'thrown'")).toBe(0);
  });

  it("isolates concurrent transactions on separate sessions", async () => {
    const a = newConnection();
    const b = newConnection();
    await a.execute("BEGIN");
    await b.execute("BEGIN");
    await a.execute("INSERT INTO accounts VALUES (5, 'isolated', 50)");

    const seenBy = async (connection: Connection) =>
      (await connection.execute("SELECT id FROM accounts WHERE owner = 'isolated'")).rows.length;
    expect(await seenBy(a)).toBe(1);
    expect(await seenBy(b)).toBe(0);
    expect(await seenBy(conn)).toBe(0);

    await a.execute("COMMIT");
    expect(await seenBy(conn)).toBe(1);
    expect(await seenBy(b)).toBe(0); // REPEATABLE READ: b keeps its snapshot
    await b.execute("COMMIT");
    expect(await seenBy(b)).toBe(1);
  });

  it("blocks SELECT ... FOR UPDATE in one transaction until the other commits", async () => {
    await conn.execute("INSERT INTO accounts VALUES (6, 'locked', 100)");
    const a = newConnection();
    const b = newConnection();
    await a.execute("BEGIN");
    await a.execute("SELECT balance FROM accounts WHERE id = 6 FOR UPDATE");
    await b.execute("BEGIN");

    let bHasLock = false;
    const bRead = b.execute("SELECT balance FROM accounts WHERE id = 6 FOR UPDATE").then((result) => {
      bHasLock = true;
      return result;
    });
    await sleep(300);
    expect(bHasLock).toBe(false);

    await a.execute("UPDATE accounts SET balance = balance - 30 WHERE id = 6");
    await a.execute("COMMIT");
    expect((await bRead).rows).toEqual([{ balance: 70 }]);
    await b.execute("UPDATE accounts SET balance = balance - 30 WHERE id = 6");
    await b.execute("COMMIT");
    expect((await conn.execute("SELECT balance FROM accounts WHERE id = 6")).rows).toEqual([{ balance: 40 }]);
  });

  it("takes a connection at the first statement after BEGIN, as vtgate does, so open transactions cannot starve plain reads", async () => {
    const { username, password } = new URL(database.databaseUrl);
    const single = await startPlanetScaleSimulator({
      mysql: database.mysql,
      username: decodeURIComponent(username),
      password: decodeURIComponent(password),
      connectionLimit: 1,
    });
    try {
      const begun = newConnection(single.url);
      await begun.execute("BEGIN");
      // The pool's only connection is still free: a read elsewhere is answered, not queued.
      const other = newConnection(single.url);
      expect((await other.execute("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
      // Statements sent together after BEGIN share the transaction's one connection.
      await Promise.all([
        begun.execute("INSERT INTO accounts VALUES (8, 'lazy', 80)"),
        begun.execute("INSERT INTO accounts VALUES (9, 'lazy', 90)"),
      ]);
      await begun.execute("ROLLBACK");
      expect(await count("owner = 'lazy'")).toBe(0);
      // BEGIN then COMMIT with nothing between touches no connection and ends the transaction.
      await begun.execute("BEGIN");
      await begun.execute("COMMIT");
      expect((await begun.execute("SELECT 2 AS two")).rows).toEqual([{ two: 2 }]);
    } finally {
      await single.close();
    }
  });

  it("tells its observer which statements work off a request's path sent (the app's x-openinsure-work header)", async () => {
    const { username, password } = new URL(database.databaseUrl);
    const seen: [string, string | undefined][] = [];
    const observed = await startPlanetScaleSimulator({
      mysql: database.mysql,
      username: decodeURIComponent(username),
      password: decodeURIComponent(password),
      observe: (query, work) => {
        seen.push([query, work]);
        return () => {};
      },
    });
    try {
      // The app marks the statements of its after-response work (app/utils/off-request-path.ts).
      let afterResponse = false;
      const db = createDatabase(observed.url, {
        statementHeaders: () => (afterResponse ? { "x-openinsure-work": "after-response" } : undefined),
      });
      await db.execute(sql`SELECT 1 AS on_the_path`);
      afterResponse = true;
      await db.execute(sql`SELECT 2 AS after_the_response`);
      expect(seen).toEqual([
        ["SELECT 1 AS on_the_path", undefined],
        ["SELECT 2 AS after_the_response", "after-response"],
      ]);
    } finally {
      await observed.close();
    }
  });

  it("rolls back and unpins a transaction left idle too long", async () => {
    const { username, password } = new URL(database.databaseUrl);
    const impatient = await startPlanetScaleSimulator({
      mysql: database.mysql,
      username: decodeURIComponent(username),
      password: decodeURIComponent(password),
      transactionIdleTimeoutMs: 400,
    });
    try {
      const idle = newConnection(impatient.url);
      await idle.execute("BEGIN");
      await idle.execute("INSERT INTO accounts VALUES (7, 'idle', 70)");
      await sleep(1_000);

      await expect(idle.execute("SELECT 1")).rejects.toMatchObject({ body: { code: "ABORTED" } });
      await expect(idle.execute("COMMIT")).rejects.toMatchObject({ body: { code: "ABORTED" } });
      await idle.execute("ROLLBACK");
      expect(await count("owner = 'idle'")).toBe(0);
      // Its row lock is gone too: this insert would otherwise wait for the lock timeout.
      await conn.execute("INSERT INTO accounts VALUES (7, 'after idle', 0)");
      // The session is usable again, outside any transaction.
      expect((await idle.execute("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    } finally {
      await impatient.close();
    }
  });
});

describe("drizzle-orm/planetscale-serverless", () => {
  const owners = mysqlTable("owners", {
    id: bigint("id", { mode: "number", unsigned: true }).autoincrement().primaryKey(),
    name: varchar("name", { length: 100 }).notNull(),
  });
  const policies = mysqlTable("policies", {
    id: bigint("id", { mode: "number", unsigned: true }).autoincrement().primaryKey(),
    ownerId: bigint("owner_id", { mode: "number", unsigned: true }).notNull(),
    reference: varchar("reference", { length: 64 }).notNull().unique(),
    premium: decimal("premium", { precision: 12, scale: 2 }).notNull(),
    exposure: bigint("exposure", { mode: "bigint" }),
    ratio: double("ratio"),
    term: int("term"),
    active: boolean("active").notNull().default(true),
    startsOn: date("starts_on", { mode: "string" }),
    issuedAt: datetime("issued_at", { mode: "date", fsp: 3 }),
    updatedAt: timestamp("updated_at", { mode: "string", fsp: 6 }),
    status: mysqlEnum("status", ["draft", "bound"]).notNull(),
    details: json("details").$type<{ limits: number[]; note: string }>(),
    notes: text("notes"),
    document: varbinary("document", { length: 32 }),
  });

  let db: ReturnType<typeof drizzle>;

  beforeAll(async () => {
    db = drizzle({ client: new Client({ url: database.databaseUrl, fetch }) });
    await db.execute(
      sql`CREATE TABLE owners (id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL)`,
    );
    await db.execute(sql`
      CREATE TABLE policies (
        id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
        owner_id BIGINT UNSIGNED NOT NULL,
        reference VARCHAR(64) NOT NULL UNIQUE,
        premium DECIMAL(12,2) NOT NULL,
        exposure BIGINT,
        ratio DOUBLE,
        term INT,
        active BOOLEAN NOT NULL DEFAULT TRUE,
        starts_on DATE,
        issued_at DATETIME(3),
        updated_at TIMESTAMP(6) NULL,
        status ENUM('draft','bound') NOT NULL,
        details JSON,
        notes TEXT,
        document VARBINARY(32)
      ) AUTO_INCREMENT = 100`);
  });

  it("inserts and selects every mapped type", async () => {
    const [owner] = await db.insert(owners).values({ name: "Ada O'Brien \\ 🚀" }).$returningId();
    const issuedAt = new Date("2024-05-06T07:08:09.123Z");
    await db.insert(policies).values({
      ownerId: owner!.id,
      reference: "POL-1",
      premium: "1234.50",
      exposure: 9007199254740993n,
      ratio: 0.125,
      term: 12,
      active: false,
      startsOn: "2024-06-01",
      issuedAt,
      updatedAt: "2024-05-06 07:08:09.123456",
      status: "bound",
      details: { limits: [1000, 5000], note: 'quote "x" \\ y' },
      notes: "line 1\nline 2",
    });

    const [policy] = await db.select().from(policies).where(eq(policies.reference, "POL-1"));
    expect(policy).toEqual({
      id: expect.any(Number),
      ownerId: owner!.id,
      reference: "POL-1",
      premium: "1234.50",
      exposure: 9007199254740993n,
      ratio: 0.125,
      term: 12,
      active: false,
      startsOn: "2024-06-01",
      issuedAt,
      updatedAt: "2024-05-06 07:08:09.123456",
      status: "bound",
      details: { limits: [1000, 5000], note: 'quote "x" \\ y' },
      notes: "line 1\nline 2",
      document: null,
    });
  });

  it("keeps same-named columns of joined tables apart", async () => {
    const rows = await db
      .select({ ownerId: owners.id, policyId: policies.id, name: owners.name })
      .from(policies)
      .innerJoin(owners, eq(owners.id, policies.ownerId))
      .orderBy(asc(policies.id));
    expect(rows).toEqual([{ ownerId: 1, policyId: 100, name: "Ada O'Brien \\ 🚀" }]);
  });

  it("commits, rolls back and uses savepoints in transactions", async () => {
    await db.transaction(async (tx) => {
      await tx.insert(owners).values({ name: "committed" });
      await tx
        .transaction(async (nested) => {
          await nested.insert(owners).values({ name: "savepoint" });
          throw new Error("undo the savepoint only");
        })
        .catch(() => undefined);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(owners).values({ name: "rolled back" });
        tx.rollback();
      }),
    ).rejects.toThrow();

    const names = (await db.select({ name: owners.name }).from(owners)).map((row) => row.name);
    expect(names).toContain("committed");
    expect(names).not.toContain("savepoint");
    expect(names).not.toContain("rolled back");
  });

  it("surfaces SQL errors from drizzle queries", async () => {
    const duplicate = db.insert(policies).values({ ownerId: 1, reference: "POL-1", premium: "1.00", status: "draft" });
    await expect(duplicate).rejects.toMatchObject({
      cause: { body: { code: "ALREADY_EXISTS", message: expect.stringContaining("(errno 1062)") } },
    });
  });
});
