import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runThrough, startFakeProviders } from "@/test/support/provider-contract";

let harness: Awaited<ReturnType<typeof startFakeProviders>>;
beforeAll(async () => (harness = await startFakeProviders()));
afterAll(() => harness.close());

describe("Alibaba Model Studio (DashScope) adapter contract", () => {
  it("sends enable_thinking/thinking_budget/top_k top-level and asks for usage", async () => {
    const params = { enable_thinking: true, thinking_budget: 1024, top_k: 30, temperature: 0.5, vl_high_resolution_images: true, stop: ["\n\n"] };
    const run = await runThrough(harness.fake, { provider: "dashscope", model: "qwen3.5-flash", text: "Hi", params });
    const [request] = run.requests;
    expect(request!.path).toBe("/dashscope/compatible-mode/v1/chat/completions");
    expect(request!.headers.authorization).toBe(`Bearer ${harness.env.DASHSCOPE_API_KEY}`);
    expect(request!.body).toMatchObject({ model: "qwen3.5-flash", stream: true, stream_options: { include_usage: true }, ...params });
    expect(run.record.output.reasoning).toBe("Let me think about this carefully.");
    expect(run.record.output.text).toBe("Hello from the fake upstream.");
    expect(run.record.usage).toMatchObject({ inputTokens: 21, outputTokens: 8, reasoningTokens: 3, cachedInputTokens: 5 });
    // No price table for DashScope in our sources: cost unknown, not zero.
    expect(run.record.costUsd).toBeNull();
  });

  it("turning thinking off sends an explicit enable_thinking=false", async () => {
    const run = await runThrough(harness.fake, { provider: "dashscope", model: "qwen3.5-flash", text: "Hi", params: { enable_thinking: false } });
    expect(run.requests[0]!.body.enable_thinking).toBe(false);
    expect(run.record.output.reasoning).toBe("");
    expect(run.record.output.text).toBe("Hello from the fake upstream.");
  });

  it.each([
    [400, "Alibaba Model Studio: bad request (HTTP 400): invalid_request (fake)"],
    [403, "Alibaba Model Studio: access denied or the account is overdue (HTTP 403): access_denied (fake)"],
    [429, "Alibaba Model Studio: rate limited or out of quota, retry after 20 s (HTTP 429): rate_limit_exceeded (fake)"],
    [500, "Alibaba Model Studio: the provider had a server error (HTTP 500): upstream_error (fake)"],
  ])("maps HTTP %i", async (status, message) => {
    const run = await runThrough(harness.fake, { provider: "dashscope", model: "qwen3.5-flash", text: `[[status:${status}]]` });
    expect(run.record.error?.message).toBe(message);
  });
});
