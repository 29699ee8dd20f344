import type { Locator, Page } from "@playwright/test";
import { compareUrl } from "../lib/compare/targets";
import { expect, test } from "./support/fixtures";

// A phone (390 x 844): every page fits the screen's width, what you need is on
// screen and clickable, and the parameters open as a sheet.

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

const WIDTH = 390;

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
}

async function expectOnScreen(locator: Locator) {
  await expect(locator).toBeInViewport();
  const box = (await locator.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(WIDTH);
}

test("playground on a phone: the chat has the width, parameters open as a sheet, Send works", async ({ page }) => {
  await page.goto("/");
  const composer = page.getByTestId("composer-input");
  await expectOnScreen(composer);
  expect((await composer.boundingBox())!.width).toBeGreaterThan(300);
  await expect(page.getByTestId("param-panel")).toBeHidden();
  await expectNoSidewaysScroll(page);

  await page.getByTestId("open-side-panel").click();
  await page.getByTestId("param-input-sim_tokens_per_second").scrollIntoViewIfNeeded();
  await expectOnScreen(page.getByTestId("param-input-sim_tokens_per_second"));
  await page.getByTestId("param-input-sim_ttft_ms").fill("20");
  await page.getByTestId("param-input-sim_tokens_per_second").fill("2000");
  await page.getByTestId("close-side-panel").click();
  await expect(page.getByTestId("param-panel")).toBeHidden();

  await composer.fill("Hello from a phone");
  await expectOnScreen(page.getByTestId("send-button"));
  await page.getByTestId("send-button").click();
  const answer = page.getByTestId("message-assistant").first();
  await expect(answer.getByTestId("run-stats")).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  await expectOnScreen(answer.getByTestId("stat-ttft"));
  await expectNoSidewaysScroll(page);
});

test("compare on a phone: columns scroll sideways inside their strip, the page does not", async ({ page }) => {
  await page.goto(compareUrl([{ provider: "simulator", model: "qwen3.5-flash" }, { provider: "simulator", model: "qwen3.5-4b" }]));
  await expect(page.getByTestId("compare-column")).toHaveCount(2);
  await expectNoSidewaysScroll(page);
  await expectOnScreen(page.getByTestId("compare-column").first());
  const strip = page.getByTestId("compare-columns");
  expect(await strip.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

  await page.getByTestId("open-side-panel").click();
  await page.getByTestId("side-panel").getByTestId("param-input-sim_tokens_per_second").fill("3000");
  await page.getByTestId("close-side-panel").click();
  await page.getByTestId("composer-input").fill("Both, please");
  await expectOnScreen(page.getByTestId("send-button"));
  await page.getByTestId("send-button").click();
  for (const i of [0, 1]) {
    await expect(page.getByTestId("compare-column").nth(i).getByTestId("run-stats").last()).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  }
  // The second column is reached by scrolling the strip.
  await page.getByTestId("compare-column").nth(1).scrollIntoViewIfNeeded();
  await expectOnScreen(page.getByTestId("compare-column").nth(1).getByTestId("stat-ttft"));
  await expectNoSidewaysScroll(page);
});

test("history on a phone: each row wraps and keeps its status, cost and delete on screen", async ({ page, request }) => {
  const response = await request.post("/api/runs", {
    data: { provider: "simulator", model: "qwen3.5-flash", messages: [{ role: "user", parts: [{ type: "text", text: "A run to find on a phone" }] }], params: { sim_ttft_ms: 5, sim_tokens_per_second: 5000 } },
  });
  await response.body();
  const id = response.headers()["x-run-id"]!;
  await expect.poll(async () => (await (await request.get(`/api/runs/${id}`)).json()).status).toBe("done");

  await page.goto("/history");
  const row = page.getByTestId("history-row").first();
  await expect(row).toBeVisible();
  await expectOnScreen(row.getByTestId("row-status"));
  await expectOnScreen(row.getByTestId("row-cost"));
  await expectOnScreen(row.getByTestId("row-delete"));
  await expectOnScreen(row.getByTestId("row-words"));
  await expectNoSidewaysScroll(page);
});
