// Fake provider upstreams on 127.0.0.1, each speaking its provider's documented
// wire format (shared/notes/providers.md). The same handler serves the Vitest
// contract tests (in-process) and the Playwright stories (own process).
//
// Routes (base URLs to configure):
//   /empiriolabs/v1            EmpirioLabs (reasoning_content, usage.cost_usd, tool_usage)
//   /openrouter/api/v1         OpenRouter (delta.reasoning + reasoning_details, usage.cost, keep-alive comments)
//   /ai-gateway/v1             Vercel AI Gateway OpenAI-compatible (delta.reasoning)
//   /dashscope/compatible-mode/v1  DashScope (reasoning_content, usage only with include_usage)
//   /openai-compatible/v1      plain OpenAI-compatible server
//   /segmind/v1/{model}        Segmind (x-api-key, one JSON answer, x-cost, x-remaining-credits)
//   GET model lists: /openrouter/api/v1/models, /ai-gateway/v1/models, /empiriolabs/v1/models/qwen3-5-flash
//   GET /__requests, POST /__reset, GET /health
//
// Scenario markers in the last user message: [[status:NNN]], [[midstream-error]],
// [[stall]], [[malformed]], [[tool]], [[details-only]], [[ttft:MS]], [[gap:MS]],
// [[length]] (the last answer chunk carries finish_reason "length", as vLLM sends it, in one write with the chunk before),
// [[cut]] (the stream ends after some text, with no finish reason and no [DONE]).
// POST /__config sets per-provider timing: { "openrouter": { "ttftMs": 300, "gapMs": 20, "answerTokens": 40 } }.

import fs from "node:fs";
import path from "node:path";

const FIXTURES = path.resolve(import.meta.dirname, "../../lib/catalog/refresh/fixtures");
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), "utf8")) as unknown;

/** Published model lists (GET), as documented; see lib/catalog/refresh/fixtures. */
const MODEL_LISTS: Record<string, string> = {
  "/openrouter/api/v1/models": "openrouter-models.json",
  "/ai-gateway/v1/models": "ai-gateway-models.json",
  "/empiriolabs/v1/models/qwen3-5-flash": "empiriolabs-qwen3-5-flash.json",
  "/openai-compatible/v1/models": "openai-compatible-models.json",
};

export type RecordedRequest = { provider: string; method: string; path: string; headers: Record<string, string>; body: Record<string, any> };

type Scenario = { status?: number; midstreamError: boolean; stall: boolean; malformed: boolean; tool: boolean; detailsOnly: boolean; length: boolean; cut: boolean; ttftMs: number; gapMs: number; answerTokens: number };

const REASONING = ["Let me ", "think about ", "this carefully."];
const ANSWER = ["Hello ", "from ", "the ", "fake ", "upstream."];
export const FAKE_USAGE = { prompt_tokens: 21, completion_tokens: 8, reasoning_tokens: 3, cached_tokens: 5 };

function lastUserText(body: Record<string, any>): string {
  const messages = Array.isArray(body.messages) ? body.messages : [];
  const last = [...messages].reverse().find((m: any) => m.role === "user");
  if (!last) return "";
  if (typeof last.content === "string") return last.content;
  return (last.content ?? []).map((p: any) => p.text ?? "").join(" ");
}

/** Per-provider default timing, set with POST /__config { "<dialect>": { ttftMs, gapMs } }. */
export type Timing = { ttftMs?: number; gapMs?: number; answerTokens?: number; status?: number };

function scenarioOf(body: Record<string, any>, timing: Timing = {}): Scenario {
  const text = lastUserText(body);
  const num = (name: string, fallback: number) => Number(text.match(new RegExp(`\\[\\[${name}:(\\d+)\\]\\]`))?.[1] ?? fallback);
  return {
    status: text.match(/\[\[status:(\d{3})\]\]/) ? num("status", 0) : timing.status,
    midstreamError: text.includes("[[midstream-error]]"),
    stall: text.includes("[[stall]]"),
    malformed: text.includes("[[malformed]]"),
    tool: text.includes("[[tool]]"),
    detailsOnly: text.includes("[[details-only]]"),
    length: text.includes("[[length]]"),
    cut: text.includes("[[cut]]"),
    ttftMs: num("ttft", timing.ttftMs ?? 40),
    gapMs: num("gap", timing.gapMs ?? 5),
    answerTokens: timing.answerTokens ?? ANSWER.length,
  };
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });

type Dialect = "empiriolabs" | "openrouter" | "ai-gateway" | "dashscope" | "openai-compatible";

function errorFor(dialect: Dialect | "segmind", status: number): Response {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (status === 429) headers["retry-after"] = "20";
  if (dialect === "segmind") {
    const message = status === 406 ? "Not enough credits. Required 0.01, remaining 0.00" : status === 401 ? "API key is invalid" : "Error";
    return new Response(JSON.stringify({ error: message }), { status, headers });
  }
  if (dialect === "openrouter") {
    const message = status === 402 ? "Insufficient credits" : status === 429 ? "Rate limit exceeded" : "Upstream error";
    return new Response(JSON.stringify({ error: { code: status, message, metadata: {} } }), { status, headers });
  }
  const codes: Record<number, string> = { 400: "invalid_request", 401: "invalid_api_key", 402: "insufficient_credits", 403: "access_denied", 404: "model_not_found", 429: "rate_limit_exceeded" };
  return new Response(JSON.stringify({ error: { message: `${codes[status] ?? "upstream_error"} (fake)`, type: codes[status] ?? "server_error", code: codes[status] ?? "upstream_error" } }), { status, headers });
}

/** Usage that matches what was streamed: the reasoning deltas plus the answer tokens. */
function usageFor(dialect: Dialect, body: Record<string, any>, streamed: { reasoning: number; answer: number }) {
  const completion = streamed.reasoning + streamed.answer;
  const usage: Record<string, unknown> = {
    prompt_tokens: FAKE_USAGE.prompt_tokens,
    completion_tokens: completion,
    total_tokens: FAKE_USAGE.prompt_tokens + completion,
    prompt_tokens_details: { cached_tokens: FAKE_USAGE.cached_tokens },
    completion_tokens_details: { reasoning_tokens: streamed.reasoning },
  };
  if (dialect === "empiriolabs") {
    const searches = body.tool_web_search === true ? 2 : 0;
    usage.cost_usd = 0.0000123 + searches * 0.015;
    if (searches) usage.tool_usage = { web_search: searches };
  }
  if (dialect === "openrouter") usage.cost = 0.0000042;
  return usage;
}

function streamChat(dialect: Dialect, body: Record<string, any>, scenario: Scenario, signal: AbortSignal): Response {
  const encoder = new TextEncoder();
  const id = `chatcmpl-fake-${dialect}`;
  const model = String(body.model);
  const line = (obj: unknown) => `data: ${JSON.stringify(obj)}\n\n`;
  const chunk = (delta: object, finish: string | null = null, extra: object = {}) =>
    line({ id, object: "chat.completion.chunk", created: 1760000000, model, choices: [{ index: 0, delta, finish_reason: finish }], ...extra });
  const reasoningDelta = (text: string): object => {
    if (dialect === "empiriolabs" || dialect === "dashscope") return { reasoning_content: text };
    if (dialect === "openrouter") return scenario.detailsOnly ? { reasoning_details: [{ type: "reasoning.text", text }] } : { reasoning: text, reasoning_details: [{ type: "reasoning.text", text }] };
    if (dialect === "ai-gateway") return { reasoning: text };
    return {};
  };
  const thinking = body.enable_thinking !== false && dialect !== "openai-compatible" && !(body.reasoning && body.reasoning.enabled === false);
  const includeUsage = dialect === "openrouter" || body.stream_options?.include_usage === true;

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      try {
        if (dialect === "openrouter") send(": OPENROUTER PROCESSING\n\n");
        send(dialect === "dashscope" ? chunk({ content: null, role: "assistant", reasoning_content: "" }, null, { usage: null }) : chunk({ role: "assistant", content: "" }));
        await sleep(scenario.ttftMs, signal);
        if (scenario.stall) {
          send(chunk({ content: "Partial " }));
          await sleep(60_000, signal);
          return controller.close();
        }
        if (scenario.cut) {
          send(chunk({ content: "Partial " }));
          return controller.close();
        }
        if (scenario.malformed) {
          send(chunk({ content: "Partial " }));
          send("data: {not json at all\n\n");
          return controller.close();
        }
        if (thinking) {
          for (const t of REASONING) {
            send(chunk(reasoningDelta(t)));
            await sleep(scenario.gapMs, signal);
          }
        }
        if (scenario.tool) {
          send(chunk({ tool_calls: [{ index: 0, id: "call_fake_1", type: "function", function: { name: "get_weather", arguments: "" } }] }));
          send(chunk({ tool_calls: [{ index: 0, id: "", function: { arguments: '{"city":"Paris"}' } }] }));
          send(chunk({}, "tool_calls"));
        } else {
          // The answer repeats to answerTokens tokens, so configured rates can be measured.
          const answer = Array.from({ length: scenario.answerTokens }, (_, i) => ANSWER[i % ANSWER.length]!);
          for (const [i, t] of answer.entries()) {
            // The last two chunks go out in one write, so a coalescer sees them in one read.
            if (scenario.length && i === answer.length - 2) {
              send(chunk({ content: t }) + chunk({ content: answer[i + 1]! }, "length"));
              break;
            }
            send(chunk({ content: t }));
            await sleep(scenario.gapMs, signal);
            if (scenario.midstreamError && i === 1) {
              send(line({ error: { message: "The upstream model crashed", code: 502 } }));
              return controller.close();
            }
          }
          if (!scenario.length) send(chunk({}, "stop"));
        }
        const streamed = { reasoning: thinking ? REASONING.length : 0, answer: scenario.tool ? 0 : scenario.answerTokens };
        if (includeUsage) send(line({ id, object: "chat.completion.chunk", created: 1760000000, model, choices: [], usage: usageFor(dialect, body, streamed) }));
        send("data: [DONE]\n\n");
        controller.close();
      } catch {
        /* client went away */
      }
    },
  });
  const headers: Record<string, string> = { "content-type": "text/event-stream", "cache-control": "no-cache" };
  if (dialect === "openrouter") headers["x-generation-id"] = "gen-fake-1";
  return new Response(stream, { headers });
}

async function segmindAnswer(_body: Record<string, any>, scenario: Scenario, signal: AbortSignal): Promise<Response> {
  await sleep(scenario.ttftMs, signal);
  return Response.json(
    {
      id: "segmind-fake",
      object: "chat.completion",
      choices: [{ index: 0, message: { role: "assistant", content: ANSWER.join(""), reasoning_content: REASONING.join("") }, finish_reason: scenario.length ? "length" : "stop" }],
      usage: { prompt_tokens: FAKE_USAGE.prompt_tokens, completion_tokens: FAKE_USAGE.completion_tokens, total_tokens: FAKE_USAGE.prompt_tokens + FAKE_USAGE.completion_tokens },
    },
    { headers: { "x-cost": "0.0021", "x-remaining-credits": "9.4979", "x-request-id": "req-fake" } },
  );
}

const ROUTES: { prefix: string; dialect: Dialect | "segmind" }[] = [
  { prefix: "/empiriolabs/v1/chat/completions", dialect: "empiriolabs" },
  { prefix: "/openrouter/api/v1/chat/completions", dialect: "openrouter" },
  { prefix: "/ai-gateway/v1/chat/completions", dialect: "ai-gateway" },
  { prefix: "/dashscope/compatible-mode/v1/chat/completions", dialect: "dashscope" },
  { prefix: "/openai-compatible/v1/chat/completions", dialect: "openai-compatible" },
  { prefix: "/segmind/v1/", dialect: "segmind" },
];

/** Base URL for each provider when the fake runs at `origin`, keyed by env variable. */
export function fakeProviderEnv(origin: string): Record<string, string> {
  return {
    EMPIRIOLABS_API_KEY: "sk-empiriolabs-test-key-000000000000",
    EMPIRIOLABS_BASE_URL: `${origin}/empiriolabs/v1`,
    OPENROUTER_API_KEY: "sk-or-v1-test-key-0000000000000000",
    OPENROUTER_BASE_URL: `${origin}/openrouter/api/v1`,
    OPENROUTER_HTTP_REFERER: "https://playground.example",
    OPENROUTER_X_TITLE: "LLM Playground",
    AI_GATEWAY_API_KEY: "vck-gateway-test-key-0000000000",
    AI_GATEWAY_BASE_URL: `${origin}/ai-gateway/v1`,
    SEGMIND_API_KEY: "SG_segmindtestkey00000000",
    SEGMIND_BASE_URL: `${origin}/segmind/v1`,
    DASHSCOPE_API_KEY: "sk-dashscope-test-key-00000000000",
    DASHSCOPE_BASE_URL: `${origin}/dashscope/compatible-mode/v1`,
    OPENAI_COMPATIBLE_BASE_URL: `${origin}/openai-compatible/v1`,
    OPENAI_COMPATIBLE_MODELS: "qwen3.5-4b-local,llama3.1:8b",
  };
}

export function createFakeUpstream() {
  const requests: RecordedRequest[] = [];
  let timings: Record<string, Timing> = {};
  const handler = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (url.pathname === "/health") return Response.json({ ok: true });
    if (url.pathname === "/__requests") {
      const provider = url.searchParams.get("provider");
      return Response.json(provider ? requests.filter((r) => r.provider === provider) : requests);
    }
    if (url.pathname === "/__reset") {
      requests.length = 0;
      timings = {};
      return Response.json({ ok: true });
    }
    if (url.pathname === "/__config") {
      timings = (await request.json()) as Record<string, Timing>;
      return Response.json({ ok: true });
    }
    if (request.method === "GET" && MODEL_LISTS[url.pathname]) return Response.json(fixture(MODEL_LISTS[url.pathname]!));
    const route = ROUTES.find((r) => url.pathname.startsWith(r.prefix));
    if (!route || request.method !== "POST") return new Response("<html>Not Found</html>", { status: 404, headers: { "content-type": "text/html" } });

    let body: Record<string, any> = {};
    try {
      body = (await request.json()) as Record<string, any>;
    } catch {
      return errorFor(route.dialect, 400);
    }
    requests.push({ provider: route.dialect, method: request.method, path: url.pathname, headers: Object.fromEntries(request.headers), body });

    const scenario = scenarioOf(body, timings[route.dialect]);
    if (route.dialect === "segmind") {
      if (!request.headers.get("x-api-key")) return errorFor("segmind", 401);
      if (!(request.headers.get("content-type") ?? "").includes("application/json")) return errorFor("segmind", 406);
      if (scenario.status) return errorFor("segmind", scenario.status);
      return segmindAnswer(body, scenario, request.signal);
    }
    if (!request.headers.get("authorization")?.startsWith("Bearer ") && route.dialect !== "openai-compatible") return errorFor(route.dialect, 401);
    if (scenario.status) return errorFor(route.dialect, scenario.status);
    return streamChat(route.dialect, body, scenario, request.signal);
  };
  return { handler, requests };
}
