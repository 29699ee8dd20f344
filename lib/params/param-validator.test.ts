import { describe, expect, it } from "vitest";
import { loadCatalog, findOffering } from "@/lib/catalog";
import { validateParams } from "./param-validator";

const specs = findOffering(loadCatalog(), "empiriolabs", "qwen3-5-4b")!.params;

describe("validateParams (same schema in browser and server)", () => {
  it("accepts valid values of every kind", () => {
    const values = {
      temperature: 1.2,
      max_tokens: 100,
      enable_thinking: false,
      reasoning_effort: "low",
      stop: ["END", "\n\n"],
      logit_bias: { "42": -100 },
      tools: [{ type: "function", function: { name: "f" } }],
      tool_choice: { type: "function", function: { name: "f" } },
    };
    expect(validateParams(specs, values)).toEqual({ ok: true, values });
  });

  it.each([
    [{ temperature: 2.5 }, "temperature", '"temperature" must be <= 2 (got 2.5)'],
    [{ temperature: -1 }, "temperature", '"temperature" must be >= 0 (got -1)'],
    [{ temperature: "hot" }, "temperature", '"temperature" must be a number (got "hot")'],
    [{ max_tokens: 10.5 }, "max_tokens", '"max_tokens" must be a whole number (got 10.5)'],
    [{ enable_thinking: "yes" }, "enable_thinking", '"enable_thinking" must be true or false (got "yes")'],
    [{ reasoning_effort: "extreme" }, "reasoning_effort", '"reasoning_effort" must be one of none, low, medium, high, max (got "extreme")'],
    [{ stop: ["a", "b", "c", "d", "e"] }, "stop", '"stop" must have at most 4 entries (got ["a","b","c","d","e"])'],
    [{ stop: ["END", ""] }, "stop", '"stop" must not contain empty strings (got ["END",""])'],
    [{ logit_bias: [1, 2] }, "logit_bias", '"logit_bias" must be a JSON object (got [1,2])'],
    [{ tools: { name: "f" } }, "tools", '"tools" must be a JSON array (got {"name":"f"})'],
    [{ bogus: 1 }, "bogus", 'Unknown parameter "bogus" for this offering'],
    [{ stream: true }, "stream", '"stream" is set by the playground and cannot be changed'],
  ])("refuses %j", (values, field, message) => {
    expect(validateParams(specs, values)).toEqual({ ok: false, error: { field, message } });
  });

  it("treats missing params as none and rejects a non-object", () => {
    expect(validateParams(specs, undefined)).toEqual({ ok: true, values: {} });
    expect(validateParams(specs, [1])).toMatchObject({ ok: false, error: { field: "params" } });
  });
});
