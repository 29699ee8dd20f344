import type { PublicCatalog } from "@/lib/catalog/public-catalog";

export type CatalogView = PublicCatalog;
export type OfferingView = PublicCatalog["offerings"][number];
export type ProviderView = PublicCatalog["providers"][number];

export function offeringKey(o: { provider: string; providerModelId: string }): string {
  return `${o.provider}::${o.providerModelId}`;
}
