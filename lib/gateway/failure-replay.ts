import "server-only";
import { createHash } from "node:crypto";
import type { GatewayFailure } from "./upstream-failure";

// Clients retry failed calls on their own: the AI SDK twice on any 5xx,
// LangChain up to six times over a minute or two, whatever `x-should-retry`
// says (only OpenAI's own clients read it). A request that reached the
// provider may have been billed, so the same request from the same caller
// (the same Idempotency-Key, or the same body), sent again within the window,
// is answered 400 `retry_refused` without reaching the provider: a status no
// client retries, so a retry can never bill twice. The window for a provider's
// 429 is its Retry-After (nothing was billed, and after the wait it may pass).

const WINDOW_MS = 120_000;
const MAX_ENTRIES = 10_000;

type Remembered = { failure: GatewayFailure; runId: string; until: number; at: number };

const holder = globalThis as unknown as { playgroundFailureReplay?: Map<string, Remembered>; playgroundFailureCallers?: Map<string, number> };
const remembered = (holder.playgroundFailureReplay ??= new Map());
/** Until when each caller has a remembered failure: most calls skip hashing their body at all. */
const callers = (holder.playgroundFailureCallers ??= new Map());

/** Whether this caller has a failure that may be replayed (cheap; checked before any key is computed). */
export function hasRecentFailure(callerId: string, now = Date.now()): boolean {
  const until = callers.get(callerId);
  if (until === undefined) return false;
  if (until > now) return true;
  callers.delete(callerId);
  return false;
}

/** The caller's own retry key (OpenAI's clients send one Idempotency-Key across their retries), else the body. */
export function replayKey(callerId: string, body: unknown, idempotencyKey: string | null): string {
  if (idempotencyKey) return `${callerId}:key:${idempotencyKey.slice(0, 200)}`;
  return `${callerId}:body:${createHash("sha256").update(JSON.stringify(body)).digest("hex")}`;
}

export function rememberFailure(key: string, failure: GatewayFailure, runId: string, now = Date.now()): void {
  if (failure.headers["x-should-retry"] === "true") return;
  const retryAfter = Number(failure.headers["retry-after"]);
  const windowMs = failure.status === 429 && Number.isFinite(retryAfter) ? retryAfter * 1000 : WINDOW_MS;
  if (remembered.size >= MAX_ENTRIES) {
    for (const [k, v] of remembered) if (v.until <= now) remembered.delete(k);
    if (remembered.size >= MAX_ENTRIES) remembered.delete(remembered.keys().next().value!);
  }
  remembered.set(key, { failure, runId, until: now + windowMs, at: now });
  const caller = key.slice(0, key.indexOf(":"));
  callers.set(caller, Math.max(callers.get(caller) ?? 0, now + windowMs));
}

/** The failure to answer again instead of calling the provider, or null. */
export function replayedFailure(key: string, now = Date.now()): (GatewayFailure & { runId: string }) | null {
  const hit = remembered.get(key);
  if (!hit) return null;
  if (hit.until <= now) {
    remembered.delete(key);
    return null;
  }
  const wait = Math.ceil((hit.until - now) / 1000);
  return {
    status: 400,
    code: "retry_refused",
    runId: hit.runId,
    message: `Not sent again: this same request reached the provider ${Math.round((now - hit.at) / 1000)} s ago (run ${hit.runId}) and failed with ${hit.failure.status}: ${hit.failure.message} It may have been billed, so it is not resent for ${wait} s and an automatic retry cannot bill twice. Change the request or wait.`,
    headers: { "x-should-retry": "false", "retry-after": String(wait) },
  };
}
