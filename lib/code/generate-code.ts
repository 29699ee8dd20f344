// "View code": the request a run makes, as curl, TypeScript (AI SDK) and
// Python (openai client), against the provider's real endpoint, with the key
// read from an environment variable. Pure: used by the run page and the
// playground draft alike.

export type CodeMessage = { role: "system" | "user" | "assistant"; content: string | CodePart[] };
export type CodePart = { type: "text"; text: string } | { type: "image_url" | "video_url"; note: string; mediaType: string };

export type CodeRequest = {
  provider: string;
  /** The provider's public endpoint (no local override). */
  baseUrl: string;
  keyEnv: string | null;
  model: string;
  params: Record<string, unknown>;
  /** Body field names that differ from the parameter name (AI Gateway's providerOptions). */
  wireNames?: Record<string, string>;
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
  return Object.fromEntries(Object.entries(request.params).map(([k, v]) => [request.wireNames?.[k] ?? k, v]));
}

/** Attachments are data URLs in the real request; the code shows where they go. */
function wireMessages(messages: CodeMessage[]) {
  return messages.map((m) =>
    typeof m.content === "string"
      ? m
      : {
          role: m.role,
          content: m.content.map((p) => (p.type === "text" ? p : { type: p.type, [p.type]: { url: `data:${p.mediaType};base64,<${p.note}>` } })),
        },
  );
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

function segmindCode(request: CodeRequest, url: string): GeneratedCode {
  const body = { messages: wireMessages(request.messages) };
  const key = request.keyEnv ?? "SEGMIND_API_KEY";
  return {
    curl: `curl ${url} \\\n  -H "x-api-key: $${key}" \\\n  -H "Content-Type: application/json" \\\n  -d ${shellQuote(JSON.stringify(body, null, 2))}`,
    typescript: `// Segmind answers with one JSON document (no streaming).
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

export function generateCode(request: CodeRequest): GeneratedCode {
  const gateway = request.gatewayBaseUrl ? { gateway: gatewayCode(request, request.gatewayBaseUrl) } : {};
  return { ...providerCode(request), ...gateway };
}

function providerCode(request: CodeRequest): GeneratedCode {
  const base = request.baseUrl.replace(/\/+$/, "");
  if (request.provider === "segmind") return segmindCode(request, `${base}/${request.model}`);

  const params = wireParams(request);
  const messages = wireMessages(request.messages);
  const body = { model: request.model, messages, stream: true, stream_options: { include_usage: true }, ...params };
  const auth = request.keyEnv ? ` \\\n  -H "Authorization: Bearer $${request.keyEnv}"` : "";
  const curl = `curl ${base}/chat/completions${auth} \\\n  -H "Content-Type: application/json" \\\n  -d ${shellQuote(JSON.stringify(body, null, 2))}`;

  const name = request.provider.replace(/[^a-z0-9]/g, "");
  const system = request.messages.find((m) => m.role === "system");
  const rest = messages.filter((m) => m.role !== "system");
  const typescript = `import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { streamText } from "ai";

const provider = createOpenAICompatible({
  name: ${JSON.stringify(name)},
  baseURL: ${JSON.stringify(base)},${request.keyEnv ? `\n  apiKey: process.env.${request.keyEnv},` : ""}
  includeUsage: true,
});

const result = streamText({
  model: provider.chatModel(${JSON.stringify(request.model)}),${system && typeof system.content === "string" ? `\n  system: ${JSON.stringify(system.content)},` : ""}
  messages: ${indentJson(rest, 2)},
  // Every parameter as a top-level body field, named as the provider names it.
  providerOptions: { ${name}: ${indentJson(params, 2)} },
});

for await (const text of result.textStream) process.stdout.write(text);
console.log("\\n", await result.usage);
`;

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
export function toCodeMessages(messages: { role: string; parts: { type: string; text?: string; mediaType?: string; url?: string }[] }[], system?: string | null): CodeMessage[] {
  const out: CodeMessage[] = system ? [{ role: "system", content: system }] : [];
  for (const m of messages) {
    if (m.role !== "user" && m.role !== "assistant") continue;
    const parts: CodePart[] = m.parts.flatMap((p): CodePart[] => {
      if (p.type === "text" && p.text) return [{ type: "text", text: p.text }];
      if (p.type === "file" && p.mediaType) return [{ type: p.mediaType.startsWith("video/") ? "video_url" : "image_url", note: `base64 of ${p.url ?? "the file"}`, mediaType: p.mediaType }];
      return [];
    });
    const onlyText = parts.every((p) => p.type === "text");
    out.push({ role: m.role, content: onlyText ? parts.map((p) => (p as { text: string }).text).join("") : parts });
  }
  return out;
}
