import "server-only";
import { and, desc, eq, gte, isNull, sql } from "drizzle-orm";
import { getDb, type Db } from "./index";
import { apiKeys, runs, type ApiKeyRow, type NewRunRow } from "./schema";

// API keys, spend and concurrency, for the gateway's admission checks.

export function insertApiKey(row: ApiKeyRow, db: Db = getDb()): void {
  db.insert(apiKeys).values(row).run();
}

export async function getApiKeyByHash(keyHash: string, db: Db = getDb()): Promise<ApiKeyRow | undefined> {
  return db.select().from(apiKeys).where(eq(apiKeys.keyHash, keyHash)).get();
}

export async function getApiKey(id: string, db: Db = getDb()): Promise<ApiKeyRow | undefined> {
  return db.select().from(apiKeys).where(eq(apiKeys.id, id)).get();
}

export async function listApiKeys(userId: string, db: Db = getDb()): Promise<ApiKeyRow[]> {
  return db.select().from(apiKeys).where(eq(apiKeys.userId, userId)).orderBy(desc(apiKeys.createdAt)).all();
}

export async function listAllApiKeyNames(db: Db = getDb()): Promise<{ id: string; name: string }[]> {
  return db.select({ id: apiKeys.id, name: apiKeys.name }).from(apiKeys).all();
}

export async function revokeApiKeyRow(id: string, now: Date, db: Db = getDb()): Promise<boolean> {
  return db.update(apiKeys).set({ revokedAt: now }).where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt))).run().changes === 1;
}

export async function touchApiKey(id: string, now: Date, db: Db = getDb()): Promise<void> {
  db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, id)).run();
}

export type SpendScope = { userId?: string; apiKeyId?: string };

/** Spend since `from` (computed cost, else provider-reported) plus what streaming runs hold in reservation. */
export function spendWithReservations(scope: SpendScope, from: Date, db: Db): { spentUsd: number; reservedUsd: number } {
  const where = [gte(runs.createdAt, from)];
  if (scope.userId) where.push(eq(runs.userId, scope.userId));
  if (scope.apiKeyId) where.push(eq(runs.apiKeyId, scope.apiKeyId));
  const row = db
    .select({
      spentUsd: sql<number>`coalesce(sum(case when ${runs.status} = 'streaming' then 0 else coalesce(${runs.costUsd}, ${runs.providerCostUsd}, 0) end), 0)`,
      reservedUsd: sql<number>`coalesce(sum(case when ${runs.status} = 'streaming' then coalesce(${runs.reservedUsd}, 0) else 0 end), 0)`,
    })
    .from(runs)
    .where(and(...where))
    .get();
  return { spentUsd: row?.spentUsd ?? 0, reservedUsd: row?.reservedUsd ?? 0 };
}

export function countStreaming(scope: SpendScope, db: Db): number {
  const where = [eq(runs.status, "streaming")];
  if (scope.userId) where.push(eq(runs.userId, scope.userId));
  if (scope.apiKeyId) where.push(eq(runs.apiKeyId, scope.apiKeyId));
  return db.select({ n: sql<number>`count(*)` }).from(runs).where(and(...where)).get()?.n ?? 0;
}

export function insertRunSync(row: NewRunRow, db: Db): void {
  db.insert(runs).values(row).run();
}
