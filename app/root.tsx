import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  redirect,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from "react-router";
import { useEffect } from "react";
import type { Route } from "./+types/root";
import "./app.css";
import { ErrorPage } from "./components/error-page.tsx";
import { ThemeSwitch } from "./components/theme-switch.tsx";
import { themeChange, themeCookie, themeFromCookie } from "./utils/theme.ts";

export const meta: Route.MetaFunction = () => [{ title: "OpenInsure" }];

/** The theme chosen in-app (cookie); `?theme=` on any page changes it and comes back. */
export function loader({ request }: Route.LoaderArgs) {
  const change = themeChange(new URL(request.url));
  if (change) throw redirect(change.redirectTo, { headers: { "Set-Cookie": themeCookie(change.theme) } });
  return { theme: themeFromCookie(request.headers.get("Cookie")) };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const theme = useRouteLoaderData<typeof loader>("root")?.theme ?? "system";
  return (
    <html lang="en" data-theme={theme}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only rounded-md bg-surface px-4 py-2 font-medium text-brand-strong shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50"
        >
          Skip to main content
        </a>
        {children}
        <ThemeSwitch current={theme} />
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  // Marks the document once React owns it; browser tests wait for it before clicking, because
  // React can reset a checkbox toggled in the moment between first paint and hydration.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  if (isRouteErrorResponse(error)) {
    return <ErrorPage status={error.status} message={typeof error.data === "string" ? error.data : undefined} />;
  }
  return <ErrorPage status={500} />;
}
