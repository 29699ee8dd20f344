import { describe, expect, it } from "vitest";
import { distinctLabels } from "./column-labels";

describe("column labels", () => {
  it("numbers a target that appears more than once, and leaves single ones alone", () => {
    expect(distinctLabels(["Simulator · Flash", "OpenRouter · Flash", "Simulator · Flash", "Simulator · Flash"])).toEqual([
      "Simulator · Flash #1",
      "OpenRouter · Flash",
      "Simulator · Flash #2",
      "Simulator · Flash #3",
    ]);
  });

  it("every label is unique", () => {
    const labels = distinctLabels(["a", "a", "b", "a", "b"]);
    expect(new Set(labels).size).toBe(labels.length);
  });
});
