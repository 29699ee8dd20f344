import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { generateObject, generateText, streamText } from "ai";
import OpenAI from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import { z } from "zod";
import { expect, test } from "./support/provider-fixtures";

// The playground as an OpenAI-compatible gateway, driven by the official
// `openai` client and the AI SDK, on the simulator and on every provider
// behind the fake upstreams. Every call is a run in history.

type Record_ = { status: string; ttftMs: number | null; tokensPerSecond: number | null; costUsd: number | null; apiKeyName: string | null; usage: { outputTokens: number | null } };

async function newKey(base: string, body: Record<string, unknown> = {}): Promise<string> {
  const response = await fetch(`${base}/api/keys`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "ci", ...body }) });
  expect(response.status).toBe(201);
  return (await response.json()).key;
}

async function recorded(base: string, runId: string): Promise<Record_> {
  for (let i = 0; i < 100; i++) {
    const record = (await (await fetch(`${base}/api/runs/${runId}`)).json()) as Record_;
    if (record.status !== "streaming") return record;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("run never finished");
}

const fast = { sim_ttft_ms: 20, sim_tokens_per_second: 4000 };

test("models: every configured offering as provider/model-id, aliases, and one model by id", async ({ app }) => {
  const client = new OpenAI({ baseURL: `${app.url}/api/v1`, apiKey: await newKey(app.url) });
  const ids = [];
  for await (const model of client.models.list()) ids.push(model.id);
  expect(ids).toEqual(expect.arrayContaining(["simulator/qwen3.5-flash", "openrouter/qwen/qwen3.5-flash-02-23", "empiriolabs/qwen3-5-4b", "segmind/qwen3.5-flash", "dashscope/qwen3.5-flash", "ai-gateway/alibaba/qwen3.5-flash", "openai-compatible/llama3.1:8b", "qwen3.5-flash", "qwen3.5-4b"]));
  const one = await client.models.retrieve("openrouter/qwen/qwen3.5-flash-02-23");
  expect(one).toMatchObject({ id: "openrouter/qwen/qwen3.5-flash-02-23", object: "model", owned_by: "openrouter" });
  await expect(client.models.retrieve("nobody/nothing")).rejects.toMatchObject({ status: 404 });
});

test("chat on the simulator: non-streaming and streaming with usage last; each call is a measured run marked API", async ({ app }) => {
  const client = new OpenAI({ baseURL: `${app.url}/api/v1`, apiKey: await newKey(app.url, { name: "notebook" }) });
  const { data: completion, response } = await client.chat.completions
    .create({ model: "simulator/qwen3.5-flash", messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Hello gateway" }], max_tokens: 60, seed: 7, ...fast } as never)
    .withResponse();
  expect(completion.choices[0]!.message.content).toContain("Hello gateway");
  expect((completion.choices[0]!.message as unknown as { reasoning_content: string }).reasoning_content.length).toBeGreaterThan(0);
  expect(completion.usage!.completion_tokens).toBeGreaterThan(0);
  const runId = response.headers.get("x-run-id")!;
  const record = await recorded(app.url, runId);
  expect(record).toMatchObject({ status: "done", apiKeyName: "notebook" });
  expect(record.ttftMs).toBeGreaterThan(0);
  expect(record.costUsd).toBeGreaterThan(0);
  expect(record.usage.outputTokens).toBe(completion.usage!.completion_tokens);

  const stream = await client.chat.completions.create({ model: "qwen3.5-flash", messages: [{ role: "user", content: "Stream it" }], stream: true, stream_options: { include_usage: true }, stop: "zzz", max_completion_tokens: 40, ...fast } as never);
  let text = "";
  let reasoning = "";
  let usage: OpenAI.CompletionUsage | undefined;
  let finish: string | null = null;
  for await (const chunk of stream as unknown as AsyncIterable<OpenAI.ChatCompletionChunk>) {
    const delta = chunk.choices[0]?.delta as { content?: string; reasoning_content?: string } | undefined;
    text += delta?.content ?? "";
    reasoning += delta?.reasoning_content ?? "";
    finish = chunk.choices[0]?.finish_reason ?? finish;
    if (chunk.usage) {
      expect(chunk.choices).toEqual([]);
      usage = chunk.usage;
    }
  }
  expect(text).toContain("Stream it");
  // The simulator echoes its parameters, so the stop string appears and the answer ends just before it.
  expect(text).not.toContain("zzz");
  expect(finish).toBe("stop");
  expect(reasoning.length).toBeGreaterThan(0);
  expect(usage?.completion_tokens).toBeGreaterThan(0);

  const short = await client.chat.completions.create({ model: "simulator/qwen3.5-flash", messages: [{ role: "user", content: "Cut me short" }], max_completion_tokens: 8, enable_thinking: false, ...fast } as never);
  expect((short as OpenAI.ChatCompletion).choices[0]!.finish_reason).toBe("length");
  expect((short as OpenAI.ChatCompletion).usage!.completion_tokens).toBe(8);
});

test("every provider behind the fakes answers through the gateway, streaming and not", async ({ app }) => {
  const client = new OpenAI({ baseURL: `${app.url}/api/v1`, apiKey: await newKey(app.url) });
  for (const model of ["empiriolabs/qwen3-5-flash", "openrouter/qwen/qwen3.5-flash-02-23", "ai-gateway/alibaba/qwen3.5-flash", "segmind/qwen3.5-flash", "dashscope/qwen3.5-flash", "openai-compatible/llama3.1:8b"]) {
    // Segmind's schema has no max_tokens: the gateway validates against each offering's own schema.
    const limit = model.startsWith("segmind/") ? {} : { max_tokens: 64 };
    const completion = await client.chat.completions.create({ model, messages: [{ role: "user", content: `hello ${model}` }], ...limit });
    expect(completion.choices[0]!.message.content, model).toBeTruthy();
    const stream = await client.chat.completions.create({ model, messages: [{ role: "user", content: "hello" }], ...limit, stream: true, stream_options: { include_usage: true } });
    let text = "";
    let sawUsage = false;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? "";
      if (chunk.usage) sawUsage = true;
    }
    expect(text, model).toBeTruthy();
    expect(sawUsage, model).toBe(true);
  }
});

test("a tool loop ends: the call, the tool's result, then a text answer", async ({ app }) => {
  const client = new OpenAI({ baseURL: `${app.url}/api/v1`, apiKey: await newKey(app.url) });
  const tools: OpenAI.ChatCompletionTool[] = [{ type: "function", function: { name: "get_weather", description: "Weather in a city", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } } }];
  const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: "user", content: "What is the weather in Lisbon?" }];
  let rounds = 0;
  for (; rounds < 5; rounds++) {
    const completion = await client.chat.completions.create({ model: "simulator/qwen3.5-flash", messages, tools, ...fast } as never);
    const choice = (completion as OpenAI.ChatCompletion).choices[0]!;
    if (choice.finish_reason !== "tool_calls") {
      expect(choice.message.content).toContain("Tool result received");
      break;
    }
    messages.push(choice.message);
    for (const call of choice.message.tool_calls ?? []) messages.push({ role: "tool", tool_call_id: call.id, content: JSON.stringify({ city: "Lisbon", celsius: 21 }) });
  }
  expect(rounds).toBe(1);
});

test("structured output: chat.completions.parse with a zod schema on the simulator", async ({ app }) => {
  const client = new OpenAI({ baseURL: `${app.url}/api/v1`, apiKey: await newKey(app.url) });
  const Plan = z.object({ title: z.string(), steps: z.array(z.object({ order: z.number().int(), action: z.string() })), risk: z.enum(["low", "medium", "high"]) });
  const completion = await client.chat.completions.parse({ model: "simulator/qwen3.5-flash", messages: [{ role: "user", content: "Plan a migration" }], response_format: zodResponseFormat(Plan, "plan"), ...fast } as never);
  const parsed = (completion as unknown as { choices: { message: { parsed: z.infer<typeof Plan> } }[] }).choices[0]!.message.parsed;
  expect(Plan.parse(parsed)).toEqual(parsed);
});

test("the AI SDK's OpenAI-compatible provider works against the gateway", async ({ app }) => {
  const gateway = createOpenAICompatible({ name: "playground", baseURL: `${app.url}/api/v1`, apiKey: await newKey(app.url), includeUsage: true, supportsStructuredOutputs: true });
  const model = gateway.chatModel("simulator/qwen3.5-flash");
  const generated = await generateText({ model, prompt: "Say something", maxOutputTokens: 50, providerOptions: { playground: fast } });
  expect(generated.text).toContain("Say something");
  const streamed = streamText({ model, prompt: "Stream something", maxOutputTokens: 50, providerOptions: { playground: fast } });
  let text = "";
  for await (const delta of streamed.textStream) text += delta;
  expect(text).toContain("Stream something");
  expect((await streamed.usage).outputTokens).toBeGreaterThan(0);
  const object = await generateObject({ model, schema: z.object({ city: z.string(), population: z.number() }), prompt: "A city", providerOptions: { playground: fast } });
  expect(typeof object.object.city).toBe("string");
  expect(typeof object.object.population).toBe("number");
});

test("errors in OpenAI's shape: a bad value names the param, an unknown model is 404, a revoked key is 401, a key limited to one provider gets 403 elsewhere", async ({ app }) => {
  const key = await newKey(app.url);
  const client = new OpenAI({ baseURL: `${app.url}/api/v1`, apiKey: key, maxRetries: 0 });
  const bad = await client.chat.completions.create({ model: "simulator/qwen3.5-flash", messages: [{ role: "user", content: "x" }], temperature: 9 }).catch((e) => e);
  expect(bad).toBeInstanceOf(OpenAI.BadRequestError);
  expect(bad.param).toBe("temperature");
  const segmind = await client.chat.completions.create({ model: "segmind/qwen3.5-flash", messages: [{ role: "user", content: "x" }], max_tokens: 5 }).catch((e) => e);
  expect(segmind).toBeInstanceOf(OpenAI.BadRequestError);
  expect(segmind.param).toBe("max_tokens");
  const unknown = await client.chat.completions.create({ model: "simulator/nope", messages: [{ role: "user", content: "x" }] }).catch((e) => e);
  expect(unknown).toBeInstanceOf(OpenAI.NotFoundError);
  expect(unknown.code).toBe("model_not_found");

  const limited = await newKey(app.url, { allowedProviders: ["simulator"] });
  const limitedClient = new OpenAI({ baseURL: `${app.url}/api/v1`, apiKey: limited, maxRetries: 0 });
  const elsewhere = await limitedClient.chat.completions.create({ model: "openrouter/qwen/qwen3.5-flash-02-23", messages: [{ role: "user", content: "x" }] }).catch((e) => e);
  expect(elsewhere).toBeInstanceOf(OpenAI.PermissionDeniedError);
  expect((await limitedClient.chat.completions.create({ model: "simulator/qwen3.5-flash", messages: [{ role: "user", content: "x" }], max_tokens: 5 })).choices).toHaveLength(1);

  const keys = (await (await fetch(`${app.url}/api/keys`)).json()).keys as { id: string; prefix: string }[];
  const id = keys.find((k) => key.startsWith(k.prefix))!.id;
  expect((await fetch(`${app.url}/api/keys/${id}`, { method: "DELETE" })).status).toBe(200);
  const revoked = await client.models.list().catch((e) => e);
  expect(revoked).toBeInstanceOf(OpenAI.AuthenticationError);
  expect(revoked.error).toMatchObject({ type: "authentication_error", code: "invalid_api_key" });
  const expired = new OpenAI({ baseURL: `${app.url}/api/v1`, apiKey: `pg_${"x".repeat(40)}`, maxRetries: 0 });
  await expect(expired.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
});

test("tools on every EmpirioLabs offering: the AI SDK's tool calls, and tool_choice as auto, none, required or a named function", async ({ app, upstream }) => {
  const key = await newKey(app.url);
  const client = new OpenAI({ baseURL: `${app.url}/api/v1`, apiKey: key, maxRetries: 0 });
  const tools: OpenAI.ChatCompletionTool[] = [{ type: "function", function: { name: "get_weather", description: "Weather in a city", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } } }];
  const gateway = createOpenAICompatible({ name: "playground", baseURL: `${app.url}/api/v1`, apiKey: key });
  for (const model of ["empiriolabs/qwen3-5-flash", "empiriolabs/qwen3-5-flash:variant1", "empiriolabs/qwen3-5-4b"]) {
    for (const toolChoice of ["auto", "none", "required", { type: "function", function: { name: "get_weather" } }] as const) {
      // The fake calls the tool when the prompt says [[tool]]; with "none" it must not.
      const content = toolChoice === "none" ? "Weather in Lisbon?" : "Weather in Lisbon? [[tool]]";
      const completion = await client.chat.completions.create({ model, messages: [{ role: "user", content }], tools, tool_choice: toolChoice });
      expect(completion.choices[0]!.finish_reason, `${model} ${JSON.stringify(toolChoice)}`).toBe(toolChoice === "none" ? "stop" : "tool_calls");
    }
    // The AI SDK sends its tools with tool_choice "auto", as every OpenAI client does.
    const result = await generateText({ model: gateway(model), prompt: "Weather in Lisbon? [[tool]]", tools: { get_weather: { description: "Weather in a city", inputSchema: z.object({ city: z.string() }) } } });
    expect(result.toolCalls.map((c) => c.toolName), model).toEqual(["get_weather"]);
  }
  const sent = (await upstream.requests("empiriolabs")).map((r) => r.body.tool_choice);
  expect(sent).toEqual(expect.arrayContaining(["auto", "none", "required", { type: "function", function: { name: "get_weather" } }]));
});
