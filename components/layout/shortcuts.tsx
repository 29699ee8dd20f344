"use client";

import { useEffect, useRef } from "react";
import { matchShortcut, SHORTCUTS, type ShortcutId } from "@/lib/ui/shortcuts";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** Runs the page's handler for each shortcut pressed; "?" opens the sheet. */
export function useShortcuts(handlers: Partial<Record<ShortcutId, () => void>>, openSheet: () => void) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const id = matchShortcut({ key: event.key, code: event.code, ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: event.shiftKey, altKey: event.altKey, typing: isTyping(event.target) });
      if (!id) return;
      // Esc inside an open dialog closes the dialog, nothing else.
      if (id === "stop" && document.querySelector("dialog[open]")) return;
      const handler = id === "help" ? openSheet : latest.current[id];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [openSheet]);
}

/** The list of shortcuts, as a modal dialog (Esc or the button closes it). */
export function ShortcutSheet({ dialogRef }: { dialogRef: React.RefObject<HTMLDialogElement | null> }) {
  return (
    <Dialog dialogRef={dialogRef} data-testid="shortcut-sheet" aria-labelledby="shortcut-sheet-title">
      <h2 id="shortcut-sheet-title" className="mb-2 font-semibold">
        Keyboard shortcuts
      </h2>
      <table>
        <tbody>
          {[{ keys: "Ctrl/⌘ + Enter", description: "Send the message" }, ...SHORTCUTS].map((s) => (
            <tr key={s.keys}>
              <td className="py-0.5 pr-4">
                <kbd className="rounded border border-zinc-300 px-1 font-mono text-xs dark:border-zinc-700">{s.keys}</kbd>
              </td>
              <td className="py-0.5">{s.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog" className="mt-3 text-right">
        <Button type="submit" size="sm" data-testid="close-shortcut-sheet">
          Close
        </Button>
      </form>
    </Dialog>
  );
}

/** The sheet plus its opener; use with useShortcuts. */
export function useShortcutSheet() {
  const dialogRef = useRef<HTMLDialogElement | null>(null);
  const open = useRef(() => {
    if (!dialogRef.current?.open) dialogRef.current?.showModal();
  }).current;
  return { dialogRef, open };
}
