import type { Pricing } from "@/lib/catalog/schema";

export type CostUsage = {
  inputTokens: number | null;
  outputTokens: number | null;
  /** Part of outputTokens; billed as output. */
  reasoningTokens?: number | null;
  /** Part of inputTokens read from the provider's cache. */
  cachedInputTokens?: number | null;
  /** Part of inputTokens written to the provider's cache. */
  cacheWriteTokens?: number | null;
  /** Built-in tool invocations, keyed as the provider reports them. */
  toolCalls?: Record<string, number>;
};

type CostBreakdown = {
  inputUsd: number;
  cachedInputUsd: number;
  cacheWriteUsd: number;
  outputUsd: number;
  toolsUsd: number;
};

export type CostResult = {
  /** null when the price or the usage needed is unknown. */
  totalUsd: number | null;
  breakdown: CostBreakdown | null;
  tier: { upToInputTokens: number | null } | null;
  issues: string[];
};

const PER_MTOK = 1_000_000;

function pickTier(pricing: Pricing, inputTokens: number, issues: string[]) {
  const tier = pricing.tiers.find((t) => t.upToInputTokens === null || inputTokens <= t.upToInputTokens);
  if (tier) return tier;
  issues.push(`input of ${inputTokens} tokens exceeds the largest price tier; billed at the last tier`);
  return pricing.tiers[pricing.tiers.length - 1]!;
}

/**
 * Cost of one run = price table x usage. Pure and deterministic: the one place
 * cost is computed, on the server for the record and in the browser for estimates.
 */
export function computeCost(pricing: Pricing | null, usage: CostUsage): CostResult {
  const issues: string[] = [];
  if (!pricing) return { totalUsd: null, breakdown: null, tier: null, issues: ["price unknown for this offering"] };
  if (usage.inputTokens == null || usage.outputTokens == null) {
    return { totalUsd: null, breakdown: null, tier: null, issues: ["token usage unknown"] };
  }
  const tier = pickTier(pricing, usage.inputTokens, issues);
  const cached = Math.min(usage.cachedInputTokens ?? 0, usage.inputTokens);
  const written = Math.min(usage.cacheWriteTokens ?? 0, usage.inputTokens - cached);
  const uncached = usage.inputTokens - cached - written;

  const cachedRate = pricing.cachedInputPerMTok ?? tier.inputPerMTok;
  if (cached > 0 && pricing.cachedInputPerMTok === undefined) issues.push("no cached-input price: cached tokens billed at the input price");
  const writeRate = pricing.cacheWritePerMTok ?? tier.inputPerMTok;

  let toolsUsd = 0;
  for (const [tool, count] of Object.entries(usage.toolCalls ?? {})) {
    const price = pricing.toolCallPrices[tool];
    if (price === undefined) {
      issues.push(`no price for tool "${tool}"`);
      continue;
    }
    toolsUsd += price * count;
  }

  const breakdown: CostBreakdown = {
    inputUsd: (uncached * tier.inputPerMTok) / PER_MTOK,
    cachedInputUsd: (cached * cachedRate) / PER_MTOK,
    cacheWriteUsd: (written * writeRate) / PER_MTOK,
    // Reasoning tokens are part of output tokens and billed at the output rate.
    outputUsd: (usage.outputTokens * tier.outputPerMTok) / PER_MTOK,
    toolsUsd,
  };
  const total = breakdown.inputUsd + breakdown.cachedInputUsd + breakdown.cacheWriteUsd + breakdown.outputUsd + breakdown.toolsUsd;
  // Round once, at the total, to a tenth of a micro-dollar.
  return { totalUsd: Math.round(total * 1e10) / 1e10, breakdown, tier: { upToInputTokens: tier.upToInputTokens }, issues };
}
