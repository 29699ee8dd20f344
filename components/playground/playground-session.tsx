"use client";

import { useLayoutEffect, useState, type ComponentProps } from "react";
import { Playground, type StartingDraft } from "./playground";
import { readTabDraft } from "./tab-draft";

// The playground with this tab's saved state: a draft from the server (a fork
// or a reopened run) wins; otherwise what this tab had before a reload comes
// back. sessionStorage exists only in the browser, so the playground renders
// once the browser has read it: nothing can be typed into a page that is then
// replaced by the restored one.

type Start = { ready: false } | { ready: true; draft: StartingDraft | null | undefined };

export function PlaygroundSession(props: ComponentProps<typeof Playground>) {
  const [start, setStart] = useState<Start>({ ready: false });
  useLayoutEffect(() => {
    const saved = props.draft ? null : readTabDraft();
    setStart({ ready: true, draft: saved ? { ...saved, origin: "tab" } : props.draft });
  }, [props.draft]);
  if (!start.ready) {
    return (
      <main className="flex h-dvh items-center justify-center text-sm text-muted" data-testid="playground-loading">
        Loading the playground…
      </main>
    );
  }
  return <Playground {...props} draft={start.draft} />;
}
