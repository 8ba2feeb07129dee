import { and, eq, gt } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { verification } from "../../db/schema/index.ts";

/**
 * The user a pending two-factor sign-in belongs to: better-auth keeps it as a verification row
 * whose identifier is the (signed) two-factor cookie's value and whose value is the user id.
 */
export async function findPendingTwoFactorUserId(
  db: Database,
  identifier: string,
  now = new Date(),
): Promise<string | null> {
  const [row] = await db
    .select({ userId: verification.value })
    .from(verification)
    .where(and(eq(verification.identifier, identifier), gt(verification.expiresAt, now)))
    .limit(1);
  return row?.userId ?? null;
}
