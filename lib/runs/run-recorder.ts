import "server-only";
import { InvalidResponseDataError, type LanguageModelUsage, type TextStreamPart, type ToolSet } from "ai";
import type { Pricing } from "@/lib/catalog/schema";
import { checkpointRun, finishRun, saveRunExchange, type RunFinish } from "@/db/queries";
import type { ProviderReport, StoredToolCall } from "@/db/schema";
import { explainCost } from "@/lib/pricing/explain-cost";
import type { ProviderAdapter } from "@/lib/providers/types";
import type { UpstreamObservation } from "@/lib/providers/upstream-fetch";
import type { RunError } from "./describe-error";
import { computeRunMetrics } from "./run-metrics";
import { instanceId } from "./run-leases";
import type { RunMessageMetadata, RunSummary } from "./run-types";


/** How often partial output is saved while streaming (survives a crash). */
const CHECKPOINT_EVERY_MS = 2000;

/**
 * Watches one run's stream as it passes through the proxy: times the first and
 * last token, keeps the text, reasoning, tool calls and usage, and finishes the
 * database row exactly once, whatever way the stream ends.
 */
export class RunRecorder {
  private readonly startedAt = performance.now();
  private readonly receivedAt: number;
  private firstTokenAt: number | null = null;
  private lastTokenAt: number | null = null;
  private text = "";
  private reasoning = "";
  private deltaCount = 0;
  private toolCalls: StoredToolCall[] = [];
  private usage: LanguageModelUsage | null = null;
  /** The provider's own usage object, to tell "reported 0" from "not reported". */
  private rawUsage: Record<string, unknown> | undefined;
  private finishReason: string | null = null;
  private error: RunError | null = null;
  private providerCostUsd: number | null = null;
  private report: ProviderReport = {};
  private aborted = false;
  /** Set when the server shuts down under the run: it ends `interrupted`, not `aborted`. */
  private interrupted = false;
  private settled: Promise<RunSummary> | null = null;
  private lastCheckpointAt = performance.now();
  /** Saves the text every 2 s while it streams, even when no token comes to trigger it. */
  private readonly heartbeat: ReturnType<typeof setInterval>;

  private readonly upstream: UpstreamObservation;
  private readonly estimatedInputTokens: number | null;
  /** Resolves once the run's row exists: every later write waits for it. */
  readonly recorded: Promise<unknown>;
  private readonly describe: (error: unknown) => RunError;
  private readonly readReport: ProviderAdapter["readReport"];

  constructor(
    readonly runId: string,
    private readonly pricing: Pricing | null,
    options: {
      /** What the upstream answered, with content events counted before coalescing. */
      observation?: UpstreamObservation;
      describe: (error: unknown) => RunError;
      readReport?: ProviderAdapter["readReport"];
      /** The row's write, when it happens after the upstream call started (admission.ts). */
      recorded?: Promise<unknown>;
      /** The prompt's estimated tokens: a run that ends without a usage report (stopped) is billed with them. */
      estimatedInputTokens?: number;
      /** When the request reached the proxy (performance.now()), for the proxy's own overhead. */
      receivedAt?: number;
    },
  ) {
    this.receivedAt = options.receivedAt ?? this.startedAt;
    this.upstream = options.observation ?? { contentEvents: 0 };
    this.recorded = options.recorded ?? Promise.resolve();
    this.estimatedInputTokens = options.estimatedInputTokens ?? null;
    this.heartbeat = setInterval(() => {
      this.lastCheckpointAt = performance.now();
      this.checkpoint();
    }, CHECKPOINT_EVERY_MS);
    this.heartbeat.unref?.();
    this.describe = options.describe;
    this.readReport = options.readReport;
  }

  /**
   * The run's clock: from the moment its request was written to the socket (or
   * handed to fetch, where no socket is involved) to the reads that carried its
   * first and last tokens, taken before any batching. The recorder's own times
   * (after the SDK's pipeline) are the fallback for paths without them.
   */
  private timings() {
    const upstream = this.upstream;
    const startedAt = upstream.sentAt ?? upstream.fetchStartedAt ?? this.startedAt;
    const firstTokenAt = this.firstTokenAt === null ? null : (upstream.firstContentAt ?? this.firstTokenAt);
    const lastTokenAt = this.lastTokenAt === null ? null : (upstream.lastContentAt ?? this.lastTokenAt);
    return { startedAt, firstTokenAt, lastTokenAt };
  }

  /** What the proxy spent before the request left (validation, admission, building the request), ms; null before it left. */
  get overheadMs(): number | null {
    const sent = this.upstream.sentAt ?? this.upstream.fetchStartedAt;
    return sent === undefined ? null : Math.round((sent - this.receivedAt) * 10) / 10;
  }

  get ttftMs(): number | null {
    const { startedAt, firstTokenAt } = this.timings();
    return firstTokenAt === null ? null : Math.round((firstTokenAt - startedAt) * 10) / 10;
  }

  private markToken(): void {
    const now = performance.now();
    if (this.firstTokenAt === null) this.firstTokenAt = now;
    this.lastTokenAt = now;
    this.deltaCount++;
    if (now - this.lastCheckpointAt >= CHECKPOINT_EVERY_MS) {
      this.lastCheckpointAt = now;
      this.checkpoint();
    }
  }

  private checkpointedLength = 0;

  /** Fire and forget: a failed checkpoint must not disturb the stream. Nothing new, nothing written (the lease is the instance's, run-leases.ts). */
  private checkpoint(): void {
    const length = this.text.length + this.reasoning.length;
    if (length === this.checkpointedLength) return;
    this.checkpointedLength = length;
    const output = { outputText: this.text, outputReasoning: this.reasoning };
    this.recorded.then(() => checkpointRun(this.runId, output)).catch(() => undefined);
  }

  observe(part: TextStreamPart<ToolSet>): void {
    switch (part.type) {
      case "text-delta":
        this.markToken();
        this.text += part.text;
        break;
      case "reasoning-delta":
        this.markToken();
        this.reasoning += part.text;
        break;
      case "tool-call":
        this.toolCalls.push({ toolCallId: part.toolCallId, toolName: part.toolName, input: part.input });
        break;
      case "finish-step":
        this.finishReason = part.rawFinishReason ?? part.finishReason;
        this.rawUsage = part.usage.raw as Record<string, unknown> | undefined;
        this.addReport(this.rawUsage, part.response.headers);
        break;
      case "finish":
        this.usage = part.totalUsage;
        this.finishReason = this.finishReason ?? part.finishReason;
        break;
      case "error":
        this.error ??= this.describe(part.error);
        break;
      case "abort":
        this.aborted = true;
        break;
    }
  }

  private addReport(usage: Record<string, unknown> | undefined, headers: Record<string, string> | undefined): void {
    const step = this.readReport?.({ usage, headers: headers ?? this.upstream.headers });
    if (!step) return;
    if (step.providerCostUsd !== undefined) this.providerCostUsd = (this.providerCostUsd ?? 0) + step.providerCostUsd;
    if (step.toolUsage) {
      const merged = { ...this.report.toolUsage };
      for (const [tool, count] of Object.entries(step.toolUsage)) if (typeof count === "number") merged[tool] = (merged[tool] ?? 0) + count;
      this.report.toolUsage = merged;
    }
    if (step.remainingCredits !== undefined) this.report.remainingCredits = step.remainingCredits;
    if (step.notes) this.report.notes = [...new Set([...(this.report.notes ?? []), ...step.notes])];
  }

  markAborted(): void {
    this.aborted = true;
  }

  markInterrupted(): void {
    this.interrupted = true;
  }

  private markFinished: (summary: RunSummary) => void = () => undefined;
  /** Resolves once the final row is written. */
  readonly finished = new Promise<RunSummary>((resolve) => (this.markFinished = resolve));

  /** Usage as reported, or (for a stopped run) counted from the deltas we received. */
  private resolvedUsage() {
    const u = this.usage;
    if (u && u.outputTokens !== undefined) {
      // The SDK fills missing details with 0; a provider that did not report them gets null (unknown).
      const raw = this.rawUsage as { completion_tokens_details?: { reasoning_tokens?: unknown }; prompt_tokens_details?: { cached_tokens?: unknown } } | undefined;
      const reported = (value: unknown, sdkValue: number | undefined) => (raw && value === undefined ? null : (sdkValue ?? null));
      return {
        inputTokens: u.inputTokens ?? null,
        outputTokens: u.outputTokens ?? null,
        reasoningTokens: reported(raw?.completion_tokens_details?.reasoning_tokens, u.outputTokenDetails?.reasoningTokens),
        cachedInputTokens: reported(raw?.prompt_tokens_details?.cached_tokens, u.inputTokenDetails?.cacheReadTokens),
        estimated: false,
      };
    }
    // No usage report (stopped, or the stream broke): bill what streamed, marked as estimated.
    // Each upstream delta event is about one token; the prompt is the admission's estimate.
    const counted = Math.max(this.deltaCount, this.upstream.contentEvents);
    return { inputTokens: this.estimatedInputTokens, outputTokens: counted, reasoningTokens: null, cachedInputTokens: null, estimated: true };
  }

  summary(status: RunFinish["status"]): RunSummary {
    const usage = this.resolvedUsage();
    const metrics = computeRunMetrics(
      { ...this.timings(), endedAt: performance.now() },
      usage.outputTokens,
      (this.upstream.contentReads ?? 0) <= 1,
    );
    const cost = explainCost({
      pricing: this.pricing,
      usage: {
        inputTokens: usage.inputTokens,
        outputTokens: usage.outputTokens,
        reasoningTokens: usage.reasoningTokens,
        cachedInputTokens: usage.cachedInputTokens,
        toolCalls: this.report.toolUsage,
      },
      providerCostUsd: this.providerCostUsd,
      failedBeforeFirstToken: status === "error" && this.firstTokenAt === null && this.toolCalls.length === 0 && !this.usage?.outputTokens,
    });
    const notes = [...new Set([...(this.report.notes ?? []), ...cost.notes])];
    return {
      ...metrics,
      overheadMs: this.overheadMs,
      status,
      finishReason: this.finishReason,
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      reasoningTokens: usage.reasoningTokens,
      cachedInputTokens: usage.cachedInputTokens,
      usageEstimated: usage.estimated,
      costUsd: cost.costUsd,
      providerCostUsd: this.providerCostUsd,
      providerReport: notes.length ? { ...this.report, notes } : this.report,
      error:
        status === "error"
          ? (this.error ?? { code: "upstream_error", message: "The stream ended with an error." })
          : status === "interrupted"
            ? { code: "interrupted", message: "The server shut down while this run was streaming; the text so far is kept." }
            : null,
    };
  }

  private currentStatus(): RunFinish["status"] {
    if (this.interrupted) return "interrupted";
    if (this.aborted) return "aborted";
    if (this.error) return "error";
    if (this.usage === null) return "error";
    return "done";
  }

  /** What the provider sent that the SDK does not surface: reasoning details to send back, token logprobs. */
  extras(): Pick<RunMessageMetadata, "reasoningDetails" | "logprobs"> {
    const capture = this.upstream.capture;
    const details = capture?.reasoningDetails() ?? [];
    const logprobs = capture?.logprobs() ?? [];
    return { ...(details.length ? { reasoningDetails: details } : {}), ...(logprobs.length ? { logprobs } : {}) };
  }

  /** The raw exchange is a convenience: failing to keep it never fails the run. */
  private async saveExchange(): Promise<void> {
    const exchange = this.upstream.capture?.exchange();
    if (!exchange) return;
    await saveRunExchange(this.runId, exchange).catch((error) =>
      console.warn(`[run ${this.runId}] could not keep the raw exchange:`, error instanceof Error ? error.message : error),
    );
  }

  /** Write the final row once; later calls return the same summary. */
  settle(): Promise<RunSummary> {
    if (!this.settled) {
      clearInterval(this.heartbeat);
      const status = this.currentStatus();
      if (status === "error" && !this.error) {
        this.error = this.describe(new InvalidResponseDataError({ data: null, message: "The stream ended without a finish reason." }));
      }
      const summary = this.summary(status);
      this.settled = this.recorded.then(() => finishRun(this.runId, {
        status,
        outputText: this.text,
        outputReasoning: this.reasoning,
        toolCalls: this.toolCalls,
        finishReason: this.finishReason,
        inputTokens: summary.inputTokens,
        outputTokens: summary.outputTokens,
        reasoningTokens: summary.reasoningTokens,
        cachedInputTokens: summary.cachedInputTokens,
        usageEstimated: summary.usageEstimated,
        costUsd: summary.costUsd,
        providerCostUsd: summary.providerCostUsd,
        providerReport: summary.providerReport,
        ttftMs: summary.ttftMs,
        durationMs: summary.durationMs,
        tokensPerSecond: summary.tokensPerSecond,
        overheadMs: summary.overheadMs ?? null,
        errorCode: summary.error?.code ?? null,
        errorMessage: summary.error?.message ?? null,
      }, undefined, instanceId()))
        // The exchange goes with this instance's final write; a row that is gone (deleted, restored over) gets none.
        .then((finished) => (finished ? this.saveExchange() : undefined))
        .then(() => summary)
        .catch((error) => {
          console.error(`[run ${this.runId}] could not record the finish:`, error instanceof Error ? error.message : error);
          return summary;
        });
      void this.settled.then(this.markFinished);
    }
    return this.settled;
  }
}
