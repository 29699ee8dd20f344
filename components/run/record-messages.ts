import type { PlaygroundMessage } from "@/components/playground/message-item";
import { summaryFromRecord, type RunRecord } from "@/lib/runs/run-record";
import type { RunSummary } from "@/lib/runs/run-types";
import { expectedJson } from "@/lib/structured-output/response-format";

/** A stored run as chat messages: its input, then its answer carrying the stored numbers. */
export function recordToMessages(record: RunRecord): PlaygroundMessage[] {
  const { status, ...numbers } = summaryFromRecord(record);
  const summary: RunSummary | undefined = status === "streaming" ? undefined : { status, ...numbers };
  const expected = expectedJson(record.params.response_format);
  const answer: PlaygroundMessage = {
    id: `${record.id}-answer`,
    role: "assistant",
    metadata: { runId: record.id, provider: record.provider, model: record.model, attachmentsSent: record.attachmentsSent, summary, ...(expected ? { expectedJson: expected } : {}) },
    parts: [
      ...(record.output.reasoning ? [{ type: "reasoning" as const, text: record.output.reasoning }] : []),
      ...(record.output.text ? [{ type: "text" as const, text: record.output.text }] : []),
      // A call the run ended on waits for its result (given when the run is continued in the playground).
      ...record.output.toolCalls.map((call) => ({ type: "dynamic-tool" as const, toolName: call.toolName, toolCallId: call.toolCallId, state: "input-available" as const, input: call.input })),
    ],
  };
  return [...(record.messages as PlaygroundMessage[]), answer];
}
