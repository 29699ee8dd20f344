import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseFile, getDatabaseHandle, migrationJournal, openDatabase, snapshotDatabase } from "@/db";
import { readEnv } from "@/lib/env";
import { uploadStorage } from "@/lib/uploads/storage";

// Backups: a consistent online snapshot of the database (SQLite's VACUUM
// INTO, safe while runs stream) plus every upload, with a sha256 manifest.
// Restore verifies the manifest, migrates a copy, then swaps it in and keeps
// the previous database aside.

export type Manifest = {
  format: "llm-playground-backup";
  version: 1;
  createdAt: string;
  migration: string;
  database: { file: string; sha256: string; bytes: number };
  uploads: { id: string; bytes: number }[];
  /** Where the uploads live: only local ones are in the backup (a bucket is backed up by its provider). */
  uploadsStorage?: "local" | "s3" | "vercel-blob";
};

function sha256File(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

function uploadsDir(): string {
  return path.join(readEnv().dataDir, "uploads");
}

function listUploadFiles(root: string): { id: string; file: string }[] {
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^[0-9a-f]{2}$/.test(d.name))
    .flatMap((d) => fs.readdirSync(path.join(root, d.name)).filter((f) => /^[0-9a-f]{64}$/.test(f)).map((id) => ({ id, file: path.join(root, d.name, id) })));
}

/**
 * Session tokens sign people in: a copy of the database that leaves the server
 * (the admin download) goes without them unless the owner asks. Restoring it signs everyone out.
 */
async function dropSessions(dbFile: string): Promise<void> {
  const handle = await openDatabase(dbFile);
  try {
    // One statement per call (libSQL runs only the first of several); VACUUM leaves no deleted bytes behind, and the
    // checkpoint puts it all in the one file the archive carries.
    for (const statement of ["DELETE FROM sessions", "DELETE FROM verifications", "VACUUM", "PRAGMA wal_checkpoint(TRUNCATE)"]) await handle.exec(statement);
  } finally {
    handle.close();
  }
}

/** Writes a backup folder (default DATA_DIR/backups/<time>) and returns it with its manifest. */
export async function createBackup(target?: string, options: { withSessions?: boolean } = {}): Promise<{ dir: string; manifest: Manifest }> {
  const createdAt = new Date().toISOString();
  const dir = target ?? path.join(readEnv().dataDir, "backups", createdAt.replace(/[:.]/g, "-"));
  fs.mkdirSync(dir, { recursive: true });
  const dbFile = path.join(dir, "playground.db");
  await snapshotDatabase(await getDatabaseHandle(), dbFile);
  if (options.withSessions === false) await dropSessions(dbFile);
  const uploads: Manifest["uploads"] = [];
  const uploadsStorage = uploadStorage().kind;
  for (const { id, file } of uploadsStorage === "local" ? listUploadFiles(uploadsDir()) : []) {
    const copy = path.join(dir, "uploads", id.slice(0, 2), id);
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.copyFileSync(file, copy);
    uploads.push({ id, bytes: fs.statSync(copy).size });
  }
  const journal = migrationJournal();
  const manifest: Manifest = {
    format: "llm-playground-backup",
    version: 1,
    createdAt,
    migration: journal[journal.length - 1]!.tag,
    database: { file: "playground.db", sha256: sha256File(dbFile), bytes: fs.statSync(dbFile).size },
    uploads,
    uploadsStorage,
  };
  fs.writeFileSync(path.join(dir, "manifest.json"), JSON.stringify(manifest, null, 2));
  return { dir, manifest };
}

/** Every file the manifest names is there and has its sha256 (upload ids are their sha256). */
function verifyBackup(dir: string): Manifest {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as Manifest;
  if (manifest.format !== "llm-playground-backup") throw new Error(`${dir} is not a playground backup.`);
  if (sha256File(path.join(dir, manifest.database.file)) !== manifest.database.sha256) throw new Error("The backup's database does not match its sha256: it is damaged.");
  for (const upload of manifest.uploads) {
    const file = path.join(dir, "uploads", upload.id.slice(0, 2), upload.id);
    if (!fs.existsSync(file) || sha256File(file) !== upload.id) throw new Error(`Upload ${upload.id.slice(0, 12)}… in the backup is missing or damaged.`);
  }
  return manifest;
}

/**
 * Restores a verified backup into DATA_DIR (the server must be stopped):
 * migrates a copy first, keeps the current database as playground.db.before-restore-<time>.
 */
export async function restoreBackup(dir: string): Promise<{ previous: string | null; manifest: Manifest }> {
  const manifest = verifyBackup(dir);
  const live = databaseFile();
  const staging = `${live}.restoring`;
  fs.rmSync(staging, { force: true });
  fs.copyFileSync(path.join(dir, manifest.database.file), staging);
  (await openDatabase(staging)).close();
  let previous: string | null = null;
  if (fs.existsSync(live)) {
    previous = `${live}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    fs.renameSync(live, previous);
    for (const suffix of ["-wal", "-shm"]) if (fs.existsSync(live + suffix)) fs.renameSync(live + suffix, previous + suffix);
  }
  fs.renameSync(staging, live);
  for (const upload of manifest.uploads) {
    const target = path.join(uploadsDir(), upload.id.slice(0, 2), upload.id);
    if (fs.existsSync(target)) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(dir, "uploads", upload.id.slice(0, 2), upload.id), target);
  }
  return { previous, manifest };
}
