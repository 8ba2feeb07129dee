/**
 * The audit log's filter from a URL: actor (part of an email or a user id), entity (a type such
 * as "policy" or an id), action, and a date range in calendar days (to is inclusive).
 */
import { addDays } from "../../utils/calendar-date.ts";

export type AuditFilterInput = {
  actor?: string | undefined;
  entity?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseAuditFilter(search: URLSearchParams): {
  filter: AuditFilterInput;
  errors: Record<string, string>;
} {
  const text = (name: string) => search.get(name)?.trim().slice(0, 200) || undefined;
  const errors: Record<string, string> = {};
  const day = (name: "from" | "to") => {
    const value = text(name);
    if (!value) return undefined;
    if (!DATE.test(value) || Number.isNaN(Date.parse(value))) {
      errors[name] = "Enter a date as YYYY-MM-DD";
      return undefined;
    }
    return value;
  };
  const from = day("from");
  const to = day("to");
  return {
    filter: {
      actor: text("actor"),
      entity: text("entity"),
      action: text("action")?.replaceAll(" ", "_"),
      from: from ? new Date(`${from}T00:00:00Z`) : undefined,
      to: to ? new Date(`${addDays(to, 1)}T00:00:00Z`) : undefined,
    },
    errors,
  };
}
