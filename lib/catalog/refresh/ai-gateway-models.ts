import { flatPricing, positiveInt, type OfferingUpdate } from "./offering-update";

// GET https://ai-gateway.vercel.sh/v1/models (public): { data: [{ id, context_window,
// max_tokens, pricing: { input, output, input_cache_read?, input_cache_write? } }] }
// with prices in USD per token as strings.

type GatewayModel = { id?: string; context_window?: unknown; max_tokens?: unknown; pricing?: Record<string, unknown> };

export function parseAiGatewayModels(json: unknown, modelId: string): OfferingUpdate | null {
  const model = ((json as { data?: GatewayModel[] })?.data ?? []).find((m) => m.id === modelId);
  if (!model) return null;
  return {
    pricing: flatPricing({ input: model.pricing?.input, output: model.pricing?.output, cacheRead: model.pricing?.input_cache_read, cacheWrite: model.pricing?.input_cache_write }),
    limits: { contextTokens: positiveInt(model.context_window), maxOutputTokens: positiveInt(model.max_tokens) },
  };
}
