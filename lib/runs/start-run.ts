import "server-only";
import { BODY_LIMITS } from "@/lib/http/read-json-body";
import { randomUUID } from "node:crypto";
import { createUIMessageStreamResponse, streamText, toUIMessageStream, type TextStreamPart, type ToolSet, type UIMessageChunk } from "ai";
import { findOffering, findProvider } from "@/lib/catalog";
import { getCatalog, isConfigured } from "@/lib/catalog/public-catalog";
import { AppError } from "@/lib/http/app-error";
import { parseOr400 } from "@/lib/http/parse-or-400";
import { readJson } from "@/lib/http/with-errors";
import { validateParams } from "@/lib/params/param-validator";
import { getAdapter } from "@/lib/providers";
import { resolveAttachments } from "@/lib/uploads/resolve-attachments";
import { duringUpstreamCall, type UpstreamObservation } from "@/lib/providers/upstream-fetch";
import { cachedModel } from "@/lib/providers/model-cache";
import { UpstreamCapture } from "@/lib/providers/upstream-capture";
import { processEnv, readEnv } from "@/lib/env";
import { uploadInShare, uploadVisibleTo } from "@/db/team-queries";
import type { Actor } from "@/lib/auth/actor";
import { requireOfferingAllowed } from "@/lib/team/offering-access";
import { describeError } from "./describe-error";
import { toModelMessages } from "./reasoning-details";
import { readsAllContent } from "./run-access";
import { errorsAsParts, recordingTap } from "./stream-taps";
import { refuseWhileDraining, trackRun } from "./shutdown";
import { admitRun } from "./admission";
import { estimateInputTokens, worstCaseCostUsd } from "./worst-case-cost";
import { RunRecorder } from "./run-recorder";
import { noteStorageFailure, storageUnavailable } from "./storage-health";
import { runRequestSchema, type RunRequest } from "./run-request-schema";
import { readUIMessages } from "./read-ui-messages";
import type { RunMessageMetadata, RunSummary } from "./run-types";
import { expectedJson } from "@/lib/structured-output/response-format";


/** The system prompt and the user messages' text, for full-text search. */
function promptTextOf(messages: RunRequest["messages"], system: string | undefined): string {
  const user = messages
    .filter((m) => m.role === "user")
    .flatMap((m) => m.parts.map((p) => (p.type === "text" ? p.text : "")))
    .filter(Boolean);
  return [system ?? "", ...user].filter(Boolean).join("\n");
}

/** Everything checked before any upstream call; throws AppError(400) on bad input. */
async function resolveRun(body: RunRequest, actor: Actor) {
  const catalog = await getCatalog();
  const provider = findProvider(catalog, body.provider);
  if (!provider) throw new AppError("unknown_provider", `Unknown provider "${body.provider}".`, "provider");
  const offering = findOffering(catalog, body.provider, body.model);
  if (!offering) throw new AppError("unknown_model", `${provider.name} has no model "${body.model}" in the catalog.`, "model");

  await requireOfferingAllowed(actor, body.provider, body.model);

  const params = validateParams(offering.params, body.params);
  if (!params.ok) throw new AppError("invalid_param", params.error.message, params.error.field);

  if (!isConfigured(provider)) {
    throw new AppError("provider_not_configured", `${provider.name} is not configured: set ${provider.keyEnv ?? provider.baseUrlEnv} on the server.`, "provider");
  }
  const adapter = getAdapter(provider.id);
  const connection = adapter.connection(provider, processEnv());
  if (!connection) throw new AppError("provider_not_configured", `${provider.name} is not configured.`, "provider");

  const readAll = readsAllContent(actor);
  const attachments = await resolveAttachments(body.messages, provider, offering, params.values, async (uploadId, shareId) =>
    (await uploadVisibleTo(uploadId, actor.id, readAll)) || (shareId !== null && (await uploadInShare(uploadId, shareId))),
  );
  let modelMessages: Awaited<ReturnType<typeof toModelMessages>>;
  try {
    modelMessages = await toModelMessages(attachments.messages);
  } catch (error) {
    throw new AppError("invalid_messages", `messages could not be read: ${error instanceof Error ? error.message : "invalid"}`, "messages");
  }
  return { provider, offering, adapter, connection, params: params.values, modelMessages, attachmentsSent: attachments.sent };
}

/** Sends the server-measured time to first token the moment the first token passes. */
function liveTtft(recorder: RunRecorder) {
  let sent = false;
  return new TransformStream<UIMessageChunk, UIMessageChunk>({
    transform(chunk, controller) {
      if (!sent && (chunk.type === "text-delta" || chunk.type === "reasoning-delta")) {
        sent = true;
        controller.enqueue({ type: "data-ttft", data: { ttftMs: recorder.ttftMs }, transient: true } as UIMessageChunk);
      }
      controller.enqueue(chunk);
    },
  });
}

/**
 * Resolves two turns of the event loop later: by then a request that streamText
 * started is written to its socket (undici writes from a setImmediate queued by
 * the microtasks that start it), so work done after this overlaps the wait for
 * the provider instead of delaying the request.
 */
function afterRequestSent(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

/** Key restrictions: a key limited to some providers or models gets 403 elsewhere. */
function requireKeyAllows(actor: Actor, provider: string, model: string): void {
  const key = actor.key;
  if (!key) return;
  if (key.allowedProviders && !key.allowedProviders.includes(provider)) {
    throw new AppError("key_not_allowed", `API key "${key.name}" may not use ${provider}; it is limited to ${key.allowedProviders.join(", ")}.`, "provider");
  }
  if (key.allowedModels && !key.allowedModels.includes(`${provider}/${model}`)) {
    throw new AppError("key_not_allowed", `API key "${key.name}" may not use ${provider}/${model}.`, "model");
  }
}

/** A write that fails for a reason of its own (a full disk, a locked database) is storage_unavailable, never a 500. */
async function recordingOr503<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof AppError) throw error;
    noteStorageFailure(error);
    console.error("[runs] could not record a run:", error instanceof Error ? error.message : error);
    throw storageUnavailable();
  }
}

export type LaunchedRun = {
  runId: string;
  recorder: RunRecorder;
  /** The SDK result; only its part stream is used. */
  /** The SDK's part stream, errors as parts, ending with storage_unavailable if the run could not be recorded. */
  result: { stream: ReadableStream<TextStreamPart<ToolSet>> };
  metadataBase: RunMessageMetadata;
};

/**
 * Everything a run does before its answer is encoded for a client: validate,
 * admit against limits and budgets (writing the row), and start the upstream
 * call with the recorder watching. The browser's UI stream and the gateway's
 * OpenAI stream both start here.
 */
export async function launchRun(body: RunRequest, actor: Actor, requestSignal: AbortSignal, receivedAt = performance.now()): Promise<LaunchedRun> {
  refuseWhileDraining();
  requireKeyAllows(actor, body.provider, body.model);
  const run = await resolveRun(body, actor);

  const runId = randomUUID();
  const inputTokensEstimate = estimateInputTokens(body.messages, body.system);
  const admission = await recordingOr503(() => admitRun(
    {
      id: runId,
      status: "streaming",
      provider: body.provider,
      model: body.model,
      params: run.params,
      system: body.system ?? null,
      messages: body.messages,
      promptText: promptTextOf(body.messages, body.system),
      compareGroupId: body.compareGroupId ?? null,
      compareColumn: body.compareGroupId ? (body.compareColumn ?? null) : null,
      conversationId: body.conversationId ?? null,
      attachmentsSent: run.attachmentsSent,
      userId: actor.id,
      apiKeyId: actor.apiKeyId,
      createdAt: new Date(),
    },
    actor,
    worstCaseCostUsd(run.offering, run.params, inputTokensEstimate),
    { simulated: run.provider.builtIn },
  ));

  const observation: UpstreamObservation = { contentEvents: 0, capture: new UpstreamCapture([run.connection.apiKey]) };
  const errorContext = { providerName: run.provider.name, statusWords: run.adapter.statusWords, secrets: [run.connection.apiKey] };
  // Where admission left the row to write, it is written once the upstream request is on the wire.
  const recorded = admission.writeRow ? afterRequestSent().then(admission.writeRow) : Promise.resolve();
  const recorder = new RunRecorder(runId, run.offering.pricing, {
    observation,
    describe: (error) => describeError(error, errorContext),
    readReport: run.adapter.readReport,
    recorded,
    estimatedInputTokens: inputTokensEstimate,
    receivedAt,
  });
  // Stopping in the browser (or a client hanging up) aborts the request; that cancels the upstream call.
  requestSignal.addEventListener("abort", () => {
    recorder.markAborted();
    // If the stream does not wind down on its own, still finish the row.
    setTimeout(() => void recorder.settle(), 2000).unref?.();
  });
  // A shutdown that outlasts its grace period ends the run as interrupted.
  const shutdown = new AbortController();
  // A run that cannot be recorded is not run: its stream ends with storage_unavailable, not a bare abort.
  const storageFailure = recorded.then(
    () => null,
    (error) => {
      console.error(`[run ${runId}] could not be recorded, so it was stopped:`, error instanceof Error ? error.message : error);
      noteStorageFailure(error);
      shutdown.abort();
      return storageUnavailable();
    },
  );
  const signal = AbortSignal.any([requestSignal, shutdown.signal]);
  trackRun(
    runId,
    {
      interrupt: () => {
        recorder.markInterrupted();
        shutdown.abort();
      },
      settle: async () => {
        // The stream's own ending settles the row; a stuck stream still gets one within 2 s.
        await Promise.race([recorder.finished, new Promise((r) => setTimeout(r, 2000))]);
        await recorder.settle();
      },
    },
    recorder.finished,
  );

  const call = run.adapter.callOptions(run.params, run.offering);
  const upstreamCall = { observation, idleTimeoutMs: readEnv().upstreamIdleTimeoutMs, rewriteEvent: run.adapter.rewriteEvent };
  const result = duringUpstreamCall(upstreamCall, () => streamText({
    model: cachedModel(run.adapter, run.offering.providerModelId, run.connection),
    instructions: body.system || undefined,
    messages: run.modelMessages,
    providerOptions: call.providerOptions as never,
    tools: call.tools,
    toolChoice: call.toolChoice,
    // Never retry on our own: a retry can bill twice.
    maxRetries: 0,
    abortSignal: signal,
    // One plain line per failed run; the details go to the run's record.
    onError: ({ error }) => console.warn(`[run ${runId}] ${describeError(error, errorContext).message}`),
  }));
  const expected = expectedJson(run.params.response_format);
  let storageError: AppError | null = null;
  void storageFailure.then((error) => (storageError = error));
  return { runId, recorder, result: { stream: errorsAsParts(result.stream, () => storageError) }, metadataBase: { runId, provider: body.provider, model: body.model, attachmentsSent: run.attachmentsSent, ...(expected ? { expectedJson: expected } : {}) } };
}

export async function startRun(request: Request, actor: Actor, receivedAt = performance.now()): Promise<Response> {
  const parsed = parseOr400(runRequestSchema, await readJson(request, BODY_LIMITS.run));
  const body: RunRequest = { ...parsed, messages: await readUIMessages(parsed.messages) };
  const { runId, recorder, result, metadataBase } = await launchRun(body, actor, request.signal, receivedAt);

  let finalSummary: RunSummary | undefined;
  const uiStream = toUIMessageStream({
    stream: result.stream.pipeThrough(recordingTap(recorder)),
    sendReasoning: true,
    messageMetadata: ({ part }) => {
      if (part.type === "start") return metadataBase;
      if (part.type === "finish") {
        finalSummary = recorder.summary("done");
        return { ...metadataBase, summary: finalSummary, ...recorder.extras() };
      }
      return undefined;
    },
    onError: (error) => {
      recorder.observe({ type: "error", error });
      return recorder.summary("error").error?.message ?? "The run failed.";
    },
  }).pipeThrough(liveTtft(recorder));

  return createUIMessageStreamResponse({
    stream: uiStream,
    // no-transform: keeps Next's gzip off this stream; compressing a token
    // stream flush by flush costs CPU per chunk and adds latency.
    headers: { "x-run-id": runId, "cache-control": "no-cache, no-transform" },
    // Drain a copy of the stream on the server so the run is recorded to the end
    // even if the browser goes away without stopping.
    consumeSseStream: async ({ stream }) => {
      const reader = stream.getReader();
      try {
        while (!(await reader.read()).done) {
          /* drain */
        }
      } catch {
        /* the client went away */
      } finally {
        void recorder.settle();
      }
    },
  });
}
