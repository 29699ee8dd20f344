import "server-only";
import { BODY_LIMITS } from "@/lib/http/read-json-body";
import { runInTransaction } from "@/db";
import { getRun, getUpload, insertRun, saveUpload } from "@/db/queries";
import type { AttachmentSent, RunRow } from "@/db/schema";
import { addUploadOwner, uploadVisibleTo } from "@/db/team-queries";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/http/app-error";
import { parseOr400 } from "@/lib/http/parse-or-400";
import { canReadContent, readsAllContent } from "@/lib/runs/run-access";
import { audit } from "@/lib/team/audit";
import { readJson } from "@/lib/http/with-errors";
import { sha256, storeBytes, readStored } from "@/lib/uploads/upload-store";
import { attachedUploadIds } from "@/lib/uploads/attached-uploads";
import { checkUpload } from "@/lib/uploads/check-upload";
import { BUNDLE_FORMAT, bundleSchema, type Bundle } from "./bundle-schema";

// Runs (with their attachments) as a JSON bundle, importable into another
// instance. Run ids are kept, so importing twice adds nothing; uploads are
// content-addressed and checked against their sha256. Share links are never
// exported: they belong to the instance that made them. A file travels only
// as a run's attachment that the exporter may read, never because its id is
// written somewhere in a prompt.

/** The runs among `ids` whose text the actor may read (their own, the team's; everyone's for admins with ADMIN_CAN_READ_RUNS). */
export async function exportRuns(ids: string[], actor: Actor): Promise<Bundle> {
  const rows = (await Promise.all([...new Set(ids)].map((id) => getRun(id)))).filter((r): r is RunRow => Boolean(r) && canReadContent(r!, actor));
  if (rows.length === 0) throw new AppError("not_found", "None of these runs exist.", "ids");
  const uploadIds = new Set(rows.flatMap((r) => [...attachedUploadIds(r.messages), ...r.attachmentsSent.map((a) => a.uploadId)]));
  const readAll = readsAllContent(actor);
  const uploads = [];
  for (const id of uploadIds) {
    const row = await getUpload(id);
    if (!row || !(await uploadVisibleTo(id, actor.id, readAll))) continue;
    uploads.push({ ...row, createdAt: row.createdAt.toISOString(), dataBase64: (await readStored(id)).toString("base64") });
  }
  return {
    format: BUNDLE_FORMAT,
    version: 1,
    exportedAt: new Date().toISOString(),
    runs: rows.map(({ shareId: _shareId, userId: _userId, visibility: _visibility, instanceId: _instance, leaseUntil: _lease, reservedUsd: _reserved, imported: _imported, createdAt, finishedAt, ...run }) => ({ ...run, createdAt: createdAt.toISOString(), finishedAt: finishedAt?.toISOString() ?? null })),
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

/** Every file of a bundle, checked as an upload would be: its sha256, and its type decided by its bytes. */
async function checkedFiles(bundle: Bundle) {
  return Promise.all(
    bundle.uploads.map(async (upload, i) => {
      const bytes = Buffer.from(upload.dataBase64, "base64");
      if (sha256(bytes) !== upload.id) throw new AppError("invalid_bundle", `Upload ${upload.id.slice(0, 12)}… does not match its sha256.`, `uploads.${i}.dataBase64`);
      const sniffed = await checkUpload(bytes, bytes.byteLength, `uploads.${i}.dataBase64`);
      return { upload: { ...upload, mediaType: sniffed.mediaType }, bytes };
    }),
  );
}

/**
 * Imported runs and files belong to the importer and start private. Every file is
 * checked before anything is written; the files (content-addressed, so a leftover
 * is harmless) are stored first, then every row goes in one transaction: an import
 * that fails half-way leaves no runs behind.
 *
 * Imported runs are marked imported: their numbers are shown, never counted as
 * spend. What a run says it attached grants access only to files the bundle
 * carries or the importer could already read.
 */
export async function importBundle(input: unknown, actor: Pick<Actor, "id">): Promise<ImportResult> {
  const bundle = parseOr400(bundleSchema, input, "invalid_bundle", "Not a playground bundle");
  const files = await checkedFiles(bundle);
  const carried = new Set(files.map((f) => f.upload.id));
  const readable = async (uploadId: string) => carried.has(uploadId) || (await uploadVisibleTo(uploadId, actor.id, false));
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
      const attachmentsSent = [];
      for (const sent of run.attachmentsSent as unknown as AttachmentSent[]) if (typeof sent?.uploadId === "string" && (await readable(sent.uploadId))) attachmentsSent.push(sent);
      await insertRun(
        { ...run, status, imported: true, toolCalls: run.toolCalls, providerReport: run.providerReport, attachmentsSent, createdAt: new Date(run.createdAt), finishedAt: run.finishedAt ? new Date(run.finishedAt) : null, shareId: null, userId: actor.id, visibility: "private" },
        tx,
      );
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
