import type { RunRow } from "@/db/schema";
import type { RunStatusName, RunSummary } from "./run-types";

/** A run as the HTTP API returns it (DESIGN.md: GET /api/runs/:id). */
export function toRunRecord(row: RunRow & { contentHidden?: boolean }, author?: { name: string } | null, apiKeyName?: string | null) {
  return {
    id: row.id,
    status: row.status,
    provider: row.provider,
    model: row.model,
    params: row.params,
    system: row.system,
    messages: row.messages,
    output: { text: row.outputText, reasoning: row.outputReasoning, toolCalls: row.toolCalls },
    finishReason: row.finishReason,
    usage: {
      inputTokens: row.inputTokens,
      outputTokens: row.outputTokens,
      reasoningTokens: row.reasoningTokens,
      cachedInputTokens: row.cachedInputTokens,
      estimated: row.usageEstimated,
    },
    costUsd: row.costUsd,
    providerCostUsd: row.providerCostUsd,
    providerReport: row.providerReport,
    attachmentsSent: row.attachmentsSent,
    ttftMs: row.ttftMs,
    durationMs: row.durationMs,
    tokensPerSecond: row.tokensPerSecond,
    overheadMs: row.overheadMs,
    error: row.errorCode ? { code: row.errorCode, message: row.errorMessage ?? "" } : null,
    compareGroupId: row.compareGroupId,
    compareColumn: row.compareColumn,
    conversationId: row.conversationId,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    shareId: row.shareId,
    userId: row.userId,
    apiKeyId: row.apiKeyId,
    /** Set for runs that came through the API gateway: the key's name. */
    apiKeyName: row.apiKeyId ? (apiKeyName ?? "(deleted key)") : null,
    visibility: row.visibility,
    /** Came in through a bundle import: its numbers are shown but never count as spend. */
    imported: row.imported,
    author: author ? { name: author.name } : null,
    /** True when the viewer sees this run's numbers but not its text (an admin's view of a private run). */
    contentHidden: row.contentHidden ?? false,
  };
}
export type RunRecord = ReturnType<typeof toRunRecord>;

/** A stored run's numbers in the shape the stats view shows (status may still be streaming). */
export function summaryFromRecord(record: RunRecord): Omit<RunSummary, "status"> & { status: RunStatusName } {
  return {
    status: record.status,
    ttftMs: record.ttftMs,
    durationMs: record.durationMs ?? 0,
    tokensPerSecond: record.tokensPerSecond,
    finishReason: record.finishReason,
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
}
