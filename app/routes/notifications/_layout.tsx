import { Outlet } from "react-router";
import type { Route } from "./+types/_layout";
import { PortalErrorBoundary } from "../../components/portal-error-boundary.tsx";
import { PortalShell } from "../../components/portal-shell.tsx";
import { loadPortalShell } from "../portal.server.ts";

// Every signed-in member has notifications, whatever their area: no area check here.
export async function loader(args: Route.LoaderArgs) {
  return loadPortalShell(args, null);
}

export default function Layout({ loaderData }: Route.ComponentProps) {
  return (
    <PortalShell shell={loaderData}>
      <Outlet />
    </PortalShell>
  );
}

export const ErrorBoundary = PortalErrorBoundary;
