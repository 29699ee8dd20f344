import "server-only";
import { createHash } from "node:crypto";
import { auditRowsInOrder, insertAuditRow, lastAuditHash, runInTransaction } from "@/db/team-queries";
import type { AuditRow } from "@/db/schema";
import type { Db } from "@/db";
import type { Actor } from "@/lib/auth/actor";

export const AUDIT_ACTIONS = [
  "sign-in",
  "sign-in.failed",
  "owner.create",
  "invite.create",
  "invite.accept",
  "invite.revoke",
  "user.role-change",
  "user.disable",
  "user.enable",
  "user.budget-change",
  "user.limits-change",
  "share.create",
  "share.revoke",
  "run.visibility-change",
  "run.delete",
  "export",
  "import",
  "catalog.refresh",
  "settings.change",
  "api-key.create",
  "api-key.revoke",
  "backup.download",
] as const;
type AuditAction = (typeof AUDIT_ACTIONS)[number];

const GENESIS_HASH = "0".repeat(64);

type AuditActor = Pick<Actor, "id" | "email" | "role"> & { ip?: string | null };

export type AuditEntry = {
  action: AuditAction;
  actor: AuditActor | null;
  target?: { type: string; id: string };
  before?: unknown;
  after?: unknown;
  ip?: string | null;
  at?: Date;
};

type HashedFields = Omit<AuditRow, "seq" | "hash">;

/** The hash of a row: its fields in a fixed order, chained to the previous row's hash. */
function auditHash(row: HashedFields): string {
  const canonical = JSON.stringify([
    row.at.getTime(),
    row.actorId,
    row.actorEmail,
    row.actorRole,
    row.action,
    row.targetType,
    row.targetId,
    row.before ?? null,
    row.after ?? null,
    row.ip,
  ]);
  return createHash("sha256").update(row.prevHash).update("\n").update(canonical).digest("hex");
}

/** Appends one row. Reading the last hash and inserting happen in one write transaction, so two processes cannot fork the chain. */
export async function audit(entry: AuditEntry, db?: Db): Promise<number> {
  const write = async (tx: Db) => {
    const fields: HashedFields = {
      at: entry.at ?? new Date(),
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      actorRole: entry.actor?.role ?? null,
      action: entry.action,
      targetType: entry.target?.type ?? null,
      targetId: entry.target?.id ?? null,
      // Round-trip through JSON so the hash covers exactly what is stored.
      before: entry.before === undefined ? null : JSON.parse(JSON.stringify(entry.before)),
      after: entry.after === undefined ? null : JSON.parse(JSON.stringify(entry.after)),
      ip: entry.ip ?? entry.actor?.ip ?? null,
      prevHash: (await lastAuditHash(tx)) ?? GENESIS_HASH,
    };
    return insertAuditRow({ ...fields, hash: auditHash(fields) }, tx);
  };
  return db ? write(db) : runInTransaction(write);
}

export type AuditVerification = { ok: true; rows: number } | { ok: false; rows: number; seq: number; problem: string };

/** Walks the chain from the first row; the first row whose hash or link does not hold is named. */
export async function verifyAuditChain(db?: Db): Promise<AuditVerification> {
  let previous = GENESIS_HASH;
  let rows = 0;
  for await (const row of auditRowsInOrder(db)) {
    rows++;
    if (row.prevHash !== previous) {
      return { ok: false, rows, seq: row.seq, problem: `row ${row.seq} does not follow the row before it (a row was removed or inserted before it)` };
    }
    if (auditHash(row) !== row.hash) {
      return { ok: false, rows, seq: row.seq, problem: `row ${row.seq} (${row.action}) was changed after it was written` };
    }
    previous = row.hash;
  }
  return { ok: true, rows };
}

export function auditJson(row: AuditRow) {
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actor: { id: row.actorId, email: row.actorEmail, role: row.actorRole },
    action: row.action,
    target: row.targetType ? { type: row.targetType, id: row.targetId } : null,
    before: row.before,
    after: row.after,
    ip: row.ip,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
