"use client";

import { useEffect, useState } from "react";
import { formatMs, formatRate, formatTokens, formatUsd } from "@/lib/format";
import { formatBytes } from "@/lib/uploads/upload-limits";
import { summaryFromRecord, type RunRecord } from "@/lib/runs/run-record";
import type { RunMessageMetadata } from "@/lib/runs/run-types";
import { cn } from "@/lib/utils";

type RunRecordView = ReturnType<typeof summaryFromRecord>;

/** Until the stream delivered a summary, ask the server for the stored run (stopped or failed runs). */
function useStoredRun(runId: string | undefined, enabled: boolean): RunRecordView | null {
  const [record, setRecord] = useState<RunRecordView | null>(null);
  useEffect(() => {
    if (!runId || !enabled) return;
    let cancelled = false;
    (async () => {
      for (let attempt = 0; attempt < 40 && !cancelled; attempt++) {
        const response = await fetch(`/api/runs/${runId}`).catch(() => null);
        if (response?.ok) {
          const view = summaryFromRecord((await response.json()) as RunRecord);
          if (view.status !== "streaming") {
            if (!cancelled) setRecord(view);
            return;
          }
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [runId, enabled]);
  return record;
}

function Stat({ label, value, testId, title }: { label: string; value: string; testId: string; title?: string }) {
  return (
    <span className="inline-flex items-baseline gap-1" title={title}>
      <span className="text-muted">{label}</span>
      <span data-testid={testId} className="font-mono text-zinc-700 dark:text-zinc-300">
        {value}
      </span>
    </span>
  );
}

const statusStyles: Record<string, string> = {
  done: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-300",
  streaming: "bg-blue-100 text-blue-800 dark:bg-blue-900/40 dark:text-blue-300",
  aborted: "bg-amber-100 text-amber-800 dark:bg-amber-900/40 dark:text-amber-300",
  error: "bg-red-100 text-red-800 dark:bg-red-900/40 dark:text-red-300",
  interrupted: "bg-zinc-200 text-zinc-700",
};

const FINISH_REASONS: Record<string, string> = {
  stop: "The model finished its answer (or hit a stop sequence)",
  length: "Cut off at max_tokens or the context window",
  tool_calls: "The model asked for a tool call",
  content_filter: "Stopped by the provider's content filter",
};

type Props = { metadata: RunMessageMetadata | undefined; streaming: boolean; liveTtftMs: number | null };

export function RunStats({ metadata, streaming, liveTtftMs }: Props) {
  const stored = useStoredRun(metadata?.runId, !streaming && !metadata?.summary);
  const stats: RunRecordView | null = metadata?.summary ?? stored;
  const status = streaming ? "streaming" : (stats?.status ?? "streaming");

  return (
    <div data-testid="run-stats" data-status={status} data-run-id={metadata?.runId} className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-[11px]">
      <span data-testid="run-status" className={cn("rounded px-1.5 py-0.5 font-medium", statusStyles[status])}>
        {status}
      </span>
      {metadata?.runId && !streaming && (
        <a data-testid="run-link" href={`/runs/${metadata.runId}`} className="text-muted underline hover:text-zinc-700">
          run details
        </a>
      )}
      <Stat label="TTFT" testId="stat-ttft" value={formatMs(stats?.ttftMs ?? liveTtftMs)} title="Time to first token, measured in the proxy" />
      {stats && (
        <>
          {stats.finishReason && <Stat label="finish" testId="stat-finish" value={stats.finishReason} title={FINISH_REASONS[stats.finishReason] ?? "As the provider reported it"} />}
          <Stat label="speed" testId="stat-tps" value={formatRate(stats.tokensPerSecond)} title="Output tokens per second after the first token" />
          <Stat label="duration" testId="stat-duration" value={formatMs(stats.durationMs)} />
          <Stat
            label="in"
            testId="stat-input-tokens"
            value={`${formatTokens(stats.inputTokens)}${stats.usageEstimated && stats.inputTokens != null ? " (est.)" : ""}`}
            title={stats.usageEstimated ? "The provider sent no usage for a stopped run: the prompt's tokens are estimated" : undefined}
          />
          <Stat
            label="out"
            testId="stat-output-tokens"
            value={`${formatTokens(stats.outputTokens)}${stats.usageEstimated ? " (counted)" : ""}`}
            title={stats.usageEstimated ? "The provider sent no usage for a stopped run: output counted from streamed deltas" : undefined}
          />
          <Stat label="reasoning" testId="stat-reasoning-tokens" value={formatTokens(stats.reasoningTokens)} />
          {stats.cachedInputTokens ? <Stat label="cached" testId="stat-cached-tokens" value={formatTokens(stats.cachedInputTokens)} /> : null}
          <Stat label="cost" testId="stat-cost" value={`${formatUsd(stats.costUsd)}${stats.usageEstimated && stats.costUsd != null ? " est." : ""}`} />
          {stats.providerCostUsd != null && (stats.costUsd == null || Math.abs(stats.providerCostUsd - stats.costUsd) > 1e-9) && (
            <Stat label="billed" testId="stat-provider-cost" value={formatUsd(stats.providerCostUsd)} title="Cost reported by the provider, when it differs from the computed cost" />
          )}
          {stats.providerReport.remainingCredits != null && (
            <Stat label="credits left" testId="stat-credits" value={formatUsd(stats.providerReport.remainingCredits)} title="Balance reported by the provider" />
          )}
          {stats.providerReport.toolUsage && Object.keys(stats.providerReport.toolUsage).length > 0 && (
            <Stat
              label="tools"
              testId="stat-tools"
              value={Object.entries(stats.providerReport.toolUsage)
                .map(([tool, n]) => `${tool}×${n}`)
                .join(", ")}
            />
          )}
        </>
      )}
      {metadata?.attachmentsSent?.map((a) => (
        <p key={a.uploadId} data-testid="attachment-sent" className="w-full text-[11px] text-muted">
          {a.mediaType} sent {a.form === "frames" ? `as ${a.frames} frames at ${a.fps} fps` : "inline"}
          {a.form === "data-url" && a.fps ? ` (video_fps ${a.fps})` : ""} · {formatBytes(a.bytesSent)}
        </p>
      ))}
      {stats?.providerReport.notes?.map((note) => (
        <p key={note} data-testid="run-note" className="w-full text-[11px] text-muted">
          {note}
        </p>
      ))}
      {stats?.error && (
        <p role="alert" data-testid="run-error" className="w-full text-xs text-red-600">
          {stats.error.message}
        </p>
      )}
    </div>
  );
}
