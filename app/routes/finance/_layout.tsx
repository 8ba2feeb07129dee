import { Outlet } from "react-router";
import type { Route } from "./+types/_layout";
import { FinanceNav } from "../../components/finance-nav.tsx";
import { PortalErrorBoundary } from "../../components/portal-error-boundary.tsx";
import { PortalShell } from "../../components/portal-shell.tsx";
import { loadPortalShell, requireArea } from "../portal.server.ts";

export const middleware: Route.MiddlewareFunction[] = [requireArea("finance")];

export async function loader(args: Route.LoaderArgs) {
  return loadPortalShell(args, "finance");
}

export default function Layout({ loaderData }: Route.ComponentProps) {
  return (
    <PortalShell shell={loaderData}>
      <FinanceNav />
      <Outlet />
    </PortalShell>
  );
}

export const ErrorBoundary = PortalErrorBoundary;
