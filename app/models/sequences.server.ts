import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { sequences } from "../../db/schema/index.ts";

type Executor = Pick<Database, "execute">;

/**
 * The next number of an organization's named sequence (submission references, policy numbers).
 * One atomic upsert: LAST_INSERT_ID(expr) hands back the value this call claimed, so concurrent
 * callers never get the same number; inside a transaction the row stays locked until commit.
 */
export async function nextSequenceValue(db: Executor, orgId: string, name: string): Promise<number> {
  const result = await db.execute(sql`
    INSERT INTO ${sequences} (${sql.identifier(sequences.orgId.name)}, ${sql.identifier(sequences.name.name)}, ${sql.identifier(sequences.lastValue.name)})
    VALUES (${orgId}, ${name}, 1)
    ON DUPLICATE KEY UPDATE ${sql.identifier(sequences.lastValue.name)} = LAST_INSERT_ID(${sequences.lastValue} + 1)`);
  return Math.max(1, Number(result.insertId));
}
