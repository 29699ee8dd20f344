// Load benchmark (prints numbers; not a test): many runs streaming at once.
//
// A fake upstream on 127.0.0.1 (the simulator's handler, in its own process)
// streams every answer at 20 tokens/s with a 20 ms time to first token. The
// app (`next start`, last build, fresh SQLite file) gets 1,000 runs at once
// through POST /api/runs (BENCH_RAMP_MS spreads the arrivals), each 600 tokens
// long (30 s of streaming). Reported:
// errors, time to first token, the rate each stream kept, the server's peak
// memory and CPU, and whether every run was recorded exactly once, as done,
// with its full text (read from the database file afterwards).
//
// Usage: npm run build && npm run bench:load   (BENCH_STREAMS, BENCH_TOKENS to change)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { sseJson } from "./sse-json";
import { cpuSeconds, memoryMb, percentile, requireBuild, startApp, startUpstream } from "./bench-processes";

const STREAMS = Number(process.env.BENCH_STREAMS ?? 1000);
const TOKENS = Number(process.env.BENCH_TOKENS ?? 600);
const RATE = 20;
const RAMP_MS = Number(process.env.BENCH_RAMP_MS ?? 0);

type Outcome = { ok: true; runId: string; ttftMs: number; tokensPerSecond: number; text: string } | { ok: false; error: string };

async function oneRun(appUrl: string): Promise<Outcome> {
  const body = JSON.stringify({
    provider: "simulator",
    model: "qwen3.5-flash",
    messages: [{ role: "user", parts: [{ type: "text", text: `write ${TOKENS} tokens` }] }],
    params: { sim_ttft_ms: 20, sim_tokens_per_second: RATE, enable_thinking: false, max_tokens: TOKENS * 2 },
  });
  const startedAt = performance.now();
  try {
    const response = await fetch(`${appUrl}/api/runs`, { method: "POST", headers: { "content-type": "application/json" }, body });
    if (!response.ok || !response.body) return { ok: false, error: `HTTP ${response.status}` };
    let first = 0;
    let last = 0;
    let deltas = 0;
    let text = "";
    let sawError = false;
    for await (const data of sseJson(response.body)) {
      const event = data as { type: string; delta?: string };
      if (event.type === "text-delta") {
        const now = performance.now();
        if (!first) first = now;
        last = now;
        deltas++;
        text += event.delta ?? "";
      } else if (event.type === "error") sawError = true;
    }
    if (sawError) return { ok: false, error: "error event in stream" };
    // Under load the proxy merges deltas that queued up, so events undercount tokens: the answer is TOKENS long.
    return { ok: true, runId: response.headers.get("x-run-id") ?? "", ttftMs: first - startedAt, tokensPerSecond: last > first && deltas > 1 ? (TOKENS - 1) / ((last - first) / 1000) : 0, text };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

async function main() {
  requireBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "playground-load-"));
  const upstream = await startUpstream();
  const app = await startApp({ DATA_DIR: dataDir, SIMULATOR_BASE_URL: `${upstream.url}/v1` });
  const pid = app.child.pid!;
  console.log(`machine: ${os.cpus().length} cores, node ${process.version}; ${STREAMS} streams x ${TOKENS} tokens at ${RATE} tok/s (upstream TTFT 20 ms)`);
  try {
    // Warm the route and the connection pools.
    for (let i = 0; i < 5; i++) await oneRun(app.url);
    const rssBefore = memoryMb(pid, "VmRSS");
    const cpuBefore = cpuSeconds(pid);
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, memoryMb(pid, "VmRSS"))), 250);
    const started = performance.now();
    // All at once by default; BENCH_RAMP_MS spreads the arrivals over that many milliseconds.
    const outcomes = await Promise.all(Array.from({ length: STREAMS }, (_, i) => new Promise((r) => setTimeout(r, (i * RAMP_MS) / STREAMS)).then(() => oneRun(app.url))));
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const cpu = cpuSeconds(pid) - cpuBefore;
    // Every row is final before the stream ends; give the last writes a moment anyway.
    await new Promise((r) => setTimeout(r, 1000));

    const ok = outcomes.filter((o): o is Extract<Outcome, { ok: true }> => o.ok);
    const failed = outcomes.filter((o): o is Extract<Outcome, { ok: false }> => !o.ok);
    const errors = new Map<string, number>();
    for (const f of failed) errors.set(f.error, (errors.get(f.error) ?? 0) + 1);

    const db = new Database(path.join(dataDir, "playground.db"), { readonly: true });
    const rows = db.prepare("select status, count(*) as n from runs group by status").all() as { status: string; n: number }[];
    const recorded = new Map((db.prepare("select id, status, output_text as text from runs").all() as { id: string; status: string; text: string }[]).map((r) => [r.id, r]));
    db.close();
    // Each stream the client read in full must be one row, done, holding exactly the text the client saw.
    const mismatched = ok.filter((o) => recorded.get(o.runId)?.status !== "done" || recorded.get(o.runId)?.text !== o.text).length;

    console.log(`\n| measure | value |\n|---|---|`);
    console.log(`| streams finished without error | ${ok.length} / ${STREAMS} |`);
    console.log(`| errors | ${failed.length}${errors.size ? ` (${[...errors].map(([e, n]) => `${n}x ${e}`).join("; ")})` : ""} |`);
    console.log(`| wall time${RAMP_MS ? ` (arrivals over ${RAMP_MS / 1000} s)` : ""} | ${seconds.toFixed(1)} s |`);
    console.log(`| TTFT p50 / p99 (upstream 20 ms) | ${percentile(ok.map((o) => o.ttftMs), 50).toFixed(1)} / ${percentile(ok.map((o) => o.ttftMs), 99).toFixed(1)} ms |`);
    console.log(`| rate per stream p50 / p1 (of ${RATE} tok/s) | ${percentile(ok.map((o) => o.tokensPerSecond), 50).toFixed(1)} / ${percentile(ok.map((o) => o.tokensPerSecond), 1).toFixed(1)} |`);
    console.log(`| runs in the database | ${rows.map((r) => `${r.n} ${r.status}`).join(", ")} (5 warm-up runs included) |`);
    console.log(`| streams whose row is not done with exactly the text streamed | ${mismatched} |`);
    console.log(`| server memory: before / peak RSS | ${rssBefore} / ${peakRss} MB |`);
    console.log(`| server CPU during the load | ${cpu.toFixed(1)} s (${((cpu / seconds) * 100).toFixed(0)}% of one core) |`);
  } finally {
    app.child.kill("SIGINT");
    upstream.child.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
