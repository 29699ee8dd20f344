import { describe, expect, it } from "vitest";
import { loadCatalog } from "@/lib/catalog";
import { computeCost } from "@/lib/pricing/compute-cost";
import { tokenMeter } from "./token-meter";

const offering = loadCatalog().providers.find((p) => p.id === "empiriolabs")!.offerings.find((o) => o.providerModelId === "qwen3-5-flash")!;

describe("the token meter", () => {
  it("counts system, history, message and attachments apart, and the worst case is input plus max output at the offering's price", () => {
    const meter = tokenMeter({
      system: "x".repeat(30),
      history: [{ parts: [{ type: "text", text: "y".repeat(300) }] }, { parts: [{ type: "text", text: "z".repeat(60) }] }],
      text: "w".repeat(9),
      attachmentCount: 2,
      offering,
      params: { max_tokens: 1000 },
    });
    expect(meter).toMatchObject({ system: 10, history: 120, message: 3, attachments: 3000, total: 3133, maxOutputTokens: 1000 });
    expect(meter.contextShare).toBeCloseTo(4133 / offering.limits.contextTokens, 12);
    expect(meter.worstCaseUsd).toBeCloseTo(computeCost(offering.pricing, { inputTokens: 3133, outputTokens: 1000 }).totalUsd!, 15);
  });

  it("an empty draft costs nothing but its output reservation; an unpriced offering has no worst case", () => {
    const empty = tokenMeter({ system: " ", history: [], text: "", attachmentCount: 0, offering, params: {} });
    expect(empty.total).toBe(0);
    expect(tokenMeter({ system: "", history: [], text: "hi", attachmentCount: 0, offering: { ...offering, pricing: null }, params: {} }).worstCaseUsd).toBeNull();
  });
});
