import { APICallError, InvalidResponseDataError, JSONParseError, StreamProviderError, TypeValidationError } from "ai";
import { UpstreamTimeoutError } from "@/lib/providers/upstream-fetch";
import { AppError } from "@/lib/http/app-error";

/**
 * `upstreamStatus`: the provider's HTTP status, when it answered with one; `retryAfterS`: the wait it asked for;
 * `neverSent`: the connection was refused or the name did not resolve, so the provider cannot have billed anything.
 */
export type RunError = { code: string; message: string; upstreamStatus?: number; retryAfterS?: number; neverSent?: boolean };

export type ErrorContext = {
  providerName: string;
  /** Status words this provider means specifically (e.g. Segmind 406 = not enough credits). */
  statusWords?: Partial<Record<number, string>>;
  /** Secrets that must never appear in a message. */
  secrets?: (string | undefined)[];
  now?: () => number;
};

const DEFAULT_WORDS: Record<number, string> = {
  400: "bad request",
  401: "the API key was refused",
  402: "payment required",
  403: "access denied",
  404: "model or endpoint not found",
  408: "the request timed out",
  409: "conflict",
  413: "the request is too large",
  422: "the request was not accepted",
  429: "rate limited",
};

type Caused = { cause?: unknown };

function words(status: number, context: ErrorContext): string {
  return context.statusWords?.[status] ?? DEFAULT_WORDS[status] ?? (status >= 500 ? "the provider had a server error" : "the request failed");
}

/** "retry after 20 s" from Retry-After, retry-after-ms, X-RateLimit-Reset (ms epoch) or Segmind's reset time. */
function retryAfterSeconds(headers: Record<string, string> | undefined, now: number): number | null {
  if (!headers) return null;
  const get = (name: string) => Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];
  const ms = Number(get("retry-after-ms"));
  if (Number.isFinite(ms) && ms > 0) return Math.ceil(ms / 1000);
  const after = get("retry-after");
  if (after) {
    const seconds = Number(after);
    if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
    const at = Date.parse(after);
    if (Number.isFinite(at)) return Math.max(0, Math.ceil((at - now) / 1000));
  }
  const reset = Number(get("x-ratelimit-reset"));
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, Math.ceil(((reset > 1e12 ? reset : reset * 1000) - now) / 1000));
  const resetAt = get("x-rate-limit-reset-at-utc");
  if (resetAt && Number.isFinite(Date.parse(resetAt))) return Math.max(0, Math.ceil((Date.parse(resetAt) - now) / 1000));
  return null;
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error, depth = 0; e && depth < 5; e = (e as Caused).cause, depth++) chain.push(e);
  return chain;
}

function redact(text: string, secrets: (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 6) out = out.split(secret).join("[redacted]");
  // Anything that looks like a bearer key, in case a provider echoes another one.
  return out.replace(/\b(sk-[A-Za-z0-9_-]{12,}|SG_[A-Za-z0-9]{12,})\b/g, "[redacted]").slice(0, 600);
}

/** Turn any upstream failure into plain words naming the provider; never a stack trace or a key. */
export function describeError(error: unknown, ctx: ErrorContext): RunError {
  const name = ctx.providerName;
  const finish = (code: string, message: string): RunError => ({ code, message: redact(message, ctx.secrets ?? []) });
  const chain = causes(error);
  // Our own refusal (storage, shutdown) already says what happened, in our words.
  if (error instanceof AppError) return finish(error.code, error.message);

  const timeout = chain.find((e) => e instanceof UpstreamTimeoutError) as UpstreamTimeoutError | undefined;
  if (timeout) return finish("upstream_timeout", `${name}: ${timeout.message} (timeout)`);

  // An HTTP refusal before the stream, or an error the provider sent mid-stream with a status.
  const http = chain.find((e) => APICallError.isInstance(e) || (StreamProviderError.isInstance(e) && typeof e.statusCode === "number")) as APICallError | StreamProviderError | undefined;
  if (http?.statusCode !== undefined) {
    const status = http.statusCode;
    const headers = APICallError.isInstance(http) ? http.responseHeaders : undefined;
    const retry = status === 429 ? retryAfterSeconds(headers, ctx.now?.() ?? Date.now()) : null;
    const detail = http.message && http.message !== String(status) && !/^(Bad Request|Unauthorized|Too Many Requests|Not Acceptable|Internal Server Error)$/i.test(http.message) ? `: ${http.message}` : "";
    const midStream = StreamProviderError.isInstance(http) ? " mid-stream" : "";
    return { ...finish(`upstream_${status}`, `${name}: ${words(status, ctx)}${retry !== null ? `, retry after ${retry} s` : ""} (HTTP ${status})${midStream}${detail}`), upstreamStatus: status, ...(retry !== null ? { retryAfterS: retry } : {}) };
  }

  // The SDK says so when a stream ends with no finish_reason: the provider (or the network) cut it short.
  if (chain.some((e) => InvalidResponseDataError.isInstance(e) && /without a finish reason/i.test(e.message))) {
    return finish("stream_ended_early", `${name}: the provider's stream ended without a finish reason.`);
  }
  if (chain.some((e) => JSONParseError.isInstance(e) || TypeValidationError.isInstance(e) || InvalidResponseDataError.isInstance(e))) {
    return finish("malformed_stream", `${name}: the provider sent malformed stream data.`);
  }

  const first = chain[0];
  if (first instanceof Error) {
    if (first.name === "AbortError") return finish("aborted", `${name}: the request was stopped.`);
    const text = (e: unknown) => `${String((e as Error)?.message ?? "")} ${String((e as { code?: unknown })?.code ?? "")}`;
    const neverSent = chain.some((e) => /ECONNREFUSED|ENOTFOUND|EAI_AGAIN/i.test(text(e)));
    const unreachable = neverSent || chain.some((e) => /fetch failed|Cannot connect/i.test(text(e)));
    if (unreachable) return { ...finish("upstream_unreachable", `${name}: could not reach the provider.`), ...(neverSent ? { neverSent: true } : {}) };
    return finish("upstream_error", `${name}: ${first.message}`);
  }
  return finish("upstream_error", `${name}: ${String(error)}`);
}
