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

export function upstreamFetch(observation: UpstreamObservation, idleTimeoutMs: number, baseFetch: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const controller = new AbortController();
    const outer = init?.signal;
    const forwardAbort = () => controller.abort(outer?.reason);
    if (outer?.aborted) forwardAbort();
    else outer?.addEventListener("abort", forwardAbort, { once: true });

    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => clearTimeout(timer);
    const arm = () => {
      stop();
      timer = setTimeout(() => controller.abort(new UpstreamTimeoutError(idleTimeoutMs)), idleTimeoutMs);
    };
    outer?.addEventListener("abort", stop, { once: true });

    arm();
    let response: Response;
    try {
      response = await baseFetch(input, { ...init, signal: controller.signal });
    } catch (error) {
      stop();
      throw controller.signal.reason instanceof UpstreamTimeoutError ? controller.signal.reason : error;
    }
    observation.status = response.status;
    observation.headers = Object.fromEntries(response.headers);
    if (!response.body) {
      stop();
      return response;
    }

    const watch = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, c) {
        arm();
        c.enqueue(chunk);
      },
      flush: stop,
    });
    let body = response.body.pipeThrough(watch);
    const isEventStream = response.ok && (response.headers.get("content-type") ?? "").includes("text/event-stream");
    if (isEventStream) body = body.pipeThrough(coalesceSse(observation));
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
