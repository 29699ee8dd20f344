import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TextStreamPart, ToolSet } from "ai";
import { beforeAll, describe, expect, it } from "vitest";
import { getRun, insertRun } from "@/db/queries";
import type { Pricing } from "@/lib/catalog/schema";
import { describeError } from "./describe-error";
import { RunRecorder } from "./run-recorder";

// The recorder alone, fed the AI SDK's stream parts by hand: what it writes to
// the run's row for each way a stream can end.

beforeAll(() => {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "playground-recorder-"));
});

const pricing: Pricing = {
  currency: "USD",
  tiers: [{ upToInputTokens: null, inputPerMTok: 1, outputPerMTok: 2 }],
  cachedInputPerMTok: 0.5,
  reasoningBilledAs: "output",
  toolCallPrices: {},
  source: { url: "https://acme.example/pricing", checkedAt: "2026-11-23" },
};

type Part = TextStreamPart<ToolSet>;
const text = (t: string) => ({ type: "text-delta", id: "t", text: t }) as Part;
const reasoning = (t: string) => ({ type: "reasoning-delta", id: "r", text: t }) as Part;
const usage = { inputTokens: 100, outputTokens: 40, totalTokens: 140, inputTokenDetails: { cacheReadTokens: 20 }, outputTokenDetails: { reasoningTokens: 10 }, raw: { prompt_tokens: 100, completion_tokens: 40, prompt_tokens_details: { cached_tokens: 20 }, completion_tokens_details: { reasoning_tokens: 10 }, acme_cost: 0.5 } };
const finishStep = (finishReason: string, raw?: string) => ({ type: "finish-step", finishReason, rawFinishReason: raw, usage, response: { headers: { "x-acme": "1" } }, providerMetadata: undefined }) as unknown as Part;
const finish = (finishReason: string) => ({ type: "finish", finishReason, totalUsage: usage }) as unknown as Part;

let n = 0;
async function recorder(options: Partial<ConstructorParameters<typeof RunRecorder>[2]> = {}) {
  const runId = `recorder-${++n}`;
  await insertRun({ id: runId, status: "streaming", provider: "simulator", model: "qwen3.5-flash", params: {}, system: null, messages: [], promptText: "", createdAt: new Date() });
  const r = new RunRecorder(runId, pricing, { describe: (e) => describeError(e, { providerName: "Acme" }), ...options });
  return { r, runId };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("RunRecorder", () => {
  it("a finished stream: text, reasoning, tool calls, usage, cost and the provider's report land on the row once", async () => {
    const { r, runId } = await recorder({ readReport: ({ usage: u, headers }) => ({ providerCostUsd: Number(u?.acme_cost), notes: [`header ${headers?.["x-acme"]}`] }) });
    await sleep(30);
    r.observe(reasoning("Think. "));
    r.observe(text("Hello "));
    await sleep(30);
    r.observe(text("world."));
    r.observe({ type: "tool-call", toolCallId: "call_1", toolName: "get_weather", input: { city: "Paris" } } as Part);
    r.observe(finishStep("tool-calls", "tool_calls"));
    r.observe(finish("tool-calls"));
    const summary = await r.settle();

    expect(summary.status).toBe("done");
    expect(summary.ttftMs).toBeGreaterThanOrEqual(25);
    expect(summary.durationMs).toBeGreaterThanOrEqual(summary.ttftMs! + 25);
    // 80 uncached x $1 + 20 cached x $0.5 + 40 output x $2, per million.
    expect(summary.costUsd).toBeCloseTo((80 * 1 + 20 * 0.5 + 40 * 2) / 1e6, 12);
    const row = (await getRun(runId))!;
    expect(row).toMatchObject({
      status: "done",
      outputText: "Hello world.",
      outputReasoning: "Think. ",
      finishReason: "tool_calls",
      inputTokens: 100,
      outputTokens: 40,
      reasoningTokens: 10,
      cachedInputTokens: 20,
      usageEstimated: false,
      providerCostUsd: 0.5,
      // A billed $0.50 against a computed $0.00017 is shown with both and the gap.
      providerReport: { notes: ["header 1", expect.stringMatching(/^The provider billed \$0\.500; the price table gives \$0\.000170/)] },
      errorCode: null,
    });
    expect(row.toolCalls).toEqual([{ toolCallId: "call_1", toolName: "get_weather", input: { city: "Paris" } }]);
    // Settling again writes nothing new and answers the same.
    expect(await r.settle()).toBe(summary);
  });

  it("a stream that ends with no finish is an error that says so, billed for what streamed, marked estimated", async () => {
    const { r, runId } = await recorder({ estimatedInputTokens: 50, observation: { contentEvents: 3 } });
    r.observe(text("Par"));
    r.observe(text("tial"));
    await r.settle();
    expect(await getRun(runId)).toMatchObject({
      status: "error",
      outputText: "Partial",
      errorCode: "stream_ended_early",
      errorMessage: "Acme: the provider's stream ended without a finish reason.",
      // The upstream sent 3 content events (before coalescing), more than the 2 deltas seen here.
      inputTokens: 50,
      outputTokens: 3,
      usageEstimated: true,
      costUsd: (50 * 1 + 3 * 2) / 1e6,
    });
  });

  it("a run refused before its first token (a 429) costs $0 with a note, not an estimate", async () => {
    const refused = await recorder({ estimatedInputTokens: 300 });
    refused.r.observe({ type: "error", error: new Error("429 Too Many Requests") } as Part);
    const summary = await refused.r.settle();
    expect(summary.costUsd).toBe(0);
    const row = (await getRun(refused.runId))!;
    expect(row).toMatchObject({ status: "error", costUsd: 0, outputText: "" });
    expect(row.providerReport.notes?.[0]).toMatch(/before the first token.*costs \$0/);
  });

  it("an error part keeps its words; a stop wins over everything and is billed as far as it went", async () => {
    const failed = await recorder();
    failed.r.observe(text("A"));
    failed.r.observe({ type: "error", error: new Error("boom") } as Part);
    await failed.r.settle();
    expect(await getRun(failed.runId)).toMatchObject({ status: "error", errorCode: "upstream_error", errorMessage: "Acme: boom" });

    const stopped = await recorder({ estimatedInputTokens: 10 });
    stopped.r.observe(text("A"));
    stopped.r.markAborted();
    stopped.r.observe({ type: "error", error: new Error("aborted") } as Part);
    await stopped.r.settle();
    expect(await getRun(stopped.runId)).toMatchObject({ status: "aborted", outputText: "A", outputTokens: 1, usageEstimated: true, errorCode: null });

    const interrupted = await recorder();
    interrupted.r.markInterrupted();
    await interrupted.r.settle();
    expect(await getRun(interrupted.runId)).toMatchObject({ status: "interrupted", errorCode: "interrupted" });
  });

  it("without a raw usage report a detail the provider left out is unknown (null), not 0", async () => {
    const { r, runId } = await recorder();
    r.observe(text("Hi"));
    const bare = { inputTokens: 5, outputTokens: 1, totalTokens: 6, inputTokenDetails: { cacheReadTokens: 0 }, outputTokenDetails: { reasoningTokens: 0 }, raw: { prompt_tokens: 5, completion_tokens: 1 } };
    r.observe({ type: "finish-step", finishReason: "stop", rawFinishReason: "stop", usage: bare, response: { headers: {} } } as unknown as Part);
    r.observe({ type: "finish", finishReason: "stop", totalUsage: bare } as unknown as Part);
    await r.settle();
    expect(await getRun(runId)).toMatchObject({ status: "done", inputTokens: 5, outputTokens: 1, reasoningTokens: null, cachedInputTokens: null });
  });

  it("a row that was already finished elsewhere is left as it is", async () => {
    const { r, runId } = await recorder();
    const other = new RunRecorder(runId, pricing, { describe: (e) => describeError(e, { providerName: "Acme" }) });
    other.markInterrupted();
    await other.settle();
    r.observe(text("late"));
    r.observe(finishStep("stop", "stop"));
    r.observe(finish("stop"));
    await r.settle();
    expect(await getRun(runId)).toMatchObject({ status: "interrupted", outputText: "" });
  });
});
