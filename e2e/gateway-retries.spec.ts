import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { ChatOpenAI } from "@langchain/openai";
import { generateText, streamText } from "ai";
import OpenAI from "openai";
import { expect, test } from "./support/provider-fixtures";

// No retry can bill twice. The official clients, each at its default settings
// (retries included), call the gateway while the provider fails: the provider
// is reached exactly once per call. The gateway's first answer keeps the
// provider's meaning (502 for a 5xx, 429 with its Retry-After, the same 400)
// and says `x-should-retry: false`; a client that retries anyway gets 400
// `retry_refused` for the same request, which no client retries.

const MODEL = "openrouter/qwen/qwen3.5-flash-02-23";

async function newKey(base: string): Promise<string> {
  const response = await fetch(`${base}/api/keys`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: `retries-${Math.random()}` }) });
  return ((await response.json()) as { key: string }).key;
}

test.beforeEach(async ({ upstream }) => upstream.reset());

test("a provider 500 reaches the provider once: raw answer, openai (both modes), the AI SDK (both modes) and LangChain at their defaults", async ({ app, upstream }) => {
  test.setTimeout(120_000);
  const key = await newKey(app.url);
  const reached = async () => (await upstream.requests("openrouter")).length;

  // The answer itself: 502, in OpenAI's shape, never to be retried.
  const raw = await fetch(`${app.url}/api/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ model: MODEL, messages: [{ role: "user", content: "raw [[status:500]]" }] }),
  });
  expect(raw.status).toBe(502);
  expect(raw.headers.get("x-should-retry")).toBe("false");
  expect(await raw.json()).toMatchObject({ error: { type: "server_error", code: "upstream_500" } });
  expect(await reached()).toBe(1);
  const again = await fetch(`${app.url}/api/v1/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ model: MODEL, messages: [{ role: "user", content: "raw [[status:500]]" }] }),
  });
  expect(again.status).toBe(400);
  expect(await again.json()).toMatchObject({ error: { code: "retry_refused", message: expect.stringContaining("failed with 502") } });
  expect(await reached()).toBe(1);

  const openai = new OpenAI({ baseURL: `${app.url}/api/v1`, apiKey: key });
  const viaOpenAi = await openai.chat.completions.create({ model: MODEL, messages: [{ role: "user", content: "openai [[status:500]]" }] }).catch((e) => e);
  expect(viaOpenAi).toBeInstanceOf(OpenAI.APIError);
  expect(viaOpenAi.status).toBe(502);
  expect(await reached()).toBe(2);
  const streamed = await (async () => {
    const stream = await openai.chat.completions.create({ model: MODEL, messages: [{ role: "user", content: "openai stream [[status:500]]" }], stream: true });
    for await (const _ of stream) {
      /* read until the error */
    }
  })().catch((e) => e);
  expect(streamed).toBeInstanceOf(Error);
  expect(await reached()).toBe(3);

  const provider = createOpenAICompatible({ name: "playground", baseURL: `${app.url}/api/v1`, apiKey: key });
  const viaAiSdk = await generateText({ model: provider(MODEL), prompt: "ai sdk [[status:500]]" }).catch((e) => e);
  expect(viaAiSdk).toBeInstanceOf(Error);
  expect(await reached()).toBe(4);
  let streamError: unknown = null;
  const result = streamText({ model: provider(MODEL), prompt: "ai sdk stream [[status:500]]", onError: ({ error }) => void (streamError = error) });
  await result.consumeStream();
  expect(streamError).not.toBeNull();
  expect(await reached()).toBe(5);

  const langchain = new ChatOpenAI({ model: MODEL, apiKey: key, configuration: { baseURL: `${app.url}/api/v1` } });
  const viaLangChain = await langchain.invoke("langchain [[status:500]]").catch((e) => e);
  expect(viaLangChain).toBeInstanceOf(Error);
  expect(await reached()).toBe(6);
});

test("the provider's 429 stays 429 with its Retry-After; its 401 is a 502 about the server's key; its 400 keeps its status", async ({ app, upstream }) => {
  const key = await newKey(app.url);
  const call = (content: string) =>
    fetch(`${app.url}/api/v1/chat/completions`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${key}` }, body: JSON.stringify({ model: MODEL, messages: [{ role: "user", content }] }) });
  const limited = await call("[[status:429]]");
  expect(limited.status).toBe(429);
  expect(limited.headers.get("retry-after")).toBe("20");
  expect(limited.headers.get("x-should-retry")).toBe("false");
  const refusedKey = await call("[[status:401]]");
  expect(refusedKey.status).toBe(502);
  expect(await refusedKey.json()).toMatchObject({ error: { code: "upstream_key_refused", message: expect.stringContaining("server's configured key") } });
  const bad = await call("[[status:400]]");
  expect(bad.status).toBe(400);
  expect(bad.headers.get("x-should-retry")).toBe("false");
  expect((await upstream.requests("openrouter")).length).toBe(3);
});
