// Child process for durability.test.ts: commits one batch, then is SIGKILLed from inside SQLite's
// transaction halfway through the next batch, as a power cut would stop it.
import { DatabaseSync, type SQLInputValue, type StatementResultingChanges, type StatementSync } from "node:sqlite";
import { account, transfer } from "./testing.ts";
import { Engine } from "./embedded/engine.ts";

const [dataDir, killAfter] = process.argv.slice(2);

const prepare = DatabaseSync.prototype.prepare;
DatabaseSync.prototype.prepare = function (this: DatabaseSync, sql: string): StatementSync {
  const statement = prepare.call(this, sql);
  if (sql.startsWith("INSERT INTO transfers")) {
    const run = statement.run.bind(statement) as (...values: SQLInputValue[]) => StatementResultingChanges;
    let inserted = 0;
    statement.run = ((...values: SQLInputValue[]) => {
      const result = run(...values);
      if (++inserted === Number(killAfter)) process.kill(process.pid, "SIGKILL");
      return result;
    }) as StatementSync["run"];
  }
  return statement;
};

const engine = new Engine(dataDir);
engine.createAccounts([account({ id: 1n }), account({ id: 2n })]);
const move = (id: bigint) => transfer({ id, debit_account_id: 1n, credit_account_id: 2n, amount: 1n });
engine.createTransfers(Array.from({ length: 10 }, (_, i) => move(100n + BigInt(i))));
engine.createTransfers(Array.from({ length: 1000 }, (_, i) => move(1000n + BigInt(i))));
