import "server-only";
import { listCatalogOverrides } from "@/db/queries";
import { findAdapter } from "@/lib/providers";
import { readImportedOpenAiCompatibleModels } from "./refresh/openai-compatible-models";
import { type EnvSource, processEnv, readEnv, readSecret } from "@/lib/env";
import { loadCatalog, type Catalog } from "./index";
import { offeringUpdateSchema } from "./refresh/offering-update";
import { applyUpdate } from "./refresh/apply-update";
import { offeringSchema, type ProviderCatalog } from "./schema";

/** `serverUrl`: where a self-hosted server (openai-compatible) was configured to be; it has no public endpoint of its own. */
type PublicProvider = Omit<ProviderCatalog, "offerings"> & { configured: boolean; serverUrl?: string };
export type PublicCatalog = {
  models: Catalog["models"];
  providers: PublicProvider[];
  offerings: (Catalog["providers"][number]["offerings"][number] & { provider: ProviderCatalog["id"] })[];
};

/** Whether a provider can be called: its adapter finds a connection (key and base URL) and it has offerings. */
export function isConfigured(provider: ProviderCatalog, env: EnvSource = processEnv()): boolean {
  return provider.offerings.length > 0 && findAdapter(provider.id)?.connection(provider, env) !== undefined;
}

// Built once per distinct OPENAI_COMPATIBLE_MODELS value, not per request;
// dropped when a catalog refresh stores new data. Kept on globalThis because
// Next bundles each route separately: a module variable would exist once per
// route, and a refresh in one would leave the others stale.
const state = globalThis as unknown as { playgroundCatalog?: { key: string; catalog: Promise<Catalog> } | null };

export function invalidateCatalog(): void {
  state.playgroundCatalog = null;
}

/** The built-in catalog with the last refresh from each provider's model list merged over it. */
async function buildCatalog(models: string[]): Promise<Catalog> {
  // Models imported from the OpenAI-compatible server's /models by a catalog refresh join those in OPENAI_COMPATIBLE_MODELS.
  const imported = await readImportedOpenAiCompatibleModels().catch(() => []);
  const catalog = loadCatalog([...new Set([...models, ...imported])]);
  const overrides = await listCatalogOverrides().catch(() => []);
  for (const row of overrides) {
    const provider = catalog.providers.find((p) => p.id === row.provider);
    const index = provider?.offerings.findIndex((o) => o.providerModelId === row.providerModelId) ?? -1;
    const update = offeringUpdateSchema.safeParse(row.update);
    if (!provider || index < 0 || !update.success) continue;
    const at = row.fetchedAt.toISOString();
    const { offering } = applyUpdate(provider.offerings[index]!, update.data, { url: row.sourceUrl, checkedAt: at.slice(0, 10) });
    const valid = offeringSchema.safeParse({ ...offering, refreshed: { at, url: row.sourceUrl } });
    if (valid.success) provider.offerings[index] = valid.data;
  }
  return catalog;
}

export function getCatalog(): Promise<Catalog> {
  const models = readEnv().openAiCompatibleModels;
  const key = models.join(",");
  const cached = state.playgroundCatalog;
  if (cached?.key === key) return cached.catalog;
  const fresh = { key, catalog: buildCatalog(models) };
  state.playgroundCatalog = fresh;
  return fresh.catalog;
}

/** The catalog as clients see it: booleans about keys, never the keys. */
export async function getPublicCatalog(env: EnvSource = processEnv()): Promise<PublicCatalog> {
  const catalog = await getCatalog();
  return {
    models: catalog.models,
    providers: catalog.providers.map(({ offerings: _offerings, ...provider }) => ({
      ...provider,
      configured: isConfigured({ ...provider, offerings: _offerings }, env),
      ...(provider.defaultBaseUrl === null && !provider.builtIn ? { serverUrl: readSecret(provider.baseUrlEnv, env) } : {}),
    })),
    offerings: catalog.providers.flatMap((p) => p.offerings.map((o) => ({ ...o, provider: p.id }))),
  };
}
