// Fills a SQLite file (real migrations) with synthetic runs over the last 90
// days: for the history benchmark, and to see the history and cost pages full.
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { openDatabase, runInTransaction, type Db } from "../db/index";
import { runs, type NewRunRow } from "../db/schema";

const PROVIDERS = ["simulator", "empiriolabs", "openrouter", "ai-gateway", "segmind", "dashscope", "openai-compatible"];
const STATUSES = ["done", "done", "done", "done", "error", "aborted"] as const;
const WORDS = "latency throughput token stream cache context budget price region gateway reasoning answer model benchmark vision video haiku invoice contract summary translate".split(" ");

function rand(seed: number): () => number {
  let a = seed;
  return () => ((a = (a * 1664525 + 1013904223) >>> 0) / 4294967296);
}

export async function seedRuns(file: string, count: number): Promise<Db> {
  const { db } = await openDatabase(file);
  const random = rand(42);
  const now = Date.now();
  const started = performance.now();
  const batch: NewRunRow[] = [];
  const flush = async () => {
    if (!batch.length) return;
    await runInTransaction(async (tx) => void (await tx.insert(runs).values(batch).run()), db);
    batch.length = 0;
  };
  for (let i = 0; i < count; i++) {
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
    if (batch.length === 500) await flush();
  }
  await flush();
  console.log(`seeded ${count.toLocaleString("en-US")} runs in ${((performance.now() - started) / 1000).toFixed(1)} s (${(fs.statSync(file).size / 1e6).toFixed(0)} MB)`);
  return db;
}
