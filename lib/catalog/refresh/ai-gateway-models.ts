import { perMillion, positiveInt, type OfferingUpdate } from "./offering-update";

// GET https://ai-gateway.vercel.sh/v1/models (public): { data: [{ id, context_window,
// max_tokens, pricing: { input, output, input_cache_read?, input_cache_write? } }] }
// with prices in USD per token as strings.

type GatewayModel = { id?: string; context_window?: unknown; max_tokens?: unknown; pricing?: Record<string, unknown> };

export function parseAiGatewayModels(json: unknown, modelId: string): OfferingUpdate | null {
  const model = ((json as { data?: GatewayModel[] })?.data ?? []).find((m) => m.id === modelId);
  if (!model) return null;
  const input = perMillion(model.pricing?.input);
  const output = perMillion(model.pricing?.output);
  const cached = perMillion(model.pricing?.input_cache_read);
  const cacheWrite = perMillion(model.pricing?.input_cache_write);
  return {
    pricing:
      input !== undefined && output !== undefined
        ? { tiers: [{ upToInputTokens: null, inputPerMTok: input, outputPerMTok: output }], ...(cached !== undefined ? { cachedInputPerMTok: cached } : {}), ...(cacheWrite !== undefined ? { cacheWritePerMTok: cacheWrite } : {}) }
        : undefined,
    limits: { contextTokens: positiveInt(model.context_window), maxOutputTokens: positiveInt(model.max_tokens) },
  };
}
