import "server-only";
import { inlineMediaBodyLimit } from "@/lib/http/read-json-body";
import { getCatalog } from "@/lib/catalog/public-catalog";
import { requireActor, requirePermission, refuseCrossSite } from "@/lib/auth/guard";
import { AppError } from "@/lib/http/app-error";
import { parseOr400 } from "@/lib/http/parse-or-400";
import { readJson } from "@/lib/http/with-errors";
import { launchRun } from "@/lib/runs/start-run";
import { readUIMessages } from "@/lib/runs/read-ui-messages";
import { resolveModelId } from "./model-ids";
import { openAiErrorResponse } from "./openai-error";
import { gatewayFailure } from "./upstream-failure";
import { hasRecentFailure, rememberFailure, replayedFailure, replayKey } from "./failure-replay";
import { chatCompletionsSchema, toRunRequest } from "./openai-request";
import { completeCompletion, streamCompletion } from "./openai-response";

/**
 * POST /api/v1/chat/completions: the OpenAI wire format in and out, and in
 * between a normal run: the same adapters, validation, measurement, budget,
 * rate limits and record as a run from the browser.
 */
export async function handleChatCompletions(request: Request): Promise<Response> {
  const receivedAt = performance.now();
  refuseCrossSite(request);
  const actor = await requireActor(request);
  requirePermission(actor, "run");
  const raw = await readJson(request, inlineMediaBodyLimit());
  const body = parseOr400(chatCompletionsSchema, raw);
  // The request's identity for retry refusal is computed only when it is needed (hashing a body with inline media is not free).
  const caller = actor.apiKeyId ?? actor.id;
  const replay = () => replayKey(caller, raw, request.headers.get("idempotency-key"));
  const replayed = hasRecentFailure(caller) ? replayedFailure(replay()) : null;
  if (replayed) return openAiErrorResponse(replayed.status, replayed.message, replayed.code, null, { ...replayed.headers, "x-run-id": replayed.runId });
  const resolved = await resolveModelId(await getCatalog(), body.model);
  if (!resolved) throw new AppError("model_not_found", `The model '${body.model}' does not exist or its provider is not configured here. GET /api/v1/models lists what is.`, "model");

  const run = await toRunRequest(body, actor.id, new Set(resolved.offering.params.map((p) => p.name)));
  const launched = await launchRun(
    { provider: resolved.provider.id, model: resolved.offering.providerModelId, messages: await readUIMessages(run.messages), params: run.params, system: run.system },
    actor,
    request.signal,
    receivedAt,
  );
  const ctx = { runId: launched.runId, model: body.model, recorder: launched.recorder };
  const headers = { "x-run-id": launched.runId };
  if (body.stream) {
    const stream = streamCompletion(launched.result.stream, ctx, body.stream_options?.include_usage === true);
    return new Response(stream, { headers: { ...headers, "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", connection: "keep-alive" } });
  }
  const outcome = await completeCompletion(launched.result.stream, ctx);
  if (!outcome.ok) {
    const failure = gatewayFailure(outcome.error);
    rememberFailure(replay(), failure, launched.runId);
    return openAiErrorResponse(failure.status, failure.message, failure.code, null, { ...headers, ...failure.headers });
  }
  return Response.json(outcome.body, { headers });
}
