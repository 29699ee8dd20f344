import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "./support/csp-guard";
import { AppServer, freePort, tempDataDir } from "./support/app-server";
import { gatewayCode, toCodeMessages } from "../lib/code/generate-code";

// "View code" -> "Through this playground": the generated TypeScript runs
// unchanged with tsx against the real server, and its call is in history.

const root = path.resolve(import.meta.dirname, "..");
const run = promisify(execFile);

// Its own instance: these runs must not show up in other stories' history.
let app: AppServer;
test.beforeAll(async () => {
  app = new AppServer(await freePort(), tempDataDir());
  await app.start();
});
test.afterAll(async () => {
  await app.stop();
});

async function newKey(name: string): Promise<string> {
  return (await (await fetch(`${app.url}/api/keys`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name }) })).json()).key;
}

/** Runs a generated snippet with tsx, inside the repository so its `import OpenAI from "openai"` resolves; returns its stdout. */
async function runSnippet(code: string, key: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(root, "e2e", ".generated-"));
  try {
    const file = path.join(dir, "snippet.mts");
    fs.writeFileSync(file, code);
    return (await run(process.execPath, ["--import", "tsx", file], { cwd: root, env: { ...process.env, PLAYGROUND_API_KEY: key } })).stdout;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test("the gateway snippet runs as generated and its run is recorded", async () => {
  const key = await newKey("snippet");
  const code = gatewayCode(
    { provider: "simulator", baseUrl: "", keyEnv: null, model: "qwen3.5-flash", params: { temperature: 0.2, max_tokens: 40, sim_ttft_ms: 0, sim_tokens_per_second: 5000 }, messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Snippet says hello" }] },
    `${app.url}/api/v1`,
  );
  const stdout = await runSnippet(code, key);
  expect(stdout).toContain("Snippet says hello");
  expect(stdout).toContain("completion_tokens");
  const runs = (await (await fetch(`${app.url}/api/runs?limit=5`)).json()).runs as { apiKeyName: string | null; params: Record<string, unknown>; status: string }[];
  const recorded = runs.find((r) => r.apiKeyName === "snippet")!;
  expect(recorded.params).toMatchObject({ temperature: 0.2, max_tokens: 40 });
  expect(recorded.status).toBe("done");
});

test("a conversation with a tool call and its typed result replays through the gateway as view code shows it", async () => {
  const key = await newKey("tool-replay");
  const tools = [{ type: "function", function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } } }];
  const messages = toCodeMessages([
    { role: "user", parts: [{ type: "text", text: "Weather in Lisbon?" }] },
    { role: "assistant", parts: [{ type: "step-start" }, { type: "tool-get_weather", toolCallId: "call_7", state: "output-available", input: { city: "Lisbon" }, output: { celsius: 23 } }] },
  ]);
  const code = gatewayCode({ provider: "simulator", baseUrl: "", keyEnv: null, model: "qwen3.5-flash", params: { tools, max_tokens: 60, sim_ttft_ms: 0, sim_tokens_per_second: 5000 }, messages }, `${app.url}/api/v1`);
  expect(await runSnippet(code, key)).toContain('Tool result received: {"celsius":23}');
});

test("API keys page: make a key (shown once), see it listed by prefix, revoke it", async ({ page }) => {
  await page.goto(`${app.url}/keys`);
  await page.getByTestId("key-name").fill("laptop script");
  await page.getByTestId("key-budget").fill("2.5");
  await page.getByTestId("key-create").click();
  const key = await page.getByTestId("new-key").inputValue();
  expect(key).toMatch(/^pg_[A-Za-z0-9_-]{40}$/);
  const row = page.getByTestId("key-row").filter({ hasText: "laptop script" });
  await expect(row).toContainText(key.slice(0, 11));
  await expect(row).toContainText("$2.5/month");
  await expect(row).not.toContainText(key.slice(11));
  expect((await fetch(`${app.url}/api/v1/models`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
  await row.getByTestId("key-revoke").click();
  await expect(row.getByTestId("key-status")).toHaveText("revoked");
  expect((await fetch(`${app.url}/api/v1/models`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(401);
});

test("view code shows the message being typed, and the same request through this playground", async ({ page }) => {
  await page.goto(app.url);
  await page.getByTestId("composer-input").fill("A draft not sent yet");
  await page.getByTestId("view-code").click();
  await page.getByTestId("code-tab-typescript").click();
  await expect(page.getByTestId("code-text")).toContainText("A draft not sent yet");
  await page.getByTestId("code-tab-gateway").click();
  await expect(page.getByTestId("code-text")).toContainText(`baseURL: "${app.url}/api/v1"`);
  await expect(page.getByTestId("code-text")).toContainText('"model": "simulator/qwen3.5-flash"');
  await expect(page.getByTestId("code-text")).toContainText("A draft not sent yet");
});
