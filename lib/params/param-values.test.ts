import { describe, expect, it } from "vitest";
import type { ParamSpec } from "@/lib/catalog/schema";
import { validateParam } from "./param-validator";
import { splitForOffering } from "./param-values";

const spec = (s: Record<string, unknown>) => s as unknown as ParamSpec;
const simulator = [spec({ name: "temperature", type: "number", min: 0, max: 2 }), spec({ name: "top_k", type: "integer", min: 1, max: 100 })];
const strict = [spec({ name: "temperature", type: "number", min: 0, max: 1 })];
const isValid = (s: ParamSpec, v: unknown) => validateParam(s, v) === null;

describe("parameters across a provider switch", () => {
  it("keeps what the new offering does not accept aside, and restores it on the way back", () => {
    const there = splitForOffering(strict, { values: { temperature: 1.5, top_k: 40 }, parked: {} }, isValid);
    // top_k is unknown there, and 1.5 is out of its temperature range: neither is sent, neither is lost.
    expect(there).toEqual({ values: {}, parked: { temperature: 1.5, top_k: 40 } });
    const back = splitForOffering(simulator, there, isValid);
    expect(back).toEqual({ values: { temperature: 1.5, top_k: 40 }, parked: {} });
  });

  it("a value set on the new offering wins over a parked one of the same name", () => {
    const split = splitForOffering(simulator, { values: { temperature: 0.3 }, parked: { temperature: 1.9, top_k: 7 } }, isValid);
    expect(split).toEqual({ values: { temperature: 0.3, top_k: 7 }, parked: {} });
  });
});
