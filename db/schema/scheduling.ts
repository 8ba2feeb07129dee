import { mysqlTable, primaryKey, varchar } from "drizzle-orm/mysql-core";
import { calendarDate, createdAt, orgId } from "./columns.ts";

/**
 * One row per daily job, organization and business date the job has run for (ADR 027): the
 * dispatcher runs each job once per organization's local date, whatever the hour in UTC.
 */
export const dailyJobRuns = mysqlTable(
  "daily_job_runs",
  {
    orgId: orgId(),
    job: varchar("job", { length: 40 }).notNull(),
    businessDate: calendarDate("business_date").notNull(),
    /** When the run finished. */
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.job, t.businessDate] })],
);
