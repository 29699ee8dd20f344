import "server-only";
import fs from "node:fs";
import path from "node:path";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { sql, type SQL } from "drizzle-orm";
import { type EnvSource, readEnv } from "@/lib/env";
import { AppError } from "@/lib/http/app-error";
import { databaseSetupProblem } from "@/lib/http/deployment-check";
import { waitingWhenBusy } from "./libsql-client";
import * as schema from "./schema";

/**
 * The database, whichever driver serves it: better-sqlite3 (a local file, the
 * default) or libSQL (Turso over https/wss, or a local file with
 * DATABASE_DRIVER=libsql). Same sqlite-core schema, same migrations. Every
 * query awaits its result, so the same code runs on the synchronous and the
 * asynchronous driver.
 */
export type Db = BaseSQLiteDatabase<"sync" | "async", unknown, typeof schema>;
type DbDriver = "better-sqlite3" | "libsql";

export type DatabaseTarget = {
  driver: DbDriver;
  /** The file for a local database, null for a remote one. */
  file: string | null;
  /** What the libSQL client connects to. */
  url: string;
  authToken?: string;
};

export type DatabaseHandle = {
  db: Db;
  driver: DbDriver;
  file: string | null;
  /** Runs a statement that returns nothing (pragmas, VACUUM INTO). */
  exec(statement: string): Promise<void>;
  close(): void;
};

const REMOTE_SCHEMES = ["libsql:", "https:", "http:", "wss:", "ws:"];

/** Where the database lives and which driver opens it, from DATABASE_URL / DATABASE_DRIVER / DATA_DIR. */
export function databaseTarget(source?: EnvSource): DatabaseTarget {
  const env = readEnv(source);
  const problem = databaseSetupProblem(env);
  if (problem) throw new AppError("database_not_configured", problem);
  const url = env.databaseUrl;
  const forced = env.databaseDriver;
  if (url && REMOTE_SCHEMES.some((s) => url.startsWith(s))) {
    if (forced === "better-sqlite3") throw new Error(`DATABASE_DRIVER=better-sqlite3 cannot open a remote DATABASE_URL (${url.split(":")[0]}:); use libsql.`);
    return { driver: "libsql", file: null, url, authToken: env.databaseAuthToken };
  }
  if (url && !url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must start with file:, libsql:, https: or wss: (got ${url.split(":")[0]}:).`);
  }
  const file = url ? (url.slice("file:".length) === ":memory:" ? ":memory:" : path.resolve(url.slice("file:".length))) : path.join(env.dataDir, "playground.db");
  return { driver: forced ?? "better-sqlite3", file, url: file === ":memory:" ? ":memory:" : `file:${file}`, authToken: env.databaseAuthToken };
}

/** The local database file (backups and restores work on files only). */
export function databaseFile(): string {
  const target = databaseTarget();
  if (!target.file) throw new Error("The database is remote (DATABASE_URL); back it up with your provider's tools (Turso: turso db shell .dump, or point-in-time restore).");
  return target.file;
}

export function migrationsFolder(): string {
  return path.join(process.cwd(), "db", "migrations");
}

type JournalEntry = { idx: number; tag: string; when: number };

export function migrationJournal(): JournalEntry[] {
  return (JSON.parse(fs.readFileSync(path.join(migrationsFolder(), "meta", "_journal.json"), "utf8")) as { entries: JournalEntry[] }).entries;
}

/** The first row of a raw query, or undefined (drizzle's libSQL `get` throws on no rows). */
export async function firstRow<T>(db: Db, query: SQL): Promise<T | undefined> {
  return (await db.all<T>(query))[0];
}

/** Rows changed by an insert/update/delete, on either driver. */
export function changedRows(result: unknown): number {
  const r = result as { changes?: number; rowsAffected?: number };
  return Number(r.changes ?? r.rowsAffected ?? 0);
}

/** The rowid an insert made, on either driver. */
export function insertedRowId(result: unknown): number {
  return Number((result as { lastInsertRowid?: number | bigint }).lastInsertRowid ?? 0);
}

/** The driver behind each open connection (a transaction's handle is not in here). */
const connections = new WeakMap<Db, { driver: DbDriver; queue: Promise<unknown> }>();

function quoteSqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

async function connect(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.file && target.file !== ":memory:") fs.mkdirSync(path.dirname(target.file), { recursive: true });
  if (target.driver === "better-sqlite3") {
    const { default: Database } = await import("better-sqlite3");
    const { drizzle } = await import("drizzle-orm/better-sqlite3");
    const sqlite = new Database(target.file!);
    sqlite.pragma("busy_timeout = 5000");
    sqlite.pragma("foreign_keys = ON");
    const db = drizzle(sqlite, { schema }) as unknown as Db;
    connections.set(db, { driver: "better-sqlite3", queue: Promise.resolve() });
    return { db, driver: "better-sqlite3", file: target.file, exec: async (s) => void sqlite.exec(s), close: () => sqlite.close() };
  }
  const { createClient } = await import("@libsql/client");
  const { drizzle } = await import("drizzle-orm/libsql");
  const client = target.file ? waitingWhenBusy(createClient({ url: target.url })) : createClient({ url: target.url, authToken: target.authToken });
  const db = drizzle(client, { schema }) as unknown as Db;
  connections.set(db, { driver: "libsql", queue: Promise.resolve() });
  return { db, driver: "libsql", file: target.file, exec: async (s) => void (await client.execute(s)), close: () => client.close() };
}

/** When the newest migration applied to this database was made (drizzle stores it), or null for a new database. */
async function lastAppliedMigration(db: Db): Promise<number | null> {
  const table = await firstRow<{ name: string }>(db, sql`select name from sqlite_master where type = 'table' and name = '__drizzle_migrations'`);
  if (!table) return null;
  const row = await firstRow<{ at: number | null }>(db, sql`select max(created_at) as at from __drizzle_migrations`);
  return row?.at === null || row?.at === undefined ? null : Number(row.at);
}

/** A consistent copy of a live local database, taken by SQLite itself (safe while others write). */
export async function snapshotDatabase(handle: DatabaseHandle, target: string): Promise<void> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const vacuum = () => handle.exec(`VACUUM INTO ${quoteSqlString(target)}`);
  const connection = connections.get(handle.db);
  // libSQL's client retries a VACUUM refused while a transaction is open (libsql-client.ts).
  if (connection?.driver !== "better-sqlite3") return vacuum();
  // better-sqlite3 has one connection: VACUUM inside another caller's open
  // transaction fails, so the snapshot takes its turn between transactions.
  const turn = connection.queue.then(vacuum);
  connection.queue = turn.catch(() => undefined);
  return turn;
}

async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const migrationsFolderPath = migrationsFolder();
  if (handle.driver === "better-sqlite3") {
    const { migrate } = await import("drizzle-orm/better-sqlite3/migrator");
    migrate(handle.db as never, { migrationsFolder: migrationsFolderPath });
  } else {
    const { migrate } = await import("drizzle-orm/libsql/migrator");
    await migrate(handle.db as never, { migrationsFolder: migrationsFolderPath });
  }
}

/**
 * Open (and migrate) a database. One written by a newer version (a migration
 * this build does not know) is refused; a local file that needs migrating is
 * first copied to backups/pre-migrate-<time>.db beside it.
 */
export async function openDatabase(target: DatabaseTarget | string, options: { migrate?: boolean } = {}): Promise<DatabaseHandle> {
  // On Vercel the production build migrates (npm run vercel-build); a running
  // function, and above all a preview deployment, never does.
  const mayMigrate = options.migrate ?? !readEnv().onVercel;
  const resolved = typeof target === "string" ? { ...databaseTarget(), file: target, url: target === ":memory:" ? ":memory:" : `file:${target}` } : target;
  const handle = await connect(resolved);
  try {
    if (resolved.file && resolved.file !== ":memory:") {
      // WAL lets readers and the writer work at once; it is a property of the file, so set once.
      await handle.exec("PRAGMA journal_mode = WAL");
      await handle.exec("PRAGMA synchronous = NORMAL");
    }
    const journal = migrationJournal();
    const known = journal[journal.length - 1]!;
    const applied = await lastAppliedMigration(handle.db);
    if (applied !== null && applied > known.when) {
      throw new Error(
        `The database ${resolved.file ?? resolved.url} was written by a newer version of the playground (its latest migration is from ${new Date(applied).toISOString()}; this version knows migrations up to ${known.tag}). Run the newer version, or restore a backup made by this one.`,
      );
    }
    if (applied !== null && resolved.file && resolved.file !== ":memory:" && journal.some((e) => e.when > applied)) {
      await snapshotDatabase(handle, path.join(path.dirname(resolved.file), "backups", `pre-migrate-${new Date().toISOString().replace(/[:.]/g, "-")}.db`));
    }
    const pending = applied === null || journal.some((e) => e.when > applied);
    if (pending && !mayMigrate) {
      throw new AppError("database_needs_migration", `The database has migrations this version needs (up to ${known.tag}). On Vercel they run in the production build: redeploy production (previews never migrate the production database).`);
    }
    if (pending) await migrateDatabase(handle);
    return handle;
  } catch (error) {
    handle.close();
    throw error;
  }
}

// One connection (pool) per process, kept across hot reloads in development;
// reopened when the environment points somewhere else (tests).
const globalForDb = globalThis as unknown as { playgroundDb?: { key: string; handle: Promise<DatabaseHandle> } };

function targetKey(target: DatabaseTarget): string {
  return `${target.driver}|${target.url}`;
}

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  const target = databaseTarget();
  const key = targetKey(target);
  if (globalForDb.playgroundDb?.key !== key) {
    const handle = openDatabase(target);
    globalForDb.playgroundDb = { key, handle };
    // A failed open is retried by the next caller rather than cached.
    handle.catch(() => {
      if (globalForDb.playgroundDb?.handle === handle) globalForDb.playgroundDb = undefined;
    });
  }
  return globalForDb.playgroundDb!.handle;
}

const preparedByDb = new WeakMap<Db, Map<string, unknown>>();

/**
 * A statement built and prepared once per connection, for queries on every
 * run's path: drizzle's query building and SQLite's prepare cost several times
 * what running the statement does. Inside a libSQL transaction (a fresh handle
 * each time) it is simply built again.
 */
export function prepareOnce<T>(db: Db, name: string, build: (db: Db) => T): T {
  let statements = preparedByDb.get(db);
  if (!statements) preparedByDb.set(db, (statements = new Map()));
  let statement = statements.get(name) as T | undefined;
  if (!statement) statements.set(name, (statement = build(db)));
  return statement;
}

export async function getDb(): Promise<Db> {
  return (await getDatabaseHandle()).db;
}

/** Closes the process's database (tests, graceful shutdown). */
export async function closeDatabase(): Promise<void> {
  const current = globalForDb.playgroundDb;
  globalForDb.playgroundDb = undefined;
  if (current) (await current.handle.catch(() => null))?.close();
}

/**
 * One write transaction on either driver (BEGIN IMMEDIATE, so two processes
 * cannot interleave a read-then-write). The function gets the transaction's
 * handle and must do all its reads and writes through it. Given a handle that
 * is already a transaction, the function simply runs in it.
 */
export async function runInTransaction<T>(fn: (tx: Db) => Promise<T>, db?: Db): Promise<T> {
  const conn = db ?? (await getDb());
  const connection = connections.get(conn);
  if (!connection) return fn(conn);
  if (connection.driver === "libsql") {
    return (conn as unknown as { transaction: (f: (tx: Db) => Promise<T>, c: object) => Promise<T> }).transaction((tx) => fn(tx), { behavior: "immediate" });
  }
  // better-sqlite3 has one connection: transactions on it take turns. Its statements finish
  // synchronously, so between BEGIN and COMMIT only microtasks already queued can run; a caller
  // returns a refusal rather than throwing it, leaving ROLLBACK for real failures.
  const turn = connection.queue.then(async () => {
    await conn.run(sql`begin immediate`);
    try {
      const result = await fn(conn);
      await conn.run(sql`commit`);
      return result;
    } catch (error) {
      await conn.run(sql`rollback`);
      throw error;
    }
  });
  connection.queue = turn.catch(() => undefined);
  return turn;
}
