import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ownerActor } from "@/test/support/test-actor";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listRuns } from "@/db/queries";
import { AppError } from "@/lib/http/app-error";
import { handleSimulatorRequest } from "@/lib/simulator/handle-simulator-request";
import { simulateCompletion } from "@/lib/simulator/simulate-completion";
import { serveFetchHandler, type FetchHandler, type ServedHandler } from "@/test/support/serve-fetch-handler";
import { getRunRecord } from "./read-runs";
import { startRun } from "./start-run";
import { estimateInputTokens } from "./worst-case-cost";

// The whole proxy path in-process: startRun -> AI SDK -> HTTP on 127.0.0.1 ->
// an upstream speaking the OpenAI-compatible wire format -> the SQLite row.

let upstream: ServedHandler;
let handler: FetchHandler = handleSimulatorRequest;
let upstreamSignals: AbortSignal[] = [];

beforeAll(async () => {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "playground-run-"));
  upstream = await serveFetchHandler((request) => {
    upstreamSignals.push(request.signal);
    return handler(request);
  });
  process.env.SIMULATOR_BASE_URL = `${upstream.url}/v1`;
});
afterAll(() => upstream.close());
beforeEach(() => {
  handler = handleSimulatorRequest;
  upstreamSignals = [];
});

const body = (params: Record<string, unknown>, text = "Tell me about latency") => ({
  provider: "simulator",
  model: "qwen3.5-flash",
  messages: [{ id: "u1", role: "user", parts: [{ type: "text", text }] }],
  params,
});

const post = (json: unknown, signal?: AbortSignal) =>
  new Request("http://localhost/api/runs", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(json), signal });

async function readEvents(response: Response): Promise<Record<string, any>[]> {
  const text = await response.text();
  return text
    .split("\n\n")
    .map((block) => block.replace(/^data: /, "").trim())
    .filter((data) => data && data !== "[DONE]")
    .map((data) => JSON.parse(data));
}

async function settled(id: string) {
  for (let i = 0; i < 50; i++) {
    const record = await getRunRecord(id, await ownerActor());
    if (record.status !== "streaming") return record;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("run never finished");
}

describe("POST /api/runs through the simulator", () => {
  it("streams reasoning then text, and records the run with metrics matching the upstream's timing", async () => {
    const response = await startRun(post(body({ sim_ttft_ms: 150, sim_tokens_per_second: 400, temperature: 0.3 })), await ownerActor());
    const runId = response.headers.get("x-run-id")!;
    expect(runId).toMatch(/^[0-9a-f-]{36}$/);
    const events = await readEvents(response);
    const types = events.map((e) => e.type);
    expect(types.indexOf("reasoning-delta")).toBeLessThan(types.indexOf("text-delta"));
    expect(events[0]).toMatchObject({ type: "start", messageMetadata: { runId, provider: "simulator" } });
    const finish = events.find((e) => e.type === "finish")!;
    expect(finish.messageMetadata.summary).toMatchObject({ status: "done", reasoningTokens: expect.any(Number) });

    const run = await settled(runId);
    expect(run).toMatchObject({ status: "done", params: { sim_ttft_ms: 150, sim_tokens_per_second: 400, temperature: 0.3 }, finishReason: "stop", error: null });
    expect(run.output.text).toContain("`temperature=0.3`");
    // Ground truth: the upstream waits 150 ms, then sends 400 tokens/s.
    // (A Node timer fires on the loop's millisecond clock: up to 1 ms early by performance.now().)
    expect(run.ttftMs!).toBeGreaterThanOrEqual(149);
    expect(run.tokensPerSecond!).toBeGreaterThan(400 * 0.85);
    expect(run.tokensPerSecond!).toBeLessThan(400 * 1.15);
    // Usage is what the upstream reported: the simulator's own count for this request.
    const truth = simulateCompletion({ model: "qwen3.5-flash", messages: [{ role: "user", content: "Tell me about latency" }], params: { temperature: 0.3, sim_ttft_ms: 150, sim_tokens_per_second: 400 } });
    expect(run.usage).toMatchObject({ inputTokens: truth.usage.promptTokens, outputTokens: truth.usage.completionTokens, reasoningTokens: truth.usage.reasoningTokens, estimated: false });
    const streamed = events.filter((e) => e.type === "text-delta").map((e) => e.delta).join("");
    expect(streamed).toBe(truth.answerTokens.join(""));
    expect(run.costUsd).toBeCloseTo((run.usage.inputTokens! * 0.09 + run.usage.outputTokens! * 0.368) / 1e6, 12);
    // The same numbers went to the browser and into the database.
    expect(finish.messageMetadata.summary.outputTokens).toBe(run.usage.outputTokens);
    expect(finish.messageMetadata.summary.costUsd).toBe(run.costUsd);
  });

  it("refuses bad input with 400 before any upstream call or row", async () => {
    const before = (await listRuns({ limit: 200 })).runs.length;
    const cases: [unknown, string, string | undefined][] = [
      [body({ top_p: 3 }), "invalid_param", "top_p"],
      [body({ surprise: true }), "invalid_param", "surprise"],
      [{ ...body({}), provider: "nope" }, "unknown_provider", "provider"],
      [{ ...body({}), provider: "No Such/Provider" }, "invalid_request", "provider"],
      [{ ...body({}), model: "gpt-4" }, "unknown_model", "model"],
      [{ ...body({}), messages: [] }, "invalid_request", "messages"],
      [{ ...body({}), provider: "openrouter", model: "qwen/qwen3.5-flash-02-23" }, "provider_not_configured", "provider"],
    ];
    for (const [json, code, field] of cases) {
      const error = await startRun(post(json), await ownerActor()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ status: 400, code, field });
    }
    expect(upstreamSignals).toHaveLength(0);
    expect((await listRuns({ limit: 200 })).runs.length).toBe(before);
  });

  it("a stopped request cancels the upstream call and ends aborted with the partial text", async () => {
    const controller = new AbortController();
    const response = await startRun(post(body({ sim_ttft_ms: 0, sim_tokens_per_second: 200, enable_thinking: false }, "write 5000 words"), controller.signal), await ownerActor());
    const runId = response.headers.get("x-run-id")!;
    const reader = response.body!.getReader();
    let seen = "";
    while (!seen.includes("text-delta")) seen += new TextDecoder().decode((await reader.read()).value);
    await new Promise((r) => setTimeout(r, 200));
    controller.abort();
    await reader.cancel().catch(() => undefined);

    const run = await settled(runId);
    expect(run.status).toBe("aborted");
    expect(run.output.text).toContain("Simulated answer");
    // No usage report after a stop: billed for what streamed, marked estimated (the prompt by the admission's estimate).
    const promptTokens = estimateInputTokens(body({}, "write 5000 words").messages);
    expect(run.usage).toMatchObject({ estimated: true, inputTokens: promptTokens });
    expect(run.usage.outputTokens!).toBeGreaterThan(5);
    expect(run.usage.outputTokens!).toBeLessThan(4000);
    // The simulator's Flash price: $0.09 per million input tokens, $0.368 per million output tokens.
    expect(run.costUsd).toBeCloseTo((promptTokens * 0.09 + run.usage.outputTokens! * 0.368) / 1e6, 12);
    await expect.poll(() => upstreamSignals[0]?.aborted).toBe(true);
  });

  it("an upstream HTTP error ends the run as error with the provider named, once, without retry", async () => {
    handler = () => Response.json({ error: { message: "Too many requests", type: "rate_limit_exceeded", code: 429 } }, { status: 429 });
    const response = await startRun(post(body({})), await ownerActor());
    const events = await readEvents(response);
    expect(events.find((e) => e.type === "error")?.errorText).toBe("Simulator: rate limited (HTTP 429)");
    const run = await settled(response.headers.get("x-run-id")!);
    expect(run).toMatchObject({ status: "error", error: { code: "upstream_429", message: "Simulator: rate limited (HTTP 429)" } });
    expect(upstreamSignals).toHaveLength(1);
  });

  it("an error event mid-stream ends the run as error and keeps the partial text", async () => {
    handler = () => {
      const chunk = (delta: object) => `data: ${JSON.stringify({ id: "x", object: "chat.completion.chunk", created: 1, model: "m", choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`;
      return new Response(`${chunk({ role: "assistant", content: "" }) + chunk({ content: "Partial answer" })}data: ${JSON.stringify({ error: { message: "upstream exploded", code: 502 } })}\n\n`, {
        headers: { "content-type": "text/event-stream" },
      });
    };
    const response = await startRun(post(body({})), await ownerActor());
    await readEvents(response);
    const run = await settled(response.headers.get("x-run-id")!);
    expect(run.status).toBe("error");
    expect(run.output.text).toBe("Partial answer");
    expect(run.error?.message).toContain("Simulator");
  });
});

describe("tools and structured output through POST /api/runs", () => {
  const tools = [{ type: "function", function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } } }];
  const fast = { sim_ttft_ms: 0, sim_tokens_per_second: 5000 };

  it("a tool result typed in the playground goes upstream as a tool message, and the answer follows it", async () => {
    let sent: { messages: { role: string; content: unknown; tool_call_id?: string }[] } | null = null;
    handler = async (request) => {
      sent = await request.clone().json();
      return handleSimulatorRequest(request);
    };
    const messages = [
      { id: "u1", role: "user", parts: [{ type: "text", text: "Weather in Lisbon?" }] },
      { id: "a1", role: "assistant", parts: [{ type: "step-start" }, { type: "tool-get_weather", toolCallId: "call_1", state: "output-available", input: { city: "Lisbon" }, output: { celsius: 21 } }] },
    ];
    const response = await startRun(post({ ...body({ ...fast, tools }), messages }), await ownerActor());
    const events = await readEvents(response);
    expect(sent!.messages.at(-1)).toEqual({ role: "tool", tool_call_id: "call_1", content: '{"celsius":21}' });
    const text = events.filter((e) => e.type === "text-delta").map((e) => e.delta).join("");
    expect(text).toContain('Tool result received: {"celsius":21}');
  });

  it("a call left without a result is not sent when a new question is asked instead", async () => {
    let sent: { messages: { role: string; tool_calls?: unknown }[] } | null = null;
    handler = async (request) => {
      sent = await request.clone().json();
      return handleSimulatorRequest(request);
    };
    const messages = [
      { id: "u1", role: "user", parts: [{ type: "text", text: "Weather in Lisbon?" }] },
      { id: "a1", role: "assistant", parts: [{ type: "step-start" }, { type: "tool-get_weather", toolCallId: "call_1", state: "input-available", input: { city: "Lisbon" } }] },
      { id: "u2", role: "user", parts: [{ type: "text", text: "Never mind, tell me a fact." }] },
    ];
    const response = await startRun(post({ ...body({ ...fast, tools }), messages }), await ownerActor());
    const runId = response.headers.get("x-run-id")!;
    await readEvents(response);
    expect((await settled(runId)).status).toBe("done");
    expect(sent!.messages.some((m) => m.tool_calls)).toBe(false);
  });

  it("the answer's metadata carries the schema it is checked against", async () => {
    const schema = { type: "object", properties: { ok: { type: "boolean" } }, required: ["ok"] };
    const response = await startRun(post(body({ ...fast, response_format: { type: "json_schema", json_schema: { name: "x", schema } } })), await ownerActor());
    const events = await readEvents(response);
    expect(events[0]).toMatchObject({ type: "start", messageMetadata: { expectedJson: schema } });
  });
});
