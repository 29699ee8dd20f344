import type { LanguageModel, ToolChoice, ToolSet } from "ai";
import type { Offering, ProviderCatalog, ProviderId } from "@/lib/catalog/schema";
import type { ParamValues } from "@/lib/params/param-validator";

export type ProviderConnection = {
  baseURL: string;
  apiKey: string | undefined;
  fetch?: typeof fetch;
};

/** What streamText needs beyond messages: wire fields, tools, tool choice. */
export type ProviderCallOptions = {
  providerOptions: Record<string, Record<string, unknown>>;
  tools?: ToolSet;
  toolChoice?: ToolChoice<ToolSet>;
};

export type ProviderAdapter = {
  id: ProviderId;
  createModel(providerModelId: string, connection: ProviderConnection): LanguageModel;
  callOptions(params: ParamValues, offering: Offering): ProviderCallOptions;
  /** Resolve base URL and key from the environment; undefined when not configured. */
  connection(provider: ProviderCatalog, env: NodeJS.ProcessEnv): ProviderConnection | undefined;
};
