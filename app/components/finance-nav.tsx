import { NavLink } from "react-router";
import { cx } from "./ui.tsx";

const PAGES = [
  { to: "/finance", label: "Invoices", end: true },
  { to: "/finance/ledger", label: "Ledger", end: false },
  { to: "/finance/journal", label: "Journal", end: false },
  { to: "/finance/reconciliation", label: "Reconciliation", end: false },
  { to: "/finance/statements", label: "Statements", end: false },
  { to: "/finance/aging", label: "Aging", end: false },
  { to: "/finance/balances", label: "Cash & balances", end: false },
];

/** The finance area's own pages. */
export function FinanceNav() {
  return (
    <nav aria-label="Finance" className="mb-6 flex flex-wrap gap-1 border-b border-border pb-2">
      {PAGES.map((page) => (
        <NavLink
          key={page.to}
          to={page.to}
          end={page.end}
          className={({ isActive }) =>
            cx(
              "rounded-md px-3 py-1.5 text-sm",
              isActive ? "bg-brand/15 font-medium text-brand-strong" : "text-text-muted hover:bg-surface-muted",
            )
          }
        >
          {page.label}
        </NavLink>
      ))}
    </nav>
  );
}
