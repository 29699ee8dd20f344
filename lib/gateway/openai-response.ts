import "server-only";
import type { TextStreamPart, ToolSet } from "ai";
import type { RunRecorder } from "@/lib/runs/run-recorder";
import type { RunSummary } from "@/lib/runs/run-types";
import type { RunError } from "@/lib/runs/describe-error";
import { recordingTap } from "@/lib/runs/stream-taps";

// A run's part stream encoded as OpenAI Chat Completions: SSE chunks
// (reasoning as reasoning_content, tool calls, a finish chunk, usage last
// when asked for) or one chat.completion object.

/** A launched run's parts (errors already turned into parts by launchRun). */
type Parts = ReadableStream<TextStreamPart<ToolSet>>;
type Context = { runId: string; model: string; recorder: RunRecorder };

const SDK_TO_OPENAI: Record<string, string> = { stop: "stop", length: "length", "tool-calls": "tool_calls", "content-filter": "content_filter", error: "stop", other: "stop" };
const OPENAI_REASONS = new Set(["stop", "length", "tool_calls", "content_filter", "function_call"]);

function finishReason(raw: string | undefined, sdk: string): string {
  return raw && OPENAI_REASONS.has(raw) ? raw : (SDK_TO_OPENAI[sdk] ?? "stop");
}

/** OpenAI usage from the run's own measurement (the same numbers history shows), plus its computed cost. */
function usageOf(summary: RunSummary) {
  const prompt = summary.inputTokens ?? 0;
  const completion = summary.outputTokens ?? 0;
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: summary.cachedInputTokens ?? 0 },
    completion_tokens_details: { reasoning_tokens: summary.reasoningTokens ?? 0 },
    cost: summary.costUsd,
  };
}

function toolCallJson(part: Extract<TextStreamPart<ToolSet>, { type: "tool-call" }>, index: number) {
  return { index, id: part.toolCallId, type: "function", function: { name: part.toolName, arguments: JSON.stringify(part.input ?? {}) } };
}

export function streamCompletion(parts: Parts, ctx: Context, includeUsage: boolean): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const id = `chatcmpl-${ctx.runId}`;
  const created = Math.floor(Date.now() / 1000);
  let sent = 0;
  const send = (controller: ReadableStreamDefaultController<Uint8Array>, body: unknown) => {
    sent++;
    controller.enqueue(encoder.encode(`data: ${JSON.stringify(body)}\n\n`));
  };
  // With include_usage, every chunk but the last carries `usage: null`, as OpenAI's do.
  const chunk = (delta: Record<string, unknown>, reason: string | null = null) => ({
    id,
    object: "chat.completion.chunk",
    created,
    model: ctx.model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: reason }],
    ...(includeUsage ? { usage: null } : {}),
  });
  let toolIndex = 0;
  let rawReason: string | undefined;
  /** After an error event nothing else is sent (no finish_reason, no usage): a cut answer never reads as finished. */
  let failed = false;
  const reader = parts.pipeThrough(recordingTap(ctx.recorder)).getReader();

  return new ReadableStream<Uint8Array>({
    start(controller) {
      send(controller, chunk({ role: "assistant", content: "" }));
    },
    // Reads until it has something to send: a pull that enqueues nothing is never called again.
    async pull(controller) {
      for (;;) {
        const before = sent;
        const { value: part, done } = await reader.read();
        if (done) {
          controller.enqueue(encoder.encode("data: [DONE]\n\n"));
          controller.close();
          return;
        }
        encode(controller, part);
        if (sent !== before) return;
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });

  function encode(controller: ReadableStreamDefaultController<Uint8Array>, part: TextStreamPart<ToolSet>): void {
      if (failed) return;
      switch (part.type) {
        case "text-delta":
          if (part.text) send(controller, chunk({ content: part.text }));
          break;
        case "reasoning-delta":
          if (part.text) send(controller, chunk({ reasoning_content: part.text }));
          break;
        case "tool-call":
          send(controller, chunk({ tool_calls: [toolCallJson(part, toolIndex++)] }));
          break;
        case "finish-step":
          rawReason = part.rawFinishReason;
          break;
        case "finish":
          send(controller, chunk({}, finishReason(rawReason, part.finishReason)));
          if (includeUsage) send(controller, { id, object: "chat.completion.chunk", created, model: ctx.model, choices: [], usage: usageOf(ctx.recorder.summary("done")) });
          break;
        case "error": {
          failed = true;
          const error = ctx.recorder.summary("error").error;
          send(controller, { error: { message: error?.message ?? "The run failed.", type: "upstream_error", param: null, code: error?.code ?? "upstream_error" } });
          break;
        }
      }
  }
}

/** Reads the whole run, then answers with one chat.completion (or the run's error). */
export async function completeCompletion(parts: Parts, ctx: Context): Promise<{ ok: true; body: unknown } | { ok: false; error: RunError }> {
  const reader = parts.pipeThrough(recordingTap(ctx.recorder)).getReader();
  let text = "";
  let reasoning = "";
  const toolCalls: ReturnType<typeof toolCallJson>[] = [];
  let rawReason: string | undefined;
  let sdkReason = "stop";
  let failed = false;
  for (;;) {
    const { value: part, done } = await reader.read();
    if (done) break;
    if (part.type === "text-delta") text += part.text;
    else if (part.type === "reasoning-delta") reasoning += part.text;
    else if (part.type === "tool-call") toolCalls.push(toolCallJson(part, toolCalls.length));
    else if (part.type === "finish-step") rawReason = part.rawFinishReason;
    else if (part.type === "finish") sdkReason = part.finishReason;
    else if (part.type === "error") failed = true;
  }
  const summary = ctx.recorder.summary(failed ? "error" : "done");
  if (failed) return { ok: false, error: summary.error ?? { code: "upstream_error", message: "The run failed." } };
  return {
    ok: true,
    body: {
      id: `chatcmpl-${ctx.runId}`,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: ctx.model,
      choices: [
        {
          index: 0,
          message: {
            role: "assistant",
            content: toolCalls.length && !text ? null : text,
            refusal: null,
            ...(reasoning ? { reasoning_content: reasoning } : {}),
            ...(toolCalls.length ? { tool_calls: toolCalls.map(({ index: _index, ...call }) => call) } : {}),
          },
          logprobs: null,
          finish_reason: finishReason(rawReason, sdkReason),
        },
      ],
      usage: usageOf(summary),
    },
  };
}
