// The simulator's "model": a pure function from a chat-completions request to
// the reasoning, answer, tool call and usage it will stream. Same seed + same
// input = same output, so tests and benchmarks have ground truth.

import { valueForSchema } from "./json-from-schema";

type SimMessage = { role: string; content: unknown };
type SimTool = { type?: string; function: { name: string; description?: string; parameters?: unknown } };

export type SimRequest = {
  model: string;
  messages: SimMessage[];
  params: Record<string, unknown>;
  tools?: SimTool[];
  toolChoice?: unknown;
  /** Descriptions of the media parts of the last user message (see describe-attachments.ts). */
  attachments?: string[];
};

export type SimResult = {
  reasoningTokens: string[];
  answerTokens: string[];
  toolCall: { id: string; name: string; arguments: string } | null;
  finishReason: "stop" | "length" | "tool_calls";
  usage: { promptTokens: number; completionTokens: number; reasoningTokens: number };
};

const SIM_DEFAULTS = { seed: 0, enableThinking: true, thinkingBudget: 4096, maxTokens: 4096 } as const;

const WORDS =
  "latency throughput provider token stream cache context window budget sample price region gateway reasoning answer model parameter benchmark request response measure honest careful quick steady signal batch queue route".split(
    " ",
  );

/** Splits text into tokens: each token is a word with its leading whitespace. */
export function tokenize(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}

export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function messageText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (part && typeof part === "object" && "text" in part && typeof part.text === "string" ? part.text : ""))
      .filter(Boolean)
      .join("\n");
  }
  return "";
}

function filler(random: () => number, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const word = WORDS[Math.floor(random() * WORDS.length)]!;
    out.push(i % 12 === 0 ? word[0]!.toUpperCase() + word.slice(1) : word);
    if (i % 12 === 11) out[out.length - 1] += ".";
    // A paragraph every six sentences, as real answers have (whitespace never changes the token count).
    if (i % 72 === 71 && i < count - 1) out[out.length - 1] += "\n";
  }
  return `${out.join(" ").replace(/\n /g, "\n\n")}.`;
}

/** "write 500 words" / "2000 tokens" in the prompt sets the answer length. */
function requestedLength(text: string): number | null {
  const match = text.match(/(\d{1,6})\s*(words|tokens)/i);
  return match ? Math.min(Number(match[1]), 200_000) : null;
}

function describeParams(params: Record<string, unknown>): string {
  const entries = Object.entries(params);
  if (entries.length === 0) return "none (provider defaults)";
  return entries.map(([k, v]) => `\`${k}=${JSON.stringify(v)}\``).join(", ");
}

function numberParam(params: Record<string, unknown>, name: string, fallback: number): number {
  const value = params[name];
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

function pickTool(request: SimRequest, lastUser: string): SimTool | null {
  const tools = request.tools ?? [];
  if (tools.length === 0 || request.toolChoice === "none") return null;
  const choice = request.toolChoice;
  if (choice && typeof choice === "object" && "function" in choice) {
    const name = (choice as { function?: { name?: string } }).function?.name;
    return tools.find((t) => t.function.name === name) ?? null;
  }
  if (choice === "required") return tools[0]!;
  const lower = lastUser.toLowerCase();
  return tools.find((t) => t.function.name.toLowerCase().split(/[_\-\s]+/).some((w) => w.length > 3 && lower.includes(w))) ?? null;
}

function toolArguments(tool: SimTool, lastUser: string): string {
  const schema = tool.function.parameters as { properties?: Record<string, { type?: string; enum?: unknown[] }> } | undefined;
  const args: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(schema?.properties ?? {})) {
    if (Array.isArray(prop?.enum) && prop.enum.length > 0) args[name] = prop.enum[0];
    else if (prop?.type === "number" || prop?.type === "integer") args[name] = 1;
    else if (prop?.type === "boolean") args[name] = true;
    else args[name] = lastUser.slice(0, 40);
  }
  return JSON.stringify(args);
}

function cutAtStop(text: string, stops: string[]): { text: string; stopped: boolean } {
  let cut = -1;
  for (const stop of stops) {
    const at = text.indexOf(stop);
    if (at >= 0 && (cut < 0 || at < cut)) cut = at;
  }
  return cut >= 0 ? { text: text.slice(0, cut), stopped: true } : { text, stopped: false };
}

export function simulateCompletion(request: SimRequest): SimResult {
  const { params } = request;
  const seed = numberParam(params, "seed", SIM_DEFAULTS.seed);
  const lastUserMessage = [...request.messages].reverse().find((m) => m.role === "user");
  const lastUser = messageText(lastUserMessage?.content).trim();
  const random = mulberry32(fnv1a(`${seed}\u0000${request.model}\u0000${JSON.stringify(request.messages)}`));
  const thinking = params.enable_thinking !== false;
  const promptTokens = request.messages.reduce((n, m) => n + 4 + tokenize(messageText(m.content)).length, 0);

  const reasoningTokens = thinking
    ? tokenize(
        `The user wrote: "${lastUser.slice(0, 160)}". I am the simulator for ${request.model}, so I will restate the request, ` +
          `list the parameters I received and then answer. ${filler(random, 24 + Math.floor(random() * 24))}`,
      ).slice(0, Math.max(1, numberParam(params, "thinking_budget", SIM_DEFAULTS.thinkingBudget)))
    : [];

  // After a tool result the simulator answers in text, so agent loops end.
  const last = request.messages[request.messages.length - 1];
  const afterToolResult = last?.role === "tool";
  const tool = afterToolResult ? null : pickTool(request, lastUser);
  if (tool) {
    const toolCall = { id: `call_sim_${fnv1a(tool.function.name + seed).toString(16)}`, name: tool.function.name, arguments: toolArguments(tool, lastUser) };
    const toolTokens = tokenize(toolCall.arguments).length + 4;
    return {
      reasoningTokens,
      answerTokens: [],
      toolCall,
      finishReason: "tool_calls",
      usage: { promptTokens, completionTokens: reasoningTokens.length + toolTokens, reasoningTokens: reasoningTokens.length },
    };
  }

  const maxTokens = Math.max(1, numberParam(params, "max_completion_tokens", numberParam(params, "max_tokens", SIM_DEFAULTS.maxTokens)));
  const format = params.response_format as { type?: string; json_schema?: { schema?: object } } | undefined;
  if (format?.type === "json_schema" || format?.type === "json_object") {
    const value =
      format.type === "json_schema" ? valueForSchema(format.json_schema?.schema ?? {}, random) : { answer: filler(random, 6).trim(), you_said: lastUser.slice(0, 80), seed };
    // JSON has no spaces to split on: stream it in pieces of 4 characters.
    const all = JSON.stringify(value).match(/[\s\S]{1,4}/g) ?? [];
    const answerTokens = all.slice(0, maxTokens);
    return {
      reasoningTokens,
      answerTokens,
      toolCall: null,
      finishReason: all.length > maxTokens ? "length" : "stop",
      usage: { promptTokens, completionTokens: reasoningTokens.length + answerTokens.length, reasoningTokens: reasoningTokens.length },
    };
  }

  const requested = requestedLength(lastUser);
  const intro =
    `**Simulated answer** from \`${request.model}\` (seed ${seed}).\n\n` +
    `You said: "${lastUser.slice(0, 300)}"\n\n` +
    (afterToolResult ? `Tool result received: ${messageText(last?.content).slice(0, 300)}\n\n` : "") +
    `Parameters received: ${describeParams(params)}.\n\n` +
    (request.attachments?.length ? `Attachments received:\n${request.attachments.map((a, i) => `${i + 1}. ${a}`).join("\n")}\n\n` : "") +
    "```ts\nfunction tokensPerSecond(tokens: number, seconds: number): number {\n  return tokens / seconds;\n}\n```\n\n";
  const introTokens = tokenize(intro).length;
  const body = filler(random, Math.max(8, (requested ?? 40 + Math.floor(random() * 40)) - introTokens));
  const stopParam = typeof params.stop === "string" ? [params.stop] : params.stop;
  const stops = Array.isArray(stopParam) ? stopParam.filter((s): s is string => typeof s === "string" && s.length > 0) : [];
  const { text, stopped } = cutAtStop(intro + body, stops);
  const all = tokenize(text);
  const answerTokens = all.slice(0, maxTokens);
  const finishReason = all.length > maxTokens ? "length" : stopped ? "stop" : "stop";

  return {
    reasoningTokens,
    answerTokens,
    toolCall: null,
    finishReason,
    usage: { promptTokens, completionTokens: reasoningTokens.length + answerTokens.length, reasoningTokens: reasoningTokens.length },
  };
}
