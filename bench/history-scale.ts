// History at scale (prints numbers; not a test).
//
// Seeds a fresh SQLite file (real migrations, WAL) with 100,000 runs spread over
// 90 days, 7 providers and all statuses, then times on the server side the
// queries the history page makes: the first page and a deep page (keyset), a
// filtered full-text search, and the cost totals for 30 days.
//
// Usage: npm run bench:history   (BENCH_RUNS to change the count)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { openDatabase } from "../db/index";
import { costTotals, listRuns } from "../db/queries";
import { runs, type NewRunRow } from "../db/schema";

const COUNT = Number(process.env.BENCH_RUNS ?? 100_000);
const REPEAT = 30;
const PROVIDERS = ["simulator", "empiriolabs", "openrouter", "ai-gateway", "segmind", "dashscope", "openai-compatible"];
const STATUSES = ["done", "done", "done", "done", "error", "aborted"] as const;
const WORDS = "latency throughput token stream cache context budget price region gateway reasoning answer model benchmark vision video haiku invoice contract summary translate".split(" ");

function rand(seed: number): () => number {
  let a = seed;
  return () => ((a = (a * 1664525 + 1013904223) >>> 0) / 4294967296);
}

function seed(file: string) {
  const { db, sqlite } = openDatabase(file);
  const random = rand(42);
  const now = Date.now();
  const started = performance.now();
  const batch: NewRunRow[] = [];
  const flush = () => {
    if (!batch.length) return;
    sqlite.transaction(() => db.insert(runs).values(batch).run())();
    batch.length = 0;
  };
  for (let i = 0; i < COUNT; i++) {
    const words = Array.from({ length: 8 }, () => WORDS[Math.floor(random() * WORDS.length)]).join(" ");
    const status = STATUSES[Math.floor(random() * STATUSES.length)]!;
    const outputTokens = 50 + Math.floor(random() * 900);
    batch.push({
      id: randomUUID(),
      status,
      provider: PROVIDERS[Math.floor(random() * PROVIDERS.length)]!,
      model: random() < 0.7 ? "qwen3.5-flash" : "qwen3.5-4b",
      params: {},
      messages: [{ role: "user", parts: [{ type: "text", text: words }] }],
      promptText: words,
      outputText: `Answer about ${words}`,
      inputTokens: 20 + Math.floor(random() * 500),
      outputTokens,
      costUsd: random() < 0.9 ? outputTokens * 3.68e-7 : null,
      providerCostUsd: random() < 0.3 ? outputTokens * 3.7e-7 : null,
      ttftMs: 100 + random() * 900,
      durationMs: 500 + random() * 5000,
      tokensPerSecond: 20 + random() * 200,
      createdAt: new Date(now - Math.floor(random() * 90 * 86_400_000)),
      finishedAt: new Date(now),
    });
    if (batch.length === 500) flush();
  }
  flush();
  console.log(`seeded ${COUNT.toLocaleString("en-US")} runs in ${((performance.now() - started) / 1000).toFixed(1)} s (${(fs.statSync(file).size / 1e6).toFixed(0)} MB)`);
  return db;
}

async function time(label: string, fn: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const p = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)]!;
  console.log(`| ${label} | ${p(0.5).toFixed(2)} | ${p(0.99).toFixed(2)} |`);
}

async function main() {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "playground-history-")), "playground.db");
  const db = seed(file);
  // A cursor 50 pages deep, as the virtualised list reaches by scrolling.
  let cursor: { createdAt: number; id: string } | undefined;
  for (let i = 0; i < 50; i++) cursor = (await listRuns({ limit: 50, cursor }, db)).nextCursor ?? undefined;
  const now = Date.now();
  console.log(`\n| query (${REPEAT} runs each) | p50 ms | p99 ms |\n|---|---|---|`);
  await time("history, first page of 50", () => listRuns({ limit: 50 }, db));
  await time("history, page 51 (keyset cursor)", () => listRuns({ limit: 50, cursor }, db));
  await time("filtered: provider + status + full-text 'haiku invoice'", () => listRuns({ limit: 50, provider: "openrouter", status: "done", q: "haiku invoice" }, db));
  await time("full-text 'reasoning', all runs", () => listRuns({ limit: 50, q: "reasoning" }, db));
  await time("cost totals, 30 days by day/provider/model", () => costTotals({ from: new Date(now - 30 * 86_400_000), to: new Date(now) }, db));
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
