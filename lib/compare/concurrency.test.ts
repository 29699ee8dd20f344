import { describe, expect, it } from "vitest";
import { runLimited } from "./concurrency";

describe("runLimited", () => {
  it("never has more than `limit` tasks in flight and keeps order", async () => {
    let inFlight = 0;
    let peak = 0;
    const tasks = Array.from({ length: 10 }, (_, i) => async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      if (i === 3) throw new Error("boom");
      return i;
    });
    const results = await runLimited(tasks, 3);
    expect(peak).toBe(3);
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : "x"))).toEqual([0, 1, 2, "x", 4, 5, 6, 7, 8, 9]);
  });

  it("starts nothing new after abort", async () => {
    const controller = new AbortController();
    let started = 0;
    const tasks = Array.from({ length: 5 }, () => async () => {
      started++;
      controller.abort();
      return 1;
    });
    await runLimited(tasks, 1, controller.signal);
    expect(started).toBe(1);
  });
});
