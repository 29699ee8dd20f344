import type { PlaygroundMessage } from "@/components/playground/message-item";
import type { RunRecord } from "@/lib/runs/run-record";
import type { RunSummary } from "@/lib/runs/run-types";

/** A stored run as chat messages: its input, then its answer carrying the stored numbers. */
export function recordToMessages(record: RunRecord): PlaygroundMessage[] {
  const summary: RunSummary | undefined =
    record.status === "streaming"
      ? undefined
      : {
          status: record.status,
          ttftMs: record.ttftMs,
          durationMs: record.durationMs ?? 0,
          tokensPerSecond: record.tokensPerSecond,
          inputTokens: record.usage.inputTokens,
          outputTokens: record.usage.outputTokens,
          reasoningTokens: record.usage.reasoningTokens,
          cachedInputTokens: record.usage.cachedInputTokens,
          usageEstimated: record.usage.estimated,
          costUsd: record.costUsd,
          providerCostUsd: record.providerCostUsd,
          providerReport: record.providerReport,
          error: record.error,
        };
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
