import "server-only";
import { z } from "zod";
import { deleteRun, getRun, listGroupRuns, listRuns, setVisibility } from "@/db/queries";
import { listUsers } from "@/db/team-queries";
import { listAllApiKeyNames } from "@/db/gateway-queries";
import { RUN_STATUSES, RUN_VISIBILITIES, type RunRow } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/policy";
import { AppError } from "@/lib/http/app-error";
import { parseOr400 } from "@/lib/http/parse-or-400";
import { audit } from "@/lib/team/audit";
import { forActor, readsAllContent, requireAuthor, requireVisible } from "./run-access";
import { toRunRecord } from "./run-record";

const idSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

export function checkRunId(id: string): void {
  if (!idSchema.safeParse(id).success) throw new AppError("invalid_id", "Run ids are letters, digits and dashes.", "id");
}

async function authorNames(): Promise<Map<string, { name: string }>> {
  return new Map((await listUsers()).map((u) => [u.id, { name: u.name }]));
}

async function keyNames(): Promise<Map<string, string>> {
  return new Map((await listAllApiKeyNames()).map((k) => [k.id, k.name]));
}

export async function getRunRecord(id: string, actor: Actor) {
  checkRunId(id);
  const row = requireVisible(await getRun(id), id, actor);
  const [names, keys] = await Promise.all([authorNames(), keyNames()]);
  return toRunRecord(forActor(row, actor), row.userId ? names.get(row.userId) : null, row.apiKeyId ? keys.get(row.apiKeyId) : null);
}

const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().optional(),
  provider: z.string().max(100).optional(),
  model: z.string().max(200).optional(),
  status: z.enum(RUN_STATUSES).optional(),
  q: z.string().max(500).optional(),
  compareGroupId: z.string().max(100).optional(),
  user: z.string().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

function decodeCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = Number(at);
  if (!Number.isFinite(createdAt) || !id) throw new AppError("invalid_cursor", "The cursor is not valid.", "cursor");
  return { createdAt, id };
}

export async function listRunRecords(url: URL, actor: Actor) {
  const { cursor, from, to, user, ...filter } = parseOr400(listQuerySchema, Object.fromEntries(url.searchParams), "invalid_query");
  const admin = isAdmin(actor.role);
  const page = await listRuns({
    ...filter,
    userId: user,
    // Admins list everyone's runs (text hidden where private); others their own and the team's.
    visibleTo: { userId: actor.id, everyone: admin },
    searchVisibleTo: readsAllContent(actor) ? null : actor.id,
    cursor: decodeCursor(cursor),
    // Dates are whole UTC days; `to` is inclusive.
    from: from ? new Date(`${from}T00:00:00Z`) : undefined,
    to: to ? new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000) : undefined,
  });
  const [names, keys] = await Promise.all([authorNames(), keyNames()]);
  return {
    runs: page.runs.map((row) => toRunRecord(forActor(row, actor), row.userId ? names.get(row.userId) : null, row.apiKeyId ? keys.get(row.apiKeyId) : null)),
    nextCursor: page.nextCursor ? Buffer.from(`${page.nextCursor.createdAt}|${page.nextCursor.id}`).toString("base64url") : null,
  };
}

/** The author, or an admin, deletes a run. */
export async function deleteRunRecord(id: string, actor: Actor) {
  checkRunId(id);
  const row = requireVisible(await getRun(id), id, actor);
  if (row.userId !== actor.id && !isAdmin(actor.role)) throw new AppError("not_author", "Only the person who ran this (or an admin) can delete it.");
  if (!(await deleteRun(id))) throw new AppError("not_found", `No run with id ${id}.`);
  await audit({ action: "run.delete", actor, target: { type: "run", id }, before: { provider: row.provider, model: row.model, userId: row.userId, costUsd: row.costUsd } });
  return { deleted: id };
}

const visibilitySchema = z.object({ visibility: z.enum(RUN_VISIBILITIES) }).strict();

/** PATCH /api/runs/:id { visibility }: a comparison changes as one (the author's runs in it). */
export async function changeVisibility(id: string, body: unknown, actor: Actor) {
  checkRunId(id);
  const { visibility } = parseOr400(visibilitySchema, body);
  const row = requireAuthor(await getRun(id), id, actor);
  const group: RunRow[] = row.compareGroupId ? (await listGroupRuns(row.compareGroupId)).filter((r) => r.userId === actor.id) : [row];
  const ids = group.map((r) => r.id);
  await setVisibility(ids, visibility);
  await audit({ action: "run.visibility-change", actor, target: { type: row.compareGroupId ? "comparison" : "run", id: row.compareGroupId ?? id }, before: { visibility: row.visibility }, after: { visibility: visibility, runs: ids.length } });
  return { id, visibility: visibility, runs: ids };
}
