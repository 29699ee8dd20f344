import { z } from "zod";
import { paramSpecSchema, priceTierSchema } from "../schema";

/** What a provider's model list says about one offering; every field optional. */
export const offeringUpdateSchema = z.object({
  pricing: z
    .object({
      tiers: z.array(priceTierSchema).min(1).optional(),
      cachedInputPerMTok: z.number().nonnegative().optional(),
      cacheWritePerMTok: z.number().nonnegative().optional(),
    })
    .optional(),
  limits: z.object({ contextTokens: z.number().int().positive().optional(), maxOutputTokens: z.number().int().positive().optional() }).optional(),
  /** A full parameter schema (EmpirioLabs publishes one). */
  params: z.array(paramSpecSchema).optional(),
  /** Only the names the provider says it supports (OpenRouter, AI Gateway). */
  supportedParameters: z.array(z.string()).optional(),
});
export type OfferingUpdate = z.infer<typeof offeringUpdateSchema>;

/** USD per token as a string or number -> USD per 1M tokens, or undefined. */
export function perMillion(value: unknown): number | undefined {
  const n = typeof value === "string" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isFinite(n) || n < 0) return undefined;
  return Math.round(n * 1e6 * 1e6) / 1e6;
}

export function positiveInt(value: unknown): number | undefined {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** A single flat price (USD per token in the list) as an update, or undefined when input/output are missing. */
export function flatPricing(prices: { input: unknown; output: unknown; cacheRead?: unknown; cacheWrite?: unknown }): OfferingUpdate["pricing"] {
  const input = perMillion(prices.input);
  const output = perMillion(prices.output);
  if (input === undefined || output === undefined) return undefined;
  const cached = perMillion(prices.cacheRead);
  const cacheWrite = perMillion(prices.cacheWrite);
  return {
    tiers: [{ upToInputTokens: null, inputPerMTok: input, outputPerMTok: output }],
    ...(cached !== undefined ? { cachedInputPerMTok: cached } : {}),
    ...(cacheWrite !== undefined ? { cacheWritePerMTok: cacheWrite } : {}),
  };
}
