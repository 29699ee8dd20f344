import { describe, expect, it } from "vitest";
import { simulateCompletion, tokenize } from "./simulate-completion";

const base = { model: "qwen3.5-flash", messages: [{ role: "user", content: "Compare providers for me" }], params: {} };

describe("simulateCompletion", () => {
  it("is deterministic for a seed and input, and varies with the seed", () => {
    expect(simulateCompletion(base)).toEqual(simulateCompletion(base));
    const a = simulateCompletion({ ...base, params: { seed: 1 } });
    const b = simulateCompletion({ ...base, params: { seed: 2 } });
    expect(a.answerTokens.join("")).not.toEqual(b.answerTokens.join(""));
  });

  it("reflects the last user message and the parameters received", () => {
    const r = simulateCompletion({ ...base, params: { temperature: 0.2 } });
    const answer = r.answerTokens.join("");
    expect(answer).toContain('You said: "Compare providers for me"');
    expect(answer).toContain("`temperature=0.2`");
  });

  it("thinks by default, not when enable_thinking is false, and within thinking_budget", () => {
    expect(simulateCompletion(base).reasoningTokens.length).toBeGreaterThan(10);
    expect(simulateCompletion({ ...base, params: { enable_thinking: false } }).reasoningTokens).toEqual([]);
    expect(simulateCompletion({ ...base, params: { thinking_budget: 5 } }).reasoningTokens).toHaveLength(5);
  });

  it("honours max_tokens with finish_reason length, and a requested length", () => {
    const cut = simulateCompletion({ ...base, params: { max_tokens: 7 } });
    expect(cut.answerTokens).toHaveLength(7);
    expect(cut.finishReason).toBe("length");
    const long = simulateCompletion({ ...base, messages: [{ role: "user", content: "write 500 words" }] });
    expect(long.answerTokens.length).toBeGreaterThanOrEqual(490);
  });

  it("honours stop: the answer ends before the first stop string", () => {
    const r = simulateCompletion({ ...base, params: { stop: ["```"] } });
    expect(r.answerTokens.join("")).not.toContain("```");
    expect(r.answerTokens.join("")).toContain("Parameters received");
    expect(r.finishReason).toBe("stop");
  });

  it("reports usage that adds up", () => {
    const r = simulateCompletion(base);
    expect(r.usage.completionTokens).toBe(r.reasoningTokens.length + r.answerTokens.length);
    expect(r.usage.reasoningTokens).toBe(r.reasoningTokens.length);
    expect(r.usage.promptTokens).toBe(4 + tokenize("Compare providers for me").length);
  });

  it("calls a tool when tools are given and the message asks for it", () => {
    const tools = [{ type: "function", function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } } }];
    const r = simulateCompletion({ ...base, messages: [{ role: "user", content: "What is the weather in Paris?" }], tools });
    expect(r.finishReason).toBe("tool_calls");
    expect(r.toolCall).toMatchObject({ name: "get_weather" });
    expect(JSON.parse(r.toolCall!.arguments)).toEqual({ city: "What is the weather in Paris?" });
    expect(simulateCompletion({ ...base, tools, toolChoice: "none" }).toolCall).toBeNull();
  });
});
