import type { ProviderCatalogInput } from "@/lib/catalog/schema";

// A provider that exists only for the registry test: the one catalog file a
// new provider needs. Its upstream is the fake OpenAI-compatible server.
export const acme: ProviderCatalogInput = {
  id: "acme",
  name: "Acme Inference",
  description: "A throwaway OpenAI-compatible provider, added by a test with one catalog file and one adapter file.",
  keyEnv: "ACME_API_KEY",
  baseUrlEnv: "ACME_BASE_URL",
  defaultBaseUrl: "https://api.acme.example/v1",
  offerings: [
    {
      modelId: "qwen3.5-flash",
      providerModelId: "acme/qwen3.5-flash",
      label: "Qwen3.5 Flash (Acme)",
      limits: { contextTokens: 131_072, maxOutputTokens: 8192 },
      capabilities: { inputModalities: ["text"], outputModalities: ["text"], reasoning: false, tools: false, structuredOutput: false },
      params: [
        { name: "temperature", type: "number", default: 0.7, min: 0, max: 2, description: "Sampling temperature." },
        { name: "max_tokens", type: "integer", default: 1024, min: 1, max: 8192, description: "Maximum answer tokens." },
        { name: "priority", type: "enum", values: ["low", "high"], default: "low", wireName: "acmePriority", description: "Acme's queue priority." },
      ],
      pricing: { currency: "USD", tiers: [{ upToInputTokens: null, inputPerMTok: 1, outputPerMTok: 2 }], source: { url: "https://acme.example/pricing", checkedAt: "2026-11-23" } },
      source: { url: "https://acme.example/docs/qwen3.5-flash", checkedAt: "2026-11-23" },
    },
  ],
};
