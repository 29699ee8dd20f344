import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FAKE_USAGE } from "@/e2e/fake-upstream/fake-upstream";
import { runThrough, startFakeProviders } from "@/test/support/provider-contract";

let harness: Awaited<ReturnType<typeof startFakeProviders>>;
beforeAll(async () => (harness = await startFakeProviders()));
afterAll(() => harness.close());

describe("EmpirioLabs adapter contract", () => {
  it("sends every parameter as a top-level body field with Bearer auth", async () => {
    const params = {
      temperature: 0.3,
      top_p: 0.5,
      max_tokens: 100,
      enable_thinking: false,
      vl_high_resolution_images: false,
      max_pixels: 1000000,
      tool_web_search: true,
      tool_web_extractor: false,
      tool_code_interpreter: false,
      tool_web_search_image: false,
      tool_image_search: false,
      video_fps: 3,
      treat_images_as_video: true,
      disable_formatting: true,
    };
    const run = await runThrough(harness.fake, { provider: "empiriolabs", model: "qwen3-5-flash", text: "Hi", params, system: "Be brief." });
    const [request] = run.requests;
    expect(request).toMatchObject({ method: "POST", path: "/empiriolabs/v1/chat/completions" });
    expect(request!.headers.authorization).toBe(`Bearer ${harness.env.EMPIRIOLABS_API_KEY}`);
    expect(request!.body).toMatchObject({ model: "qwen3-5-flash", stream: true, stream_options: { include_usage: true }, ...params });
    expect(request!.body.messages).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Hi" },
    ]);
    // Thinking off was sent explicitly, and no reasoning came back.
    expect(run.record.output.reasoning).toBe("");
  });

  it("parses reasoning_content, text and usage; keeps cost_usd and tool_usage beside the computed cost", async () => {
    const run = await runThrough(harness.fake, { provider: "empiriolabs", model: "qwen3-5-flash", text: "Hi", params: { tool_web_search: true } });
    expect(run.record.status).toBe("done");
    expect(run.record.output.reasoning).toBe("Let me think about this carefully.");
    expect(run.record.output.text).toBe("Hello from the fake upstream.");
    expect(run.record.usage).toMatchObject({ inputTokens: FAKE_USAGE.prompt_tokens, outputTokens: FAKE_USAGE.completion_tokens, reasoningTokens: 3, cachedInputTokens: 5 });
    expect(run.record.providerCostUsd).toBeCloseTo(0.0000123 + 2 * 0.015, 12);
    expect(run.record.providerReport.toolUsage).toEqual({ web_search: 2 });
    // Computed: 21 input (no cached price: cached at the input price) + 8 output + 2 web searches.
    expect(run.record.costUsd).toBeCloseTo((21 * 0.09 + 8 * 0.368) / 1e6 + 2 * 0.015, 12);
  });

  it("variant1 and 4B: reasoning_effort, thinking_budget, stop, top_k, seed, response_format, tools", async () => {
    const variant = await runThrough(harness.fake, {
      provider: "empiriolabs",
      model: "qwen3-5-flash:variant1",
      text: "Hi",
      params: { reasoning_effort: "low", thinking_budget: 2000, stop: ["END"], response_format: { type: "json_object" } },
    });
    expect(variant.requests[0]!.body).toMatchObject({ model: "qwen3-5-flash:variant1", reasoning_effort: "low", thinking_budget: 2000, stop: ["END"], response_format: { type: "json_object" } });

    const tools = [{ type: "function", function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } } }];
    const fourB = await runThrough(harness.fake, {
      provider: "empiriolabs",
      model: "qwen3-5-4b",
      text: "Weather? [[tool]]",
      params: { top_k: 50, min_p: 0.1, repetition_penalty: 1.2, seed: 7, logprobs: true, top_logprobs: 3, logit_bias: { "42": -5 }, tools, tool_choice: { type: "function", function: { name: "get_weather" } } },
    });
    const body = fourB.requests[0]!.body;
    expect(body).toMatchObject({ top_k: 50, min_p: 0.1, repetition_penalty: 1.2, seed: 7, logprobs: true, top_logprobs: 3, logit_bias: { "42": -5 } });
    expect(body.tool_choice).toEqual({ type: "function", function: { name: "get_weather" } });
    expect(body.tools).toEqual([{ type: "function", function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } } }]);
    expect(fourB.record.output.toolCalls).toEqual([{ toolCallId: "call_fake_1", toolName: "get_weather", input: { city: "Paris" } }]);
    expect(fourB.record.finishReason).toBe("tool_calls");
  });

  it("maps 402 to not enough credits, names the provider and never carries the key", async () => {
    const run = await runThrough(harness.fake, { provider: "empiriolabs", model: "qwen3-5-flash", text: "Hi [[status:402]]" });
    expect(run.record).toMatchObject({ status: "error", error: { code: "upstream_402", message: "EmpirioLabs: not enough credits (payment required) (HTTP 402): insufficient_credits (fake)" } });
    expect(run.requests).toHaveLength(1);
    // The key went upstream, and nowhere else: not in the stream, not in the record.
    expect(run.requests[0]!.headers.authorization).toContain(harness.env.EMPIRIOLABS_API_KEY!);
    expect(JSON.stringify({ events: run.events, record: run.record })).not.toContain(harness.env.EMPIRIOLABS_API_KEY);
  });
});
