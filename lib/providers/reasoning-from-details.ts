import type { EventSourceMessage } from "eventsource-parser";

type ReasoningDetail = { type?: string; text?: unknown; summary?: unknown };
type Chunk = { choices?: { delta?: Record<string, unknown> }[] };

/**
 * OpenRouter and the AI Gateway may send reasoning only as `reasoning_details`
 * (which the AI SDK ignores). Give such a delta a plain `reasoning` string.
 */
export function reasoningFromDetails(event: EventSourceMessage): EventSourceMessage {
  if (!event.data.includes('"reasoning_details"')) return event;
  try {
    const chunk = JSON.parse(event.data) as Chunk;
    const delta = chunk.choices?.[0]?.delta;
    const details = delta?.reasoning_details;
    if (!delta || !Array.isArray(details) || typeof delta.reasoning === "string" || typeof delta.reasoning_content === "string") return event;
    const text = (details as ReasoningDetail[])
      .map((d) => (typeof d.text === "string" ? d.text : typeof d.summary === "string" ? d.summary : ""))
      .join("");
    if (!text) return event;
    delta.reasoning = text;
    return { ...event, data: JSON.stringify(chunk) };
  } catch {
    return event;
  }
}
