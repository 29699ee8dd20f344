import type { Locator, Page } from "@playwright/test";
import { compareUrl } from "../lib/compare/targets";
import { expect, test } from "./support/provider-fixtures";

// Side-by-side comparison against fake upstreams configured with known first-token
// delays and rates: the numbers shown follow the configured ones.

const TARGETS = [
  { provider: "empiriolabs", model: "qwen3-5-flash" },
  { provider: "dashscope", model: "qwen3.5-flash" },
  { provider: "openrouter", model: "qwen/qwen3.5-flash-02-23" },
];
// Ground truth: time to first token (ms) and the gap between tokens (ms) per provider.
const TIMING = {
  empiriolabs: { ttftMs: 100, gapMs: 5, answerTokens: 60 },
  dashscope: { ttftMs: 500, gapMs: 12, answerTokens: 60 },
  openrouter: { ttftMs: 1000, gapMs: 25, answerTokens: 60 },
};

const column = (page: Page, i: number) => page.getByTestId("compare-column").nth(i);
const statNumber = async (scope: Locator, testId: string) => Number((await scope.getByTestId(testId).last().innerText()).replace(/[^0-9.]/g, ""));
const waitStatus = (scope: Locator, status: string) => expect(scope.getByTestId("run-stats").last()).toHaveAttribute("data-status", status, { timeout: 30_000 });

test("three providers side by side show the speeds the fakes were set to, live and in the summary; the comparison reopens", async ({ page, upstream }) => {
  await upstream.configure(TIMING);
  await page.goto(compareUrl(TARGETS));
  await expect(page.getByTestId("compare-column")).toHaveCount(3);

  // Shared parameters: clamped per column, not sent where a provider has no such parameter.
  const shared = page.locator("aside");
  await shared.getByTestId("param-input-top_k").fill("50");
  await shared.getByTestId("param-input-max_tokens").fill("50000");
  await expect(column(page, 1).getByTestId("column-param-top_k")).toHaveAttribute("data-source", "shared");
  await expect(column(page, 1).getByTestId("column-param-max_tokens")).toHaveAttribute("data-source", "shared");
  await expect(column(page, 0).getByTestId("column-param-max_tokens")).toHaveAttribute("data-source", "clamped");
  await expect(column(page, 2).getByTestId("column-unsupported-top_k")).toBeAttached();

  await page.getByTestId("composer-input").fill("Which of you is fastest?");
  await page.getByTestId("send-button").click();
  // Live: the fastest column has its first token while the slowest is still waiting.
  await expect(column(page, 0).getByTestId("stat-ttft")).toHaveText(/\d+ ms/);
  await expect(column(page, 2).getByTestId("stat-ttft")).toHaveText("—");
  for (let i = 0; i < 3; i++) await waitStatus(column(page, i), "done");

  const ttft = await Promise.all([0, 1, 2].map((i) => statNumber(column(page, i), "stat-ttft")));
  const tps = await Promise.all([0, 1, 2].map((i) => statNumber(column(page, i), "stat-tps")));
  TARGETS.forEach((t, i) => {
    const timing = TIMING[t.provider as keyof typeof TIMING];
    expect(ttft[i], `${t.provider} TTFT`).toBeGreaterThanOrEqual(timing.ttftMs);
    expect(ttft[i], `${t.provider} TTFT`).toBeLessThan(timing.ttftMs + 300);
    const rate = 1000 / timing.gapMs;
    expect(tps[i], `${t.provider} tokens/s`).toBeGreaterThan(rate * 0.6);
    expect(tps[i], `${t.provider} tokens/s`).toBeLessThan(rate * 1.15);
  });
  expect(ttft[0]).toBeLessThan(ttft[1]!);
  expect(ttft[1]).toBeLessThan(ttft[2]!);
  expect(tps[0]).toBeGreaterThan(tps[1]!);
  expect(tps[1]).toBeGreaterThan(tps[2]!);

  // Summary: the best of each row is marked.
  await expect(page.getByTestId("summary-row-ttftMs").getByTestId("summary-cell").nth(0)).toHaveAttribute("data-best", "true");
  await expect(page.getByTestId("summary-row-tokensPerSecond").getByTestId("summary-cell").nth(0)).toHaveAttribute("data-best", "true");
  await expect(page.getByTestId("summary-row-durationMs").getByTestId("summary-cell").nth(0)).toHaveAttribute("data-best", "true");
  await expect(page.getByTestId("summary-row-costPer1kOutput").getByTestId("summary-cell").nth(1)).toHaveText("—");

  // What each provider received, with the shared parameters fitted to it.
  expect((await upstream.requests("dashscope"))[0]!.body).toMatchObject({ top_k: 50, max_tokens: 50000 });
  expect((await upstream.requests("empiriolabs"))[0]!.body.max_tokens).toBe(32768);
  expect((await upstream.requests("openrouter"))[0]!.body).not.toHaveProperty("top_k");

  // The URL carries targets and the stored group: reopening shows the same comparison.
  expect(page.url()).toContain("group=");
  await page.reload();
  await expect(page.getByTestId("compare-column")).toHaveCount(3);
  for (let i = 0; i < 3; i++) await expect(column(page, i).getByTestId("answer")).toContainText("Hello from the fake upstream.");
  await expect(column(page, 2)).toHaveAttribute("data-target", "openrouter::qwen/qwen3.5-flash-02-23");
});

test("a comparison reopens from history exactly: columns in order (a target twice), shared and overridden parameters, system prompt, answers; a repeat batch is its own entry", async ({ page }) => {
  const SIM = [
    { provider: "simulator", model: "qwen3.5-flash" },
    { provider: "simulator", model: "qwen3.5-4b" },
    { provider: "simulator", model: "qwen3.5-flash" },
  ];
  await page.goto(compareUrl(SIM));
  await expect(page.getByTestId("compare-column")).toHaveCount(3);
  await page.getByTestId("system-input").fill("Answer like a pirate.");
  const shared = page.getByTestId("side-panel");
  await shared.getByTestId("param-input-sim_ttft_ms").fill("5");
  await shared.getByTestId("param-input-sim_tokens_per_second").fill("4000");
  // Column 3 (the second Flash) overrides the seed.
  await column(page, 2).getByTestId("column-params").locator("summary").click();
  await column(page, 2).getByTestId("param-input-seed").fill("42");
  await expect(column(page, 2).getByTestId("column-param-seed")).toHaveAttribute("data-source", "override");

  await page.getByTestId("composer-input").fill("Who goes first?");
  await page.getByTestId("send-button").click();
  for (let i = 0; i < 3; i++) await waitStatus(column(page, i), "done");
  const answers = await Promise.all([0, 1, 2].map(async (i) => (await column(page, i).getByTestId("answer").textContent())!));

  // A repeat batch after it.
  await page.getByTestId("repeat-n").fill("1");
  await page.getByTestId("repeat-start").click();
  await expect(page.getByTestId("repeat-progress")).toHaveText("3 / 3 done", { timeout: 30_000 });

  await page.goto("/history");
  const rows = page.getByTestId("history-row").filter({ hasText: "Who goes first?" });
  await expect(rows.filter({ hasText: "repeat batch of 3 runs" })).toHaveCount(1);
  const comparison = rows.filter({ hasText: "comparison of 3 runs" });
  await expect(comparison).toHaveCount(1);
  await comparison.getByTestId("row-target").click();

  await expect(page.getByTestId("compare-column")).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    await expect(column(page, i)).toHaveAttribute("data-target", `${SIM[i]!.provider}::${SIM[i]!.model}`);
    await expect(column(page, i).getByTestId("answer")).toHaveText(answers[i]!);
  }
  await expect(page.getByTestId("system-input")).toHaveValue("Answer like a pirate.");
  await expect(page.getByTestId("side-panel").getByTestId("param-input-sim_tokens_per_second")).toHaveValue("4000");
  await expect(column(page, 2).getByTestId("column-param-seed")).toHaveAttribute("data-source", "override");
  await expect(column(page, 2).getByTestId("column-param-seed")).toContainText("seed=42");
  await expect(column(page, 0).getByTestId("column-param-seed")).toHaveCount(0);
});

test("stop one column mid-stream while the others finish; one provider's error leaves the others untouched", async ({ page, upstream }) => {
  await upstream.configure({ empiriolabs: { ttftMs: 50, gapMs: 5, answerTokens: 20 }, openrouter: { ttftMs: 50, gapMs: 100, answerTokens: 200 }, dashscope: { status: 429 } });
  await page.goto(compareUrl(TARGETS));
  await page.getByTestId("composer-input").fill("Go");
  await page.getByTestId("send-button").click();

  const slow = column(page, 2);
  await expect(slow.getByTestId("answer")).toContainText("Hello");
  await slow.getByTestId("column-stop").click();
  await waitStatus(slow, "aborted");
  await waitStatus(column(page, 0), "done");
  await expect(column(page, 1).getByTestId("run-error")).toHaveText("Alibaba Model Studio: rate limited or out of quota, retry after 20 s (HTTP 429): rate_limit_exceeded (fake)");
  await waitStatus(column(page, 1), "error");
  await expect(column(page, 1).getByRole("alert")).toHaveCount(1);
  await expect(column(page, 0).getByTestId("answer")).toContainText("Hello from the fake upstream.");

  // Retry only the failed column once its provider recovers.
  await upstream.configure({ dashscope: { ttftMs: 50, gapMs: 5 } });
  await column(page, 1).getByTestId("column-retry").click();
  await waitStatus(column(page, 1), "done");
  await expect(column(page, 2).getByTestId("run-stats").last()).toHaveAttribute("data-status", "aborted");
});

test("send to one column only, preset every provider, add/duplicate/remove columns", async ({ page }) => {
  await page.goto(compareUrl(TARGETS.slice(0, 2)));
  await expect(page.getByTestId("compare-column")).toHaveCount(2);
  await page.getByTestId("send-to").selectOption({ index: 2 });
  await page.getByTestId("composer-input").fill("Only you");
  await page.getByTestId("send-button").click();
  await waitStatus(column(page, 1), "done");
  await expect(column(page, 0).getByTestId("message-user")).toHaveCount(0);

  await page.getByTestId("add-column").click();
  await expect(page.getByTestId("compare-column")).toHaveCount(3);
  await column(page, 0).getByTestId("column-duplicate").click();
  await expect(page.getByTestId("compare-column")).toHaveCount(4);
  await column(page, 3).getByTestId("column-remove").click();
  await expect(page.getByTestId("compare-column")).toHaveCount(3);

  await page.getByTestId("preset-model").selectOption("qwen3.5-flash");
  await page.getByTestId("preset-every-provider").click();
  // Every configured offering of Qwen3.5 Flash, up to six columns.
  await expect(page.getByTestId("compare-column")).toHaveCount(6);
  expect(decodeURIComponent(page.url())).toContain("simulator::qwen3.5-flash,empiriolabs::qwen3-5-flash");
});

test("repeat mode: N=3 per target with a cost estimate first, then percentiles (TTFT p50/p95, tok/s p50/p5) and charts", async ({ page, upstream }) => {
  await upstream.configure({ empiriolabs: { ttftMs: 100, gapMs: 4, answerTokens: 30 }, openrouter: { ttftMs: 400, gapMs: 8, answerTokens: 30 } });
  await page.goto(compareUrl([TARGETS[0]!, TARGETS[2]!]));
  await page.getByTestId("composer-input").fill("Once, to learn the cost");
  await page.getByTestId("send-button").click();
  await waitStatus(column(page, 0), "done");
  await waitStatus(column(page, 1), "done");

  await page.getByTestId("repeat-n").fill("3");
  await page.getByTestId("repeat-concurrency").fill("3");
  await expect(page.getByTestId("repeat-estimate")).toContainText("6 runs. Estimated cost: $0.0000");
  // Each target says what its estimate rests on: the prompt's tokens plus its last answer's length.
  await expect(page.getByTestId("repeat-estimate-target")).toHaveCount(2);
  for (const target of await page.getByTestId("repeat-estimate-target").all()) {
    await expect(target).toHaveAttribute("data-basis", "last_output");
    await expect(target).toContainText("output as long as its last answer");
  }
  const estimated = Number((await page.getByTestId("repeat-estimate").innerText()).match(/Estimated cost: \$(\d+\.\d+)/)![1]);
  await page.getByTestId("repeat-start").click();
  await expect(page.getByTestId("repeat-progress")).toHaveText("6 / 6 done", { timeout: 30_000 });
  // The estimate is close to what the six runs cost (it was ~25x too high when it reused a whole conversation's cost).
  let spent = 0;
  for (const cell of await page.getByTestId("repeat-cost").all()) spent += Number((await cell.innerText()).replace(/[^0-9.]/g, ""));
  expect(estimated / spent).toBeGreaterThan(0.5);
  expect(estimated / spent).toBeLessThan(2);

  const rows = page.getByTestId("repeat-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).getByTestId("repeat-samples")).toHaveText("3");
  await expect(rows.nth(1).getByTestId("repeat-samples")).toHaveText("3");
  const p50 = await statNumber(rows.nth(0), "repeat-ttft-p50");
  const p95 = await statNumber(rows.nth(0), "repeat-ttft-p95");
  const slowP50 = await statNumber(rows.nth(1), "repeat-ttft-p50");
  // Node timers fire on a millisecond loop clock, up to 1 ms early by performance.now().
  expect(p50).toBeGreaterThanOrEqual(99);
  expect(p95).toBeGreaterThanOrEqual(p50);
  expect(slowP50).toBeGreaterThanOrEqual(399);
  expect(slowP50).toBeGreaterThan(p50);
  await expect(rows.nth(0).getByTestId("repeat-tps-p50")).toHaveText(/tok\/s/);
  const charts = page.getByTestId("repeat-charts");
  await expect(charts.locator(".recharts-bar-rectangle").first()).toBeAttached();
  // Human legends and axes: names with units, columns by number, never raw keys.
  await expect(charts.locator(".recharts-legend-item-text")).toHaveText(["TTFT p50", "TTFT p95", "tok/s p5 (slow tail)", "tok/s p50", "total cost"]);
  await expect(charts).not.toContainText("ttftP50");
  await expect(charts.locator(".recharts-xAxis-tick-labels text").first()).toHaveText("#1");
  await expect(charts.locator(".recharts-yAxis-tick-labels text").first()).toContainText("ms");
});

test("invalid JSON in a shared parameter or a column's override blocks sending and names the field, as the single playground does", async ({ page }) => {
  await page.goto(compareUrl([{ provider: "simulator", model: "qwen3.5-flash" }, { provider: "simulator", model: "qwen3.5-4b" }]));
  await page.getByTestId("composer-input").fill("Answer in JSON");
  await expect(page.getByTestId("send-button")).toBeEnabled();
  const field = page.locator("aside").getByTestId("param-input-tool_choice");
  await field.fill('{ "type": ');
  await expect(page.getByTestId("composer-blocked")).toContainText("tool_choice");
  await expect(page.getByTestId("composer-blocked")).toContainText("invalid JSON");
  await expect(page.getByTestId("send-button")).toBeDisabled();
  await field.fill('"auto"');
  await expect(page.getByTestId("composer-blocked").filter({ hasText: "tool_choice" })).toHaveCount(0);
  await expect(page.getByTestId("send-button")).toBeEnabled();

  // The same in one column's overrides: it would otherwise be sent without the value.
  await column(page, 1).getByTestId("column-params").locator("summary").click();
  const override = column(page, 1).getByTestId("param-input-tool_choice");
  await override.fill("{ broken");
  await expect(page.getByTestId("composer-blocked")).toContainText("Fix column 2's parameter tool_choice: invalid JSON");
  await expect(page.getByTestId("send-button")).toBeDisabled();
  await expect(column(page, 1).getByTestId("column-params").locator("summary")).toContainText("1 to fix");
  await override.fill('"none"');
  await expect(page.getByTestId("send-button")).toBeEnabled();
  await expect(column(page, 1).getByTestId("column-param-tool_choice")).toHaveAttribute("data-source", "override");
});
