import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownerActor } from "@/test/support/test-actor";
import { handleChatCompletions } from "@/lib/gateway/handle-chat-completions";
import { getRunRecord } from "./read-runs";
import { startRun } from "./start-run";

// Ground truth for the numbers users choose providers by. An upstream on
// 127.0.0.1 keeps its own clock (the same performance.now() as the proxy's):
// it notes when the request arrived, waits a fixed time, then writes tokens on
// an exact schedule and notes when each write happened. The run's recorded
// time to first token must be within 2 ms of the upstream's own, and its
// tokens/s within 2%, on both routes (the browser's /api/runs and the gateway).

type Truth = { receivedAt: number; writes: number[] };
const truths: Truth[] = [];

let server: http.Server;

function serveTokens(res: http.ServerResponse, body: { messages: { content: string }[]; stream?: boolean }) {
  const receivedAt = performance.now();
  const prompt = String(body.messages.at(-1)?.content ?? "");
  const ttft = Number(prompt.match(/ttft=(\d+)/)?.[1] ?? 100);
  const rate = Number(prompt.match(/rate=(\d+)/)?.[1] ?? 50);
  const tokens = Number(prompt.match(/tokens=(\d+)/)?.[1] ?? 40);
  const truth: Truth = { receivedAt, writes: [] };
  truths.push(truth);
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  res.socket?.setNoDelay(true);
  const chunk = (delta: object, finish: string | null = null) => `data: ${JSON.stringify({ id: "gt", object: "chat.completion.chunk", created: 1, model: "ground-truth", choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  res.write(chunk({ role: "assistant", content: "" }));
  let i = 0;
  const next = () => {
    const due = receivedAt + ttft + (i * 1000) / rate;
    const wait = due - performance.now();
    // Sleep most of the way, then spin to the exact moment: the schedule is the truth.
    if (wait > 2) return void setTimeout(next, wait - 1.5);
    while (performance.now() < due) {
      /* spin */
    }
    res.write(chunk({ content: `t${i} ` }));
    truth.writes.push(performance.now());
    i++;
    if (i < tokens) return void setImmediate(next);
    res.write(chunk({}, "stop"));
    res.write(`data: ${JSON.stringify({ id: "gt", object: "chat.completion.chunk", created: 1, model: "ground-truth", choices: [], usage: { prompt_tokens: 12, completion_tokens: tokens, total_tokens: 12 + tokens } })}\n\n`);
    res.end("data: [DONE]\n\n");
  };
  next();
}

beforeAll(async () => {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "playground-ground-truth-"));
  server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (d) => (raw += d));
    req.on("end", () => serveTokens(res, JSON.parse(raw)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.OPENAI_COMPATIBLE_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  process.env.OPENAI_COMPATIBLE_MODELS = "ground-truth";
});
afterAll(() => {
  server.close();
  delete process.env.OPENAI_COMPATIBLE_BASE_URL;
  delete process.env.OPENAI_COMPATIBLE_MODELS;
});

const CASES = [
  { ttft: 300, rate: 100, tokens: 40 },
  { ttft: 100, rate: 50, tokens: 30 },
  { ttft: 800, rate: 25, tokens: 20 },
];

async function settled(runId: string) {
  for (let i = 0; i < 200; i++) {
    const record = await getRunRecord(runId, await ownerActor());
    if (record.status !== "streaming") return record;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("run never finished");
}

function expectTrue(record: { ttftMs: number | null; tokensPerSecond: number | null; status: string }, truth: Truth, label: string) {
  expect(record.status, label).toBe("done");
  const upstreamTtft = truth.writes[0]! - truth.receivedAt;
  const upstreamRate = (truth.writes.length - 1) / ((truth.writes.at(-1)! - truth.writes[0]!) / 1000);
  console.log(`[ground-truth] ${label}: TTFT ${(record.ttftMs! - upstreamTtft).toFixed(2)} ms from the upstream's, tok/s ${(((record.tokensPerSecond! - upstreamRate) / upstreamRate) * 100).toFixed(2)}%`);
  expect(Math.abs(record.ttftMs! - upstreamTtft), `${label}: TTFT ${record.ttftMs} vs the upstream's ${upstreamTtft.toFixed(1)} ms`).toBeLessThanOrEqual(2);
  expect(Math.abs(record.tokensPerSecond! - upstreamRate) / upstreamRate, `${label}: ${record.tokensPerSecond} tok/s vs the upstream's ${upstreamRate.toFixed(2)}`).toBeLessThanOrEqual(0.02);
}

describe("recorded TTFT and tokens/s against an upstream with a known schedule", () => {
  // The first request of a process runs every code path cold (module loading, JIT), on both sides of the
  // socket; a server sees it once per boot. One short run per route first, so what is compared is the steady state.
  beforeAll(async () => {
    const warm = await startRun(
      new Request("http://localhost/api/runs", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ provider: "openai-compatible", model: "ground-truth", params: {}, messages: [{ id: "u", role: "user", parts: [{ type: "text", text: "ttft=5 rate=1000 tokens=3" }] }] }) }),
      await ownerActor(),
    );
    await warm.text();
    const gateway = await handleChatCompletions(
      new Request("http://localhost/api/v1/chat/completions", { method: "POST", headers: { "content-type": "application/json", "x-playground-peer": "127.0.0.1" }, body: JSON.stringify({ model: "openai-compatible/ground-truth", stream: true, messages: [{ role: "user", content: "ttft=5 rate=1000 tokens=3" }] }) }),
    );
    await gateway.text();
  });

  it.each(CASES)("the browser's route: TTFT $ttft ms, $rate tok/s", async ({ ttft, rate, tokens }) => {
    const before = truths.length;
    const request = new Request("http://localhost/api/runs", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ provider: "openai-compatible", model: "ground-truth", params: {}, messages: [{ id: "u", role: "user", parts: [{ type: "text", text: `ttft=${ttft} rate=${rate} tokens=${tokens}` }] }] }),
    });
    const response = await startRun(request, await ownerActor());
    await response.text();
    expectTrue(await settled(response.headers.get("x-run-id")!), truths[before]!, `/api/runs ${ttft}/${rate}`);
  });

  it.each(CASES)("the gateway: TTFT $ttft ms, $rate tok/s", async ({ ttft, rate, tokens }) => {
    await ownerActor();
    const before = truths.length;
    const request = new Request("http://localhost/api/v1/chat/completions", {
      method: "POST",
      headers: { "content-type": "application/json", "x-playground-peer": "127.0.0.1" },
      body: JSON.stringify({ model: "openai-compatible/ground-truth", stream: true, messages: [{ role: "user", content: `ttft=${ttft} rate=${rate} tokens=${tokens}` }] }),
    });
    const response = await handleChatCompletions(request);
    expect(response.status).toBe(200);
    await response.text();
    expectTrue(await settled(response.headers.get("x-run-id")!), truths[before]!, `gateway ${ttft}/${rate}`);
  });
});
