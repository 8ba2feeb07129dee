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
import { useEffect, useState } from "react";
import type { Route } from "./+types/root";
import "./app.css";
import { ErrorPage } from "./components/error-page.tsx";
import { ThemeSwitch } from "./components/theme-switch.tsx";
import { themeChange, themeCookie, themeFromCookie } from "./utils/theme.ts";
import { documentNonce } from "./utils/document-nonce.ts";

export const meta: Route.MetaFunction = () => [{ title: "OpenInsure" }];

/** The theme chosen in-app (cookie); `?theme=` on any page changes it and comes back. */
export function loader({ request }: Route.LoaderArgs) {
  const change = themeChange(new URL(request.url));
  if (change) throw redirect(change.redirectTo, { headers: { "Set-Cookie": themeCookie(change.theme) } });
  return { theme: themeFromCookie(request.headers.get("Cookie")) };
}

/**
 * The page's CSP nonce as the browser kept it. On the server `<Links>`, `<Scripts>` and
 * `<ScrollRestoration>` take the nonce from ServerRouter (entry.server.tsx); in the browser
 * HydratedRouter has none, so they rendered without it, and React's dev build reported every page
 * (e.g. `/admin` under `npm start`) as a hydration mismatch on the dev server's critical CSS link.
 * Reading it back from the document (documentNonce) makes the first client render match.
 */
function useDocumentNonce(): string | undefined {
  const [nonce] = useState(() => documentNonce(typeof document === "undefined" ? undefined : document));
  return nonce;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const theme = useRouteLoaderData<typeof loader>("root")?.theme ?? "system";
  const nonce = useDocumentNonce();
  return (
    <html lang="en" data-theme={theme}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <Meta />
        <Links nonce={nonce} />
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
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
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
