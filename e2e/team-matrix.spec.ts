import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import type { AppServer } from "./support/app-server";
import { client, invited, OWNER, signedIn, simulatorRun, startTeamServer } from "./support/team";

// Every route in app/api x every role x own/someone else's resource -> the
// expected status. A route added without an entry here fails the first test.

type Role = "anon" | "owner" | "admin" | "member" | "viewer";
const ROLES: Role[] = ["anon", "owner", "admin", "member", "viewer"];
type Call = { method: string; path: string; data?: unknown; multipart?: Record<string, { name: string; mimeType: string; buffer: Buffer }> };
/** One row of the matrix: the request each role sends and the status it must get. */
type Case = { route: string; method: string; name: string; call: (role: Role) => Call; expect: Record<Role, number> };

const PNG = fs.readFileSync(path.join(import.meta.dirname, "fixtures/sample.png"));
const all = (status: number): Record<Role, number> => ({ anon: 401, owner: status, admin: status, member: status, viewer: status });
const adminOnly = (status: number): Record<Role, number> => ({ anon: 401, owner: status, admin: status, member: 403, viewer: 403 });
const runners = (status: number): Record<Role, number> => ({ anon: 401, owner: status, admin: status, member: status, viewer: 403 });

function routesInApp(): string[] {
  const root = path.join(import.meta.dirname, "../app/api");
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const route = `/api/${path.relative(root, dir).split(path.sep).join("/")}`;
        for (const m of fs.readFileSync(full, "utf8").matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) found.push(`${m[1]} ${route}`);
      }
    }
  };
  walk(root);
  return found.sort();
}

test.describe.serial("route x role x ownership", () => {
  let server: AppServer;
  const api = {} as Record<Role, APIRequestContext>;
  const ids = {} as Record<Role, string>;
  let memberPrivateRun = "";
  let memberUpload = "";
  const ownRun = {} as Record<Role, string>;
  const deletable: string[] = [];
  const pendingInvites: string[] = [];
  let ownerKeyId = "";

  test.beforeAll(async () => {
    // Provider endpoints point at a closed local port: a catalog refresh must not leave this machine.
    const closed = "http://127.0.0.1:9";
    server = await startTeamServer({ OPENROUTER_BASE_URL: closed, AI_GATEWAY_BASE_URL: closed, EMPIRIOLABS_BASE_URL: closed });
    api.anon = await client(server.url);
    api.owner = await signedIn(server.url, OWNER.email, OWNER.password);
    ids.owner = (await (await api.owner.get("/api/me")).json()).user.id;
    for (const role of ["admin", "member", "viewer"] as const) {
      const made = await invited(server.url, api.owner, role, `${role}@example.com`);
      api[role] = made.api;
      ids[role] = made.id;
    }
    memberPrivateRun = await simulatorRun(api.member, "member's private prompt");
    for (const role of ["owner", "admin", "member"] as const) ownRun[role] = await simulatorRun(api[role], `${role}'s own run`);
    for (let i = 0; i < 3; i++) deletable.push(await simulatorRun(api.member, `deletable ${i}`));
    // Bytes nobody else uploads (uploads are content-addressed: the same bytes are everyone's who sent them).
    const own = Buffer.concat([PNG, Buffer.from(`member-only ${Date.now()}`)]);
    const upload = await api.member.post("/api/uploads", { multipart: { file: { name: "mine.png", mimeType: "image/png", buffer: own } } });
    memberUpload = (await upload.json()).id;
    ownerKeyId = (await (await api.owner.post("/api/keys", { data: { name: "owner's" } })).json()).id;
    for (let i = 0; i < 2; i++) pendingInvites.push((await (await api.owner.post("/api/admin/invites", { data: { role: "viewer" } })).json()).id);
  });
  test.afterAll(async () => {
    for (const context of Object.values(api)) await context.dispose();
    await server.stop();
  });

  const bundle = { format: "llm-playground-bundle", version: 1, exportedAt: "2026-11-20T00:00:00.000Z", runs: [], uploads: [] };
  const cases = (): Case[] => [
    { route: "/api/health", method: "GET", name: "health is public", call: () => ({ method: "GET", path: "/api/health" }), expect: { ...all(200), anon: 200 } },
    { route: "/api/ready", method: "GET", name: "readiness is public", call: () => ({ method: "GET", path: "/api/ready" }), expect: { ...all(200), anon: 200 } },
    { route: "/api/me", method: "GET", name: "who am I", call: () => ({ method: "GET", path: "/api/me" }), expect: all(200) },
    { route: "/api/auth/[...all]", method: "GET", name: "Better Auth session", call: () => ({ method: "GET", path: "/api/auth/get-session" }), expect: { ...all(200), anon: 200 } },
    { route: "/api/auth/[...all]", method: "POST", name: "Better Auth: a wrong password", call: () => ({ method: "POST", path: "/api/auth/sign-in/email", data: { email: "nobody@example.com", password: "wrong-password" } }), expect: { anon: 401, owner: 401, admin: 401, member: 401, viewer: 401 } },
    { route: "/api/setup", method: "POST", name: "setup after an owner exists", call: () => ({ method: "POST", path: "/api/setup", data: { name: "x", email: "x@example.com", password: "password-123" } }), expect: { anon: 409, owner: 409, admin: 409, member: 409, viewer: 409 } },
    { route: "/api/invites/[token]/accept", method: "POST", name: "accept an unknown invite", call: () => ({ method: "POST", path: `/api/invites/${"x".repeat(32)}/accept`, data: { name: "x", email: "x@example.com", password: "password-123" } }), expect: { anon: 410, owner: 410, admin: 410, member: 410, viewer: 410 } },
    { route: "/api/catalog", method: "GET", name: "catalog", call: () => ({ method: "GET", path: "/api/catalog" }), expect: all(200) },
    { route: "/api/catalog/refresh", method: "POST", name: "catalog refresh", call: () => ({ method: "POST", path: "/api/catalog/refresh" }), expect: adminOnly(200) },
    { route: "/api/costs", method: "GET", name: "costs", call: () => ({ method: "GET", path: "/api/costs" }), expect: all(200) },
    { route: "/api/costs/csv", method: "GET", name: "costs CSV", call: () => ({ method: "GET", path: "/api/costs/csv" }), expect: all(200) },
    { route: "/api/export", method: "GET", name: "export the member's private run", call: () => ({ method: "GET", path: `/api/export?ids=${memberPrivateRun}` }), expect: { anon: 401, owner: 404, admin: 404, member: 200, viewer: 404 } },
    { route: "/api/import", method: "POST", name: "import an empty bundle", call: () => ({ method: "POST", path: "/api/import", data: bundle }), expect: runners(200) },
    { route: "/api/runs", method: "GET", name: "list runs", call: () => ({ method: "GET", path: "/api/runs" }), expect: all(200) },
    { route: "/api/runs", method: "POST", name: "start a run", call: () => ({ method: "POST", path: "/api/runs", data: { provider: "simulator", model: "qwen3.5-flash", params: { sim_ttft_ms: 0, sim_tokens_per_second: 5000, max_tokens: 5 }, messages: [{ role: "user", parts: [{ type: "text", text: "hi" }] }] } }), expect: runners(200) },
    { route: "/api/runs/[id]", method: "GET", name: "someone else's private run", call: () => ({ method: "GET", path: `/api/runs/${memberPrivateRun}` }), expect: { anon: 401, owner: 200, admin: 200, member: 200, viewer: 404 } },
    { route: "/api/runs/[id]", method: "GET", name: "own run", call: (r) => ({ method: "GET", path: `/api/runs/${ownRun[r] ?? memberPrivateRun}` }), expect: { anon: 401, owner: 200, admin: 200, member: 200, viewer: 404 } },
    { route: "/api/runs/[id]", method: "PATCH", name: "make the member's run private (author only)", call: () => ({ method: "PATCH", path: `/api/runs/${memberPrivateRun}`, data: { visibility: "private" } }), expect: { anon: 401, owner: 403, admin: 403, member: 200, viewer: 403 } },
    { route: "/api/runs/[id]", method: "PATCH", name: "own run to team", call: (r) => ({ method: "PATCH", path: `/api/runs/${ownRun[r] ?? memberPrivateRun}`, data: { visibility: "private" } }), expect: { anon: 401, owner: 200, admin: 200, member: 200, viewer: 403 } },
    { route: "/api/runs/[id]", method: "DELETE", name: "delete a member's run (the author, or an admin)", call: (r) => ({ method: "DELETE", path: `/api/runs/${r === "admin" ? deletable[0] : r === "owner" ? deletable[1] : r === "member" ? deletable[2] : memberPrivateRun}` }), expect: { anon: 401, owner: 200, admin: 200, member: 200, viewer: 403 } },
    { route: "/api/runs/[id]", method: "GET", name: "the owner's private run", call: () => ({ method: "GET", path: `/api/runs/${ownRun.owner}` }), expect: { anon: 401, owner: 200, admin: 200, member: 404, viewer: 404 } },
    { route: "/api/runs/[id]/raw", method: "GET", name: "the member's private run's raw exchange (whoever reads its text)", call: () => ({ method: "GET", path: `/api/runs/${memberPrivateRun}/raw` }), expect: { anon: 401, owner: 404, admin: 404, member: 200, viewer: 404 } },
    { route: "/api/runs/[id]/raw", method: "GET", name: "own run's raw exchange", call: (r) => ({ method: "GET", path: `/api/runs/${ownRun[r] ?? memberPrivateRun}/raw` }), expect: { anon: 401, owner: 200, admin: 200, member: 200, viewer: 404 } },
    { route: "/api/conversations", method: "GET", name: "your conversations", call: () => ({ method: "GET", path: "/api/conversations" }), expect: all(200) },
    { route: "/api/runs/[id]/share", method: "POST", name: "share the member's run (author only)", call: () => ({ method: "POST", path: `/api/runs/${memberPrivateRun}/share` }), expect: { anon: 401, owner: 403, admin: 403, member: 200, viewer: 403 } },
    { route: "/api/runs/[id]/share", method: "DELETE", name: "revoke the member's link (author only)", call: () => ({ method: "DELETE", path: `/api/runs/${memberPrivateRun}/share` }), expect: { anon: 401, owner: 403, admin: 403, member: 200, viewer: 403 } },
    { route: "/api/uploads", method: "POST", name: "upload", call: () => ({ method: "POST", path: "/api/uploads", multipart: { file: { name: "sample.png", mimeType: "image/png", buffer: PNG } } }), expect: runners(200) },
    { route: "/api/uploads/direct", method: "POST", name: "direct upload (local disk: use POST /api/uploads)", call: () => ({ method: "POST", path: "/api/uploads/direct", data: { mediaType: "video/mp4", size: 1000 } }), expect: runners(409) },
    { route: "/api/uploads/direct/complete", method: "POST", name: "direct upload complete (bad token)", call: () => ({ method: "POST", path: "/api/uploads/direct/complete", data: { token: "x.y" } }), expect: runners(400) },
    { route: "/api/uploads/[id]", method: "GET", name: "the member's upload", call: () => ({ method: "GET", path: `/api/uploads/${memberUpload}` }), expect: { anon: 401, owner: 404, admin: 404, member: 200, viewer: 404 } },
    { route: "/api/simulator/v1/chat/completions", method: "POST", name: "the simulator directly", call: () => ({ method: "POST", path: "/api/simulator/v1/chat/completions", data: { model: "qwen3.5-flash", messages: [{ role: "user", content: "hi" }], max_tokens: 3, sim_ttft_ms: 0 } }), expect: runners(200) },
    { route: "/api/admin/users", method: "GET", name: "users", call: () => ({ method: "GET", path: "/api/admin/users" }), expect: adminOnly(200) },
    { route: "/api/admin/users/[id]", method: "PATCH", name: "set the viewer's budget", call: () => ({ method: "PATCH", path: `/api/admin/users/${ids.viewer}`, data: { monthlyBudgetUsd: 5 } }), expect: { anon: 401, owner: 200, admin: 200, member: 403, viewer: 403 } },
    { route: "/api/admin/invites", method: "GET", name: "invites", call: () => ({ method: "GET", path: "/api/admin/invites" }), expect: adminOnly(200) },
    { route: "/api/admin/invites", method: "POST", name: "invite", call: () => ({ method: "POST", path: "/api/admin/invites", data: { role: "viewer" } }), expect: adminOnly(201) },
    { route: "/api/admin/invites/[id]", method: "DELETE", name: "revoke an invite", call: (r) => ({ method: "DELETE", path: `/api/admin/invites/${r === "owner" ? pendingInvites[0] : r === "admin" ? pendingInvites[1] : pendingInvites[0]}` }), expect: adminOnly(200) },
    { route: "/api/admin/audit", method: "GET", name: "audit log", call: () => ({ method: "GET", path: "/api/admin/audit" }), expect: adminOnly(200) },
    { route: "/api/admin/audit/export", method: "GET", name: "audit JSONL", call: () => ({ method: "GET", path: "/api/admin/audit/export" }), expect: adminOnly(200) },
    { route: "/api/bench/naive", method: "POST", name: "bench reference route (off without BENCH_ROUTES=1)", call: () => ({ method: "POST", path: "/api/bench/naive", data: {} }), expect: { anon: 404, owner: 404, admin: 404, member: 404, viewer: 404 } },
    { route: "/api/bench/floor", method: "POST", name: "bench floor route (off without BENCH_ROUTES=1)", call: () => ({ method: "POST", path: "/api/bench/floor", data: {} }), expect: { anon: 404, owner: 404, admin: 404, member: 404, viewer: 404 } },
    { route: "/api/admin/backup", method: "GET", name: "backup download (holds everyone's text: owner only)", call: () => ({ method: "GET", path: "/api/admin/backup" }), expect: { anon: 401, owner: 200, admin: 403, member: 403, viewer: 403 } },
    { route: "/api/admin/audit/verify", method: "GET", name: "audit verification", call: () => ({ method: "GET", path: "/api/admin/audit/verify" }), expect: adminOnly(200) },
    { route: "/api/admin/access", method: "GET", name: "offering access", call: () => ({ method: "GET", path: "/api/admin/access" }), expect: adminOnly(200) },
    { route: "/api/admin/model-aliases", method: "GET", name: "alias defaults", call: () => ({ method: "GET", path: "/api/admin/model-aliases" }), expect: adminOnly(200) },
    { route: "/api/admin/model-aliases", method: "PUT", name: "set alias defaults", call: () => ({ method: "PUT", path: "/api/admin/model-aliases", data: { "qwen3.5-flash": "simulator" } }), expect: adminOnly(200) },
    { route: "/api/keys", method: "GET", name: "own API keys", call: () => ({ method: "GET", path: "/api/keys" }), expect: all(200) },
    { route: "/api/keys", method: "POST", name: "make an API key (viewers cannot run, so no key)", call: () => ({ method: "POST", path: "/api/keys", data: { name: "matrix" } }), expect: runners(201) },
    { route: "/api/keys/[id]", method: "DELETE", name: "revoke someone else's key", call: () => ({ method: "DELETE", path: `/api/keys/${ownerKeyId}` }), expect: { anon: 401, owner: 200, admin: 404, member: 404, viewer: 404 } },
    { route: "/api/v1/models", method: "GET", name: "gateway models", call: () => ({ method: "GET", path: "/api/v1/models" }), expect: all(200) },
    { route: "/api/v1/models/[...id]", method: "GET", name: "one gateway model", call: () => ({ method: "GET", path: "/api/v1/models/simulator/qwen3.5-flash" }), expect: all(200) },
    { route: "/api/v1/chat/completions", method: "POST", name: "gateway chat", call: () => ({ method: "POST", path: "/api/v1/chat/completions", data: { model: "simulator/qwen3.5-flash", messages: [{ role: "user", content: "hi" }], max_tokens: 3, sim_ttft_ms: 0 } }), expect: runners(200) },
    { route: "/api/simulator/v1/models", method: "GET", name: "simulator models", call: () => ({ method: "GET", path: "/api/simulator/v1/models" }), expect: runners(200) },
    { route: "/api/simulator/v1/models/[...id]", method: "GET", name: "one simulator model", call: () => ({ method: "GET", path: "/api/simulator/v1/models/qwen3.5-flash" }), expect: runners(200) },
    ...(["GET", "POST", "PUT", "PATCH", "DELETE"] as const).map((method) => ({ route: "/api/v1/[...unknown]", method, name: `an unknown gateway path (${method})`, call: () => ({ method, path: "/api/v1/no/such", ...(method === "GET" || method === "DELETE" ? {} : { data: {} }) }), expect: { anon: 404, owner: 404, admin: 404, member: 404, viewer: 404 } })),
    { route: "/api/[...unknown]", method: "GET", name: "an unknown API path (GET)", call: () => ({ method: "GET", path: "/api/no/such/route" }), expect: { anon: 404, owner: 404, admin: 404, member: 404, viewer: 404 } },
    { route: "/api/[...unknown]", method: "POST", name: "an unknown API path (POST)", call: () => ({ method: "POST", path: "/api/no/such/route", data: {} }), expect: { anon: 404, owner: 404, admin: 404, member: 404, viewer: 404 } },
    { route: "/api/[...unknown]", method: "PUT", name: "an unknown API path (PUT)", call: () => ({ method: "PUT", path: "/api/no/such/route", data: {} }), expect: { anon: 404, owner: 404, admin: 404, member: 404, viewer: 404 } },
    { route: "/api/[...unknown]", method: "PATCH", name: "an unknown API path (PATCH)", call: () => ({ method: "PATCH", path: "/api/no/such/route", data: {} }), expect: { anon: 404, owner: 404, admin: 404, member: 404, viewer: 404 } },
    { route: "/api/[...unknown]", method: "DELETE", name: "an unknown API path (DELETE)", call: () => ({ method: "DELETE", path: "/api/no/such/route" }), expect: { anon: 404, owner: 404, admin: 404, member: 404, viewer: 404 } },
    { route: "/api/simulator/v1/[...path]", method: "GET", name: "simulator unknown route", call: () => ({ method: "GET", path: "/api/simulator/v1/nothing" }), expect: { anon: 404, owner: 404, admin: 404, member: 404, viewer: 404 } },
    { route: "/api/simulator/v1/[...path]", method: "POST", name: "simulator unknown route (POST)", call: () => ({ method: "POST", path: "/api/simulator/v1/completions", data: {} }), expect: { anon: 404, owner: 404, admin: 404, member: 404, viewer: 404 } },
    { route: "/api/simulator/v1/[...path]", method: "PUT", name: "simulator unknown route (PUT)", call: () => ({ method: "PUT", path: "/api/simulator/v1/x", data: {} }), expect: { anon: 404, owner: 404, admin: 404, member: 404, viewer: 404 } },
    { route: "/api/simulator/v1/[...path]", method: "PATCH", name: "simulator unknown route (PATCH)", call: () => ({ method: "PATCH", path: "/api/simulator/v1/x", data: {} }), expect: { anon: 404, owner: 404, admin: 404, member: 404, viewer: 404 } },
    { route: "/api/simulator/v1/[...path]", method: "DELETE", name: "simulator unknown route (DELETE)", call: () => ({ method: "DELETE", path: "/api/simulator/v1/x" }), expect: { anon: 404, owner: 404, admin: 404, member: 404, viewer: 404 } },
    { route: "/api/admin/budget", method: "GET", name: "instance budget", call: () => ({ method: "GET", path: "/api/admin/budget" }), expect: adminOnly(200) },
    { route: "/api/admin/budget", method: "PUT", name: "set the instance budget", call: () => ({ method: "PUT", path: "/api/admin/budget", data: { monthlyBudgetUsd: null } }), expect: adminOnly(200) },
    { route: "/api/admin/access", method: "PUT", name: "set offering access", call: () => ({ method: "PUT", path: "/api/admin/access", data: { member: null, viewer: null } }), expect: adminOnly(200) },
  ];

  test("the matrix has an entry for every route and method in app/api", () => {
    const covered = new Set(cases().map((c) => `${c.method} ${c.route}`));
    const missing = routesInApp().filter((r) => !covered.has(r));
    expect(missing, "routes without a matrix entry").toEqual([]);
  });

  test("each role gets the expected status on every route", async () => {
    const failures: string[] = [];
    // Members run last so that the viewer's and admins' checks see the member's run as it was made.
    for (const role of ["anon", "viewer", "admin", "owner", "member"] as Role[]) {
      for (const c of cases()) {
        const call = c.call(role);
        const response = await api[role].fetch(call.path, { method: call.method, data: call.data, multipart: call.multipart as never });
        const status = response.status();
        await response.body().catch(() => undefined);
        const wanted = c.expect[role];
        // 200 and 201 both mean "done" for creation endpoints that answer either.
        const ok = status === wanted || (wanted === 200 && status === 201);
        if (!ok) failures.push(`${role} ${c.method} ${c.route} (${c.name}): got ${status}, want ${wanted}`);
      }
    }
    expect(failures).toEqual([]);
    expect(ROLES).toHaveLength(5);
  });

  test("an admin sees a member's private run's numbers but not its text; another member gets 404", async () => {
    const run = await simulatorRun(api.member, "the secret plan");
    const seen = await (await api.admin.get(`/api/runs/${run}`)).json();
    expect(seen.contentHidden).toBe(true);
    expect(JSON.stringify(seen)).not.toContain("secret plan");
    expect(seen.costUsd).not.toBeNull();
    const list = await (await api.admin.get(`/api/runs?q=secret`)).json();
    expect(list.runs).toEqual([]);
    expect((await api.viewer.get(`/api/runs/${run}`)).status()).toBe(404);
    expect((await api.member.patch(`/api/runs/${run}`, { data: { visibility: "team" } })).status()).toBe(200);
    const shared = await (await api.viewer.get(`/api/runs/${run}`)).json();
    expect(shared.output.text).toContain("the secret plan");
    expect(shared.visibility).toBe("team");
    // Someone else's private run is "not found" even for a delete.
    expect((await api.member.delete(`/api/runs/${ownRun.owner}`)).status()).toBe(404);
  });

  test("a public share link works for a visitor without an account, attachments included", async () => {
    const image = Buffer.concat([PNG, Buffer.from(`shared ${Date.now()}`)]);
    const upload = await (await api.member.post("/api/uploads", { multipart: { file: { name: "s.png", mimeType: "image/png", buffer: image } } })).json();
    const response = await api.member.post("/api/runs", {
      data: { provider: "simulator", model: "qwen3.5-flash", params: { sim_ttft_ms: 0, max_tokens: 5 }, messages: [{ role: "user", parts: [{ type: "text", text: "look" }, { type: "file", mediaType: "image/png", url: `/api/uploads/${upload.id}` }] }] },
    });
    const runId = response.headers()["x-run-id"]!;
    await response.body();
    const { shareId, url } = await (await api.member.post(`/api/runs/${runId}/share`)).json();
    expect(url).toBe(`${server.url}/r/${shareId}`);
    const page = await api.anon.get(`/r/${shareId}`);
    expect(page.status()).toBe(200);
    const html = await page.text();
    expect(html).toContain(`/api/uploads/${upload.id}?share=${shareId}`);
    expect((await api.anon.get(`/api/uploads/${upload.id}?share=${shareId}`)).status()).toBe(200);
    expect((await api.anon.get(`/api/uploads/${upload.id}`)).status()).toBe(401);
    expect((await api.viewer.get(`/api/uploads/${upload.id}`)).status()).toBe(404);
    // A share id does not open other files.
    expect((await api.anon.get(`/api/uploads/${memberUpload}?share=${shareId}`)).status()).toBe(404);
  });

  test("no password hash, session token or invite token leaks in what the API returns", async () => {
    const bodies = await Promise.all(["/api/admin/users", "/api/admin/invites", "/api/admin/audit", "/api/admin/audit/export", "/api/me", "/api/auth/get-session", "/api/runs"].map(async (p) => (await api.owner.get(p)).text()));
    const text = bodies.join("\n");
    expect(text).not.toMatch(/"password"|scrypt|\$argon|"tokenHash"|"token_hash"/);
    const cookie = (await api.owner.storageState()).cookies.find((c) => c.name.includes("session_token"))!;
    expect(text).not.toContain(cookie.value.split(".")[0]);
    const signIn = await (await client(server.url)).post("/api/auth/sign-in/email", { data: { email: OWNER.email, password: OWNER.password } });
    expect(await signIn.json()).not.toHaveProperty("token");
  });
});
