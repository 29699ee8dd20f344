import "server-only";
import { readEnv, readSecret } from "@/lib/env";
import { loadCatalog, type Catalog } from "./index";
import type { ProviderCatalog } from "./schema";

export type PublicProvider = Omit<ProviderCatalog, "offerings"> & { configured: boolean };
export type PublicCatalog = {
  models: Catalog["models"];
  providers: PublicProvider[];
  offerings: (Catalog["providers"][number]["offerings"][number] & { provider: ProviderCatalog["id"] })[];
};

/** Whether a provider can be called: a key is set (or none is needed). */
export function isConfigured(provider: ProviderCatalog, env: NodeJS.ProcessEnv = process.env): boolean {
  if (provider.id === "simulator") return true;
  if (provider.id === "openai-compatible") {
    return Boolean(readSecret(provider.baseUrlEnv, env)) && provider.offerings.length > 0;
  }
  return Boolean(readSecret(provider.keyEnv, env));
}

// Validated once per distinct OPENAI_COMPATIBLE_MODELS value, not per request.
let cached: { key: string; catalog: Catalog } | null = null;

export function getCatalog(): Catalog {
  const models = readEnv().openAiCompatibleModels;
  const key = models.join(",");
  if (cached?.key !== key) cached = { key, catalog: loadCatalog(models) };
  return cached.catalog;
}

/** The catalog as clients see it: booleans about keys, never the keys. */
export function getPublicCatalog(env: NodeJS.ProcessEnv = process.env): PublicCatalog {
  const catalog = getCatalog();
  return {
    models: catalog.models,
    providers: catalog.providers.map(({ offerings: _offerings, ...provider }) => ({
      ...provider,
      configured: isConfigured({ ...provider, offerings: _offerings }, env),
    })),
    offerings: catalog.providers.flatMap((p) => p.offerings.map((o) => ({ ...o, provider: p.id }))),
  };
}
