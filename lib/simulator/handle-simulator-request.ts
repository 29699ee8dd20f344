import { z } from "zod";
import { AppError } from "@/lib/http/app-error";
import { inlineMediaBodyLimit, readJsonBody } from "@/lib/http/read-json-body";
import { simulator } from "@/lib/catalog/providers/simulator";
import { describeAttachments } from "./describe-attachments";
import { simulateCompletion, type SimResult } from "./simulate-completion";
import { tokenLogprob } from "./token-logprobs";

// An OpenAI-compatible /chat/completions endpoint. It speaks the same wire
// format as the real hosts (reasoning_content deltas, a finish_reason chunk, a
// usage chunk with `choices: []` when include_usage is set, then [DONE]).

// Exactly OpenAI's content parts and message shapes (extra fields allowed, as OpenAI-compatible hosts add some).
const contentPart = z.discriminatedUnion("type", [
  z.looseObject({ type: z.literal("text"), text: z.string() }),
  z.looseObject({ type: z.literal("image_url"), image_url: z.looseObject({ url: z.string().min(1), detail: z.enum(["auto", "low", "high"]).optional() }) }),
  z.looseObject({ type: z.literal("video_url"), video_url: z.looseObject({ url: z.string().min(1) }), fps: z.number().positive().optional() }),
  z.looseObject({ type: z.literal("input_audio"), input_audio: z.looseObject({ data: z.string(), format: z.string() }) }),
]);
const content = z.union([z.string(), z.array(contentPart), z.null()]);
const toolCall = z.looseObject({ id: z.string(), type: z.literal("function").optional(), function: z.looseObject({ name: z.string(), arguments: z.string() }) });
const message = z.discriminatedUnion("role", [
  z.looseObject({ role: z.literal("system"), content }),
  z.looseObject({ role: z.literal("developer"), content }),
  z.looseObject({ role: z.literal("user"), content }),
  z.looseObject({ role: z.literal("assistant"), content: content.optional().transform((c) => c ?? null), tool_calls: z.array(toolCall).optional(), reasoning_content: z.string().nullable().optional() }),
  z.looseObject({ role: z.literal("tool"), content, tool_call_id: z.string() }),
]);

const requestSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(message).min(1),
  stream: z.boolean().optional(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).optional(),
  tools: z.array(z.looseObject({ type: z.string().optional(), function: z.looseObject({ name: z.string(), description: z.string().optional(), parameters: z.unknown() }) })).optional(),
  tool_choice: z.unknown().optional(),
  n: z.number().int().min(1).max(8).optional(),
});

const TRANSPORT_FIELDS = new Set(["model", "messages", "stream", "stream_options", "tools", "tool_choice", "n", "user", "store", "metadata"]);

function knobDefault(name: string): number {
  const spec = simulator.offerings[0]?.params?.find((p) => p.name === name);
  return spec && "default" in spec && typeof spec.default === "number" ? spec.default : 0;
}
const DEFAULT_TTFT_MS = knobDefault("sim_ttft_ms");
const DEFAULT_RATE = knobDefault("sim_tokens_per_second");

/** The model ids the simulator answers to (its catalog offerings). */
const SIMULATED_MODELS = new Set(simulator.offerings.map((o) => o.providerModelId));

export function errorResponse(status: number, message: string, type = "invalid_request_error", code: string | null = null, param: string | null = null): Response {
  return Response.json({ error: { message, type, param, code } }, { status });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
}

type Delta = Record<string, unknown>;

/** A delta's logprobs travel beside it in its choice, as OpenAI sends them. */
function chunk(id: string, model: string, created: number, delta: Delta, finishReason: string | null = null, index = 0, logprobs?: unknown): string {
  const choice = logprobs ? { index, delta, logprobs, finish_reason: finishReason } : { index, delta, finish_reason: finishReason };
  return `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [choice] })}\n\n`;
}

/** Usage over all choices: the prompt once, completions added up. */
function usageJson(results: SimResult[]) {
  const completion = results.reduce((n, r) => n + r.usage.completionTokens, 0);
  const prompt = results[0]?.usage.promptTokens ?? 0;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: results.reduce((n, r) => n + r.usage.reasoningTokens, 0) },
  };
}

/** What `logprobs` / `top_logprobs` asked for: null when not asked. */
type LogprobRequest = { seed: number; top: number } | null;

function answerLogprobs(result: SimResult, request: LogprobRequest) {
  return request ? result.answerTokens.map((token, i) => tokenLogprob(token, i, request.seed, request.top)) : null;
}

type Step = { delta: Delta; logprobs?: unknown };

function choiceDeltas(result: SimResult, logprobs: LogprobRequest): Step[] {
  const perToken = answerLogprobs(result, logprobs);
  const steps: Step[] = [
    ...result.reasoningTokens.map((t) => ({ delta: { reasoning_content: t } })),
    ...result.answerTokens.map((t, i) => ({ delta: { content: t }, ...(perToken ? { logprobs: { content: [perToken[i]], refusal: null } } : {}) })),
  ];
  if (result.toolCall) {
    steps.push({ delta: { tool_calls: [{ index: 0, id: result.toolCall.id, type: "function", function: { name: result.toolCall.name, arguments: "" } }] } });
    steps.push({ delta: { tool_calls: [{ index: 0, function: { arguments: result.toolCall.arguments } }] } });
  }
  return steps;
}

function streamResult(results: SimResult[], model: string, includeUsage: boolean, ttftMs: number, rate: number, logprobs: LogprobRequest, signal: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const id = `chatcmpl-sim-${Date.now().toString(36)}`;
  const created = Math.floor(Date.now() / 1000);
  // Several choices (n > 1) stream one after the other, each chunk naming its index.
  const deltas: (Step & { index: number })[] = results.flatMap((r, index) => choiceDeltas(r, logprobs && { ...logprobs, seed: logprobs.seed + index }).map((step) => ({ ...step, index })));
  const interval = 1000 / rate;

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const start = performance.now();
      try {
        for (let index = 0; index < results.length; index++) controller.enqueue(encoder.encode(chunk(id, model, created, { role: "assistant", content: "" }, null, index)));
        let sent = 0;
        // Token 0 is due at start + ttft; token i at (when token 0 went out) + i / rate,
        // as a provider decodes at its pace once prefill is done. Wake up, send everything
        // due, sleep until the next one: the rate stays exact even when timers are coarse,
        // and a late first token (a busy machine) cannot make the rest burst out faster.
        let decodeFrom = start + ttftMs;
        while (sent < deltas.length && !signal.aborted) {
          await sleep(decodeFrom + sent * interval - performance.now(), signal);
          if (signal.aborted) break;
          const now = performance.now();
          if (sent === 0) decodeFrom = now;
          let batch = "";
          while (sent < deltas.length && decodeFrom + sent * interval <= now + 0.5) {
            const step = deltas[sent]!;
            batch += chunk(id, model, created, step.delta, null, step.index, step.logprobs);
            sent++;
          }
          controller.enqueue(encoder.encode(batch));
        }
        if (signal.aborted) return controller.close();
        results.forEach((r, index) => controller.enqueue(encoder.encode(chunk(id, model, created, {}, r.finishReason, index))));
        if (includeUsage) {
          controller.enqueue(encoder.encode(`data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [], usage: usageJson(results) })}\n\n`));
        }
        controller.enqueue(encoder.encode("data: [DONE]\n\n"));
        controller.close();
      } catch {
        // The reader went away (client cancelled); nothing left to do.
      }
    },
  });
}

export async function handleSimulatorRequest(request: Request): Promise<Response> {
  let json: unknown;
  try {
    json = await readJsonBody(request, inlineMediaBodyLimit());
  } catch (error) {
    return error instanceof AppError ? errorResponse(error.status, error.message, "invalid_request_error", error.code) : errorResponse(400, "Request body must be JSON");
  }
  const parsed = requestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const param = issue?.path.join(".") || null;
    // zod's "Invalid input" for a union says nothing: name the shapes that are accepted.
    const message = issue?.code === "invalid_union" ? "not one of OpenAI's shapes (content: a string, null, or text / image_url / video_url / input_audio parts with their fields)" : (issue?.message ?? "bad body");
    return errorResponse(400, `Invalid request: ${param ? `${param}: ` : ""}${message}`, "invalid_request_error", null, param);
  }
  const body = parsed.data;
  if (!SIMULATED_MODELS.has(body.model)) {
    return errorResponse(404, `The model '${body.model}' does not exist. The simulator serves ${[...SIMULATED_MODELS].join(", ")}.`, "invalid_request_error", "model_not_found", "model");
  }

  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) if (!TRANSPORT_FIELDS.has(key)) params[key] = value;
  const ttftMs = typeof params.sim_ttft_ms === "number" ? Math.max(0, params.sim_ttft_ms) : DEFAULT_TTFT_MS;
  const rate = typeof params.sim_tokens_per_second === "number" && params.sim_tokens_per_second > 0 ? params.sim_tokens_per_second : DEFAULT_RATE;

  const videoFps = typeof params.video_fps === "number" ? params.video_fps : 2;
  const attachments = await describeAttachments(body.messages, videoFps);
  const n = body.n ?? 1;
  const seed = typeof params.seed === "number" ? params.seed : 0;
  // Choice i is what seed + i would answer: different, and reproducible.
  const results = Array.from({ length: n }, (_, i) =>
    simulateCompletion({ model: body.model, messages: body.messages, params: i === 0 ? params : { ...params, seed: seed + i }, tools: body.tools, toolChoice: body.tool_choice, attachments }),
  );

  const logprobs: LogprobRequest = params.logprobs === true ? { seed, top: typeof params.top_logprobs === "number" ? Math.max(0, Math.min(20, Math.trunc(params.top_logprobs))) : 0 } : null;
  if (body.stream) {
    const stream = streamResult(results, body.model, body.stream_options?.include_usage === true, ttftMs, rate, logprobs, request.signal);
    return new Response(stream, { headers: { "content-type": "text/event-stream", "cache-control": "no-cache, no-transform" } });
  }

  const tokens = results.reduce((sum, r) => sum + r.reasoningTokens.length + r.answerTokens.length, 0);
  await sleep(ttftMs + tokens * (1000 / rate), request.signal);
  return Response.json({
    id: `chatcmpl-sim-${Date.now().toString(36)}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    choices: results.map((result, index) => ({
      index,
      message: {
        role: "assistant",
        content: result.toolCall && result.answerTokens.length === 0 ? null : result.answerTokens.join(""),
        refusal: null,
        ...(result.reasoningTokens.length ? { reasoning_content: result.reasoningTokens.join("") } : {}),
        ...(result.toolCall ? { tool_calls: [{ id: result.toolCall.id, type: "function", function: { name: result.toolCall.name, arguments: result.toolCall.arguments } }] } : {}),
      },
      logprobs: logprobs ? { content: answerLogprobs(result, { ...logprobs, seed: seed + index }), refusal: null } : null,
      finish_reason: result.finishReason,
    })),
    usage: usageJson(results),
  });
}
