// What one run sent to its provider and what came back, as it was on the wire:
// the request body and the raw response events, for the run's raw view. Keys
// never get in: credential headers are blanked, any configured secret is
// replaced wherever it appears, and attachments' base64 is elided (a 20 MB
// video would otherwise be stored twice). Two things the AI SDK ignores are
// read from the events on the way: OpenRouter's `reasoning_details` (which
// must be sent back unchanged) and token `logprobs`.

import type { TokenLogprob } from "@/lib/runs/run-types";

/** Raw events kept per run; past this the capture says where it stopped. */
export const MAX_CAPTURED_CHARS = 2_000_000;
/** Tokens with logprobs kept for the browser. */
const MAX_LOGPROB_TOKENS = 16_384;

const CREDENTIAL_HEADERS = new Set(["authorization", "x-api-key", "api-key", "cookie", "proxy-authorization", "x-goog-api-key"]);
const REDACTED = "[redacted]";
const MIN_SECRET_LENGTH = 12;
const MARKER = ";base64,";
const MIN_ELIDED = 64;

function isBase64Char(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 43 || code === 47 || code === 61;
}

export type ReasoningDetail = Record<string, unknown> & { type?: string };

export type CapturedExchange = {
  request: { method: string; url: string; headers: Record<string, string>; body: string | null };
  response: { status: number | null; headers: Record<string, string>; events: string[]; body: string | null };
  /** True when the events or body were cut at MAX_CAPTURED_CHARS. */
  truncated: boolean;
};

/**
 * Replaces each data URL's base64 payload with its size. A scan, not a regular
 * expression: a 40 MB video's payload overflows the regex engine's stack.
 */
function elideDataUrls(text: string): string {
  let out = "";
  let from = 0;
  for (let at = text.indexOf(MARKER); at !== -1; at = text.indexOf(MARKER, from)) {
    const start = at + MARKER.length;
    let end = start;
    while (end < text.length && isBase64Char(text.charCodeAt(end))) end++;
    if (end - start >= MIN_ELIDED) out += `${text.slice(from, start)}[${Math.floor(((end - start) * 3) / 4)} bytes elided]`;
    else out += text.slice(from, end);
    from = end;
  }
  return out + text.slice(from);
}

/**
 * Streamed reasoning_details arrive in pieces: consecutive `reasoning.text`
 * pieces are one detail (text concatenated, the first signature and format
 * kept), every other piece (summary, encrypted) is a detail of its own, as
 * OpenRouter's own AI SDK provider accumulates them.
 */
function addDetail(details: ReasoningDetail[], piece: ReasoningDetail): void {
  const last = details.at(-1);
  if (piece.type === "reasoning.text" && last?.type === "reasoning.text") {
    last.text = `${typeof last.text === "string" ? last.text : ""}${typeof piece.text === "string" ? piece.text : ""}`;
    last.signature ??= piece.signature;
    last.format ??= piece.format;
    return;
  }
  details.push({ ...piece });
}

type RawLogprob = { token?: unknown; logprob?: unknown; top_logprobs?: { token?: unknown; logprob?: unknown }[] };

function readLogprob(entry: RawLogprob): TokenLogprob | null {
  if (typeof entry?.token !== "string" || typeof entry.logprob !== "number") return null;
  const top = Array.isArray(entry.top_logprobs) ? entry.top_logprobs.filter((t) => typeof t?.token === "string" && typeof t.logprob === "number") : [];
  return { token: entry.token, logprob: entry.logprob, top: top.map((t) => ({ token: t.token as string, logprob: t.logprob as number })) };
}

export class UpstreamCapture {
  private request: CapturedExchange["request"] | null = null;
  private status: number | null = null;
  private responseHeaders: Record<string, string> = {};
  private readonly events: string[] = [];
  private body: string | null = null;
  private chars = 0;
  private truncated = false;
  private readonly details: ReasoningDetail[] = [];
  private readonly tokens: TokenLogprob[] = [];

  constructor(private readonly secrets: (string | undefined)[] = []) {}

  private redact(text: string): string {
    let out = text;
    // Real keys are long; a short placeholder (the in-process simulator's "in-process") is no secret,
    // and replacing it would mangle the URL and the text around it.
    for (const secret of this.secrets) if (secret && secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join(REDACTED);
    return out;
  }

  private redactHeaders(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) out[name] = CREDENTIAL_HEADERS.has(name.toLowerCase()) ? REDACTED : this.redact(value);
    return out;
  }

  /** Never throws: keeping the raw view must not fail the run. */
  recordRequest(input: Parameters<typeof fetch>[0], init: RequestInit | undefined): void {
    try {
      this.keepRequest(input, init);
    } catch (error) {
      this.request = { method: init?.method ?? "GET", url: "", headers: {}, body: `[not kept: ${error instanceof Error ? error.message : "error"}]` };
    }
  }

  private keepRequest(input: Parameters<typeof fetch>[0], init: RequestInit | undefined): void {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const body = typeof init?.body === "string" ? init.body : init?.body ? "[binary body]" : null;
    this.request = {
      method: init?.method ?? "GET",
      url: this.redact(url),
      headers: this.redactHeaders(Object.fromEntries(new Headers(init?.headers))),
      body: body === null ? null : this.redact(elideDataUrls(body)),
    };
  }

  recordResponse(status: number, headers: Record<string, string>): void {
    this.status = status;
    this.responseHeaders = this.redactHeaders(headers);
  }

  private room(size: number): boolean {
    if (this.chars + size > MAX_CAPTURED_CHARS) {
      this.truncated = true;
      return false;
    }
    this.chars += size;
    return true;
  }

  /** One server-sent event's data, before any batching. */
  recordEvent(data: string): void {
    if (data.includes('"reasoning_details"') || data.includes('"logprobs":{')) this.readExtras(data);
    if (this.room(data.length)) this.events.push(data);
  }

  /** A response that is not an event stream (a JSON answer or an error). */
  recordBodyText(text: string): void {
    const room = Math.max(0, MAX_CAPTURED_CHARS - this.chars);
    if (text.length > room) this.truncated = true;
    const kept = text.slice(0, room);
    this.chars += kept.length;
    this.body = (this.body ?? "") + kept;
  }

  private readExtras(data: string): void {
    let chunk: { choices?: { delta?: { reasoning_details?: unknown }; logprobs?: { content?: unknown } | null }[] };
    try {
      chunk = JSON.parse(data);
    } catch {
      return;
    }
    const choice = chunk.choices?.[0];
    const details = choice?.delta?.reasoning_details;
    if (Array.isArray(details)) {
      for (const piece of details as ReasoningDetail[]) if (piece && typeof piece === "object" && !Array.isArray(piece)) addDetail(this.details, piece);
    }
    const content = choice?.logprobs?.content;
    if (Array.isArray(content)) {
      for (const entry of content as RawLogprob[]) {
        const read = readLogprob(entry);
        if (read && this.tokens.length < MAX_LOGPROB_TOKENS) this.tokens.push(read);
      }
    }
  }

  reasoningDetails(): ReasoningDetail[] {
    return this.details;
  }

  logprobs(): TokenLogprob[] {
    return this.tokens;
  }

  exchange(): CapturedExchange | null {
    if (!this.request) return null;
    return {
      request: this.request,
      response: { status: this.status, headers: this.responseHeaders, events: this.events.map((e) => this.redact(e)), body: this.body === null ? null : this.redact(this.body) },
      truncated: this.truncated,
    };
  }
}
