import OpenAI from "openai";
import { expect, test } from "@playwright/test";
import { fakeProviderEnv } from "./fake-upstream/fake-upstream";
import { AppServer, freePort, tempDataDir } from "./support/app-server";
import { FakeUpstreamProcess } from "./support/fake-upstream-process";

// Budgets are hard caps (the worst case is reserved before the call, so
// parallel calls cannot overshoot), and rate limits answer 429 with
// Retry-After. Each test gets a fresh instance: budgets count a whole month.
// Budgets are about money, so they are tested on a real provider's wire (the
// fake OpenRouter): the simulator is not billed and counts toward no budget.

const BYTES_PER_TOKEN = 3; // the documented input estimate (lib/runs/worst-case-cost.ts)
const PROVIDER = "openrouter";
const PROVIDER_MODEL = "qwen/qwen3.5-flash-02-23";
const MODEL = `${PROVIDER}/${PROVIDER_MODEL}`;
/** The fake upstream waits this long before its first token when the prompt carries the marker, so calls overlap. */
const slowPrompt = (prompt: string, ms = 1500) => `${prompt} [[ttft:${ms}]]`;

let upstream: FakeUpstreamProcess;
test.beforeAll(async () => {
  upstream = new FakeUpstreamProcess();
  await upstream.start();
});
test.afterAll(async () => upstream.stop());

async function fresh(): Promise<AppServer> {
  const server = new AppServer(await freePort(), tempDataDir(), fakeProviderEnv(upstream.url));
  await server.start();
  return server;
}

async function newKey(base: string, body: Record<string, unknown> = {}): Promise<{ key: string; id: string }> {
  const response = await fetch(`${base}/api/keys`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "budgeted", ...body }) });
  expect(response.status).toBe(201);
  return response.json();
}

/** max_tokens whose worst case (input estimate + max output at list price) is `usd`, for OpenRouter's Flash offering. */
async function maxTokensCosting(base: string, usd: number, prompt: string): Promise<number> {
  const catalog = await (await fetch(`${base}/api/catalog`)).json();
  const offering = catalog.offerings.find((o: { provider: string; providerModelId: string }) => o.provider === PROVIDER && o.providerModelId === PROVIDER_MODEL);
  const tier = offering.pricing.tiers[0];
  const inputUsd = (Math.ceil(Buffer.byteLength(prompt) / BYTES_PER_TOKEN) * tier.inputPerMTok) / 1e6;
  return Math.floor(((usd - inputUsd) * 1e6) / tier.outputPerMTok);
}

async function spentBy(base: string, field: "apiKeyId" | "userId", id: string): Promise<number> {
  const runs = (await (await fetch(`${base}/api/runs?limit=200`)).json()).runs as { apiKeyId: string | null; userId: string; costUsd: number | null; status: string }[];
  return runs.filter((r) => r[field] === id).reduce((sum, r) => sum + (r.costUsd ?? 0), 0);
}

test("a $0.01 key cap admits at most 10 of 20 parallel $0.001 calls; the rest get 402 and spend stays under the cap", async () => {
  const server = await fresh();
  try {
    const { key, id } = await newKey(server.url, { monthlyBudgetUsd: 0.01 });
    const client = new OpenAI({ baseURL: `${server.url}/api/v1`, apiKey: key, maxRetries: 0 });
    // Slow first token: all 20 are in flight together, holding their reservations.
    const prompt = slowPrompt("Budgeted call");
    const maxTokens = await maxTokensCosting(server.url, 0.001, prompt);
    const calls = Array.from({ length: 20 }, () =>
      client.chat.completions.create({ model: MODEL, messages: [{ role: "user", content: prompt }], max_tokens: maxTokens }).then(
        () => 200,
        (e: { status?: number; message?: string }) => {
          if (e.status === 402) expect(e.message).toMatch(/monthly budget of \$0\.0100: spent \$0, \$0\.\d+ reserved by runs in progress, and this call may cost up to \$0\.00100/);
          return e.status ?? 0;
        },
      ),
    );
    const statuses = await Promise.all(calls);
    const admitted = statuses.filter((s) => s === 200).length;
    expect(admitted).toBeLessThanOrEqual(10);
    expect(admitted).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 402).length).toBe(20 - admitted);
    expect(await spentBy(server.url, "apiKeyId", id)).toBeLessThanOrEqual(0.01);
  } finally {
    await server.stop();
  }
});

test("the simulator is not billed: a key capped at $0.0002 runs it freely, and its runs count toward no budget", async () => {
  const server = await fresh();
  try {
    const { key } = await newKey(server.url, { monthlyBudgetUsd: 0.0002 });
    const client = new OpenAI({ baseURL: `${server.url}/api/v1`, apiKey: key, maxRetries: 0 });
    for (let i = 0; i < 3; i++) {
      const completion = await client.chat.completions.create({ model: "simulator/qwen3.5-flash", messages: [{ role: "user", content: "free" }], max_tokens: 4000, sim_ttft_ms: 0, sim_tokens_per_second: 5000 } as never);
      expect(completion.choices[0]!.finish_reason).toBeTruthy();
    }
    const budgets = (await (await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${key}` } })).json()).budgets as { spentUsd: number }[];
    expect(budgets[0]).toMatchObject({ spentUsd: 0 });
    // The same key on a real provider is held to its cap.
    const refused = await client.chat.completions.create({ model: MODEL, messages: [{ role: "user", content: "paid" }] }).catch((e) => e);
    expect(refused.status).toBe(402);
  } finally {
    await server.stop();
  }
});

test("a user cap is shared by two keys", async () => {
  const server = await fresh();
  try {
    const me = (await (await fetch(`${server.url}/api/me`)).json()).user;
    expect((await fetch(`${server.url}/api/admin/users/${me.id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ monthlyBudgetUsd: 0.01 }) })).status).toBe(200);
    const prompt = slowPrompt("Shared cap");
    const maxTokens = await maxTokensCosting(server.url, 0.001, prompt);
    const clients = await Promise.all([newKey(server.url, { name: "a" }), newKey(server.url, { name: "b" })]).then((keys) => keys.map((k) => new OpenAI({ baseURL: `${server.url}/api/v1`, apiKey: k.key, maxRetries: 0 })));
    const calls = Array.from({ length: 20 }, (_, i) =>
      clients[i % 2]!.chat.completions.create({ model: MODEL, messages: [{ role: "user", content: prompt }], max_tokens: maxTokens }).then(
        () => 200,
        (e: { status?: number }) => e.status ?? 0,
      ),
    );
    const statuses = await Promise.all(calls);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 402).length).toBeGreaterThanOrEqual(10);
    expect(await spentBy(server.url, "userId", me.id)).toBeLessThanOrEqual(0.01);
    const budgets = (await (await fetch(`${server.url}/api/me`)).json()).budgets;
    expect(budgets[0]).toMatchObject({ capUsd: 0.01 });
  } finally {
    await server.stop();
  }
});

test("rate limits: a burst over requests/minute gets 429 with Retry-After and passes after it; a concurrency limit clears when streams end", async () => {
  test.setTimeout(120_000);
  const server = await fresh();
  try {
    const burst = new OpenAI({ baseURL: `${server.url}/api/v1`, apiKey: (await newKey(server.url, { rpm: 3 })).key, maxRetries: 0 });
    const ask = (client: OpenAI, ttft = 0) =>
      client.chat.completions
        .create({ model: "simulator/qwen3.5-flash", messages: [{ role: "user", content: "hi" }], max_tokens: 5, sim_ttft_ms: ttft } as never)
        .withResponse()
        .then(
          () => ({ status: 200, retryAfter: null as string | null }),
          (e: { status?: number; headers?: Headers }) => ({ status: e.status ?? 0, retryAfter: e.headers?.get("retry-after") ?? null }),
        );
    const results: { status: number; retryAfter: string | null }[] = [];
    for (let i = 0; i < 5; i++) results.push(await ask(burst));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 429, 429]);
    expect(Number(results[3]!.retryAfter)).toBeGreaterThan(0);
    expect(Number(results[3]!.retryAfter)).toBeLessThanOrEqual(60);
    // After the wait it names, calls pass again.
    await new Promise((r) => setTimeout(r, Number(results[4]!.retryAfter) * 1000 + 200));
    expect((await ask(burst)).status).toBe(200);

    const single = new OpenAI({ baseURL: `${server.url}/api/v1`, apiKey: (await newKey(server.url, { maxConcurrent: 1 })).key, maxRetries: 0 });
    const slow = ask(single, 1500);
    await new Promise((r) => setTimeout(r, 300));
    const refused = await ask(single);
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe("1");
    expect((await slow).status).toBe(200);
    expect((await ask(single)).status).toBe(200);
  } finally {
    await server.stop();
  }
});

test("PLAYGROUND_INIT_API_KEY makes an owner key at start that works on every /api route and the gateway", async () => {
  const key = `pg_init_${"k".repeat(40)}`;
  const server = new AppServer(await freePort(), tempDataDir(), { AUTH_MODE: "password", PLAYGROUND_INIT_OWNER_EMAIL: "root@example.com", PLAYGROUND_INIT_OWNER_PASSWORD: "password-123", PLAYGROUND_INIT_API_KEY: key });
  await server.start();
  try {
    const me = await (await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${key}` } })).json();
    expect(me.user).toMatchObject({ email: "root@example.com", role: "owner" });
    expect(me.apiKey.name).toBe("PLAYGROUND_INIT_API_KEY");
    expect((await fetch(`${server.url}/api/admin/users`, { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    const client = new OpenAI({ baseURL: `${server.url}/api/v1`, apiKey: key, maxRetries: 0 });
    const completion = await client.chat.completions.create({ model: "simulator/qwen3.5-flash", messages: [{ role: "user", content: "hi" }], max_tokens: 5 });
    expect(completion.choices[0]!.finish_reason).toBe("length");
    expect((await fetch(`${server.url}/api/me`, { headers: { authorization: "Bearer pg_wrong" } })).status).toBe(401);
  } finally {
    await server.stop();
  }
});

test("the browser playground shows the budget before Send, warns near it, and obeys the same cap", async ({ page }) => {
  const server = await fresh();
  try {
    const me = (await (await fetch(`${server.url}/api/me`)).json()).user;
    await fetch(`${server.url}/api/admin/users/${me.id}`, { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ monthlyBudgetUsd: 0.001 }) });
    await page.goto(server.url);
    // On the simulator (the default) the note says it is not billed.
    await expect(page.getByTestId("budget-note")).toContainText("The simulator is not billed");
    await page.getByTestId("model-select").selectOption("qwen3.5-flash");
    await page.getByTestId("offering-select").selectOption(`${PROVIDER}::${PROVIDER_MODEL}`);
    await expect(page.getByTestId("budget-note")).toHaveText(/\$0\.001 left of Local owner's \$0\.001 monthly budget/);
    await expect(page.getByTestId("budget-note")).toHaveAttribute("data-warning", "false");
    // With no max_tokens the worst case is the offering's whole output limit, larger than the budget: refused before any upstream call.
    await page.getByTestId("composer-input").fill("Too big for the budget");
    await page.getByTestId("send-button").click();
    await expect(page.getByTestId("chat-error")).toContainText("Over Local owner's monthly budget of $0.00100");
    // A small answer fits, and then the note shows what is left, amber past 80%.
    await page.getByTestId("param-input-max_tokens").fill("2000");
    await page.getByTestId("composer-input").fill("Fits");
    await page.getByTestId("send-button").click();
    await expect(page.getByTestId("message-assistant").last().getByTestId("run-stats")).toHaveAttribute("data-status", "done");
    await expect(page.getByTestId("budget-note")).not.toHaveText(/\$0\.001 left/);
  } finally {
    await server.stop();
  }
});

test("an expired key is refused with 401 in OpenAI's shape", async () => {
  const server = await fresh();
  try {
    const { key } = await newKey(server.url, { expiresAt: new Date(Date.now() + 1500).toISOString() });
    const client = new OpenAI({ baseURL: `${server.url}/api/v1`, apiKey: key, maxRetries: 0 });
    expect((await client.models.list()).data.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1700));
    const refused = await client.models.list().catch((e) => e);
    expect(refused).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(refused.error).toMatchObject({ type: "authentication_error", code: "invalid_api_key", message: "This API key has expired." });
  } finally {
    await server.stop();
  }
});

test("the instance-wide cap and a person's concurrency limit hold across all of their keys", async () => {
  const server = await fresh();
  try {
    const put = (path: string, body: unknown, method = "PUT") => fetch(`${server.url}${path}`, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect((await put("/api/admin/budget", { monthlyBudgetUsd: 0.002 })).status).toBe(200);
    const [a, b] = await Promise.all([newKey(server.url, { name: "a" }), newKey(server.url, { name: "b" })]);
    const clientA = new OpenAI({ baseURL: `${server.url}/api/v1`, apiKey: a.key, maxRetries: 0 });
    const clientB = new OpenAI({ baseURL: `${server.url}/api/v1`, apiKey: b.key, maxRetries: 0 });
    const maxTokens = await maxTokensCosting(server.url, 0.0015, slowPrompt("hi", 1200));
    const call = (client: OpenAI, ttft = 1200) =>
      client.chat.completions.create({ model: MODEL, messages: [{ role: "user", content: slowPrompt("hi", ttft) }], max_tokens: maxTokens }).then(
        () => 200,
        (e: { status?: number; message?: string }) => e.status ?? 0,
      );
    const first = call(clientA);
    await new Promise((r) => setTimeout(r, 300));
    const refused = await clientB.chat.completions.create({ model: MODEL, messages: [{ role: "user", content: slowPrompt("hi", 0) }], max_tokens: maxTokens }).catch((e) => e);
    expect(refused.status).toBe(402);
    expect(refused.message).toContain("this playground's monthly budget of $0.00200");
    expect(await first).toBe(200);
    expect((await put("/api/admin/budget", { monthlyBudgetUsd: null })).status).toBe(200);

    const me = (await (await fetch(`${server.url}/api/me`)).json()).user;
    expect((await put(`/api/admin/users/${me.id}`, { maxConcurrent: 1 }, "PATCH")).status).toBe(200);
    const slow = call(clientA);
    await new Promise((r) => setTimeout(r, 300));
    expect(await call(clientB, 0)).toBe(429);
    expect(await slow).toBe(200);
    expect(await call(clientB, 0)).toBe(200);
  } finally {
    await server.stop();
  }
});
