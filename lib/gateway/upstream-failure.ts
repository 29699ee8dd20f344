import type { RunError } from "@/lib/runs/describe-error";

// What the gateway answers when the provider failed, so that no client's
// automatic retry can bill twice. Once a request has reached the provider it
// may have been billed, so every such answer says `x-should-retry: false`
// (the header OpenAI's own clients obey); only a failure that cannot have
// reached it (a refused connection) may be retried.

export type GatewayFailure = { status: number; code: string; message: string; headers: Record<string, string> };

const NO_RETRY = { "x-should-retry": "false" };

/**
 * The provider's 400, 404 and 422 keep their status (the request was wrong);
 * its 401 or 403 mean this server's configured key is wrong, not the caller's,
 * so they are a 502 that says so; a 429 stays 429 with the provider's
 * Retry-After; a 5xx, a stall and a broken stream are 502 (504 for a stall).
 */
export function gatewayFailure(error: RunError): GatewayFailure {
  const status = error.upstreamStatus;
  if (status === 400 || status === 404 || status === 422) return { status, code: error.code, message: error.message, headers: NO_RETRY };
  if (status === 401 || status === 403) {
    return { status: 502, code: "upstream_key_refused", message: `${error.message}. The provider refused this server's configured key; the operator must fix it (your own key is fine).`, headers: NO_RETRY };
  }
  if (status === 429) return { status: 429, code: error.code, message: error.message, headers: { ...NO_RETRY, ...(error.retryAfterS !== undefined ? { "retry-after": String(error.retryAfterS) } : {}) } };
  if (error.neverSent) return { status: 502, code: error.code, message: error.message, headers: { "x-should-retry": "true" } };
  if (error.code === "upstream_timeout") return { status: 504, code: error.code, message: error.message, headers: NO_RETRY };
  return { status: 502, code: error.code, message: error.message, headers: NO_RETRY };
}
