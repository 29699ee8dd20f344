import { expect, test } from "./support/fixtures";

// The user story, step by step, in a real Chromium against `next start`
// on a temporary DATA_DIR, with the built-in simulator (no key, no network).

type RunRecord = {
  id: string;
  status: string;
  provider: string;
  model: string;
  params: Record<string, unknown>;
  system: string | null;
  messages: { role: string; parts: { type: string; text?: string }[] }[];
  output: { text: string; reasoning: string };
  usage: { inputTokens: number | null; outputTokens: number | null; reasoningTokens: number | null; estimated: boolean };
  costUsd: number | null;
  ttftMs: number | null;
  durationMs: number | null;
  tokensPerSecond: number | null;
  error: { code: string; message: string } | null;
};

test.describe.configure({ mode: "serial" });

test("pick the simulator, set params, send, stream reasoning and markdown, see stats", async ({ playground, page, request }) => {
  await playground.open();

  await expect(page.getByTestId("model-select").locator("option:checked")).toHaveText("Qwen3.5 Flash");
  await expect(page.getByTestId("offering-select").locator("option:checked")).toContainText("Simulator");
  // The simulator's source is this project's README: named, never a link that answers 404.
  await expect(page.getByTestId("offering-source")).toHaveText("README.md, section simulator");
  await expect(page.getByTestId("offering-source")).not.toHaveAttribute("href", /.*/);
  // Real providers are listed but disabled, naming the variable to set.
  const empirio = page.getByTestId("offering-select").locator("option", { hasText: "EmpirioLabs" }).first();
  await expect(empirio).toBeDisabled();
  await expect(empirio).toContainText("EMPIRIOLABS_API_KEY");

  await page.getByTestId("system-input").fill("You are a careful assistant.");

  // Move the temperature slider with the keyboard: 0.7 -> 0.72.
  const temperature = page.getByTestId("param-temperature");
  await expect(temperature).toHaveAttribute("data-changed", "false");
  await temperature.getByRole("slider").focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(temperature).toHaveAttribute("data-changed", "true");
  await expect(page.getByTestId("param-input-temperature")).toHaveValue("0.72");

  // Speed knobs of the simulator keep the test fast and the numbers known.
  await playground.setNumber("sim_ttft_ms", "120");
  await playground.setNumber("sim_tokens_per_second", "400");

  await playground.send("Summarise why time to first token matters.", "shortcut");
  const answer = playground.assistant(0);
  await expect(answer.getByTestId("reasoning-text")).toContainText("The user wrote");
  await playground.waitForStatus(0, "done");

  // Markdown with highlighted code.
  await expect(answer.getByTestId("answer").locator("strong")).toHaveText("Simulated answer");
  await expect(answer.locator("pre code.hljs .hljs-keyword").first()).toBeVisible();
  // The simulator echoes the parameters it received: only the changed ones were sent.
  await expect(answer.getByTestId("answer")).toContainText("temperature=0.72");
  await expect(answer.getByTestId("answer")).not.toContainText("top_p");

  // Stats shown for the answer.
  const ttft = Number((await answer.getByTestId("stat-ttft").innerText()).replace(/[^0-9.]/g, ""));
  // The simulator waits on a Node timer, which fires on the loop's millisecond clock: up to 1 ms early by performance.now().
  expect(ttft).toBeGreaterThanOrEqual(119);
  expect(ttft).toBeLessThan(1000);
  await expect(answer.getByTestId("stat-tps")).toContainText("tok/s");
  await expect(answer.getByTestId("stat-finish")).toHaveText("stop");
  await expect(answer.getByTestId("stat-duration")).toContainText("ms");
  await expect(answer.getByTestId("stat-input-tokens")).toHaveText(/^\d+$/);
  await expect(answer.getByTestId("stat-output-tokens")).toHaveText(/^\d+$/);
  await expect(answer.getByTestId("stat-reasoning-tokens")).toHaveText(/^\d+$/);
  await expect(answer.getByTestId("stat-cost")).toHaveText(/^\$0\.0000\d+$/);

  // The stored run matches what the page shows.
  const runId = await playground.runId(0);
  const run = (await (await request.get(`/api/runs/${runId}`)).json()) as RunRecord;
  expect(run.status).toBe("done");
  expect(run.provider).toBe("simulator");
  expect(run.model).toBe("qwen3.5-flash");
  expect(run.params).toEqual({ temperature: 0.72, sim_ttft_ms: 120, sim_tokens_per_second: 400 });
  expect(run.system).toBe("You are a careful assistant.");
  expect(run.output.reasoning.length).toBeGreaterThan(0);
  expect(run.output.text).toContain("Simulated answer");
  expect(run.usage.outputTokens).toBeGreaterThan(run.usage.reasoningTokens ?? 0);
  expect(run.tokensPerSecond).toBeGreaterThan(300);
  expect(run.tokensPerSecond).toBeLessThan(450);
  await expect(answer.getByTestId("stat-output-tokens")).toHaveText(String(run.usage.outputTokens));
});

test("continue, regenerate and edit the last message", async ({ playground, page, request }) => {
  await playground.open();
  await playground.setNumber("sim_ttft_ms", "50");
  await playground.setNumber("sim_tokens_per_second", "1000");

  await playground.send("First question about latency");
  await playground.waitForStatus(0, "done");
  await playground.send("Second question about cost");
  await playground.waitForStatus(1, "done");
  await expect(page.getByTestId("message-assistant")).toHaveCount(2);

  const secondRunId = await playground.runId(1);
  const second = (await (await request.get(`/api/runs/${secondRunId}`)).json()) as RunRecord;
  // The conversation so far went with the request: user, assistant, user.
  expect(second.messages.map((m) => m.role)).toEqual(["user", "assistant", "user"]);
  expect(second.output.text).toContain("Second question about cost");

  // Regenerate the last answer: a new run replaces it (the earlier one stays as an alternative).
  await playground.assistant(1).getByTestId("regenerate").click();
  await expect.poll(() => playground.runId(1)).not.toBe(secondRunId);
  await playground.waitForStatus(1, "done");
  await expect(page.getByTestId("message-assistant")).toHaveCount(2);
  const regenerated = (await (await request.get(`/api/runs/${await playground.runId(1)}`)).json()) as RunRecord;
  expect(regenerated.status).toBe("done");

  // Edit the last user message and resend.
  await page.getByTestId("message-user").nth(1).getByTestId("edit-message").click();
  await page.getByTestId("edit-input").fill("Edited question about throughput");
  await page.getByTestId("edit-save").click();
  await expect(playground.assistant(1).getByTestId("answer")).toContainText("Edited question about throughput");
  await playground.waitForStatus(1, "done");
  await expect(page.getByTestId("message-user")).toHaveCount(2);
  await expect(page.getByTestId("message-user").nth(1)).toContainText("Edited question about throughput");
});

test("stop a long answer halfway: the run ends aborted and keeps its partial text", async ({ playground, page, request }) => {
  await playground.open();
  await playground.setNumber("sim_ttft_ms", "50");
  await playground.setNumber("sim_tokens_per_second", "40");
  await page.getByTestId("param-input-enable_thinking").click();

  await playground.send("Write a long essay of 2000 words");
  const answer = playground.assistant(0);
  await expect(answer.getByTestId("answer")).toContainText("Simulated answer");
  await expect(answer.getByTestId("stat-ttft")).toHaveText(/\d+ ms/);
  await page.getByTestId("stop-button").click();

  await playground.waitForStatus(0, "aborted");
  await expect(answer.getByTestId("stat-output-tokens")).toContainText("(counted)");
  // Billed for what streamed, and said to be an estimate.
  await expect(answer.getByTestId("stat-cost")).toHaveText(/^\$0\.\d+ est\.$/);
  await expect(answer.getByTestId("stat-input-tokens")).toHaveText(/^\d+ \(est\.\)$/);
  await expect(page.getByTestId("send-button")).toBeVisible();

  const run = (await (await request.get(`/api/runs/${await playground.runId(0)}`)).json()) as RunRecord;
  expect(run.status).toBe("aborted");
  expect(run.output.text).toContain("Simulated answer");
  // Stopped long before the 2000 words were out.
  expect(run.usage.outputTokens).toBeGreaterThan(0);
  expect(run.usage.outputTokens).toBeLessThan(1000);
  expect(run.usage.estimated).toBe(true);
  expect(run.costUsd).toBeGreaterThan(0);
  expect(run.params).toEqual({ sim_ttft_ms: 50, sim_tokens_per_second: 40, enable_thinking: false });
});

test("a bad parameter shows a clear error and nothing is sent", async ({ playground, page, request }) => {
  await playground.open();
  const before = ((await (await request.get("/api/runs?limit=200")).json()) as { runs: unknown[] }).runs.length;

  await playground.setNumber("temperature", "5");
  await expect(page.getByTestId("param-error-temperature")).toContainText("must be <= 2");
  await page.getByTestId("composer-input").fill("This must not be sent");
  await expect(page.getByTestId("send-button")).toBeDisabled();
  await expect(page.getByTestId("composer-blocked")).toContainText("Fix parameter temperature");
  await page.getByTestId("composer-input").press("ControlOrMeta+Enter");
  await expect(page.getByTestId("message-user")).toHaveCount(0);

  // A malformed JSON parameter is caught as you type.
  await page.getByTestId("param-tools").getByTestId("tools-mode-json").click();
  await page.getByTestId("param-input-tools").fill("[{ not json");
  await expect(page.getByTestId("param-error-tools")).toContainText("invalid JSON");

  // Reset brings the default back and sending works again.
  await page.getByTestId("param-reset-temperature").click();
  await page.getByTestId("param-reset-tools").click();
  await expect(page.getByTestId("param-error-temperature")).toHaveCount(0);
  await expect(page.getByTestId("send-button")).toBeEnabled();

  const after = ((await (await request.get("/api/runs?limit=200")).json()) as { runs: unknown[] }).runs.length;
  expect(after).toBe(before);

  // The server refuses the same bad value on its own, before any upstream call.
  const response = await request.post("/api/runs", {
    data: { provider: "simulator", model: "qwen3.5-flash", messages: [{ role: "user", parts: [{ type: "text", text: "hi" }] }], params: { temperature: 5 } },
  });
  expect(response.status()).toBe(400);
  expect(await response.json()).toEqual({ error: { code: "invalid_param", message: '"temperature" must be <= 2 (got 5)', field: "temperature" } });
});
