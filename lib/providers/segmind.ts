import "server-only";
import { simulateStreamingMiddleware, wrapLanguageModel } from "ai";
import { createChatModel, openAiCompatibleAdapter, readAmount } from "./openai-compatible-wire";
import type { ProviderAdapter, ProviderConnection } from "./types";

// Segmind's own JSON API: POST {base}/{model} with x-api-key and a body of
// { messages }; one JSON document back (no streaming), the charge in `x-cost`
// and the balance in `x-remaining-credits`. The model is the SDK's
// non-streaming Chat Completions call, whose request a fetch shim rewrites to
// Segmind's form, wrapped in the SDK's simulateStreamingMiddleware: the answer
// reaches the stream all at once, which is the truth, since the first token
// comes with the whole answer.

type SegmindAnswer = {
  choices?: { message?: { content?: unknown; reasoning_content?: unknown; reasoning?: unknown }; finish_reason?: string }[];
  usage?: Record<string, unknown>;
  content?: unknown;
  output?: unknown;
};

function answerParts(json: SegmindAnswer): { text: string; reasoning: string; finishReason: string } | null {
  const message = json.choices?.[0]?.message;
  const text = message?.content ?? json.content ?? json.output;
  if (typeof text !== "string") return null;
  const reasoning = message?.reasoning_content ?? message?.reasoning;
  return { text, reasoning: typeof reasoning === "string" ? reasoning : "", finishReason: json.choices?.[0]?.finish_reason ?? "stop" };
}

type WireMessage = { role?: unknown; content?: unknown };
type WirePart = { type?: unknown; text?: unknown };

/**
 * Segmind's page documents each message as { role, content } with content a
 * string. Text goes as a string; a message with images keeps OpenAI's part
 * list (the page has no other way to send them, and the UI says so). Fields
 * the page does not list (reasoning_content, tool calls) are not sent.
 */
export function segmindMessages(messages: unknown): { role: string; content: unknown }[] {
  if (!Array.isArray(messages)) return [];
  return (messages as WireMessage[]).map((m) => {
    const role = String(m.role);
    const content = m.content;
    if (!Array.isArray(content)) return { role, content: typeof content === "string" ? content : "" };
    const parts = content as WirePart[];
    if (parts.every((p) => p.type === "text")) return { role, content: parts.map((p) => String(p.text ?? "")).join("\n") };
    return { role, content: parts };
  });
}

function errorResponse(response: Response, text: string): Response {
  // Segmind errors are { "error": "message" } (405 answers HTML); give the SDK the
  // { error: { message } } shape it reads, with the same status and headers.
  let message = text.trim().startsWith("<") ? response.statusText : text;
  try {
    const body = JSON.parse(text) as { error?: unknown; message?: unknown };
    message = typeof body.error === "string" ? body.error : typeof body.message === "string" ? body.message : message;
  } catch {
    /* not JSON */
  }
  const headers = new Headers(response.headers);
  headers.set("content-type", "application/json");
  return new Response(JSON.stringify({ error: { message: message.slice(0, 500) } }), { status: response.status, statusText: response.statusText, headers });
}

function segmindFetch(connection: ProviderConnection, modelId: string, baseFetch: typeof fetch = fetch): typeof fetch {
  return async (_input, init) => {
    const sent = JSON.parse(String(init?.body ?? "{}")) as { messages?: unknown };
    const response = await baseFetch(`${connection.baseURL}/${encodeURIComponent(modelId)}`, {
      method: "POST",
      headers: { "x-api-key": connection.apiKey ?? "", "content-type": "application/json" },
      body: JSON.stringify({ messages: segmindMessages(sent.messages) }),
      signal: init?.signal,
    });
    const text = await response.text();
    if (!response.ok) return errorResponse(response, text);

    let json: SegmindAnswer;
    try {
      json = JSON.parse(text) as SegmindAnswer;
    } catch {
      return errorResponse(new Response(null, { status: 502, statusText: "Bad Gateway", headers: response.headers }), "Segmind answered with something that is not JSON");
    }
    const parts = answerParts(json);
    if (!parts) return errorResponse(new Response(null, { status: 502, statusText: "Bad Gateway", headers: response.headers }), "Segmind's answer has no message content");

    // The Chat Completions document the SDK's non-streaming call reads, whichever form Segmind answered in.
    const completion = {
      id: "segmind",
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      model: modelId,
      choices: [{ index: 0, message: { role: "assistant", content: parts.text, ...(parts.reasoning ? { reasoning_content: parts.reasoning } : {}) }, finish_reason: parts.finishReason }],
      ...(json.usage ? { usage: json.usage } : {}),
    };
    const headers = new Headers(response.headers);
    headers.set("content-type", "application/json");
    headers.delete("content-length");
    return new Response(JSON.stringify(completion), { status: 200, headers });
  };
}

const base = openAiCompatibleAdapter("segmind");

export const segmindAdapter: ProviderAdapter = {
  ...base,
  createModel: (modelId, connection) =>
    wrapLanguageModel({
      model: createChatModel("segmind", modelId, { ...connection, apiKey: undefined, fetch: segmindFetch(connection, modelId, connection.fetch) }),
      middleware: simulateStreamingMiddleware(),
    }),
  readReport: ({ headers }) => {
    const remaining = readAmount(headers?.["x-remaining-credits"]);
    return {
      // Segmind credits are US dollars.
      providerCostUsd: readAmount(headers?.["x-cost"]),
      ...(remaining !== undefined ? { remainingCredits: remaining } : {}),
      notes: ["Segmind answers with one JSON document: the first token came with the whole answer, so no token rate can be measured."],
    };
  },
  statusWords: { 401: "the API key was refused", 405: "method not allowed", 406: "not enough credits" },
};
