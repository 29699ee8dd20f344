import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { allowedFor, readOfferingAccess } from "@/lib/team/offering-access";
import { getPublicCatalog, type PublicCatalog } from "./public-catalog";

export type ActorCatalog = PublicCatalog & { offerings: (PublicCatalog["offerings"][number] & { allowed: boolean })[] };

/** The public catalog with, per offering, whether this actor's role may run it. */
export async function getCatalogFor(actor: Pick<Actor, "role">): Promise<ActorCatalog> {
  const [catalog, access] = await Promise.all([getPublicCatalog(), readOfferingAccess()]);
  return { ...catalog, offerings: catalog.offerings.map((o) => ({ ...o, allowed: allowedFor(access, actor.role, o.provider, o.providerModelId) })) };
}
