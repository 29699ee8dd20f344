import "server-only";
import { BODY_LIMITS } from "@/lib/http/read-json-body";
import { readEnv } from "@/lib/env";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { convertToModelMessages, streamText, type UIMessage } from "ai";
import { isLoopback, PEER_HEADER } from "@/lib/http/peer";
import { readJson } from "@/lib/http/with-errors";

// Two reference routes for bench/proxy-overhead, served by the same Next
// server as the real ones so the bench can show the gap to them: what a user
// could write in ten minutes (streamText, no database, no checks), and Next's
// own floor (the upstream's bytes piped through a route handler). Off unless
// BENCH_ROUTES=1, and then only for this machine.

function refused(request: Request): Response | null {
  if (!readEnv().benchRoutes) return Response.json({ error: { code: "not_found", message: "No such route." } }, { status: 404 });
  if (!isLoopback(request.headers.get(PEER_HEADER))) return Response.json({ error: { code: "forbidden", message: "Bench routes answer this machine only." } }, { status: 403 });
  return null;
}

function upstreamBase(): string {
  const base = readEnv().simulatorBaseUrl;
  if (!base) throw new Error("bench routes need SIMULATOR_BASE_URL (the bench's fake upstream)");
  return base;
}

/** POST /api/bench/naive: `streamText` + `toUIMessageStreamResponse`, nothing else. */
export async function naiveRoute(request: Request): Promise<Response> {
  const refusal = refused(request);
  if (refusal) return refusal;
  const { messages, params } = (await readJson(request, BODY_LIMITS.run)) as { messages: UIMessage[]; params: Record<string, unknown> };
  const provider = createOpenAICompatible({ name: "bench", baseURL: upstreamBase(), includeUsage: true });
  const result = streamText({ model: provider("qwen3.5-flash"), messages: await convertToModelMessages(messages), providerOptions: { bench: params as never } });
  return result.toUIMessageStreamResponse({ headers: { "cache-control": "no-cache, no-transform" } });
}

/** POST /api/bench/floor: the upstream's response body as it comes (OpenAI chunks). */
export async function floorRoute(request: Request): Promise<Response> {
  const refusal = refused(request);
  if (refusal) return refusal;
  const upstream = await fetch(`${upstreamBase()}/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: await request.text() });
  return new Response(upstream.body, { status: upstream.status, headers: { "content-type": "text/event-stream", "cache-control": "no-cache, no-transform" } });
}
