import type { Pricing } from "@/lib/catalog/schema";
import { computeCost, type CostUsage } from "./compute-cost";

/** Past this relative gap between computed and provider-billed cost, the run says so. */
export const RECONCILE_TOLERANCE = 0.1;

export type CostOutcome = {
  /** Computed cost; 0 for a run that failed before its first token; null when the price or usage is unknown. */
  costUsd: number | null;
  /** Plain sentences shown on the run: why the cost is what it is, and what it could not include. */
  notes: string[];
};

const usd = (value: number) => `$${value.toPrecision(3)}`;

/** Whether computed and billed cost differ by more than the tolerance (of the larger). */
export function costsDisagree(costUsd: number | null, providerCostUsd: number | null): boolean {
  if (costUsd === null || providerCostUsd === null) return false;
  const larger = Math.max(Math.abs(costUsd), Math.abs(providerCostUsd));
  return larger > 0 && Math.abs(costUsd - providerCostUsd) > RECONCILE_TOLERANCE * larger;
}

/**
 * A run's cost and what the user should know about it, in one place:
 * - a run that failed before its first token (a 429, a refusal, a stall that
 *   timed out) was billed nothing by the provider: $0, never an estimate;
 * - a price the run could not use (a tool without a price, a cache-write price
 *   with no cache-write tokens reported) is said, not silently left out;
 * - a provider-billed cost more than 10% away from the computed one is shown
 *   beside it with the difference.
 */
export function explainCost(input: { pricing: Pricing | null; usage: CostUsage; providerCostUsd: number | null; failedBeforeFirstToken: boolean }): CostOutcome {
  const { pricing, usage, providerCostUsd } = input;
  if (input.failedBeforeFirstToken && providerCostUsd === null) {
    return { costUsd: 0, notes: ["Failed before the first token: the provider bills nothing for a refused or failed request, so this run costs $0."] };
  }
  const cost = computeCost(pricing, usage);
  const notes: string[] = [];
  // Where the provider billed the run itself, its figure is the cost to show; no price table is needed.
  if (!pricing && providerCostUsd === null) notes.push("No price is known for this offering, so its cost is unknown (not $0).");
  for (const issue of cost.issues) {
    if (issue.startsWith("no price for tool")) notes.push(`Not in the cost: ${issue} (the provider reported using it).`);
    else if (issue.startsWith("no cached-input price") || issue.startsWith("input of")) notes.push(`Cost note: ${issue}.`);
  }
  if (pricing?.cacheWritePerMTok !== undefined && usage.cacheWriteTokens == null && (usage.inputTokens ?? 0) > 0) {
    notes.push("This offering charges for cache writes, but the provider reported no cache-write tokens: any cache-write charge is missing from the computed cost.");
  }
  if (costsDisagree(cost.totalUsd, providerCostUsd)) {
    const gap = providerCostUsd! - cost.totalUsd!;
    notes.push(
      `The provider billed ${usd(providerCostUsd!)}; the price table gives ${usd(cost.totalUsd!)} (${gap > 0 ? "+" : "-"}${usd(Math.abs(gap))}). The price table may be out of date, or the provider bills otherwise.`,
    );
  }
  return { costUsd: cost.totalUsd, notes };
}
