import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stampPeerAddress } from "./client-address";
import { serveDirectly } from "./direct-routes";
import { PEER_HEADER } from "./peer";

// A real HTTP server whose own handler stands for Next: requests to a direct
// route never reach it, everything else does.

let server: http.Server;
let base: string;
const reachedNext: string[] = [];
let lastRequest: Request | null = null;
let lastSignal: AbortSignal | null = null;

beforeAll(async () => {
  stampPeerAddress();
  // Answers without reading the body (as a 401 or 413 does).
  serveDirectly("POST", "/refuse", async () => Response.json({ error: { code: "unauthenticated", message: "no" } }, { status: 401 }));
  serveDirectly("POST", "/direct", async (request) => {
    lastRequest = request;
    lastSignal = request.signal;
    const body = await request.text();
    if (body === "slow") {
      // Streams until the client hangs up.
      const stream = new ReadableStream<Uint8Array>({
        async pull(controller) {
          await new Promise((r) => setTimeout(r, 10));
          controller.enqueue(new TextEncoder().encode("data: tick\n\n"));
        },
      });
      return new Response(stream, { headers: { "content-type": "text/event-stream" } });
    }
    const headers = new Headers({ "content-type": "application/json", "x-run-id": "r1" });
    headers.append("set-cookie", "a=1; Path=/");
    headers.append("set-cookie", "b=2; Path=/");
    return new Response(JSON.stringify({ echo: body, peer: request.headers.get(PEER_HEADER), query: new URL(request.url).search }), { status: 201, headers });
  });
  server = http.createServer((req, res) => {
    reachedNext.push(`${req.method} ${req.url}`);
    res.end("next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("direct routes", () => {
  it("answers a registered route with its handler: status, headers, every cookie, the security headers, the body", async () => {
    const response = await fetch(`${base}/direct?x=1`, { method: "POST", body: "hello", headers: { [PEER_HEADER]: "203.0.113.9" } });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-run-id")).toBe("r1");
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    // The peer address is the socket's, never the one a client claims.
    expect(await response.json()).toEqual({ echo: "hello", peer: "127.0.0.1", query: "?x=1" });
    expect(lastRequest!.method).toBe("POST");
    expect(reachedNext).toEqual([]);
  });

  it("leaves other methods and paths to Next", async () => {
    await fetch(`${base}/direct`);
    await fetch(`${base}/direct/`, { method: "POST", body: "x" });
    await fetch(`${base}/other`, { method: "POST", body: "x" });
    expect(reachedNext).toEqual(["GET /direct", "POST /direct/", "POST /other"]);
  });

  it("aborts the handler's request when the client hangs up mid-stream", async () => {
    const client = new AbortController();
    const response = await fetch(`${base}/direct`, { method: "POST", body: "slow", signal: client.signal });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain("tick");
    client.abort();
    for (let i = 0; i < 50 && !lastSignal!.aborted; i++) await new Promise((r) => setTimeout(r, 10));
    expect(lastSignal!.aborted).toBe(true);
  });

  it("answers TRACE and a malformed Host with a JSON 4xx before any handler (Next would fail on them with a 500)", async () => {
    const raw = (method: string, headers: Record<string, string>) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(`${base}/direct`, { method, headers, setHost: !("host" in headers) }, (res) => {
          let body = "";
          res.on("data", (d) => (body += d));
          res.on("end", () => resolve({ status: res.statusCode!, body }));
        });
        req.on("error", reject);
        req.end();
      });
    const before = reachedNext.length;
    const trace = await raw("TRACE", {});
    expect(trace.status).toBe(405);
    expect(JSON.parse(trace.body)).toMatchObject({ error: { code: "method_not_allowed" } });
    const badHost = await raw("POST", { host: "evil example/../" });
    expect(badHost.status).toBe(400);
    expect(JSON.parse(badHost.body)).toMatchObject({ error: { code: "invalid_host" } });
    expect(reachedNext.length).toBe(before);
  });

  it("a body the handler never read is dropped, not kept, and the keep-alive connection serves the next request", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const post = (path: string, body: Buffer) =>
      new Promise<{ status: number; text: string; socket: unknown }>((resolve, reject) => {
        const req = http.request(`${base}${path}`, { method: "POST", agent, headers: { "content-length": String(body.length) } }, (res) => {
          let text = "";
          res.on("data", (d) => (text += d));
          res.on("end", () => resolve({ status: res.statusCode!, text, socket: req.socket }));
        });
        req.on("error", reject);
        req.end(body);
      });
    const sockets = new Set<unknown>();
    for (let i = 0; i < 5; i++) {
      const refused = await post("/refuse", Buffer.alloc(2 * 1024 * 1024, 0x61));
      expect(refused.status).toBe(401);
      sockets.add(refused.socket);
      const served = await post("/direct", Buffer.from("after"));
      expect(served.status).toBe(201);
      expect(JSON.parse(served.text).echo).toBe("after");
      sockets.add(served.socket);
    }
    // One connection carried all ten requests.
    expect(sockets.size).toBe(1);
    agent.destroy();
  });
});
