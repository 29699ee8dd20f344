import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getRun } from "@/db/queries";
import { firstRow, migrationJournal, migrationsFolder, openDatabase, runInTransaction } from "@/db";
import { startRun } from "@/lib/runs/start-run";
import { handleSimulatorRequest } from "@/lib/simulator/handle-simulator-request";
import { serveFetchHandler, type ServedHandler } from "@/test/support/serve-fetch-handler";
import { ownerActor } from "@/test/support/test-actor";
import { createBackup, restoreBackup } from "./backup";

const temp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `playground-${name}-`));
let upstream: ServedHandler;

beforeAll(async () => {
  upstream = await serveFetchHandler(handleSimulatorRequest);
  process.env.SIMULATOR_BASE_URL = `${upstream.url}/v1`;
});
afterAll(() => upstream.close());

function post(text: string, params: Record<string, unknown>, signal?: AbortSignal) {
  return new Request("http://localhost/api/runs", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ provider: "simulator", model: "qwen3.5-flash", params, messages: [{ role: "user", parts: [{ type: "text", text }] }] }),
    signal,
  });
}

describe("backup and restore", () => {
  it("a backup taken while 20 runs stream restores every finished run intact", async () => {
    process.env.DATA_DIR = temp("backup-source");
    const owner = await ownerActor();
    const finished: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await startRun(post(`finished run ${i}`, { sim_ttft_ms: 0, sim_tokens_per_second: 20000 }), owner);
      await response.text();
      finished.push(response.headers.get("x-run-id")!);
    }
    for (let i = 0; i < 50 && (await Promise.all(finished.map((id) => getRun(id)))).some((r) => r?.status === "streaming"); i++) await new Promise((r) => setTimeout(r, 20));
    const before = await Promise.all(finished.map((id) => getRun(id)));

    const controller = new AbortController();
    const streaming = await Promise.all(Array.from({ length: 20 }, (_, i) => startRun(post(`write 3000 words ${i}`, { sim_ttft_ms: 0, sim_tokens_per_second: 50 }, controller.signal), owner)));
    const readers = streaming.map((r) => r.body!.getReader());
    await Promise.all(readers.map((r) => r.read()));
    const { dir, manifest } = await createBackup();
    controller.abort();
    await Promise.all(readers.map((r) => r.cancel().catch(() => undefined)));
    expect(manifest.database.bytes).toBeGreaterThan(0);

    process.env.DATA_DIR = temp("backup-target");
    await restoreBackup(dir);
    for (const row of before) expect(await getRun(row!.id)).toEqual(row);
    const copies = await Promise.all(streaming.map((r) => getRun(r.headers.get("x-run-id")!)));
    expect(copies.every((r) => r?.status === "streaming")).toBe(true);
  });

  it("a backup asked for while a write transaction waits on I/O takes its turn instead of failing", async () => {
    process.env.DATA_DIR = temp("backup-in-transaction");
    await ownerActor();
    let release!: () => void;
    const holding = runInTransaction(async (tx) => {
      await tx.run(sql`select 1`);
      await new Promise<void>((resolve) => (release = resolve));
    });
    await new Promise((r) => setTimeout(r, 10));
    const backup = createBackup();
    setTimeout(() => release(), 20);
    await holding;
    expect((await backup).manifest.database.bytes).toBeGreaterThan(0);
  });

  it("a damaged backup is refused and the live database is left alone", async () => {
    process.env.DATA_DIR = temp("backup-damaged");
    await ownerActor();
    const { dir } = await createBackup();
    fs.appendFileSync(path.join(dir, "playground.db"), "x");
    await expect(restoreBackup(dir)).rejects.toThrow(/damaged/);
  });
});

describe("upgrades", () => {
  const journal = migrationJournal();

  /** A database at migration level `k` (the first k migrations), with one run written then. */
  function databaseAtLevel(k: number): string {
    const folder = temp(`migrations-${k}`);
    fs.mkdirSync(path.join(folder, "meta"));
    const entries = journal.slice(0, k);
    fs.writeFileSync(path.join(folder, "meta", "_journal.json"), JSON.stringify({ version: "7", dialect: "sqlite", entries }));
    for (const e of entries) fs.copyFileSync(path.join(migrationsFolder(), `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
    const file = path.join(temp(`level-${k}`), "playground.db");
    const sqlite = new Database(file);
    migrate(drizzle(sqlite), { migrationsFolder: folder });
    sqlite.prepare("insert into runs (id, status, provider, model, params, messages, output_text, created_at) values ('old-run', 'done', 'simulator', 'qwen3.5-flash', '{}', '[]', 'kept', 1790000000000)").run();
    sqlite.close();
    return file;
  }

  it("starts from a database at every earlier migration level, snapshots it first, and keeps its runs", async () => {
    for (let k = 1; k < journal.length; k++) {
      const file = databaseAtLevel(k);
      const handle = await openDatabase(file);
      const run = await firstRow<{ output_text: string; visibility: string }>(handle.db, sql`select output_text, visibility from runs where id = 'old-run'`);
      expect({ ...run }, `from level ${k}`).toEqual({ output_text: "kept", visibility: "private" });
      const applied = await firstRow<{ n: number }>(handle.db, sql`select count(*) as n from __drizzle_migrations`);
      expect(Number(applied?.n)).toBe(journal.length);
      handle.close();
      expect(fs.readdirSync(path.join(path.dirname(file), "backups")).some((f) => f.startsWith("pre-migrate-")), `snapshot at level ${k}`).toBe(true);
    }
  });

  it("refuses a database written by a newer version, with a clear message", async () => {
    const file = path.join(temp("newer"), "playground.db");
    (await openDatabase(file)).close();
    const sqlite = new Database(file);
    sqlite.prepare("insert into __drizzle_migrations (hash, created_at) values ('future', ?)").run(journal[journal.length - 1]!.when + 60_000);
    sqlite.close();
    await expect(openDatabase(file)).rejects.toThrow(/written by a newer version of the playground/);
  });
});

describe("session tokens in backups", () => {
  it("the downloadable backup leaves sign-in sessions out unless asked; the local one keeps them", async () => {
    process.env.DATA_DIR = temp("backup-sessions");
    const owner = await ownerActor();
    const handle = await openDatabase(path.join(process.env.DATA_DIR, "playground.db"));
    const now = Date.now();
    await handle.exec(`INSERT INTO sessions (id, token, user_id, expires_at, created_at, updated_at) VALUES ('s1', 'secret-session-token', '${owner.id}', ${now + 86_400_000}, ${now}, ${now})`);
    handle.close();
    const count = (file: string) => {
      const db = new Database(file, { readonly: true });
      const n = (db.prepare("select count(*) as n from sessions").get() as { n: number }).n;
      db.close();
      return n;
    };
    const without = await createBackup(temp("backup-out"), { withSessions: false });
    expect(count(path.join(without.dir, "playground.db"))).toBe(0);
    expect(fs.readFileSync(path.join(without.dir, "playground.db")).includes("secret-session-token")).toBe(false);
    const local = await createBackup(temp("backup-out"));
    expect(count(path.join(local.dir, "playground.db"))).toBe(1);
  });
});
