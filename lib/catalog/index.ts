import { z } from "zod";
import { providerModules } from "@/lib/providers";
import { models as modelData } from "./models";
import { modelSchema, providerCatalogSchema, type Model, type Offering, type ProviderCatalog, type ProviderId } from "./schema";

export type Catalog = { models: Model[]; providers: ProviderCatalog[] };

const catalogSchema = z
  .object({ models: z.array(modelSchema), providers: z.array(providerCatalogSchema) })
  .superRefine((catalog, ctx) => {
    for (const provider of catalog.providers) {
      const seen = new Set<string>();
      for (const offering of provider.offerings) {
        if (seen.has(offering.providerModelId)) {
          ctx.addIssue({ code: "custom", message: `${provider.id}: duplicate offering ${offering.providerModelId}` });
        }
        seen.add(offering.providerModelId);
        const names = offering.params.map((p) => p.name);
        if (new Set(names).size !== names.length) {
          ctx.addIssue({ code: "custom", message: `${provider.id}/${offering.providerModelId}: duplicate parameter` });
        }
      }
    }
  });

/** The whole catalog, validated. Throws at load when the data is malformed. */
export function loadCatalog(openAiCompatibleModels: string[] = []): Catalog {
  const providers = providerModules().map(({ catalog }) => (typeof catalog === "function" ? catalog({ openAiCompatibleModels }) : catalog));
  // A model only a self-hosted server has (llama3.1:8b) is a model of its own, so it can be picked.
  const known = new Set(modelData.map((m) => m.id));
  const extra = [...new Set(providers.flatMap((p) => p.offerings.map((o) => o.modelId)).filter((id) => !known.has(id)))].map((id) => ({
    id,
    name: id,
    vendor: "OpenAI-compatible server",
    description: "A model served by OPENAI_COMPATIBLE_BASE_URL, with the standard Chat Completions parameters.",
  }));
  return catalogSchema.parse({ models: [...modelData, ...extra], providers });
}

export function findOffering(catalog: Catalog, provider: ProviderId, providerModelId: string): Offering | undefined {
  return catalog.providers.find((p) => p.id === provider)?.offerings.find((o) => o.providerModelId === providerModelId);
}

export function findProvider(catalog: Catalog, provider: ProviderId): ProviderCatalog | undefined {
  return catalog.providers.find((p) => p.id === provider);
}
