import { NavLink } from "react-router";
import { cx } from "./ui.tsx";

type Page = { to: string; label: string; end: boolean };

const COMPLIANCE_PAGES: Page[] = [
  { to: "/compliance", label: "Dashboard", end: true },
  { to: "/compliance/bordereaux", label: "Bordereaux", end: false },
  { to: "/compliance/authority", label: "Delegated authority", end: false },
  { to: "/compliance/licences", label: "Licences", end: false },
  { to: "/compliance/filings", label: "Filings", end: false },
  { to: "/compliance/audit-log", label: "Audit log", end: false },
  { to: "/compliance/phi-access", label: "PHI access log", end: false },
];

const CARRIER_PAGES: Page[] = [
  { to: "/carrier", label: "Overview", end: true },
  { to: "/carrier/bordereaux", label: "Bordereaux", end: false },
  { to: "/carrier/authority", label: "Delegated authority", end: false },
];

/** The compliance and carrier areas' own pages. */
export function AreaNav({ area }: { area: "compliance" | "carrier" }) {
  const pages = area === "compliance" ? COMPLIANCE_PAGES : CARRIER_PAGES;
  return (
    <nav
      aria-label={area === "compliance" ? "Compliance" : "Carrier"}
      className="mb-6 flex flex-wrap gap-1 border-b border-border pb-2"
    >
      {pages.map((page) => (
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
