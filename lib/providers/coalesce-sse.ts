import { createParser, type EventSourceMessage } from "eventsource-parser";

// Adaptive batching of OpenAI-compatible SSE deltas. Every network read is
// parsed; consecutive plain text (or reasoning) deltas that arrived in the
// same read are merged into one event. At light load a read holds one event
// and passes through untouched, so nothing is delayed; under load, events
// that queued up are handed to the AI SDK as one, so the per-event cost of
// the stream pipeline is paid once per read instead of once per token.
// The text is unchanged; only its framing is.

export type StreamCounter = {
  /** Text or reasoning delta events, before merging. */
  contentEvents: number;
  /** Network reads that carried at least one of them: 1 means everything came at once. */
  contentReads?: number;
  /** When the first and the last read carrying content arrived (performance.now()), taken before any merging or parsing downstream. */
  firstContentAt?: number;
  lastContentAt?: number;
};

type Delta = Record<string, unknown>;
type Chunk = { choices?: { index?: number; delta?: Delta; finish_reason?: unknown; logprobs?: unknown }[]; usage?: unknown; error?: unknown };

const MERGEABLE_FIELDS = ["content", "reasoning_content", "reasoning"] as const;

/** The single text field of a plain delta chunk, or null when the chunk carries anything else. */
function plainDeltaField(chunk: Chunk): (typeof MERGEABLE_FIELDS)[number] | null {
  if (chunk.error || chunk.usage || chunk.choices?.length !== 1) return null;
  const [choice] = chunk.choices;
  if (!choice?.delta || choice.finish_reason || choice.logprobs) return null;
  const keys = Object.keys(choice.delta).filter((k) => choice.delta![k] !== null && choice.delta![k] !== undefined && k !== "role");
  if (keys.length !== 1) return null;
  const field = MERGEABLE_FIELDS.find((f) => f === keys[0]);
  const text = field ? choice.delta[field] : undefined;
  return field && typeof text === "string" && text.length > 0 ? field : null;
}

function serialize(event: EventSourceMessage): string {
  return `${event.event ? `event: ${event.event}\n` : ""}data: ${event.data}\n\n`;
}

/** Merge runs of same-field plain deltas; everything else keeps its place. */
function mergeBatch(events: EventSourceMessage[], counter: StreamCounter): string {
  let out = "";
  let pending: { chunk: Chunk; field: string; text: string; raw: EventSourceMessage; merged: number } | null = null;
  const flush = () => {
    if (!pending) return;
    if (pending.merged === 1) out += serialize(pending.raw);
    else {
      pending.chunk.choices![0]!.delta![pending.field] = pending.text;
      out += `data: ${JSON.stringify(pending.chunk)}\n\n`;
    }
    pending = null;
  };
  for (const event of events) {
    let chunk: Chunk | null = null;
    if (!event.event && event.data !== "[DONE]") {
      try {
        chunk = JSON.parse(event.data) as Chunk;
      } catch {
        chunk = null;
      }
    }
    const field = chunk ? plainDeltaField(chunk) : null;
    if (chunk && field) {
      counter.contentEvents++;
      const text = chunk.choices![0]!.delta![field] as string;
      if (pending && pending.field === field) {
        pending.text += text;
        pending.merged++;
        continue;
      }
      flush();
      pending = { chunk, field, text, raw: event, merged: 1 };
      continue;
    }
    flush();
    out += serialize(event);
  }
  flush();
  return out;
}

/**
 * `onRead` is told of every network read, `onEnd` of the end (the idle watch rides
 * along without another stream hop), `onEvent` of each event's data as it came.
 */
export function coalesceSse(
  counter: StreamCounter,
  hooks: { onRead?: () => void; onEnd?: () => void; onEvent?: (data: string) => void; rewriteEvent?: (event: EventSourceMessage) => EventSourceMessage } = {},
): TransformStream<Uint8Array, Uint8Array> {
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  let batch: EventSourceMessage[] = [];
  const { onEvent, rewriteEvent } = hooks;
  const parser = createParser({
    onEvent: (event) => {
      onEvent?.(event.data);
      batch.push(rewriteEvent ? rewriteEvent(event) : event);
    },
  });
  const emit = (controller: TransformStreamDefaultController<Uint8Array>, readAt: number) => {
    if (batch.length === 0) return;
    const events = batch;
    batch = [];
    const before = counter.contentEvents;
    controller.enqueue(encoder.encode(events.length === 1 && !events[0]!.event ? serializeCounted(events[0]!, counter) : mergeBatch(events, counter)));
    if (counter.contentEvents > before) {
      counter.contentReads = (counter.contentReads ?? 0) + 1;
      counter.firstContentAt ??= readAt;
      counter.lastContentAt = readAt;
    }
  };
  return new TransformStream({
    transform(bytes, controller) {
      // The read's own time: what follows (parsing, merging, the SDK) must not move a token's arrival.
      const readAt = performance.now();
      hooks.onRead?.();
      parser.feed(decoder.decode(bytes, { stream: true }));
      emit(controller, readAt);
    },
    flush(controller) {
      const readAt = performance.now();
      hooks.onEnd?.();
      parser.feed(decoder.decode());
      emit(controller, readAt);
    },
  });
}

/** A lone event passes through as it came; a string check counts it without parsing. */
function serializeCounted(event: EventSourceMessage, counter: StreamCounter): string {
  if (/"(content|reasoning_content|reasoning)":"[^"]/.test(event.data)) counter.contentEvents++;
  return serialize(event);
}
