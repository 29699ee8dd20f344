import { describe, expect, it } from "vitest";
import { formatMs, formatRate, formatTokens, formatUsd, formatRelativeTime } from "./format";

describe("display formatting", () => {
  it("shows unknown as a dash, never as zero", () => {
    expect([formatUsd(null), formatMs(null), formatRate(null), formatTokens(undefined)]).toEqual(["—", "—", "—", "—"]);
  });

  it("keeps six significant digits of cost below $1 so billed and computed can be told apart", () => {
    expect(formatUsd(0.0300123)).toBe("$0.0300123");
    expect(formatUsd(0.030004834)).toBe("$0.0300048");
    expect(formatUsd(0.000060426)).toBe("$0.000060426");
    expect(formatUsd(0.0021)).toBe("$0.0021");
    expect(formatUsd(12.345678)).toBe("$12.3457");
    expect(formatUsd(0)).toBe("$0");
  });

  it("formats durations and rates", () => {
    expect(formatMs(95.4)).toBe("95 ms");
    expect(formatMs(12_345)).toBe("12.3 s");
    expect(formatRate(197)).toBe("197.0 tok/s");
  });
});

describe("formatRelativeTime", () => {
  const now = Date.parse("2026-11-23T12:00:00Z");
  it.each([
    ["2026-11-23T11:59:30Z", "just now"],
    ["2026-11-23T11:55:00Z", "5 min ago"],
    ["2026-11-23T09:00:00Z", "3 h ago"],
    ["2026-11-21T12:00:00Z", "2 d ago"],
    ["2026-10-01T12:00:00Z", "2026-10-01"],
  ])("%s is %s", (iso, text) => expect(formatRelativeTime(iso, now)).toBe(text));
});
