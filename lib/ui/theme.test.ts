import { describe, expect, it } from "vitest";
import { parseTheme, themeClass, themeCookie } from "./theme";

describe("theme preference", () => {
  it("accepts the three choices and falls back to system for anything else", () => {
    expect(parseTheme("dark")).toBe("dark");
    expect(parseTheme("light")).toBe("light");
    expect(parseTheme("system")).toBe("system");
    expect(parseTheme("purple")).toBe("system");
    expect(parseTheme(undefined)).toBe("system");
  });

  it("puts a class on the page only for an explicit choice, and keeps it a year", () => {
    expect(themeClass("dark")).toBe("dark");
    expect(themeClass("system")).toBe("");
    expect(themeCookie("light")).toBe("theme=light; Path=/; Max-Age=31536000; SameSite=Lax");
  });
});
