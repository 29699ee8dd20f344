// Summary and repeat statistics for a comparison. Pure.

export type RunNumbers = {
  ttftMs: number | null;
  tokensPerSecond: number | null;
  durationMs: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  reasoningTokens: number | null;
  costUsd: number | null;
};

/** Nearest-rank percentile; null for no samples. */
export function percentile(samples: number[], p: number): number | null {
  const sorted = samples.filter((n) => Number.isFinite(n)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export type SummaryRow = { key: keyof RunNumbers | "costPer1kOutput"; label: string; better: "lower" | "higher" | null; values: (number | null)[]; best: number[] };

const ROWS: { key: SummaryRow["key"]; label: string; better: SummaryRow["better"] }[] = [
  { key: "ttftMs", label: "Time to first token (ms)", better: "lower" },
  { key: "tokensPerSecond", label: "Tokens/s", better: "higher" },
  { key: "durationMs", label: "Total duration (ms)", better: "lower" },
  { key: "inputTokens", label: "Input tokens", better: null },
  { key: "outputTokens", label: "Output tokens", better: null },
  { key: "reasoningTokens", label: "Reasoning tokens", better: null },
  { key: "costUsd", label: "Cost (USD)", better: "lower" },
  { key: "costPer1kOutput", label: "Cost per 1,000 output tokens (USD)", better: "lower" },
];

/** A run in the summary: its numbers, how it ended, and whether the simulator answered it. */
export type SummaryColumn = RunNumbers & { status: string; simulated?: boolean };

/**
 * One row per metric, one value per column, with the best column(s) of each
 * row marked. Every run's numbers are shown, but only finished runs compete:
 * a run that errored or was stopped early is not "fastest" or "cheapest", and
 * a simulated column never beats a real provider (its speed and price are made up).
 */
export function summarize(columns: (SummaryColumn | null)[]): SummaryRow[] {
  const realFinished = columns.some((c) => c?.status === "done" && !c.simulated);
  const finished = columns.map((c) => c?.status === "done" && !(realFinished && c.simulated));
  return ROWS.map(({ key, label, better }) => {
    const values = columns.map((c) => {
      if (!c) return null;
      if (key === "costPer1kOutput") return c.costUsd != null && c.outputTokens ? (c.costUsd / c.outputTokens) * 1000 : null;
      return c[key];
    });
    const competing = values.filter((v, i): v is number => v !== null && finished[i]!);
    let best: number[] = [];
    if (better && competing.length > 1) {
      const target = better === "lower" ? Math.min(...competing) : Math.max(...competing);
      best = values.flatMap((v, i) => (v === target && finished[i] ? [i] : []));
    }
    return { key, label, better, values, best };
  });
}
