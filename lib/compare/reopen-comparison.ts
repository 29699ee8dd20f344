import type { ParamValues } from "@/lib/params/param-validator";
import type { Target } from "./targets";

// What a stored comparison looked like, rebuilt from its runs: the columns in
// their order (a target may appear twice), each one's parameters and latest
// conversation, the shared parameters and the system prompt.

export type StoredComparisonRun = {
  id: string;
  provider: string;
  model: string;
  params: ParamValues;
  system: string | null;
  compareColumn: number | null;
  createdAt: string;
};

type ReopenedColumn<R> = { target: Target; overrides: ParamValues; run: R };
export type ReopenedComparison<R> = { columns: ReopenedColumn<R>[]; shared: ParamValues; system: string };

const newest = <R extends StoredComparisonRun>(a: R, b: R) => (a.createdAt === b.createdAt ? (a.id > b.id ? a : b) : a.createdAt > b.createdAt ? a : b);
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function reopenComparison<R extends StoredComparisonRun>(runs: R[], maxColumns: number): ReopenedComparison<R> | null {
  if (runs.length === 0) return null;
  // Runs that name their column place themselves; older runs (none do) are grouped by target, first sent first.
  const placed = runs.filter((r) => r.compareColumn !== null);
  const latestBySlot = new Map<string, R>();
  const firstSeen = new Map<string, string>();
  for (const run of placed.length > 0 ? placed : runs) {
    const slot = placed.length > 0 ? String(run.compareColumn) : `${run.provider}::${run.model}`;
    const held = latestBySlot.get(slot);
    latestBySlot.set(slot, held ? newest(held, run) : run);
    const first = firstSeen.get(slot);
    if (first === undefined || run.createdAt < first) firstSeen.set(slot, run.createdAt);
  }
  const slots = [...latestBySlot.keys()].sort((a, b) => (placed.length > 0 ? Number(a) - Number(b) : firstSeen.get(a)!.localeCompare(firstSeen.get(b)!)));
  const latest = slots.slice(0, maxColumns).map((slot) => latestBySlot.get(slot)!);

  // A value every column ran with is shared; the rest are that column's overrides.
  const shared: ParamValues = {};
  for (const [name, value] of Object.entries(latest[0]!.params)) {
    if (latest.every((run) => name in run.params && sameValue(run.params[name], value))) shared[name] = value;
  }
  const columns = latest.map((run) => ({
    target: { provider: run.provider, model: run.model },
    overrides: Object.fromEntries(Object.entries(run.params).filter(([name]) => !(name in shared))),
    run,
  }));
  const system = latest.reduce((a, b) => newest(a, b)).system ?? "";
  return { columns, shared, system };
}
