import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import * as tar from "tar";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/http/app-error";
import { readsAllContent } from "@/lib/runs/run-access";
import { audit } from "@/lib/team/audit";
import { createBackup, type Manifest } from "./backup";

// The admin's "Download backup": the same backup `npm run backup` writes
// (consistent snapshot, uploads, sha256 manifest) as one .tar.gz, which
// `npm run restore -- <file>` takes as it is.

/**
 * A backup as a streamed .tar.gz; the temporary folder goes once the download ends.
 * Session tokens stay out of it unless the owner asks (`?sessions=1`).
 */
export async function backupArchiveResponse(request: Request, actor: Actor): Promise<Response> {
  // It holds every person's text: the owner's, or an admin's who may read all runs.
  if (actor.role !== "owner" && !readsAllContent(actor)) {
    throw new AppError("forbidden", "A backup holds everyone's runs: only the owner (or admins with ADMIN_CAN_READ_RUNS=true) can download it.");
  }
  const withSessions = new URL(request.url).searchParams.get("sessions") === "1";
  if (withSessions && actor.role !== "owner") throw new AppError("forbidden", "Only the owner can download a backup with the sign-in sessions in it.");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "playground-backup-"));
  let manifest: Manifest;
  try {
    manifest = (await createBackup(dir, { withSessions })).manifest;
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  await audit({ action: "backup.download", actor, after: { migration: manifest.migration, uploads: manifest.uploads.length, databaseBytes: manifest.database.bytes } });
  const entries = ["manifest.json", manifest.database.file, ...(manifest.uploads.length ? ["uploads"] : [])];
  // tar's stream is a minipass one: read it as an async iterable.
  const archive = Readable.from(tar.create({ gzip: true, cwd: dir, portable: true }, entries));
  archive.on("close", () => fs.rmSync(dir, { recursive: true, force: true }));
  const name = `playground-backup-${manifest.createdAt.replace(/[:.]/g, "-")}.tar.gz`;
  return new Response(Readable.toWeb(archive) as ReadableStream<Uint8Array>, {
    headers: { "content-type": "application/gzip", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" },
  });
}

/** A backup given as a .tar.gz (from the download) is unpacked into a temporary folder first. */
export async function backupFolderFrom(source: string): Promise<{ dir: string; cleanup: () => void }> {
  if (fs.statSync(source).isDirectory()) return { dir: source, cleanup: () => undefined };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "playground-restore-"));
  // Only plain files and folders, never links or absolute paths (tar's defaults strip those).
  await tar.extract({ file: source, cwd: dir, filter: (_p, entry) => "type" in entry && (entry.type === "File" || entry.type === "Directory") });
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
