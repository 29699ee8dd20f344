import "server-only";
import { and, desc, eq, gte, inArray, isNull, lt, notInArray, or, sql, type SQL } from "drizzle-orm";
import { changedRows, firstRow, getDb, type Db } from "./index";
import { catalogOverrides, runExchanges, runs, uploads, type CatalogOverrideRow, type NewRunRow, type RunRow, type RunStatus, type UploadRow } from "./schema";
import type { CapturedExchange } from "@/lib/providers/upstream-capture";
import { RECONCILE_TOLERANCE } from "@/lib/pricing/explain-cost";

// All data access goes through these async functions, which await every
// statement, so better-sqlite3 and libSQL (Turso) serve them alike.

export type RunFinish = Partial<
  Pick<
    RunRow,
    | "outputText"
    | "outputReasoning"
    | "toolCalls"
    | "finishReason"
    | "inputTokens"
    | "outputTokens"
    | "reasoningTokens"
    | "cachedInputTokens"
    | "usageEstimated"
    | "costUsd"
    | "providerCostUsd"
    | "providerReport"
    | "ttftMs"
    | "durationMs"
    | "tokensPerSecond"
    | "overheadMs"
    | "errorCode"
    | "errorMessage"
  >
> & { status: Exclude<RunStatus, "streaming"> };

export async function insertRun(row: NewRunRow, database?: Db): Promise<void> {
  const db = database ?? (await getDb());
  await db.insert(runs).values(row).run();
}

/**
 * Finish a run exactly once: only a row still `streaming` changes, or one that
 * another instance's sweep marked interrupted while this instance (`instanceId`,
 * which streamed it) was still at it: the real ending, text and cost win over
 * the guess. Returns whether it wrote.
 */
export async function finishRun(id: string, finish: RunFinish, database?: Db, instanceId?: string): Promise<boolean> {
  const db = database ?? (await getDb());
  const markedLapsed = instanceId ? and(eq(runs.status, "interrupted"), eq(runs.instanceId, instanceId), eq(runs.errorCode, LAPSED_LEASE_CODE)) : undefined;
  const result = await db
    .update(runs)
    // Finishing releases the run's budget reservation: its real cost now counts instead.
    .set({ ...finish, reservedUsd: null, leaseUntil: null, finishedAt: new Date() })
    .where(and(eq(runs.id, id), markedLapsed ? or(eq(runs.status, "streaming"), markedLapsed) : eq(runs.status, "streaming")))
    .run();
  return changedRows(result) === 1;
}

export async function getRun(id: string, database?: Db): Promise<RunRow | undefined> {
  const db = database ?? (await getDb());
  return db.select().from(runs).where(eq(runs.id, id)).get();
}

/** How long a streaming run's lease lasts; its instance renews it every 2 s. */
export const RUN_LEASE_MS = 6000;

/** Save the partial output of a run still streaming, so a crash loses at most a few seconds of it. */
export async function checkpointRun(id: string, output: { outputText: string; outputReasoning: string }, database?: Db): Promise<void> {
  const db = database ?? (await getDb());
  await db
    .update(runs)
    .set(output)
    .where(and(eq(runs.id, id), eq(runs.status, "streaming")))
    .run();
}

/** The error code a sweep leaves on a run whose instance stopped renewing its lease. */
const LAPSED_LEASE_CODE = "interrupted";

/** One statement renews the lease of every run this instance is streaming, however many there are. */
export async function renewLeases(liveIds: string[], database?: Db, now = Date.now()): Promise<number> {
  if (liveIds.length === 0) return 0;
  const db = database ?? (await getDb());
  const result = await db
    .update(runs)
    .set({ leaseUntil: new Date(now + RUN_LEASE_MS) })
    .where(and(eq(runs.status, "streaming"), inArray(runs.id, liveIds)))
    .run();
  return changedRows(result);
}

/**
 * Runs whose instance stopped vouching for them (a crash, a kill, a restart)
 * cannot finish any more: any instance marks them interrupted, keeping their
 * text. An instance never marks the runs it is itself streaming (`liveIds`):
 * it knows they are alive, even when a busy event loop kept it from renewing
 * their leases in time.
 */
export async function markInterruptedRuns(database?: Db, now = Date.now(), liveIds: string[] = []): Promise<number> {
  const db = database ?? (await getDb());
  const result = await db
    .update(runs)
    .set({ status: "interrupted", reservedUsd: null, leaseUntil: null, finishedAt: new Date(now), errorCode: LAPSED_LEASE_CODE, errorMessage: "The server stopped while this run was streaming." })
    .where(and(eq(runs.status, "streaming"), or(isNull(runs.leaseUntil), lt(runs.leaseUntil, new Date(now))), liveIds.length ? notInArray(runs.id, liveIds) : undefined))
    .run();
  return changedRows(result);
}

/** A user's search words as an FTS5 query: each word quoted (no operators), all must match, last one as a prefix. */
export function ftsQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}_]+/gu) ?? [];
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? "*" : ""}`).join(" ");
}

export type RunListFilter = {
  limit: number;
  cursor?: { createdAt: number; id: string };
  provider?: string;
  model?: string;
  status?: RunStatus;
  q?: string;
  compareGroupId?: string;
  from?: Date;
  to?: Date;
  /** Only this author's runs. */
  userId?: string;
  /** Who is looking: null sees every row; otherwise own runs and runs shared with the team. */
  visibleTo?: { userId: string; everyone: boolean } | null;
  /** Full-text search only over runs whose text the viewer may read. */
  searchVisibleTo?: string | null;
};

/** Newest first, keyset-paginated on (createdAt, id). */
export async function listRuns(filter: RunListFilter, database?: Db): Promise<{ runs: RunRow[]; nextCursor: { createdAt: number; id: string } | null }> {
  const db = database ?? (await getDb());
  const where: SQL[] = [];
  if (filter.provider) where.push(eq(runs.provider, filter.provider));
  if (filter.model) where.push(eq(runs.model, filter.model));
  if (filter.status) where.push(eq(runs.status, filter.status));
  if (filter.compareGroupId) where.push(eq(runs.compareGroupId, filter.compareGroupId));
  if (filter.userId) where.push(eq(runs.userId, filter.userId));
  if (filter.visibleTo && !filter.visibleTo.everyone) where.push(or(eq(runs.userId, filter.visibleTo.userId), eq(runs.visibility, "team"))!);
  if (filter.from) where.push(gte(runs.createdAt, filter.from));
  if (filter.to) where.push(lt(runs.createdAt, filter.to));
  if (filter.q) {
    const match = ftsQuery(filter.q);
    if (match) where.push(sql`${runs}.rowid IN (SELECT rowid FROM runs_fts WHERE runs_fts MATCH ${match})`);
    if (match && filter.searchVisibleTo) where.push(or(eq(runs.userId, filter.searchVisibleTo), eq(runs.visibility, "team"))!);
  }
  if (filter.cursor) {
    const at = new Date(filter.cursor.createdAt);
    where.push(or(lt(runs.createdAt, at), and(eq(runs.createdAt, at), lt(runs.id, filter.cursor.id)))!);
  }
  const rows = await db
    .select()
    .from(runs)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(runs.createdAt), desc(runs.id))
    .limit(filter.limit + 1)
    .all();
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  return {
    runs: page,
    nextCursor: rows.length > filter.limit && last ? { createdAt: last.createdAt.getTime(), id: last.id } : null,
  };
}

export async function pingDatabase(database?: Db): Promise<boolean> {
  const db = database ?? (await getDb());
  return (await firstRow<{ ok: number }>(db, sql`select 1 as ok`))?.ok === 1;
}

export async function listCatalogOverrides(database?: Db): Promise<CatalogOverrideRow[]> {
  const db = database ?? (await getDb());
  return db.select().from(catalogOverrides).all();
}

export async function saveCatalogOverride(row: CatalogOverrideRow, database?: Db): Promise<void> {
  const db = database ?? (await getDb());
  await db
    .insert(catalogOverrides)
    .values(row)
    .onConflictDoUpdate({ target: [catalogOverrides.provider, catalogOverrides.providerModelId], set: { update: row.update, sourceUrl: row.sourceUrl, fetchedAt: row.fetchedAt } })
    .run();
}

/** Insert an upload once; the same bytes (same sha256) keep their first row. */
export async function saveUpload(row: UploadRow, database?: Db): Promise<UploadRow> {
  const db = database ?? (await getDb());
  await db.insert(uploads).values(row).onConflictDoNothing().run();
  return (await getUpload(row.id, db)) ?? row;
}

export async function getUpload(id: string, database?: Db): Promise<UploadRow | undefined> {
  const db = database ?? (await getDb());
  return db.select().from(uploads).where(eq(uploads.id, id)).get();
}

/**
 * costUsd is null where no run had a price ("unknown price", never $0), providerCostUsd where no run
 * reported one ("not reported"). costMismatches: runs whose billed cost is more than 10% off the computed one.
 */
export type CostTotalRow = { day: string; provider: string; model: string; runs: number; costUsd: number | null; providerCostUsd: number | null; runsWithoutCost: number; costMismatches: number };

/** Cost totals by day, provider and model for a period (UTC days). */
export async function costTotals(range: { from: Date; to: Date; userId?: string }, database?: Db): Promise<CostTotalRow[]> {
  const db = database ?? (await getDb());
  const byUser = range.userId ? sql`AND ${runs.userId} = ${range.userId}` : sql``;
  return db.all<CostTotalRow>(sql`
    SELECT date(${runs.createdAt} / 1000, 'unixepoch') AS day, ${runs.provider} AS provider, ${runs.model} AS model,
      count(*) AS runs, sum(${runs.costUsd}) AS costUsd, sum(${runs.providerCostUsd}) AS providerCostUsd,
      sum(CASE WHEN ${runs.costUsd} IS NULL THEN 1 ELSE 0 END) AS runsWithoutCost,
      sum(CASE WHEN ${runs.costUsd} IS NOT NULL AND ${runs.providerCostUsd} IS NOT NULL
        AND abs(${runs.providerCostUsd} - ${runs.costUsd}) > ${RECONCILE_TOLERANCE} * max(abs(${runs.providerCostUsd}), abs(${runs.costUsd})) THEN 1 ELSE 0 END) AS costMismatches
    FROM ${runs}
    WHERE ${runs.createdAt} >= ${range.from.getTime()} AND ${runs.createdAt} < ${range.to.getTime()} AND ${runs.imported} = 0 ${byUser}
    GROUP BY day, provider, model
    ORDER BY day, provider, model`);
}

export async function setVisibility(ids: string[], visibility: RunRow["visibility"], database?: Db): Promise<number> {
  const db = database ?? (await getDb());
  if (ids.length === 0) return 0;
  return changedRows(await db.update(runs).set({ visibility }).where(inArray(runs.id, ids)).run());
}

export async function setShareId(id: string, shareId: string | null, database?: Db): Promise<boolean> {
  const db = database ?? (await getDb());
  return changedRows(await db.update(runs).set({ shareId }).where(eq(runs.id, id)).run()) === 1;
}

export async function getRunByShareId(shareId: string, database?: Db): Promise<RunRow | undefined> {
  const db = database ?? (await getDb());
  return db.select().from(runs).where(eq(runs.shareId, shareId)).get();
}

/** The runs of a comparison, oldest first. */
export async function listGroupRuns(compareGroupId: string, database?: Db): Promise<RunRow[]> {
  const db = database ?? (await getDb());
  return db.select().from(runs).where(eq(runs.compareGroupId, compareGroupId)).orderBy(runs.createdAt, runs.id).all();
}

/** Delete a run. Its uploads stay: they are content-addressed and may serve other runs. */
export async function deleteRun(id: string, database?: Db): Promise<boolean> {
  const db = database ?? (await getDb());
  // The exchange goes too, also where a driver leaves foreign keys off.
  await db.delete(runExchanges).where(eq(runExchanges.runId, id)).run();
  return changedRows(await db.delete(runs).where(eq(runs.id, id)).run()) === 1;
}

/** Keeps what a finished run sent and received; written once, after its final row. */
export async function saveRunExchange(runId: string, exchange: CapturedExchange, database?: Db): Promise<void> {
  const db = database ?? (await getDb());
  await db.insert(runExchanges).values({ runId, exchange }).onConflictDoNothing().run();
}

export async function getRunExchange(runId: string, database?: Db): Promise<CapturedExchange | undefined> {
  const db = database ?? (await getDb());
  return (await db.select().from(runExchanges).where(eq(runExchanges.runId, runId)).get())?.exchange;
}

export type ConversationHead = Pick<RunRow, "id" | "conversationId" | "provider" | "model" | "status" | "messages" | "createdAt">;

/** A person's playground conversations, newest first: each one's latest run (which holds the whole conversation). */
export async function listConversations(userId: string, limit: number, database?: Db): Promise<ConversationHead[]> {
  const db = database ?? (await getDb());
  const latest = db
    .select({ conversationId: runs.conversationId, at: sql<number>`max(${runs.createdAt})`.as("at") })
    .from(runs)
    .where(and(eq(runs.userId, userId), sql`${runs.conversationId} is not null`))
    .groupBy(runs.conversationId)
    .as("latest");
  return db
    .select({ id: runs.id, conversationId: runs.conversationId, provider: runs.provider, model: runs.model, status: runs.status, messages: runs.messages, createdAt: runs.createdAt })
    .from(runs)
    .innerJoin(latest, and(eq(runs.conversationId, latest.conversationId), eq(runs.createdAt, latest.at)))
    .where(eq(runs.userId, userId))
    .orderBy(desc(runs.createdAt), desc(runs.id))
    .limit(limit)
    .all();
}
