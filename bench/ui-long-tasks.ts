// Browser-side benchmark (prints numbers; not a test).
//
// Against the last build (`next start`, the in-process simulator, a fresh
// database), in Chromium, it records with PerformanceObserver the long tasks
// (main-thread tasks over 50 ms), the slowest input events, and, per animation
// frame, how many DOM commits (MutationObserver batches) landed:
//   1. the playground, one answer of 4,000 tokens at 1,000 tok/s, while typing
//      in the composer;
//   2. compare, six columns streaming 2,000 tokens each at 500 tok/s;
//   3. history with 100,000 runs, scrolled from top to far down.
// First Load JS per page is bench/first-load-js.ts (npm run bench:bundle).
// The stream rates are set on the way out (page.route), as a user would in the
// parameter panel.
//
// Usage: npm run build && npm run bench:ui
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { compareUrl } from "../lib/compare/targets";
import { requireBuild, startApp } from "./bench-processes";
import { seedRuns } from "./seed-runs";

const HISTORY_RUNS = Number(process.env.BENCH_HISTORY_RUNS ?? 100_000);

type Measures = { longTasks: number[]; slowEvents: { name: string; duration: number }[]; commitsPerFrame: number[] };

/**
 * Installed before any page script: collects long tasks, slow input events and
 * DOM commits per frame. A string, not a function: tsx would add helpers the page lacks.
 */
const OBSERVE = `(() => {
  let commits = 0;
  const bench = { longTasks: [], slowEvents: [], commitsPerFrame: [] };
  bench.reset = () => { bench.longTasks = []; bench.slowEvents = []; bench.commitsPerFrame = []; };
  window.__bench = bench;
  new PerformanceObserver((list) => list.getEntries().forEach((e) => bench.longTasks.push(e.duration))).observe({ type: "longtask" });
  new PerformanceObserver((list) => list.getEntries().forEach((e) => bench.slowEvents.push({ name: e.name, duration: e.duration }))).observe({ type: "event", durationThreshold: 16 });
  new MutationObserver(() => commits++).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  const frame = () => {
    if (commits > 0) bench.commitsPerFrame.push(commits);
    commits = 0;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

async function collect(page: Page): Promise<Measures> {
  return page.evaluate(() => {
    const b = (window as unknown as { __bench: Measures }).__bench;
    return { longTasks: [...b.longTasks], slowEvents: [...b.slowEvents], commitsPerFrame: [...b.commitsPerFrame] };
  });
}

function report(name: string, m: Measures, seconds: number) {
  const over50 = m.longTasks.filter((d) => d > 50);
  const frames = m.commitsPerFrame.length;
  const multi = m.commitsPerFrame.filter((n) => n > 1).length;
  const slowest = m.slowEvents.reduce((a, e) => Math.max(a, e.duration), 0);
  console.log(
    `| ${name} | ${seconds.toFixed(1)} | ${over50.length} | ${Math.round(Math.max(0, ...m.longTasks))} | ${frames} | ${multi} (${frames ? ((multi / frames) * 100).toFixed(1) : 0}%) | ${Math.max(0, ...m.commitsPerFrame)} | ${Math.round(slowest)} |`,
  );
}

/** Sets the simulator's pace and length on every run the page sends. */
async function pace(page: Page, tokensPerSecond: number) {
  await page.route("**/api/runs", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    const body = JSON.parse(route.request().postData() ?? "{}");
    body.params = { ...body.params, sim_tokens_per_second: tokensPerSecond, sim_ttft_ms: 300, enable_thinking: false, max_tokens: 8000 };
    await route.continue({ postData: JSON.stringify(body) });
  });
}

async function main() {
  requireBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "playground-ui-bench-"));
  const seedStart = performance.now();
  await seedRuns(path.join(dataDir, "playground.db"), HISTORY_RUNS);
  console.log(`seeded ${HISTORY_RUNS} runs in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
  const app = await startApp({ DATA_DIR: dataDir, AUTH_MODE: "none" });
  const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
  const browser = await chromium.launch({
    executablePath,
    args: executablePath ? ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"] : [],
  });
  console.log(`machine: ${os.cpus().length} cores; ${executablePath ?? "Playwright's Chromium"}`);
  console.log("\n| scenario | seconds | long tasks > 50 ms | longest task (ms) | frames with commits | frames with > 1 commit | most commits in a frame | slowest input event (ms) |");
  console.log("|---|---|---|---|---|---|---|---|");
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript({ content: OBSERVE });

    // 1. One long answer, typing meanwhile.
    const page = await context.newPage();
    await pace(page, 1000);
    await page.goto(`${app.url}/`);
    await page.getByTestId("composer-input").fill("write 4000 tokens");
    await page.evaluate(() => (window as unknown as { __bench: { reset: () => void } }).__bench.reset());
    let started = performance.now();
    await page.getByTestId("send-button").click();
    await page.getByTestId("answer").waitFor({ timeout: 30_000 });
    await page.getByTestId("composer-input").pressSequentially("typing while the answer streams in, to see whether keys wait", { delay: 40 });
    await page.getByTestId("run-stats").last().and(page.locator('[data-status="done"]')).waitFor({ timeout: 60_000 });
    report("playground: 4,000 tokens at 1,000 tok/s, typing", await collect(page), (performance.now() - started) / 1000);
    await page.close();

    // 2. Six compare columns at once.
    const compare = await context.newPage();
    await pace(compare, 500);
    const targets = Array.from({ length: 6 }, (_, i) => ({ provider: "simulator", model: i % 2 ? "qwen3.5-4b" : "qwen3.5-flash" }));
    await compare.goto(`${app.url}${compareUrl(targets)}`);
    await compare.getByTestId("compare-column").nth(5).waitFor();
    await compare.getByTestId("composer-input").fill("write 2000 tokens");
    await compare.evaluate(() => (window as unknown as { __bench: { reset: () => void } }).__bench.reset());
    started = performance.now();
    await compare.getByTestId("send-button").click();
    for (let i = 0; i < 6; i++) {
      await compare.getByTestId("compare-column").nth(i).getByTestId("run-stats").last().and(compare.locator('[data-status="done"]')).waitFor({ timeout: 90_000 });
    }
    report("compare: 6 columns x 2,000 tokens at 500 tok/s", await collect(compare), (performance.now() - started) / 1000);
    await compare.close();

    // 3. History with 100,000 runs, scrolled.
    const history = await context.newPage();
    await history.goto(`${app.url}/history`);
    const list = history.getByTestId("history-list");
    await list.getByTestId("history-row").first().waitFor();
    // Only the scrolling is measured: the page and its cost chart have loaded first.
    await history.waitForLoadState("networkidle");
    await history.waitForTimeout(500);
    await history.evaluate(() => (window as unknown as { __bench: { reset: () => void } }).__bench.reset());
    started = performance.now();
    await list.hover();
    for (let i = 0; i < 300; i++) {
      await history.mouse.wheel(0, 400);
      await history.waitForTimeout(16);
    }
    const scrolled = await list.evaluate((el) => Math.round(el.scrollTop / 44));
    report(`history: ${HISTORY_RUNS.toLocaleString("en-US")} runs, 300 wheel steps (${scrolled.toLocaleString("en-US")} rows scrolled past)`, await collect(history), (performance.now() - started) / 1000);

  } finally {
    await browser.close();
    app.child.kill("SIGINT");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
