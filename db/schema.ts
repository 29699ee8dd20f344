import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const RUN_STATUSES = ["streaming", "done", "error", "aborted", "interrupted"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export type StoredToolCall = { toolCallId: string; toolName: string; input: unknown };

export type AttachmentSent = {
  uploadId: string;
  mediaType: string;
  /** data-url: the file itself, base64; frames: a video sent as sampled JPEG images. */
  form: "data-url" | "frames";
  bytesSent: number;
  frames?: number;
  fps?: number;
};

/** What the provider itself reported beyond tokens: billed cost, tool calls, credits, notes. */
export type ProviderReport = {
  toolUsage?: Record<string, number>;
  remainingCredits?: number;
  notes?: string[];
};

/** One run = one request to one provider/model, written at start and finished exactly once. */
export const runs = sqliteTable(
  "runs",
  {
    id: text("id").primaryKey(),
    status: text("status", { enum: RUN_STATUSES }).notNull(),
    provider: text("provider").notNull(),
    model: text("model").notNull(),
    params: text("params", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    system: text("system"),
    messages: text("messages", { mode: "json" }).$type<unknown[]>().notNull(),
    /** The user messages' text (and system prompt), for full-text search. */
    promptText: text("prompt_text").notNull().default(""),
    outputText: text("output_text").notNull().default(""),
    outputReasoning: text("output_reasoning").notNull().default(""),
    toolCalls: text("tool_calls", { mode: "json" }).$type<StoredToolCall[]>().notNull().default(sql`'[]'`),
    finishReason: text("finish_reason"),
    inputTokens: integer("input_tokens"),
    outputTokens: integer("output_tokens"),
    reasoningTokens: integer("reasoning_tokens"),
    cachedInputTokens: integer("cached_input_tokens"),
    /** True when usage was counted by us (stopped runs), not reported by the provider. */
    usageEstimated: integer("usage_estimated", { mode: "boolean" }).notNull().default(false),
    costUsd: real("cost_usd"),
    providerCostUsd: real("provider_cost_usd"),
    providerReport: text("provider_report", { mode: "json" }).$type<ProviderReport>().notNull().default(sql`'{}'`),
    /** What each attachment was sent as (data URL or sampled frames), with sizes. */
    attachmentsSent: text("attachments_sent", { mode: "json" }).$type<AttachmentSent[]>().notNull().default(sql`'[]'`),
    ttftMs: real("ttft_ms"),
    durationMs: real("duration_ms"),
    tokensPerSecond: real("tokens_per_second"),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    compareGroupId: text("compare_group_id"),
    shareId: text("share_id").unique(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("runs_created_idx").on(t.createdAt, t.id),
    index("runs_status_idx").on(t.status),
    index("runs_compare_group_idx").on(t.compareGroupId),
    // Covers the cost totals query (no table lookups over a period's runs).
    index("runs_cost_idx").on(t.createdAt, t.provider, t.model, t.costUsd, t.providerCostUsd),
  ],
);

export type RunRow = typeof runs.$inferSelect;
export type NewRunRow = typeof runs.$inferInsert;

/** What a provider's model list said about an offering at the last refresh, merged over the built-in catalog. */
export const catalogOverrides = sqliteTable(
  "catalog_overrides",
  {
    provider: text("provider").notNull(),
    providerModelId: text("provider_model_id").notNull(),
    update: text("update", { mode: "json" }).$type<unknown>().notNull(),
    sourceUrl: text("source_url").notNull(),
    fetchedAt: integer("fetched_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerModelId] })],
);

export type CatalogOverrideRow = typeof catalogOverrides.$inferSelect;

/** An uploaded file, content-addressed: id is the sha256 of its bytes, so the same file is stored once. */
export const uploads = sqliteTable("uploads", {
  id: text("id").primaryKey(),
  mediaType: text("media_type").notNull(),
  size: integer("size").notNull(),
  width: integer("width"),
  height: integer("height"),
  durationS: real("duration_s"),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
});

export type UploadRow = typeof uploads.$inferSelect;
