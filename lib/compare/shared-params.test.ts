import { describe, expect, it } from "vitest";
import { findOffering, loadCatalog } from "@/lib/catalog";
import { effectiveParams, fitValue, unionSpecs, unsupportedShared } from "./shared-params";
import { percentile, summarize } from "./stats";
import { compareUrl, parseTargets, serializeTargets } from "./targets";

const catalog = loadCatalog();
const specs = (provider: Parameters<typeof findOffering>[1], model: string) => findOffering(catalog, provider, model)!.params;
const empirio = { specs: specs("empiriolabs", "qwen3-5-flash"), overrides: {} };
const fourB = { specs: specs("empiriolabs", "qwen3-5-4b"), overrides: {} };
const openrouter = { specs: specs("openrouter", "qwen/qwen3.5-flash-02-23"), overrides: {} };

describe("shared parameters", () => {
  it("apply to every column that has them, clamped to each column's range", () => {
    const shared = { max_tokens: 50000, temperature: 1.5, top_k: 500 };
    expect(effectiveParams(shared, empirio).values).toEqual({ max_tokens: 32768, temperature: 1.5 });
    expect(effectiveParams(shared, empirio).detail.max_tokens).toEqual({ value: 32768, source: "clamped" });
    expect(effectiveParams(shared, fourB).values).toEqual({ max_tokens: 32768, temperature: 1.5, top_k: 200 });
    expect(effectiveParams(shared, openrouter).values).toEqual({ max_tokens: 50000, temperature: 1.5 });
  });

  it("rounds for integer specs and trims lists", () => {
    const maxTokens = specs("openrouter", "qwen/qwen3.5-flash-02-23").find((s) => s.name === "max_tokens")!;
    expect(fitValue(maxTokens, 100.6)).toBe(101);
    const stop = specs("empiriolabs", "qwen3-5-4b").find((s) => s.name === "stop")!;
    expect(fitValue(stop, ["a", "b", "c", "d", "e"])).toEqual(["a", "b", "c", "d"]);
  });

  it("a column override wins and is marked", () => {
    const result = effectiveParams({ temperature: 1.5 }, { ...empirio, overrides: { temperature: 0.1 } });
    expect(result.detail.temperature).toEqual({ value: 0.1, source: "override" });
  });

  it("reports shared parameters a column does not accept", () => {
    expect(unsupportedShared({ top_k: 20, temperature: 1, enable_thinking: false }, openrouter)).toEqual(["top_k", "enable_thinking"]);
  });

  it("offers one control per name across columns, spanning their ranges", () => {
    const union = unionSpecs([empirio, openrouter]);
    expect(union.find((s) => s.name === "max_tokens")).toMatchObject({ min: 1, max: 65536 });
    const names = unionSpecs([openrouter, fourB]).map((s) => s.name);
    expect(names.filter((n) => n === "temperature")).toHaveLength(1);
    expect(names).toContain("reasoning");
    expect(names).toContain("top_k");
  });
});

describe("targets in the URL", () => {
  it("round-trips provider::model lists, including ids with slashes and colons", () => {
    const targets = [
      { provider: "openrouter", model: "qwen/qwen3.5-flash-02-23" },
      { provider: "empiriolabs", model: "qwen3-5-flash:variant1" },
    ];
    expect(parseTargets(serializeTargets(targets))).toEqual(targets);
    expect(compareUrl(targets, "g1")).toBe("/compare?t=openrouter::qwen%2Fqwen3.5-flash-02-23,empiriolabs::qwen3-5-flash%3Avariant1&group=g1");
    expect(parseTargets(new URL(`http://x${compareUrl(targets)}`).searchParams.get("t"))).toEqual(targets);
    expect(parseTargets("garbage,,simulator::qwen3.5-flash")).toEqual([{ provider: "simulator", model: "qwen3.5-flash" }]);
    expect(parseTargets(Array(9).fill("simulator::a").join(","))).toHaveLength(6);
  });
});

describe("summary and percentiles", () => {
  it("marks the best column per row, and only rows where better is defined", () => {
    const rows = summarize([
      { status: "done", ttftMs: 100, tokensPerSecond: 50, durationMs: 900, inputTokens: 10, outputTokens: 100, reasoningTokens: 0, costUsd: 0.002 },
      { status: "done", ttftMs: 300, tokensPerSecond: 80, durationMs: 700, inputTokens: 10, outputTokens: 50, reasoningTokens: 0, costUsd: 0.0015 },
      null,
    ]);
    const row = (key: string) => rows.find((r) => r.key === key)!;
    expect(row("ttftMs").best).toEqual([0]);
    expect(row("tokensPerSecond").best).toEqual([1]);
    expect(row("costUsd").best).toEqual([1]);
    const per1k = row("costPer1kOutput").values;
    expect(per1k[0]).toBeCloseTo(0.02, 12);
    expect(per1k[1]).toBeCloseTo(0.03, 12);
    expect(per1k[2]).toBeNull();
    expect(row("costPer1kOutput").best).toEqual([0]);
    expect(row("inputTokens").best).toEqual([]);
  });

  const run = (status: string, ttftMs: number, tokensPerSecond: number, costUsd: number) => ({ status, ttftMs, tokensPerSecond, durationMs: 1000, inputTokens: 10, outputTokens: 100, reasoningTokens: 0, costUsd });

  it("shows an errored or stopped run's numbers but never marks it best: only finished runs compete", () => {
    // The stopped run was first to its first token and cheapest (it stopped early); the errored one claims the highest rate.
    const rows = summarize([run("done", 300, 40, 0.003), run("aborted", 50, 30, 0.0001), run("error", 400, 999, 0.002), run("done", 250, 45, 0.004)]);
    const row = (key: string) => rows.find((r) => r.key === key)!;
    expect(row("ttftMs").values).toEqual([300, 50, 400, 250]);
    expect(row("ttftMs").best).toEqual([3]);
    expect(row("tokensPerSecond").best).toEqual([3]);
    expect(row("costUsd").best).toEqual([0]);
  });

  it("a simulated column never wins against real providers; among simulated columns alone, the best is still marked", () => {
    const rows = summarize([{ ...run("done", 10, 900, 0), simulated: true }, run("done", 300, 40, 0.003), run("done", 250, 45, 0.004)]);
    const row = (key: string) => rows.find((r) => r.key === key)!;
    expect(row("ttftMs").best).toEqual([2]);
    expect(row("tokensPerSecond").best).toEqual([2]);
    expect(row("costUsd").best).toEqual([1]);
    const simulatedOnly = summarize([{ ...run("done", 10, 900, 0.001), simulated: true }, { ...run("done", 20, 800, 0.002), simulated: true }]);
    expect(simulatedOnly.find((r) => r.key === "ttftMs")!.best).toEqual([0]);
  });

  it("marks nothing when fewer than two runs finished", () => {
    for (const r of summarize([run("done", 300, 40, 0.003), run("interrupted", 50, 90, 0.001), null])) expect(r.best).toEqual([]);
  });

  it("nearest-rank percentiles", () => {
    expect(percentile([300, 100, 200], 50)).toBe(200);
    expect(percentile([300, 100, 200], 95)).toBe(300);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([], 50)).toBeNull();
  });
});
