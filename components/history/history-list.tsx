"use client";

import { useEffect, useRef } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { formatMs, formatRate, formatTokens, formatUsd } from "@/lib/format";
import type { RunRecord } from "@/lib/runs/run-record";
import { compareUrl, isRepeatBatch, targetKey, type Target } from "@/lib/compare/targets";
import { useViewer } from "@/components/auth/viewer-context";
import { firstWords, type HistoryEntry } from "./history-types";
import { Checkbox } from "@/components/ui/checkbox";

type Props = {
  entries: HistoryEntry[];
  hasMore: boolean;
  loading: boolean;
  selected: Set<string>;
  onLoadMore: () => void;
  onToggle: (runId: string) => void;
  onDelete: (run: RunRecord) => void;
};

/** Each target once, in the order the runs name them. */
function distinctTargets(runs: RunRecord[]): Target[] {
  const seen = new Map<string, Target>();
  for (const r of runs) seen.set(targetKey(r), seen.get(targetKey(r)) ?? { provider: r.provider, model: r.model });
  return [...seen.values()];
}

function sum(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}

/** "280 ms" for one run; "280 ms – 1.2 s" across a comparison's runs. */
function range(values: (number | null)[], format: (v: number | null) => string): string {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0) return format(null);
  const [lo, hi] = [Math.min(...known), Math.max(...known)];
  return lo === hi ? format(lo) : `${format(lo)} – ${format(hi)}`;
}

/** A run's numbers, or a comparison's: its ranges of speed and its total tokens and cost. */
function RunCells({ runs }: { runs: RunRecord[] }) {
  const status = [...new Set(runs.map((r) => r.status))].join(", ");
  return (
    <>
      <span data-testid="row-status" className="shrink-0 truncate md:w-20">{status}</span>
      <span className="shrink-0 text-right font-mono md:w-28">{range(runs.map((r) => r.ttftMs), formatMs)}</span>
      <span className="shrink-0 text-right font-mono md:w-32">{range(runs.map((r) => r.tokensPerSecond), formatRate)}</span>
      <span className="shrink-0 text-right font-mono md:w-24">
        {formatTokens(sum(runs.map((r) => r.usage.inputTokens)))}/{formatTokens(sum(runs.map((r) => r.usage.outputTokens)))}
      </span>
      <span data-testid="row-cost" className="shrink-0 text-right font-mono md:w-28">{formatUsd(sum(runs.map((r) => r.costUsd ?? r.providerCostUsd)))}</span>
    </>
  );
}

/** Newest first; rows are rendered only while on screen; reaching the end loads the next keyset page. */
export function HistoryList({ entries, hasMore, loading, selected, onLoadMore, onToggle, onDelete }: Props) {
  const parent = useRef<HTMLDivElement>(null);
  const viewer = useViewer();
  const virtualizer = useVirtualizer({ count: entries.length + (hasMore ? 1 : 0), getScrollElement: () => parent.current, estimateSize: () => 44, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1];
  useEffect(() => {
    if (last && last.index >= entries.length - 1 && hasMore && !loading) onLoadMore();
  }, [last, entries.length, hasMore, loading, onLoadMore]);

  return (
    <div ref={parent} data-testid="history-list" className="h-[60vh] overflow-y-auto rounded-md border border-zinc-200 dark:border-zinc-800">
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {items.map((item) => {
          const entry = entries[item.index];
          const style = { position: "absolute" as const, top: 0, left: 0, width: "100%", transform: `translateY(${item.start}px)` };
          if (!entry) {
            return (
              <div key="more" style={style} className="p-3 text-center text-xs text-muted">
                Loading more…
              </div>
            );
          }
          const run = entry.kind === "run" ? entry.run : entry.runs[0]!;
          return (
            // On phones a row wraps onto more lines; the list measures each row's real height.
            <div
              key={entry.kind === "run" ? run.id : entry.groupId}
              ref={virtualizer.measureElement}
              data-index={item.index}
              style={style}
              data-testid="history-row"
              data-kind={entry.kind}
              className="flex flex-wrap items-center gap-x-2 gap-y-0.5 border-b border-zinc-100 px-2 py-1.5 text-xs md:h-11 md:flex-nowrap md:py-0 dark:border-zinc-800"
            >
              <Checkbox aria-label="Select to compare" data-testid="row-select" checked={selected.has(run.id)} onChange={() => onToggle(run.id)} />
              <span className="shrink-0 font-mono text-muted md:w-36">{new Date(run.createdAt).toISOString().replace("T", " ").slice(0, 16)}</span>
              {entry.kind === "comparison" ? (
                isRepeatBatch(entry.groupId) ? (
                  <a href={compareUrl(distinctTargets(entry.runs))} className="min-w-0 flex-1 truncate underline md:w-56 md:flex-none" data-testid="row-target">
                    repeat batch of {entry.runs.length} runs
                  </a>
                ) : (
                  <a href={compareUrl(distinctTargets(entry.runs), entry.groupId)} className="min-w-0 flex-1 truncate underline md:w-56 md:flex-none" data-testid="row-target">
                    comparison of {entry.runs.length} runs
                  </a>
                )
              ) : (
                <a href={`/runs/${run.id}`} className="min-w-0 flex-1 truncate underline md:w-56 md:flex-none" data-testid="row-target">
                  {run.provider} · {run.model}
                </a>
              )}
              <span data-testid="row-words" className="min-w-0 basis-full truncate md:flex-1 md:basis-auto">
                {run.apiKeyName && <span data-testid="row-api" className="mr-1 rounded bg-blue-100 px-1 text-blue-900 dark:bg-blue-950 dark:text-blue-200">API · {run.apiKeyName}</span>}
                {run.visibility === "team" && <span data-testid="row-team" className="mr-1 rounded bg-zinc-200 px-1 dark:bg-zinc-800">team</span>}
                {run.author && viewer && run.userId !== viewer.id && <span data-testid="row-author" className="mr-1 text-muted">{run.author.name}:</span>}
                {run.contentHidden ? <span className="italic text-muted">private</span> : firstWords(run)}
              </span>
              <RunCells runs={entry.kind === "run" ? [run] : entry.runs} />
              {entry.kind === "run" && viewer && (run.userId === viewer.id || viewer.can.manage) && (
                <button type="button" data-testid="row-delete" aria-label="Delete run" className="ml-auto text-muted hover:text-red-600 md:ml-0" onClick={() => onDelete(run)}>
                  ✕
                </button>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
