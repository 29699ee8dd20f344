import { describe, expect, it } from "vitest";
import type { Pricing } from "@/lib/catalog/schema";
import { costsDisagree, explainCost } from "./explain-cost";

const source = { url: "https://example.com/pricing", retrievedAt: "2026-12-01" };
const pricing = (extra: Partial<Pricing> = {}): Pricing => ({ currency: "USD", tiers: [{ upToInputTokens: null, inputPerMTok: 1, outputPerMTok: 2 }], reasoningBilledAs: "output", toolCallPrices: {}, source, ...extra }) as Pricing;
const usage = { inputTokens: 1_000_000, outputTokens: 500_000 };

describe("a run's cost, explained", () => {
  it("a run that failed before its first token costs $0 with a note, never an estimate", () => {
    const outcome = explainCost({ pricing: pricing(), usage: { inputTokens: 300, outputTokens: 0 }, providerCostUsd: null, failedBeforeFirstToken: true });
    expect(outcome.costUsd).toBe(0);
    expect(outcome.notes[0]).toMatch(/before the first token/);
  });

  it("a provider that billed a failed run anyway is believed", () => {
    const outcome = explainCost({ pricing: pricing(), usage, providerCostUsd: 2, failedBeforeFirstToken: true });
    expect(outcome.costUsd).toBe(2);
  });

  it("an unknown price is unknown, not $0", () => {
    const outcome = explainCost({ pricing: null, usage, providerCostUsd: null, failedBeforeFirstToken: false });
    expect(outcome.costUsd).toBeNull();
    expect(outcome.notes.join(" ")).toMatch(/unknown \(not \$0\)/);
    // A provider that bills the run itself (Segmind's x-cost) needs no price table and no note.
    expect(explainCost({ pricing: null, usage, providerCostUsd: 0.0021, failedBeforeFirstToken: false }).notes).toEqual([]);
  });

  it("a tool without a price and unreported cache writes are said", () => {
    const outcome = explainCost({ pricing: pricing({ cacheWritePerMTok: 1.25 }), usage: { ...usage, toolCalls: { web_search: 2 } }, providerCostUsd: null, failedBeforeFirstToken: false });
    expect(outcome.costUsd).toBe(2);
    expect(outcome.notes.some((n) => n.includes('no price for tool "web_search"'))).toBe(true);
    expect(outcome.notes.some((n) => n.includes("cache-write"))).toBe(true);
  });

  it("a billed cost 90x the computed one is shown with both and the difference; within 10% is quiet", () => {
    const far = explainCost({ pricing: pricing(), usage, providerCostUsd: 180, failedBeforeFirstToken: false });
    expect(far.costUsd).toBe(2);
    expect(far.notes.join(" ")).toMatch(/billed \$180.*gives \$2\.00.*\+\$178/);
    expect(explainCost({ pricing: pricing(), usage, providerCostUsd: 2.1, failedBeforeFirstToken: false }).notes).toEqual([]);
    expect(costsDisagree(2, 2.25)).toBe(true);
    expect(costsDisagree(2, 2.2)).toBe(false);
    expect(costsDisagree(null, 5)).toBe(false);
  });
});
