import { AsyncLocalStorage } from "node:async_hooks";
import diagnostics from "node:diagnostics_channel";
import type { EventSourceMessage } from "eventsource-parser";
import { coalesceSse, type StreamCounter } from "./coalesce-sse";
import type { UpstreamCapture } from "./upstream-capture";

// The one fetch every provider call goes through. Per run it records what the
// upstream answered (status, headers, content events before coalescing),
// gives up when the upstream sends nothing for `idleTimeoutMs`, and batches
// SSE deltas (see coalesce-sse.ts).

export type UpstreamObservation = StreamCounter & {
  status?: number;
  headers?: Record<string, string>;
  /** The request and raw response, for the run's raw view. */
  capture?: UpstreamCapture;
  /** When the request was handed to fetch, and when its bytes were written to the socket (undici's diagnostics), performance.now(). */
  fetchStartedAt?: number;
  sentAt?: number;
};

// The clock of a run starts when its request is on the wire, not when the proxy
// began preparing it: undici says when it wrote the request (headers, then the
// whole body) to the socket. Its request object is tied to the run when it is
// created, which happens inside the run's async context.
const writtenRequests = new WeakMap<object, UpstreamObservation>();
const requestOf = (message: unknown) => (message as { request?: object }).request;
diagnostics.subscribe("undici:request:create", (message) => {
  const observation = currentCall.getStore()?.observation;
  const request = requestOf(message);
  if (observation && request) writtenRequests.set(request, observation);
});
const markSent = (message: unknown) => {
  const request = requestOf(message);
  const observation = request ? writtenRequests.get(request) : undefined;
  if (observation) observation.sentAt = performance.now();
};
diagnostics.subscribe("undici:client:sendHeaders", markSent);
diagnostics.subscribe("undici:request:bodySent", markSent);

export class UpstreamTimeoutError extends Error {
  override name = "UpstreamTimeoutError";
  constructor(readonly idleMs: number) {
    super(`no data from the provider for ${Number((idleMs / 1000).toFixed(1))} s`);
  }
}

/**
 * Fails the request when nothing arrives for `idleMs`. One coarse interval per
 * request instead of a timer per network read: cheap at thousands of reads/s.
 */
function idleWatch(idleMs: number, onIdle: () => void) {
  let lastActivity = performance.now();
  const interval = setInterval(() => {
    if (performance.now() - lastActivity >= idleMs) {
      clearInterval(interval);
      onIdle();
    }
  }, Math.max(10, Math.min(1000, idleMs / 4)));
  interval.unref?.();
  return { touch: () => void (lastActivity = performance.now()), stop: () => clearInterval(interval) };
}

/** A body that is not an event stream: passed on as it comes, kept for the raw view. */
function passThrough(watch: { touch: () => void; stop: () => void }, capture: UpstreamCapture | undefined): TransformStream<Uint8Array, Uint8Array> {
  const decoder = capture ? new TextDecoder() : null;
  return new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, c) {
      watch.touch();
      if (decoder) capture!.recordBodyText(decoder.decode(chunk, { stream: true }));
      c.enqueue(chunk);
    },
    flush() {
      watch.stop();
      if (decoder) capture!.recordBodyText(decoder.decode());
    },
  });
}

/** What one run's upstream calls need: where to record, when to give up, how its provider's events are read. */
export type UpstreamCall = { observation: UpstreamObservation; idleTimeoutMs: number; rewriteEvent?: (event: EventSourceMessage) => EventSourceMessage };

function upstreamFetch({ observation, idleTimeoutMs, rewriteEvent }: UpstreamCall, baseFetch: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const controller = new AbortController();
    const outer = init?.signal;
    const watch = idleWatch(idleTimeoutMs, () => controller.abort(new UpstreamTimeoutError(idleTimeoutMs)));
    const forwardAbort = () => {
      watch.stop();
      controller.abort(outer?.reason);
    };
    if (outer?.aborted) forwardAbort();
    else outer?.addEventListener("abort", forwardAbort, { once: true });

    const capture = observation.capture;
    capture?.recordRequest(input, init);
    observation.fetchStartedAt = performance.now();
    let response: Response;
    try {
      response = await baseFetch(input, { ...init, signal: controller.signal });
    } catch (error) {
      watch.stop();
      throw controller.signal.reason instanceof UpstreamTimeoutError ? controller.signal.reason : error;
    }
    observation.status = response.status;
    observation.headers = Object.fromEntries(response.headers);
    capture?.recordResponse(response.status, observation.headers);
    if (!response.body) {
      watch.stop();
      return response;
    }

    const isEventStream = response.ok && (response.headers.get("content-type") ?? "").includes("text/event-stream");
    const body = isEventStream
      ? response.body.pipeThrough(coalesceSse(observation, { onRead: watch.touch, onEnd: watch.stop, onEvent: capture && ((data) => capture.recordEvent(data)), rewriteEvent }))
      : response.body.pipeThrough(passThrough(watch, capture));
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

// Models are built once per offering and connection (building one costs more than
// a first token should), so the run a call belongs to travels in the async context:
// streamText makes its request inside the `duringUpstreamCall` that started it.
const currentCall = new AsyncLocalStorage<UpstreamCall>();

export function duringUpstreamCall<T>(call: UpstreamCall, start: () => T): T {
  return currentCall.run(call, start);
}

/** The global fetch as Node has it: Next's patched one adds tracing and dedupe work to every call. */
function plainFetch(input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> {
  const global = globalThis.fetch as typeof fetch & { _nextOriginalFetch?: typeof fetch };
  return (global._nextOriginalFetch ?? global)(input, init);
}

const observedFetches = new WeakMap<typeof fetch, typeof fetch>();

/** A fetch for a shared model: each call is observed, and timed out, for the run that made it. */
export function observedFetch(baseFetch: typeof fetch = plainFetch): typeof fetch {
  let observed = observedFetches.get(baseFetch);
  if (!observed) {
    observed = (input, init) => {
      const call = currentCall.getStore();
      if (!call) throw new Error("an upstream call was made outside duringUpstreamCall: its run cannot be measured");
      return upstreamFetch(call, baseFetch)(input, init);
    };
    observedFetches.set(baseFetch, observed);
  }
  return observed;
}
