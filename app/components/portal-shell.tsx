import { List, ShieldCheck, SignOut, UserSwitch } from "@phosphor-icons/react";
import { useEffect, useRef, type ReactNode } from "react";
import { Form, NavLink, useLocation } from "react-router";
import { NotificationBell, type BellData } from "./notification-bell.tsx";
import { cx } from "./ui.tsx";

export type ShellData = {
  user: { name: string; email: string; impersonatedBy: string | null };
  orgName: string | null;
  roles: string[];
  areas: { id: string; path: string; label: string }[];
  currentArea: string | null;
  bell: BellData;
};

function AreaLinks({ areas, stacked }: { areas: ShellData["areas"]; stacked?: boolean }) {
  return areas.map((area) => (
    <NavLink
      key={area.id}
      to={area.path}
      className={({ isActive }) =>
        cx(
          "rounded-md px-3 py-1.5 text-sm",
          stacked && "block py-2",
          isActive ? "bg-brand/15 font-medium text-brand-strong" : "text-text-muted hover:bg-surface-muted",
        )
      }
    >
      {area.label}
    </NavLink>
  ));
}

function SignOutButton() {
  return (
    <Form method="post" action="/sign-out">
      <button
        type="submit"
        className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-text-muted hover:bg-surface-muted"
      >
        <SignOut size={18} aria-hidden /> Sign out
      </button>
    </Form>
  );
}

/**
 * The app shell of every area: one header whose navigation folds into a menu at 640 px and
 * narrower (a <details> disclosure, so it opens without JavaScript), and the page's <main>, the
 * target of the skip link in root.tsx.
 */
export function PortalShell({ shell, children }: { shell: ShellData; children: ReactNode }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const location = useLocation();
  // A client-side navigation from the menu closes it (a full page load starts closed anyway).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect runs on each navigation
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [location.key]);

  return (
    <div className="flex min-h-screen flex-col">
      {shell.user.impersonatedBy ? (
        <div
          className="flex flex-wrap items-center justify-center gap-3 bg-warning px-4 py-2 text-sm font-medium text-black"
          role="status"
        >
          <UserSwitch size={18} aria-hidden />
          You are impersonating {shell.user.name} ({shell.user.email}).
          <Form method="post" action="/impersonation">
            <input type="hidden" name="intent" value="stop" />
            <button type="submit" className="underline underline-offset-4">
              Stop impersonating
            </button>
          </Form>
        </div>
      ) : null}
      <header className="border-b border-border bg-surface">
        <div className="mx-auto flex max-w-7xl items-center gap-4 px-4 py-3 min-[641px]:gap-6 min-[641px]:px-6">
          <a href="/" className="flex shrink-0 items-center gap-2 text-brand">
            <ShieldCheck size={26} weight="duotone" aria-hidden />
            <span className="font-display text-lg font-semibold text-text">OpenInsure</span>
          </a>
          <nav aria-label="Areas" className="hidden flex-1 flex-wrap gap-1 min-[641px]:flex">
            <AreaLinks areas={shell.areas} />
          </nav>
          <div className="ml-auto flex items-center gap-4 text-sm">
            <NotificationBell bell={shell.bell} />
            <div className="hidden text-right leading-tight min-[641px]:block">
              <div className="font-medium">{shell.user.name}</div>
              <a href="/organizations" className="text-xs text-text-muted hover:underline" title="Switch organization">
                {shell.orgName ?? "Platform"}
              </a>
            </div>
            <div className="hidden min-[641px]:block">
              <SignOutButton />
            </div>
            <details ref={menu} className="relative min-[641px]:hidden">
              <summary className="flex cursor-pointer list-none items-center gap-1 rounded-md border border-border px-3 py-1.5 [&::-webkit-details-marker]:hidden">
                <List size={18} aria-hidden /> Menu
              </summary>
              <div className="absolute right-0 z-20 mt-2 w-64 max-w-[calc(100vw-2rem)] rounded-lg border border-border bg-surface p-3 shadow-lg">
                <div className="mb-2 border-b border-border pb-2 leading-tight">
                  <div className="font-medium">{shell.user.name}</div>
                  <a href="/organizations" className="text-xs text-text-muted hover:underline">
                    {shell.orgName ?? "Platform"} · switch
                  </a>
                </div>
                <nav aria-label="Areas" className="grid gap-1">
                  <AreaLinks areas={shell.areas} stacked />
                </nav>
                <div className="mt-2 border-t border-border pt-2">
                  <SignOutButton />
                </div>
              </div>
            </details>
          </div>
        </div>
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 outline-none min-[641px]:px-6 min-[641px]:py-8"
      >
        {children}
      </main>
    </div>
  );
}
