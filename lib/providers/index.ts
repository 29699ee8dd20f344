import "server-only";
import { aiGateway } from "@/lib/catalog/providers/ai-gateway";
import { dashscope } from "@/lib/catalog/providers/dashscope";
import { empiriolabs } from "@/lib/catalog/providers/empiriolabs";
import { openAiCompatibleCatalog } from "@/lib/catalog/providers/openai-compatible";
import { openrouter } from "@/lib/catalog/providers/openrouter";
import { segmind } from "@/lib/catalog/providers/segmind";
import { simulator } from "@/lib/catalog/providers/simulator";
import type { ProviderId } from "@/lib/catalog/schema";
import { aiGatewayAdapter } from "./ai-gateway";
import { dashscopeAdapter } from "./dashscope";
import { empiriolabsAdapter } from "./empiriolabs";
import { openaiCompatibleAdapter } from "./openai-compatible";
import { openrouterAdapter } from "./openrouter";
import { segmindAdapter } from "./segmind";
import { simulatorAdapter } from "./simulator";
import type { ProviderAdapter, ProviderModule } from "./types";

// The provider registry: the one list of providers, in the order the UI shows
// them. Each is its catalog file's data and its adapter; everything else (the
// catalog, the id check, configuration, catalog refresh, the gateway's model
// list) is derived from here.

const BUILT_IN: ProviderModule[] = [
  { catalog: simulator, adapter: simulatorAdapter },
  { catalog: empiriolabs, adapter: empiriolabsAdapter },
  { catalog: openrouter, adapter: openrouterAdapter },
  { catalog: aiGateway, adapter: aiGatewayAdapter },
  { catalog: segmind, adapter: segmindAdapter },
  { catalog: dashscope, adapter: dashscopeAdapter },
  { catalog: openAiCompatibleCatalog, adapter: openaiCompatibleAdapter },
];

// On globalThis: Next bundles each route separately, and a provider registered in one must be seen by all.
const state = globalThis as unknown as { playgroundExtraProviders?: ProviderModule[] };

/** Every provider: the built-in ones, then any added with registerProvider. */
export function providerModules(): readonly ProviderModule[] {
  const extra = state.playgroundExtraProviders;
  return extra ? [...BUILT_IN, ...extra] : BUILT_IN;
}

/**
 * Adds a provider at run time (an out-of-tree provider, or a test's): one
 * catalog and one adapter. Callers drop the cached catalog afterwards.
 */
export function registerProvider(module: ProviderModule): void {
  if (providerModules().some((m) => m.adapter.id === module.adapter.id)) throw new Error(`provider "${module.adapter.id}" is already registered`);
  state.playgroundExtraProviders = [...(state.playgroundExtraProviders ?? []), module];
}

export function findAdapter(id: ProviderId): ProviderAdapter | undefined {
  return providerModules().find((m) => m.adapter.id === id)?.adapter;
}

export function getAdapter(id: ProviderId): ProviderAdapter {
  const adapter = findAdapter(id);
  if (!adapter) throw new Error(`no adapter for provider "${id}"`);
  return adapter;
}
