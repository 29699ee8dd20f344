import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { proxy } from "@/proxy";
import { hostRefusal } from "@/lib/http/host-check";
import { personActor } from "@/test/support/test-actor";
import { guarded, refuseCrossSite } from "./guard";
import { resolveActor } from "./resolve-actor";

// The laptop default (AUTH_MODE=none) has no credentials at all: what keeps
// another site's page from using it through the victim's browser is the Host
// check (DNS rebinding) and the Origin check (cross-site requests).

const LOCAL = { "x-playground-peer": "127.0.0.1" };
const saved = { ...process.env };

beforeEach(() => {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "playground-guard-"));
  for (const name of ["AUTH_MODE", "PUBLIC_URL", "TRUST_PROXY", "ALLOWED_HOSTS"]) delete process.env[name];
});
afterEach(() => {
  process.env = { ...saved };
});

const ok = guarded("run", async (_request, _context, actor) => Response.json({ id: actor.id }));
const call = (init: { method?: string; headers?: Record<string, string> }) =>
  ok(new Request("http://127.0.0.1:3000/api/runs", { method: init.method ?? "POST", headers: { ...LOCAL, ...init.headers } }), undefined);

describe("DNS rebinding: without sign-in only loopback names are served", () => {
  it.each(["localhost", "localhost:3000", "127.0.0.1", "127.0.0.1:3000", "[::1]", "[::1]:3000", "LOCALHOST:8080"])("Host %s is served", async (host) => {
    const response = await call({ headers: { host, origin: `http://${host}` } });
    expect(response.status).toBe(200);
  });

  it("a rebound name with its own matching Origin gets 403, on the API and on pages", async () => {
    const response = await call({ headers: { host: "rebind.evil.example", origin: "http://rebind.evil.example" } });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "host_not_allowed", message: expect.stringContaining("ALLOWED_HOSTS") } });
    const read = await guarded("read", async () => Response.json({}))(new Request("http://x/api/runs", { headers: { ...LOCAL, host: "rebind.evil.example:3000" } }), undefined);
    expect(read.status).toBe(403);
    const page = await proxy(new NextRequest("http://rebind.evil.example/history", { headers: { ...LOCAL, host: "rebind.evil.example" } }));
    expect(page.status).toBe(403);
    expect(await page.text()).toContain("DNS rebinding");
  });

  it("a malformed Host is refused, not an error", async () => {
    for (const host of ["", "evil example", "a/b", "x:99999999", "[zz]"]) {
      const response = await call({ headers: { host } });
      expect(response.status, host).toBe(403);
    }
  });

  it("ALLOWED_HOSTS adds names", async () => {
    process.env.ALLOWED_HOSTS = "laptop.lan, dev.example:8443";
    expect((await call({ headers: { host: "laptop.lan:3000" } })).status).toBe(200);
    expect((await call({ headers: { host: "dev.example:8443" } })).status).toBe(200);
    expect((await call({ headers: { host: "dev.example:3000" } })).status).toBe(403);
  });

  it("with PUBLIC_URL only its host is served; X-Forwarded-Host counts only behind a trusted proxy", () => {
    const settings = { mode: "password", publicUrl: "https://play.example.com", trustProxy: false, allowedHosts: [] };
    expect(hostRefusal(new Headers({ host: "play.example.com" }), settings)).toBeNull();
    expect(hostRefusal(new Headers({ host: "play.example.com:443" }), settings)).toBeNull();
    expect(hostRefusal(new Headers({ host: "attacker.example" }), settings)).toContain("PUBLIC_URL");
    expect(hostRefusal(new Headers({ host: "app:3000", "x-forwarded-host": "play.example.com" }), settings)).toContain("PUBLIC_URL");
    expect(hostRefusal(new Headers({ host: "app:3000", "x-forwarded-host": "play.example.com" }), { ...settings, trustProxy: true })).toBeNull();
    expect(hostRefusal(new Headers({ host: "app:3000", "x-forwarded-host": "evil.example" }), { ...settings, trustProxy: true })).toContain("PUBLIC_URL");
    // Sign-in without PUBLIC_URL names no host to hold to.
    expect(hostRefusal(new Headers({ host: "anything.example" }), { ...settings, publicUrl: undefined })).toBeNull();
  });
});

describe("the cross-site check", () => {
  it("refuses a state change from another origin or a cross-site fetch, allows reads and same-origin", async () => {
    expect((await call({ headers: { origin: "http://evil.example" } })).status).toBe(403);
    expect((await call({ headers: { "sec-fetch-site": "cross-site" } })).status).toBe(403);
    expect((await call({ headers: { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" } })).status).toBe(200);
    expect((await call({ method: "GET", headers: { origin: "http://evil.example" } })).status).toBe(200);
    for (const method of ["PUT", "PATCH", "DELETE"]) expect((await call({ method, headers: { origin: "http://evil.example" } })).status, method).toBe(403);
  });

  it("a non-Bearer Authorization header (a browser's cached Basic credentials) cannot switch it off", () => {
    const request = (authorization: string) => new Request("http://127.0.0.1:3000/api/runs", { method: "POST", headers: { authorization, origin: "http://evil.example" } });
    expect(() => refuseCrossSite(request("Basic dXNlcjpwYXNz"))).toThrow(expect.objectContaining({ code: "cross_site_request" }));
    expect(() => refuseCrossSite(request("Digest username=x"))).toThrow(expect.objectContaining({ code: "cross_site_request" }));
    expect(() => refuseCrossSite(request("Bearer pg_notakey"))).not.toThrow();
  });

  it("a bearer that is not a key is 401, never the local owner", async () => {
    await expect(resolveActor(new Headers({ ...LOCAL, authorization: "Bearer pg_notakey" }))).rejects.toMatchObject({ status: 401 });
  });
});

describe("the route guard", () => {
  it("answers 401 without credentials, 403 for a role without the permission, and runs the handler otherwise", async () => {
    process.env.AUTH_MODE = "password";
    process.env.AUTH_SECRET = "x".repeat(40);
    const anonymous = await ok(new Request("http://127.0.0.1:3000/api/runs", { method: "POST", headers: LOCAL }), undefined);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "unauthenticated" } });
    delete process.env.AUTH_MODE;
    const viewer = await personActor("vera", "viewer");
    const { requirePermission } = await import("./guard");
    expect(() => requirePermission(viewer, "run")).toThrow(expect.objectContaining({ status: 403, code: "forbidden" }));
    expect(() => requirePermission(viewer, "read")).not.toThrow();
  });
});
