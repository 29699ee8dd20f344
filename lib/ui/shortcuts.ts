// Keyboard shortcuts of the playground and compare: one list, shown on "?",
// matched in one place.

export type ShortcutId = "stop" | "focusComposer" | "newChat" | "toggleParams" | "switchPage" | "help";

export type Shortcut = {
  id: ShortcutId;
  keys: string;
  description: string;
  key: string;
  /** Ctrl on Linux and Windows, ⌘ on macOS. */
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
  /** Physical key, for Alt chords (macOS turns Alt+C into "ç"). */
  code?: string;
  /** Also while typing in a field (Esc and chords do; "/" and "?" would type a character). */
  whileTyping: boolean;
};

export const SHORTCUTS: Shortcut[] = [
  { id: "stop", keys: "Esc", description: "Stop the answer being streamed", key: "Escape", whileTyping: true },
  { id: "focusComposer", keys: "/", description: "Focus the message box", key: "/", whileTyping: false },
  { id: "newChat", keys: "Ctrl/⌘ + Shift + O", description: "New conversation (or comparison)", key: "o", mod: true, shift: true, whileTyping: true },
  { id: "toggleParams", keys: "Ctrl/⌘ + B", description: "Show or hide the parameters", key: "b", mod: true, whileTyping: true },
  { id: "switchPage", keys: "Alt + C", description: "Switch between the playground and compare", key: "c", alt: true, code: "KeyC", whileTyping: true },
  { id: "help", keys: "?", description: "This list of shortcuts", key: "?", whileTyping: false },
];

export type KeyEventLike = { key: string; code?: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean; typing: boolean };

/** Which shortcut a key press is, if any. */
export function matchShortcut(event: KeyEventLike): ShortcutId | null {
  const mod = event.ctrlKey || event.metaKey;
  for (const s of SHORTCUTS) {
    if (event.typing && !s.whileTyping) continue;
    if (Boolean(s.mod) !== mod || Boolean(s.alt) !== event.altKey) continue;
    // "?" is Shift+/ on most layouts: Shift only counts for chords that name it.
    if (s.mod && Boolean(s.shift) !== event.shiftKey) continue;
    const keyMatches = s.code && event.code ? event.code === s.code : event.key.toLowerCase() === s.key.toLowerCase();
    if (keyMatches) return s.id;
  }
  return null;
}
