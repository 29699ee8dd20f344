import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/http/app-error";
import { checkUpload } from "@/lib/uploads/check-upload";
import { ingestUpload } from "@/lib/uploads/ingest-upload";

// An OpenAI Chat Completions request, turned into the same run request the
// browser sends: UI messages (media stored as uploads, so history can show
// them), the system prompt, and the parameters to validate against the
// offering's schema.

const contentPart = z.looseObject({ type: z.string() });
const message = z.looseObject({
  role: z.enum(["system", "developer", "user", "assistant", "tool"]),
  content: z.union([z.string(), z.array(contentPart), z.null()]).optional(),
  tool_calls: z.array(z.looseObject({ id: z.string(), type: z.string().optional(), function: z.looseObject({ name: z.string(), arguments: z.string() }) })).optional(),
  tool_call_id: z.string().optional(),
  reasoning_content: z.string().nullable().optional(),
});

export const chatCompletionsSchema = z.looseObject({
  model: z.string().min(1, "model is required"),
  messages: z.array(message).min(1, "messages must have at least one message"),
  stream: z.boolean().nullable().optional(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullable().optional(),
  n: z.number().int().min(1).nullable().optional(),
});

export type ChatCompletionsRequest = z.infer<typeof chatCompletionsSchema>;

/** Fields that are about the exchange, not the model: never sent on as parameters. */
const TRANSPORT = new Set(["model", "messages", "stream", "stream_options", "n", "user", "store", "metadata", "service_tier"]);

type UiPart = Record<string, unknown> & { type: string };
type UiMessage = { id: string; role: "user" | "assistant"; parts: UiPart[] };

const DATA_URL = /^data:([\w.+-]+\/[\w.+-]+)?(;[^,]*)?,(.*)$/s;

/** A data: URL attachment becomes an upload (type from the bytes, limits, metadata), owned by the caller. */
async function storeDataUrl(url: string, userId: string, param: string): Promise<{ url: string; mediaType: string }> {
  const match = url.match(DATA_URL);
  if (!match?.[2]?.includes("base64")) {
    throw new AppError("invalid_attachment", "Images and video must be data: URLs with base64 content (this gateway does not fetch remote URLs).", param);
  }
  const bytes = Buffer.from(match[3]!, "base64");
  const sniffed = await checkUpload(new Uint8Array(bytes), bytes.byteLength, param);
  const { row } = await ingestUpload(new Uint8Array(bytes), sniffed, userId, param);
  return { url: `/api/uploads/${row.id}`, mediaType: row.mediaType };
}

function parseArguments(raw: string, param: string): unknown {
  try {
    return raw.trim() ? JSON.parse(raw) : {};
  } catch {
    throw new AppError("invalid_request", "tool_calls[].function.arguments must be a JSON string.", param);
  }
}

function textOf(content: ChatCompletionsRequest["messages"][number]["content"]): string {
  if (typeof content === "string") return content;
  return (content ?? []).map((p) => (p.type === "text" && typeof p.text === "string" ? p.text : "")).join("");
}

export type GatewayRun = { messages: UiMessage[]; system: string | undefined; params: Record<string, unknown> };

export async function toRunRequest(body: ChatCompletionsRequest, userId: string, schemaNames: Set<string>): Promise<GatewayRun> {
  const systemParts: string[] = [];
  const messages: UiMessage[] = [];
  const toolParts = new Map<string, UiPart>();

  for (const [i, m] of body.messages.entries()) {
    const param = `messages[${i}]`;
    if (m.role === "system" || m.role === "developer") {
      systemParts.push(textOf(m.content));
      continue;
    }
    if (m.role === "tool") {
      const part = m.tool_call_id ? toolParts.get(m.tool_call_id) : undefined;
      if (!part) throw new AppError("invalid_request", `${param}: a tool message must answer a tool_call_id of an earlier assistant message.`, `${param}.tool_call_id`);
      Object.assign(part, { state: "output-available", output: textOf(m.content) });
      continue;
    }
    const parts: UiPart[] = [];
    if (m.role === "assistant" && m.reasoning_content) parts.push({ type: "reasoning", text: m.reasoning_content });
    if (typeof m.content === "string") {
      if (m.content) parts.push({ type: "text", text: m.content });
    } else {
      for (const [j, part] of (m.content ?? []).entries()) {
        const where = `${param}.content[${j}]`;
        if (part.type === "text") parts.push({ type: "text", text: String(part.text ?? "") });
        else if (part.type === "image_url" || part.type === "video_url") {
          const url = (part[part.type] as { url?: unknown } | undefined)?.url;
          if (typeof url !== "string") throw new AppError("invalid_request", `${where}.${part.type}.url must be a string.`, where);
          const stored = await storeDataUrl(url, userId, where);
          parts.push({ type: "file", mediaType: stored.mediaType, url: stored.url });
        } else throw new AppError("invalid_request", `${where}: content parts of type "${part.type}" are not supported (text, image_url, video_url).`, where);
      }
    }
    for (const call of m.tool_calls ?? []) {
      const part: UiPart = { type: `tool-${call.function.name}`, toolCallId: call.id, state: "input-available", input: parseArguments(call.function.arguments, `${param}.tool_calls`) };
      toolParts.set(call.id, part);
      parts.push(part);
    }
    messages.push({ id: `m${i}`, role: m.role, parts });
  }
  for (const [id, part] of toolParts) {
    if (part.state !== "output-available") throw new AppError("invalid_request", `The tool call ${id} has no tool message with its result.`, "messages");
  }

  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    if (TRANSPORT.has(name) || value === null || value === undefined) continue;
    // OpenAI's newer name for the output limit; offerings that only know max_tokens get it under that name.
    if (name === "max_completion_tokens" && !schemaNames.has(name) && schemaNames.has("max_tokens")) params.max_tokens = value;
    // A single stop string is a list of one.
    else if (name === "stop" && typeof value === "string") params.stop = [value];
    else params[name] = value;
  }
  if ((body.n ?? 1) > 1) throw new AppError("unsupported_parameter", "n > 1 is not supported through this gateway: each choice is a run of its own; send n separate requests.", "n");
  return { messages, system: systemParts.filter(Boolean).join("\n\n") || undefined, params };
}
