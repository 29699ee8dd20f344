import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ownerActor, personActor } from "@/test/support/test-actor";
import { handleSimulatorRequest } from "@/lib/simulator/handle-simulator-request";
import { serveFetchHandler, type ServedHandler } from "@/test/support/serve-fetch-handler";

// A failing disk or database write ends a run with storage_unavailable (not a
// bare abort), /api/ready says so, and nothing is half-written.

const failing = vi.hoisted(() => ({ insert: false }));
vi.mock("@/db/queries", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/db/queries")>();
  return {
    ...original,
    insertRun: (async (row, tx) => {
      if (failing.insert) throw new Error("SQLITE_FULL: database or disk is full");
      return original.insertRun(row, tx);
    }) as typeof original.insertRun,
  };
});

const { listRuns } = await import("@/db/queries");
const { startRun } = await import("./start-run");
const { handleReady } = await import("@/lib/http/handle-ready");

let upstream: ServedHandler;
beforeAll(async () => {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "playground-storage-"));
  upstream = await serveFetchHandler(handleSimulatorRequest);
  process.env.SIMULATOR_BASE_URL = `${upstream.url}/v1`;
});
afterAll(() => upstream.close());

const post = () =>
  new Request("http://localhost/api/runs", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ provider: "simulator", model: "qwen3.5-flash", params: { sim_ttft_ms: 50 }, messages: [{ id: "u1", role: "user", parts: [{ type: "text", text: "hello" }] }] }),
  });

describe("a write that fails", () => {
  it("ends the stream with storage_unavailable, leaves no row, and makes /api/ready answer 503", async () => {
    const owner = await ownerActor();
    expect((await handleReady()).status).toBe(200);
    failing.insert = true;
    const response = await startRun(post(), owner);
    const text = await response.text();
    expect(text).toContain('"type":"error"');
    expect(text).toContain("could not be recorded");
    expect(text).not.toContain('"type":"abort"');
    expect((await listRuns({ limit: 10 })).runs).toHaveLength(0);
    const ready = await handleReady();
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ok: false, error: { code: "storage_unavailable" } });
    failing.insert = false;
  });

  it("a write inside the budget check is a 503 storage_unavailable, never a 500", async () => {
    // A concurrency limit makes the check and the row one transaction, as a budget on a real provider does.
    const capped = await personActor("cap", "member", { maxConcurrent: 5 });
    failing.insert = true;
    await expect(startRun(post(), capped)).rejects.toMatchObject({ status: 503, code: "storage_unavailable" });
    failing.insert = false;
  });
});
