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

/** Open (and migrate) a SQLite database file. */
export function openDatabase(file: string): Handle {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: migrationsFolder() });
  return { db, sqlite, file };
}

export function getDb(): Db {
  const file = databaseFile();
  if (!globalForDb.playgroundDb || globalForDb.playgroundDb.file !== file) {
    globalForDb.playgroundDb = openDatabase(file);
  }
  return globalForDb.playgroundDb.db;
}
