import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRawExchange } from "@/lib/runs/read-raw-exchange";
import { runThrough, startFakeProviders } from "@/test/support/provider-contract";
import { ownerActor } from "@/test/support/test-actor";

let harness: Awaited<ReturnType<typeof startFakeProviders>>;
beforeAll(async () => (harness = await startFakeProviders()));
afterAll(() => harness.close());

describe("Segmind adapter contract", () => {
  it("posts { messages } to the model-in-path URL with x-api-key and a JSON content type", async () => {
    const run = await runThrough(harness.fake, { provider: "segmind", model: "qwen3.5-flash", text: "tell me a joke on cats", system: "Be funny." });
    const [request] = run.requests;
    expect(request).toMatchObject({ method: "POST", path: "/segmind/v1/qwen3.5-flash" });
    expect(request!.headers["x-api-key"]).toBe(harness.env.SEGMIND_API_KEY);
    expect(request!.headers["content-type"]).toContain("application/json");
    expect(request!.headers.authorization).toBeUndefined();
    expect(request!.body).toEqual({
      messages: [
        { role: "system", content: "Be funny." },
        { role: "user", content: "tell me a joke on cats" },
      ],
    });
  });

  it("streams the one JSON answer to the browser and records honestly that it came all at once", async () => {
    const run = await runThrough(harness.fake, { provider: "segmind", model: "qwen3.5-flash", text: "Hi" });
    expect(run.record.status).toBe("done");
    expect(run.record.output).toMatchObject({ reasoning: "Let me think about this carefully.", text: "Hello from the fake upstream." });
    expect(run.events.some((e) => e.type === "text-delta")).toBe(true);
    // The fake waits 40 ms on a Node timer (millisecond loop clock: up to 1 ms early by performance.now()).
    expect(run.record.ttftMs).toBeGreaterThanOrEqual(39);
    expect(run.record.tokensPerSecond).toBeNull();
    expect(run.record.usage).toMatchObject({ inputTokens: 21, outputTokens: 8, reasoningTokens: null, cachedInputTokens: null });
    expect(run.record.providerReport.notes?.[0]).toMatch(/first token came with the whole answer/);
  });

  it("an answer cut by max_tokens is a finished run that says length, and the raw view shows Segmind's own JSON", async () => {
    const run = await runThrough(harness.fake, { provider: "segmind", model: "qwen3.5-flash", text: "Hi [[length]]" });
    expect(run.record).toMatchObject({ status: "done", finishReason: "length", error: null, output: { text: "Hello from the fake upstream." } });
    let raw: { request: { url: string }; response: { events: string[]; body: string } } | undefined;
    for (let i = 0; i < 50 && !raw; i++) {
      const response = await readRawExchange(run.runId, await ownerActor(), new URL(`http://localhost/api/runs/${run.runId}/raw`));
      if (response.ok) raw = await response.json();
      else await new Promise((r) => setTimeout(r, 20));
    }
    expect(raw?.request.url).toMatch(/\/segmind\/v1\/qwen3\.5-flash$/);
    expect(raw?.response.events).toEqual([]);
    expect(JSON.parse(raw!.response.body)).toMatchObject({ id: "segmind-fake", choices: [{ finish_reason: "length" }] });
  });

  it("keeps x-cost as the provider cost and shows x-remaining-credits", async () => {
    const run = await runThrough(harness.fake, { provider: "segmind", model: "qwen3.5-flash", text: "Hi" });
    expect(run.record.providerCostUsd).toBe(0.0021);
    expect(run.record.providerReport.remainingCredits).toBe(9.4979);
    expect(run.record.costUsd).toBeNull();
  });

  it("406 is 'not enough credits', called once and never retried", async () => {
    const run = await runThrough(harness.fake, { provider: "segmind", model: "qwen3.5-flash", text: "Hi [[status:406]]" });
    expect(run.record.error).toEqual({ code: "upstream_406", message: "Segmind: not enough credits (HTTP 406): Not enough credits. Required 0.01, remaining 0.00" });
    expect(run.requests).toHaveLength(1);
  });

  it.each([
    [401, "Segmind: the API key was refused (HTTP 401): API key is invalid"],
    [429, "Segmind: rate limited, retry after 20 s (HTTP 429): Error"],
    [500, "Segmind: the provider had a server error (HTTP 500): Error"],
  ])("maps HTTP %i", async (status, message) => {
    const run = await runThrough(harness.fake, { provider: "segmind", model: "qwen3.5-flash", text: `[[status:${status}]]` });
    expect(run.record.error?.message).toBe(message);
    expect(run.requests).toHaveLength(1);
  });
});

describe("Segmind messages as its page documents them", () => {
  it("sends every earlier turn as { role, content: string }, without reasoning or other fields", async () => {
    const history = [
      { role: "user", parts: [{ type: "text", text: "tell me a joke on cats" }] },
      { role: "assistant", parts: [{ type: "reasoning", text: "Cats are funny." }, { type: "text", text: "here is a joke about cats..." }] },
    ];
    const run = await runThrough(harness.fake, { provider: "segmind", model: "qwen3.5-flash", text: "now a joke on dogs", history });
    expect(run.requests[0]!.body).toEqual({
      messages: [
        { role: "user", content: "tell me a joke on cats" },
        { role: "assistant", content: "here is a joke about cats..." },
        { role: "user", content: "now a joke on dogs" },
      ],
    });
  });

  it("joins a message's text parts into one string", async () => {
    const { segmindMessages } = await import("./segmind");
    expect(segmindMessages([{ role: "user", content: [{ type: "text", text: "a" }, { type: "text", text: "b" }] }])).toEqual([{ role: "user", content: "a\nb" }]);
    expect(segmindMessages([{ role: "assistant", content: null, tool_calls: [] }])).toEqual([{ role: "assistant", content: "" }]);
  });
});
