import { describe, expect, it } from "vitest";
import { probabilityBand } from "./probability-bands";

describe("probabilityBand", () => {
  it.each([
    [Math.log(0.95), "≥ 90%"],
    [Math.log(0.9), "≥ 90%"],
    [Math.log(0.6), "50–90%"],
    [Math.log(0.3), "20–50%"],
    [Math.log(0.01), "< 20%"],
    [-Infinity, "< 20%"],
  ])("logprob %f is in band %s", (logprob, label) => expect(probabilityBand(logprob).label).toBe(label));
});
