import fc from "fast-check";
import { mutated, query, segment } from "./arbitraries";

// One generator per route file in app/api and per page: its URLs and a body
// shaped like what it takes. The fuzzer fails when a route exists without one.

/** How a route answers errors: our `{ error: { code, message } }`, OpenAI's `{ error: { message, type } }`, or any (pages, Better Auth). */
export type ErrorShape = "app" | "openai" | "any";
export type RouteFuzz = { url: fc.Arbitrary<string>; body: fc.Arbitrary<unknown>; errors: ErrorShape };

const fast = { sim_ttft_ms: 0, sim_tokens_per_second: 20_000, max_tokens: 4 };
const provider = fc.constantFrom("simulator", "openrouter", "segmind", "nope", "");
const model = fc.constantFrom("qwen3.5-flash", "qwen3.5-4b", "", "x/y");
const uiPart = fc.oneof(
  mutated({ type: fc.constant("text"), text: fc.string({ maxLength: 40 }) }),
  mutated({ type: fc.constant("file"), mediaType: fc.constantFrom("image/png", "video/mp4", "text/html"), url: fc.constantFrom("/api/uploads/x", "data:image/png;base64,AAAA", "http://127.0.0.1:1/a.png", "javascript:1") }),
  mutated({ type: fc.constantFrom("tool-get_weather", "dynamic-tool", "reasoning", "step-start"), toolCallId: fc.string({ maxLength: 8 }), state: fc.constantFrom("input-available", "output-available"), input: fc.jsonValue({ maxDepth: 2 }), output: fc.jsonValue({ maxDepth: 2 }) }),
);
const uiMessage = mutated({ id: fc.string({ maxLength: 8 }), role: fc.constantFrom("user", "assistant", "system", "tool"), parts: fc.array(uiPart, { maxLength: 3 }) });
const runBody = mutated({
  provider,
  model,
  messages: fc.array(uiMessage, { minLength: 0, maxLength: 3 }),
  params: fc.oneof(fc.constant(fast), mutated({ temperature: fc.double(), max_tokens: fc.integer(), stop: fc.array(fc.string({ maxLength: 3 })), tools: fc.jsonValue({ maxDepth: 3 }), tool_choice: fc.jsonValue({ maxDepth: 2 }), response_format: fc.jsonValue({ maxDepth: 3 }) })),
  system: fc.string({ maxLength: 40 }),
  conversationId: fc.string({ maxLength: 70 }),
  compareGroupId: fc.string({ maxLength: 10 }),
  compareColumn: fc.integer({ min: -2, max: 9 }),
});
const openAiPart = fc.oneof(
  mutated({ type: fc.constant("text"), text: fc.string({ maxLength: 20 }) }),
  mutated({ type: fc.constant("image_url"), image_url: mutated({ url: fc.constantFrom("data:image/png;base64,iVBORw0KGgo=", "data:,x", "http://127.0.0.1:1/x.png") }) }),
  mutated({ type: fc.constant("video_url"), video_url: mutated({ url: fc.constantFrom("data:video/mp4;base64,AAAA", "") }) }),
);
const openAiMessage = mutated({
  role: fc.constantFrom("system", "developer", "user", "assistant", "tool", "function"),
  content: fc.oneof(fc.string({ maxLength: 30 }), fc.array(openAiPart, { maxLength: 3 }), fc.constant(null)),
  tool_calls: fc.array(mutated({ id: fc.string({ maxLength: 6 }), type: fc.constant("function"), function: mutated({ name: fc.string({ maxLength: 6 }), arguments: fc.string({ maxLength: 10 }) }) }), { maxLength: 2 }),
  tool_call_id: fc.string({ maxLength: 6 }),
});
const chatBody = (models: string[]) =>
  mutated({ model: fc.constantFrom(...models), messages: fc.array(openAiMessage, { maxLength: 3 }), stream: fc.boolean(), n: fc.integer({ min: -1, max: 3 }), ...Object.fromEntries(Object.entries(fast).map(([k, v]) => [k, fc.constant(v)])) });

/** Numbers a forged bundle would carry to move money: negative, huge, fractional counts, the edge of a double. */
const hostileNumber = fc.oneof(fc.constantFrom(-1000, -1, -0, 0, 0.5, 1e308, -1e308, 1e12, Number.MAX_SAFE_INTEGER, 5e-324), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.constant(null));
const hostileDate = fc.oneof(fc.date({ min: new Date("1970-01-01"), max: new Date("2200-01-01"), noInvalidDate: true }).map((d) => d.toISOString()), fc.constantFrom("2999-12-31T00:00:00.000Z", "not a date", ""));
/** A bundle shaped exactly like an export, each run's numbers, dates and attachments hostile. */
const hostileBundle = fc.record({
  format: fc.constant("llm-playground-bundle"),
  version: fc.constant(1),
  exportedAt: fc.constant(new Date().toISOString()),
  runs: fc.array(
    fc.record({
      id: fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/),
      status: fc.constantFrom("done", "error", "streaming", "aborted"),
      provider: fc.constantFrom("simulator", "openrouter"),
      model: fc.constantFrom("qwen3.5-flash", "qwen/qwen3.5-flash-02-23"),
      params: fc.constant({}),
      system: fc.constant(null),
      messages: fc.constant([{ id: "m", role: "user", parts: [{ type: "text", text: `see /api/uploads/${"a".repeat(64)}` }, { type: "file", mediaType: "image/png", url: `/api/uploads/${"b".repeat(64)}` }] }]),
      promptText: fc.constant("hi"),
      outputText: fc.string({ maxLength: 20 }),
      outputReasoning: fc.constant(""),
      toolCalls: fc.constant([]),
      finishReason: fc.constant("stop"),
      inputTokens: hostileNumber,
      outputTokens: hostileNumber,
      reasoningTokens: hostileNumber,
      cachedInputTokens: hostileNumber,
      usageEstimated: fc.boolean(),
      costUsd: hostileNumber,
      providerCostUsd: hostileNumber,
      providerReport: fc.constant({}),
      attachmentsSent: fc.constant([{ uploadId: "c".repeat(64), mediaType: "image/png", form: "data-url", bytesSent: 1 }]),
      ttftMs: hostileNumber,
      durationMs: hostileNumber,
      tokensPerSecond: hostileNumber,
      errorCode: fc.constant(null),
      errorMessage: fc.constant(null),
      compareGroupId: fc.constant(null),
      compareColumn: fc.constant(null),
      createdAt: hostileDate,
      finishedAt: fc.oneof(hostileDate, fc.constant(null)),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  uploads: fc.constant([]),
});

const id = segment;
const at = (...parts: (string | fc.Arbitrary<string>)[]) => fc.tuple(...parts.map((p) => (typeof p === "string" ? fc.constant(p) : p)), query).map((xs) => (xs.slice(0, -1).join("/") || "/") + xs.at(-1));
const anyBody = fc.jsonValue({ maxDepth: 3 });

export const ROUTES: Record<string, RouteFuzz> = {
  "api/admin/access": { url: at("/api/admin/access"), body: mutated({ offerings: fc.jsonValue({ maxDepth: 3 }), role: fc.string() }), errors: "app" },
  "api/admin/audit": { url: at("/api/admin/audit"), body: anyBody, errors: "app" },
  "api/admin/audit/export": { url: at("/api/admin/audit/export"), body: anyBody, errors: "app" },
  "api/admin/audit/verify": { url: at("/api/admin/audit/verify"), body: anyBody, errors: "app" },
  "api/admin/backup": { url: at("/api/admin/backup"), body: anyBody, errors: "app" },
  "api/admin/budget": { url: at("/api/admin/budget"), body: mutated({ monthlyUsd: fc.oneof(fc.double(), fc.constant(null)), limitUsd: fc.double() }), errors: "app" },
  "api/admin/invites": { url: at("/api/admin/invites"), body: mutated({ role: fc.constantFrom("member", "admin", "owner", "god"), email: fc.string(), expiresInDays: fc.integer() }), errors: "app" },
  "api/admin/invites/[id]": { url: at("/api/admin/invites", id), body: anyBody, errors: "app" },
  "api/admin/model-aliases": { url: at("/api/admin/model-aliases"), body: mutated({ aliases: fc.jsonValue({ maxDepth: 3 }) }), errors: "app" },
  "api/admin/users": { url: at("/api/admin/users"), body: anyBody, errors: "app" },
  "api/admin/users/[id]": { url: at("/api/admin/users", id), body: mutated({ role: fc.constantFrom("member", "admin", "owner"), disabled: fc.boolean(), monthlyBudgetUsd: fc.double() }), errors: "app" },
  "api/[...unknown]": { url: at("/api", id, id), body: anyBody, errors: "app" },
  "api/auth/[...all]": { url: at("/api/auth", fc.constantFrom("sign-in/email", "sign-up/email", "get-session", "sign-out", "callback/x", "nope"), ), body: mutated({ email: fc.string(), password: fc.string(), name: fc.string() }), errors: "any" },
  "api/bench/floor": { url: at("/api/bench/floor"), body: anyBody, errors: "any" },
  "api/bench/naive": { url: at("/api/bench/naive"), body: anyBody, errors: "any" },
  "api/catalog": { url: at("/api/catalog"), body: anyBody, errors: "app" },
  "api/catalog/refresh": { url: at("/api/catalog/refresh"), body: anyBody, errors: "app" },
  "api/conversations": { url: at("/api/conversations"), body: anyBody, errors: "app" },
  "api/costs": { url: at("/api/costs"), body: anyBody, errors: "app" },
  "api/costs/csv": { url: at("/api/costs/csv"), body: anyBody, errors: "app" },
  "api/export": { url: at("/api/export"), body: anyBody, errors: "app" },
  "api/health": { url: at("/api/health"), body: anyBody, errors: "app" },
  "api/ready": { url: at("/api/ready"), body: anyBody, errors: "app" },
  "api/import": { url: at("/api/import"), body: fc.oneof(mutated({ format: fc.constantFrom("llm-playground-bundle", "x"), version: fc.integer({ min: 0, max: 3 }), runs: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 2 }), uploads: fc.jsonValue({ maxDepth: 2 }) }), hostileBundle), errors: "app" },
  "api/invites/[token]/accept": { url: at("/api/invites", id, "accept"), body: mutated({ name: fc.string(), email: fc.string(), password: fc.string() }), errors: "app" },
  "api/keys": { url: at("/api/keys"), body: mutated({ name: fc.string({ maxLength: 80 }), monthlyBudgetUsd: fc.double(), allowedProviders: fc.array(fc.string()), allowedModels: fc.array(fc.string()) }), errors: "app" },
  "api/keys/[id]": { url: at("/api/keys", id), body: anyBody, errors: "app" },
  "api/me": { url: at("/api/me"), body: anyBody, errors: "app" },
  "api/runs": { url: at("/api/runs"), body: runBody, errors: "app" },
  "api/runs/[id]": { url: at("/api/runs", id), body: mutated({ visibility: fc.constantFrom("private", "team", "public", "x") }), errors: "app" },
  "api/runs/[id]/raw": { url: at("/api/runs", id, "raw"), body: anyBody, errors: "app" },
  "api/runs/[id]/share": { url: at("/api/runs", id, "share"), body: anyBody, errors: "app" },
  "api/setup": { url: at("/api/setup"), body: mutated({ name: fc.string(), email: fc.string(), password: fc.string() }), errors: "app" },
  "api/simulator/v1/[...path]": { url: at("/api/simulator/v1", id, id), body: anyBody, errors: "openai" },
  "api/simulator/v1/chat/completions": { url: at("/api/simulator/v1/chat/completions"), body: chatBody(["qwen3.5-flash", "qwen3.5-4b", ""]), errors: "openai" },
  "api/simulator/v1/models": { url: at("/api/simulator/v1/models"), body: anyBody, errors: "openai" },
  "api/simulator/v1/models/[...id]": { url: at("/api/simulator/v1/models", fc.oneof(fc.constantFrom("qwen3.5-flash", "qwen3.5-4b"), id)), body: anyBody, errors: "openai" },
  "api/uploads": { url: at("/api/uploads"), body: anyBody, errors: "app" },
  "api/uploads/[id]": { url: at("/api/uploads", id), body: anyBody, errors: "app" },
  "api/uploads/direct": { url: at("/api/uploads/direct"), body: mutated({ name: fc.string(), size: fc.integer(), mediaType: fc.constantFrom("image/png", "video/mp4", "text/plain") }), errors: "app" },
  "api/uploads/direct/complete": { url: at("/api/uploads/direct/complete"), body: mutated({ id: fc.string(), key: fc.string() }), errors: "app" },
  "api/v1/chat/completions": { url: at("/api/v1/chat/completions"), body: chatBody(["simulator/qwen3.5-flash", "simulator/qwen3.5-4b", "nope/x", "qwen3.5-flash"]), errors: "openai" },
  "api/v1/models": { url: at("/api/v1/models"), body: anyBody, errors: "openai" },
  "api/v1/models/[...id]": { url: at("/api/v1/models", id, id), body: anyBody, errors: "openai" },
  "api/v1/[...unknown]": { url: at("/api/v1", id, id), body: anyBody, errors: "openai" },
  "page:admin": { url: at("/admin"), body: anyBody, errors: "any" },
  "page:compare": { url: at("/compare"), body: anyBody, errors: "any" },
  "page:history": { url: at("/history"), body: anyBody, errors: "any" },
  "page:invite/[token]": { url: at("/invite", id), body: anyBody, errors: "any" },
  "page:keys": { url: at("/keys"), body: anyBody, errors: "any" },
  "page:": { url: at(""), body: anyBody, errors: "any" },
  "page:r/[shareId]": { url: at("/r", id), body: anyBody, errors: "any" },
  "page:runs/[id]": { url: at("/runs", id), body: anyBody, errors: "any" },
  "page:setup": { url: at("/setup"), body: anyBody, errors: "any" },
  "page:sign-in": { url: at("/sign-in"), body: anyBody, errors: "any" },
};
