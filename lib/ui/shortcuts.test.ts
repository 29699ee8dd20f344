import { describe, expect, it } from "vitest";
import { matchShortcut, SHORTCUTS, type KeyEventLike } from "./shortcuts";

const press = (key: string, extra: Partial<KeyEventLike> = {}): KeyEventLike => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, typing: false, ...extra });

describe("keyboard shortcuts", () => {
  it("Esc stops, even while typing in the message box", () => {
    expect(matchShortcut(press("Escape", { typing: true }))).toBe("stop");
  });

  it("/ and ? act only outside text fields, where they would otherwise type", () => {
    expect(matchShortcut(press("/"))).toBe("focusComposer");
    expect(matchShortcut(press("?", { shiftKey: true }))).toBe("help");
    expect(matchShortcut(press("/", { typing: true }))).toBeNull();
    expect(matchShortcut(press("?", { shiftKey: true, typing: true }))).toBeNull();
  });

  it("Ctrl or ⌘ chords, with Shift only where named", () => {
    expect(matchShortcut(press("O", { ctrlKey: true, shiftKey: true, typing: true }))).toBe("newChat");
    expect(matchShortcut(press("o", { metaKey: true, shiftKey: true }))).toBe("newChat");
    expect(matchShortcut(press("o", { ctrlKey: true }))).toBeNull();
    expect(matchShortcut(press("b", { ctrlKey: true }))).toBe("toggleParams");
    expect(matchShortcut(press("B", { ctrlKey: true, shiftKey: true }))).toBeNull();
  });

  it("Alt + C by the physical key, as macOS types ç", () => {
    expect(matchShortcut(press("ç", { altKey: true, code: "KeyC" }))).toBe("switchPage");
    expect(matchShortcut(press("c"))).toBeNull();
  });

  it("every shortcut has a description for the sheet", () => {
    for (const s of SHORTCUTS) expect(s.description.length).toBeGreaterThan(5);
  });
});
