import "server-only";
import { and, desc, eq, isNull, lt, sql, type SQL } from "drizzle-orm";
import { changedRows, firstRow, getDb, insertedRowId, prepareOnce, type Db } from "./index";
import { accounts, auditLog, invites, runs, sessions, settings, uploadOwners, users, type AuditRow, type InviteRow, type UserRow } from "./schema";

// Users, invites, settings and the audit log. Like db/queries.ts, every
// statement is awaited so both drivers serve them.

export async function countUsers(database?: Db): Promise<number> {
  const db = database ?? (await getDb());
  return (await firstRow<{ n: number }>(db, sql`select count(*) as n from ${users}`))?.n ?? 0;
}

export async function getUserById(id: string, database?: Db): Promise<UserRow | undefined> {
  const db = database ?? (await getDb());
  return prepareOnce(db, "user-by-id", (d) => d.select().from(users).where(eq(users.id, sql.placeholder("id"))).prepare()).get({ id });
}

export async function getUserByEmail(email: string, database?: Db): Promise<UserRow | undefined> {
  const db = database ?? (await getDb());
  return db.select().from(users).where(eq(users.email, email.toLowerCase())).get();
}

export async function listUsers(database?: Db): Promise<UserRow[]> {
  const db = database ?? (await getDb());
  return db.select().from(users).orderBy(users.createdAt).all();
}

export async function findOwner(database?: Db): Promise<UserRow | undefined> {
  const db = database ?? (await getDb());
  return prepareOnce(db, "owner", (d) => d.select().from(users).where(eq(users.role, "owner")).orderBy(users.createdAt).prepare()).get();
}

export async function insertUser(row: Pick<UserRow, "id" | "name" | "email" | "role" | "createdAt" | "updatedAt"> & Partial<UserRow>, database?: Db): Promise<void> {
  const db = database ?? (await getDb());
  await db.insert(users).values(row).run();
}

export async function updateUser(id: string, patch: Partial<Pick<UserRow, "role" | "disabled" | "name" | "email" | "monthlyBudgetUsd" | "rpm" | "maxConcurrent">>, database?: Db): Promise<void> {
  const db = database ?? (await getDb());
  await db.update(users).set({ ...patch, updatedAt: new Date() }).where(eq(users.id, id)).run();
}

export async function deleteUserSessions(userId: string, database?: Db): Promise<void> {
  const db = database ?? (await getDb());
  await db.delete(sessions).where(eq(sessions.userId, userId)).run();
}

export async function hasPassword(userId: string, database?: Db): Promise<boolean> {
  const db = database ?? (await getDb());
  return Boolean(await db.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.userId, userId), eq(accounts.providerId, "credential"))).get());
}

export async function insertCredentialAccount(row: { id: string; userId: string; passwordHash: string }, database?: Db): Promise<void> {
  const db = database ?? (await getDb());
  const now = new Date();
  await db.insert(accounts).values({ id: row.id, accountId: row.userId, providerId: "credential", userId: row.userId, password: row.passwordHash, createdAt: now, updatedAt: now }).run();
}

export async function latestIdToken(userId: string, providerId: string, database?: Db): Promise<string | null> {
  const db = database ?? (await getDb());
  const row = await db.select({ idToken: accounts.idToken }).from(accounts).where(and(eq(accounts.userId, userId), eq(accounts.providerId, providerId))).orderBy(desc(accounts.updatedAt)).get();
  return row?.idToken ?? null;
}

/** Rows written before accounts existed belong to the owner. */
export async function assignOrphansTo(userId: string, database?: Db): Promise<number> {
  const db = database ?? (await getDb());
  const changed = changedRows(await db.update(runs).set({ userId }).where(isNull(runs.userId)).run());
  await db.run(sql`insert or ignore into ${uploadOwners} (upload_id, user_id, created_at) select id, ${userId}, created_at from uploads where id not in (select upload_id from ${uploadOwners})`);
  return changed;
}

// --- invites

export async function insertInvite(row: InviteRow, database?: Db): Promise<void> {
  const db = database ?? (await getDb());
  await db.insert(invites).values(row).run();
}

export async function getInviteByTokenHash(tokenHash: string, database?: Db): Promise<InviteRow | undefined> {
  const db = database ?? (await getDb());
  return db.select().from(invites).where(eq(invites.tokenHash, tokenHash)).get();
}

export async function getInvite(id: string, database?: Db): Promise<InviteRow | undefined> {
  const db = database ?? (await getDb());
  return db.select().from(invites).where(eq(invites.id, id)).get();
}

export async function listInvites(database?: Db): Promise<InviteRow[]> {
  const db = database ?? (await getDb());
  return db.select().from(invites).orderBy(desc(invites.createdAt)).limit(500).all();
}

/** Marks an invite used; false when it was already used, revoked or expired (single use, race-free). */
export async function consumeInvite(id: string, userId: string, now: Date, database?: Db): Promise<boolean> {
  const db = database ?? (await getDb());
  return (
    changedRows(await db
      .update(invites)
      .set({ acceptedAt: now, acceptedBy: userId })
      .where(and(eq(invites.id, id), isNull(invites.acceptedAt), isNull(invites.revokedAt), sql`${invites.expiresAt} > ${now.getTime()}`))
      .run()) === 1
  );
}

export async function revokeInviteRow(id: string, now: Date, database?: Db): Promise<boolean> {
  const db = database ?? (await getDb());
  return changedRows(await db.update(invites).set({ revokedAt: now }).where(and(eq(invites.id, id), isNull(invites.acceptedAt), isNull(invites.revokedAt))).run()) === 1;
}

// --- settings

export async function readSetting(key: string, database?: Db): Promise<unknown> {
  const db = database ?? (await getDb());
  return (await prepareOnce(db, "setting", (d) => d.select().from(settings).where(eq(settings.key, sql.placeholder("key"))).prepare()).get({ key }))?.value;
}

export async function writeSetting(key: string, value: unknown, database?: Db): Promise<void> {
  const db = database ?? (await getDb());
  await db.insert(settings).values({ key, value, updatedAt: new Date() }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } }).run();
}

// --- uploads owned

export async function addUploadOwner(uploadId: string, userId: string, database?: Db): Promise<void> {
  const db = database ?? (await getDb());
  await db.insert(uploadOwners).values({ uploadId, userId, createdAt: new Date() }).onConflictDoNothing().run();
}

/** Whether a user may fetch an upload: theirs, or attached to a run they can read. */
export async function uploadVisibleTo(uploadId: string, userId: string, readAll: boolean, database?: Db): Promise<boolean> {
  const db = database ?? (await getDb());
  if (readAll) return true;
  const own = await db.select({ id: uploadOwners.uploadId }).from(uploadOwners).where(and(eq(uploadOwners.uploadId, uploadId), eq(uploadOwners.userId, userId))).get();
  if (own) return true;
  const pattern = `%${uploadId}%`;
  return Boolean(await firstRow(db, sql`select 1 as ok from ${runs} where ${runs.attachmentsSent} like ${pattern} and (${runs.visibility} = 'team' or ${runs.userId} = ${userId}) limit 1`));
}

/**
 * Whether a share link shows this upload: it was sent as an attachment of the shared run
 * (or comparison). What a run sent is recorded by the server, so an id written into a
 * prompt's text shares nothing.
 */
export async function uploadInShare(uploadId: string, shareId: string, database?: Db): Promise<boolean> {
  const db = database ?? (await getDb());
  const pattern = `%${uploadId}%`;
  // A shared comparison shows every run of its group.
  return Boolean(
    await firstRow(db, sql`select 1 as ok from ${runs} r where r.attachments_sent like ${pattern} and (r.share_id = ${shareId}
      or (r.compare_group_id is not null and r.compare_group_id = (select compare_group_id from ${runs} where share_id = ${shareId}))) limit 1`),
  );
}

// --- audit

export { runInTransaction } from "./index";

export async function lastAuditHash(db: Db): Promise<string | null> {
  return (await db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1).get())?.hash ?? null;
}

export async function insertAuditRow(row: Omit<AuditRow, "seq">, db: Db): Promise<number> {
  return insertedRowId(await db.insert(auditLog).values(row).run());
}

export type AuditFilter = { cursor?: number; action?: string; actor?: string; limit: number };

export async function listAudit(filter: AuditFilter, database?: Db): Promise<AuditRow[]> {
  const db = database ?? (await getDb());
  const where: SQL[] = [];
  if (filter.cursor) where.push(lt(auditLog.seq, filter.cursor));
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.actor) where.push(sql`(${auditLog.actorId} = ${filter.actor} or ${auditLog.actorEmail} = ${filter.actor})`);
  return db.select().from(auditLog).where(where.length ? and(...where) : undefined).orderBy(desc(auditLog.seq)).limit(filter.limit).all();
}

/** Every row in chain order, in pages (for verification and export). */
export async function* auditRowsInOrder(database?: Db, pageSize = 1000): AsyncGenerator<AuditRow> {
  const db = database ?? (await getDb());
  let after = 0;
  for (;;) {
    const page = await db.select().from(auditLog).where(sql`${auditLog.seq} > ${after}`).orderBy(auditLog.seq).limit(pageSize).all();
    for (const row of page) yield row;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.seq;
  }
}

/** spendUsd: what budgets count, each run at the larger of its computed and provider-billed cost. */
export type SpendRow = { userId: string | null; provider: string; model: string; runs: number; costUsd: number; providerCostUsd: number; spendUsd: number };

/** Spend by user, provider and model in a period (computed cost beside provider-reported). */
export async function spendByUser(range: { from: Date; to: Date }, database?: Db): Promise<SpendRow[]> {
  const db = database ?? (await getDb());
  return db.all<SpendRow>(sql`
    select ${runs.userId} as userId, ${runs.provider} as provider, ${runs.model} as model, count(*) as runs,
      coalesce(sum(${runs.costUsd}), 0) as costUsd, sum(${runs.providerCostUsd}) as providerCostUsd,
      coalesce(sum(max(coalesce(${runs.costUsd}, 0), coalesce(${runs.providerCostUsd}, 0))), 0) as spendUsd
    from ${runs}
    where ${runs.createdAt} >= ${range.from.getTime()} and ${runs.createdAt} < ${range.to.getTime()} and ${runs.imported} = 0
    group by userId, provider, model order by userId, provider, model`);
}

