import { bigint, date, datetime, varchar } from "drizzle-orm/mysql-core";

// Shared column shapes, so one concept is stored one way in every table.
export const id = () => varchar("id", { length: 36 }).primaryKey();
export const ref = (name: string) => varchar(name, { length: 36 });
export const orgId = () => varchar("org_id", { length: 36 }).notNull();
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
