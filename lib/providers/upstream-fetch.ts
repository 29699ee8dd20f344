import { coalesceSse, type StreamCounter } from "./coalesce-sse";

// The one fetch every provider call goes through. Per run it records what the
// upstream answered (status, headers, content events before coalescing),
// gives up when the upstream sends nothing for `idleTimeoutMs`, and batches
// SSE deltas (see coalesce-sse.ts).

export type UpstreamObservation = StreamCounter & { status?: number; headers?: Record<string, string> };

export class UpstreamTimeoutError extends Error {
  override name = "UpstreamTimeoutError";
  constructor(readonly idleMs: number) {
    super(`no data from the provider for ${Number((idleMs / 1000).toFixed(1))} s`);
  }
}

export const DEFAULT_IDLE_TIMEOUT_MS = 120_000;

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

export function upstreamFetch(observation: UpstreamObservation, idleTimeoutMs: number, baseFetch: typeof fetch = fetch): typeof fetch {
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

    let response: Response;
    try {
      response = await baseFetch(input, { ...init, signal: controller.signal });
    } catch (error) {
      watch.stop();
      throw controller.signal.reason instanceof UpstreamTimeoutError ? controller.signal.reason : error;
    }
    observation.status = response.status;
    observation.headers = Object.fromEntries(response.headers);
    if (!response.body) {
      watch.stop();
      return response;
    }

    const isEventStream = response.ok && (response.headers.get("content-type") ?? "").includes("text/event-stream");
    const body = isEventStream
      ? response.body.pipeThrough(coalesceSse(observation, { onRead: watch.touch, onEnd: watch.stop }))
      : response.body.pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({
            transform(chunk, c) {
              watch.touch();
              c.enqueue(chunk);
            },
            flush: watch.stop,
          }),
        );
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
