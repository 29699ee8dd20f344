import "server-only";
import { randomBytes } from "node:crypto";
import { getRun, getRunByShareId, listGroupRuns, setShareId } from "@/db/queries";
import type { RunRow } from "@/db/schema";
import { AppError } from "@/lib/http/app-error";
import type { Actor } from "@/lib/auth/actor";
import { requireAuthor } from "@/lib/runs/run-access";
import { toRunRecord, type RunRecord } from "@/lib/runs/run-record";
import { audit } from "@/lib/team/audit";

// Share links: an unguessable id (144 random bits) on the run. Revoking clears
// it, so the link answers 404 at once. A run that belongs to a comparison
// shares the comparison.

export const SHARE_ID = /^[A-Za-z0-9_-]{24}$/;

function newShareId(): string {
  return randomBytes(18).toString("base64url");
}

const RUN_ID = /^[A-Za-z0-9-]{1,64}$/;

async function requireOwnRun(id: string, actor: Actor): Promise<RunRow> {
  if (!RUN_ID.test(id)) throw new AppError("invalid_id", "Run ids are letters, digits and dashes.", "id");
  return requireAuthor(await getRun(id), id, actor);
}

/** A public link to a run (only its author makes one); `origin` is PUBLIC_URL or the request's own. */
export async function shareRun(id: string, actor: Actor, origin: string): Promise<{ shareId: string; url: string }> {
  const row = await requireOwnRun(id, actor);
  const shareId = row.shareId ?? newShareId();
  if (!row.shareId) {
    await setShareId(id, shareId);
    await audit({ action: "share.create", actor, target: { type: "run", id } });
  }
  return { shareId, url: `${origin}/r/${shareId}` };
}

export async function revokeShare(id: string, actor: Actor): Promise<{ revoked: boolean }> {
  const row = await requireOwnRun(id, actor);
  if (row.shareId) {
    await setShareId(id, null);
    await audit({ action: "share.revoke", actor, target: { type: "run", id } });
  }
  return { revoked: Boolean(row.shareId) };
}

const UPLOAD_URL = /(\/api\/uploads\/[0-9a-f]{64})(?=["?#]|$)/g;

/** Attachments on a shared page are fetched with the share id, which is what lets a visitor without an account see them. */
function withShareAccess(record: RunRecord, shareId: string): RunRecord {
  const messages = JSON.parse(JSON.stringify(record.messages).replace(UPLOAD_URL, `$1?share=${shareId}`)) as unknown[];
  return { ...record, messages };
}

/**
 * What leaves the server for a share link: no internal run id, group id, share id,
 * author or key (they lead to the run page, its share controls and other runs).
 */
function redactForShare(record: RunRecord, index: number): RunRecord {
  return { ...record, id: `shared-${index}`, shareId: null, compareGroupId: null, conversationId: null, userId: null, author: null, apiKeyId: null, apiKeyName: null };
}

/** `shared`: the run the link was made for (its index in `runs`). */
export type SharedView = { kind: "run" | "comparison"; runs: RunRecord[]; shared: number };

/** What /r/:shareId shows, or null (unknown or revoked): the run, or its comparison's latest run per target, redacted. */
export async function loadShared(shareId: string): Promise<SharedView | null> {
  if (!SHARE_ID.test(shareId)) return null;
  const row = await getRunByShareId(shareId);
  if (!row) return null;
  const view = (kind: SharedView["kind"], rows: RunRow[]): SharedView => ({
    kind,
    runs: rows.map((r, i) => redactForShare(withShareAccess(toRunRecord(r), shareId), i)),
    shared: Math.max(0, rows.findIndex((r) => r.id === row.id)),
  });
  if (!row.compareGroupId) return view("run", [row]);
  const latest = new Map<string, RunRow>();
  for (const run of await listGroupRuns(row.compareGroupId)) latest.set(`${run.provider}::${run.model}`, run);
  return view("comparison", [...latest.values()]);
}
