import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runThrough, startFakeProviders } from "@/test/support/provider-contract";

let harness: Awaited<ReturnType<typeof startFakeProviders>>;
beforeAll(async () => (harness = await startFakeProviders()));
afterAll(() => harness.close());

const model = "alibaba/qwen3.5-flash";

describe("Vercel AI Gateway adapter contract", () => {
  it("sends reasoning and routing providerOptions as body fields, with Bearer auth", async () => {
    const params = {
      temperature: 0.4,
      max_tokens: 500,
      stop: ["END"],
      seed: 3,
      frequency_penalty: 0.1,
      reasoning: { enabled: true, effort: "low" },
      provider_options: { gateway: { only: ["alibaba"], order: ["alibaba"] } },
    };
    const run = await runThrough(harness.fake, { provider: "ai-gateway", model, text: "Hi", params });
    const [request] = run.requests;
    expect(request!.path).toBe("/ai-gateway/v1/chat/completions");
    expect(request!.headers.authorization).toBe(`Bearer ${harness.env.AI_GATEWAY_API_KEY}`);
    const { provider_options: routing, ...rest } = params;
    expect(request!.body).toMatchObject({ model, stream: true, ...rest, providerOptions: routing });
    expect(request!.body).not.toHaveProperty("provider_options");
  });

  it("reads delta.reasoning, text, usage with cached and reasoning tokens, and computes cost with the cache price", async () => {
    const run = await runThrough(harness.fake, { provider: "ai-gateway", model, text: "Hi" });
    expect(run.record.output.reasoning).toBe("Let me think about this carefully.");
    expect(run.record.output.text).toBe("Hello from the fake upstream.");
    expect(run.record.usage).toMatchObject({ inputTokens: 21, outputTokens: 8, reasoningTokens: 3, cachedInputTokens: 5 });
    // 16 uncached at $0.10, 5 cached at $0.00, 8 output at $0.40 per 1M.
    expect(run.record.costUsd).toBeCloseTo((16 * 0.1 + 8 * 0.4) / 1e6, 12);
    expect(run.record.providerCostUsd).toBeNull();
  });

  it("maps 401 and 404", async () => {
    expect((await runThrough(harness.fake, { provider: "ai-gateway", model, text: "[[status:401]]" })).record.error?.message).toBe(
      "AI Gateway: the API key was refused (HTTP 401): invalid_api_key (fake)".replace("AI Gateway", "Vercel AI Gateway"),
    );
    expect((await runThrough(harness.fake, { provider: "ai-gateway", model, text: "[[status:404]]" })).record.error?.code).toBe("upstream_404");
  });
});
