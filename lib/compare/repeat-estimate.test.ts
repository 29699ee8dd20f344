import { describe, expect, it } from "vitest";
import type { Offering } from "@/lib/catalog/schema";
import { estimateRepeatRun } from "./repeat-estimate";

const offering = {
  params: [{ name: "max_tokens", type: "integer", default: 4096 }],
  pricing: { currency: "USD", tiers: [{ upToInputTokens: null, inputPerMTok: 1, outputPerMTok: 4 }] },
  limits: { maxOutputTokens: 65_536 },
} as unknown as Pick<Offering, "params" | "pricing" | "limits">;

const prompt = "x".repeat(300); // 100 tokens at the documented 3 bytes a token

describe("repeat mode's cost estimate", () => {
  it("is the prompt's tokens plus the last answer's length, not the last run's whole conversation", () => {
    const estimate = estimateRepeatRun({ offering, params: {}, lastAnswer: { status: "done", outputTokens: 200 } }, prompt, "");
    expect(estimate).toEqual({ inputTokens: 100, outputTokens: 200, outputBasis: "last_output", perRunUsd: (100 * 1 + 200 * 4) / 1e6 });
  });

  it("counts the system prompt, which every repeat run sends", () => {
    expect(estimateRepeatRun({ offering, params: {}, lastAnswer: { status: "done", outputTokens: 0 } }, prompt, "y".repeat(30)).inputTokens).toBe(110);
  });

  it("uses max_tokens when it is set: the most a run can cost", () => {
    const estimate = estimateRepeatRun({ offering, params: { max_tokens: 50 }, lastAnswer: { status: "done", outputTokens: 200 } }, prompt, "");
    expect(estimate.outputBasis).toBe("max_tokens");
    expect(estimate.outputTokens).toBe(50);
    expect(estimate.perRunUsd).toBeCloseTo((100 + 50 * 4) / 1e6, 12);
  });

  it("without a last run or max_tokens, falls back to the offering's default output limit and says so", () => {
    const estimate = estimateRepeatRun({ offering, params: {}, lastAnswer: null }, prompt, "");
    expect(estimate).toMatchObject({ outputBasis: "offering_max", outputTokens: 4096 });
  });

  it("has no price for an offering without one", () => {
    expect(estimateRepeatRun({ offering: { ...offering, pricing: null }, params: {}, lastAnswer: { status: "done", outputTokens: 10 } }, prompt, "").perRunUsd).toBeNull();
  });

  it("never rests on a failed or stopped answer's length: it falls back to the most the run can cost", () => {
    for (const lastAnswer of [{ status: "error", outputTokens: 0 }, { status: "aborted", outputTokens: 12 }, { status: "done", outputTokens: 0 }]) {
      const estimate = estimateRepeatRun({ offering, params: {}, lastAnswer }, prompt, "");
      expect(estimate.outputBasis, lastAnswer.status).toBe("offering_max");
      expect(estimate.outputTokens).toBeGreaterThan(12);
    }
  });
});
