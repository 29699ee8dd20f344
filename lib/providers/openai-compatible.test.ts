import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runThrough, startFakeProviders } from "@/test/support/provider-contract";

let harness: Awaited<ReturnType<typeof startFakeProviders>>;
beforeAll(async () => (harness = await startFakeProviders()));
afterAll(() => harness.close());

describe("OpenAI-compatible server adapter contract", () => {
  it("offers the models from OPENAI_COMPATIBLE_MODELS and calls without a key", async () => {
    const run = await runThrough(harness.fake, { provider: "openai-compatible", model: "qwen3.5-4b-local", text: "Hi", params: { temperature: 0.1, max_tokens: 50 } });
    const [request] = run.requests;
    expect(request!.path).toBe("/openai-compatible/v1/chat/completions");
    expect(request!.headers.authorization).toBeUndefined();
    expect(request!.body).toMatchObject({ model: "qwen3.5-4b-local", temperature: 0.1, max_tokens: 50 });
    expect(run.record).toMatchObject({ status: "done", output: { text: "Hello from the fake upstream.", reasoning: "" }, costUsd: null });
  });

  it("sends the key when one is configured", async () => {
    process.env.OPENAI_COMPATIBLE_API_KEY = "local-secret-key";
    try {
      const run = await runThrough(harness.fake, { provider: "openai-compatible", model: "llama3.1:8b", text: "Hi" });
      expect(run.requests[0]!.headers.authorization).toBe("Bearer local-secret-key");
    } finally {
      delete process.env.OPENAI_COMPATIBLE_API_KEY;
    }
  });
});

describe("failures every provider shares", () => {
  it("a stalled upstream ends the run as error (timeout) and keeps the partial text", async () => {
    process.env.UPSTREAM_IDLE_TIMEOUT_MS = "400";
    try {
      const run = await runThrough(harness.fake, { provider: "empiriolabs", model: "qwen3-5-flash", text: "Hi [[stall]]" });
      expect(run.record.status).toBe("error");
      expect(run.record.output.text).toBe("Partial ");
      expect(run.record.error).toEqual({ code: "upstream_timeout", message: "EmpirioLabs: no data from the provider for 0 s (timeout)".replace("0 s", "0.4 s") });
    } finally {
      delete process.env.UPSTREAM_IDLE_TIMEOUT_MS;
    }
  });

  it("malformed stream data ends the run as error with plain words", async () => {
    const run = await runThrough(harness.fake, { provider: "openrouter", model: "qwen/qwen3.5-flash-02-23", text: "Hi [[malformed]]" });
    expect(run.record.status).toBe("error");
    expect(run.record.output.text).toBe("Partial ");
    expect(run.record.error).toEqual({ code: "malformed_stream", message: "OpenRouter: the provider sent malformed stream data." });
  });

  it("a stream cut short (no finish reason, no [DONE]) is an error that says so, and keeps the text", async () => {
    const run = await runThrough(harness.fake, { provider: "empiriolabs", model: "qwen3-5-flash", text: "Hi [[cut]]" });
    expect(run.record.status).toBe("error");
    expect(run.record.output.text).toBe("Partial ");
    expect(run.record.error).toEqual({ code: "stream_ended_early", message: "EmpirioLabs: the provider's stream ended without a finish reason." });
  });

  it.each(["empiriolabs", "openrouter", "dashscope"])("%s: an answer cut by max_tokens, its finish reason on the last text chunk, is a finished run that says length", async (provider) => {
    const model = { empiriolabs: "qwen3-5-flash", openrouter: "qwen/qwen3.5-flash-02-23", dashscope: "qwen3.5-flash" }[provider]!;
    // The fake sends the last two chunks in one write: the coalescer sees them in one read.
    const run = await runThrough(harness.fake, { provider, model, text: "Hi [[length]]" });
    expect(run.record).toMatchObject({ status: "done", finishReason: "length", error: null, output: { text: "Hello from the fake upstream." } });
  });

  it("an unreachable provider is named as such", async () => {
    const saved = process.env.DASHSCOPE_BASE_URL;
    process.env.DASHSCOPE_BASE_URL = "http://127.0.0.1:9/compatible-mode/v1";
    try {
      const run = await runThrough(harness.fake, { provider: "dashscope", model: "qwen3.5-flash", text: "Hi" });
      expect(run.record.error).toEqual({ code: "upstream_unreachable", message: "Alibaba Model Studio: could not reach the provider." });
    } finally {
      process.env.DASHSCOPE_BASE_URL = saved;
    }
  });
});
