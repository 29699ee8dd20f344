import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { AUDIT_ACTIONS, audit, verifyAuditChain } from "./audit";

const actor = { id: "u1", email: "olga@example.com", role: "owner" as const, ip: "127.0.0.1" };

async function freshDatabase(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "playground-audit-"));
  process.env.DATA_DIR = dir;
  await getDb();
  return path.join(dir, "playground.db");
}

describe("the audit log's hash chain", () => {
  let file: string;
  beforeEach(async () => {
    file = await freshDatabase();
    for (const action of AUDIT_ACTIONS) await audit({ action, actor, target: { type: "run", id: `t-${action}` }, before: { n: 1 }, after: { n: 2, nested: { list: [1, "two"] } } });
  });

  it("holds over every kind of action, one row each", async () => {
    expect(await verifyAuditChain()).toEqual({ ok: true, rows: AUDIT_ACTIONS.length });
  });

  it("the database refuses edits and deletes", () => {
    const sqlite = new Database(file);
    expect(() => sqlite.prepare("update audit_log set action = 'x' where seq = 1").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("delete from audit_log where seq = 1").run()).toThrow(/append-only/);
    sqlite.close();
  });

  it("an edited row is found and named, even when its hash column is left alone", async () => {
    const sqlite = new Database(file);
    sqlite.exec("drop trigger audit_log_no_update");
    sqlite.prepare("update audit_log set after = ? where seq = 5").run(JSON.stringify({ n: 3 }));
    sqlite.close();
    const result = await verifyAuditChain();
    expect(result).toMatchObject({ ok: false, seq: 5 });
    expect(result.ok ? "" : result.problem).toContain("row 5");
  });

  it("a deleted row breaks the link of the row after it", async () => {
    const sqlite = new Database(file);
    sqlite.exec("drop trigger audit_log_no_delete");
    sqlite.prepare("delete from audit_log where seq = 3").run();
    sqlite.close();
    expect(await verifyAuditChain()).toMatchObject({ ok: false, seq: 4 });
  });

  it("a rewritten row with a recomputed hash still breaks the next row's link", async () => {
    const sqlite = new Database(file);
    sqlite.exec("drop trigger audit_log_no_update");
    sqlite.prepare("update audit_log set actor_email = 'mallory@example.com', hash = ? where seq = 2").run("f".repeat(64));
    sqlite.close();
    expect(await verifyAuditChain()).toMatchObject({ ok: false, seq: 2 });
  });
});
