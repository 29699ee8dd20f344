import "server-only";
import type { LanguageModel } from "ai";
import { observedFetch } from "./upstream-fetch";
import type { ProviderAdapter, ProviderConnection } from "./types";

// One model object per offering and connection, reused by every run: the SDK
// builds its response schemas when a model is made, which cost about 0.4 ms per
// run when done per request. Models hold no per-call state; the run each call
// belongs to is found by observedFetch.

const MAX_MODELS = 256;
const models = new Map<string, LanguageModel>();

export function cachedModel(adapter: ProviderAdapter, providerModelId: string, connection: ProviderConnection): LanguageModel {
  const key = [adapter.id, providerModelId, connection.baseURL, connection.apiKey ?? "", JSON.stringify(connection.headers ?? {})].join("\u0000");
  let model = models.get(key);
  if (!model) {
    // Keys rotate and catalogs change; a bounded map never grows without end.
    if (models.size >= MAX_MODELS) models.clear();
    model = adapter.createModel(providerModelId, { ...connection, fetch: observedFetch(connection.fetch) });
    models.set(key, model);
  }
  return model;
}
