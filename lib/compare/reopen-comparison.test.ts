import { describe, expect, it } from "vitest";
import { reopenComparison, type StoredComparisonRun } from "./reopen-comparison";

let clock = 0;
const run = (provider: string, compareColumn: number | null, params: Record<string, unknown> = {}, system: string | null = null): StoredComparisonRun => ({
  id: `r${++clock}`,
  provider,
  model: "m",
  params,
  system,
  compareColumn,
  createdAt: new Date(Date.UTC(2026, 10, 23, 12, 0, clock)).toISOString(),
});

describe("reopening a comparison from its runs", () => {
  it("brings back every column in its order, a target twice when it was there twice", () => {
    const runs = [run("a", 0), run("b", 1), run("a", 2)];
    const reopened = reopenComparison([...runs].reverse(), 6)!;
    expect(reopened.columns.map((c) => c.target.provider)).toEqual(["a", "b", "a"]);
    expect(reopened.columns.map((c) => c.run.id)).toEqual(runs.map((r) => r.id));
  });

  it("each column shows its latest run", () => {
    const first = run("a", 0);
    const other = run("b", 1);
    const again = run("a", 0);
    expect(reopenComparison([again, other, first], 6)!.columns.map((c) => c.run.id)).toEqual([again.id, other.id]);
  });

  it("values every column ran with are shared; the others are that column's overrides; the system prompt comes back", () => {
    const reopened = reopenComparison([run("a", 0, { temperature: 0.2, top_k: 5 }, "Be brief"), run("b", 1, { temperature: 0.2, seed: 7 }, "Be brief")], 6)!;
    expect(reopened.shared).toEqual({ temperature: 0.2 });
    expect(reopened.columns.map((c) => c.overrides)).toEqual([{ top_k: 5 }, { seed: 7 }]);
    expect(reopened.system).toBe("Be brief");
  });

  it("older runs without a column: one column per target, in the order they were first sent", () => {
    const reopened = reopenComparison([run("b", null), run("a", null), run("b", null)].reverse(), 6)!;
    expect(reopened.columns.map((c) => c.target.provider)).toEqual(["b", "a"]);
  });

  it("nothing stored: nothing to reopen", () => {
    expect(reopenComparison([], 6)).toBeNull();
  });
});
