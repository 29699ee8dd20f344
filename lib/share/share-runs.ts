import "server-only";
import { randomBytes } from "node:crypto";
import { getRun, getRunByShareId, listGroupRuns, setShareId } from "@/db/queries";
import type { RunRow } from "@/db/schema";
import { AppError } from "@/lib/http/app-error";
import { toRunRecord, type RunRecord } from "@/lib/runs/run-record";

// Share links: an unguessable id (144 random bits) on the run. Revoking clears
// it, so the link answers 404 at once. A run that belongs to a comparison
// shares the comparison.

export const SHARE_ID = /^[A-Za-z0-9_-]{24}$/;

function newShareId(): string {
  return randomBytes(18).toString("base64url");
}

async function requireRun(id: string): Promise<RunRow> {
  const row = await getRun(id);
  if (!row) throw new AppError(404, "not_found", `No run with id ${id}.`);
  return row;
}

export async function shareRun(id: string, origin: string): Promise<{ shareId: string; url: string }> {
  const row = await requireRun(id);
  const shareId = row.shareId ?? newShareId();
  if (!row.shareId) await setShareId(id, shareId);
  return { shareId, url: `${origin}/r/${shareId}` };
}

export async function revokeShare(id: string): Promise<{ revoked: boolean }> {
  const row = await requireRun(id);
  if (row.shareId) await setShareId(id, null);
  return { revoked: Boolean(row.shareId) };
}

export type SharedView = { kind: "run" | "comparison"; runs: RunRecord[]; sharedRunId: string };

/** What /r/:shareId shows, or null (unknown or revoked): the run, or its comparison's latest run per target. */
export async function loadShared(shareId: string): Promise<SharedView | null> {
  if (!SHARE_ID.test(shareId)) return null;
  const row = await getRunByShareId(shareId);
  if (!row) return null;
  if (!row.compareGroupId) return { kind: "run", runs: [toRunRecord(row)], sharedRunId: row.id };
  const latest = new Map<string, RunRow>();
  for (const run of await listGroupRuns(row.compareGroupId)) latest.set(`${run.provider}::${run.model}`, run);
  return { kind: "comparison", runs: [...latest.values()].map(toRunRecord), sharedRunId: row.id };
}
