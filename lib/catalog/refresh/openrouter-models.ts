import { flatPricing, positiveInt, type OfferingUpdate } from "./offering-update";

// GET https://openrouter.ai/api/v1/models (no auth): { data: [{ id, context_length,
// pricing: { prompt, completion, input_cache_read, ... } (USD per token, strings),
// top_provider: { max_completion_tokens }, supported_parameters: [...] }] }.

type OpenRouterModel = {
  id?: string;
  context_length?: unknown;
  pricing?: Record<string, unknown>;
  top_provider?: { max_completion_tokens?: unknown; context_length?: unknown };
  supported_parameters?: unknown;
};

export function parseOpenRouterModels(json: unknown, modelId: string): OfferingUpdate | null {
  const model = ((json as { data?: OpenRouterModel[] })?.data ?? []).find((m) => m.id === modelId);
  if (!model) return null;
  return {
    pricing: flatPricing({ input: model.pricing?.prompt, output: model.pricing?.completion, cacheRead: model.pricing?.input_cache_read, cacheWrite: model.pricing?.input_cache_write }),
    limits: {
      contextTokens: positiveInt(model.context_length) ?? positiveInt(model.top_provider?.context_length),
      maxOutputTokens: positiveInt(model.top_provider?.max_completion_tokens),
    },
    supportedParameters: Array.isArray(model.supported_parameters) ? model.supported_parameters.filter((p): p is string => typeof p === "string") : undefined,
  };
}
