import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { CapturedExchange } from "@/lib/providers/upstream-capture";

export const RUN_STATUSES = ["streaming", "done", "error", "aborted", "interrupted"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const RUN_VISIBILITIES = ["private", "team"] as const;
export type RunVisibility = (typeof RUN_VISIBILITIES)[number];
export const ROLES = ["owner", "admin", "member", "viewer"] as const;
export type Role = (typeof ROLES)[number];

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
    /** What the proxy spent before the request left (validation, admission, building it), ms: apart from TTFT, which starts when it left. */
    overheadMs: real("overhead_ms"),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    compareGroupId: text("compare_group_id"),
    /** The column (0-based, left to right) of the comparison this run was sent from; reopening puts it back there. */
    compareColumn: integer("compare_column"),
    /** The playground conversation this run continues (chosen by the browser); its latest run holds the whole conversation. */
    conversationId: text("conversation_id"),
    shareId: text("share_id").unique(),
    /** The author; null only for rows written before accounts existed (assigned to the owner at start). */
    userId: text("user_id"),
    /** private: the author (and admins' metadata view); team: every signed-in member. */
    visibility: text("visibility", { enum: RUN_VISIBILITIES }).notNull().default("private"),
    /** The API key a gateway call came with (null for runs from the browser). */
    apiKeyId: text("api_key_id"),
    /** Worst-case cost held against budgets while the run streams; cleared when it finishes. */
    reservedUsd: real("reserved_usd"),
    /** Until when the instance streaming this run vouches for it (renewed every 2 s); past it, any instance marks the run interrupted. */
    leaseUntil: integer("lease_until", { mode: "timestamp_ms" }),
    /** The process streaming this run: its own sweep never marks it, and only it may finish over a lapsed-lease mark. */
    instanceId: text("instance_id"),
    /** Came in through a bundle import: shown with its numbers, never counted as spend, budget or limit. */
    imported: integer("imported", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("runs_created_idx").on(t.createdAt, t.id),
    index("runs_status_idx").on(t.status),
    index("runs_compare_group_idx").on(t.compareGroupId),
    index("runs_user_created_idx").on(t.userId, t.createdAt, t.id),
    index("runs_key_created_idx").on(t.apiKeyId, t.createdAt),
    index("runs_user_conversation_idx").on(t.userId, t.conversationId, t.createdAt),
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

/** Who uploaded a file. Uploads are content-addressed, so the same bytes can belong to several people. */
export const uploadOwners = sqliteTable(
  "upload_owners",
  {
    uploadId: text("upload_id").notNull(),
    userId: text("user_id").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.uploadId, t.userId] })],
);

// Better Auth's tables (user, session, account, verification, rateLimit), on our schema.

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: integer("email_verified", { mode: "boolean" }).notNull().default(false),
  image: text("image"),
  role: text("role", { enum: ROLES }).notNull().default("member"),
  disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
  /** Monthly spend cap in USD for everything this person runs (browser and API); null = no cap. */
  monthlyBudgetUsd: real("monthly_budget_usd"),
  /** Requests per minute and concurrent streams for this person; null = no limit. */
  rpm: integer("rpm"),
  maxConcurrent: integer("max_concurrent"),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

export type UserRow = typeof users.$inferSelect;

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    token: text("token").notNull().unique(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const accounts = sqliteTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: integer("access_token_expires_at", { mode: "timestamp_ms" }),
    refreshTokenExpiresAt: integer("refresh_token_expires_at", { mode: "timestamp_ms" }),
    scope: text("scope"),
    password: text("password"),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("accounts_user_idx").on(t.userId)],
);

export const verifications = sqliteTable("verifications", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/** Hit counters for rate limits (Better Auth's and ours), in the database so they hold across instances. */
export const rateLimits = sqliteTable("rate_limits", {
  id: text("id").primaryKey(),
  key: text("key").notNull().unique(),
  count: integer("count").notNull(),
  lastRequest: integer("last_request").notNull(),
});

/** An invitation to join with a role; only the sha256 of its token is stored. */
export const invites = sqliteTable("invites", {
  id: text("id").primaryKey(),
  tokenHash: text("token_hash").notNull().unique(),
  role: text("role", { enum: ROLES }).notNull(),
  email: text("email"),
  createdBy: text("created_by").notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  acceptedAt: integer("accepted_at", { mode: "timestamp_ms" }),
  acceptedBy: text("accepted_by"),
  revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
});

export type InviteRow = typeof invites.$inferSelect;

/** Instance settings changed from the admin pages (e.g. which offerings each role may use). */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value", { mode: "json" }).$type<unknown>().notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * Append-only audit log. Each row's hash covers its fields and the previous
 * row's hash, so an edited or deleted row breaks the chain (`npm run audit:verify`).
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    seq: integer("seq").primaryKey(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    actorId: text("actor_id"),
    actorEmail: text("actor_email"),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    before: text("before", { mode: "json" }).$type<unknown>(),
    after: text("after", { mode: "json" }).$type<unknown>(),
    ip: text("ip"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [index("audit_action_idx").on(t.action, t.seq), index("audit_actor_idx").on(t.actorId, t.seq)],
);

export type AuditRow = typeof auditLog.$inferSelect;

/** A personal API key: only its sha256 is stored; the prefix identifies it in lists. */
export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull().unique(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    /** Provider ids this key may use; null = any the owner may use. */
    allowedProviders: text("allowed_providers", { mode: "json" }).$type<string[] | null>(),
    /** provider/model ids this key may use; null = any. */
    allowedModels: text("allowed_models", { mode: "json" }).$type<string[] | null>(),
    monthlyBudgetUsd: real("monthly_budget_usd"),
    rpm: integer("rpm"),
    maxConcurrent: integer("max_concurrent"),
  },
  (t) => [index("api_keys_user_idx").on(t.userId)],
);

export type ApiKeyRow = typeof apiKeys.$inferSelect;

/** What a run sent to its provider and the raw events that came back (credentials redacted), for its raw view. */
export const runExchanges = sqliteTable("run_exchanges", {
  runId: text("run_id")
    .primaryKey()
    .references(() => runs.id, { onDelete: "cascade" }),
  exchange: text("exchange", { mode: "json" }).$type<CapturedExchange>().notNull(),
});
