import { expect, test } from "./support/fixtures";

// Run, open the run page, share it, open the link as someone else, fork it into
// the playground, revoke it and see the link 404.

test("share a run by link, open it elsewhere, fork it, revoke it", async ({ playground, page, browser, baseURL, request }) => {
  await playground.open();
  await page.getByTestId("system-input").fill("Answer briefly.");
  await playground.setNumber("temperature", "0.3");
  await playground.setNumber("sim_tokens_per_second", "2000");
  await playground.send("A question worth sharing");
  await playground.waitForStatus(0, "done");
  const runId = await playground.runId(0);
  const before = await (await request.get(`/api/runs/${runId}`)).json();

  await playground.assistant(0).getByTestId("run-link").click();
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}$`));
  await expect(page.getByTestId("run-params")).toContainText("temperature=0.3");
  await page.getByTestId("share-create").click();
  const url = await page.getByTestId("share-url").inputValue();
  const shareId = url.split("/r/")[1]!;
  expect(shareId).toMatch(/^[A-Za-z0-9_-]{24}$/);

  // Someone else, in a fresh browser context.
  const other = await browser.newContext();
  const visitor = await other.newPage();
  await visitor.goto(`${baseURL}/r/${shareId}`);
  await expect(visitor.getByTestId("run-transcript")).toContainText("A question worth sharing");
  await expect(visitor.getByTestId("answer")).toContainText("Simulated answer");
  await expect(visitor.getByTestId("run-system")).toHaveText("System: Answer briefly.");
  await expect(visitor.getByTestId("stat-cost")).toHaveText(/^\$/);
  await expect(visitor.locator('meta[property="og:title"]')).toHaveAttribute("content", "simulator · qwen3.5-flash");
  expect(await visitor.content()).not.toContain("sk-");
  // The internal run id (which leads to its run page and share controls) is not on the shared page.
  expect(await visitor.content()).not.toContain(runId);
  await expect(visitor.getByTestId("run-link")).toHaveCount(0);

  // Fork: a new draft with the same target, parameters and messages.
  await visitor.getByTestId("open-in-playground").click();
  await expect(visitor.getByTestId("forked-note")).toBeVisible();
  await expect(visitor.getByTestId("param-input-temperature")).toHaveValue("0.3");
  await expect(visitor.getByTestId("system-input")).toHaveValue("Answer briefly.");
  await expect(visitor.getByTestId("message-user")).toHaveText(/A question worth sharing/);
  await visitor.getByTestId("composer-input").fill("A follow-up on the fork");
  await visitor.getByTestId("send-button").click();
  await expect(visitor.getByTestId("message-assistant")).toHaveCount(2);
  await expect(visitor.getByTestId("run-stats").nth(1)).toHaveAttribute("data-status", "done");
  const forkRun = await (await request.get(`/api/runs/${await visitor.getByTestId("run-stats").nth(1).getAttribute("data-run-id")}`)).json();
  expect(forkRun.id).not.toBe(runId);
  expect(forkRun.params).toEqual({ temperature: 0.3, sim_tokens_per_second: 2000 });
  expect(forkRun.messages).toHaveLength(3);
  // The shared run is unchanged.
  expect({ ...(await (await request.get(`/api/runs/${runId}`)).json()), shareId: null }).toEqual({ ...before, shareId: null });

  // Revoke: the link is gone at once.
  await page.getByTestId("share-revoke").click();
  await expect(page.getByTestId("share-create")).toBeVisible();
  const gone = await visitor.goto(`${baseURL}/r/${shareId}`);
  expect(gone?.status()).toBe(404);
  await other.close();
});
