import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { audit } from "@/lib/team/audit";
import { saveCatalogOverride } from "@/db/queries";
import { type EnvSource, processEnv, readSecret } from "@/lib/env";
import { providerModules } from "@/lib/providers";
import type { CatalogSource } from "@/lib/providers/types";
import { getCatalog, invalidateCatalog } from "../public-catalog";
import type { ProviderCatalog, ProviderId } from "../schema";
import { applyUpdate, type CatalogChange } from "./apply-update";
import { parseOpenAiModelList, saveImportedOpenAiCompatibleModels } from "./openai-compatible-models";

// Pull current prices, limits and parameters from the providers that publish
// a model list, store them, and report what changed. A provider that cannot be
// reached (offline, error, unknown shape) changes nothing: the built-in data stays.

export type RefreshReport = {
  provider: ProviderId;
  /** True when every request to this provider succeeded. */
  ok: boolean;
  error?: string;
  offerings: { providerModelId: string; ok: boolean; error?: string; changes: CatalogChange[] }[];
};

type ModelPages = Extract<CatalogSource, { kind: "model-pages" }>;

const TIMEOUT_MS = 10_000;

async function fetchJson(url: string, key: string | undefined): Promise<unknown> {
  const response = await fetch(url, { headers: key ? { authorization: `Bearer ${key}` } : {}, signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) throw new Error(`HTTP ${response.status} from ${new URL(url).pathname}`);
  return response.json();
}

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.name === "TimeoutError" ? `no answer within ${TIMEOUT_MS / 1000} s` : error.message;
}

async function refreshProvider(source: ModelPages, provider: ProviderCatalog, env: EnvSource, now: Date): Promise<RefreshReport> {
  const base = (readSecret(provider.baseUrlEnv, env) ?? provider.defaultBaseUrl ?? "").replace(/\/+$/, "");
  const key = readSecret(provider.keyEnv, env);
  const offerings: RefreshReport["offerings"] = [];
  // Each request stands alone: what answered is stored, what failed keeps its built-in data.
  for (const { url, offering: only } of source.urls(provider, base)) {
    const targets = only ? [only] : provider.offerings;
    try {
      const json = await fetchJson(url, key);
      for (const offering of targets) {
        const update = source.parse(json, offering);
        if (!update) {
          offerings.push({ providerModelId: offering.providerModelId, ok: false, error: "not in the provider's model list", changes: [] });
          continue;
        }
        const { changes } = applyUpdate(offering, update, { url, checkedAt: now.toISOString().slice(0, 10) });
        await saveCatalogOverride({ provider: provider.id, providerModelId: offering.providerModelId, update, sourceUrl: url, fetchedAt: now });
        offerings.push({ providerModelId: offering.providerModelId, ok: true, changes });
      }
    } catch (error) {
      for (const offering of targets) offerings.push({ providerModelId: offering.providerModelId, ok: false, error: describeFailure(error), changes: [] });
    }
  }
  const failed = offerings.filter((o) => !o.ok);
  return {
    provider: provider.id,
    ok: failed.length === 0,
    ...(failed.length ? { error: `${provider.name}: could not refresh ${failed.map((o) => `${o.providerModelId} (${o.error})`).join(", ")}; the built-in data stays for ${failed.length === 1 ? "it" : "them"}.` } : {}),
    offerings,
  };
}

/** A server's OpenAI /models list: each model it serves becomes an offering (new ones are listed as added). */
async function importModels(provider: ProviderCatalog, env: EnvSource): Promise<RefreshReport> {
  const base = (readSecret(provider.baseUrlEnv, env) ?? "").replace(/\/+$/, "");
  if (!base) return { provider: provider.id, ok: false, error: `${provider.name} is not configured (set ${provider.baseUrlEnv}).`, offerings: [] };
  try {
    const ids = parseOpenAiModelList(await fetchJson(`${base}/models`, readSecret(provider.keyEnv, env)));
    if (!ids) return { provider: provider.id, ok: false, error: `${provider.name}: /models did not answer with an OpenAI model list; the configured models stay.`, offerings: [] };
    const known = new Set(provider.offerings.map((o) => o.providerModelId));
    await saveImportedOpenAiCompatibleModels(ids);
    return {
      provider: provider.id,
      ok: true,
      offerings: ids.map((id) => ({ providerModelId: id, ok: true, changes: known.has(id) ? [] : [{ field: "offering", before: null, after: `${id} (imported from /models)` }] })),
    };
  } catch (error) {
    return { provider: provider.id, ok: false, error: `${provider.name}: could not read /models (${describeFailure(error)}); the configured models stay.`, offerings: [] };
  }
}

export async function refreshCatalog(env: EnvSource = processEnv(), now = new Date()): Promise<RefreshReport[]> {
  invalidateCatalog();
  // Compare against the built-in data plus earlier refreshes, as the user sees it now.
  const catalog = await getCatalog();
  const reports = await Promise.all(
    providerModules().flatMap(({ adapter }) => {
      const source = adapter.catalogSource;
      const provider = catalog.providers.find((p) => p.id === adapter.id);
      if (!source || !provider) return [];
      if (source.kind === "model-pages") return [refreshProvider(source, provider, env, now)];
      // A server's own list is read only where one is configured.
      return readSecret(provider.baseUrlEnv, env) ? [importModels(provider, env)] : [];
    }),
  );
  invalidateCatalog();
  return reports;
}

/** POST /api/catalog/refresh: an admin's refresh, written to the audit log. */
export async function refreshCatalogAsAdmin(actor: Actor): Promise<RefreshReport[]> {
  const reports = await refreshCatalog();
  await audit({ action: "catalog.refresh", actor, after: reports.map((r) => ({ provider: r.provider, ok: r.ok })) });
  return reports;
}
