import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runThrough, startFakeProviders } from "@/test/support/provider-contract";

let harness: Awaited<ReturnType<typeof startFakeProviders>>;
beforeAll(async () => (harness = await startFakeProviders()));
afterAll(() => harness.close());

const model = "qwen/qwen3.5-flash-02-23";

describe("OpenRouter adapter contract", () => {
  it("sends the reasoning object and every parameter, Bearer auth and the attribution headers", async () => {
    const params = {
      reasoning: { effort: "low", exclude: false },
      max_tokens: 300,
      temperature: 0.2,
      top_p: 0.8,
      seed: 11,
      presence_penalty: 0.5,
      response_format: { type: "json_object" },
    };
    const run = await runThrough(harness.fake, { provider: "openrouter", model, text: "Hi", params });
    const [request] = run.requests;
    expect(request!.path).toBe("/openrouter/api/v1/chat/completions");
    expect(request!.headers).toMatchObject({ authorization: `Bearer ${harness.env.OPENROUTER_API_KEY}`, "http-referer": "https://playground.example", "x-title": "LLM Playground" });
    expect(request!.body).toMatchObject({ model, stream: true, ...params });
  });

  it("reads delta.reasoning, ignores keep-alive comments, keeps usage.cost beside the computed cost", async () => {
    const run = await runThrough(harness.fake, { provider: "openrouter", model, text: "Hi" });
    expect(run.record.status).toBe("done");
    expect(run.record.output.reasoning).toBe("Let me think about this carefully.");
    expect(run.record.output.text).toBe("Hello from the fake upstream.");
    expect(run.record.providerCostUsd).toBe(0.0000042);
    expect(run.record.costUsd).toBeCloseTo((21 * 0.065 + 8 * 0.26) / 1e6, 12);
  });

  it("reads reasoning sent only as reasoning_details", async () => {
    const run = await runThrough(harness.fake, { provider: "openrouter", model, text: "Hi [[details-only]]" });
    expect(run.record.output.reasoning).toBe("Let me think about this carefully.");
  });

  it("keeps the streamed reasoning_details and sends them back unchanged on the next turn, not as reasoning_content", async () => {
    const first = await runThrough(harness.fake, { provider: "openrouter", model, text: "Hi" });
    const finish = first.events.find((e) => e.type === "finish");
    const details = finish?.messageMetadata?.reasoningDetails;
    // The pieces of one reasoning.text detail are concatenated, as OpenRouter's own SDK does.
    expect(details).toEqual([{ type: "reasoning.text", text: "Let me think about this carefully." }]);

    const answer = { role: "assistant", metadata: finish!.messageMetadata, parts: [{ type: "reasoning", text: "Let me think about this carefully." }, { type: "text", text: "Hello from the fake upstream." }] };
    const second = await runThrough(harness.fake, { provider: "openrouter", model, text: "And then?", history: [{ role: "user", parts: [{ type: "text", text: "Hi" }] }, answer] });
    const sentAnswer = second.requests[0]!.body.messages[1];
    expect(sentAnswer).toMatchObject({ role: "assistant", content: "Hello from the fake upstream.", reasoning_details: details });
    expect(sentAnswer).not.toHaveProperty("reasoning_content");
  });

  it("turning thinking off sends reasoning.enabled=false", async () => {
    const run = await runThrough(harness.fake, { provider: "openrouter", model, text: "Hi", params: { reasoning: { enabled: false } } });
    expect(run.requests[0]!.body.reasoning).toEqual({ enabled: false });
    expect(run.record.output.reasoning).toBe("");
  });

  it.each([
    [429, "OpenRouter: rate limited, retry after 20 s (HTTP 429): Rate limit exceeded"],
    [402, "OpenRouter: out of credits (HTTP 402): Insufficient credits"],
    [403, "OpenRouter: the input was flagged by moderation (HTTP 403): Upstream error"],
    [502, "OpenRouter: the model is down or returned a bad response (HTTP 502): Upstream error"],
    [503, "OpenRouter: no provider matches the routing (HTTP 503): Upstream error"],
  ])("maps HTTP %i to plain words, without retrying", async (status, message) => {
    const run = await runThrough(harness.fake, { provider: "openrouter", model, text: `Hi [[status:${status}]]` });
    expect(run.record.error).toEqual({ code: `upstream_${status}`, message });
    expect(run.requests).toHaveLength(1);
  });

  it("an error event mid-stream ends the run as error and keeps the partial text", async () => {
    const run = await runThrough(harness.fake, { provider: "openrouter", model, text: "Hi [[midstream-error]]" });
    expect(run.record.status).toBe("error");
    expect(run.record.output.text).toBe("Hello from ");
    expect(run.record.error?.message).toBe("OpenRouter: the model is down or returned a bad response (HTTP 502) mid-stream: The upstream model crashed");
  });
});
