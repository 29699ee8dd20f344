import type { LanguageModel, ToolChoice, ToolSet } from "ai";
import type { EnvSource } from "@/lib/env";
import type { EventSourceMessage } from "eventsource-parser";
import type { OfferingUpdate } from "@/lib/catalog/refresh/offering-update";
import type { Offering, ProviderCatalog, ProviderCatalogInput, ProviderId } from "@/lib/catalog/schema";
import type { ParamValues } from "@/lib/params/param-validator";

export type ProviderConnection = {
  baseURL: string;
  apiKey: string | undefined;
  /** Extra request headers from configuration (e.g. OpenRouter attribution). */
  headers?: Record<string, string>;
  /** Models are cached per base URL, key and headers: a custom fetch must hold no per-call state. */
  fetch?: typeof fetch;
};

/** What streamText needs beyond messages: wire fields, tools, tool choice. */
export type ProviderCallOptions = {
  providerOptions: Record<string, Record<string, unknown>>;
  tools?: ToolSet;
  toolChoice?: ToolChoice<ToolSet>;
};

/** What a provider reports about a finished step beyond token counts. */
type ProviderStepReport = {
  providerCostUsd?: number;
  toolUsage?: Record<string, number>;
  remainingCredits?: number;
  notes?: string[];
};

export type ProviderAdapter = {
  id: ProviderId;
  createModel(providerModelId: string, connection: ProviderConnection): LanguageModel;
  callOptions(params: ParamValues, offering: Offering): ProviderCallOptions;
  /** Base URL, key and headers from the environment; undefined when not configured. */
  connection(provider: ProviderCatalog, env: EnvSource): ProviderConnection | undefined;
  /** Provider-reported cost, tool calls and credits, from the raw usage and response headers. */
  readReport?(step: { usage: Record<string, unknown> | undefined; headers: Record<string, string> | undefined }): ProviderStepReport;
  /** Plain words for HTTP statuses where this provider means something specific. */
  statusWords?: Partial<Record<number, string>>;
  /** Rewrites one upstream stream event before the AI SDK reads it (e.g. reasoning sent only as `reasoning_details`). */
  rewriteEvent?(event: EventSourceMessage): EventSourceMessage;
  /** Where a catalog refresh reads current prices, limits and parameters. */
  catalogSource?: CatalogSource;
};

/**
 * `model-pages`: one request per provider (a list) or per offering (a model page), parsed into updates.
 * `model-import`: the server's OpenAI /models list becomes its offerings.
 */
export type CatalogSource =
  | { kind: "model-pages"; urls(provider: ProviderCatalog, base: string): { url: string; offering?: Offering }[]; parse(json: unknown, offering: Offering): OfferingUpdate | null }
  | { kind: "model-import" };

/** A provider: its catalog file's data (or a function of the configured model ids) and its adapter. */
export type ProviderModule = {
  catalog: ProviderCatalogInput | ((context: { openAiCompatibleModels: string[] }) => ProviderCatalogInput);
  adapter: ProviderAdapter;
};
