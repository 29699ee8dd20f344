// Types shared by the server (which produces them) and the browser (which shows them).

export type RunStatusName = "streaming" | "done" | "error" | "aborted" | "interrupted";

export type RunSummary = {
  status: Exclude<RunStatusName, "streaming">;
  ttftMs: number | null;
  durationMs: number;
  tokensPerSecond: number | null;
  /** The proxy's own time before the request left, ms (not part of TTFT). */
  overheadMs?: number | null;
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
  /** `upstreamStatus`, `retryAfterS` and `neverSent` say how the provider failed (lib/runs/describe-error.ts). */
  error: { code: string; message: string; upstreamStatus?: number; retryAfterS?: number; neverSent?: boolean } | null;
};

type AttachmentSentView = { uploadId: string; mediaType: string; form: "data-url" | "frames"; bytesSent: number; frames?: number; fps?: number };

/** One answer token with its log probability and the most likely alternatives (as the provider reported them). */
export type TokenLogprob = { token: string; logprob: number; top: { token: string; logprob: number }[] };

/** Metadata on each assistant message of the UI stream. */
export type RunMessageMetadata = {
  runId: string;
  provider: string;
  model: string;
  attachmentsSent?: AttachmentSentView[];
  summary?: RunSummary;
  /** The provider's structured reasoning (OpenRouter, AI Gateway), sent back unchanged with this message on the next turn. */
  reasoningDetails?: Record<string, unknown>[];
  /** Answer tokens with logprobs, when the run asked for them and the provider gave them. */
  logprobs?: TokenLogprob[];
  /** The run asked for structured output: the schema its answer is checked against (`true`: any JSON). */
  expectedJson?: Record<string, unknown> | true;
};
