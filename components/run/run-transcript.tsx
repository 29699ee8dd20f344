"use client";

import { MessageItem } from "@/components/playground/message-item";
import type { RunRecord } from "@/lib/runs/run-record";
import { recordToMessages } from "./record-messages";

/** A stored run, read-only: messages with attachments, reasoning, answer, stats, cost, errors. */
export function RunTranscript({ record }: { record: RunRecord }) {
  return (
    <div data-testid="run-transcript" data-run-id={record.id} className="space-y-2">
      {record.system && (
        <p data-testid="run-system" className="rounded border border-dashed border-zinc-300 p-2 text-xs text-zinc-500 dark:border-zinc-700">
          System: {record.system}
        </p>
      )}
      {recordToMessages(record).map((message) => (
        <MessageItem key={message.id} message={message} streaming={false} isLastUser={false} isLastAssistant={false} busy liveTtftMs={null} onEdit={() => undefined} onRegenerate={() => undefined} />
      ))}
    </div>
  );
}
