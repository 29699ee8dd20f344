import fs from "node:fs";
import http from "node:http";
import { expect, test } from "@playwright/test";
import { AppServer, freePort, tempDataDir } from "./support/app-server";
import { startTeamServer } from "./support/team";

// Requests cost nothing until they are allowed: on a warmed server (the
// streaming routes' direct handlers registered), a 300 MB POST is refused
// while it arrives, before the credentials say yes (401) or past the size
// limit (413), and the server's memory barely moves.

const TOTAL = 300 * 1024 * 1024;
const CHUNK = Buffer.alloc(1024 * 1024, 0x20);
const ROUTES = ["/api/runs", "/api/v1/chat/completions"];

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(status.match(/VmRSS:\s+(\d+)/)![1]) / 1024;
}

/** Sends up to 300 MB (declared or chunked) and resolves with the status and how long the answer took. */
function bigPost(base: string, path: string, chunked: boolean): Promise<{ status: number; ms: number; sentMb: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let sent = 0;
    let answered = false;
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (!chunked) headers["content-length"] = String(TOTAL);
    const req = http.request(`${base}${path}`, { method: "POST", headers });
    req.on("response", (res) => {
      answered = true;
      const ms = performance.now() - started;
      res.resume();
      req.destroy();
      resolve({ status: res.statusCode!, ms, sentMb: sent / 1024 / 1024 });
    });
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const pump = () => {
      while (!answered && sent < TOTAL) {
        sent += CHUNK.length;
        if (!req.write(CHUNK)) {
          req.once("drain", pump);
          return;
        }
      }
      if (!answered) req.end();
    };
    req.write("[");
    pump();
  });
}

async function warm(server: AppServer) {
  for (const route of ROUTES) await fetch(`${server.url}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
}

/** `maxGrowthMb`: what the route may hold while it reads up to its limit (the gateway takes base64 media inline, up to about 136 MB). */
async function expectRefusedCheaply(server: AppServer, expected: number, maxGrowthMb: (route: string) => number = () => 50) {
  for (const route of ROUTES) {
    for (const chunked of [false, true]) {
      const before = rssMb(server.pid!);
      const result = await bigPost(server.url, route, chunked);
      await new Promise((r) => setTimeout(r, 300));
      const grown = rssMb(server.pid!) - before;
      const what = `${route} ${chunked ? "chunked" : "declared"}: ${result.status} after ${result.ms.toFixed(0)} ms, ${result.sentMb} MB sent, RSS +${grown.toFixed(1)} MB`;
      console.log(`[large-bodies] ${what}`);
      expect(result.status, what).toBe(expected);
      expect(result.ms, what).toBeLessThan(1000);
      expect(grown, what).toBeLessThan(maxGrowthMb(route));
    }
  }
  // Still healthy, and still serving.
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
}

test("an unauthenticated 300 MB POST is refused with 401 before it is read", async () => {
  const server = await startTeamServer();
  try {
    await warm(server);
    await expectRefusedCheaply(server, 401);
  } finally {
    await server.stop();
  }
});

test("an authenticated 300 MB POST is refused with 413 while it arrives", async () => {
  const server = new AppServer(await freePort(), tempDataDir());
  await server.start();
  try {
    // Without sign-in every local request is the owner's: only the size limit stands in the way.
    await warm(server);
    await expectRefusedCheaply(server, 413, (route) => (route === "/api/runs" ? 50 : 400));
  } finally {
    await server.stop();
  }
});
