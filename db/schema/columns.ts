import { bigint, customType, date, datetime } from "drizzle-orm/mysql-core";

// Shared column shapes, so one concept is stored one way in every table.
/**
 * Ids compare byte-exact (migration 0002): another case, a NUL or a control byte is another id,
 * so a probe with a look-alike id finds nothing. Stated in the column type so every new table
 * gets it without a hand-written migration.
 */
const byteExactId = customType<{ data: string; driverData: string }>({
  dataType: () => "varchar(36) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
});
export const id = () => byteExactId("id").primaryKey();
export const ref = (name: string) => byteExactId(name);
export const orgId = () => byteExactId("org_id").notNull();
/** Money is integer cents, always. */
export const cents = (name: string) => bigint(name, { mode: "number" });
/** Coverage dates are calendar dates, not instants. */
export const calendarDate = (name: string) => date(name, { mode: "string" });
export const instant = (name: string) => datetime(name, { mode: "date", fsp: 3 });
export const createdAt = () =>
  instant("created_at")
    .notNull()
    .$defaultFn(() => new Date());
export const updatedAt = () =>
  instant("updated_at")
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdate(() => new Date());
