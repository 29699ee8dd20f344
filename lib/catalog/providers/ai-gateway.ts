import type { ProviderCatalogInput } from "../schema";

// From the Vercel AI Gateway model page (shared/seeds/002) for prices, limits
// and capabilities. The page has no parameter table: the parameters are the
// gateway's documented OpenAI-compatible Chat Completions fields.
const pageSource = { url: "https://vercel.com/ai-gateway/models/qwen3.5-flash", checkedAt: "2026-11-23" };
const apiSource = { url: "https://vercel.com/docs/ai-gateway/sdks-and-apis/openai-chat-completions", checkedAt: "2026-11-23" };

export const aiGateway: ProviderCatalogInput = {
  id: "ai-gateway",
  name: "Vercel AI Gateway",
  description: "Vercel's gateway; OpenAI-compatible surface with `reasoning` and provider routing options.",
  docsUrl: "https://vercel.com/docs/ai-gateway",
  keyEnv: "AI_GATEWAY_API_KEY",
  baseUrlEnv: "AI_GATEWAY_BASE_URL",
  defaultBaseUrl: "https://ai-gateway.vercel.sh/v1",
  offerings: [
    {
      modelId: "qwen3.5-flash",
      providerModelId: "alibaba/qwen3.5-flash",
      label: "Qwen3.5 Flash",
      endpoint: "POST https://ai-gateway.vercel.sh/v1/chat/completions",
      limits: { contextTokens: 1_000_000, maxOutputTokens: 64_000 },
      capabilities: {
        inputModalities: ["text", "image", "file"],
        outputModalities: ["text"],
        reasoning: true,
        tools: true,
        structuredOutput: true,
        features: ["vision", "explicit_caching", "file_input", "reasoning", "tool_use"],
      },
      params: [
        { name: "temperature", type: "number", min: 0, max: 2, description: "Sampling temperature; higher values make output more random." },
        { name: "top_p", type: "number", min: 0, max: 1, description: "Nucleus sampling: only tokens within the top P probability mass are considered." },
        { name: "max_tokens", type: "integer", min: 1, max: 64000, description: "Maximum number of tokens to generate." },
        { name: "stop", type: "string_list", maxItems: 4, description: "Up to 4 sequences where generation stops." },
        { name: "seed", type: "integer", description: "Seed for deterministic sampling where the provider supports it." },
        { name: "presence_penalty", type: "number", min: -2, max: 2, description: "Penalise tokens that already appeared." },
        { name: "frequency_penalty", type: "number", min: -2, max: 2, description: "Penalise tokens by how often they appeared." },
        { name: "reasoning", type: "object", description: "Reasoning controls: { enabled, max_tokens | effort, exclude }. effort and max_tokens are mutually exclusive.", example: '{ "enabled": true, "effort": "low" }' },
        { name: "response_format", type: "object", description: "JSON mode or JSON schema structured output.", example: '{ "type": "json_object" }' },
        { name: "tools", type: "array", wire: "tools", description: "OpenAI-style function tool definitions.", example: '[{ "type": "function", "function": { "name": "get_weather", "parameters": { "type": "object", "properties": {} } } }]' },
        { name: "tool_choice", type: "object_or_string", description: "Which tool the model must call: auto, none, required or a named function.", example: '"auto"' },
        { name: "provider_options", wireName: "providerOptions", type: "object", description: "Gateway routing: { gateway: { order: [...], only: [...] } }. Sent as the body field providerOptions.", example: '{ "gateway": { "only": ["alibaba"] } }' },
      ],
      pricing: {
        currency: "USD",
        tiers: [{ upToInputTokens: null, inputPerMTok: 0.1, outputPerMTok: 0.4 }],
        cachedInputPerMTok: 0,
        cacheWritePerMTok: 0.13,
        source: { ...pageSource, note: "Provider Alibaba: $0.10/M input, $0.40/M output, cache read $0.0/M, write $0.13/M." },
      },
      source: { ...apiSource, note: "Limits and capabilities from the model page; parameters from the Chat Completions API docs." },
    },
  ],
};
