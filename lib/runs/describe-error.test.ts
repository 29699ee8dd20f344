import { APICallError, InvalidResponseDataError, JSONParseError, StreamProviderError } from "ai";
import { describe, expect, it } from "vitest";
import { UpstreamTimeoutError } from "@/lib/providers/upstream-fetch";
import { describeError } from "./describe-error";

const ctx = { providerName: "Acme", statusWords: { 402: "the balance is empty" }, secrets: ["acme-secret-key-123"], now: () => Date.parse("2026-11-23T12:00:00Z") };

const apiCallError = (statusCode: number, message: string, responseHeaders: Record<string, string> = {}) =>
  new APICallError({ message, url: "https://api.acme.example/v1/chat/completions", requestBodyValues: {}, statusCode, responseHeaders });

describe("describeError: the SDK's errors in plain words", () => {
  it("an HTTP refusal names the provider, the status in its words, and when to retry", () => {
    expect(describeError(apiCallError(402, "Payment Required"), ctx)).toEqual({ code: "upstream_402", message: "Acme: the balance is empty (HTTP 402): Payment Required", upstreamStatus: 402 });
    expect(describeError(apiCallError(429, "Too Many Requests", { "retry-after": "20" }), ctx)).toEqual({ code: "upstream_429", message: "Acme: rate limited, retry after 20 s (HTTP 429)", upstreamStatus: 429, retryAfterS: 20 });
    expect(describeError(apiCallError(503, "overloaded"), ctx).message).toBe("Acme: the provider had a server error (HTTP 503): overloaded");
  });

  it("found anywhere in the cause chain; a key in the message is redacted", () => {
    const wrapped = new Error("stream failed", { cause: apiCallError(401, "bad key acme-secret-key-123") });
    expect(describeError(wrapped, ctx)).toEqual({ code: "upstream_401", message: "Acme: the API key was refused (HTTP 401): bad key [redacted]", upstreamStatus: 401 });
  });

  it("an error the provider sent mid-stream says so", () => {
    const midStream = new StreamProviderError({ message: "The upstream model crashed", statusCode: 502 });
    expect(describeError(midStream, ctx)).toEqual({ code: "upstream_502", message: "Acme: the provider had a server error (HTTP 502) mid-stream: The upstream model crashed", upstreamStatus: 502 });
  });

  it("a stream that ends without a finish reason is not called malformed", () => {
    const cut = new InvalidResponseDataError({ data: null, message: "Response stream ended without a finish reason." });
    expect(describeError(cut, ctx)).toEqual({ code: "stream_ended_early", message: "Acme: the provider's stream ended without a finish reason." });
  });

  it("data that does not parse is malformed", () => {
    const bad = new JSONParseError({ text: "{not json", cause: new SyntaxError("Unexpected token") });
    expect(describeError(bad, ctx)).toEqual({ code: "malformed_stream", message: "Acme: the provider sent malformed stream data." });
  });

  it("a timeout, a stop and an unreachable host each have their own words", () => {
    expect(describeError(new UpstreamTimeoutError(400), ctx)).toEqual({ code: "upstream_timeout", message: "Acme: no data from the provider for 0.4 s (timeout)" });
    expect(describeError(Object.assign(new Error("aborted"), { name: "AbortError" }), ctx).code).toBe("aborted");
    // A refused connection never reached the provider (nothing billed, safe to retry); a reset may have.
    expect(describeError(new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:9") }), ctx)).toEqual({ code: "upstream_unreachable", message: "Acme: could not reach the provider.", neverSent: true });
    expect(describeError(new TypeError("fetch failed", { cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }) }), ctx)).toEqual({ code: "upstream_unreachable", message: "Acme: could not reach the provider." });
  });
});
