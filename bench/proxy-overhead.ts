// Proxy overhead benchmark (prints numbers; not a test).
//
// A fake upstream on 127.0.0.1 (the simulator's OpenAI-compatible handler, in
// its own process) streams with a fixed time to first token (20 ms) and rate.
// The same answers are fetched, interleaved round by round: directly; through
// POST /api/runs; through the gateway POST /api/v1/chat/completions; through a
// naive AI SDK route (streamText + toUIMessageStreamResponse, no database); and
// through a bare Next route handler that returns fetch(upstream).body (Next's
// floor). The last two are served by the same `next start` (BENCH_ROUTES=1).
// Levels: 1 stream (n = 200 by default, short answers), bursts of 16 and 64,
// and one 5,000 tok/s stream for throughput. Reported: added time to first token
// seen by the client (p50, p99), throughput against direct, the server's CPU
// per run and per token, and its peak memory.
//
// Usage: npm run build && npm run bench   (it measures the last build)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sseJson } from "./sse-json";
import { cpuSeconds, memoryMb, percentile, requireBuild, startApp, startUpstream } from "./bench-processes";

const UPSTREAM_TTFT_MS = Number(process.env.BENCH_TTFT_MS ?? 20);
/** Added time to first token needs many samples, not long answers. */
const TTFT_SAMPLES = Number(process.env.BENCH_TTFT_SAMPLES ?? 200);
const LEVELS: { name: string; concurrency: number; rounds: number; tokens: number; rate: number }[] = [
  { name: "ttft", concurrency: 1, rounds: TTFT_SAMPLES, tokens: 50, rate: 2000 },
  { name: "burst", concurrency: 16, rounds: 4, tokens: 1000, rate: 2000 },
  { name: "burst", concurrency: 64, rounds: 2, tokens: 1000, rate: 2000 },
  { name: "burst", concurrency: 256, rounds: 1, tokens: 200, rate: 2000 },
  { name: "throughput", concurrency: 1, rounds: 8, tokens: 5000, rate: 5000 },
];

type Shape = { tokens: number; rate: number };
const promptFor = (shape: Shape) => `write ${shape.tokens} words`;
const paramsFor = (shape: Shape) => ({ sim_ttft_ms: UPSTREAM_TTFT_MS, sim_tokens_per_second: shape.rate, enable_thinking: false });

type Sample = { ttftMs: number; events: number; chars: number; charsPerSecond: number };

/**
 * Read an SSE stream, timing the first content event. Throughput is counted in
 * characters: the proxy may frame the same text in fewer, larger events.
 */
async function measure(response: Response, contentOf: (data: unknown) => string | null, startedAt: number): Promise<Sample> {
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  let first = 0;
  let last = 0;
  let events = 0;
  let chars = 0;
  let firstChars = 0;
  for await (const data of sseJson(response.body)) {
    const text = contentOf(data);
    if (!text) continue;
    const now = performance.now();
    if (events === 0) {
      first = now;
      firstChars = text.length;
    }
    last = now;
    events++;
    chars += text.length;
  }
  return { ttftMs: first - startedAt, events, chars, charsPerSecond: last > first ? (chars - firstChars) / ((last - first) / 1000) : 0 };
}

const openAiDelta = (d: unknown) => (d as { choices?: { delta?: { content?: string } }[] }).choices?.[0]?.delta?.content || null;
const uiDelta = (d: unknown) => ((d as { type?: string }).type === "text-delta" ? (d as { delta: string }).delta : null);

function openAiBody(shape: Shape, model = "qwen3.5-flash"): string {
  return JSON.stringify({ model, stream: true, stream_options: { include_usage: true }, messages: [{ role: "user", content: promptFor(shape) }], ...paramsFor(shape) });
}

function post(url: string, body: string, read: (d: unknown) => string | null, headers: Record<string, string> = {}): Promise<Sample> {
  const startedAt = performance.now();
  return fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body }).then((r) => measure(r, read, startedAt));
}

/** Every path the bench compares, each a function of the answer's shape. */
function paths(upstreamUrl: string, appUrl: string, key: string): [string, (shape: Shape) => Promise<Sample>][] {
  const uiBody = (shape: Shape) => JSON.stringify({ provider: "simulator", model: "qwen3.5-flash", messages: [{ role: "user", parts: [{ type: "text", text: promptFor(shape) }] }], params: paramsFor(shape) });
  return [
    ["direct (no proxy)", (shape) => post(`${upstreamUrl}/v1/chat/completions`, openAiBody(shape), openAiDelta)],
    ["POST /api/runs", (shape) => post(`${appUrl}/api/runs`, uiBody(shape), uiDelta)],
    ["POST /api/v1/chat/completions", (shape) => post(`${appUrl}/api/v1/chat/completions`, openAiBody(shape, "simulator/qwen3.5-flash"), openAiDelta, { authorization: `Bearer ${key}` })],
    ["naive AI SDK route", (shape) => post(`${appUrl}/api/bench/naive`, JSON.stringify({ messages: [{ id: "m", role: "user", parts: [{ type: "text", text: promptFor(shape) }] }], params: paramsFor(shape) }), uiDelta)],
    ["bare Next route (floor)", (shape) => post(`${appUrl}/api/bench/floor`, openAiBody(shape), openAiDelta)],
  ];
}

async function main() {
  requireBuild();
  const upstream = await startUpstream();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "playground-bench-"));
  const app = await startApp({ DATA_DIR: dataDir, SIMULATOR_BASE_URL: `${upstream.url}/v1`, BENCH_ROUTES: "1" });
  console.log(`upstream: TTFT ${UPSTREAM_TTFT_MS} ms; machine: ${os.cpus().length} cores, node ${process.version}`);
  try {
    const key = (await (await fetch(`${app.url}/api/keys`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "bench" }) })).json()).key as string;
    const all = paths(upstream.url, app.url, key);
    // Warm every path (JIT, first-route compilation, connection pools).
    for (const [, fetchOne] of all) for (let i = 0; i < 8; i++) await fetchOne({ tokens: 50, rate: 2000 });

    const rows: string[] = [];
    for (const level of LEVELS) {
      // Interleaved: each round runs every path in turn, so drift hits all of them alike.
      const samples = new Map<string, Sample[]>(all.map(([name]) => [name, []]));
      const errors = new Map<string, number>(all.map(([name]) => [name, 0]));
      for (let round = 0; round < level.rounds; round++) {
        for (const [name, fetchOne] of all) {
          const outcomes = await Promise.all(Array.from({ length: level.concurrency }, () => fetchOne(level).catch(() => null)));
          for (const outcome of outcomes) {
            if (outcome) samples.get(name)!.push(outcome);
            else errors.set(name, errors.get(name)! + 1);
          }
        }
      }
      const d = samples.get("direct (no proxy)")!;
      // Direct streams carry one token per event: that gives characters per token.
      const charsPerToken = d.reduce((n, x) => n + x.chars, 0) / d.reduce((n, x) => n + x.events, 0);
      const rate = (s: Sample[]) => s.reduce((n, x) => n + x.charsPerSecond, 0) / s.length / charsPerToken;
      const p = (s: Sample[], q: number) => percentile(s.map((x) => x.ttftMs), q);
      for (const [name] of all.slice(1)) {
        const x = samples.get(name)!;
        rows.push(
          `| ${level.name} | ${name} | ${level.concurrency} | ${x.length} | ${errors.get(name)} | ${p(d, 50).toFixed(1)} | ${p(x, 50).toFixed(1)} | ${(p(x, 50) - p(d, 50)).toFixed(1)} | ${(p(x, 99) - p(d, 99)).toFixed(1)} | ${rate(x).toFixed(0)} | ${((rate(x) / rate(d)) * 100).toFixed(1)}% |`,
        );
      }
      console.log(`${level.name}: ${level.concurrency} stream(s), ${level.tokens} tokens at ${level.rate}/s done`);
    }
    console.log("\n| level | path | streams | samples | errors | direct TTFT p50 (ms) | TTFT p50 | added p50 | added p99 | tok/s | vs direct |");
    console.log("|---|---|---|---|---|---|---|---|---|---|---|");
    for (const row of rows) console.log(row);

    // Server CPU per run and per token, one path at a time, sequential 1,000-token answers.
    console.log("\n| path | runs | server CPU per run (ms) | per token (us) |");
    console.log("|---|---|---|---|");
    for (const [name, fetchOne] of all.slice(1)) {
      const runs = 30;
      const shapes = [{ tokens: 50, rate: 5000 }, { tokens: 1000, rate: 5000 }];
      const perShape: number[] = [];
      for (const shape of shapes) {
        const before = cpuSeconds(app.child.pid!);
        for (let i = 0; i < runs; i++) await fetchOne(shape);
        await new Promise((r) => setTimeout(r, 300));
        perShape.push(((cpuSeconds(app.child.pid!) - before) * 1000) / runs);
      }
      // Two lengths give the fixed cost per run and the cost per token (a straight line through both).
      const perTokenMs = (perShape[1]! - perShape[0]!) / (shapes[1]!.tokens - shapes[0]!.tokens);
      console.log(`| ${name} | ${runs * 2} | ${(perShape[0]! - perTokenMs * shapes[0]!.tokens).toFixed(2)} | ${(perTokenMs * 1000).toFixed(2)} |`);
    }
    console.log(`\npeak app server memory (VmHWM): ${memoryMb(app.child.pid!, "VmHWM")} MB`);
  } finally {
    app.child.kill();
    upstream.child.kill();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
