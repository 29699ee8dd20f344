"use client";

import { MessageItem } from "@/components/playground/message-item";
import type { RunRecord } from "@/lib/runs/run-record";
import { recordToMessages } from "./record-messages";

/**
 * A stored run, read-only: messages with attachments, reasoning, answer, stats,
 * cost, errors. `shared`: shown through a share link, so the internal run id
 * (which leads to the run page and its share controls) is left out.
 */
export function RunTranscript({ record, shared = false }: { record: RunRecord; shared?: boolean }) {
  const messages = recordToMessages(record).map((m) => (shared && m.metadata ? { ...m, id: `${m.role}-${m.id.length}`, metadata: { ...m.metadata, runId: "" } } : m));
  return (
    <div data-testid="run-transcript" data-run-id={shared ? undefined : record.id} className="space-y-2">
      {record.system && (
        <p data-testid="run-system" className="rounded border border-dashed border-zinc-300 p-2 text-xs text-muted dark:border-zinc-700">
          System: {record.system}
        </p>
      )}
      {messages.map((message) => (
        <MessageItem key={message.id} message={message} streaming={false} busy={false} liveTtftMs={null} showRaw={!shared} />
      ))}
    </div>
  );
}
