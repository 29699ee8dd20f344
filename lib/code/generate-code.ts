// "View code": the request a run makes, as curl, TypeScript (AI SDK) and
// Python (openai client), against the provider's real endpoint, with the key
// read from an environment variable. Pure: used by the run page and the
// playground draft alike.

/**
 * `reasoning`: an earlier answer's reasoning, which the playground sends back (as reasoning_content) like the AI SDK does.
 * `toolCalls`: the functions an answer called; each result follows as a `tool` message.
 */
export type CodeMessage =
  | { role: "system" | "user" | "assistant"; content: string | CodePart[]; reasoning?: string; toolCalls?: CodeToolCall[] }
  | { role: "tool"; content: string; toolCallId: string; toolName: string; output: unknown };
type CodeToolCall = { id: string; name: string; input: unknown };
/** `file`: a local file name for the attachment, for code that reads it from disk. */
type CodePart = { type: "text"; text: string } | { type: "image_url" | "video_url"; note: string; mediaType: string; file: string };

export type CodeRequest = {
  provider: string;
  /** How the provider's page documents the request (the catalog's `api`); Chat Completions when absent. */
  api?: "chat-completions" | "json-per-model";
  /** How the offering takes a video: as itself (with its fps beside it when video_fps goes with the attachments) or as sampled frames. */
  videoDelivery?: "inline" | "frames" | null;
  /** The provider's public endpoint (no local override). */
  baseUrl: string;
  keyEnv: string | null;
  model: string;
  params: Record<string, unknown>;
  /** Body field names that differ from the parameter name (AI Gateway's providerOptions). */
  wireNames?: Record<string, string>;
  /** Parameters that go with the attachments (video_fps as frames or a per-video fps), never a body field. */
  attachmentParams?: string[];
  messages: CodeMessage[];
  /** This instance's gateway (…/api/v1): adds the same request through it. */
  gatewayBaseUrl?: string;
};

export type GeneratedCode = { curl: string; typescript: string; python: string; gateway?: string };

/**
 * The same request through this playground's own OpenAI-compatible gateway:
 * the offering as provider/model-id, every parameter under its schema name
 * (the gateway validates and maps them), an API key from the environment.
 */
export function gatewayCode(request: CodeRequest, gatewayBaseUrl: string): string {
  const body = { model: `${request.provider}/${request.model}`, messages: wireMessages(request.messages), stream: true, stream_options: { include_usage: true }, ...request.params };
  return `import OpenAI from "openai";

// Through this playground: the run is measured, billed against your budget and kept in its history.
const client = new OpenAI({ baseURL: ${JSON.stringify(gatewayBaseUrl)}, apiKey: process.env.PLAYGROUND_API_KEY });

const stream = await client.chat.completions.create(${indentJson(body, 0)} as OpenAI.ChatCompletionCreateParamsStreaming);
for await (const chunk of stream) {
  process.stdout.write(chunk.choices[0]?.delta?.content ?? "");
  if (chunk.usage) console.log("\\n", chunk.usage);
}
`;
}

const OPENAI_KWARGS = new Set(["temperature", "top_p", "max_tokens", "stop", "seed", "presence_penalty", "frequency_penalty", "response_format", "tools", "tool_choice", "logit_bias", "logprobs", "top_logprobs"]);

function wireParams(request: CodeRequest): Record<string, unknown> {
  const skip = new Set(request.attachmentParams);
  const params = Object.fromEntries(Object.entries(request.params).filter(([k]) => !skip.has(k)).map(([k, v]) => [request.wireNames?.[k] ?? k, v]));
  // With tools and no choice, the AI SDK (and so the playground) sends tool_choice "auto": so does the code.
  if (Array.isArray(params.tools) && params.tools.length > 0 && params.tool_choice === undefined) params.tool_choice = "auto";
  return params;
}

/** Attachments are data URLs in the real request; the code shows where they go. */
function wireMessages(messages: CodeMessage[], videoFps: number | null = null, withReasoning = true) {
  return messages.map((message) => {
    if (message.role === "tool") return { role: "tool", tool_call_id: message.toolCallId, content: message.content };
    const { reasoning, toolCalls, ...m } = message;
    if (toolCalls?.length) {
      return {
        role: m.role,
        content: typeof m.content === "string" && m.content ? m.content : null,
        ...(reasoning && withReasoning ? { reasoning_content: reasoning } : {}),
        tool_calls: toolCalls.map((c) => ({ id: c.id, type: "function", function: { name: c.name, arguments: JSON.stringify(c.input ?? {}) } })),
      };
    }
    return typeof m.content === "string"
      ? { ...m, ...(reasoning && withReasoning ? { reasoning_content: reasoning } : {}) }
      : {
          role: m.role,
          content: m.content.map((p) =>
            p.type === "text" ? p : { type: p.type, [p.type]: { url: `data:${p.mediaType};base64,<${p.note}>` }, ...(p.type === "video_url" && videoFps !== null ? { fps: videoFps } : {}) },
          ),
        };
  });
}

/**
 * A video sent as itself whose video_fps goes with the attachments is read from an `fps`
 * field beside video_url (DashScope; the proxy sends it there too).
 */
function fpsBesideVideo(request: CodeRequest): number | null {
  if (request.videoDelivery !== "inline" || !request.attachmentParams?.includes("video_fps")) return null;
  const fps = request.params.video_fps;
  return typeof fps === "number" && fps > 0 ? fps : 2;
}

function hasVideo(messages: CodeMessage[]): boolean {
  return messages.some((m) => m.role !== "tool" && typeof m.content !== "string" && m.content.some((p) => p.type === "video_url"));
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function pythonLiteral(value: unknown, indent = 0): string {
  const pad = "    ".repeat(indent + 1);
  const end = "    ".repeat(indent);
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return value.length === 0 ? "[]" : `[\n${value.map((v) => pad + pythonLiteral(v, indent + 1)).join(",\n")},\n${end}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return entries.length === 0 ? "{}" : `{\n${entries.map(([k, v]) => `${pad}${JSON.stringify(k)}: ${pythonLiteral(v, indent + 1)}`).join(",\n")},\n${end}}`;
}

function indentJson(value: unknown, spaces: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${" ".repeat(spaces)}`);
}

/** Where the offering takes images only, a video goes as frames: the code says so. */
function framesNote(request: CodeRequest): string | null {
  if (request.videoDelivery !== "frames" || !hasVideo(request.messages)) return null;
  const fps = typeof request.params.video_fps === "number" ? request.params.video_fps : 2;
  return `This offering takes images only: the playground sends each video as JPEG frames sampled at ${fps} fps, one image_url per frame.`;
}

/** One JSON POST per model with x-api-key, as Segmind's page documents it. */
function jsonPerModelCode(request: CodeRequest, url: string): GeneratedCode {
  // The page documents { role, content } only: no reasoning goes back.
  const body = { messages: wireMessages(request.messages, null, false) };
  const key = request.keyEnv ?? "API_KEY";
  const frames = framesNote(request);
  return {
    curl: `${frames ? `# ${frames}\n` : ""}curl ${url} \\\n  -H "x-api-key: $${key}" \\\n  -H "Content-Type: application/json" \\\n  -d ${shellQuote(JSON.stringify(body, null, 2))}`,
    typescript: `${frames ? `// ${frames}\n` : ""}// One JSON document comes back (no streaming).
const response = await fetch(${JSON.stringify(url)}, {
  method: "POST",
  headers: { "x-api-key": process.env.${key}!, "Content-Type": "application/json" },
  body: JSON.stringify(${indentJson(body, 2)}),
});
console.log(response.headers.get("x-cost"), await response.json());
`,
    python: `import os
import requests

response = requests.post(
    ${JSON.stringify(url)},
    headers={"x-api-key": os.environ[${JSON.stringify(key)}], "Content-Type": "application/json"},
    json=${pythonLiteral(body, 1)},
)
print(response.headers.get("x-cost"), response.json())
`,
  };
}

type ToolSpec = { type?: string; function?: { name?: string; description?: string; parameters?: unknown } };

/** A JavaScript expression for an AI SDK message: text as a string, media as file parts read from disk. */
function sdkMessage(message: CodeMessage, files: string[], videoFps: number | null): string {
  if (message.role === "tool") {
    const output = typeof message.output === "string" ? { type: "text", value: message.output } : { type: "json", value: message.output ?? null };
    return JSON.stringify({ role: "tool", content: [{ type: "tool-result", toolCallId: message.toolCallId, toolName: message.toolName, output }] });
  }
  if (message.toolCalls?.length) {
    const content = [
      ...(message.reasoning ? [{ type: "reasoning", text: message.reasoning }] : []),
      ...(typeof message.content === "string" && message.content ? [{ type: "text", text: message.content }] : []),
      ...message.toolCalls.map((c) => ({ type: "tool-call", toolCallId: c.id, toolName: c.name, input: c.input ?? {} })),
    ];
    return JSON.stringify({ role: message.role, content });
  }
  if (message.reasoning && typeof message.content === "string") {
    return JSON.stringify({ role: message.role, content: [{ type: "reasoning", text: message.reasoning }, { type: "text", text: message.content }] });
  }
  if (typeof message.content === "string") return JSON.stringify({ role: message.role, content: message.content });
  const parts = message.content.map((p) => {
    if (p.type === "text") return JSON.stringify(p);
    files.push(p.file);
    const fps = p.type === "video_url" && videoFps !== null ? `, providerOptions: { openaiCompatible: { fps: ${videoFps} } }` : "";
    return `{ type: "file", mediaType: ${JSON.stringify(p.mediaType)}, data: readFileSync(${JSON.stringify(p.file)})${fps} }`;
  });
  return `{ role: ${JSON.stringify(message.role)}, content: [${parts.join(", ")}] }`;
}

/**
 * The AI SDK version: the same createOpenAICompatible call the playground
 * makes, tools as SDK tools (the SDK writes them, and tool_choice, itself),
 * attachments as file parts, every other parameter as a raw body field.
 */
function typescriptCode(request: CodeRequest, base: string, params: Record<string, unknown>): string {
  const name = request.provider.replace(/[^a-z0-9]/g, "");
  const { tools, tool_choice: toolChoice, ...fields } = params;
  const system = request.messages.find((m) => m.role === "system");
  const files: string[] = [];
  const messages = request.messages.filter((m) => m.role !== "system").map((m) => sdkMessage(m, files, fpsBesideVideo(request)));
  const toolEntries = (Array.isArray(tools) ? (tools as ToolSpec[]) : []).filter((t) => t.function?.name);
  const choice =
    toolChoice === "auto" || toolChoice === "none" || toolChoice === "required"
      ? JSON.stringify(toolChoice)
      : toolChoice && typeof toolChoice === "object" && (toolChoice as ToolSpec).function?.name
        ? `{ type: "tool", toolName: ${JSON.stringify((toolChoice as ToolSpec).function!.name)} }`
        : null;
  const sdkImports = ["streamText", ...(toolEntries.length ? ["jsonSchema", "tool"] : [])].join(", ");
  const toolsCode = toolEntries.length
    ? `\n  tools: {\n${toolEntries
        .map((t) => `    ${JSON.stringify(t.function!.name)}: tool({${t.function!.description ? ` description: ${JSON.stringify(t.function!.description)},` : ""} inputSchema: jsonSchema(${JSON.stringify(t.function!.parameters ?? { type: "object", properties: {} })}) }),`)
        .join("\n")}\n  },`
    : "";
  return `${files.length ? 'import { readFileSync } from "node:fs";\n' : ""}import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { ${sdkImports} } from "ai";
${files.length ? `\n// The attachments: save them next to this script as ${files.join(", ")}.\n` : ""}
const provider = createOpenAICompatible({
  name: ${JSON.stringify(name)},
  baseURL: ${JSON.stringify(base)},${request.keyEnv ? `\n  apiKey: process.env.${request.keyEnv},` : ""}
  includeUsage: true,
});

const result = streamText({
  model: provider.chatModel(${JSON.stringify(request.model)}),${system && typeof system.content === "string" ? `\n  system: ${JSON.stringify(system.content)},` : ""}
  messages: [
${messages.map((m) => `    ${m},`).join("\n")}
  ],${toolsCode}${choice ? `\n  toolChoice: ${choice},` : ""}
  // Every other parameter as a top-level body field, named as the provider names it.
  providerOptions: { ${name}: ${indentJson(fields, 2)} },
});

for await (const text of result.textStream) process.stdout.write(text);
console.log("\\n", await result.usage);
`;
}

export function generateCode(request: CodeRequest): GeneratedCode {
  const gateway = request.gatewayBaseUrl ? { gateway: gatewayCode(request, request.gatewayBaseUrl) } : {};
  return { ...providerCode(request), ...gateway };
}

function providerCode(request: CodeRequest): GeneratedCode {
  const base = request.baseUrl.replace(/\/+$/, "");
  if (request.api === "json-per-model") return jsonPerModelCode(request, `${base}/${request.model}`);

  const params = wireParams(request);
  const messages = wireMessages(request.messages, fpsBesideVideo(request));
  const body = { model: request.model, messages, stream: true, stream_options: { include_usage: true }, ...params };
  const auth = request.keyEnv ? ` \\\n  -H "Authorization: Bearer $${request.keyEnv}"` : "";
  const curl = `curl ${base}/chat/completions${auth} \\\n  -H "Content-Type: application/json" \\\n  -d ${shellQuote(JSON.stringify(body, null, 2))}`;

  const typescript = typescriptCode(request, base, params);

  const kwargs = Object.entries(params).filter(([k]) => OPENAI_KWARGS.has(k));
  const extra = Object.fromEntries(Object.entries(params).filter(([k]) => !OPENAI_KWARGS.has(k)));
  const python = `import os
from openai import OpenAI

client = OpenAI(base_url=${JSON.stringify(base)}, api_key=${request.keyEnv ? `os.environ[${JSON.stringify(request.keyEnv)}]` : `"not-needed"`})

stream = client.chat.completions.create(
    model=${JSON.stringify(request.model)},
    messages=${pythonLiteral(messages, 1)},
    stream=True,
    stream_options={"include_usage": True},${kwargs.map(([k, v]) => `\n    ${k}=${pythonLiteral(v, 1)},`).join("")}${Object.keys(extra).length ? `\n    extra_body=${pythonLiteral(extra, 1)},` : ""}
)
for chunk in stream:
    if chunk.choices and chunk.choices[0].delta.content:
        print(chunk.choices[0].delta.content, end="")
    if chunk.usage:
        print("\\n", chunk.usage)
`;
  return { curl, typescript, python };
}

/** UI messages (text and file parts) as the code's messages. */
const EXTENSIONS: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp", "image/gif": "gif", "video/mp4": "mp4", "video/webm": "webm", "video/quicktime": "mov" };

type UiPartLike = { type: string; text?: string; mediaType?: string; url?: string; filename?: string; toolCallId?: string; toolName?: string; state?: string; input?: unknown; output?: unknown };

/** An answer's parts cut at each step: a step that called tools is followed by their results. */
function answerSteps(parts: UiPartLike[]): UiPartLike[][] {
  const steps: UiPartLike[][] = [[]];
  for (const part of parts) {
    if (part.type === "step-start") {
      if (steps.at(-1)!.length) steps.push([]);
      continue;
    }
    steps.at(-1)!.push(part);
  }
  return steps.filter((step) => step.length > 0);
}

function isToolPart(part: UiPartLike): boolean {
  return part.type === "dynamic-tool" || part.type.startsWith("tool-");
}

export function toCodeMessages(messages: { role: string; parts: UiPartLike[] }[], system?: string | null): CodeMessage[] {
  const out: CodeMessage[] = system ? [{ role: "system", content: system }] : [];
  let attachment = 0;
  for (const m of messages) {
    if (m.role !== "user" && m.role !== "assistant") continue;
    for (const step of m.role === "assistant" ? answerSteps(m.parts) : [m.parts]) {
      const parts: CodePart[] = step.flatMap((p): CodePart[] => {
        if (p.type === "text" && p.text) return [{ type: "text", text: p.text }];
        if (p.type === "file" && p.mediaType) {
          attachment++;
          const file = p.filename && /^[\w.-]+$/.test(p.filename) ? p.filename : `attachment-${attachment}.${EXTENSIONS[p.mediaType] ?? "bin"}`;
          return [{ type: p.mediaType.startsWith("video/") ? "video_url" : "image_url", note: `base64 of ${file}`, mediaType: p.mediaType, file }];
        }
        return [];
      });
      const onlyText = parts.every((p) => p.type === "text");
      const reasoning = m.role === "assistant" ? step.filter((p) => p.type === "reasoning" && p.text).map((p) => p.text).join("") : "";
      // Like the server, a call that never got a result is not replayed.
      const answered = step.filter((p) => isToolPart(p) && p.state === "output-available" && p.toolCallId);
      const toolCalls = answered.map((p) => ({ id: p.toolCallId!, name: p.toolName ?? p.type.replace(/^tool-/, ""), input: p.input ?? {} }));
      if (parts.length === 0 && !reasoning && toolCalls.length === 0) continue;
      out.push({ role: m.role, content: onlyText ? parts.map((p) => (p as { text: string }).text).join("") : parts, ...(reasoning ? { reasoning } : {}), ...(toolCalls.length ? { toolCalls } : {}) });
      for (const [i, p] of answered.entries()) {
        out.push({ role: "tool", toolCallId: toolCalls[i]!.id, toolName: toolCalls[i]!.name, output: p.output, content: typeof p.output === "string" ? p.output : JSON.stringify(p.output ?? null) });
      }
    }
  }
  return out;
}
