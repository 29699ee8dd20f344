import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stampPeerAddress } from "@/lib/http/client-address";
import { proxy } from "@/proxy";
import { resolveActor } from "./resolve-actor";

// AUTH_MODE=none (the laptop default) answers only its own machine: the
// server stamps each request with the socket's address, which a client
// cannot forge, and everything else is refused with 403.

beforeAll(() => {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "playground-remote-"));
  delete process.env.AUTH_MODE;
  delete process.env.TRUST_PROXY;
});

describe("the laptop default refuses other machines", () => {
  let server: http.Server;
  let seen: string | undefined;
  beforeAll(async () => {
    stampPeerAddress();
    server = http.createServer((req, res) => {
      seen = req.headers["x-playground-peer"] as string | undefined;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => server.close());

  it("the peer address is the socket's, whatever the client sends", async () => {
    const port = (server.address() as AddressInfo).port;
    await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-playground-peer": "203.0.113.9", "x-forwarded-for": "198.51.100.1" } });
    expect(seen).toBe("127.0.0.1");
  });

  it("the API refuses a remote peer with 403 and a message that says what to set", async () => {
    await expect(resolveActor(new Headers({ "x-playground-peer": "203.0.113.9", "x-forwarded-for": "127.0.0.1" }))).rejects.toMatchObject({
      status: 403,
      code: "remote_access_refused",
      message: expect.stringContaining("AUTH_MODE=password"),
    });
    expect((await resolveActor(new Headers({ "x-playground-peer": "::ffff:127.0.0.1" })))?.role).toBe("owner");
    expect((await resolveActor(new Headers({ "x-playground-peer": "::1" })))?.role).toBe("owner");
  });

  it("pages answer a remote peer with a 403 page; a local one gets the CSP headers", async () => {
    const remote = await proxy(new NextRequest("http://play.example.com/history", { headers: { "x-playground-peer": "203.0.113.9" } }));
    expect(remote.status).toBe(403);
    expect(await remote.text()).toContain("AUTH_MODE=password");
    const local = await proxy(new NextRequest("http://127.0.0.1:3000/history", { headers: { "x-playground-peer": "127.0.0.1" } }));
    expect(local.status).toBe(200);
    const csp = local.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(local.headers.get("x-content-type-options")).toBe("nosniff");
    expect(local.headers.get("strict-transport-security")).toBeNull();
  });

  it("HSTS is sent when the public address is https", async () => {
    process.env.PUBLIC_URL = "https://play.example.com";
    const response = await proxy(new NextRequest("http://127.0.0.1:3000/", { headers: { "x-playground-peer": "127.0.0.1" } }));
    expect(response.headers.get("strict-transport-security")).toContain("max-age=");
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    delete process.env.PUBLIC_URL;
  });
});
