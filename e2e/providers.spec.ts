import { expect, pick, test } from "./support/provider-fixtures";
import { fakeProviderEnv } from "./fake-upstream/fake-upstream";
import { AppServer, freePort, tempDataDir } from "./support/app-server";
import { PlaygroundPage } from "./support/fixtures";

// One story per provider: pick it in the UI, change a provider-specific
// parameter, run, see the answer, stats and cost; the fake upstream (speaking
// that provider's wire format) confirms what it received.

test("EmpirioLabs: web search and video_fps reach the body; billed cost and tool calls are shown", async ({ playground, page, upstream }) => {
  await pick(playground, "qwen3.5-flash", "empiriolabs::qwen3-5-flash");
  await page.getByTestId("param-input-tool_web_search").click();
  await playground.setNumber("video_fps", "3");
  await playground.send("What happened today?");
  await playground.waitForStatus(0, "done");

  const answer = playground.assistant(0);
  await expect(answer.getByTestId("reasoning-text")).toHaveText("Let me think about this carefully.");
  await expect(answer.getByTestId("answer")).toHaveText("Hello from the fake upstream.");
  await expect(answer.getByTestId("stat-input-tokens")).toHaveText("21");
  await expect(answer.getByTestId("stat-output-tokens")).toHaveText("8");
  await expect(answer.getByTestId("stat-reasoning-tokens")).toHaveText("3");
  await expect(answer.getByTestId("stat-tools")).toHaveText("web_search×2");
  // Computed: (21 × $0.09 + 8 × $0.368) / 1M + 2 × $0.015; billed: the fake's cost_usd.
  await expect(answer.getByTestId("stat-cost")).toHaveText("$0.0300048");
  await expect(answer.getByTestId("stat-provider-cost")).toHaveText("$0.0300123");

  const [request] = await upstream.requests("empiriolabs");
  expect(request!.headers.authorization).toMatch(/^Bearer sk-empiriolabs-/);
  expect(request!.body).toMatchObject({ model: "qwen3-5-flash", tool_web_search: true, video_fps: 3, stream: true });
  expect(request!.body).not.toHaveProperty("temperature");
});

test("switching provider keeps the parameters the new one does not accept, and restores them on the way back", async ({ playground, page, upstream }) => {
  await pick(playground, "qwen3.5-flash", "simulator::qwen3.5-flash");
  await playground.setNumber("sim_ttft_ms", "50");
  await playground.setNumber("temperature", "1.5");
  await page.getByTestId("offering-select").selectOption("openrouter::qwen/qwen3.5-flash-02-23");
  // The simulator's knob is kept aside and named; temperature carries over.
  await expect(page.getByTestId("parked-param-sim_ttft_ms")).toContainText("sim_ttft_ms = 50");
  await expect(page.getByTestId("param-input-temperature")).toHaveValue("1.5");
  await playground.send("Hello OpenRouter");
  await playground.waitForStatus(0, "done");
  const [request] = await upstream.requests("openrouter");
  expect(request!.body.temperature).toBe(1.5);
  expect(request!.body).not.toHaveProperty("sim_ttft_ms");

  await page.getByTestId("offering-select").selectOption("simulator::qwen3.5-flash");
  await expect(page.getByTestId("parked-params")).toHaveCount(0);
  await expect(page.getByTestId("param-input-sim_ttft_ms")).toHaveValue("50");
  await expect(page.getByTestId("param-input-temperature")).toHaveValue("1.5");
});

test("OpenRouter: the reasoning object reaches the body; billed cost differs from computed and both show", async ({ playground, page, upstream }) => {
  await pick(playground, "qwen3.5-flash", "openrouter::qwen/qwen3.5-flash-02-23");
  await page.getByTestId("param-input-reasoning").fill('{ "effort": "low" }');
  await playground.send("Hello OpenRouter");
  await playground.waitForStatus(0, "done");
  const answer = playground.assistant(0);
  await expect(answer.getByTestId("reasoning-text")).toHaveText("Let me think about this carefully.");
  await expect(answer.getByTestId("stat-cost")).toHaveText("$0.000003445");
  await expect(answer.getByTestId("stat-provider-cost")).toHaveText("$0.0000042");
  const [request] = await upstream.requests("openrouter");
  expect(request!.body.reasoning).toEqual({ effort: "low" });
  expect(request!.headers["x-title"]).toBe("LLM Playground");
});

test("OpenRouter: a rate limit is shown in plain words, and the run is recorded as error", async ({ playground, page, request }) => {
  await pick(playground, "qwen3.5-flash", "openrouter::qwen/qwen3.5-flash-02-23");
  await playground.send("Hello [[status:429]]");
  // Shown once, with the run it belongs to: not again as a chat-wide banner.
  await expect(playground.assistant(0).getByTestId("run-error")).toHaveText("OpenRouter: rate limited, retry after 20 s (HTTP 429): Rate limit exceeded");
  await expect(page.getByTestId("messages").getByRole("alert")).toHaveCount(1);
  const runs = (await (await request.get("/api/runs?limit=1&provider=openrouter")).json()).runs;
  expect(runs[0]).toMatchObject({ status: "error", error: { code: "upstream_429" } });
});

test("Vercel AI Gateway: routing providerOptions reach the body", async ({ playground, page, upstream }) => {
  await pick(playground, "qwen3.5-flash", "ai-gateway::alibaba/qwen3.5-flash");
  await page.getByTestId("param-input-provider_options").fill('{ "gateway": { "only": ["alibaba"] } }');
  await playground.send("Hello Gateway");
  await playground.waitForStatus(0, "done");
  await expect(playground.assistant(0).getByTestId("answer")).toHaveText("Hello from the fake upstream.");
  await expect(playground.assistant(0).getByTestId("stat-cost")).toHaveText("$0.0000048");
  const [request] = await upstream.requests("ai-gateway");
  expect(request!.body.providerOptions).toEqual({ gateway: { only: ["alibaba"] } });
});

test("Segmind: one JSON answer, streamed to the page; credits left and billed cost shown; no token rate", async ({ playground, upstream }) => {
  await pick(playground, "qwen3.5-flash", "segmind::qwen3.5-flash");
  // The page documents no body parameters: the one control is the playground's own frame sampling.
  await expect(playground.page.getByTestId("param-panel").locator("[data-testid^='param-input-']")).toHaveCount(1);
  await expect(playground.page.getByTestId("param-input-video_fps")).toBeVisible();
  await playground.send("tell me a joke on cats");
  await playground.waitForStatus(0, "done");
  const answer = playground.assistant(0);
  await expect(answer.getByTestId("answer")).toHaveText("Hello from the fake upstream.");
  await expect(answer.getByTestId("stat-tps")).toHaveText("—");
  await expect(answer.getByTestId("stat-cost")).toHaveText("—");
  await expect(answer.getByTestId("stat-provider-cost")).toHaveText("$0.0021");
  await expect(answer.getByTestId("stat-credits")).toHaveText("$9.4979");
  // Segmind's usage has no reasoning count: unknown, not zero.
  await expect(answer.getByTestId("stat-reasoning-tokens")).toHaveText("—");
  await expect(answer.getByTestId("run-note")).toContainText("first token came with the whole answer");
  const [request] = await upstream.requests("segmind");
  expect(request!.path).toBe("/segmind/v1/qwen3.5-flash");
  expect(request!.headers["x-api-key"]).toMatch(/^SG_/);
  expect(request!.body).toEqual({ messages: [{ role: "user", content: "tell me a joke on cats" }] });
});

test("Alibaba Model Studio: thinking off sends enable_thinking=false and no reasoning shows", async ({ playground, page, upstream }) => {
  await pick(playground, "qwen3.5-flash", "dashscope::qwen3.5-flash");
  await page.getByTestId("param-input-enable_thinking").click();
  await playground.send("Hello DashScope");
  await playground.waitForStatus(0, "done");
  await expect(playground.assistant(0).getByTestId("answer")).toHaveText("Hello from the fake upstream.");
  await expect(playground.assistant(0).getByTestId("reasoning")).toHaveCount(0);
  await expect(playground.assistant(0).getByTestId("stat-cost")).toHaveText("—");
  const [request] = await upstream.requests("dashscope");
  expect(request!.body).toMatchObject({ enable_thinking: false, stream_options: { include_usage: true } });
});

test("OpenAI-compatible server: models from OPENAI_COMPATIBLE_MODELS, parameters as sent", async ({ playground, page, upstream }) => {
  await pick(playground, "qwen3.5-4b", "openai-compatible::qwen3.5-4b-local");
  await playground.setNumber("temperature", "0.25");
  await playground.send("Hello local server");
  await playground.waitForStatus(0, "done");
  await expect(playground.assistant(0).getByTestId("answer")).toHaveText("Hello from the fake upstream.");
  const [request] = await upstream.requests("openai-compatible");
  expect(request!.body).toMatchObject({ model: "qwen3.5-4b-local", temperature: 0.25 });
  await expect(page.getByTestId("offering-select").locator("option:checked")).toContainText("qwen3.5-4b-local");
});

test("view code: the real endpoint and the exact body for OpenRouter and Segmind, key from the environment", async ({ playground, page }) => {
  await pick(playground, "qwen3.5-flash", "openrouter::qwen/qwen3.5-flash-02-23");
  await playground.setNumber("temperature", "0.2");
  await page.getByTestId("composer-input").fill("Show me the code");
  await page.getByTestId("view-code").click();
  const code = page.getByTestId("code-text");
  await expect(code).toContainText("curl https://openrouter.ai/api/v1/chat/completions");
  await expect(code).toContainText('-H "Authorization: Bearer $OPENROUTER_API_KEY"');
  await expect(code).toContainText('"model": "qwen/qwen3.5-flash-02-23"');
  await expect(code).toContainText('"temperature": 0.2');
  await page.getByTestId("code-tab-python").click();
  await expect(code).toContainText('api_key=os.environ["OPENROUTER_API_KEY"]');
  await expect(code).toContainText("temperature=0.2,");
  await page.getByTestId("code-tab-typescript").click();
  await expect(code).toContainText("apiKey: process.env.OPENROUTER_API_KEY");
  expect(await page.content()).not.toContain("sk-or-v1-test-key");

  await page.getByTestId("offering-select").selectOption("segmind::qwen3.5-flash");
  await page.getByTestId("code-tab-curl").click();
  await expect(code).toContainText("curl https://api.segmind.com/v1/qwen3.5-flash");
  await expect(code).toContainText('-H "x-api-key: $SEGMIND_API_KEY"');
});

// Last in this file: it changes the catalog that later runs in this worker would see.
test("catalog refresh: pulls prices and parameters from the model lists, shows what changed, uses it", async ({ playground, page }) => {
  await pick(playground, "qwen3.5-flash", "openrouter::qwen/qwen3.5-flash-02-23");
  await expect(page.getByTestId("offering-info")).toContainText("$0.065/M in");
  await expect(page.getByTestId("param-top_k")).toHaveCount(0);

  await page.getByTestId("catalog-refresh").click();
  const report = page.getByTestId("catalog-refresh-report");
  await expect(report.getByTestId("refresh-openrouter")).toContainText("qwen/qwen3.5-flash-02-23 pricing.tiers[0].inputPerMTok: 0.065 → 0.1");
  await expect(report.getByTestId("refresh-openrouter")).toContainText("params.top_k: — → added");
  await expect(report.getByTestId("refresh-empiriolabs")).toContainText("qwen3-5-flash pricing.tiers[0].inputPerMTok: 0.09 → 0.085");
  await expect(report.getByTestId("refresh-ai-gateway")).toContainText("0 change(s)");

  // The page now shows, validates and bills with the refreshed data.
  await expect(page.getByTestId("offering-info")).toContainText("$0.1/M in · $0.4/M out");
  await expect(page.getByTestId("offering-refreshed")).toBeVisible();
  await expect(page.getByTestId("param-top_k")).toBeVisible();
  await playground.send("Hello after refresh");
  await playground.waitForStatus(0, "done");
  // (21 × $0.10 + 8 × $0.40) / 1M
  await expect(playground.assistant(0).getByTestId("stat-cost")).toHaveText("$0.0000053");
});

test("any model of an OpenAI-compatible server: configured ones are pickable, and a refresh imports the rest from /models", async ({ page, upstream }) => {
  // Its own instance: the shared one may have refreshed its catalog already.
  const server = new AppServer(await freePort(), tempDataDir(), fakeProviderEnv(upstream.url));
  await server.start();
  try {
    const playground = new PlaygroundPage(page);
    await page.goto(server.url);
    await page.getByTestId("model-select").selectOption("llama3.1:8b");
    await page.getByTestId("offering-select").selectOption("openai-compatible::llama3.1:8b");
    await expect(page.getByTestId("param-temperature")).toBeVisible();
    await expect(page.locator("#model-select option[value='mistral-nemo:12b']")).toHaveCount(0);

    await page.getByTestId("catalog-refresh").click();
    await expect(page.getByTestId("catalog-refresh-report").getByTestId("refresh-openai-compatible")).toContainText("mistral-nemo:12b (imported from /models)");
    await page.reload();
    await page.getByTestId("model-select").selectOption("mistral-nemo:12b");
    await page.getByTestId("offering-select").selectOption("openai-compatible::mistral-nemo:12b");
    await playground.send("Hello imported model");
    await playground.waitForStatus(0, "done");
    await expect(playground.assistant(0).getByTestId("answer")).toContainText("Hello from the fake upstream.");
  } finally {
    await server.stop();
  }
});

test("view code for a self-hosted server points at the configured server, not the simulator", async ({ playground, page, upstream }) => {
  await pick(playground, "llama3.1:8b", "openai-compatible::llama3.1:8b");
  await page.getByTestId("view-code").click();
  await expect(page.getByTestId("code-text")).toContainText(`${upstream.url}/openai-compatible/v1/chat/completions`);
  await expect(page.getByTestId("code-text")).not.toContainText("/api/simulator/v1");
});
