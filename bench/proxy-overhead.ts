// Proxy overhead benchmark (prints numbers; not a test).
//
// A fake upstream on 127.0.0.1 (the simulator's OpenAI-compatible handler,
// served on its own) streams with a fixed time to first token and rate. The
// same streams are fetched directly from it and through the app's
// POST /api/runs and through the OpenAI-compatible gateway
// POST /api/v1/chat/completions (a real `next start` whose simulator provider
// points at the fake), at 1, 16 and 64 concurrent streams, interleaved. Reported: time to first token
// seen by the client (direct vs proxied, p50/p99, and the difference),
// client-side throughput ratio, and the app server's peak memory.
//
// Usage: npm run build && npm run bench   (it measures the last build)
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const UPSTREAM_TTFT_MS = Number(process.env.BENCH_TTFT_MS ?? 100);
const UPSTREAM_RATE = Number(process.env.BENCH_RATE ?? 2000);
const STREAM_TOKENS = Number(process.env.BENCH_TOKENS ?? 1000);
const LEVELS: { concurrency: number; rounds: number }[] = [
  { concurrency: 1, rounds: 40 },
  { concurrency: 16, rounds: 4 },
  { concurrency: 64, rounds: 2 },
];

const root = path.resolve(import.meta.dirname, "..");
const prompt = `write ${STREAM_TOKENS} words`;
const params = { sim_ttft_ms: UPSTREAM_TTFT_MS, sim_tokens_per_second: UPSTREAM_RATE, enable_thinking: false };

type Sample = { ttftMs: number; events: number; chars: number; charsPerSecond: number };

/**
 * Read an SSE stream, timing the first content event. Throughput is counted in
 * characters: the proxy may frame the same text in fewer, larger events.
 */
async function measure(response: Response, contentOf: (data: unknown) => string | null, startedAt: number): Promise<Sample> {
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let first = 0;
  let last = 0;
  let events = 0;
  let chars = 0;
  let firstChars = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let boundary = buffer.indexOf("\n\n");
    while (boundary >= 0) {
      const event = buffer.slice(0, boundary).replace(/^data: /, "");
      buffer = buffer.slice(boundary + 2);
      const text = event.startsWith("{") ? contentOf(JSON.parse(event)) : null;
      if (text) {
        const now = performance.now();
        if (events === 0) {
          first = now;
          firstChars = text.length;
        }
        last = now;
        events++;
        chars += text.length;
      }
      boundary = buffer.indexOf("\n\n");
    }
  }
  return { ttftMs: first - startedAt, events, chars, charsPerSecond: last > first ? (chars - firstChars) / ((last - first) / 1000) : 0 };
}

function direct(upstreamUrl: string): Promise<Sample> {
  const startedAt = performance.now();
  return fetch(`${upstreamUrl}/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model: "qwen3.5-flash", stream: true, stream_options: { include_usage: true }, messages: [{ role: "user", content: prompt }], ...params }),
  }).then((r) => measure(r, (d) => (d as { choices?: { delta?: { content?: string } }[] }).choices?.[0]?.delta?.content || null, startedAt));
}

function proxied(appUrl: string): Promise<Sample> {
  const startedAt = performance.now();
  return fetch(`${appUrl}/api/runs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ provider: "simulator", model: "qwen3.5-flash", messages: [{ role: "user", parts: [{ type: "text", text: prompt }] }], params }),
  }).then((r) => measure(r, (d) => ((d as { type?: string }).type === "text-delta" ? (d as { delta: string }).delta : null), startedAt));
}

/** The same stream through the OpenAI-compatible gateway, with an API key. */
function gateway(appUrl: string, key: string): Promise<Sample> {
  const startedAt = performance.now();
  return fetch(`${appUrl}/api/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ model: "simulator/qwen3.5-flash", stream: true, stream_options: { include_usage: true }, messages: [{ role: "user", content: prompt }], ...params }),
  }).then((r) => measure(r, (d) => (d as { choices?: { delta?: { content?: string } }[] }).choices?.[0]?.delta?.content || null, startedAt));
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function runLevel(fetchOne: () => Promise<Sample>, concurrency: number, rounds: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let round = 0; round < rounds; round++) {
    samples.push(...(await Promise.all(Array.from({ length: concurrency }, fetchOne))));
  }
  return samples;
}

function peakMemoryMb(pid: number): number {
  // VmHWM: the process's peak resident set size.
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(status.match(/VmHWM:\s+(\d+)/)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** The fake upstream in its own process, so it never shares an event loop with the client. */
async function startUpstream(): Promise<{ url: string; child: ReturnType<typeof spawn> }> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "bench/fake-upstream.ts")], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.once("data", (d: Buffer) => resolve(d.toString().trim()));
    child.once("exit", () => reject(new Error("fake upstream exited")));
  });
  return { url, child };
}

async function startApp(simulatorBaseUrl: string) {
  const port = 3900 + Math.floor(Math.random() * 90);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "playground-bench-"));
  const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATA_DIR: dataDir, SIMULATOR_BASE_URL: simulatorBaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return { url, child };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error("app did not start (run `npm run build` first)");
}

async function main() {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) throw new Error("no build: run `npm run build` first");
  const upstream = await startUpstream();
  const app = await startApp(`${upstream.url}/v1`);
  console.log(`upstream: TTFT ${UPSTREAM_TTFT_MS} ms, ${UPSTREAM_RATE} tokens/s, ${STREAM_TOKENS}-token answers; machine: ${os.cpus().length} cores, node ${process.version}`);
  try {
    const key = (await (await fetch(`${app.url}/api/keys`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "bench" }) })).json()).key as string;
    const routes: [string, () => Promise<Sample>][] = [
      ["POST /api/runs", () => proxied(app.url)],
      ["POST /api/v1/chat/completions", () => gateway(app.url, key)],
    ];
    // Warm every path (JIT, first-route compilation, connection pools).
    await runLevel(() => direct(upstream.url), 4, 2);
    for (const [, fetchOne] of routes) await runLevel(fetchOne, 4, 2);

    const rows: string[] = [];
    for (const { concurrency, rounds } of LEVELS) for (const [route, fetchOne] of routes) {
      const d = await runLevel(() => direct(upstream.url), concurrency, rounds);
      const p = await runLevel(fetchOne, concurrency, rounds);
      // Direct streams carry one token per event: that gives characters per token.
      const charsPerToken = d.reduce((n, x) => n + x.chars, 0) / d.reduce((n, x) => n + x.events, 0);
      const mean = (s: Sample[]) => s.reduce((n, x) => n + x.charsPerSecond, 0) / s.length / charsPerToken;
      const row = {
        streams: concurrency,
        samples: p.length,
        "direct TTFT p50": percentile(d.map((s) => s.ttftMs), 50),
        "proxied TTFT p50": percentile(p.map((s) => s.ttftMs), 50),
        "added p50": percentile(p.map((s) => s.ttftMs), 50) - percentile(d.map((s) => s.ttftMs), 50),
        "direct TTFT p99": percentile(d.map((s) => s.ttftMs), 99),
        "proxied TTFT p99": percentile(p.map((s) => s.ttftMs), 99),
        "added p99": percentile(p.map((s) => s.ttftMs), 99) - percentile(d.map((s) => s.ttftMs), 99),
        "direct tok/s": mean(d),
        "proxied tok/s": mean(p),
        "throughput ratio": mean(p) / mean(d),
      };
      rows.push(
        `| ${route} | ${row.streams} | ${row.samples} | ${row["direct TTFT p50"].toFixed(1)} | ${row["proxied TTFT p50"].toFixed(1)} | ${row["added p50"].toFixed(1)} | ${row["direct TTFT p99"].toFixed(1)} | ${row["proxied TTFT p99"].toFixed(1)} | ${row["added p99"].toFixed(1)} | ${row["direct tok/s"].toFixed(0)} | ${row["proxied tok/s"].toFixed(0)} | ${(row["throughput ratio"] * 100).toFixed(1)}% |`,
      );
      console.log(`${route}: ${concurrency} streams done`);
    }
    console.log("\n| route | streams | samples | direct TTFT p50 (ms) | proxied p50 | added p50 | direct p99 | proxied p99 | added p99 | direct tok/s | proxied tok/s | throughput |");
    console.log("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (const row of rows) console.log(row);
    console.log(`\npeak app server memory (VmHWM): ${peakMemoryMb(app.child.pid!)} MB`);
  } finally {
    app.child.kill();
    upstream.child.kill();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
