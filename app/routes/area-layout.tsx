import { Outlet } from "react-router";
import type { Route } from "./+types/area-layout";
import { FinanceNav } from "../components/finance-nav.tsx";
import { AreaNav } from "../components/area-nav.tsx";
import { PortalErrorBoundary } from "../components/portal-error-boundary.tsx";
import { PortalShell } from "../components/portal-shell.tsx";
import { layoutAreaOf } from "./area-pattern.ts";
import { loadPortalShell, requireArea } from "./portal.server.ts";

// The one layout of every area, registered per area by id in routes.ts ("uw-layout", ...).
// Its area comes from the matched route pattern: the role check runs as middleware before every
// loader and action of the area's routes, as each area's own layout did.

function areaOf(pattern: string) {
  const area = layoutAreaOf(pattern);
  if (area === undefined) throw new Response("Not found", { status: 404 });
  return area;
}

export const middleware: Route.MiddlewareFunction[] = [
  (args, next) => {
    const area = areaOf(args.pattern);
    // Notifications belong to every signed-in member: no area check there.
    return area === null ? next() : requireArea(area)(args, next);
  },
];

export async function loader(args: Route.LoaderArgs) {
  return loadPortalShell(args, areaOf(args.pattern));
}

export default function AreaLayout({ loaderData }: Route.ComponentProps) {
  return (
    <PortalShell shell={loaderData}>
      {loaderData.currentArea === "finance" ? <FinanceNav /> : null}
      {loaderData.currentArea === "compliance" || loaderData.currentArea === "carrier" ? (
        <AreaNav area={loaderData.currentArea} />
      ) : null}
      <Outlet />
    </PortalShell>
  );
}

export const ErrorBoundary = PortalErrorBoundary;
