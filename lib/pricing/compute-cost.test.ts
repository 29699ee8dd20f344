import { describe, expect, it } from "vitest";
import { findOffering, loadCatalog } from "@/lib/catalog";
import { computeCost } from "./compute-cost";

const catalog = loadCatalog();
const pricing = (provider: Parameters<typeof findOffering>[1], id: string) => findOffering(catalog, provider, id)!.pricing;

describe("computeCost: price table x usage", () => {
  it("EmpirioLabs qwen3-5-flash: $0.090 in, $0.368 out per 1M; reasoning billed as output", () => {
    const result = computeCost(pricing("empiriolabs", "qwen3-5-flash"), { inputTokens: 1_000_000, outputTokens: 500_000, reasoningTokens: 200_000 });
    expect(result.totalUsd).toBeCloseTo(0.09 + 0.184, 10);
    expect(result.breakdown).toMatchObject({ inputUsd: 0.09, outputUsd: 0.184 });
    expect(result.issues).toEqual([]);
  });

  it("adds per-call tool charges from usage.tool_usage", () => {
    const result = computeCost(pricing("empiriolabs", "qwen3-5-flash"), { inputTokens: 0, outputTokens: 0, toolCalls: { web_search: 3, image_search: 1, code_interpreter: 2 } });
    expect(result.totalUsd).toBeCloseTo(3 * 0.015 + 0.012, 10);
    const unknown = computeCost(pricing("empiriolabs", "qwen3-5-flash"), { inputTokens: 0, outputTokens: 0, toolCalls: { teleport: 1 } });
    expect(unknown.issues).toEqual(['no price for tool "teleport"']);
  });

  it.each([
    [100_000, 0.029, 0.287, 128_000],
    [128_000, 0.029, 0.287, 128_000],
    [128_001, 0.115, 1.147, 256_000],
    [300_000, 0.172, 1.72, 1_000_000],
  ])("variant1 context tiers: %i input tokens bill at $%d in / $%d out", (input, inPrice, outPrice, tier) => {
    const result = computeCost(pricing("empiriolabs", "qwen3-5-flash:variant1"), { inputTokens: input, outputTokens: 10_000 });
    expect(result.totalUsd).toBeCloseTo((input * inPrice + 10_000 * outPrice) / 1e6, 10);
    expect(result.tier).toEqual({ upToInputTokens: tier });
  });

  it("past the last tier: billed at the last tier, with an issue", () => {
    const result = computeCost(pricing("empiriolabs", "qwen3-5-flash:variant1"), { inputTokens: 1_200_000, outputTokens: 0 });
    expect(result.totalUsd).toBeCloseTo(1.2 * 0.172, 10);
    expect(result.issues[0]).toMatch(/exceeds the largest price tier/);
  });

  it("qwen3-5-4b bills cached input at $0.02 instead of $0.04", () => {
    const result = computeCost(pricing("empiriolabs", "qwen3-5-4b"), { inputTokens: 1_000_000, cachedInputTokens: 400_000, outputTokens: 1_000_000 });
    expect(result.totalUsd).toBeCloseTo(0.6 * 0.04 + 0.4 * 0.02 + 0.07, 10);
  });

  it("AI Gateway bills cache writes at $0.13/M and cache reads at $0", () => {
    const result = computeCost(pricing("ai-gateway", "alibaba/qwen3.5-flash"), { inputTokens: 1_000_000, cachedInputTokens: 200_000, cacheWriteTokens: 300_000, outputTokens: 0 });
    expect(result.totalUsd).toBeCloseTo(0.5 * 0.1 + 0.3 * 0.13, 10);
  });

  it("cache writes reported beyond the uncached input are capped there: no input token is billed twice", () => {
    // 1M input: 800k read from the cache, so at most 200k can have been written to it.
    const result = computeCost(pricing("ai-gateway", "alibaba/qwen3.5-flash"), { inputTokens: 1_000_000, cachedInputTokens: 800_000, cacheWriteTokens: 500_000, outputTokens: 0 });
    expect(result.breakdown).toMatchObject({ inputUsd: 0, cachedInputUsd: 0 });
    expect(result.breakdown!.cacheWriteUsd).toBeCloseTo(0.2 * 0.13, 10);
    expect(result.totalUsd).toBeCloseTo(0.2 * 0.13, 10);
  });

  it("unknown price or unknown usage gives null, never 0", () => {
    expect(computeCost(pricing("segmind", "qwen3.5-flash"), { inputTokens: 10, outputTokens: 10 })).toMatchObject({ totalUsd: null, issues: ["price unknown for this offering"] });
    expect(computeCost(pricing("empiriolabs", "qwen3-5-flash"), { inputTokens: null, outputTokens: 10 })).toMatchObject({ totalUsd: null, issues: ["token usage unknown"] });
  });
});
