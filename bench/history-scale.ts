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
import { costTotals, listRuns } from "../db/queries";
import { seedRuns } from "./seed-runs";

const COUNT = Number(process.env.BENCH_RUNS ?? 100_000);
const REPEAT = 30;

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
  const db = await seedRuns(file, COUNT);
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
