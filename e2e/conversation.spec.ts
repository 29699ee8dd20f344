import { expect, test } from "./support/fixtures";

// A conversation as users of the best playgrounds expect it: actions on every
// message, alternatives kept when answering again, a tab that survives a
// reload, a conversation list, token probabilities and the raw exchange.

test.beforeEach(async ({ playground }) => {
  await playground.open();
  await playground.setNumber("sim_ttft_ms", "10");
  await playground.setNumber("sim_tokens_per_second", "3000");
});

test("regenerate any answer and flip between the alternatives; edit an earlier message; delete a turn; copy as markdown", async ({ page, playground, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await playground.send("First question about **latency**");
  await playground.waitForStatus(0, "done");
  await playground.send("Second question about cost");
  await playground.waitForStatus(1, "done");
  const firstRun = await playground.runId(0);
  const firstText = (await playground.assistant(0).getByTestId("answer").textContent()) ?? "";

  // Regenerating the first answer drops what followed it; the old path stays as alternative 1 of 2.
  await playground.assistant(0).getByTestId("regenerate").click();
  await expect.poll(() => playground.runId(0)).not.toBe(firstRun);
  await playground.waitForStatus(0, "done");
  await expect(page.getByTestId("message-user")).toHaveCount(1);
  const switcher = playground.assistant(0).getByTestId("alternatives");
  await expect(switcher.getByTestId("alternative-position")).toHaveText("2 / 2");
  await switcher.getByTestId("alternative-prev").click();
  await expect(switcher.getByTestId("alternative-position")).toHaveText("1 / 2");
  await expect(page.getByTestId("message-user")).toHaveCount(2);
  expect(await playground.runId(0)).toBe(firstRun);
  await expect(playground.assistant(0).getByTestId("answer")).toHaveText(firstText);

  // Edit the first question: a new branch from the start, the old one kept.
  await page.getByTestId("message-user").first().getByTestId("edit-message").click();
  await page.getByTestId("edit-input").fill("Edited first question");
  await page.getByTestId("edit-save").click();
  await playground.waitForStatus(0, "done");
  await expect(page.getByTestId("message-user")).toHaveCount(1);
  await expect(page.getByTestId("message-user").first().getByTestId("alternative-position")).toHaveText("2 / 2");

  // Copy the answer's markdown source.
  await playground.send("Third question with `code`");
  await playground.waitForStatus(1, "done");
  await playground.assistant(1).getByTestId("copy-markdown").click();
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toContain("Third question with `code`");

  // Delete the last turn: question and answer go.
  await page.getByTestId("message-user").nth(1).getByTestId("delete-turn").click();
  await expect(page.getByTestId("message-user")).toHaveCount(1);
  await expect(page.getByTestId("message-assistant")).toHaveCount(1);
});

test("the tab survives a reload; conversations are listed and reopen to continue", async ({ page, playground }) => {
  await page.getByTestId("system-input").fill("Answer briefly.");
  await playground.send("Remember this conversation about throughput");
  await playground.waitForStatus(0, "done");
  const runId = await playground.runId(0);
  await page.getByTestId("composer-input").fill("an unsent follow-up");

  await page.reload();
  await expect(page.getByTestId("message-user")).toHaveCount(1);
  await expect(page.getByTestId("message-user").first()).toContainText("Remember this conversation about throughput");
  await expect(page.getByTestId("system-input")).toHaveValue("Answer briefly.");
  await expect(page.getByTestId("composer-input")).toHaveValue("an unsent follow-up");
  await expect(page.getByTestId("param-input-sim_tokens_per_second")).toHaveValue("3000");
  expect(await playground.runId(0)).toBe(runId);

  const item = page.getByTestId("conversation-item").filter({ hasText: "Remember this conversation about throughput" });
  await expect(item).toHaveAttribute("aria-current", "true");

  // A new conversation, then back to the first one from the list: it continues there.
  await page.getByTestId("conversation-new").click();
  await expect(page.getByTestId("message-user")).toHaveCount(0);
  await item.click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("message-user")).toHaveCount(1);
  await playground.send("And the follow-up");
  await playground.waitForStatus(1, "done");
  await expect(page.getByTestId("conversation-item").filter({ hasText: "Remember this conversation about throughput" })).toHaveCount(1);
  const record = await (await page.request.get(`/api/runs/${await playground.runId(1)}`)).json();
  expect(record.messages.map((m: { role: string }) => m.role)).toEqual(["user", "assistant", "user"]);
  const first = await (await page.request.get(`/api/runs/${runId}`)).json();
  expect(record.conversationId).toBe(first.conversationId);
});

test("token probabilities colour each token and show the alternatives on hover", async ({ page, playground }) => {
  await page.getByTestId("param-input-logprobs").click();
  await playground.setNumber("top_logprobs", "3");
  await playground.send("Say something short");
  await playground.waitForStatus(0, "done");
  await playground.assistant(0).getByTestId("toggle-probabilities").click();
  const tokens = playground.assistant(0).getByTestId("token");
  expect(await tokens.count()).toBeGreaterThan(5);
  const first = tokens.first();
  const probability = Number(await first.getAttribute("data-probability"));
  expect(probability).toBeGreaterThan(0);
  expect(probability).toBeLessThanOrEqual(1);
  await first.hover();
  const tooltip = playground.assistant(0).getByRole("tooltip").first();
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText("%");
  await expect(tooltip.locator("span")).toHaveCount(3);
});

test("the raw view shows the request as sent and the response events, and downloads them", async ({ page, playground }) => {
  await playground.send("Show me the wire");
  await playground.waitForStatus(0, "done");
  await playground.assistant(0).getByTestId("raw-open").click();
  const dialog = page.getByTestId("raw-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("raw-request")).toContainText('"stream": true');
  await expect(dialog.getByTestId("raw-request")).toContainText("Show me the wire");
  await expect(dialog.getByTestId("raw-events")).toContainText("data: [DONE]");
  const download = page.waitForEvent("download");
  await dialog.getByTestId("raw-download").click();
  expect((await download).suggestedFilename()).toBe(`run-${await playground.runId(0)}-raw.json`);
});

test("the token meter counts what the next send takes as you type, and its worst-case cost", async ({ page, playground }) => {
  const total = page.getByTestId("meter-total");
  await expect(total).toHaveText(/≈ 0 tokens/);
  await page.getByTestId("composer-input").fill("x".repeat(300));
  await expect(total).toHaveText(/≈ 100 tokens/);
  await page.getByTestId("system-input").fill("y".repeat(30));
  await expect(total).toHaveText(/≈ 110 tokens/);
  await playground.setNumber("max_tokens", "1000");
  await expect(page.getByTestId("meter-context")).toContainText("1,000 max output");
  await expect(page.getByTestId("meter-cost")).toHaveText(/worst case \$0\.\d+/);

  await page.goto("/compare");
  await page.getByTestId("composer-input").fill("z".repeat(30));
  const meters = page.getByTestId("token-meter");
  expect(await meters.count()).toBeGreaterThanOrEqual(2);
  await expect(meters.first().getByTestId("meter-total")).toHaveText(/≈ 10 tokens/);
});
