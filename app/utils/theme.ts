/**
 * The in-app light/dark choice: "system" follows the OS (prefers-color-scheme); "light" and "dark"
 * override it. Kept in a cookie so the server renders the chosen theme (no flash, no JavaScript):
 * a plain link adds `?theme=dark` to the current address, the root loader stores it and redirects
 * back to the same address without it.
 */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_COOKIE = "oi_theme";
const isTheme = (value: string | null | undefined): value is Theme => THEMES.includes(value as Theme);

export function themeFromCookie(header: string | null): Theme {
  for (const part of (header ?? "").split(";")) {
    const [name, value] = part.trim().split("=", 2);
    if (name === THEME_COOKIE && isTheme(value)) return value;
  }
  return "system";
}

/** Set-Cookie for a choice: a year for light or dark; "system" removes the cookie. */
export function themeCookie(theme: Theme): string {
  return theme === "system"
    ? `${THEME_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax`
    : `${THEME_COOKIE}=${theme}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

/** A `?theme=` request: the theme and the same address without the parameter. Null otherwise. */
export function themeChange(url: URL): { theme: Theme; redirectTo: string } | null {
  const theme = url.searchParams.get("theme");
  if (!isTheme(theme)) return null;
  const rest = new URLSearchParams(url.searchParams);
  rest.delete("theme");
  const query = rest.toString();
  return { theme, redirectTo: `${url.pathname}${query ? `?${query}` : ""}` };
}

/** The link that switches to a theme from the current address, keeping its other parameters. */
export function themeHref(pathname: string, search: string, theme: Theme): string {
  const params = new URLSearchParams(search);
  params.set("theme", theme);
  return `${pathname}?${params.toString()}`;
}
