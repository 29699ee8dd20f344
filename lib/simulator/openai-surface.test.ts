import { describe, expect, it } from "vitest";
import { handleSimulatorRequest } from "./handle-simulator-request";
import { valueForSchema } from "./json-from-schema";
import { simulateCompletion } from "./simulate-completion";

// What the simulator answers as an OpenAI server: tool loops end, JSON
// matches the schema asked for, n choices, stop as a string, max_completion_tokens.

const post = (body: unknown) => handleSimulatorRequest(new Request("http://sim/v1/chat/completions", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
const tools = [{ type: "function", function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } } }];

describe("the simulator as an OpenAI server", () => {
  it("calls a tool when asked, and answers in text once the tool's result is there", () => {
    const ask = { model: "qwen3.5-flash", params: {}, tools, messages: [{ role: "user", content: "What is the weather in Oslo?" }] };
    const first = simulateCompletion(ask);
    expect(first.finishReason).toBe("tool_calls");
    const second = simulateCompletion({
      ...ask,
      messages: [...ask.messages, { role: "assistant", content: null }, { role: "tool", content: '{"celsius":4}' }],
    });
    expect(second.toolCall).toBeNull();
    expect(second.answerTokens.join("")).toContain('Tool result received: {"celsius":4}');
  });

  it("json_schema: a value that matches the schema, the same for the same seed", async () => {
    const schema = {
      type: "object",
      properties: { title: { type: "string" }, count: { type: "integer", minimum: 3, maximum: 5 }, tags: { type: "array", items: { type: "string", enum: ["a", "b"] } }, owner: { $ref: "#/$defs/person" }, note: { anyOf: [{ type: "string" }, { type: "null" }] } },
      required: ["title", "count", "tags", "owner", "note"],
      $defs: { person: { type: "object", properties: { email: { type: "string", format: "email" } }, required: ["email"] } },
    };
    const body = { model: "qwen3.5-flash", seed: 4, enable_thinking: false, sim_ttft_ms: 0, sim_tokens_per_second: 100000, messages: [{ role: "user", content: "json please" }], response_format: { type: "json_schema", json_schema: { name: "x", schema } } };
    const one = await (await post(body)).json();
    const two = await (await post(body)).json();
    const value = JSON.parse(one.choices[0].message.content);
    expect(value).toEqual(JSON.parse(two.choices[0].message.content));
    expect(Object.keys(value).sort()).toEqual(["count", "note", "owner", "tags", "title"]);
    expect(value.count).toBeGreaterThanOrEqual(3);
    expect(value.count).toBeLessThanOrEqual(5);
    expect(value.tags.every((t: string) => t === "a" || t === "b")).toBe(true);
    expect(value.owner.email).toContain("@");
    expect(valueForSchema({ const: 7 }, Math.random)).toBe(7);
  });

  it("n choices, stop as a string, max_completion_tokens", async () => {
    const many = await (await post({ model: "qwen3.5-flash", n: 3, enable_thinking: false, sim_ttft_ms: 0, sim_tokens_per_second: 100000, messages: [{ role: "user", content: "hi" }] })).json();
    expect(many.choices.map((c: { index: number }) => c.index)).toEqual([0, 1, 2]);
    expect(new Set(many.choices.map((c: { message: { content: string } }) => c.message.content)).size).toBe(3);
    const stopped = await (await post({ model: "qwen3.5-flash", stop: "said", enable_thinking: false, sim_ttft_ms: 0, sim_tokens_per_second: 100000, messages: [{ role: "user", content: "hi" }] })).json();
    expect(stopped.choices[0].message.content).not.toContain("said");
    const short = await (await post({ model: "qwen3.5-flash", max_completion_tokens: 5, enable_thinking: false, sim_ttft_ms: 0, sim_tokens_per_second: 100000, messages: [{ role: "user", content: "hi" }] })).json();
    expect(short.choices[0].finish_reason).toBe("length");
    expect(short.usage.completion_tokens).toBe(5);
  });

  it("refuses a malformed request in OpenAI's error shape", async () => {
    const response = await post({ model: "qwen3.5-flash", messages: [] });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ type: "invalid_request_error", param: "messages" });
  });

  it("answers content parts that are not OpenAI's shapes, and bodies nested too deep, with a 400 (never a 500)", async () => {
    for (const content of [[{ type: "image_url", image_url: { url: true } }], [{ type: "video_url", video_url: { url: 0 } }], [{ type: "audio_blob" }]]) {
      const response = await post({ model: "qwen3.5-flash", messages: [{ role: "user", content }] });
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatchObject({ type: "invalid_request_error", param: expect.stringMatching(/^messages\.0\.content/) });
    }
    const deep = `{"model":"qwen3.5-flash","messages":[{"role":"user","content":"hi","x":${"[".repeat(10_000)}${"]".repeat(10_000)}}]}`;
    const response = await handleSimulatorRequest(new Request("http://sim/v1/chat/completions", { method: "POST", headers: { "content-type": "application/json" }, body: deep }));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ type: "invalid_request_error", code: "too_deep" });
  });

  it("decodes at the rate asked for from the first token sent, even when that token goes out late", async () => {
    const rate = 200;
    const response = await post({ model: "qwen3.5-flash", stream: true, max_tokens: 100, enable_thinking: false, sim_ttft_ms: 20, sim_tokens_per_second: rate, messages: [{ role: "user", content: "hi" }] });
    const reader = response.body!.getReader();
    // A busy machine: the first token's timer fires ~150 ms late.
    const busyUntil = performance.now() + 150;
    while (performance.now() < busyUntil);
    const arrivals: number[] = [];
    const decoder = new TextDecoder();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      const at = performance.now();
      for (const line of decoder.decode(read.value).split("\n")) {
        if (!line.startsWith("data: {")) continue;
        const delta = JSON.parse(line.slice(6)).choices[0]?.delta;
        if (delta?.content) arrivals.push(at);
      }
    }
    expect(arrivals.length).toBeGreaterThan(50);
    const measured = (arrivals.length - 1) / ((arrivals.at(-1)! - arrivals[0]!) / 1000);
    // Later timers can only make it slower; before the fix the tokens due meanwhile burst out at once.
    expect(measured).toBeLessThanOrEqual(rate * 1.03);
  });
});
