"use client";

import { useState, useSyncExternalStore } from "react";
import { parseTheme, themeClass, themeCookie, THEMES, type Theme } from "@/lib/ui/theme";
import { NativeSelect } from "@/components/ui/native-select";

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
    <NativeSelect
      size="xs"
      data-testid="theme-select"
      aria-label="Theme"
      value={theme}
      onChange={(e) => choose(parseTheme(e.target.value))}
    >
      <option value="system">system theme</option>
      <option value="light">light</option>
      <option value="dark">dark</option>
    </NativeSelect>
  );
}
