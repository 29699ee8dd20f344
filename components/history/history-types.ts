import type { RunRecord } from "@/lib/runs/run-record";

export type HistoryFilters = { provider: string; model: string; status: string; from: string; to: string; q: string; user: string };

/** One list entry: a run, or a comparison (its runs, adjacent in time). */
export type HistoryEntry = { kind: "run"; run: RunRecord } | { kind: "comparison"; groupId: string; runs: RunRecord[] };

export function groupEntries(runs: RunRecord[]): HistoryEntry[] {
  const entries: HistoryEntry[] = [];
  for (const run of runs) {
    const last = entries[entries.length - 1];
    if (run.compareGroupId && last?.kind === "comparison" && last.groupId === run.compareGroupId) last.runs.push(run);
    else if (run.compareGroupId) entries.push({ kind: "comparison", groupId: run.compareGroupId, runs: [run] });
    else entries.push({ kind: "run", run });
  }
  return entries;
}

export function firstWords(run: RunRecord, n = 12): string {
  const text = (run.messages as { role: string; parts: { type: string; text?: string }[] }[])
    .filter((m) => m.role === "user")
    .flatMap((m) => m.parts.map((p) => p.text ?? ""))
    .join(" ");
  const words = text.split(/\s+/).filter(Boolean);
  return words.slice(0, n).join(" ") + (words.length > n ? "…" : "");
}
