import "server-only";
import { BODY_LIMITS } from "@/lib/http/read-json-body";
import { runInTransaction } from "@/db";
import { getRun, getUpload, insertRun, saveUpload } from "@/db/queries";
import type { RunRow } from "@/db/schema";
import { addUploadOwner } from "@/db/team-queries";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/http/app-error";
import { parseOr400 } from "@/lib/http/parse-or-400";
import { canReadContent } from "@/lib/runs/run-access";
import { audit } from "@/lib/team/audit";
import { readJson } from "@/lib/http/with-errors";
import { sha256, storeBytes, readStored } from "@/lib/uploads/upload-store";
import { BUNDLE_FORMAT, bundleSchema, type Bundle } from "./bundle-schema";

// Runs (with their attachments) as a JSON bundle, importable into another
// instance. Run ids are kept, so importing twice adds nothing; uploads are
// content-addressed and checked against their sha256. Share links are never
// exported: they belong to the instance that made them.

const UPLOAD_REF = /\/api\/uploads\/([0-9a-f]{64})/g;

/** The runs among `ids` whose text the actor may read (their own, the team's; everyone's for admins with ADMIN_CAN_READ_RUNS). */
export async function exportRuns(ids: string[], actor: Actor): Promise<Bundle> {
  const rows = (await Promise.all([...new Set(ids)].map((id) => getRun(id)))).filter((r): r is RunRow => Boolean(r) && canReadContent(r!, actor));
  if (rows.length === 0) throw new AppError("not_found", "None of these runs exist.", "ids");
  const uploadIds = new Set(rows.flatMap((r) => [...JSON.stringify(r.messages).matchAll(UPLOAD_REF)].map((m) => m[1]!)));
  const uploads = [];
  for (const id of uploadIds) {
    const row = await getUpload(id);
    if (!row) continue;
    uploads.push({ ...row, createdAt: row.createdAt.toISOString(), dataBase64: (await readStored(id)).toString("base64") });
  }
  return {
    format: BUNDLE_FORMAT,
    version: 1,
    exportedAt: new Date().toISOString(),
    runs: rows.map(({ shareId: _shareId, userId: _userId, visibility: _visibility, createdAt, finishedAt, ...run }) => ({ ...run, createdAt: createdAt.toISOString(), finishedAt: finishedAt?.toISOString() ?? null })),
    uploads,
  };
}

export async function handleExport(request: Request, actor: Actor): Promise<Response> {
  const ids = (new URL(request.url).searchParams.get("ids") ?? "").split(",").filter(Boolean);
  if (ids.length === 0 || ids.length > 10_000) throw new AppError("invalid_query", "ids: a comma-separated list of run ids (at most 10,000).", "ids");
  const bundle = await exportRuns(ids, actor);
  await audit({ action: "export", actor, target: { type: "runs", id: String(bundle.runs.length) }, after: { runs: bundle.runs.map((r) => r.id), uploads: bundle.uploads.length } });
  return new Response(JSON.stringify(bundle), {
    headers: { "content-type": "application/json", "content-disposition": `attachment; filename="runs-${bundle.exportedAt.slice(0, 10)}.json"` },
  });
}

export type ImportResult = { runsImported: number; runsSkipped: number; uploadsImported: number; uploadsSkipped: number };

/**
 * Imported runs and files belong to the importer and start private. Every file is
 * checked before anything is written; the files (content-addressed, so a leftover
 * is harmless) are stored first, then every row goes in one transaction: an import
 * that fails half-way leaves no runs behind.
 */
export async function importBundle(input: unknown, actor: Pick<Actor, "id">): Promise<ImportResult> {
  const bundle = parseOr400(bundleSchema, input, "invalid_bundle", "Not a playground bundle");
  const files = bundle.uploads.map((upload) => {
    const bytes = Buffer.from(upload.dataBase64, "base64");
    if (sha256(bytes) !== upload.id) throw new AppError("invalid_bundle", `Upload ${upload.id.slice(0, 12)}… does not match its sha256.`, "uploads");
    return { upload, bytes };
  });
  for (const { upload, bytes } of files) if (!(await getUpload(upload.id))) await storeBytes(upload.id, bytes, upload.mediaType);

  return runInTransaction(async (tx) => {
    const result: ImportResult = { runsImported: 0, runsSkipped: 0, uploadsImported: 0, uploadsSkipped: 0 };
    for (const { upload, bytes } of files) {
      if (await getUpload(upload.id, tx)) result.uploadsSkipped++;
      else {
        const { dataBase64: _data, createdAt, ...meta } = upload;
        await saveUpload({ ...meta, size: bytes.byteLength, createdAt: new Date(createdAt) }, tx);
        result.uploadsImported++;
      }
      await addUploadOwner(upload.id, actor.id, tx);
    }
    for (const run of bundle.runs) {
      if (await getRun(run.id, tx)) {
        result.runsSkipped++;
        continue;
      }
      // A run still streaming elsewhere cannot finish here.
      const status = run.status === "streaming" ? "interrupted" : run.status;
      await insertRun({ ...run, status, toolCalls: run.toolCalls, providerReport: run.providerReport, attachmentsSent: run.attachmentsSent as never, createdAt: new Date(run.createdAt), finishedAt: run.finishedAt ? new Date(run.finishedAt) : null, shareId: null, userId: actor.id, visibility: "private" }, tx);
      result.runsImported++;
    }
    return result;
  });
}

export async function handleImport(request: Request, actor: Actor): Promise<Response> {
  const result = await importBundle(await readJson(request, BODY_LIMITS.bundle), actor);
  await audit({ action: "import", actor, after: result });
  return Response.json(result);
}
