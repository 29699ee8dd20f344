import { convertToModelMessages, type JSONValue, type ModelMessage, type UIMessage } from "ai";

// OpenRouter (and the AI Gateway) stream reasoning as `reasoning_details`, and
// OpenRouter's page asks for them back unchanged on the next turn, which keeps
// the model's reasoning continuous (and encrypted reasoning usable). The
// answer's metadata carries them; here an assistant message that has them is
// sent with them as its `reasoning_details`, in place of the plain-text
// `reasoning_content` the AI SDK would write.

type Details = Record<string, unknown>[];

function detailsOf(message: UIMessage): Details | null {
  const details = (message.metadata as { reasoningDetails?: unknown } | undefined)?.reasoningDetails;
  if (!Array.isArray(details) || details.length === 0) return null;
  return details.every((d) => d !== null && typeof d === "object" && !Array.isArray(d)) ? (details as Details) : null;
}

function withDetails(message: ModelMessage, details: Details): ModelMessage {
  if (message.role !== "assistant") return message;
  const content = typeof message.content === "string" ? message.content : message.content.filter((part) => part.type !== "reasoning");
  const options = message.providerOptions ?? {};
  return { ...message, content, providerOptions: { ...options, openaiCompatible: { ...options.openaiCompatible, reasoning_details: details as JSONValue } } };
}

/** convertToModelMessages, with earlier answers' reasoning_details kept for the wire. */
export async function toModelMessages(messages: UIMessage[]): Promise<ModelMessage[]> {
  // A tool call left without a result (a new question was asked instead) is not sent: providers refuse a call with no answer.
  const options = { ignoreIncompleteToolCalls: true };
  if (!messages.some((m) => m.role === "assistant" && detailsOf(m))) return convertToModelMessages(messages, options);
  const out: ModelMessage[] = [];
  for (const message of messages) {
    const converted = await convertToModelMessages([message], options);
    const details = message.role === "assistant" ? detailsOf(message) : null;
    // One answer is one step: its reasoning belongs to its first assistant message.
    const first = details ? converted.findIndex((m) => m.role === "assistant") : -1;
    out.push(...converted.map((m, i) => (i === first ? withDetails(m, details!) : m)));
  }
  return out;
}
