import { describe, expect, it } from "vitest";
import { hasRecentFailure, replayedFailure, rememberFailure, replayKey } from "./failure-replay";
import { gatewayFailure } from "./upstream-failure";

// What the gateway answers for each way a provider fails, and how a retry of
// the same request is answered without reaching the provider again.

describe("a provider's failure through the gateway", () => {
  it("keeps 400/404/422, makes 401/403 a 502 about the server's key, keeps 429 with Retry-After, 5xx to 502, a stall to 504; none to be retried", () => {
    for (const status of [400, 404, 422]) expect(gatewayFailure({ code: `upstream_${status}`, message: "x", upstreamStatus: status })).toMatchObject({ status, headers: { "x-should-retry": "false" } });
    for (const status of [401, 403]) expect(gatewayFailure({ code: `upstream_${status}`, message: "x", upstreamStatus: status })).toMatchObject({ status: 502, code: "upstream_key_refused" });
    expect(gatewayFailure({ code: "upstream_429", message: "x", upstreamStatus: 429, retryAfterS: 20 })).toMatchObject({ status: 429, headers: { "retry-after": "20", "x-should-retry": "false" } });
    for (const status of [500, 502, 503]) expect(gatewayFailure({ code: `upstream_${status}`, message: "x", upstreamStatus: status })).toMatchObject({ status: 502, headers: { "x-should-retry": "false" } });
    expect(gatewayFailure({ code: "upstream_timeout", message: "x" })).toMatchObject({ status: 504, headers: { "x-should-retry": "false" } });
    expect(gatewayFailure({ code: "stream_ended_early", message: "x" })).toMatchObject({ status: 502, headers: { "x-should-retry": "false" } });
  });

  it("only a refused connection (nothing can have been billed) may be retried, and it is not remembered", () => {
    const refused = gatewayFailure({ code: "upstream_unreachable", message: "x", neverSent: true });
    expect(refused.headers["x-should-retry"]).toBe("true");
    const key = replayKey("caller", { a: 1 }, null);
    rememberFailure(key, refused, "run-1");
    expect(replayedFailure(key)).toBeNull();
  });

  it("the same request within the window is refused with 400 retry_refused, naming the run; after it, it goes through", () => {
    const now = 1_000_000;
    const key = replayKey("caller", { model: "m", messages: [] }, null);
    rememberFailure(key, gatewayFailure({ code: "upstream_500", message: "Acme: server error", upstreamStatus: 500 }), "run-7", now);
    expect(replayedFailure(key, now + 5_000)).toMatchObject({ status: 400, code: "retry_refused", runId: "run-7", message: expect.stringContaining("failed with 502"), headers: { "x-should-retry": "false", "retry-after": "115" } });
    expect(replayedFailure(replayKey("other-caller", { model: "m", messages: [] }, null), now + 5_000)).toBeNull();
    expect(replayedFailure(replayKey("caller", { model: "m", messages: [1] }, null), now + 5_000)).toBeNull();
    expect(replayedFailure(key, now + 120_001)).toBeNull();
    // Only a caller with a remembered failure pays for computing a key at all.
    expect(hasRecentFailure("caller", now + 5_000)).toBe(true);
    expect(hasRecentFailure("other-caller", now + 5_000)).toBe(false);
    expect(hasRecentFailure("caller", now + 120_001)).toBe(false);
  });

  it("a provider's 429 is remembered only for its Retry-After; an Idempotency-Key is the request's identity when sent", () => {
    const now = 2_000_000;
    const key = replayKey("caller", { x: 1 }, "stainless-retry-abc");
    expect(key).toBe(replayKey("caller", { x: 2 }, "stainless-retry-abc"));
    rememberFailure(key, gatewayFailure({ code: "upstream_429", message: "slow down", upstreamStatus: 429, retryAfterS: 3 }), "run-9", now);
    expect(replayedFailure(key, now + 2_000)?.code).toBe("retry_refused");
    expect(replayedFailure(key, now + 3_001)).toBeNull();
  });
});
