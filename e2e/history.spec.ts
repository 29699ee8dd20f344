import { expect, test } from "./support/fixtures";

// Find any past run, compare a few, delete one, and see what everything cost.
// The stories count rows, so they get a server (and database) of their own.
test.use({ serverFor: "history" });

async function run(request: import("@playwright/test").APIRequestContext, text: string, params: Record<string, unknown> = {}) {
  const response = await request.post("/api/runs", {
    data: { provider: "simulator", model: "qwen3.5-flash", messages: [{ role: "user", parts: [{ type: "text", text }] }], params: { sim_ttft_ms: 10, sim_tokens_per_second: 5000, ...params } },
  });
  expect(response.status()).toBe(200);
  await response.body();
  const id = response.headers()["x-run-id"]!;
  await expect.poll(async () => (await (await request.get(`/api/runs/${id}`)).json()).status).toBe("done");
  return id;
}

test("history: search, filter, compare selected runs, delete, and cost totals with chart and CSV", async ({ page, request }) => {
  const zebra = await run(request, "Tell me about zebras and latency");
  await run(request, "Explain throughput of giraffes", { max_tokens: 5 });
  await run(request, "A third question about budgets");

  await page.goto("/history");
  await expect(page.getByTestId("history-row").first()).toBeVisible();
  await page.getByTestId("history-search").fill("zebra");
  await expect(page.getByTestId("history-row")).toHaveCount(1);
  await expect(page.getByTestId("row-words")).toHaveText("Tell me about zebras and latency");
  await expect(page.getByTestId("row-target")).toHaveAttribute("href", `/runs/${zebra}`);
  await expect(page.getByTestId("row-cost")).toHaveText(/^\$0\.0000/);

  await page.getByTestId("history-search").fill("");
  await page.getByTestId("filter-status").selectOption("done");
  await expect(page.getByTestId("history-row")).toHaveCount(3);

  // Select two runs to compare their stats.
  await page.getByTestId("row-select").nth(0).check();
  await page.getByTestId("row-select").nth(1).check();
  await expect(page.getByTestId("selected-compare").getByTestId("summary-table")).toBeVisible();
  await expect(page.getByTestId("summary-row-outputTokens").getByTestId("summary-cell")).toHaveCount(2);

  // Delete asks first, in the page's own dialog: Cancel (or Esc) keeps the run; confirming deletes it.
  const confirmDialog = page.getByRole("alertdialog");
  await page.getByTestId("row-delete").first().click();
  await expect(confirmDialog).toBeVisible();
  await expect(confirmDialog).toContainText("Delete this run (simulator");
  await expect(page.getByTestId("confirm-cancel")).toBeFocused();
  await page.getByTestId("confirm-cancel").click();
  await expect(confirmDialog).toBeHidden();
  await expect(page.getByTestId("history-row")).toHaveCount(3);
  await page.getByTestId("row-delete").first().click();
  await page.keyboard.press("Escape");
  await expect(confirmDialog).toBeHidden();
  await expect(page.getByTestId("history-row")).toHaveCount(3);
  await page.getByTestId("row-delete").first().click();
  await confirmDialog.getByRole("button", { name: "Delete run" }).click();
  await expect(page.getByTestId("history-row")).toHaveCount(2);

  // Costs: totals, a chart and a CSV for the period.
  // The simulator's runs are not spend: their list-price equivalent is on its own line, out of the total and the chart.
  await expect(page.getByTestId("cost-total")).toHaveText("$0");
  await expect(page.getByTestId("cost-simulated")).toContainText(/its \d runs would cost \$0\.000\d+ at list price/);
  await expect(page.getByTestId("cost-row")).toHaveCount(1);
  await expect(page.getByTestId("cost-row")).toContainText("simulated, not spend");
  await expect(page.getByTestId("cost-chart-empty")).toContainText("only the simulator ran");
  const csv = await (await request.get((await page.getByTestId("cost-csv").getAttribute("href"))!)).text();
  expect(csv.split("\n")[0]).toBe("day,provider,model,runs,computed_cost_usd,provider_reported_cost_usd,runs_without_computed_cost,runs_billed_over_10pct_off,simulated");
  expect(csv).toMatch(/,simulator,qwen3\.5-flash,2,[0-9.e-]+,,0,0,yes\n/);
});

test("a seeded history: the list renders only what is on screen, and the cost chart shows the seeded days", async ({ page }) => {
  const { execFileSync } = await import("node:child_process");
  const { AppServer, freePort, tempDataDir } = await import("./support/app-server");
  const dataDir = tempDataDir();
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "bench/seed-history.ts"], { env: { ...process.env, DATA_DIR: dataDir, SEED_RUNS: "3000" } });
  const server = new AppServer(await freePort(), dataDir);
  await server.start();
  try {
    await page.goto(`${server.url}/history`);
    await expect(page.getByTestId("history-row").first()).toBeVisible();
    // Virtualised: 50 loaded, far fewer rendered.
    expect(await page.getByTestId("history-row").count()).toBeLessThan(40);
    await page.getByTestId("history-list").evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => page.getByTestId("history-list").evaluate((el) => el.scrollHeight)).toBeGreaterThan(50 * 44);
    // 30 days of seeded runs: a bar per provider per day.
    await expect.poll(() => page.getByTestId("cost-chart").locator(".recharts-bar-rectangle").count()).toBeGreaterThan(60);
    await expect(page.getByTestId("cost-row")).toHaveCount(14);
  } finally {
    await server.stop();
  }
});
