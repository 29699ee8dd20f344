import { z } from "zod";

/** Where a fact in the catalog comes from. */
const sourceSchema = z.object({
  url: z.string().min(1),
  checkedAt: z.iso.date(),
  note: z.string().optional(),
});

const paramBase = {
  /** Wire name, exactly as the provider's page spells it. */
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  description: z.string().min(1),
  required: z.boolean().default(false),
  /**
   * `body`: sent as a top-level body field under `name`.
   * `tools`: OpenAI tool definitions, also handed to the AI SDK so tool calls parse.
   * `managed`: set by the playground itself (e.g. `stream`); shown, not editable.
   * `attachments`: applied to the message's attachments, never a body field
   *   (e.g. `video_fps`: frames sampled for a provider that takes images, or
   *   the `fps` DashScope reads beside each video).
   */
  wire: z.enum(["body", "tools", "managed", "attachments"]).default("body"),
  /** The body field name when the provider's wire name is not snake_case (e.g. providerOptions). */
  wireName: z.string().optional(),
};

const numberParamSchema = z
  .object({
    ...paramBase,
    type: z.enum(["number", "integer"]),
    default: z.number().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    step: z.number().positive().optional(),
  })
  .refine((p) => p.min === undefined || p.max === undefined || p.min <= p.max, "min must be <= max")
  .refine(
    (p) =>
      p.default === undefined ||
      ((p.min === undefined || p.default >= p.min) && (p.max === undefined || p.default <= p.max)),
    "default must lie inside the range",
  );

const booleanParamSchema = z.object({
  ...paramBase,
  type: z.literal("boolean"),
  default: z.boolean().optional(),
});

const enumParamSchema = z
  .object({
    ...paramBase,
    type: z.literal("enum"),
    values: z.array(z.string()).min(1),
    default: z.string().optional(),
  })
  .refine((p) => p.default === undefined || p.values.includes(p.default), "default must be an allowed value");

const stringListParamSchema = z.object({
  ...paramBase,
  type: z.literal("string_list"),
  maxItems: z.number().int().positive(),
  default: z.array(z.string()).optional(),
});

/** Objects and arrays (tools, response_format, logit_bias, reasoning...): edited as JSON. */
const jsonParamSchema = z.object({
  ...paramBase,
  type: z.enum(["object", "array", "object_or_string"]),
  default: z.unknown().optional(),
  /** Example shown as a placeholder in the JSON editor. */
  example: z.string().optional(),
});

export const paramSpecSchema = z.union([
  numberParamSchema,
  booleanParamSchema,
  enumParamSchema,
  stringListParamSchema,
  jsonParamSchema,
]);
export type ParamSpec = z.infer<typeof paramSpecSchema>;

const modalitySchema = z.enum(["text", "image", "video", "audio", "file"]);

const capabilitiesSchema = z.object({
  inputModalities: z.array(modalitySchema).min(1),
  outputModalities: z.array(modalitySchema).min(1),
  reasoning: z.boolean(),
  tools: z.boolean(),
  structuredOutput: z.boolean(),
  /** Free-form feature badges as the provider lists them (web_search, cache...). */
  features: z.array(z.string()).default([]),
});

/** A price per 1M tokens that depends on the prompt length (e.g. EmpirioLabs :variant1). */
export const priceTierSchema = z.object({
  /** Inclusive upper bound of input tokens for this tier; null = no bound. */
  upToInputTokens: z.number().int().positive().nullable(),
  inputPerMTok: z.number().nonnegative(),
  outputPerMTok: z.number().nonnegative(),
});

const pricingSchema = z.object({
  currency: z.literal("USD"),
  /** Tiers ordered by `upToInputTokens`; the tier is chosen by the run's input tokens. */
  tiers: z.array(priceTierSchema).min(1),
  cachedInputPerMTok: z.number().nonnegative().optional(),
  cacheWritePerMTok: z.number().nonnegative().optional(),
  /** Reasoning tokens are billed as output unless the provider says otherwise. */
  reasoningBilledAs: z.literal("output").default("output"),
  /** Per-call charges for built-in tools, keyed as the provider reports them in usage. */
  toolCallPrices: z.record(z.string(), z.number().nonnegative()).default({}),
  source: sourceSchema,
});
export type Pricing = z.infer<typeof pricingSchema>;

export const offeringSchema = z.object({
  /** Canonical model this offering serves (groups one model across providers). */
  modelId: z.string(),
  /** The model id the provider expects on the wire. */
  providerModelId: z.string().min(1),
  label: z.string(),
  description: z.string().optional(),
  region: z.string().optional(),
  endpoint: z.string().optional(),
  limits: z.object({
    contextTokens: z.number().int().positive(),
    maxOutputTokens: z.number().int().positive().optional(),
    maxReasoningTokens: z.number().int().positive().optional(),
  }),
  capabilities: capabilitiesSchema,
  params: z.array(paramSpecSchema),
  /** What happens to images and video here when the provider's own format differs; shown beside attachments. */
  attachmentNote: z.string().optional(),
  /** null = price unknown (never 0 for unknown). */
  pricing: pricingSchema.nullable(),
  source: sourceSchema,
  /** Set when the provider's model list updated this offering. */
  refreshed: z.object({ at: z.string(), url: z.string() }).optional(),
});
export type Offering = z.infer<typeof offeringSchema>;

/** Provider ids come from the registry (lib/providers/index.ts); here only their form is checked. */
export const providerIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "a provider id: lowercase letters, digits and dashes");
export type ProviderId = z.infer<typeof providerIdSchema>;

export const providerCatalogSchema = z.object({
  id: providerIdSchema,
  name: z.string(),
  description: z.string(),
  docsUrl: z.string().optional(),
  /** Env variable holding the key; null when no key is needed. */
  keyEnv: z.string().nullable(),
  keyOptional: z.boolean().default(false),
  baseUrlEnv: z.string().nullable(),
  defaultBaseUrl: z.string().nullable(),
  /**
   * The request as the provider's page documents it: OpenAI Chat Completions at
   * {base}/chat/completions, or one JSON POST to {base}/{model} with x-api-key and
   * a single JSON answer (Segmind). View code writes the request in this form.
   */
  api: z.enum(["chat-completions", "json-per-model"]).default("chat-completions"),
  /** Served by this app itself (the simulator): its endpoint is this app's, never shown as a URL. */
  builtIn: z.boolean().default(false),
  offerings: z.array(offeringSchema),
});
export type ProviderCatalog = z.infer<typeof providerCatalogSchema>;
export type ProviderCatalogInput = z.input<typeof providerCatalogSchema>;

export const modelSchema = z.object({
  id: z.string(),
  name: z.string(),
  vendor: z.string(),
  description: z.string(),
});
export type Model = z.infer<typeof modelSchema>;
