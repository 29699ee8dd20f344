import "server-only";
import { and, desc, eq, isNull, lt, sql, type SQL } from "drizzle-orm";
import { getDb, type Db } from "./index";
import { accounts, auditLog, invites, runs, sessions, settings, uploadOwners, users, type AuditRow, type InviteRow, type Role, type UserRow } from "./schema";

// Users, invites, settings and the audit log. Like db/queries.ts, reads are
// async so another driver can serve them later; the writes that run inside a
// transaction (runInTransaction) are synchronous, as better-sqlite3's are.

export async function countUsers(db: Db = getDb()): Promise<number> {
  return db.get<{ n: number }>(sql`select count(*) as n from ${users}`)?.n ?? 0;
}

export async function getUserById(id: string, db: Db = getDb()): Promise<UserRow | undefined> {
  return db.select().from(users).where(eq(users.id, id)).get();
}

export async function getUserByEmail(email: string, db: Db = getDb()): Promise<UserRow | undefined> {
  return db.select().from(users).where(eq(users.email, email.toLowerCase())).get();
}

export async function listUsers(db: Db = getDb()): Promise<UserRow[]> {
  return db.select().from(users).orderBy(users.createdAt).all();
}

export async function findOwner(db: Db = getDb()): Promise<UserRow | undefined> {
  return db.select().from(users).where(eq(users.role, "owner")).orderBy(users.createdAt).get();
}

export function insertUser(row: Pick<UserRow, "id" | "name" | "email" | "role" | "createdAt" | "updatedAt"> & Partial<UserRow>, db: Db = getDb()): void {
  db.insert(users).values(row).run();
}

export function updateUser(id: string, patch: Partial<Pick<UserRow, "role" | "disabled" | "name" | "email" | "monthlyBudgetUsd" | "rpm" | "maxConcurrent">>, db: Db = getDb()): void {
  db.update(users).set({ ...patch, updatedAt: new Date() }).where(eq(users.id, id)).run();
}

export async function deleteUserSessions(userId: string, db: Db = getDb()): Promise<void> {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}

export async function hasPassword(userId: string, db: Db = getDb()): Promise<boolean> {
  return Boolean(db.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.userId, userId), eq(accounts.providerId, "credential"))).get());
}

export function insertCredentialAccount(row: { id: string; userId: string; passwordHash: string }, db: Db = getDb()): void {
  const now = new Date();
  db.insert(accounts).values({ id: row.id, accountId: row.userId, providerId: "credential", userId: row.userId, password: row.passwordHash, createdAt: now, updatedAt: now }).run();
}

export async function latestIdToken(userId: string, providerId: string, db: Db = getDb()): Promise<string | null> {
  const row = db.select({ idToken: accounts.idToken }).from(accounts).where(and(eq(accounts.userId, userId), eq(accounts.providerId, providerId))).orderBy(desc(accounts.updatedAt)).get();
  return row?.idToken ?? null;
}

/** Rows written before accounts existed belong to the owner. */
export async function assignOrphansTo(userId: string, db: Db = getDb()): Promise<number> {
  const changed = db.update(runs).set({ userId }).where(isNull(runs.userId)).run().changes;
  db.run(sql`insert or ignore into ${uploadOwners} (upload_id, user_id, created_at) select id, ${userId}, created_at from uploads where id not in (select upload_id from ${uploadOwners})`);
  return changed;
}

// --- invites

export async function insertInvite(row: InviteRow, db: Db = getDb()): Promise<void> {
  db.insert(invites).values(row).run();
}

export async function getInviteByTokenHash(tokenHash: string, db: Db = getDb()): Promise<InviteRow | undefined> {
  return db.select().from(invites).where(eq(invites.tokenHash, tokenHash)).get();
}

export async function getInvite(id: string, db: Db = getDb()): Promise<InviteRow | undefined> {
  return db.select().from(invites).where(eq(invites.id, id)).get();
}

export async function listInvites(db: Db = getDb()): Promise<InviteRow[]> {
  return db.select().from(invites).orderBy(desc(invites.createdAt)).limit(500).all();
}

/** Marks an invite used; false when it was already used, revoked or expired (single use, race-free). */
export function consumeInvite(id: string, userId: string, now: Date, db: Db = getDb()): boolean {
  return (
    db
      .update(invites)
      .set({ acceptedAt: now, acceptedBy: userId })
      .where(and(eq(invites.id, id), isNull(invites.acceptedAt), isNull(invites.revokedAt), sql`${invites.expiresAt} > ${now.getTime()}`))
      .run().changes === 1
  );
}

export async function revokeInviteRow(id: string, now: Date, db: Db = getDb()): Promise<boolean> {
  return db.update(invites).set({ revokedAt: now }).where(and(eq(invites.id, id), isNull(invites.acceptedAt), isNull(invites.revokedAt))).run().changes === 1;
}

// --- settings

export async function readSetting(key: string, db: Db = getDb()): Promise<unknown> {
  return db.select().from(settings).where(eq(settings.key, key)).get()?.value;
}

export async function writeSetting(key: string, value: unknown, db: Db = getDb()): Promise<void> {
  db.insert(settings).values({ key, value, updatedAt: new Date() }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: new Date() } }).run();
}

// --- uploads owned

export async function addUploadOwner(uploadId: string, userId: string, db: Db = getDb()): Promise<void> {
  db.insert(uploadOwners).values({ uploadId, userId, createdAt: new Date() }).onConflictDoNothing().run();
}

/** Whether a user may fetch an upload: theirs, or attached to a run they can read. */
export async function uploadVisibleTo(uploadId: string, userId: string, readAll: boolean, db: Db = getDb()): Promise<boolean> {
  if (readAll) return true;
  const own = db.select({ id: uploadOwners.uploadId }).from(uploadOwners).where(and(eq(uploadOwners.uploadId, uploadId), eq(uploadOwners.userId, userId))).get();
  if (own) return true;
  const pattern = `%${uploadId}%`;
  return Boolean(db.get(sql`select 1 as ok from ${runs} where ${runs.attachmentsSent} like ${pattern} and (${runs.visibility} = 'team' or ${runs.userId} = ${userId}) limit 1`));
}

export async function uploadInShare(uploadId: string, shareId: string, db: Db = getDb()): Promise<boolean> {
  const pattern = `%${uploadId}%`;
  // A shared comparison shows every run of its group.
  return Boolean(
    db.get(sql`select 1 as ok from ${runs} r where r.messages like ${pattern} and (r.share_id = ${shareId}
      or (r.compare_group_id is not null and r.compare_group_id = (select compare_group_id from ${runs} where share_id = ${shareId}))) limit 1`),
  );
}

// --- audit

export function runInTransaction<T>(fn: (db: Db) => T, db: Db = getDb()): T {
  return db.transaction((tx) => fn(tx as unknown as Db), { behavior: "immediate" });
}

export function lastAuditHash(db: Db): string | null {
  return db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1).get()?.hash ?? null;
}

export function insertAuditRow(row: Omit<AuditRow, "seq">, db: Db): number {
  return Number(db.insert(auditLog).values(row).run().lastInsertRowid);
}

export type AuditFilter = { cursor?: number; action?: string; actor?: string; limit: number };

export async function listAudit(filter: AuditFilter, db: Db = getDb()): Promise<AuditRow[]> {
  const where: SQL[] = [];
  if (filter.cursor) where.push(lt(auditLog.seq, filter.cursor));
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.actor) where.push(sql`(${auditLog.actorId} = ${filter.actor} or ${auditLog.actorEmail} = ${filter.actor})`);
  return db.select().from(auditLog).where(where.length ? and(...where) : undefined).orderBy(desc(auditLog.seq)).limit(filter.limit).all();
}

/** Every row in chain order, in pages (for verification and export). */
export async function* auditRowsInOrder(db: Db = getDb(), pageSize = 1000): AsyncGenerator<AuditRow> {
  let after = 0;
  for (;;) {
    const page = db.select().from(auditLog).where(sql`${auditLog.seq} > ${after}`).orderBy(auditLog.seq).limit(pageSize).all();
    for (const row of page) yield row;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.seq;
  }
}

export type SpendRow = { userId: string | null; provider: string; model: string; runs: number; costUsd: number; providerCostUsd: number };

/** Spend by user, provider and model in a period (computed cost beside provider-reported). */
export async function spendByUser(range: { from: Date; to: Date }, db: Db = getDb()): Promise<SpendRow[]> {
  return db.all<SpendRow>(sql`
    select ${runs.userId} as userId, ${runs.provider} as provider, ${runs.model} as model, count(*) as runs,
      coalesce(sum(${runs.costUsd}), 0) as costUsd, coalesce(sum(${runs.providerCostUsd}), 0) as providerCostUsd
    from ${runs}
    where ${runs.createdAt} >= ${range.from.getTime()} and ${runs.createdAt} < ${range.to.getTime()}
    group by userId, provider, model order by userId, provider, model`);
}

export type { Role };
