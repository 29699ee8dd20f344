// The colour theme a person picked: kept in a cookie so the server renders the
// page in it (no flash of the wrong theme, no inline script under the CSP).

export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "theme";

export function parseTheme(value: string | undefined | null): Theme {
  return (THEMES as readonly string[]).includes(value ?? "") ? (value as Theme) : "system";
}

/** The class on <html>: none for "system" (then the operating system decides, see globals.css). */
export function themeClass(theme: Theme): string {
  return theme === "system" ? "" : theme;
}

/** A year; readable by the page's script (the toggle) and sent with every request. */
export function themeCookie(theme: Theme): string {
  return `${THEME_COOKIE}=${theme}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
