"use client";

import { useEffect, useState } from "react";
import type { ConversationSummary } from "@/lib/runs/conversations";
import { formatRelativeTime } from "@/lib/format";

// Your playground conversations, newest first. Opening one loads its latest
// run (which holds the whole conversation) to continue from where it ended.

type Props = { currentId: string; refreshKey: string; onNew?: () => void };

export function ConversationList({ currentId, refreshKey, onNew }: Props) {
  const [conversations, setConversations] = useState<ConversationSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey changes when an answer finishes: that is when the list is read again
  useEffect(() => {
    let live = true;
    fetch("/api/conversations")
      .then(async (r) => {
        const json = await r.json();
        if (!r.ok) throw new Error(json?.error?.message ?? `HTTP ${r.status}`);
        if (live) setConversations(json.conversations as ConversationSummary[]);
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : "could not load"));
    return () => {
      live = false;
    };
  }, [refreshKey]);

  return (
    <details open data-testid="conversation-list" className="border-b border-zinc-200 p-3 text-xs dark:border-zinc-800">
      <summary className="cursor-pointer font-medium">Conversations</summary>
      <div className="mt-2 space-y-1">
        <button type="button" data-testid="conversation-new" disabled={!onNew} onClick={onNew} className="underline disabled:opacity-50">
          + New conversation
        </button>
        {error && <p role="alert" className="text-red-700 dark:text-red-300">Conversations could not be loaded: {error}</p>}
        {conversations?.length === 0 && <p className="text-muted">Your conversations appear here after the first answer.</p>}
        <ul className="max-h-48 space-y-0.5 overflow-y-auto">
          {conversations?.map((c) => (
            <li key={c.conversationId}>
              <a
                href={`/?run=${encodeURIComponent(c.runId)}`}
                data-testid="conversation-item"
                aria-current={c.conversationId === currentId ? "true" : undefined}
                title={`${c.title} · ${c.provider}/${c.model} · ${c.turns} message${c.turns === 1 ? "" : "s"}`}
                className="block truncate rounded border-l-2 border-transparent px-1 py-0.5 hover:underline aria-[current]:border-zinc-900 aria-[current]:font-medium dark:aria-[current]:border-zinc-100"
              >
                {c.title}
                <span className="text-muted"> · {formatRelativeTime(c.updatedAt)}</span>
              </a>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
