import { AREAS, type AreaId } from "../auth/areas.ts";

/**
 * The area whose layout a matched route pattern sits under ("/uw/submissions/:id" is in "uw"),
 * read from the route table's pattern, never from the raw URL. Notifications are every member's
 * (null: no area check); a pattern under no known layout is undefined, which the layout refuses.
 */
export function layoutAreaOf(pattern: string): AreaId | null | undefined {
  const segment = pattern.split("/").find((part) => part !== "");
  if (segment === "notifications") return null;
  return AREAS.find((area) => area.path === `/${segment}`)?.id;
}
