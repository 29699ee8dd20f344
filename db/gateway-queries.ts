import "server-only";
import { and, desc, eq, gte, isNull, notInArray, sql } from "drizzle-orm";
import { changedRows, getDb, prepareOnce, type Db } from "./index";
import { apiKeys, runs, type ApiKeyRow } from "./schema";

// API keys, spend and concurrency, for the gateway's admission checks.

export async function insertApiKey(row: ApiKeyRow, database?: Db): Promise<void> {
  const db = database ?? (await getDb());
  await db.insert(apiKeys).values(row).run();
}

export async function getApiKeyByHash(keyHash: string, database?: Db): Promise<ApiKeyRow | undefined> {
  const db = database ?? (await getDb());
  return prepareOnce(db, "api-key-by-hash", (d) => d.select().from(apiKeys).where(eq(apiKeys.keyHash, sql.placeholder("keyHash"))).prepare()).get({ keyHash });
}

export async function getApiKey(id: string, database?: Db): Promise<ApiKeyRow | undefined> {
  const db = database ?? (await getDb());
  return db.select().from(apiKeys).where(eq(apiKeys.id, id)).get();
}

export async function listApiKeys(userId: string, database?: Db): Promise<ApiKeyRow[]> {
  const db = database ?? (await getDb());
  return db.select().from(apiKeys).where(eq(apiKeys.userId, userId)).orderBy(desc(apiKeys.createdAt)).all();
}

export async function listAllApiKeyNames(database?: Db): Promise<{ id: string; name: string }[]> {
  const db = database ?? (await getDb());
  return db.select({ id: apiKeys.id, name: apiKeys.name }).from(apiKeys).all();
}

export async function revokeApiKeyRow(id: string, now: Date, database?: Db): Promise<boolean> {
  const db = database ?? (await getDb());
  return changedRows(await db.update(apiKeys).set({ revokedAt: now }).where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt))).run()) === 1;
}

export async function touchApiKey(id: string, now: Date, database?: Db): Promise<void> {
  const db = database ?? (await getDb());
  await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, id)).run();
}

export type SpendScope = { userId?: string; apiKeyId?: string };

/**
 * Spend since `from` plus what streaming runs hold in reservation. A run's spend
 * is the larger of the computed and the provider-billed cost (a cap is never
 * passed because a price table is out of date). Imported runs never count, nor do
 * runs of `notSpend.providers` (the built-in simulator).
 */
export async function spendWithReservations(scope: SpendScope, from: Date, db: Db, notSpend: { providers?: string[] } = {}): Promise<{ spentUsd: number; reservedUsd: number }> {
  const where = [gte(runs.createdAt, from), eq(runs.imported, false)];
  // The simulator's cost is a list-price equivalent, not money.
  if (notSpend.providers?.length) where.push(notInArray(runs.provider, notSpend.providers));
  if (scope.userId) where.push(eq(runs.userId, scope.userId));
  if (scope.apiKeyId) where.push(eq(runs.apiKeyId, scope.apiKeyId));
  const row = await db
    .select({
      spentUsd: sql<number>`coalesce(sum(case when ${runs.status} = 'streaming' then 0 else max(coalesce(${runs.costUsd}, 0), coalesce(${runs.providerCostUsd}, 0)) end), 0)`,
      reservedUsd: sql<number>`coalesce(sum(case when ${runs.status} = 'streaming' then coalesce(${runs.reservedUsd}, 0) else 0 end), 0)`,
    })
    .from(runs)
    .where(and(...where))
    .get();
  return { spentUsd: row?.spentUsd ?? 0, reservedUsd: row?.reservedUsd ?? 0 };
}

export async function countStreaming(scope: SpendScope, db: Db): Promise<number> {
  const where = [eq(runs.status, "streaming")];
  if (scope.userId) where.push(eq(runs.userId, scope.userId));
  if (scope.apiKeyId) where.push(eq(runs.apiKeyId, scope.apiKeyId));
  return (await db.select({ n: sql<number>`count(*)` }).from(runs).where(and(...where)).get())?.n ?? 0;
}

