import type { Offering, ParamSpec } from "../schema";
import type { OfferingUpdate } from "./offering-update";
import { STANDARD_PARAMS } from "./standard-params";

export type CatalogChange = { field: string; before: unknown; after: unknown };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function paramChanges(before: ParamSpec[], after: ParamSpec[]): CatalogChange[] {
  const changes: CatalogChange[] = [];
  const old = new Map(before.map((p) => [p.name, p]));
  const next = new Map(after.map((p) => [p.name, p]));
  for (const [name, spec] of next) {
    const prev = old.get(name);
    if (!prev) changes.push({ field: `params.${name}`, before: null, after: "added" });
    else
      for (const key of ["type", "default", "min", "max", "values"] as const) {
        const a = (prev as Record<string, unknown>)[key];
        const b = (spec as Record<string, unknown>)[key];
        if (!same(a, b)) changes.push({ field: `params.${name}.${key}`, before: a ?? null, after: b ?? null });
      }
  }
  for (const name of old.keys()) if (!next.has(name)) changes.push({ field: `params.${name}`, before: "offered", after: "removed" });
  return changes;
}

/**
 * Apply what a provider's model list says to one offering and list what
 * changed. Pure: the built-in offering is never modified.
 */
export function applyUpdate(offering: Offering, update: OfferingUpdate, source: { url: string; checkedAt: string }): { offering: Offering; changes: CatalogChange[] } {
  const changes: CatalogChange[] = [];
  let next: Offering = { ...offering, limits: { ...offering.limits } };

  for (const key of ["contextTokens", "maxOutputTokens"] as const) {
    const value = update.limits?.[key];
    if (value !== undefined && value !== offering.limits[key]) {
      changes.push({ field: `limits.${key}`, before: offering.limits[key] ?? null, after: value });
      next.limits[key] = value;
    }
  }

  const price = update.pricing;
  // A flat price from a list does not replace a tiered table (e.g. :variant1).
  if (price?.tiers && (!offering.pricing || offering.pricing.tiers.length === price.tiers.length)) {
    const before = offering.pricing;
    const pricing = {
      currency: "USD" as const,
      reasoningBilledAs: "output" as const,
      toolCallPrices: before?.toolCallPrices ?? {},
      ...before,
      tiers: price.tiers,
      ...(price.cachedInputPerMTok !== undefined ? { cachedInputPerMTok: price.cachedInputPerMTok } : {}),
      ...(price.cacheWritePerMTok !== undefined ? { cacheWritePerMTok: price.cacheWritePerMTok } : {}),
      source: { ...source, note: "Refreshed from the provider's model list." },
    };
    price.tiers.forEach((tier, i) => {
      const old = before?.tiers[i];
      if (old?.inputPerMTok !== tier.inputPerMTok) changes.push({ field: `pricing.tiers[${i}].inputPerMTok`, before: old?.inputPerMTok ?? null, after: tier.inputPerMTok });
      if (old?.outputPerMTok !== tier.outputPerMTok) changes.push({ field: `pricing.tiers[${i}].outputPerMTok`, before: old?.outputPerMTok ?? null, after: tier.outputPerMTok });
    });
    for (const key of ["cachedInputPerMTok", "cacheWritePerMTok"] as const) {
      if (price[key] !== undefined && price[key] !== before?.[key]) changes.push({ field: `pricing.${key}`, before: before?.[key] ?? null, after: price[key] });
    }
    next = { ...next, pricing };
  }

  let params = offering.params;
  if (update.params) params = update.params;
  else if (update.supportedParameters) {
    const supported = new Set(update.supportedParameters);
    const kept = offering.params.filter((p) => p.wire === "managed" || supported.has(p.name) || (p.wireName !== undefined && supported.has(p.wireName)));
    const added = update.supportedParameters.filter((name) => !offering.params.some((p) => p.name === name) && STANDARD_PARAMS[name]).map((name) => STANDARD_PARAMS[name]!);
    params = [...kept, ...added];
  }
  if (!same(params, offering.params)) {
    changes.push(...paramChanges(offering.params, params));
    next = { ...next, params };
  }
  return { offering: next, changes };
}
