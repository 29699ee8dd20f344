import "server-only";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { getApiKey, getApiKeyByHash, insertApiKey, listApiKeys, revokeApiKeyRow, touchApiKey } from "@/db/gateway-queries";
import { findOwner, getUserById } from "@/db/team-queries";
import type { ApiKeyRow, UserRow } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/http/app-error";
import { parseOr400 } from "@/lib/http/parse-or-400";
import { audit } from "@/lib/team/audit";

// Personal API keys: shown once at creation, stored as a sha256 hash, listed
// by prefix. A key acts with its owner's role, within its own limits.

const KEY_PATTERN = /^pg_[A-Za-z0-9_-]{40}$/;

function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

function newKey(): string {
  return `pg_${randomBytes(30).toString("base64url")}`;
}

const createSchema = z
  .object({
    name: z.string().trim().min(1, "name is required").max(100),
    expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
    monthlyBudgetUsd: z.number().min(0).max(1_000_000).nullable().optional(),
    rpm: z.number().int().min(1).max(100_000).nullable().optional(),
    maxConcurrent: z.number().int().min(1).max(10_000).nullable().optional(),
    allowedProviders: z.array(z.string().min(1).max(50)).max(50).nullable().optional(),
    allowedModels: z.array(z.string().min(1).max(300)).max(500).nullable().optional(),
  })
  .strict();

function keyJson(row: ApiKeyRow) {
  const now = Date.now();
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    status: row.revokedAt ? "revoked" : row.expiresAt && row.expiresAt.getTime() <= now ? "expired" : "active",
    allowedProviders: row.allowedProviders,
    allowedModels: row.allowedModels,
    monthlyBudgetUsd: row.monthlyBudgetUsd,
    rpm: row.rpm,
    maxConcurrent: row.maxConcurrent,
  };
}

/** POST /api/keys: the key itself is in this answer only. */
export async function createApiKey(body: unknown, actor: Actor) {
  if (actor.apiKeyId) throw new AppError("forbidden", "An API key cannot create other keys; sign in to make one.");
  const input = parseOr400(createSchema, body);
  if (input.expiresAt && Date.parse(input.expiresAt) <= Date.now()) throw new AppError("invalid_request", "expiresAt must be in the future.", "expiresAt");
  const key = newKey();
  const row: ApiKeyRow = {
    id: randomUUID(),
    userId: actor.id,
    name: input.name,
    prefix: key.slice(0, 11),
    keyHash: hashKey(key),
    createdAt: new Date(),
    expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    revokedAt: null,
    lastUsedAt: null,
    allowedProviders: input.allowedProviders ?? null,
    allowedModels: input.allowedModels ?? null,
    monthlyBudgetUsd: input.monthlyBudgetUsd ?? null,
    rpm: input.rpm ?? null,
    maxConcurrent: input.maxConcurrent ?? null,
  };
  await insertApiKey(row);
  await audit({ action: "api-key.create", actor, target: { type: "api-key", id: row.id }, after: { name: row.name, prefix: row.prefix, monthlyBudgetUsd: row.monthlyBudgetUsd, rpm: row.rpm, maxConcurrent: row.maxConcurrent, allowedProviders: row.allowedProviders } });
  return { ...keyJson(row), key };
}

export async function listApiKeyRecords(actor: Actor) {
  return { keys: (await listApiKeys(actor.id)).map(keyJson) };
}

export async function revokeApiKey(id: string, actor: Actor) {
  if (!z.uuid().safeParse(id).success) throw new AppError("invalid_id", "Key ids are UUIDs.", "id");
  const row = await getApiKey(id);
  if (!row || row.userId !== actor.id) throw new AppError("not_found", `No key with id ${id}.`);
  if (!(await revokeApiKeyRow(id, new Date()))) throw new AppError("key_revoked", "This key is already revoked.");
  await audit({ action: "api-key.revoke", actor, target: { type: "api-key", id }, before: { name: row.name, prefix: row.prefix } });
  return { revoked: id };
}

export type VerifiedKey = { key: ApiKeyRow; user: UserRow };

/** The key and its owner, or an AppError(401) saying why not. Revocation and expiry apply on the next request. */
export async function verifyApiKey(token: string): Promise<VerifiedKey> {
  const invalid = () => new AppError("invalid_api_key", "This API key is not valid.");
  if (!KEY_PATTERN.test(token) && token.length < 32) throw invalid();
  const key = await getApiKeyByHash(hashKey(token));
  if (!key) throw invalid();
  if (key.revokedAt) throw new AppError("invalid_api_key", "This API key has been revoked.");
  if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) throw new AppError("invalid_api_key", "This API key has expired.");
  const user = await getUserById(key.userId);
  if (!user || user.disabled) throw new AppError("invalid_api_key", "The account of this API key is disabled.");
  // Last-used time, written at most once a minute per key.
  const now = new Date();
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000) await touchApiKey(key.id, now);
  return { key, user };
}

/** PLAYGROUND_INIT_API_KEY: an owner key with exactly that value, for scripts and Docker. */
export async function ensureInitApiKey(value: string | undefined): Promise<void> {
  if (!value) return;
  const owner = await findOwner();
  if (!owner) {
    console.log("[startup] PLAYGROUND_INIT_API_KEY waits for the owner account to exist");
    return;
  }
  if (await getApiKeyByHash(hashKey(value))) return;
  await insertApiKey({ id: randomUUID(), userId: owner.id, name: "PLAYGROUND_INIT_API_KEY", prefix: value.slice(0, 11), keyHash: hashKey(value), createdAt: new Date(), expiresAt: null, revokedAt: null, lastUsedAt: null, allowedProviders: null, allowedModels: null, monthlyBudgetUsd: null, rpm: null, maxConcurrent: null });
  console.log(`[startup] ensured the owner API key from PLAYGROUND_INIT_API_KEY (${value.slice(0, 11)}…)`);
}
