import "server-only";
import { z } from "zod";
import { deleteRun, getRun, listRuns } from "@/db/queries";
import { RUN_STATUSES } from "@/db/schema";
import { AppError } from "@/lib/http/app-error";
import { toRunRecord } from "./run-record";

const idSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

export async function getRunRecord(id: string) {
  if (!idSchema.safeParse(id).success) throw new AppError(400, "invalid_id", "Run ids are letters, digits and dashes.", "id");
  const row = await getRun(id);
  if (!row) throw new AppError(404, "not_found", `No run with id ${id}.`);
  return toRunRecord(row);
}

const listQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().optional(),
  provider: z.string().max(100).optional(),
  model: z.string().max(200).optional(),
  status: z.enum(RUN_STATUSES).optional(),
  q: z.string().max(500).optional(),
  compareGroupId: z.string().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

function decodeCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = Number(at);
  if (!Number.isFinite(createdAt) || !id) throw new AppError(400, "invalid_cursor", "The cursor is not valid.", "cursor");
  return { createdAt, id };
}

export async function listRunRecords(url: URL) {
  const parsed = listQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(400, "invalid_query", issue?.message ?? "invalid query", issue?.path.join("."));
  }
  const { cursor, from, to, ...filter } = parsed.data;
  const page = await listRuns({
    ...filter,
    cursor: decodeCursor(cursor),
    // Dates are whole UTC days; `to` is inclusive.
    from: from ? new Date(`${from}T00:00:00Z`) : undefined,
    to: to ? new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000) : undefined,
  });
  return {
    runs: page.runs.map(toRunRecord),
    nextCursor: page.nextCursor ? Buffer.from(`${page.nextCursor.createdAt}|${page.nextCursor.id}`).toString("base64url") : null,
  };
}

export async function deleteRunRecord(id: string) {
  if (!idSchema.safeParse(id).success) throw new AppError(400, "invalid_id", "Run ids are letters, digits and dashes.", "id");
  if (!(await deleteRun(id))) throw new AppError(404, "not_found", `No run with id ${id}.`);
  return { deleted: id };
}
