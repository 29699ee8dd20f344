import { z } from "zod";
import { RUN_STATUSES } from "@/db/schema";

export const BUNDLE_FORMAT = "llm-playground-bundle";

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
  inputTokens: z.number().nullable(),
  outputTokens: z.number().nullable(),
  reasoningTokens: z.number().nullable(),
  cachedInputTokens: z.number().nullable(),
  usageEstimated: z.boolean(),
  costUsd: z.number().nullable(),
  providerCostUsd: z.number().nullable(),
  providerReport: z.record(z.string(), z.unknown()),
  attachmentsSent: z.array(z.record(z.string(), z.unknown())),
  ttftMs: z.number().nullable(),
  durationMs: z.number().nullable(),
  tokensPerSecond: z.number().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  compareGroupId: z.string().nullable(),
  /** Bundles from before columns were recorded have none. */
  compareColumn: z.number().int().min(0).nullable().default(null),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});

const bundleUploadSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/),
  mediaType: z.string(),
  size: z.number().int().nonnegative(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  durationS: z.number().nullable(),
  createdAt: z.iso.datetime(),
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
