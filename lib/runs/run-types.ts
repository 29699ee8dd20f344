// Types shared by the server (which produces them) and the browser (which shows them).

export type RunStatusName = "streaming" | "done" | "error" | "aborted" | "interrupted";

export type RunSummary = {
  status: Exclude<RunStatusName, "streaming">;
  ttftMs: number | null;
  durationMs: number;
  tokensPerSecond: number | null;
  /** Why the model stopped, as the provider said it (stop, length, tool_calls, content_filter, ...); null when it never said. */
  finishReason: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  reasoningTokens: number | null;
  cachedInputTokens: number | null;
  usageEstimated: boolean;
  costUsd: number | null;
  providerCostUsd: number | null;
  providerReport: { toolUsage?: Record<string, number>; remainingCredits?: number; notes?: string[] };
  error: { code: string; message: string } | null;
};

export type AttachmentSentView = { uploadId: string; mediaType: string; form: "data-url" | "frames"; bytesSent: number; frames?: number; fps?: number };

/** Metadata on each assistant message of the UI stream. */
export type RunMessageMetadata = { runId: string; provider: string; model: string; attachmentsSent?: AttachmentSentView[]; summary?: RunSummary };
