"use client";

import { formatMs, formatRate, formatTokens, formatUsd } from "@/lib/format";
import type { SummaryRow } from "@/lib/compare/stats";

function show(row: SummaryRow, value: number | null): string {
  if (row.key === "ttftMs" || row.key === "durationMs") return formatMs(value);
  if (row.key === "tokensPerSecond") return formatRate(value);
  if (row.key === "costUsd" || row.key === "costPer1kOutput") return formatUsd(value);
  return formatTokens(value);
}

const STATUS_WORDS: Record<string, string> = { done: "done", error: "failed", aborted: "stopped", interrupted: "interrupted", streaming: "streaming" };

/** The last run of each column side by side, with how each ended; the best value of each row is marked (finished, real runs only). */
export function SummaryTable({ labels, rows, statuses }: { labels: string[]; rows: SummaryRow[]; statuses?: (string | null)[] }) {
  return (
    <div className="overflow-x-auto">
      <table data-testid="summary-table" className="w-full border-collapse text-xs">
        <thead>
          <tr>
            <th className="border-b border-zinc-200 p-1 text-left dark:border-zinc-800">Metric</th>
            {labels.map((label, i) => (
              <th key={i} className="border-b border-zinc-200 p-1 text-right font-medium dark:border-zinc-800">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {statuses && (
            <tr data-testid="summary-row-status">
              <td className="border-b border-zinc-100 p-1 text-muted dark:border-zinc-800">Status</td>
              {statuses.map((status, i) => (
                <td key={i} data-testid="summary-status" data-status={status ?? ""} className={`border-b border-zinc-100 p-1 text-right dark:border-zinc-800 ${status && status !== "done" ? "text-red-700 dark:text-red-400" : ""}`}>
                  {status ? (STATUS_WORDS[status] ?? status) : "—"}
                </td>
              ))}
            </tr>
          )}
          {rows.map((row) => (
            <tr key={row.key} data-testid={`summary-row-${row.key}`}>
              <td className="border-b border-zinc-100 p-1 text-muted dark:border-zinc-800">{row.label}</td>
              {row.values.map((value, i) => {
                const best = row.best.includes(i);
                return (
                  <td
                    key={i}
                    data-testid="summary-cell"
                    data-best={best}
                    className={`border-b border-zinc-100 p-1 text-right font-mono dark:border-zinc-800 ${best ? "bg-emerald-50 font-semibold text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300" : ""}`}
                  >
                    {show(row, value)}
                    {best ? " ★" : ""}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
