import { describe, expect, it } from "vitest";
import { computeRunMetrics } from "./run-metrics";

describe("computeRunMetrics", () => {
  it("ground truth: 250 ms to first token, then 100 tokens at 50 tok/s", () => {
    // Token i arrives at 1250 + i * 20 ms; the last (i = 99) at 3230 ms.
    const m = computeRunMetrics({ startedAt: 1000, firstTokenAt: 1250, lastTokenAt: 3230, endedAt: 3240 }, 100);
    expect(m).toEqual({ ttftMs: 250, durationMs: 2240, tokensPerSecond: 50 });
  });

  it("no rate when everything arrived at once (non-streaming provider)", () => {
    expect(computeRunMetrics({ startedAt: 0, firstTokenAt: 900, lastTokenAt: 900, endedAt: 905 }, 300)).toEqual({ ttftMs: 900, durationMs: 905, tokensPerSecond: null });
  });

  it("no rate when the upstream delivered all content in one read, however the parts were spaced", () => {
    expect(computeRunMetrics({ startedAt: 0, firstTokenAt: 900, lastTokenAt: 902, endedAt: 905 }, 300, true).tokensPerSecond).toBeNull();
  });

  it("no TTFT when no token came (error before the answer)", () => {
    expect(computeRunMetrics({ startedAt: 0, firstTokenAt: null, lastTokenAt: null, endedAt: 42 }, null)).toEqual({ ttftMs: null, durationMs: 42, tokensPerSecond: null });
  });
});
