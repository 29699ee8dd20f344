import { z } from "zod";
import { simulator } from "@/lib/catalog/providers/simulator";
import { describeAttachments } from "./describe-attachments";
import { simulateCompletion, type SimResult } from "./simulate-completion";

// An OpenAI-compatible /chat/completions endpoint. It speaks the same wire
// format as the real hosts (reasoning_content deltas, a finish_reason chunk, a
// usage chunk with `choices: []` when include_usage is set, then [DONE]).

const requestSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(z.looseObject({ role: z.string(), content: z.unknown() })).min(1),
  stream: z.boolean().optional(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).optional(),
  tools: z.array(z.looseObject({ type: z.string().optional(), function: z.looseObject({ name: z.string(), description: z.string().optional(), parameters: z.unknown() }) })).optional(),
  tool_choice: z.unknown().optional(),
});

const TRANSPORT_FIELDS = new Set(["model", "messages", "stream", "stream_options", "tools", "tool_choice"]);

function knobDefault(name: string): number {
  const spec = simulator.offerings[0]?.params?.find((p) => p.name === name);
  return spec && "default" in spec && typeof spec.default === "number" ? spec.default : 0;
}
const DEFAULT_TTFT_MS = knobDefault("sim_ttft_ms");
const DEFAULT_RATE = knobDefault("sim_tokens_per_second");

function errorResponse(status: number, message: string, type = "invalid_request_error"): Response {
  return Response.json({ error: { message, type, code: status } }, { status });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });
}

type Delta = Record<string, unknown>;

function chunk(id: string, model: string, created: number, delta: Delta, finishReason: string | null = null): string {
  return `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`;
}

function usageJson(result: SimResult) {
  return {
    prompt_tokens: result.usage.promptTokens,
    completion_tokens: result.usage.completionTokens,
    total_tokens: result.usage.promptTokens + result.usage.completionTokens,
    prompt_tokens_details: { cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: result.usage.reasoningTokens },
  };
}

function streamResult(result: SimResult, model: string, includeUsage: boolean, ttftMs: number, rate: number, signal: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const id = `chatcmpl-sim-${Date.now().toString(36)}`;
  const created = Math.floor(Date.now() / 1000);
  const deltas: Delta[] = [
    ...result.reasoningTokens.map((t) => ({ reasoning_content: t })),
    ...result.answerTokens.map((t) => ({ content: t })),
  ];
  if (result.toolCall) {
    deltas.push({ tool_calls: [{ index: 0, id: result.toolCall.id, type: "function", function: { name: result.toolCall.name, arguments: "" } }] });
    deltas.push({ tool_calls: [{ index: 0, id: "", function: { arguments: result.toolCall.arguments } }] });
  }
  const interval = 1000 / rate;

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const start = performance.now();
      try {
        controller.enqueue(encoder.encode(chunk(id, model, created, { role: "assistant", content: "" })));
        let sent = 0;
        // Token i is due at start + ttft + i / rate. Wake up, send everything due,
        // sleep until the next one: the rate stays exact even when timers are coarse.
        while (sent < deltas.length && !signal.aborted) {
          const dueAt = start + ttftMs + sent * interval;
          await sleep(dueAt - performance.now(), signal);
          if (signal.aborted) break;
          const now = performance.now();
          let batch = "";
          while (sent < deltas.length && start + ttftMs + sent * interval <= now + 0.5) {
            batch += chunk(id, model, created, deltas[sent]!);
            sent++;
          }
          controller.enqueue(encoder.encode(batch));
        }
        if (signal.aborted) return controller.close();
        controller.enqueue(encoder.encode(chunk(id, model, created, {}, result.finishReason)));
        if (includeUsage) {
          controller.enqueue(encoder.encode(`data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [], usage: usageJson(result) })}\n\n`));
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
    json = await request.json();
  } catch {
    return errorResponse(400, "Request body must be JSON");
  }
  const parsed = requestSchema.safeParse(json);
  if (!parsed.success) return errorResponse(400, `Invalid request: ${parsed.error.issues[0]?.message ?? "bad body"}`);
  const body = parsed.data;

  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) if (!TRANSPORT_FIELDS.has(key)) params[key] = value;
  const ttftMs = typeof params.sim_ttft_ms === "number" ? Math.max(0, params.sim_ttft_ms) : DEFAULT_TTFT_MS;
  const rate = typeof params.sim_tokens_per_second === "number" && params.sim_tokens_per_second > 0 ? params.sim_tokens_per_second : DEFAULT_RATE;

  const videoFps = typeof params.video_fps === "number" ? params.video_fps : 2;
  const attachments = await describeAttachments(body.messages, videoFps);
  const result = simulateCompletion({ model: body.model, messages: body.messages, params, tools: body.tools, toolChoice: body.tool_choice, attachments });

  if (body.stream) {
    const stream = streamResult(result, body.model, body.stream_options?.include_usage === true, ttftMs, rate, request.signal);
    return new Response(stream, { headers: { "content-type": "text/event-stream", "cache-control": "no-cache, no-transform" } });
  }

  await sleep(ttftMs + (result.reasoningTokens.length + result.answerTokens.length) * (1000 / rate), request.signal);
  return Response.json({
    id: `chatcmpl-sim-${Date.now().toString(36)}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: result.answerTokens.join(""),
          ...(result.reasoningTokens.length ? { reasoning_content: result.reasoningTokens.join("") } : {}),
          ...(result.toolCall
            ? { tool_calls: [{ id: result.toolCall.id, type: "function", function: { name: result.toolCall.name, arguments: result.toolCall.arguments } }] }
            : {}),
        },
        finish_reason: result.finishReason,
      },
    ],
    usage: usageJson(result),
  });
}
