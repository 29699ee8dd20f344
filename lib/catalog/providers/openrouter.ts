import type { ProviderCatalogInput } from "../schema";

// Transcribed from the OpenRouter model page (shared/seeds/004). The page gives
// names, types and defaults but no ranges; the ranges below are OpenRouter's
// documented API parameter ranges (source note on each offering).
const pageSource = { url: "https://openrouter.ai/qwen/qwen3.5-flash-02-23", checkedAt: "2026-11-23" };

export const openrouter: ProviderCatalogInput = {
  id: "openrouter",
  name: "OpenRouter",
  description: "Router across upstream hosts; OpenAI-compatible with a `reasoning` object and billed cost in usage.",
  docsUrl: "https://openrouter.ai/docs",
  keyEnv: "OPENROUTER_API_KEY",
  baseUrlEnv: "OPENROUTER_BASE_URL",
  defaultBaseUrl: "https://openrouter.ai/api/v1",
  offerings: [
    {
      modelId: "qwen3.5-flash",
      providerModelId: "qwen/qwen3.5-flash-02-23",
      label: "Qwen3.5 Flash",
      endpoint: "POST https://openrouter.ai/api/v1/chat/completions",
      limits: { contextTokens: 1_000_000, maxOutputTokens: 65_536 },
      capabilities: {
        inputModalities: ["text", "image", "video"],
        outputModalities: ["text"],
        reasoning: true,
        tools: true,
        structuredOutput: true,
        features: ["reasoning", "tools", "response_format", "seed"],
      },
      params: [
        { name: "reasoning", type: "object", description: "Controls reasoning behavior for models that support thinking tokens, including whether reasoning is enabled, the reasoning effort, maximum reasoning tokens, and whether reasoning is excluded from the response.", example: '{ "effort": "low" }' },
        { name: "max_tokens", type: "integer", min: 1, max: 65536, description: "This sets the upper limit for the number of tokens the model can generate in response." },
        { name: "temperature", type: "number", default: 1, min: 0, max: 2, description: "This setting influences the variety in the model's responses." },
        { name: "top_p", type: "number", default: 1, min: 0, max: 1, description: "This setting limits the model's choices to a percentage of likely tokens: only the top tokens whose probabilities add up to P." },
        { name: "seed", type: "integer", description: "If specified, the inferencing will sample deterministically, such that repeated requests with the same seed and parameters should return the same result." },
        { name: "presence_penalty", type: "number", default: 0, min: -2, max: 2, description: "Adjusts how often the model repeats specific tokens already used in the input." },
        { name: "response_format", type: "object", description: "Forces the model to produce specific output format.", example: '{ "type": "json_object" }' },
        { name: "tools", type: "array", wire: "tools", description: "Tool calling parameter, following OpenAI's tool calling request shape.", example: '[{ "type": "function", "function": { "name": "get_weather", "parameters": { "type": "object", "properties": {} } } }]' },
        { name: "tool_choice", type: "object_or_string", description: "Controls which (if any) tool is called by the model.", example: '"auto"' },
      ],
      pricing: {
        currency: "USD",
        tiers: [{ upToInputTokens: null, inputPerMTok: 0.065, outputPerMTok: 0.26 }],
        source: { ...pageSource, note: "Listed as 35% off. OpenRouter also reports the billed cost in usage.cost." },
      },
      source: { ...pageSource, note: "Ranges from https://openrouter.ai/docs/api-reference/parameters (the model page lists none)." },
    },
  ],
};
