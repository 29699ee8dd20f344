import { describe, expect, it } from "vitest";
import { loadCatalog, findOffering } from "@/lib/catalog";
import { estimateInputTokens, maxOutputTokens, worstCaseCostUsd } from "./worst-case-cost";

describe("the worst case a budget reserves", () => {
  const offering = findOffering(loadCatalog(), "simulator", "qwen3.5-flash")!;
  it("over-estimates input: a token per 3 bytes of text, 1,500 per attachment", () => {
    expect(estimateInputTokens([{ parts: [{ type: "text", text: "x".repeat(30) }, { type: "file" }] }], "abc")).toBe(11 + 1500);
  });
  it("output is max_tokens, else the schema's default for it", () => {
    expect(maxOutputTokens(offering, { max_tokens: 100 })).toBe(100);
    expect(maxOutputTokens(offering, {})).toBe(4096);
  });
  it("prices input and output at the offering's list price", () => {
    const tier = offering.pricing!.tiers[0]!;
    expect(worstCaseCostUsd(offering, { max_tokens: 1000 }, 3000)).toBeCloseTo((3000 * tier.inputPerMTok + 1000 * tier.outputPerMTok) / 1e6, 12);
  });
});
