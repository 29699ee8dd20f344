import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { expect, test, type APIRequestContext } from "@playwright/test";
import type { AppServer } from "./support/app-server";
import { client, OWNER, signedIn, simulatorRun, startTeamServer } from "./support/team";

// Each audited action, done through the HTTP API as a user would, writes
// exactly one row with the actor and their role; editing a row in the
// database makes `npm run audit:verify` fail and name it.

const root = path.resolve(import.meta.dirname, "..");
const run = promisify(execFile);

test.describe.serial("the audit log", () => {
  let server: AppServer;
  let owner: APIRequestContext;

  test.beforeAll(async () => {
    const closed = "http://127.0.0.1:9";
    server = await startTeamServer({ OPENROUTER_BASE_URL: closed, AI_GATEWAY_BASE_URL: closed, EMPIRIOLABS_BASE_URL: closed });
    owner = await signedIn(server.url, OWNER.email, OWNER.password);
  });
  test.afterAll(async () => {
    await owner.dispose();
    await server.stop();
  });

  async function rows(): Promise<{ seq: number; action: string; actor: { email: string | null; role: string | null } }[]> {
    return (await (await owner.get("/api/admin/audit?limit=500")).json()).entries;
  }

  /** Does `act`, then expects exactly one new row, for `action`, by `email`. */
  async function expectOneRow(action: string, email: string | null, act: () => Promise<unknown>) {
    const before = (await rows())[0]?.seq ?? 0;
    await act();
    const added = (await rows()).filter((r) => r.seq > before);
    expect(added.map((r) => r.action), `rows written by ${action}`).toEqual([action]);
    expect(added[0]!.actor.email).toBe(email);
  }

  test("every listed action writes exactly one row", async () => {
    const anon = await client(server.url);
    await expectOneRow("sign-in.failed", OWNER.email, () => anon.post("/api/auth/sign-in/email", { data: { email: OWNER.email, password: "wrong-password" } }));
    await expectOneRow("sign-in", OWNER.email, () => signedIn(server.url, OWNER.email, OWNER.password));

    let inviteToken = "";
    let inviteId = "";
    await expectOneRow("invite.create", OWNER.email, async () => {
      const body = await (await owner.post("/api/admin/invites", { data: { role: "member" } })).json();
      inviteToken = body.token;
      inviteId = body.id;
    });
    await expectOneRow("invite.accept", "member@example.com", () => anon.post(`/api/invites/${inviteToken}/accept`, { data: { name: "Mem", email: "member@example.com", password: "password-123" } }));
    const spare = await (await owner.post("/api/admin/invites", { data: { role: "viewer" } })).json();
    await expectOneRow("invite.revoke", OWNER.email, () => owner.delete(`/api/admin/invites/${spare.id}`));
    expect(inviteId).not.toBe("");

    const member = await signedIn(server.url, "member@example.com", "password-123");
    const memberId = (await (await member.get("/api/me")).json()).user.id;
    await expectOneRow("user.role-change", OWNER.email, () => owner.patch(`/api/admin/users/${memberId}`, { data: { role: "viewer" } }));
    await owner.patch(`/api/admin/users/${memberId}`, { data: { role: "member" } });
    await expectOneRow("user.budget-change", OWNER.email, () => owner.patch(`/api/admin/users/${memberId}`, { data: { monthlyBudgetUsd: 12.5 } }));
    await expectOneRow("user.limits-change", OWNER.email, () => owner.patch(`/api/admin/users/${memberId}`, { data: { rpm: 60, maxConcurrent: 4 } }));

    const runId = await simulatorRun(owner, "audited run");
    await expectOneRow("share.create", OWNER.email, () => owner.post(`/api/runs/${runId}/share`));
    await expectOneRow("share.revoke", OWNER.email, () => owner.delete(`/api/runs/${runId}/share`));
    await expectOneRow("run.visibility-change", OWNER.email, () => owner.patch(`/api/runs/${runId}`, { data: { visibility: "team" } }));
    await expectOneRow("export", OWNER.email, () => owner.get(`/api/export?ids=${runId}`));
    const bundle = await (await owner.get(`/api/export?ids=${runId}`)).json();
    await expectOneRow("import", "member@example.com", () => member.post("/api/import", { data: bundle }));
    await expectOneRow("run.delete", OWNER.email, () => owner.delete(`/api/runs/${runId}`));
    await expectOneRow("catalog.refresh", OWNER.email, () => owner.post("/api/catalog/refresh"));
    await expectOneRow("settings.change", OWNER.email, () => owner.put("/api/admin/access", { data: { member: ["simulator/qwen3.5-flash"], viewer: null } }));
    await expectOneRow("user.disable", OWNER.email, () => owner.patch(`/api/admin/users/${memberId}`, { data: { disabled: true } }));
    await expectOneRow("user.enable", OWNER.email, () => owner.patch(`/api/admin/users/${memberId}`, { data: { disabled: false } }));

    const all = await rows();
    const roles = new Set(all.filter((r) => r.actor.email === OWNER.email).map((r) => r.actor.role));
    expect([...roles]).toEqual(["owner"]);
    await anon.dispose();
    await member.dispose();
  });

  test("the per-role allowlist applies: a member may not run an offering left out", async () => {
    const member = await signedIn(server.url, "member@example.com", "password-123");
    const body = (model: string) => ({ provider: "simulator", model, params: { sim_ttft_ms: 0, max_tokens: 3 }, messages: [{ role: "user", parts: [{ type: "text", text: "hi" }] }] });
    const refused = await member.post("/api/runs", { data: body("qwen3.5-4b") });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.code).toBe("offering_not_allowed");
    const allowed = await member.post("/api/runs", { data: body("qwen3.5-flash") });
    expect(allowed.status()).toBe(200);
    await allowed.body();
    const catalog = await (await member.get("/api/catalog")).json();
    expect(catalog.offerings.find((o: { providerModelId: string; provider: string }) => o.provider === "simulator" && o.providerModelId === "qwen3.5-4b").allowed).toBe(false);
    await member.dispose();
  });

  test("editing one row makes audit:verify fail and name it; the intact log passes", async () => {
    const env = { ...process.env, DATA_DIR: server.dataDir };
    const ok = await run("npm", ["run", "--silent", "audit:verify"], { cwd: root, env });
    expect(ok.stdout).toMatch(/audit log intact: \d+ row\(s\) verified/);

    const db = new Database(path.join(server.dataDir, "playground.db"));
    db.exec("DROP TRIGGER audit_log_no_update");
    db.prepare("UPDATE audit_log SET actor_email = 'mallory@example.com' WHERE seq = 4").run();
    db.close();
    const failed = await run("npm", ["run", "--silent", "audit:verify"], { cwd: root, env }).catch((error: { code: number; stderr: string }) => error);
    expect("code" in failed ? failed.code : 0).toBe(1);
    expect("stderr" in failed ? failed.stderr : "").toContain("TAMPERED at row 4");
    const badge = await (await owner.get("/api/admin/audit/verify")).json();
    expect(badge).toMatchObject({ ok: false, seq: 4 });
  });

  test("sign-in is rate-limited: a burst of wrong passwords gets 429", async () => {
    const anon = await client(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await anon.post("/api/auth/sign-in/email", { data: { email: "nobody@example.com", password: `guess-${i}` } })).status());
    expect(statuses).toContain(429);
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    await anon.dispose();
  });
});
