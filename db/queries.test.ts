import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "./index";
import { checkpointRun, costTotals, finishRun, ftsQuery, getRun, insertRun, listRuns, markInterruptedRuns } from "./queries";

let db: Db;

beforeEach(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "playground-db-"));
  db = (await openDatabase(path.join(dir, "test.db"))).db;
});

const newRun = (id: string, at: number, extra: Partial<Parameters<typeof insertRun>[0]> = {}) =>
  insertRun(
    { id, status: "streaming", provider: "simulator", model: "qwen3.5-flash", params: {}, messages: [{ role: "user", parts: [{ type: "text", text: `prompt ${id}` }] }], promptText: `prompt ${id}`, createdAt: new Date(at), ...extra },
    db,
  );

describe("run queries (real SQLite file, real migrations)", () => {
  it("finishes a run exactly once", async () => {
    await newRun("a", 1);
    expect(await finishRun("a", { status: "done", outputText: "hello", costUsd: 0.001 }, db)).toBe(true);
    expect(await finishRun("a", { status: "error", errorCode: "late" }, db)).toBe(false);
    const row = await getRun("a", db);
    expect(row).toMatchObject({ status: "done", outputText: "hello", costUsd: 0.001, errorCode: null });
    expect(row?.finishedAt).toBeInstanceOf(Date);
  });

  it("checkpoints partial output only while streaming", async () => {
    await newRun("a", 1);
    await checkpointRun("a", { outputText: "par", outputReasoning: "thinking" }, db);
    expect(await getRun("a", db)).toMatchObject({ status: "streaming", outputText: "par", outputReasoning: "thinking" });
    await finishRun("a", { status: "done", outputText: "partial answer" }, db);
    await checkpointRun("a", { outputText: "stale", outputReasoning: "" }, db);
    expect((await getRun("a", db))?.outputText).toBe("partial answer");
  });

  it("marks runs left streaming as interrupted, and only those", async () => {
    await newRun("a", 1);
    await newRun("b", 2);
    await finishRun("b", { status: "done" }, db);
    expect(await markInterruptedRuns(db)).toBe(1);
    expect((await getRun("a", db))?.status).toBe("interrupted");
    expect((await getRun("b", db))?.status).toBe("done");
  });

  it("lists newest first with keyset pagination and filters", async () => {
    for (let i = 0; i < 5; i++) await newRun(`r${i}`, 1000 + i, { status: "done", provider: i % 2 ? "openrouter" : "simulator" });
    await newRun("same-time", 1004, { status: "error" });
    const first = await listRuns({ limit: 4 }, db);
    expect(first.runs.map((r) => r.id)).toEqual(["same-time", "r4", "r3", "r2"]);
    const second = await listRuns({ limit: 4, cursor: first.nextCursor! }, db);
    expect(second.runs.map((r) => r.id)).toEqual(["r1", "r0"]);
    expect(second.nextCursor).toBeNull();
    expect((await listRuns({ limit: 10, provider: "openrouter" }, db)).runs.map((r) => r.id)).toEqual(["r3", "r1"]);
    expect((await listRuns({ limit: 10, status: "error" }, db)).runs.map((r) => r.id)).toEqual(["same-time"]);
    expect((await listRuns({ limit: 10, q: "prompt r2" }, db)).runs.map((r) => r.id)).toEqual(["r2"]);
    expect((await listRuns({ limit: 10, q: "100%" }, db)).runs).toEqual([]);
  });

  it("full-text search covers prompts and answers (FTS5), with prefix matching and no query syntax injection", async () => {
    await newRun("a", 1, { promptText: "Explain time to first token" });
    await newRun("b", 2, { promptText: "Write a haiku" });
    await finishRun("b", { status: "done", outputText: "Latency whispers softly" }, db);
    expect((await listRuns({ limit: 10, q: "first token" }, db)).runs.map((r) => r.id)).toEqual(["a"]);
    expect((await listRuns({ limit: 10, q: "whisp" }, db)).runs.map((r) => r.id)).toEqual(["b"]);
    expect((await listRuns({ limit: 10, q: 'haiku OR "x" NEAR(' }, db)).runs.map((r) => r.id)).toEqual([]);
    expect(ftsQuery("  ")).toBeNull();
    expect(ftsQuery('a "b" c*')).toBe('"a" "b" "c"*');
  });

  it("totals cost by UTC day, provider and model, beside the provider-reported cost", async () => {
    const day = Date.UTC(2026, 10, 20, 12);
    await newRun("a", day, { provider: "openrouter", model: "m" });
    await finishRun("a", { status: "done", costUsd: 0.002, providerCostUsd: 0.0021 }, db);
    await newRun("b", day + 1000, { provider: "openrouter", model: "m" });
    await finishRun("b", { status: "done", costUsd: 0.003 }, db);
    await newRun("e", day + 2000, { provider: "empiriolabs", model: "e" });
    await finishRun("e", { status: "done", costUsd: 0.001, providerCostUsd: 0.09 }, db);
    await newRun("c", day + 86_400_000, { provider: "segmind", model: "s" });
    await finishRun("c", { status: "done", providerCostUsd: 0.01 }, db);
    await newRun("d", day + 86_400_000, { provider: "simulator", model: "x" });
    await finishRun("d", { status: "done", costUsd: 0.001 }, db);
    await newRun("outside", day - 10 * 86_400_000);
    const rows = await costTotals({ from: new Date(day - 86_400_000), to: new Date(day + 2 * 86_400_000) }, db);
    expect(rows).toEqual([
      // e: billed 90x the computed cost.
      { day: "2026-11-20", provider: "empiriolabs", model: "e", runs: 1, costUsd: 0.001, providerCostUsd: 0.09, runsWithoutCost: 0, costMismatches: 1 },
      // a: billed 0.0021 against 0.002 computed is within 10%; no mismatch.
      { day: "2026-11-20", provider: "openrouter", model: "m", runs: 2, costUsd: 0.005, providerCostUsd: 0.0021, runsWithoutCost: 0, costMismatches: 0 },
      // No run had a price: unknown (null), never $0.
      { day: "2026-11-21", provider: "segmind", model: "s", runs: 1, costUsd: null, providerCostUsd: 0.01, runsWithoutCost: 1, costMismatches: 0 },
      // No run reported a cost: not reported (null), never $0.
      { day: "2026-11-21", provider: "simulator", model: "x", runs: 1, costUsd: 0.001, providerCostUsd: null, runsWithoutCost: 0, costMismatches: 0 },
    ]);
  });
});
