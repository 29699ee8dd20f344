import { z } from "zod";
import { RUN_STATUSES } from "@/db/schema";

export const BUNDLE_FORMAT = "llm-playground-bundle";

// A bundle is someone else's numbers: they are shown, never trusted. Anything a
// real run cannot have (a negative, non-finite or absurd count, cost or time,
// or a date in the future) is refused with the field it is in.
const MAX_TOKENS = 100_000_000;
const MAX_RUN_COST_USD = 10_000;
const DAY_MS = 86_400_000;
/** Clocks of two instances disagree a little; more than this ahead is a forged date. */
const CLOCK_SKEW_MS = 5 * 60_000;

const tokens = z.number().int("must be a whole number").min(0, "must not be negative").max(MAX_TOKENS, `must be at most ${MAX_TOKENS.toLocaleString("en-US")}`).nullable();
const usd = z.number().min(0, "must not be negative").max(MAX_RUN_COST_USD, `must be at most ${MAX_RUN_COST_USD} USD for one run`).nullable();
const millis = z.number().min(0, "must not be negative").max(DAY_MS, "must be at most a day").nullable();
const notInFuture = (value: string) => Date.parse(value) <= Date.now() + CLOCK_SKEW_MS;
const pastDate = z.iso.datetime().refine(notInFuture, "must not be in the future");

const bundleRunSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/),
  status: z.enum(RUN_STATUSES),
  provider: z.string().min(1).max(100),
  model: z.string().min(1).max(200),
  params: z.record(z.string(), z.unknown()),
  system: z.string().nullable(),
  messages: z.array(z.unknown()),
  promptText: z.string().default(""),
  outputText: z.string(),
  outputReasoning: z.string(),
  toolCalls: z.array(z.object({ toolCallId: z.string(), toolName: z.string(), input: z.unknown() })),
  finishReason: z.string().nullable(),
  inputTokens: tokens,
  outputTokens: tokens,
  reasoningTokens: tokens,
  cachedInputTokens: tokens,
  usageEstimated: z.boolean(),
  costUsd: usd,
  providerCostUsd: usd,
  providerReport: z.record(z.string(), z.unknown()),
  attachmentsSent: z.array(z.record(z.string(), z.unknown())),
  ttftMs: millis,
  durationMs: millis,
  tokensPerSecond: z.number().min(0, "must not be negative").max(1_000_000, "must be at most 1,000,000").nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  compareGroupId: z.string().nullable(),
  /** Bundles from before columns were recorded have none. */
  compareColumn: z.number().int().min(0).nullable().default(null),
  createdAt: pastDate,
  finishedAt: pastDate.nullable(),
});

const bundleUploadSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  mediaType: z.string(),
  size: z.number().int().nonnegative(),
  width: z.number().int().min(0).max(100_000).nullable(),
  height: z.number().int().min(0).max(100_000).nullable(),
  durationS: z.number().min(0).max(DAY_MS / 1000).nullable(),
  createdAt: pastDate,
  dataBase64: z.string(),
});

export const bundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(1),
  exportedAt: z.iso.datetime(),
  runs: z.array(bundleRunSchema).max(10_000),
  uploads: z.array(bundleUploadSchema),
});

export type Bundle = z.infer<typeof bundleSchema>;
