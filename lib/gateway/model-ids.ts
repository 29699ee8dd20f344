import "server-only";
import { readSetting, writeSetting } from "@/db/team-queries";
import { findOffering, type Catalog } from "@/lib/catalog";
import { isConfigured } from "@/lib/catalog/public-catalog";
import { providerIdSchema, type Offering, type ProviderCatalog, type ProviderId } from "@/lib/catalog/schema";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { parseOr400 } from "@/lib/http/parse-or-400";
import { audit } from "@/lib/team/audit";

// Gateway model ids: "provider/model-id" names one offering exactly
// ("openrouter/qwen/qwen3.5-flash-02-23", "simulator/qwen3.5-flash"); a bare
// model id ("qwen3.5-flash") is an alias that routes to a default provider,
// chosen by an admin or else the first configured provider that serves it.

const ALIASES_KEY = "model-aliases";
const aliasesSchema = z.record(z.string().max(100), providerIdSchema);

export async function readAliasDefaults(): Promise<Record<string, ProviderId>> {
  const parsed = aliasesSchema.safeParse(await readSetting(ALIASES_KEY));
  return parsed.success ? parsed.data : {};
}

export async function updateAliasDefaults(body: unknown, actor: Actor): Promise<Record<string, ProviderId>> {
  const aliases = parseOr400(aliasesSchema, body);
  const before = await readAliasDefaults();
  await writeSetting(ALIASES_KEY, aliases);
  await audit({ action: "settings.change", actor, target: { type: "setting", id: ALIASES_KEY }, before, after: aliases });
  return aliases;
}

export type ResolvedModel = { provider: ProviderCatalog; offering: Offering; id: string };

function configuredOfferings(catalog: Catalog): { provider: ProviderCatalog; offering: Offering }[] {
  return catalog.providers.filter((p) => isConfigured(p)).flatMap((provider) => provider.offerings.map((offering) => ({ provider, offering })));
}

/** The offering a gateway model id names, or null. */
export async function resolveModelId(catalog: Catalog, id: string): Promise<ResolvedModel | null> {
  const slash = id.indexOf("/");
  if (slash > 0) {
    const provider = providerIdSchema.safeParse(id.slice(0, slash));
    if (provider.success) {
      const offering = findOffering(catalog, provider.data, id.slice(slash + 1));
      const providerEntry = catalog.providers.find((p) => p.id === provider.data);
      if (offering && providerEntry && isConfigured(providerEntry)) return { provider: providerEntry, offering, id };
    }
  }
  const servesAlias = configuredOfferings(catalog).filter((o) => o.offering.modelId === id);
  if (servesAlias.length === 0) return null;
  const preferred = (await readAliasDefaults())[id];
  const chosen = servesAlias.find((o) => o.provider.id === preferred) ?? servesAlias[0]!;
  return { ...chosen, id };
}

export type GatewayModel = { id: string; object: "model"; created: number; owned_by: string; name: string; alias_of?: string };

const CREATED = Math.floor(Date.parse("2026-11-23T00:00:00Z") / 1000);

/** Every configured offering as provider/model-id, then one alias per model. */
export async function gatewayModels(catalog: Catalog): Promise<GatewayModel[]> {
  const offerings = configuredOfferings(catalog);
  const exact = offerings.map(({ provider, offering }) => ({ id: `${provider.id}/${offering.providerModelId}`, object: "model" as const, created: CREATED, owned_by: provider.id, name: `${offering.label} on ${provider.name}` }));
  const aliases: GatewayModel[] = [];
  for (const model of catalog.models) {
    const resolved = await resolveModelId(catalog, model.id);
    if (resolved) aliases.push({ id: model.id, object: "model", created: CREATED, owned_by: resolved.provider.id, name: model.name, alias_of: `${resolved.provider.id}/${resolved.offering.providerModelId}` });
  }
  return [...exact, ...aliases];
}
