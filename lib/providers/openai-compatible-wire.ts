import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { jsonSchema, tool, type JSONSchema7, type ToolChoice, type ToolSet } from "ai";
import type { Offering, ProviderCatalog, ProviderId } from "@/lib/catalog/schema";
import { type EnvSource, readSecret } from "@/lib/env";
import type { ParamValues } from "@/lib/params/param-validator";
import type { ProviderAdapter, ProviderCallOptions, ProviderConnection } from "./types";

// Shared plumbing for providers that speak OpenAI Chat Completions. Every
// parameter is sent as a top-level body field under its own wire name, so what
// the provider receives is exactly what its page documents.

type OpenAiTool = { type?: string; function: { name: string; description?: string; parameters?: JSONSchema7 } };

/** A Chat Completions model object (not a model id string), so middleware can wrap it. */
type ChatModel = ReturnType<ReturnType<typeof createOpenAICompatible>["chatModel"]>;

export function createChatModel(optionsKey: string, providerModelId: string, connection: ProviderConnection): ChatModel {
  const provider = createOpenAICompatible({
    name: optionsKey,
    baseURL: connection.baseURL,
    apiKey: connection.apiKey,
    headers: connection.headers,
    // Asks for the usage chunk at the end of a stream (DashScope needs it; others ignore it).
    includeUsage: true,
    fetch: connection.fetch,
  });
  return provider.chatModel(providerModelId);
}

function toToolSet(value: unknown): ToolSet {
  const tools: ToolSet = {};
  for (const entry of (Array.isArray(value) ? value : []) as OpenAiTool[]) {
    const name = entry?.function?.name;
    if (!name) continue;
    tools[name] = tool({
      description: entry.function.description,
      inputSchema: jsonSchema(entry.function.parameters ?? { type: "object", properties: {} }),
    });
  }
  return tools;
}

// The SDK writes tool_choice itself after the extra body fields, so it must be
// given as its own option rather than a raw field.
function toToolChoice(value: unknown): ToolChoice<ToolSet> | undefined {
  if (value === "auto" || value === "none" || value === "required") return value;
  if (value && typeof value === "object") {
    const name = (value as { function?: { name?: string } }).function?.name;
    if (name) return { type: "tool", toolName: name };
  }
  return undefined;
}

function openAiCompatibleCallOptions(optionsKey: string, params: ParamValues, offering: Offering): ProviderCallOptions {
  const body: Record<string, unknown> = {};
  let tools: ToolSet | undefined;
  let toolChoice: ToolChoice<ToolSet> | undefined;
  for (const spec of offering.params) {
    const value = params[spec.name];
    if (value === undefined || spec.wire === "managed" || spec.wire === "attachments") continue;
    if (spec.wire === "tools") tools = toToolSet(value);
    else if (spec.name === "tool_choice") toolChoice = toToolChoice(value);
    else body[spec.wireName ?? spec.name] = value;
  }
  return { providerOptions: { [optionsKey]: body }, tools, toolChoice };
}

/** Key from `keyEnv`, base URL from `baseUrlEnv` or the default. */
function connectionFromEnv(provider: ProviderCatalog, env: EnvSource, headers?: Record<string, string>): ProviderConnection | undefined {
  const apiKey = readSecret(provider.keyEnv, env);
  const baseURL = readSecret(provider.baseUrlEnv, env) ?? provider.defaultBaseUrl ?? undefined;
  if (!baseURL || (!apiKey && !provider.keyOptional)) return undefined;
  return { baseURL: baseURL.replace(/\/+$/, ""), apiKey, headers };
}

/** An adapter for a host that speaks OpenAI Chat Completions, with its own extras. */
export function openAiCompatibleAdapter(
  id: ProviderId,
  extras: Pick<ProviderAdapter, "readReport" | "statusWords" | "rewriteEvent" | "catalogSource"> & { headers?: (env: EnvSource) => Record<string, string> } = {},
): ProviderAdapter {
  // The providerOptions key must be a plain identifier: "ai-gateway" -> "aigateway".
  const optionsKey = id.replace(/[^a-z0-9]/g, "");
  return {
    id,
    createModel: (modelId, connection) => createChatModel(optionsKey, modelId, connection),
    callOptions: (params, offering) => openAiCompatibleCallOptions(optionsKey, params, offering),
    connection: (provider, env) => connectionFromEnv(provider, env, extras.headers?.(env)),
    readReport: extras.readReport,
    statusWords: extras.statusWords,
    rewriteEvent: extras.rewriteEvent,
    catalogSource: extras.catalogSource,
  };
}

/** A finite non-negative number from a provider field (numbers or numeric strings). */
export function readAmount(value: unknown): number | undefined {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) && n >= 0 ? n : undefined;
}
