import { Link, useLocation } from "react-router";
import { THEMES, type Theme, themeHref } from "../utils/theme.ts";

const LABELS: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

/** Light, dark or the system's: plain links, so it works before (and without) JavaScript. */
export function ThemeSwitch({ current }: { current: Theme }) {
  const { pathname, search } = useLocation();
  return (
    <nav aria-label="Theme" className="flex justify-end gap-3 px-4 py-3 text-xs text-text-muted">
      <span>Theme:</span>
      {THEMES.map((theme) =>
        theme === current ? (
          <span key={theme} aria-current="true" className="font-medium text-text">
            {LABELS[theme]}
          </span>
        ) : (
          <Link
            key={theme}
            to={themeHref(pathname, search, theme)}
            className="underline underline-offset-2"
            reloadDocument
          >
            {LABELS[theme]}
          </Link>
        ),
      )}
    </nav>
  );
}
