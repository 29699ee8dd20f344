import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { readEnv } from "@/lib/env";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;

type Handle = { db: Db; sqlite: Database.Database; file: string };

// One connection per process, kept across hot reloads in development.
const globalForDb = globalThis as unknown as { playgroundDb?: Handle };

export function databaseFile(): string {
  const env = readEnv();
  const url = env.databaseUrl;
  if (url && !url.startsWith("file:")) {
    // libsql:// and https:// (Turso) need @libsql/client: see README "Scaling out".
    throw new Error(`DATABASE_URL scheme not supported by this build: ${url.split(":")[0]}`);
  }
  return url ? path.resolve(url.slice("file:".length)) : path.join(env.dataDir, "playground.db");
}

export function migrationsFolder(): string {
  return path.join(process.cwd(), "db", "migrations");
}

type JournalEntry = { idx: number; tag: string; when: number };

export function migrationJournal(): JournalEntry[] {
  return (JSON.parse(fs.readFileSync(path.join(migrationsFolder(), "meta", "_journal.json"), "utf8")) as { entries: JournalEntry[] }).entries;
}

/** When the newest migration applied to this database was made (drizzle stores it), or null for a new database. */
function lastAppliedMigration(sqlite: Database.Database): number | null {
  const table = sqlite.prepare("select name from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  if (!table) return null;
  const row = sqlite.prepare("select max(created_at) as at from __drizzle_migrations").get() as { at: number | null };
  return row.at === null ? null : Number(row.at);
}

/** A consistent copy of a live database, taken by SQLite itself (safe while others write). */
export function snapshotDatabase(sqlite: Database.Database, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  sqlite.exec(`VACUUM INTO '${target.replace(/'/g, "''")}'`);
}

/**
 * Open (and migrate) a SQLite database file. A database written by a newer
 * version (a migration this build does not know) is refused; one that needs
 * migrating is first copied to backups/pre-migrate-<time>.db beside it.
 */
export function openDatabase(file: string): Handle {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  const journal = migrationJournal();
  const known = journal[journal.length - 1]!;
  const applied = lastAppliedMigration(sqlite);
  if (applied !== null && applied > known.when) {
    sqlite.close();
    throw new Error(
      `The database ${file} was written by a newer version of the playground (its latest migration is from ${new Date(applied).toISOString()}; this version knows migrations up to ${known.tag}). Run the newer version, or restore a backup made by this one.`,
    );
  }
  if (applied !== null && file !== ":memory:" && journal.some((e) => e.when > applied)) {
    snapshotDatabase(sqlite, path.join(path.dirname(file), "backups", `pre-migrate-${new Date().toISOString().replace(/[:.]/g, "-")}.db`));
  }
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: migrationsFolder() });
  return { db, sqlite, file };
}

/** The raw connection of the process's database (for snapshots). */
export function getSqlite(): Database.Database {
  getDb();
  return globalForDb.playgroundDb!.sqlite;
}

export function getDb(): Db {
  const file = databaseFile();
  if (!globalForDb.playgroundDb || globalForDb.playgroundDb.file !== file) {
    globalForDb.playgroundDb = openDatabase(file);
  }
  return globalForDb.playgroundDb.db;
}
