import { ShieldCheck, SignOut, UserSwitch } from "@phosphor-icons/react";
import type { ReactNode } from "react";
import { Form, NavLink } from "react-router";
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

export function PortalShell({ shell, children }: { shell: ShellData; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      {shell.user.impersonatedBy ? (
        <div className="flex items-center justify-center gap-3 bg-warning px-4 py-2 text-sm font-medium text-black" role="status">
          <UserSwitch size={18} aria-hidden />
          You are impersonating {shell.user.name} ({shell.user.email}).
          <Form method="post" action="/impersonation">
            <input type="hidden" name="intent" value="stop" />
            <button type="submit" className="underline underline-offset-4">Stop impersonating</button>
          </Form>
        </div>
      ) : null}
      <header className="border-b border-border bg-surface">
        <div className="mx-auto flex max-w-7xl items-center gap-6 px-6 py-3">
          <a href="/" className="flex items-center gap-2 text-brand">
            <ShieldCheck size={26} weight="duotone" aria-hidden />
            <span className="font-display text-lg font-semibold text-text">OpenInsure</span>
          </a>
          <nav aria-label="Areas" className="flex flex-1 flex-wrap gap-1">
            {shell.areas.map((area) => (
              <NavLink
                key={area.id}
                to={area.path}
                className={({ isActive }) =>
                  cx("rounded-md px-3 py-1.5 text-sm", isActive ? "bg-brand/15 font-medium text-brand-strong" : "text-text-muted hover:bg-surface-muted")
                }
              >
                {area.label}
              </NavLink>
            ))}
          </nav>
          <div className="flex items-center gap-4 text-sm">
            <NotificationBell bell={shell.bell} />
            <div className="text-right leading-tight">
              <div className="font-medium">{shell.user.name}</div>
              <div className="text-xs text-text-muted">{shell.orgName ?? "Platform"}</div>
            </div>
            <Form method="post" action="/sign-out">
              <button type="submit" className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-text-muted hover:bg-surface-muted">
                <SignOut size={18} aria-hidden /> Sign out
              </button>
            </Form>
          </div>
        </div>
      </header>
      <main className="mx-auto w-full max-w-7xl flex-1 px-6 py-8">{children}</main>
    </div>
  );
}
