import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getRun } from "@/db/queries";
import { startRun } from "@/lib/runs/start-run";
import { ownerActor } from "@/test/support/test-actor";

// Without SIMULATOR_BASE_URL the simulator is called in-process: no loopback
// request at all (so it works where the app cannot call itself, on Vercel).

afterEach(() => vi.unstubAllGlobals());

describe("the simulator in-process", () => {
  it("answers a run with no network call, timed and recorded like any provider", async () => {
    process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "playground-sim-"));
    delete process.env.SIMULATOR_BASE_URL;
    const networkCalls: string[] = [];
    vi.stubGlobal("fetch", async (input: RequestInfo | URL) => {
      networkCalls.push(String(input));
      throw new Error("no network in this test");
    });
    const owner = await ownerActor();
    const response = await startRun(
      new Request("http://localhost/api/runs", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ provider: "simulator", model: "qwen3.5-flash", params: { sim_ttft_ms: 150, sim_tokens_per_second: 2000, enable_thinking: false }, messages: [{ role: "user", parts: [{ type: "text", text: "write 40 words" }] }] }),
      }),
      owner,
    );
    expect(response.status).toBe(200);
    await response.text();
    const id = response.headers.get("x-run-id")!;
    await vi.waitFor(async () => expect((await getRun(id))?.status).toBe("done"));
    const run = (await getRun(id))!;
    expect(networkCalls).toEqual([]);
    expect(run.outputText.split(/\s+/).length).toBeGreaterThan(10);
    // The simulator waits on a Node timer, which fires on the loop's millisecond clock: up to 1 ms early by performance.now().
    expect(run.ttftMs).toBeGreaterThanOrEqual(149);
    expect(run.ttftMs).toBeLessThan(1000);
    expect(run.usageEstimated).toBe(false);
  });
});
