import type { ProviderCatalogInput } from "../schema";

// Any OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio). Its models
// come from OPENAI_COMPATIBLE_MODELS, so offerings are made from that list with
// the standard Chat Completions parameters and no price (self-hosted).
const source = { url: "https://platform.openai.com/docs/api-reference/chat/create", checkedAt: "2026-11-23" };

export function openAiCompatibleCatalog({ openAiCompatibleModels: modelIds }: { openAiCompatibleModels: string[] }): ProviderCatalogInput {
  return {
    id: "openai-compatible",
    name: "OpenAI-compatible server",
    description: "Any server speaking OpenAI Chat Completions: Ollama, vLLM, llama.cpp, LM Studio.",
    keyEnv: "OPENAI_COMPATIBLE_API_KEY",
    keyOptional: true,
    baseUrlEnv: "OPENAI_COMPATIBLE_BASE_URL",
    defaultBaseUrl: null,
    offerings: modelIds.map((id) => ({
      modelId: id.toLowerCase().includes("qwen3.5-4b") ? "qwen3.5-4b" : id.toLowerCase().includes("qwen3.5-flash") ? "qwen3.5-flash" : id,
      providerModelId: id,
      label: id,
      limits: { contextTokens: 131_072 },
      capabilities: {
        inputModalities: ["text", "image"],
        outputModalities: ["text"],
        reasoning: true,
        tools: true,
        structuredOutput: true,
        features: [],
      },
      params: [
        { name: "temperature", type: "number", min: 0, max: 2, description: "Sampling temperature." },
        { name: "top_p", type: "number", min: 0, max: 1, description: "Nucleus sampling probability mass." },
        { name: "max_tokens", type: "integer", min: 1, description: "Maximum number of tokens to generate." },
        { name: "stop", type: "string_list", maxItems: 4, description: "Up to 4 sequences where generation stops." },
        { name: "seed", type: "integer", description: "Seed for reproducible sampling." },
        { name: "presence_penalty", type: "number", min: -2, max: 2, description: "Penalise tokens that already appeared." },
        { name: "frequency_penalty", type: "number", min: -2, max: 2, description: "Penalise tokens by frequency." },
        { name: "response_format", type: "object", description: "JSON mode or JSON schema.", example: '{ "type": "json_object" }' },
        { name: "tools", type: "array", wire: "tools", description: "OpenAI-style function tools.", example: "[]" },
        { name: "tool_choice", type: "object_or_string", description: "auto, none, required or a named function.", example: '"auto"' },
      ],
      pricing: null,
      source,
    })),
  };
}
