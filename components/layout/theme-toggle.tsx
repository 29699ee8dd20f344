"use client";

import { useState, useSyncExternalStore } from "react";
import { parseTheme, themeClass, themeCookie, THEMES, type Theme } from "@/lib/ui/theme";

const readTheme = (): Theme => parseTheme(document.documentElement.dataset.theme);
const noSubscription = () => () => undefined;

/** Light, dark or the system's: applied at once and remembered (a cookie the server renders with). */
export function ThemeToggle() {
  // The page was rendered in the remembered theme (data-theme on <html>); the server's snapshot keeps hydration quiet.
  const rendered = useSyncExternalStore(noSubscription, readTheme, () => "system" as Theme);
  const [chosen, setChosen] = useState<Theme | null>(null);
  const theme = chosen ?? rendered;
  const choose = (next: Theme) => {
    setChosen(next);
    const root = document.documentElement;
    root.classList.remove(...THEMES);
    if (themeClass(next)) root.classList.add(themeClass(next));
    root.dataset.theme = next;
    document.cookie = themeCookie(next);
  };
  return (
    <select
      data-testid="theme-select"
      aria-label="Theme"
      value={theme}
      onChange={(e) => choose(parseTheme(e.target.value))}
      className="h-7 rounded border border-zinc-300 bg-white px-1 text-xs dark:border-zinc-700 dark:bg-zinc-900"
    >
      <option value="system">system theme</option>
      <option value="light">light</option>
      <option value="dark">dark</option>
    </select>
  );
}
