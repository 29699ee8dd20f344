"use client";

import { useLayoutEffect, useState, type ComponentProps } from "react";
import { Playground, type StartingDraft } from "./playground";
import { readTabDraft } from "./tab-draft";

// The playground with this tab's saved state: a draft from the server (a fork
// or a reopened run) wins; otherwise what this tab had before a reload comes
// back. sessionStorage exists only in the browser, so a restore remounts the
// playground once after hydration.

export function PlaygroundSession(props: ComponentProps<typeof Playground>) {
  const [restored, setRestored] = useState<StartingDraft | null>(null);
  // A layout effect: it runs before the playground's own (passive) effect saves its fresh state over the stored one.
  useLayoutEffect(() => {
    if (props.draft) return;
    const saved = readTabDraft();
    if (saved) setRestored({ ...saved, origin: "tab" });
  }, [props.draft]);
  return <Playground key={restored ? "restored" : "initial"} {...props} draft={restored ?? props.draft} />;
}
