import type { PlaygroundMessage } from "@/components/playground/message-item";
import { summaryFromRecord, type RunRecord } from "@/lib/runs/run-record";
import type { RunSummary } from "@/lib/runs/run-types";

/** A stored run as chat messages: its input, then its answer carrying the stored numbers. */
export function recordToMessages(record: RunRecord): PlaygroundMessage[] {
  const { status, ...numbers } = summaryFromRecord(record);
  const summary: RunSummary | undefined = status === "streaming" ? undefined : { status, ...numbers };
  const answer: PlaygroundMessage = {
    id: `${record.id}-answer`,
    role: "assistant",
    metadata: { runId: record.id, provider: record.provider, model: record.model, attachmentsSent: record.attachmentsSent, summary },
    parts: [
      ...(record.output.reasoning ? [{ type: "reasoning" as const, text: record.output.reasoning }] : []),
      ...(record.output.text ? [{ type: "text" as const, text: record.output.text }] : []),
    ],
  };
  return [...(record.messages as PlaygroundMessage[]), answer];
}
