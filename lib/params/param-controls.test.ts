import { describe, expect, it } from "vitest";
import { findOffering, loadCatalog } from "@/lib/catalog";
import type { ParamSpec } from "@/lib/catalog/schema";
import { controlFor } from "./param-controls";
import { changedParams, isChanged } from "./param-values";

const catalog = loadCatalog();
const spec = (provider: "empiriolabs" | "openrouter", model: string, name: string): ParamSpec =>
  findOffering(catalog, provider, model)!.params.find((p) => p.name === name)!;

describe("controlFor", () => {
  it("gives a bounded number a slider (plus input) with a sensible step", () => {
    expect(controlFor(spec("empiriolabs", "qwen3-5-4b", "temperature"))).toEqual({ kind: "slider", min: 0, max: 2, step: 0.01, integer: false });
    expect(controlFor(spec("empiriolabs", "qwen3-5-4b", "top_k"))).toEqual({ kind: "slider", min: 1, max: 200, step: 1, integer: true });
    expect(controlFor(spec("empiriolabs", "qwen3-5-flash", "video_fps"))).toMatchObject({ kind: "slider", min: 0.1, max: 10, step: 0.1 });
  });

  it("gives an unbounded or huge-range number a plain number input", () => {
    expect(controlFor(spec("openrouter", "qwen/qwen3.5-flash-02-23", "seed"))).toEqual({ kind: "number", min: undefined, max: undefined, integer: true });
    expect(controlFor(spec("empiriolabs", "qwen3-5-flash", "max_pixels"))).toMatchObject({ kind: "number", min: 1, max: 99999999 });
  });

  it("maps boolean, enum, string list, objects and managed fields", () => {
    expect(controlFor(spec("empiriolabs", "qwen3-5-4b", "enable_thinking"))).toEqual({ kind: "switch" });
    expect(controlFor(spec("empiriolabs", "qwen3-5-4b", "reasoning_effort"))).toEqual({ kind: "select", options: ["none", "low", "medium", "high", "max"] });
    expect(controlFor(spec("empiriolabs", "qwen3-5-4b", "stop"))).toEqual({ kind: "tags", maxItems: 4 });
    for (const name of ["tool_choice", "logit_bias"]) {
      expect(controlFor(spec("empiriolabs", "qwen3-5-4b", name)).kind).toBe("json");
    }
    expect(controlFor(spec("empiriolabs", "qwen3-5-4b", "tools")).kind).toBe("tools");
    expect(controlFor(spec("empiriolabs", "qwen3-5-4b", "response_format")).kind).toBe("response_format");
    expect(controlFor(spec("openrouter", "qwen/qwen3.5-flash-02-23", "reasoning"))).toMatchObject({ kind: "json", expect: "object" });
    expect(controlFor(spec("empiriolabs", "qwen3-5-4b", "stream"))).toEqual({ kind: "readonly" });
  });
});

describe("only changed values are sent", () => {
  const specs = findOffering(catalog, "empiriolabs", "qwen3-5-4b")!.params;

  it("drops values equal to the default and keeps the rest", () => {
    expect(changedParams(specs, { temperature: 0.7, top_p: 0.5, enable_thinking: true, seed: 7, stop: ["x"] })).toEqual({ top_p: 0.5, seed: 7, stop: ["x"] });
  });

  it("a param without default counts as changed once set", () => {
    expect(isChanged(spec("empiriolabs", "qwen3-5-4b", "seed"), undefined)).toBe(false);
    expect(isChanged(spec("empiriolabs", "qwen3-5-4b", "seed"), 0)).toBe(true);
  });
});
