import "server-only";
import { BODY_LIMITS } from "@/lib/http/read-json-body";
import { getRun, getUpload, insertRun, saveUpload } from "@/db/queries";
import type { RunRow } from "@/db/schema";
import { addUploadOwner } from "@/db/team-queries";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/http/app-error";
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
  if (rows.length === 0) throw new AppError(404, "not_found", "None of these runs exist.", "ids");
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
  if (ids.length === 0 || ids.length > 10_000) throw new AppError(400, "invalid_query", "ids: a comma-separated list of run ids (at most 10,000).", "ids");
  const bundle = await exportRuns(ids, actor);
  await audit({ action: "export", actor, target: { type: "runs", id: String(bundle.runs.length) }, after: { runs: bundle.runs.map((r) => r.id), uploads: bundle.uploads.length } });
  return new Response(JSON.stringify(bundle), {
    headers: { "content-type": "application/json", "content-disposition": `attachment; filename="runs-${bundle.exportedAt.slice(0, 10)}.json"` },
  });
}

export type ImportResult = { runsImported: number; runsSkipped: number; uploadsImported: number; uploadsSkipped: number };

/** Imported runs and files belong to the importer and start private. */
export async function importBundle(input: unknown, actor: Pick<Actor, "id">): Promise<ImportResult> {
  const parsed = bundleSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(400, "invalid_bundle", `Not a playground bundle: ${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`, "bundle");
  }
  const result: ImportResult = { runsImported: 0, runsSkipped: 0, uploadsImported: 0, uploadsSkipped: 0 };
  for (const upload of parsed.data.uploads) {
    const bytes = Buffer.from(upload.dataBase64, "base64");
    if (sha256(bytes) !== upload.id) throw new AppError(400, "invalid_bundle", `Upload ${upload.id.slice(0, 12)}… does not match its sha256.`, "uploads");
    if (await getUpload(upload.id)) {
      await addUploadOwner(upload.id, actor.id);
      result.uploadsSkipped++;
      continue;
    }
    await storeBytes(upload.id, bytes, upload.mediaType);
    const { dataBase64: _data, createdAt, ...meta } = upload;
    await saveUpload({ ...meta, size: bytes.byteLength, createdAt: new Date(createdAt) });
    await addUploadOwner(upload.id, actor.id);
    result.uploadsImported++;
  }
  for (const run of parsed.data.runs) {
    if (await getRun(run.id)) {
      result.runsSkipped++;
      continue;
    }
    // A run still streaming elsewhere cannot finish here.
    const status = run.status === "streaming" ? "interrupted" : run.status;
    await insertRun({ ...run, status, toolCalls: run.toolCalls, providerReport: run.providerReport, attachmentsSent: run.attachmentsSent as never, createdAt: new Date(run.createdAt), finishedAt: run.finishedAt ? new Date(run.finishedAt) : null, shareId: null, userId: actor.id, visibility: "private" });
    result.runsImported++;
  }
  return result;
}

export async function handleImport(request: Request, actor: Actor): Promise<Response> {
  const result = await importBundle(await readJson(request, BODY_LIMITS.bundle), actor);
  await audit({ action: "import", actor, after: result });
  return Response.json(result);
}
