import type { ReactNode } from "react";
import { ShieldCheck } from "@phosphor-icons/react";

export function AuthLayout({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <main id="main" tabIndex={-1} className="flex min-h-screen items-center justify-center p-6 outline-none">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex items-center gap-2 text-brand">
          <ShieldCheck size={32} weight="duotone" aria-hidden />
          <span className="font-display text-2xl font-semibold text-text">OpenInsure</span>
        </div>
        <div className="rounded-lg border border-border bg-surface p-6 shadow-sm">
          <h1 className="mb-6 text-2xl font-semibold">{title}</h1>
          {children}
        </div>
        {footer ? <div className="mt-4 text-center text-sm text-text-muted">{footer}</div> : null}
      </div>
    </main>
  );
}
