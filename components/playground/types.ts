import type { PublicCatalog } from "@/lib/catalog/public-catalog";

export type CatalogView = Omit<PublicCatalog, "offerings"> & { offerings: (PublicCatalog["offerings"][number] & { allowed?: boolean })[] };
/** `allowed`: whether the viewer's role may run it (admins limit roles to some offerings). */
export type OfferingView = PublicCatalog["offerings"][number] & { allowed?: boolean };

export function offeringKey(o: { provider: string; providerModelId: string }): string {
  return `${o.provider}::${o.providerModelId}`;
}
